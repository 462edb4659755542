"""French rule readings on sentences of our own, with the rules alone (the
shipped model can rescue a reading the rules miss, which would hide a
regression in them): one behaviour a line, (text, facts the rules read)."""

from __future__ import annotations

import pytest

from aidwatch.extract import decider_for, extract_articles
from aidwatch.model import Article


def rule_facts(text: str) -> list[tuple]:
    article = Article(id="fr", source="<fr>", text=text, published="2023-03-10", language="fr")
    [extraction] = extract_articles([article], decider=decider_for("rules"))
    return sorted((f.donor, f.item.id, f.status, f.quantity) for f in extraction.facts)


# fmt: off
CASES = [
    # a goal word makes a purpose clause only next to its « que »
    ("L'Italie a promis qu'elle formerait des artilleurs pour les servir, qu'elle fournirait des obus.", [("IT", "gen_artillery_shell", "pledged", None)]),
    ("L'Italie fournira des obus pour que l'Ukraine puisse tenir.", [("IT", "gen_artillery_shell", "pledged", None)]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_rule_readings(text, expected):
    assert rule_facts(text) == expected
