"""officials.csv: people who speak for a state, matched for the date of the article."""

from __future__ import annotations

import pytest

from aidwatch.catalog import donors_by_code, officials
from aidwatch.extract.mentions import find_donors


def test_every_official_speaks_for_a_known_donor():
    known = donors_by_code()
    assert len(officials()) >= 150
    assert all(o.code in known for o in officials())


@pytest.mark.parametrize(
    "text,when,codes",
    [
        ("Olaf Scholz a annoncé l'envoi de chars.", "2023-01", ["DE"]),
        ("Boris Pistorius a présenté un nouveau paquet.", "2024-03", ["DE"]),
        ("Lloyd Austin a réuni le groupe de contact.", "2023-04", ["US"]),
        ("Zelensky remercie Macron.", "2024-06", ["UA", "FR"]),
        ("Mark Rutte a salué l'accord.", "2023-08", ["NL"]),
        ("Mark Rutte a salué l'accord.", "2025-02", ["NATO"]),
        ("Kaja Kallas veut plus d'obus.", "2025-03", ["EU"]),
        ("Karol Nawrocki a promis des obus.", "2025-10", ["PL"]),
        ("Le chancelier a parlé à Austin, au Texas.", "2023-04", []),  # a city, not the secretary
    ],
)
def test_official_names_give_their_donor_at_the_date(text, when, codes):
    assert [m.ref.code for m in find_donors(text, when=when)] == codes
