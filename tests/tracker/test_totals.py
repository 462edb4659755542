"""Cumulative figures checked against the sum of the records: agreement, and
mismatches flagged as `short` or `over`, never corrected."""

from __future__ import annotations

import pytest

from aidwatch.tracker import tracker_from_rows
from aidwatch.tracker.rates import convert
from aidwatch.tracker.totals import verdict

TOTAL_20 = ("c", "US", "himars", "delivered", 20, None, {"kind": "cumulative_total"})

# (facts besides « portera le nombre total livré à 20 » in article c, sum, verdict)
COUNTS = [
    pytest.param(
        [
            ("a", "US", "himars", "pledged", 4, "2022-06-01"),
            ("c", "US", "himars", "pledged", 4, "2022-10"),
        ],
        8,
        "short",
        id="the records miss some: short",
    ),
    pytest.param(
        [
            ("a", "US", "himars", "pledged", 16, "2022-06-01"),
            ("c", "US", "himars", "pledged", 4, "2022-10"),
        ],
        20,
        "agrees",
        id="pledges up to the date add up",
    ),
    pytest.param(
        [
            ("a", "US", "himars", "pledged", 16, "2022-06-01"),
            ("b", "US", "himars", "delivered", 16, "2022-06-20"),
            ("c", "US", "himars", "pledged", 4, "2022-10"),
        ],
        20,
        "agrees",
        id="a delivery of a pledge is not counted twice",
    ),
    pytest.param(
        [
            ("a", "US", "himars", "delivered", 12, "2022-05"),
            ("c", "US", "himars", "pledged", 8, "2022-10"),
        ],
        20,
        "agrees",
        id="a delivery without a pledge counts",
    ),
    pytest.param(
        [
            ("a", "US", "himars", "pledged", 16, "2022-06-01"),
            ("c", "US", "himars", "pledged", 8, "2022-10"),
        ],
        24,
        "over",
        id="more than stated: over",
    ),
    pytest.param(
        [
            ("c", "US", "himars", "pledged", 20, "2022-10"),
            ("x", "US", "himars", "pledged", 4, "2022-12-01"),
            ("b", "GB", "himars", "pledged", 4, "2022-06-01"),
            ("b", "US", "javelin", "pledged", 100, "2022-06-01"),
            ("b", "US", "himars", "considered", 10, "2022-06-01"),
        ],
        20,
        "agrees",
        id="later dates, other donors, items and statuses do not count",
    ),
]


@pytest.mark.parametrize("facts, counted, expected", COUNTS)
def test_cumulative_count_check(rows, facts, counted, expected):
    tracker = tracker_from_rows(rows(facts=[*facts, TOTAL_20]))
    (check,) = tracker.checks
    assert (check.stated, check.counted, check.verdict) == (20, counted, expected)
    assert check.flagged == (expected != "agrees")
    # The statement is a check, not a record of 20 deliveries.
    assert all(r.quantity != 20 or r.status != "delivered" for r in tracker.records)


def test_records_without_a_quantity_are_counted_as_unknown(rows):
    facts = [
        ("a", "US", "himars", "pledged", None, "2022-06-01"),
        ("c", "US", "himars", "pledged", 4, "2022-10"),
        TOTAL_20,
    ]
    (check,) = tracker_from_rows(rows(facts=facts)).checks
    assert (check.counted, check.unknown, len(check.records)) == (4, 1, 2)


def test_two_articles_stating_the_same_total_share_one_check(rows):
    facts = [TOTAL_20, ("d", "US", "himars", "delivered", 20, None, {"kind": "cumulative_total"})]
    (check,) = tracker_from_rows(rows(facts=facts)).checks
    assert [s.doc for s in check.sources] == ["c", "d"]


def test_the_same_total_months_apart_is_two_statements(rows):
    facts = [TOTAL_20, ("b", "US", "himars", "delivered", 20, None, {"kind": "cumulative_total"})]
    assert len(tracker_from_rows(rows(facts=facts)).checks) == 2


# (stated amount, currency, kind, packages before the statement, verdict)
MONEY = [
    pytest.param(1.324e9, "USD", "exact", [700e6, 624e6], "agrees", id="the sum, as written"),
    pytest.param(1.4e9, "EUR", "exact", [700e6, 624e6], "short", id="in euros, 7 % short"),
    pytest.param(1e9, "USD", "at_least", [700e6, 624e6], "agrees", id="« plus d'un milliard »"),
    pytest.param(150e9, "USD", "at_least", [700e6, 624e6], "short", id="far more than recorded"),
    pytest.param(1e9, "USD", "exact", [700e6, 624e6], "over", id="less than recorded"),
    pytest.param(1.4e9, "USD", "approx", [700e6, 624e6], "agrees", id="« environ » within 10 %"),
]


@pytest.mark.parametrize("stated, currency, kind, amounts, expected", MONEY)
def test_money_total_check(rows, stated, currency, kind, amounts, expected):
    packages = [("a", "US", "2022-06-01", amounts[0]), ("c", "US", "2022-10", amounts[1])]
    # A package announced after the statement does not count.
    packages.append(("later", "US", "2023-01-10", 5e9))
    tracker = tracker_from_rows(
        rows(packages=packages, totals=[("c", "aid", stated, currency, kind)])
    )
    (check,) = tracker.checks
    in_euros = sum(
        convert(a, "USD", d).eur for d, a in zip(["2022-06", "2022-10"], amounts, strict=True)
    )
    assert check.counted == pytest.approx(sum(amounts) if currency == "USD" else in_euros)
    assert check.verdict == expected


@pytest.mark.parametrize(
    "stated, counted, kind, expected",
    [
        (20, 20, "exact", "agrees"),
        (20, 19, "exact", "short"),
        (20, 21, "exact", "over"),
        (20.0, 20.1, "exact", "agrees"),
        (20.0, 30.0, "at_least", "agrees"),
        (20.0, 18.5, "approx", "agrees"),
        (20.0, 17.0, "approx", "short"),
    ],
)
def test_verdict(stated, counted, kind, expected):
    assert verdict(stated, counted, kind) == expected
