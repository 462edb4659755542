"""Facts that need more than one clause or sentence: ellipsis after a comma,
nouns standing for a system named before, crews trained on it, donors named
elsewhere in the article. Written for this purpose, not taken from the dev set."""

from __future__ import annotations

import pytest

from aidwatch.extract import extract_text


def facts(text: str, published: str | None = None) -> set[tuple]:
    return {(f.donor, f.item.id, f.status, f.quantity) for f in extract_text(text, published).facts}


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Le Danemark s'est engagé à céder 19 F-16, les Pays-Bas 24, la Norvège six.",
            {
                ("DK", "f16", "pledged", 19),
                ("NL", "f16", "pledged", 24),
                ("NO", "f16", "pledged", 6),
            },
        ),
        (
            "La Norvège livrera 8 chars Leopard 2, le Danemark 6 et la Pologne 14.",
            {
                ("NO", "leopard2", "pledged", 8),
                ("DK", "leopard2", "pledged", 6),
                ("PL", "leopard2", "pledged", 14),
            },
        ),
        (
            "L'Allemagne livrera 14 chars Leopard, la France des Caesar.",
            {("DE", "leopard", "pledged", 14), ("FR", "caesar", "pledged", None)},
        ),
    ],
)
def test_ellipsis_after_a_comma_repeats_the_act_for_each_donor(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Les F-16 sont au coeur des discussions. Le Danemark s'est engagé à céder 19 appareils.",
            ("DK", "f16", "pledged", 19),
        ),
        (
            "La France a livré des canons Caesar. Paris a déjà cédé 18 exemplaires.",
            ("FR", "caesar", "delivered", 18),
        ),
        (
            "L'Allemagne a livré deux batteries Patriot. La Grèce ne cédera pas ses batteries.",
            ("GR", "patriot", "refused", None),
        ),
        (
            "Berlin a livré 18 chars Leopard 2A6. Les équipages ukrainiens ont été formés en Allemagne.",
            ("DE", "leopard2a6", "training", None),
        ),
    ],
)
def test_a_noun_stands_for_the_system_named_before(text, expected):
    assert expected in facts(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le Danemark a promis des chars Leopard 1. Les Etats-Unis envisagent aussi de les envoyer.",
            ("US", "leopard1", "considered", None),
        ),
        (
            "Les chars Leopard 1 sont attendus. Ils ont été promis à l'Ukraine par le Danemark.",
            ("DK", "leopard1", "pledged", None),
        ),
        (
            "Le Danemark a promis des F-16. Ils sont arrivés en Ukraine en août.",
            ("DK", "f16", "delivered", None),
        ),
    ],
)
def test_a_pronoun_a_giving_verb_governs_stands_for_the_system_named_before(text, expected):
    assert expected in facts(text)


def test_a_pronoun_that_gives_is_no_item():
    found = facts("Les Pays-Bas ont des chars Leopard 2. Ils ont livré des obus à l'Ukraine.")
    assert not any(item == "leopard2" for _, item, _, _ in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        # who reports it, unnamed, says nothing of who gives
        (
            "Les Etats-Unis ont annoncé un nouveau paquet. Le responsable a déclaré que la tranche comprendra des obusiers M777.",
            ("US", "m777", "pledged", None),
        ),
        # the allies still name nobody
        (
            "Le secrétaire général de l'OTAN a déclaré que les alliés livreront des chars Leopard 2.",
            (None, "leopard2", "pledged", None),
        ),
    ],
)
def test_a_reporter_does_not_stop_the_running_donor(text, expected):
    assert expected in facts(text)


def test_nothing_is_resolved_without_a_system_named_before():
    assert facts("Le Danemark s'est engagé à céder 19 appareils.") == set()


def test_a_request_names_no_donor_unless_the_text_names_its_addressee():
    # the annotation's convention: not the state that holds the system elsewhere
    text = "Berlin refuse toujours de livrer des missiles Taurus. Kiev réclame ces missiles depuis mai."
    assert (None, "taurus", "requested", None) in facts(text)
    text = (
        "Berlin refuse toujours de livrer des missiles Taurus. Kiev réclame ces missiles à Berlin."
    )
    assert ("DE", "taurus", "requested", None) in facts(text)


def test_a_donorless_fact_gives_way_to_the_same_fact_with_its_donors():
    text = (
        "Les premiers F-16 sont arrivés en Ukraine. "
        "Ces appareils ont été fournis par le Danemark et les Pays-Bas."
    )
    assert {(d, s) for d, _, s, _ in facts(text)} == {("DK", "delivered"), ("NL", "delivered")}
