import pytest

from aidwatch.errors import CatalogError
from aidwatch.extract.money import find_quantities
from aidwatch.extract.numbers import (
    numbers_of,
    parse_number,
    quantity_before,
    vocabulary,
    words_of,
)


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        # digits: dots and spaces group thousands, the comma is decimal
        ("4", 4),
        ("1.000", 1000),
        ("15.000", 15000),
        ("1.000.000", 1_000_000),
        ("15 000", 15000),
        ("15\u00a0000", 15000),
        ("15\u202f000", 15000),
        ("300 000", 300_000),
        ("15,5", 15.5),
        ("1,000,000", 1_000_000),
        # digits and a multiplier
        ("1,1 milliard", 1.1e9),
        ("22 millions", 22e6),
        ("2 milliards", 2e9),
        ("15 mille", 15000),
        ("1,5 million", 1.5e6),
        # words, through text2num
        ("quatre", 4),
        ("dix-huit", 18),
        ("vingt et un", 21),
        ("vingt-et-une", 21),
        ("un", 1),
        ("une", 1),
        ("deux cents", 200),
        ("mille", 1000),
        ("deux mille cinq cents", 2500),
        ("quatre-vingt-dix", 90),
        ("un milliard", 1e9),
        ("trois millions", 3e6),
        ("Quatre", 4),
        # approximation nouns
        ("une cinquantaine", 50),
        ("une dizaine", 10),
        ("une centaine", 100),
        ("une douzaine", 12),
        ("un millier", 1000),
        ("deux centaines", 200),
        ("une dizaine de milliers", 10_000),
        ("une centaine de millions", 1e8),
        ("des centaines", None),
        ("quelques milliers", None),
        ("plusieurs dizaines", None),
        ("des dizaines de milliers", None),
        # not numbers
        ("", None),
        ("chars", None),
        ("F-16", None),
        ("millions", None),
        ("plus de 300", None),
        ("quatrième", None),
    ],
)
def test_parse_number(expr, expected):
    assert parse_number(expr) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Berlin va livrer 14 chars Leopard 2A6", [(14, "exact")]),
        ("comprenait quatre systèmes d'artillerie Himars", [(4, "exact")]),
        ("mais aussi 1.000 missiles anti-chars Javelin", [(1000, "exact")]),
        (
            "quatre hélicoptères Mi-17, 15.000 obus destinés aux Howitzers, 15 blindés légers",
            [(4, "exact"), (15000, "exact"), (15, "exact")],
        ),
        ("afin que 18 autres HIMARS puissent être achetés", [(18, "exact")]),
        ("il mobiliserait plus de 300 000 conscrits", [(300_000, "at_least")]),
        ("plus de 22 millions de cartouches d'armes légères", [(22_000_000, "at_least")]),
        ("un million d'obus", [(1_000_000, "exact")]),
        ("une cinquantaine de pays sont représentés", [(50, "approx")]),
        ("Une dizaine de blindés", [(10, "approx")]),
        ("une dizaine de milliers d'obus", [(10_000, "approx")]),
        ("environ 300 chars", [(300, "approx")]),
        ("Environ 300 chars", [(300, "approx")]),
        ("près de 40 canons", [(40, "approx")]),
        ("près d'une centaine de drones", [(100, "approx")]),
        ("quelque 300 soldats", [(300, "approx")]),
        ("jusqu'à 50 drones", [(50, "approx")]),
        ("moins de 20 avions", [(20, "approx")]),
        ("au moins 12 obusiers", [(12, "at_least")]),
        ("au minimum 8 lanceurs", [(8, "at_least")]),
        ("pas moins de 30 chars", [(30, "at_least")]),
        ("plus d'un million de cartouches", [(1_000_000, "at_least")]),
        ("plus d'une centaine de missiles", [(100, "at_least")]),
        ("vingt et un obusiers", [(21, "exact")]),
        ("dix-huit chars", [(18, "exact")]),
        ("deux cents missiles", [(200, "exact")]),
        ("Les 300 chars promis", [(300, "exact")]),
        ("cela portera le nombre total livré à 20.", [(20, "exact")]),
        ("2000 obus ont été livrés", [(2000, "exact")]),
        ("un lot de 1999 fusils", [(1999, "exact")]),
        ("neuf chars", [(9, "exact")]),
        ("fournir à Kiev 31 chars Abrams", [(31, "exact")]),
        ("14 Leopard 2 et 3 Challenger 2", [(14, "exact"), (3, "exact")]),
    ],
)
def test_find_quantities_reads_counts_and_their_kind(text, expected):
    assert [(q.value, q.kind) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # years
        "en 2023, Berlin a livré",
        "L'aide livrée en 2022 et 2023",
        "depuis 2014",
        "en 2023 des chars",
        "jusqu'à 2025",
        "l'invasion de février 2022",
        "d'ici 2030 les livraisons",
        "le budget 2024 prévoit",
        # days of the month
        "le 15 juin",
        "annoncée le 1er juin",
        "prévu les 11 et 12 juillet à Vilnius",
        "du 15 au 17 juin",
        "le 20 avril 2023 à Kiev",
        # calibres, distances, measures, times
        "des munitions de 155 mm",
        "des obus de 105 et 155 mm",
        "un rayon d'action de 300 km",
        "plus de 100 kilomètres carrés",
        "30 % de l'aide",
        "dix pour cent",
        "à 14 h 30",
        "à 14h30",
        "depuis 30 ans",
        "une dizaine de jours",
        "deux fois plus",
        # ordinals and model numbers glued to letters
        "des avions de combat de 4e génération",
        "des F-16",
        "des hélicoptères Mi-17",
        "des chars T-72",
        "des Leopard 2A6",
        "des obusiers M777",
        "des chars Leopard 2 et des Challenger 2.",
        "le Mirage 2000",
        # references
        "l'article 5 du traité",
        "des obusiers de calibre 155",
        # money
        "une tranche de 700 millions de dollars",
        "1,1 milliard d'euros",
        "la dernière en date, de 700 millions, annoncée",
        "40 000 euros",
        # vague amounts, articles, adjectives
        "des centaines de chars",
        "quelques milliers d'obus",
        "un char",
        "une aide",
        "un char neuf",
    ],
)
def test_find_quantities_leaves_out_what_is_not_a_count(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("livrer plus de 300 chars", "plus de 300"),
        ("livrer plus d'un million d'obus", "plus d'un million"),
        ("où une cinquantaine de pays", "une cinquantaine"),
        ("mais aussi 1.000 missiles", "1.000"),
        ("soit 15 000 obus", "15 000"),
        ("avec vingt et un chars", "vingt et un"),
        ("Au moins 12 obusiers", "Au moins 12"),
        ("une dizaine de milliers d'obus", "une dizaine de milliers"),
    ],
)
def test_find_quantities_spans_the_whole_expression(text, span):
    (q,) = find_quantities(text)
    assert text[q.start : q.end] == span


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("comprenait quatre autres ", (4, "exact")),
        ("mais aussi 1.000 ", (1000, "exact")),
        ("plus de 22 millions de ", (22_000_000, "at_least")),
        ("plus de 22 millions d'", (22_000_000, "at_least")),
        ("une cinquantaine de ", (50, "approx")),
        ("une dizaine d'autres ", (10, "approx")),
        ("sept de ces ", (7, "exact")),  # a count of a part
        ("deux de ses ", (2, "exact")),
        ("environ 300 ", (300, "approx")),
        ("le 15 juin, 40 ", (40, "exact")),
        ("Mi-17, 15.000 ", (15000, "exact")),
        ("afin que 18 autres ", (18, "exact")),
        ("12 exemplaires de ", (12, "exact")),
        ("quatre nouveaux ", (4, "exact")),
        ("les quatre premiers ", (4, "exact")),
        ("fournira 14 ", (14, "exact")),
        ("fournira à Kiev 31 ", (31, "exact")),
        ("un lot de 2000 ", (2000, "exact")),
        ("livrer un ", (1, "exact")),
        ("au moins une ", (1, "at_least")),
        ("quelque 2 500 (missiles antichars) ", (2500, "approx")),
        ("des (missiles antichars) ", None),
        ("les ", None),
        ("des ", None),
        ("de 155 mm et des ", None),
        ("F-16 et ", None),
        ("en 2023, ", None),
        ("en 2023 ", None),
        ("quatre des ", None),
        ("trois de ", None),
        ("des centaines de ", None),
        ("l'article 5 ", None),
        ("", None),
    ],
)
def test_quantity_before_an_item(before, expected):
    q = quantity_before(before, len(before))
    assert (q and (q.value, q.kind)) == expected


@pytest.mark.parametrize(
    ("text", "item", "span"),
    [
        ("comprenait quatre autres systèmes Himars", "systèmes", "quatre"),
        ("plus de 22 millions de cartouches", "cartouches", "plus de 22 millions"),
        ("4 HIMARS et 1.000 Javelin", "Javelin", "1.000"),
        ("4 HIMARS et 1.000 Javelin", "HIMARS", "4"),
        ("des obus de 155 mm et 40 chars", "chars", "40"),
    ],
)
def test_quantity_before_reads_only_up_to_the_item(text, item, span):
    q = quantity_before(text, text.index(item))
    assert text[q.start : q.end] == span


def test_vocabulary_bounds_have_known_kinds():
    assert set(vocabulary().bounds.values()) <= {"approx", "at_least"}


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ({"not_nouns": ["et", True]}, "not_nouns"),  # a bare YAML `on` reads as True
        ({"not_nouns": []}, "not_nouns"),
        ({"scales": {"mille": "1000"}}, "scales"),
        ({"scales": {"mille": 0}}, "scales"),
    ],
)
def test_bad_table_entries_raise_catalog_error_naming_them(table, key):
    read = numbers_of if key == "scales" else words_of
    with pytest.raises(CatalogError, match=f"numbers_fr.yaml: {key}"):
        read(table, "numbers_fr.yaml", key)
