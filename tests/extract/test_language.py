"""The language table: its loader's validation, and the rules built from it."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from aidwatch.errors import CatalogError
from aidwatch.extract import anaphora, facts, items, packages, pipeline, published, status
from aidwatch.extract.language import SCHEMA, load, tables
from aidwatch.extract.text import fold, sentences

_SHIPPED = resources.files("aidwatch.extract").joinpath("language_fr.yaml")


def _shipped() -> dict:
    return yaml.safe_load(_SHIPPED.read_text(encoding="utf-8"))


def _write(tmp_path, raw: dict):
    path = tmp_path / "language_xx.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


# --- the loader ------------------------------------------------------------


def test_shipped_table_has_every_key():
    table = tables("fr")
    assert set(table.entries) == set(SCHEMA)


def test_loader_reads_a_package_resource_and_a_path(tmp_path):
    assert load(_SHIPPED, "language_fr.yaml").entries.keys() == tables().entries.keys()
    assert load(_write(tmp_path, _shipped())).words("list_words") == tables().words("list_words")


def test_tables_are_loaded_once():
    assert tables("fr") is tables("fr")


def _broken(key, value):
    raw = _shipped()
    if value is _MISSING:
        del raw[key]
    else:
        raw[key] = value
    return raw


_MISSING = object()


@pytest.mark.parametrize(
    "key, value, problem",
    [
        ("list_words", _MISSING, "missing key 'list_words'"),
        ("future_markers", _MISSING, "missing key 'future_markers'"),
        ("future_markers", ["va", "pr[ée"], "key 'future_markers': bad regex 'pr[ée'"),
        ("classifier_words", ["canons?", "(chars"], "key 'classifier_words': bad regex"),
        ("list_words", "et ou mais", "key 'list_words': expected a non-empty list"),
        ("list_words", [], "key 'list_words': expected a non-empty list"),
        ("possessives", ["sa", 3], "key 'possessives': expected a non-empty string"),
        ("possessives", ["sa", "sa"], "key 'possessives': 'sa' is listed twice"),
        ("infinitive_ending", ["er"], "key 'infinitive_ending': expected one non-empty string"),
        ("anaphora_nouns", ["char"], "key 'anaphora_nouns': expected a mapping"),
        ("light_verb_objects", {"pledge": ["feu"], "request": ["feu"]}, "'feu' is in two classes"),
        (
            "event_kinds",
            [{"name": "NATO summit", "kind": "summit", "pattern": "sommet (de l'otan"}],
            "key 'event_kinds': bad regex",
        ),
        ("event_kinds", [{"name": "NATO summit"}], "key 'event_kinds': row 1"),
        (
            "cumulative_totals",
            [r"\bport\w*\s+à\s+{count}"],
            "has no slot {participle}",
        ),
        ("cumulative_totals", [r"({participle} à {count}"], "key 'cumulative_totals': bad regex"),
    ],
)
def test_bad_table_names_the_file_and_the_key(tmp_path, key, value, problem):
    path = _write(tmp_path, _broken(key, value))
    with pytest.raises(CatalogError) as err:
        load(path)
    assert str(path) in str(err.value)
    assert problem in str(err.value)


def test_unknown_key_is_an_error(tmp_path):
    raw = _shipped() | {"list_wrods": ["et"]}
    with pytest.raises(CatalogError, match="unknown key 'list_wrods'"):
        load(_write(tmp_path, raw))


def test_table_that_is_not_a_mapping_is_an_error(tmp_path):
    path = tmp_path / "language_xx.yaml"
    path.write_text("- et\n- ou\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="not a mapping"):
        load(path)


def test_entry_read_as_the_wrong_kind_is_a_bug():
    with pytest.raises(KeyError):
        tables().words("future_markers")  # a list of regex forms, not of words


def test_template_needs_every_slot_filled():
    with pytest.raises(KeyError):
        tables().templates("cumulative_totals", count=r"(?P<n>\d+)")


def test_forms_join_in_the_table_order():
    assert tables().alternation("total_markers") == "au total|en tout|au cumul"


# --- word sets read from the table ------------------------------------------


@pytest.mark.parametrize(
    "key, word, member",
    [
        ("list_words", "egalement", True),
        ("list_words", "contre", False),
        ("serving_prepositions", "pour", True),
        ("serving_prepositions", "des", False),  # the md parser's « des » serves nothing
        ("subject_pronouns", "celle-ci", True),
        ("collective_subjects", "allie", True),
        ("collective_subjects", "france", False),
        ("weak_negations", "jamais", True),
        ("pass_through_verbs", "s'agir", True),
        ("abbreviations", "gén", True),
        ("abbreviations", "no", True),  # quoted in the YAML, or it would be False
        ("perfect_auxiliaries", "etre", True),
        ("recipient_places", "kyiv", True),
    ],
)
def test_word_sets(key, word, member):
    assert (word in tables().words(key)) is member


# --- patterns built from the table, on our own phrases --------------------


@pytest.mark.parametrize(
    "pattern, text, found",
    [
        (pipeline._FUTURE, "les chars devraient arriver au printemps", True),
        (pipeline._FUTURE, "les chars sont arrivés en mars", False),
        (pipeline._PACKAGE_WORDS, "une nouvelle enveloppe de 300 millions", True),
        (pipeline._PACKAGE_WORDS, "le chiffre d'affaires de 300 millions", False),
        (pipeline._UKRAINE, "le president zelensky a remercie", True),
        (pipeline._MEETINGS, "reunion au format de ramstein", True),
        (pipeline._SOURCE, "selon le pentagone, ", False),  # the comma ends the source
        (pipeline._SOURCE, "d'apres des responsables americains ", True),
        (pipeline._BOUND, "livres depuis le ", True),
        (pipeline._BOUND, "livres d'ici ", True),
        (pipeline._BOUND, "livres le ", False),
        (published._BOUND, "depuis debut ", True),
        (pipeline._LOCATIVE, "prépositionnés en ", True),
        (pipeline._LOCATIVE, "annoncés par la ", False),
        (facts._TOTAL, "Au total, 49 canons", True),
        (facts._DOMESTIC, "pour moderniser son armee", True),
        (facts._DOMESTIC, "pour aider l'ukraine", False),
        (items._NAMING, "systèmes de défense, notamment des", True),
        (items._RELATION, "roquettes pour les", True),
        (items._RELATION, "avions par exemple des", False),
        (anaphora._TRAINING, "ont ete formes en allemagne", True),
        (anaphora._CREW, "les pilotes ukrainiens", True),
        (anaphora._CREW, "les forces ukrainiennes", False),  # trained in general
        (anaphora._TRAINEE, "les forces ukrainiennes", True),
        (status._SOON, "livrera prochainement", True),
        (status._SOON, "a livre mardi", False),
        (status._HEARSAY, "selon des medias", True),
        (packages._AGGREGATE, "depuis le début de l'invasion", True),
        (packages._NEW_PACKAGE, "un nouveau paquet de 400 millions", True),
        (packages._SUBSET, "150 milliards, dont ", True),
    ],
)
def test_patterns(pattern, text, found):
    assert bool(pattern.search(text)) is found


@pytest.mark.parametrize(
    "gap, in_list",
    [
        (", l'", True),  # « la France, l'Allemagne »
        (" et les ", True),
        (" ainsi que la ", True),
        (" ou encore la ", True),  # « par la Pologne ou encore la Slovaquie »
        (" mais ", False),
        (" contre ", False),
    ],
)
def test_donor_list_gap(gap, in_list):
    assert bool(pipeline._LIST_GAP.match(gap)) is in_list


@pytest.mark.parametrize(
    "gap, counts",
    [
        (" canons ", True),  # « six canons Caesar »
        (" nouveaux systèmes ", True),
        (" terminaux ", True),
        (" pour les ", False),
    ],
)
def test_classifier_gap(gap, counts):
    assert bool(facts._CLASSIFIERS.match(gap)) is counts


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Cela portera le nombre total livré à 20.", (20, "delivered")),
        ("Cela porte à 31 le nombre de chars promis.", (31, "pledged")),
        ("Le Danemark a livré 20 chars.", None),
    ],
)
def test_cumulative_total(text, expected):
    got = facts.cumulative_total(text)
    assert (got[:2] if got else None) == expected


@pytest.mark.parametrize(
    "text, noun",
    [
        ("le danemark cedera 19 appareils", "appareil"),
        ("ces autres systemes seront livres", "systeme"),
        ("une centaine d'exemplaires", "exemplaire"),
        ("trois systemes de defense", None),  # a kind of its own
    ],
)
def test_anaphor(text, noun):
    m = anaphora._ANAPHOR.search(fold(text))
    assert (m.group("noun") if m else None) == noun


@pytest.mark.parametrize(
    "text, count",
    [
        ("M. Stoltenberg a parlé. Il part.", 2),
        ("Le gén. Zaloujny a parlé. Il part.", 2),
        ("Il a parlé. Elle part.", 2),
        ("Les chars sont arrivés. Ils partent.", 2),
    ],
)
def test_abbreviations_keep_sentences_whole(text, count):
    assert len(sentences(text)) == count
