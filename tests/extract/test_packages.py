"""Which amounts are packages, and whose: hand-written sentences."""

import pytest

from aidwatch.extract import extract_article
from aidwatch.model import Article


def packages(text: str) -> list[tuple]:
    extraction = extract_article(Article(id="t", text=text, source="t"))
    return [(p.donor, p.amount, p.currency) for p in extraction.packages]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the amount is the subject of a passive pledging verb
        (
            "Dans le cadre de ce programme, 12 milliards de couronnes suédoises ont été alloués à l'aide militaire à l'Ukraine.",
            [("SE", 12e9, "SEK")],
        ),
        # no giver above the amount: the one the sentence names
        (
            "Cette annonce s'inscrit dans un nouveau paquet d'aide à l'Ukraine de 300 millions de dollars, qui porte le total de l'aide militaire canadienne à 2 milliards.",
            [("CA", 300e6, "USD")],
        ),
        # a currency of one state names the giver
        (
            "Un nouveau paquet d'aide militaire de 500 millions de couronnes danoises a été annoncé pour l'Ukraine.",
            [("DK", 500e6, "DKK")],
        ),
        # the euro names nobody
        (
            "Un nouveau paquet d'aide militaire de 500 millions d'euros a été annoncé pour l'Ukraine.",
            [],
        ),
    ],
)
def test_package_and_its_donor(text, expected):
    assert packages(text) == expected
