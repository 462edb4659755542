"""Dating an undated article from its text (published.py), clue by clue.

Sentences are our own; `TODAY` fixes the upper bound so that the cases do
not age."""

from __future__ import annotations

from datetime import date

import pytest

from aidwatch.errors import CatalogError
from aidwatch.extract import extract_article
from aidwatch.extract.known_events import TYPES, known_events
from aidwatch.extract.published import date_article, month_fits, month_range
from aidwatch.extract.text import fold
from aidwatch.model import Article

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    "text,expected",
    [
        # weekday + day + month: the one year of the war it fits
        ("Le ministre a parlé mardi 11 octobre à Bruxelles.", ("2022-10", "weekday")),
        ("Les chars sont arrivés lundi 19 juin, selon Kiev.", ("2023-06", "weekday")),
        ("Il l'a annoncé vendredi soir 11 octobre.", ("2024-10", "weekday")),
        # the evening of a month's last day is told in the next month
        ("Il l'a annoncé lundi soir 31 octobre à la télévision.", ("2022-11", "weekday")),
        ("Il l'a annoncé lundi 31 octobre à la télévision.", ("2022-10", "weekday")),
        ("She said so on Monday evening, October 31.", ("2022-11", "weekday")),
        ("Il l'a annoncé mardi soir 28 février au Parlement.", ("2023-03", "weekday")),
        ("Il l'a annoncé lundi 31 octobre au soir, à Kiev.", ("2022-11", "weekday")),
        ("Il l'a annoncé lundi 31 octobre dans la soirée.", ("2022-11", "weekday")),
        ("She said so on Monday, October 31, in the evening.", ("2022-11", "weekday")),
        ("Il l'a annoncé lundi matin 31 octobre à la télévision.", ("2022-10", "weekday")),
        ("Il l'a dit lundi 31 octobre. Le soir, Kiev a été frappée.", ("2022-10", "weekday")),
        # ... in English, month or day first
        ("The minister spoke on Tuesday, October 11, in Brussels.", ("2022-10", "weekday")),
        ("The tanks arrived on Monday 19 June, Kyiv said.", ("2023-06", "weekday")),
        # a month abbreviated before its day, as news agencies write it
        ("He announced it on Friday evening, Oct. 11.", ("2024-10", "weekday")),
        ("The jets landed on Tuesday, Sept. 6, Kyiv said.", ("2022-09", "weekday")),
        ("On Thursday, March 6, 2025, the jets landed.", None),  # its year is given
        # weekdays that disagree: the month most of them give
        (
            "Le convoi est parti lundi 4 avril et arrivé mardi 5 avril, après un essai mardi 5 mars.",
            ("2022-04", "weekday"),
        ),
        # durations counted from the invasion
        ("Après onze mois de guerre, les alliés promettent des chars.", ("2023-01", "duration")),
        ("La Russie a envahi l'Ukraine il y a six mois.", ("2022-08", "duration")),
        ("Au deuxième anniversaire de l'invasion, Kiev manque d'obus.", ("2024-02", "duration")),
        ("Après plus de deux ans de guerre, Kiev manque d'obus.", None),  # a bound, no month
        ("Après plus d'un an de guerre, Kiev réclame des avions.", None),  # « d' » elided
        (
            "Kiev résiste à l'invasion déclenchée il y a un peu plus d'un an par Moscou.",
            ("2023-02", "duration"),
        ),
        ("La guerre lancée il y a huit mois a vidé les stocks.", ("2022-10", "duration")),
        # the thousands of a count kept with it (« 000 jours » is no duration)
        ("Après 1 000 jours de guerre, Kiev manque d'hommes.", ("2024-11", "duration")),
        ("Après mille jours de guerre, Kiev manque d'hommes.", ("2024-11", "duration")),
        ("Après 500 jours de guerre, Kiev manque d'obus.", ("2023-07", "duration")),
        ("Après 2,5 ans de guerre, Kiev manque d'obus.", None),
        ("Fin 2023, 18 mois de guerre ont vidé les stocks.", ("2023-08", "duration")),
        ("Après à peine plus de six mois de guerre, Kiev contre-attaque.", ("2022-08", "duration")),
        # officials in office: their tenures leave one year for « le 7 mars »
        (
            "Le ministre Boris Pistorius a reçu son homologue Oleksiï Reznikov le 7 mars.",
            ("2023-03", "official"),
        ),
        ("L'ancien ministre Oleksiï Reznikov a parlé le 7 mars.", None),
        # a president in office since August 2025: of the war's years only
        # 2026 (TODAY bounds it) leaves him « le 7 mars »
        ("Le président Karol Nawrocki a reçu son homologue le 7 mars.", ("2026-03", "official")),
        # a head of office whose term ended (November 2025): « l'ancien » is after
        (
            "L'ancien chef de cabinet Andriï Iermak a parlé le 7 mars.",
            ("2026-03", "official"),
        ),
        # a former minister: after the office, here with one still in it
        (
            "Le ministre Oleksiï Reznikov a reçu l'ancienne ministre Christine Lambrecht le 7 mars.",
            ("2023-03", "official"),
        ),
        (
            "Le ministre Oleksiï Reznikov a reçu Christine Lambrecht, ancienne ministre, le 7 mars.",
            ("2023-03", "official"),
        ),
        # events looked back on: the article is after them
        (
            "Au lendemain de la destruction du barrage de Kakhovka, Kiev demande de l'aide.",
            ("2023-06", "event"),
        ),
        # ... but dated beside it with its year, it is history recalled: a bound only
        (
            "La destruction du barrage de Kakhovka, en juin 2023, a vidé le réservoir.",
            None,
        ),
        ("Les quatre régions que Moscou veut annexer restent contestées.", ("2022-10", "event")),
        (
            "Une semaine après l'altercation dans le Bureau ovale, Kiev attend les munitions.",
            ("2025-03", "event"),
        ),
        ("Le président a reçu son homologue dans le Bureau ovale.", None),
        # dates with their year: the latest that is neither a bound nor ahead
        ("Berlin a livré des obus le 3 mai 2023 puis le 9 juin.", ("2023-06", "dates")),
        ("Depuis février 2022, les alliés ont livré des chars.", None),
        # a month without its day recalls the past: a lower bound only
        ("Paris avait livré des canons en septembre 2022.", None),
        # a summit may be ahead: the months around it give its year, not a month
        (
            "Le sommet de l'Otan, prévu en juillet à Vilnius, doit approuver un plan.",
            ("2023", "event"),
        ),
        # ... unless the text puts it a few days ahead: the month of those days
        (
            "Kiev espère une invitation au sommet de Vilnius, prévu la semaine prochaine.",
            ("2023-07", "event"),
        ),
        ("Demain s'ouvre le sommet de l'Otan à Madrid.", ("2022-06", "event")),
        ("Le sommet de l'Otan à La Haye se tient cette semaine.", ("2025-06", "event")),
        # ... not a summit in the past
        ("Au sommet de Vilnius, l'an dernier, Kiev n'a pas été invité.", ("2023", "event")),
        # a meeting of a series named by its day or number: its month, unless
        # ahead (then its year); a day two meetings share needs other clues
        (
            "À la réunion de Ramstein du 14 février, le ministre Rustem Umerov a demandé des obus.",
            ("2024-02", "event"),
        ),
        ("À la réunion de Ramstein du 14 février, Kiev a demandé des obus.", None),
        ("La 20e réunion du groupe de contact s'est tenue en Allemagne.", ("2024-03", "event")),
        ("Le groupe de contact s'est réuni le 6 septembre à Ramstein.", ("2024-09", "event")),
        ("La prochaine réunion du groupe de contact est prévue le 6 septembre.", ("2024", "event")),
        ("Le groupe de contact se réunira le 6 septembre à Ramstein.", ("2024", "event")),
        # a meeting's day the text does not tie to the meeting is the article's own
        (
            "Le ministre Oleksiï Reznikov a reçu le ministre Boris Pistorius le 19 septembre.",
            ("2023-09", "official"),
        ),
        # the invasion's own day is no day of the article
        ("Le ministre Oleksiï Reznikov a rappelé le 24 février.", None),
        ("Les livraisons sont prévues en août 2025.", None),
        # a date in the clause of a verb in the future is ahead
        (
            "Paris a livré des canons (03.05.2023). Le premier avion volera le 9 juin 2024.",
            ("2023-05", "dates"),
        ),
        # a day written out with its year recalls the past: a lower bound only
        ("Le 6 juin 2023, Paris avait promis des canons à l'Ukraine.", None),
        ("On June 6, 2023, Paris promised guns to Ukraine.", None),
        # a numeric stamp is the article's own day
        ("Berlin, 14.06.2023 : l'Allemagne livre des canons à l'Ukraine.", ("2023-06", "dates")),
        ("La guerre a commencé en février 2022 et Paris a livré des canons.", None),
        # a month the text calls gone by (« en juin dernier ») is not the article's
        (
            "Paris a livré des canons (03.05.2023). Le 9 juin, les obus promis en juin "
            "dernier sont arrivés.",
            None,
        ),
        # ... but a day so called may be of the article's own month
        (
            "Paris a livré des canons (03.05.2023). Le 9 juin dernier, Kiev a reçu les obus.",
            ("2023-06", "dates"),
        ),
        # a post the article embeds is stamped with its day: the latest one's month
        (
            "Berlin livrera des chars.\n— Un ministère (@un_ministere) March 3, 2023\n"
            "Le ministre l'a confirmé.\n— Une agence (@agence) 2 avril 2023\n",
            ("2023-04", "dates"),
        ),
        ("Berlin livrera des chars, a écrit (@un_ministere) le 3 mars 2023.", None),
        ("Un post (@un_ministere) March 3, 2019 le disait déjà.", None),  # before the war
        # a page's own stamp, alone on its line, is the article's date
        (
            "Berlin livre des chars\nPublié le 7 avril 2022 à 10h57, mis à jour le 9 avril "
            "2022\nLe ministre a parlé mardi 11 octobre.",
            ("2022-04", "dates"),
        ),
        ("Berlin livre des chars\nMIS À JOUR : 03.05.2023\nKiev remercie.", ("2023-05", "dates")),
        # ... not a sentence that begins as one, nor another text's publication
        ("Publié le 3 mai 2023, le rapport dit que Berlin livre des chars.", None),
        ("Un rapport publié le 3 mai 2023 montre que Berlin livre des chars.", None),
        # a known event the article looks back on: the month after its day
        (
            "Kiev demande des missiles depuis que Moscou a décrété la loi martiale dans les "
            "régions annexées.",
            ("2022-10", "event"),
        ),
        # a meeting held once at one place, named by it
        ("Les ministres du G7, réunis à Weissenhaus, promettent des armes.", ("2022-05", "event")),
        # a visit named by its day (a visit of another day is not this one)
        (
            "Lors de sa visite en Suède le 19 août, le président a parlé de blindés.",
            ("2023-08", "event"),
        ),
        ("Lors de sa visite en Suède le 22 octobre, le président a parlé d'avions.", None),
        (
            "Le 20 novembre, le secrétaire à la Défense Lloyd Austin est arrivé à Kiev en train.",
            ("2023-11", "event"),
        ),
        # an attack that took place, not the permission debated before it
        (
            "Moscou dit avoir repoussé une attaque aux missiles Storm Shadow sur le territoire "
            "russe.",
            ("2024-11", "event"),
        ),
        ("Londres hésite à autoriser des frappes de Storm Shadow sur le territoire russe.", None),
        (
            "Le président Yoon a dit dans un entretien à Reuters que Séoul pourrait armer Kiev.",
            ("2023-04", "event"),
        ),
        (
            "Bruxelles étudie un fonds de 20 milliards d'euros sur quatre ans pour l'armée "
            "ukrainienne.",
            ("2023-07", "event"),
        ),
        (
            "Le chancelier refuse toujours les Taurus, a-t-il redit lors d'une conférence de "
            "l'agence DPA.",
            ("2024-02", "event"),
        ),
        # a page's stamp on the day of a known event the text does not name
        # is the article's day (20 July 2023: Borrell's fund proposal)
        ("Berlin livre des Gepard\n\n2023-07-20 19:57:00\n\nKiev remercie.", ("2023-07", "dates")),
        # a year said alone dates nothing
        ("En 2024, elle déploiera deux escadrons.", None),
        ("Le groupe, fondé en mai 1952, publie ses résultats.", None),
    ],
)
def test_undated_article_is_dated_by_its_clues(text, expected):
    found = date_article(text, today=TODAY)
    assert ((found.date, found.basis) if found else None) == expected


def test_an_inferred_date_never_has_a_day_nor_a_future_month():
    found = date_article("Le ministre a parlé mardi 11 octobre.", today=date(2022, 9, 1))
    assert found is None  # 11 October 2022 is after that "today"


@pytest.mark.parametrize(
    "text,evidence",
    [
        ("Kiev l'a dit mardi 11 octobre à Bruxelles.", "mardi 11 octobre"),
        ("Après onze mois de guerre, Kiev attend.", "onze mois de guerre"),
    ],
)
def test_the_evidence_is_the_clue_itself(text, evidence):
    found = date_article(text, today=TODAY)
    assert text[found.start : found.end] == evidence


# ---------------------------------------------------------------- the events table


def test_every_known_event_has_a_type_and_a_source():
    for event in known_events():
        assert event.type in TYPES and event.source.startswith("https://"), event.name


@pytest.mark.parametrize(
    "sentence,name",
    [
        ("Le sommet de l'Otan à Vilnius a promis l'adhésion.", "NATO summit"),
        ("Au sommet de Vilnius, l'Otan a promis l'adhésion.", "NATO summit"),
        ("La 24e réunion du groupe de contact a promis des obus.", "Ukraine Defense Contact Group"),
        ("Au Ramstein-19, Kiev a demandé des obus.", "Ukraine Defense Contact Group"),
        ("Après la mutinerie du groupe Wagner, Moscou a changé de ton.", "Wagner Group rebellion"),
        (
            "Depuis l'incursion ukrainienne dans la région de Koursk, Moscou recule.",
            "Ukrainian incursion into Kursk Oblast",
        ),
        (
            "Depuis le naufrage du croiseur Moskva, la flotte reste à quai.",
            "Sinking of the cruiser Moskva",
        ),
    ],
)
def test_known_event_patterns_match_ordinary_wordings(sentence, name):
    from aidwatch.extract.text import fold

    assert [e.name for e in known_events() if e.pattern.search(fold(sentence))] == [name]


def test_a_bad_events_row_is_reported_with_its_entry(monkeypatch, tmp_path):
    import aidwatch.extract.known_events as module

    bad = "- {name: X, type: parade, date: 2023-01-01, pattern: x, source: 'https://a'}\n"
    (tmp_path / "known_events_fr.yaml").write_text(bad, encoding="utf-8")
    monkeypatch.setattr(module.resources, "files", lambda package: tmp_path)
    module.known_events.cache_clear()
    try:
        with pytest.raises(CatalogError, match="entry 1: type 'parade'"):
            module.known_events()
    finally:
        module.known_events.cache_clear()


@pytest.mark.parametrize(
    "sentence",
    [
        "La 20e réunion du groupe de contact s'est tenue en Allemagne.",
        "Au Ramstein-24, Kiev a demandé des obus.",
        "Le 14 février, à Ramstein, les alliés ont promis des obus.",
        "Le 14 février, les alliés ont promis des obus.",
    ],
)
def test_a_gate_only_saves_scans_it_never_changes_what_matches(sentence):
    from aidwatch.extract.published import _matched_events

    text = fold(sentence)
    every_row = [e.name + e.date for e in known_events() if e.pattern.search(text)]
    assert [e.name + e.date for e, _ in _matched_events(text)] == every_row


def test_a_bad_exact_flag_is_reported_with_its_entry(monkeypatch, tmp_path):
    import aidwatch.extract.known_events as module

    bad = (
        "- {name: X, type: meeting, date: 2023-01-01, pattern: x, exact: 1, source: 'https://a'}\n"
    )
    (tmp_path / "known_events_fr.yaml").write_text(bad, encoding="utf-8")
    monkeypatch.setattr(module.resources, "files", lambda package: tmp_path)
    module.known_events.cache_clear()
    try:
        with pytest.raises(CatalogError, match="entry 1: exact must be true or false"):
            module.known_events()
    finally:
        module.known_events.cache_clear()


@pytest.mark.parametrize(
    "key,value,message",
    [
        ("units", {"mois": "fortnight"}, "units: each must be day, week, month or year"),
        ("titles", "ministre", "titles must be a list of phrases"),
        ("count_words", {}, "count_words must be a non-empty mapping"),
        ("days_ahead", {"demain": "bientot"}, "days_ahead: each must be this_week"),
    ],
)
def test_a_bad_dating_table_is_reported_with_its_key(monkeypatch, tmp_path, key, value, message):
    import yaml

    import aidwatch.extract.published as module

    table = yaml.safe_load(
        module.resources.files("aidwatch.extract").joinpath("dating_fr.yaml").read_text("utf-8")
    )
    table[key] = value
    (tmp_path / "dating_fr.yaml").write_text(yaml.safe_dump(table), encoding="utf-8")
    real = module.resources.files
    monkeypatch.setattr(module.resources, "files", lambda package: tmp_path)
    module._words.cache_clear()
    try:
        with pytest.raises(CatalogError, match=message):
            module._words()
    finally:
        monkeypatch.setattr(module.resources, "files", real)
        module._words.cache_clear()


@pytest.mark.parametrize(
    "text,expected",
    [
        # a minister's tenure bounds the article
        ("Le ministre Boris Pistorius a parlé mardi.", ("2023-01", "2026-12")),
        ("Le ministre Oleksiï Reznikov a parlé mardi.", ("2022-01", "2023-09")),
        # nothing bounds it but the war and today
        ("Kiev a parlé mardi.", ("2022-01", "2026-12")),
    ],
)
def test_month_range_is_what_the_bounds_leave(text, expected):
    assert month_range(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text,month,expected",
    [
        ("Une vidéo diffusée en mai dernier montrait les canons.", "2023-05", False),
        ("Une vidéo diffusée en mai dernier montrait les canons.", "2023-06", True),
        ("Une vidéo diffusée le 3 mai dernier montrait les canons.", "2023-05", True),
        ("Une vidéo diffusée en mai montrait les canons.", "2023-05", True),
        # the bounds: a minister out of office by then
        ("Le ministre Oleksiï Reznikov a parlé mardi.", "2024-02", False),
        ("Le ministre Oleksiï Reznikov a parlé mardi.", "2023-02", True),
    ],
)
def test_a_month_fits_an_article_within_its_bounds_and_after_its_months_gone(text, month, expected):
    assert month_fits(text, month, today=TODAY) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # an event looked back on, in English (known_events_en.yaml)
        (
            "A week after the heated Oval Office meeting, Germany said it would send "
            "two more Patriot systems to Ukraine.",
            "2025-03",
        ),
        (
            "After the Oval Office clash, Sweden said it would send 20 CV90 vehicles to Ukraine.",
            "2025-03",
        ),
        (
            "In the Oval Office, the president said Germany would send two more Patriot "
            "systems to Ukraine.",
            None,
        ),
    ],
)
def test_an_english_article_is_dated_by_the_events_it_names(text, expected):
    extraction = extract_article(Article(id="t", source="<t>", text=text, language="en"))
    assert extraction.article.published == expected
