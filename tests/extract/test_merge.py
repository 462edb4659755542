"""The article-level merge of facts: a kind in an article that names a
system of its category stands for that system, the one named nearest it."""

from __future__ import annotations

import pytest

from aidwatch.extract.facts import Draft, merge_facts, partner_facts
from aidwatch.extract.text import Sentence
from aidwatch.model import Evidence, Fact, Item

PZH = Item("pzh2000", "PzH 2000", "howitzer")
CAESAR = Item("caesar", "Caesar", "howitzer")
LEOPARD = Item("leopard2", "Leopard 2", "main_battle_tank")
HOWITZERS = Item("gen_howitzer", "obusiers", "howitzer", specific=False)
TANKS = Item("gen_tank", "chars", "main_battle_tank", specific=False)


def _draft(donor, item, status, sentence):
    return Draft(Fact(donor, item, status, Evidence("", 0, 0)), sentence, 0)


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        # « Berlin livrera des PzH 2000 » ... « Les Pays-Bas enverront aussi des obusiers »
        (
            [("DE", PZH, "pledged", 0), ("NL", HOWITZERS, "pledged", 5)],
            {("DE", "pzh2000", "pledged"), ("NL", "pzh2000", "pledged")},
        ),
        # two howitzers named: the kind is the one named nearest it
        (
            [
                ("DE", PZH, "pledged", 0),
                ("FR", CAESAR, "delivered", 4),
                ("NL", HOWITZERS, "pledged", 5),
            ],
            {
                ("DE", "pzh2000", "pledged"),
                ("FR", "caesar", "delivered"),
                ("NL", "caesar", "pledged"),
            },
        ),
        # two howitzers in its own sentence: it cannot be told which
        (
            [
                ("DE", PZH, "pledged", 2),
                ("FR", CAESAR, "delivered", 2),
                ("NL", HOWITZERS, "pledged", 2),
            ],
            {("DE", "pzh2000", "pledged"), ("FR", "caesar", "delivered")},
        ),
        # a kind of another category stays a kind
        (
            [("DE", PZH, "pledged", 0), ("PL", TANKS, "delivered", 5)],
            {("DE", "pzh2000", "pledged"), ("PL", "gen_tank", "delivered")},
        ),
        # training on a system with no trainer named: the state that gives it
        (
            [("DE", PZH, "pledged", 0), (None, PZH, "training", 3)],
            {("DE", "pzh2000", "pledged"), ("DE", "pzh2000", "training")},
        ),
        # two states give it: the trainer stays unnamed
        (
            [("DE", PZH, "pledged", 0), ("NL", PZH, "delivered", 1), (None, PZH, "training", 3)],
            {
                ("DE", "pzh2000", "pledged"),
                ("NL", "pzh2000", "delivered"),
                (None, "pzh2000", "training"),
            },
        ),
        # the kind and the system from one donor are one fact
        (
            [("DE", LEOPARD, "pledged", 0), ("DE", TANKS, "pledged", 6)],
            {("DE", "leopard2", "pledged")},
        ),
    ],
)
def test_kinds_stand_for_the_system_the_article_names(facts, expected):
    merged = merge_facts([_draft(*f) for f in facts])
    assert {(f.donor, f.item.id, f.status) for f in merged} == expected


@pytest.mark.parametrize(
    ("text", "donors", "expected"),
    [
        (
            "Le Canada a envoyé des obusiers en collaboration avec nos alliés américains.",
            ["CA"],
            {"CA", "US"},
        ),
        ("Le Canada a envoyé des obusiers, a annoncé le ministre américain.", ["CA"], {"CA"}),
        ("Le Canada, en partenariat avec la Norvège, a livré des obusiers.", ["CA"], {"CA", "NO"}),
    ],
)
def test_a_partner_named_with_the_donor_gives_the_fact_too(text, donors, expected):
    sentence = Sentence(0, 0, 0, len(text), text)
    drafts = [_draft(d, CAESAR, "delivered", 0) for d in donors]
    added = partner_facts(sentence, drafts)
    assert {d.fact.donor for d in drafts + added} == expected


def test_a_donorless_copy_of_a_named_fact_gives_it_its_count():
    """« L'Ukraine va recevoir 100 chars Leopard 2 » and, later, the same
    pledge with its donor and no count: one fact, from Germany, 100 tanks."""
    counted = _draft(None, LEOPARD, "pledged", 0)
    counted.fact.quantity, counted.fact.quantity_kind = 100, "at_least"
    merged = merge_facts([counted, _draft("DE", LEOPARD, "pledged", 2)])
    assert [(f.donor, f.quantity, f.quantity_kind) for f in merged] == [("DE", 100, "at_least")]
