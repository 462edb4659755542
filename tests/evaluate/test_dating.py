"""Scoring of article and fact months (evaluate/dating.py)."""

from __future__ import annotations

import pytest

from aidwatch.evaluate.dating import Tally, score_dates


@pytest.mark.parametrize(
    "gold,predicted,bucket",
    [
        ("2023-05", "2023-05", "right"),
        ("2023-05", "2023-05-17", "right"),
        ("2023-05-02", "2023-05", "right"),  # to the month
        ("2023-05", "2023-06", "wrong"),
        ("2023-05", "2022", "wrong"),  # a wrong year
        ("2023-05", "2023", "none"),  # the right year names no month
        ("2023-05", None, "none"),
    ],
)
def test_a_month_is_right_wrong_or_none(gold, predicted, bucket):
    tally = Tally()
    tally.add("doc", gold, predicted)
    assert (tally.right, tally.wrong, tally.none) == tuple(
        int(b == bucket) for b in ("right", "wrong", "none")
    )


def test_only_matched_facts_with_a_gold_date_count():
    himars = {
        "donor": "US",
        "specific": True,
        "accept": ["himars"],
        "status": "pledged",
        "date": "2022-06",
    }
    javelin = {
        "donor": "US",
        "specific": True,
        "accept": ["javelin"],
        "status": "pledged",
        "date": None,
    }
    gold = [{"doc": "a", "published_gold": "2022-06", "facts": [himars, javelin]}]
    pred = [
        {
            "doc": "a",
            "published": {"date": "2022-05"},
            "facts": [
                {
                    "donor": "US",
                    "item": {"id": "himars", "name": "HIMARS"},
                    "status": "pledged",
                    "date": "2022-06-01",
                },
                {
                    "donor": "US",
                    "item": {"id": "javelin", "name": "Javelin"},
                    "status": "pledged",
                    "date": "2022-01",
                },
            ],
        }
    ]
    report = score_dates(gold, pred)
    assert (report.published.right, report.published.wrong) == (0, 1)
    assert (report.facts.right, report.facts.total) == (1, 1)
