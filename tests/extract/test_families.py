"""Which catalogue names are models of a family: (model, family, expected)."""

import pytest

from aidwatch.extract.facts import member_of

CASES = [
    ("Leopard 2A6", "Leopard 2", True),
    ("Leopard 2A6", "Leopard", True),
    ("Leopard 1", "Leopard", True),
    ("M109A3", "M109", True),
    ("IRIS-T SLM", "IRIS-T", True),
    ("JDAM-ER", "JDAM", True),
    ("Mi-24", "Mi-2", False),  # another helicopter, not a model of the Mi-2
    ("Leopard", "Leopard", False),
    ("Leopard 2", "Leopard 2A6", False),
]


@pytest.mark.parametrize(("model", "family", "expected"), CASES)
def test_member_of(model, family, expected):
    assert member_of(model, family) is expected
