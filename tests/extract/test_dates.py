"""Date expressions found in French text and resolved against the article's date.

Each case: (text, base, prefer, [(mention text, iso)]). Weekdays of the bases
used below: 2023-06-14 Wednesday, 2023-06-13 Tuesday, 2023-06-16 Friday,
2023-06-01 Thursday, 2023-01-02 Monday, 2022-12-28 Wednesday,
2024-03-01 Friday, 2023-06-05 Monday.
"""

import pytest

from aidwatch.extract.dates import DateMention, find_dates

P, F, N = "past", "future", "nearest"

EXPLICIT = [
    ("le 24 février 2022", None, P, [("le 24 février 2022", "2022-02-24")]),
    ("Dès l'invasion du 24 février 2022, Kiev", "2023-06", P, [("24 février 2022", "2022-02-24")]),
    ("1er juin 2022", None, P, [("1er juin 2022", "2022-06-01")]),
    ("le 1ᵉʳ juin 2022", None, P, [("le 1ᵉʳ juin 2022", "2022-06-01")]),
    ("depuis l'invasion russe de février 2022", "2023-04", P, [("février 2022", "2022-02")]),
    ("La contre-offensive est attendue en 2023.", None, P, [("2023", "2023")]),
    ("séparatiste depuis 2014", "2023-06", P, [("2014", "2014")]),
    ("signé le 24/02/2022 à Kiev", None, P, [("24/02/2022", "2022-02-24")]),
    ("publié le 2022-02-24", None, P, [("2022-02-24", "2022-02-24")]),
    ("le 20 avril 2023 à Kiev", "2023-04", P, [("le 20 avril 2023", "2023-04-20")]),
    ("Le mardi 12 juillet 2022, Washington", None, P, [("Le mardi 12 juillet 2022", "2022-07-12")]),
    ("le 24 fév. 2022", None, P, [("le 24 fév. 2022", "2022-02-24")]),
    ("en sept. 2022", None, P, [("sept. 2022", "2022-09")]),
    ("le 3 Mars 2022", None, P, [("le 3 Mars 2022", "2022-03-03")]),
    ("Mars 2022 a été décisif", None, P, [("Mars 2022", "2022-03")]),
    ("d'ici 2025", "2023-06", F, [("2025", "2025")]),
]

PARTIAL = [
    ("annoncée le 1er juin", "2022-06", P, [("le 1er juin", "2022-06-01")]),
    ("annoncée le 1er juin", "2022-06-20", P, [("le 1er juin", "2022-06-01")]),
    ("en annonçant le 13 juin", "2023-06", P, [("le 13 juin", "2023-06-13")]),
    ("doivent se réunir le 15 juin", None, P, [("le 15 juin", None)]),
    ("une réunion s'est tenue en avril", "2022-06", P, [("avril", "2022-04")]),
    ("en mai", "2023-01-10", P, [("mai", "2022-05")]),
    ("en mai", "2023-01-10", F, [("mai", "2023-05")]),
    ("en décembre", "2023-02", P, [("décembre", "2022-12")]),
    ("en décembre", "2023-02", F, [("décembre", "2023-12")]),
    ("en janvier", "2022-12", F, [("janvier", "2023-01")]),
    ("en juin", "2023-06", F, [("juin", "2023-06")]),
    ("le 24 février", "2022", P, [("le 24 février", "2022-02-24")]),
    ("le 3 juin dernier", "2023-06-02", P, [("le 3 juin dernier", "2022-06-03")]),
    ("le 3 juin dernier", "2023-06-20", P, [("le 3 juin dernier", "2023-06-03")]),
    ("en avril dernier", "2023-05", P, [("avril dernier", "2023-04")]),
    ("en avril dernier", "2023-04", P, [("avril dernier", "2022-04")]),
    ("en juin prochain", "2023-06", P, [("juin prochain", "2024-06")]),
    ("livrés d'ici mars", "2023-04", P, [("mars", "2024-03")]),
    ("depuis octobre", "2023-02", F, [("octobre", "2022-10")]),
    # The weekday picks the year near the guess: 5 January 2023 was a Thursday.
    ("jeudi 5 janvier", "2022-12-28", P, [("jeudi 5 janvier", "2023-01-05")]),
    ("le 29 février", "2024-03", P, [("le 29 février", "2024-02-29")]),
    (
        "le sommet prévu les 11 et 12 juillet",
        "2023-06",
        P,
        [("les 11 et 12 juillet", "2023-07-11")],
    ),
    ("le 11 juillet", "2023-06", N, [("le 11 juillet", "2023-07-11")]),
    ("le 11 janvier", "2023-06", N, [("le 11 janvier", "2023-01-11")]),
    ("le 11 décembre", "2023-06", N, [("le 11 décembre", "2022-12-11")]),  # as near: the past
]

WEEKDAY = [
    ("annoncé mardi", "2023-06-14", P, [("mardi", "2023-06-13")]),
    ("a déclaré mercredi", "2023-06-14", P, [("mercredi", "2023-06-14")]),
    ("a assuré jeudi soir", "2023-06-14", P, [("jeudi soir", "2023-06-08")]),
    ("ce mardi", "2023-06-14", P, [("ce mardi", "2023-06-13")]),
    ("Mardi, le Pentagone a annoncé", "2023-06-14", P, [("Mardi", "2023-06-13")]),
    ("mardi dernier", "2023-06-13", P, [("mardi dernier", "2023-06-06")]),
    ("mardi prochain", "2023-06-13", P, [("mardi prochain", "2023-06-20")]),
    ("mardi prochain", "2023-06-14", P, [("mardi prochain", "2023-06-20")]),
    ("jeudi", "2023-06-14", F, [("jeudi", "2023-06-15")]),
    ("mercredi", "2023-06-14", F, [("mercredi", "2023-06-14")]),
    ("jeudi", "2023-06-14", N, [("jeudi", "2023-06-15")]),
    ("lundi", "2023-06-14", N, [("lundi", "2023-06-12")]),
    (
        "des missiles ont visé Kiev dans la nuit de jeudi à vendredi",
        "2023-06-16",
        P,
        [("la nuit de jeudi à vendredi", "2023-06-15")],
    ),
    ("qui se prolonge ce vendredi", "2023-06", P, [("ce vendredi", "2023-06")]),
    ("sont réunis vendredi", "2023", P, [("vendredi", "2023")]),
    ("qui devrait être annoncé mardi", None, P, [("mardi", None)]),
    ("depuis lundi", "2023-06-14", F, [("lundi", "2023-06-12")]),
    # across a month and a year
    ("vendredi", "2023-06-01", P, [("vendredi", "2023-05-26")]),
    ("samedi", "2023-01-02", P, [("samedi", "2022-12-31")]),
    ("lundi prochain", "2022-12-28", P, [("lundi prochain", "2023-01-02")]),
    ("dimanche", "2024-03-01", P, [("dimanche", "2024-02-25")]),
    ("jeudi matin", "2024-03-01", P, [("jeudi matin", "2024-02-29")]),
]

RELATIVE = [
    ("hier", "2023-06-14", P, [("hier", "2023-06-13")]),
    ("Hier soir, Kiev", "2023-06-14", P, [("Hier soir", "2023-06-13")]),
    ("hier", "2023-03-01", P, [("hier", "2023-02-28")]),
    ("hier", "2024-01-01", P, [("hier", "2023-12-31")]),
    ("hier", "2023-06", P, [("hier", "2023-06")]),
    ("hier", None, P, [("hier", None)]),
    ("aujourd'hui", "2023-06-14", P, [("aujourd'hui", "2023-06-14")]),
    ("Aujourd’hui", "2023-06-14", P, [("Aujourd’hui", "2023-06-14")]),
    ("avant-hier", "2023-06-01", P, [("avant-hier", "2023-05-30")]),
    ("a annoncé cette semaine", "2023-06-14", P, [("cette semaine", "2023-06")]),
    ("a annoncé cette semaine", "2023-04", P, [("cette semaine", "2023-04")]),
    ("la semaine dernière", "2023-06-05", P, [("la semaine dernière", "2023-05")]),
    ("la semaine dernière", "2023-06-14", P, [("la semaine dernière", "2023-06")]),
    ("ce mois-ci", "2023-06-14", P, [("ce mois-ci", "2023-06")]),
    ("le mois dernier", "2023-01-10", P, [("le mois dernier", "2022-12")]),
    ("le mois prochain", "2023-12", P, [("le mois prochain", "2024-01")]),
    ("depuis l’invasion de l’an dernier", "2023-06", P, [("l’an dernier", "2022")]),
    ("l'année dernière", "2023", P, [("l'année dernière", "2022")]),
    ("cette année", "2023-06-14", P, [("cette année", "2023")]),
    ("l'an dernier", None, P, [("l'an dernier", None)]),
]

PERIOD = [
    ("livrés depuis fin mars", "2023-04-21", P, [("fin mars", "2023-03")]),
    ("depuis fin juillet", "2022-08-25", P, [("fin juillet", "2022-07")]),
    ("début juin", "2022-06", P, [("début juin", "2022-06")]),
    ("à la mi-juillet", "2023-06", P, [("mi-juillet", "2022-07")]),
    ("à la mi-juillet", "2023-06", F, [("mi-juillet", "2023-07")]),
    ("courant avril", "2023-06", P, [("courant avril", "2023-04")]),
    ("fin mars 2023", None, P, [("fin mars 2023", "2023-03")]),
    ("au début de mars", "2023-06", P, [("début de mars", "2023-03")]),
    ("d'ici fin 2023", None, P, [("fin 2023", "2023")]),
    ("mi-2024", None, P, [("mi-2024", "2024")]),
    ("d'ici la fin de l'année", "2023-06", P, [("fin de l'année", "2023")]),
    ("début du mois prochain", "2023-12-10", P, [("début du mois prochain", "2024-01")]),
    ("à partir de cet été", "2023-06-14", P, [("cet été", "2023")]),
    ("cet été", "2023-01-10", P, [("cet été", "2023")]),
    ("cet été", "2023-10", P, [("cet été", "2023")]),
    ("ce printemps", "2023-04", P, [("ce printemps", "2023")]),
    ("l'été dernier", "2023-06", P, [("l'été dernier", "2022")]),
    ("l'été dernier", "2023-09", P, [("l'été dernier", "2023")]),
    # A season's year is that of its last month: winter 2023 ends in February 2023.
    ("l'hiver dernier", "2023-04", P, [("l'hiver dernier", "2023")]),
    ("l'hiver dernier", "2023-01-15", P, [("l'hiver dernier", "2022")]),
    ("l'hiver 2022-2023", None, P, [("l'hiver 2022-2023", "2023")]),
    ("au printemps 2023", None, P, [("printemps 2023", "2023")]),
    ("tout l'hiver", "2023-04", P, [("l'hiver", "2023")]),
    ("une décision avant l'été", "2023-04", P, [("l'été", "2023")]),
    ("depuis l’été", "2023-04", P, [("l’été", "2022")]),
    ("d'ici l'été", "2023-10", P, [("l'été", "2024")]),
    ("en hiver", "2023-02-10", P, [("hiver", "2023")]),
    ("au cours de l'été", "2022-09", P, [("l'été", "2022")]),
    ("à la fin de l'été", "2023-10", P, [("fin de l'été", "2023")]),
    ("cet été", None, P, [("cet été", None)]),
]

RANGE = [
    ("les 11 et 12 juillet", "2023-06", P, [("les 11 et 12 juillet", "2022-07-11")]),
    ("les 11 et 12 juillet", "2023-06", F, [("les 11 et 12 juillet", "2023-07-11")]),
    ("du 11 au 12 juillet 2023", None, P, [("du 11 au 12 juillet 2023", "2023-07-11")]),
    ("entre le 3 et le 5 mai", "2023-06", P, [("entre le 3 et le 5 mai", "2023-05-03")]),
    ("les 11-12 juillet 2023", None, P, [("les 11-12 juillet 2023", "2023-07-11")]),
    ("les 2, 3 et 4 mai 2023", None, P, [("les 2, 3 et 4 mai 2023", "2023-05-02")]),
    ("du 28 février au 2 mars 2022", None, P, [("du 28 février au 2 mars 2022", "2022-02-28")]),
    # across a year: the first day is in the year before the one written
    (
        "du 30 décembre au 2 janvier 2023",
        None,
        P,
        [("du 30 décembre au 2 janvier 2023", "2022-12-30")],
    ),
    (
        "du 30 décembre au 2 janvier",
        "2023-01-05",
        P,
        [("du 30 décembre au 2 janvier", "2022-12-30")],
    ),
    ("de mars à mai 2023", None, P, [("de mars à mai 2023", "2023-03")]),
    ("entre novembre et février 2023", None, P, [("entre novembre et février 2023", "2022-11")]),
]

NEGATIVE = [
    ("Le char a été livré", "2023-06", P, []),
    ("il l'a été, selon lui", "2023-06", P, []),
    ("des équipements d'hiver", "2023-06", P, []),
    ("l'heure d'été", "2023-06", P, []),
    ("sa décision", "2023-06-14", P, []),
    ("mar 3 et ven 4", "2023-06-14", P, []),
    ("ils en ont livré sept.", "2023-06", P, []),
    ("une sonde vers Mars", "2023-06", P, []),
    ("Mars est une planète", "2023-06", P, []),
    ("Avril Haines a déclaré", "2023-06", P, []),
    ("maintenant, mais aussi les mardis", "2023-06", P, []),
    ("2000 soldats et plus de 1900 véhicules", "2023-06", P, []),
    ("il y a une semaine", "2023-06", P, []),
    ("cette année-là", "2023-06", P, []),
    ("le 31 juin", "2023-06", P, [("juin", "2023-06")]),  # no such day, still June
    ("31/02/2023", None, P, []),
]

MIXED = [
    (
        "Mardi, puis le 1er juin et en 2023",
        "2022-06-14",
        P,
        [("Mardi", "2022-06-14"), ("le 1er juin", "2022-06-01"), ("2023", "2023")],
    ),
    # One mention for the longest reading, not its parts.
    ("jeudi 24 février 2022", None, P, [("jeudi 24 février 2022", "2022-02-24")]),
    (
        "Les alliés sont réunis vendredi, après une visite jeudi",
        "2023-04-21",
        P,
        [("vendredi", "2023-04-21"), ("jeudi", "2023-04-20")],
    ),
]


@pytest.mark.parametrize(
    "text, base, prefer, expected",
    EXPLICIT + PARTIAL + WEEKDAY + RELATIVE + PERIOD + RANGE + NEGATIVE + MIXED,
)
def test_finds_and_resolves(text, base, prefer, expected):
    found = find_dates(text, base, prefer)
    assert [(d.text, d.iso) for d in found] == expected
    for d in found:
        assert text[d.start : d.end] == d.text


@pytest.mark.parametrize(
    "text, kind",
    [
        ("le 24 février 2022", "explicit"),
        ("en 2023", "explicit"),
        ("24/02/2022", "explicit"),
        ("le 1er juin", "partial"),
        ("en avril", "partial"),
        ("hier", "relative"),
        ("la semaine dernière", "relative"),
        ("mardi", "weekday"),
        ("la nuit de jeudi à vendredi", "weekday"),
        ("fin mars", "period"),
        ("cet été", "period"),
        ("au printemps 2023", "period"),
        ("les 11 et 12 juillet", "range"),
        ("de mars à mai", "range"),
    ],
)
def test_kind(text, kind):
    (found,) = find_dates(text, "2023-06-14")
    assert found.kind == kind


@pytest.mark.parametrize(
    "text, base, fields",
    [
        # Without a base, what the text says is kept.
        ("le 15 juin", None, (None, 6, 15)),
        ("en avril", None, (None, 4, None)),
        ("mardi", None, (None, None, None)),
        ("mardi", "2023-06", (2023, 6, None)),
        ("cet été", "2023-06-14", (2023, None, None)),
    ],
)
def test_fields(text, base, fields):
    (found,) = find_dates(text, base)
    assert (found.year, found.month, found.day) == fields


@pytest.mark.parametrize(
    "mention, iso",
    [
        (DateMention(0, 1, "x", 2023, 6, 14, "explicit"), "2023-06-14"),
        (DateMention(0, 1, "x", 2023, 6, None, "partial"), "2023-06"),
        (DateMention(0, 1, "x", 2023, None, None, "period"), "2023"),
        (DateMention(0, 1, "x", None, 6, 14, "partial"), None),
    ],
)
def test_iso(mention, iso):
    assert mention.iso == iso


@pytest.mark.parametrize("base", ["juin 2023", "2023-13", "2023-02-30"])
def test_bad_base_is_an_error(base):
    with pytest.raises(ValueError):
        find_dates("mardi", base)


def test_bad_preference_is_an_error():
    with pytest.raises(ValueError):
        find_dates("mardi", "2023-06-14", prefer="recent")


def test_offsets_in_a_longer_text():
    text = "Washington a annoncé mardi 624 millions de dollars."
    (found,) = find_dates(text, "2022-11-30")
    assert (found.start, found.end, found.iso) == (21, 26, "2022-11-29")


# English writes the month first (US style); capitalised, and never in French.
MONTH_FIRST = [
    (
        "en",
        "The Pentagon said on March 27 it would send tanks.",
        "2023-04-02",
        [("March 27", "2023-03-27")],
    ),
    (
        "en",
        "The Pentagon said on Tuesday, March 28, it would send tanks.",
        "2023-04-02",
        [("Tuesday, March 28", "2023-03-28")],
    ),
    ("en", "On March 27, 2023, Berlin sent tanks.", None, [("March 27, 2023", "2023-03-27")]),
    ("en", "Kyiv asked on May 3rd for more shells.", "2023-06-10", [("May 3rd", "2023-05-03")]),
    ("en", "The March 27-28 meeting ended.", "2023-04-02", []),
    # a month abbreviated before its day ("Jan. 19"), capitalised, with its dot
    ("en", "On Jan. 19, Washington sent more arms.", "2023-02-10", [("Jan. 19", "2023-01-19")]),
    (
        "en",
        "The Pentagon said on Tuesday, Sept. 6, 2022, it would send shells.",
        None,
        [("Tuesday, Sept. 6, 2022", "2022-09-06")],
    ),
    ("en", "The jan. 19 figure was wrong.", "2023-02-10", []),
    ("fr", "Livrés en avril 15 chars sont arrivés.", "2023-06-10", [("avril", "2023-04")]),
    # a capitalised month alone is a date after a preposition, a cue or a modifier
    (
        "en",
        "Germany promised tanks in January and sent them last March.",
        "2023-06-10",
        [("January", "2023-01"), ("last March", "2023-03")],
    ),
    ("en", "Kyiv has asked for jets since April.", "2023-06-10", [("April", "2023-04")]),
    ("en", "Theresa May spoke; March on, she said.", "2023-06-10", []),
    ("en", "In May, 2,000 troops left.", "2023-06-10", []),
]


@pytest.mark.parametrize("lang, text, base, expected", MONTH_FIRST)
def test_month_first_dates(lang, text, base, expected):
    found = find_dates(text, base, lang=lang)
    assert [(d.text, d.iso) for d in found] == expected
