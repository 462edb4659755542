"""Merging stored facts into tracker records: one record per commitment, every
source kept, disputed figures side by side, deliveries linked to pledges.

Fact lines: (article, donor, item, status, quantity, date[, {keywords}]);
articles a, b (June 2022, own stories), c (October 2022), a2 (a reprint of a),
old (March 2022): see conftest.py."""

from __future__ import annotations

import pytest

from aidwatch.tracker import tracker_from_rows
from aidwatch.tracker.records import compatible, not_after

# (facts, expected records: (donor, item, status, quantity, articles reporting it))
MERGES = [
    pytest.param(
        [
            ("a", "US", "himars", "pledged", 4, "2022-06-01"),
            ("b", "US", "himars", "pledged", 4, "2022-06-01"),
        ],
        [("US", "himars", "pledged", 4, ["a", "b"])],
        id="two outlets, same fact: one record",
    ),
    pytest.param(
        [
            ("a", "US", "himars", "pledged", 4, "2022-06-01"),
            ("b", "US", "himars", "pledged", 4, "2022-06"),
        ],
        [("US", "himars", "pledged", 4, ["a", "b"])],
        id="a month and a day of it are one date",
    ),
    pytest.param(
        [
            ("a", "US", "himars", "pledged", 4, "2022-06-01"),
            ("a2", "US", "himars", "pledged", 4, None),
        ],
        [("US", "himars", "pledged", 4, ["a", "a2"])],
        id="a reprint without the date joins its story",
    ),
    pytest.param(
        [
            ("a", "US", "himars", "delivered", None, "2022-05"),
            ("c", "US", "himars", "delivered", None, None),
        ],
        [("US", "himars", "delivered", None, ["a", "c"])],
        id="an undated report fits an earlier dated one",
    ),
    pytest.param(
        [
            ("c", "US", "himars", "delivered", None, "2022-09"),
            ("old", "US", "himars", "delivered", None, None),
        ],
        [("US", "himars", "delivered", None, ["c"]), ("US", "himars", "delivered", None, ["old"])],
        id="an article cannot report what happened after it",
    ),
    pytest.param(
        [
            ("a", "US", "himars", "pledged", 4, "2022-06-01"),
            ("c", "US", "himars", "pledged", 4, "2022-10"),
        ],
        [("US", "himars", "pledged", 4, ["a"]), ("US", "himars", "pledged", 4, ["c"])],
        id="two dates, two pledges",
    ),
    pytest.param(
        [
            ("a", "US", "himars", "pledged", 4, "2022-06-01"),
            ("b", "US", "himars", "delivered", None, "2022-06-01"),
            ("b", "GB", "himars", "pledged", 4, "2022-06-01"),
        ],
        [
            ("GB", "himars", "pledged", 4, ["b"]),
            ("US", "himars", "delivered", None, ["b"]),
            ("US", "himars", "pledged", 4, ["a"]),
        ],
        id="another status or donor is another record",
    ),
    pytest.param(
        [
            ("a", "US", "himars", "pledged", 24, "2022-06-01"),
            ("b", "US", "himars", "pledged", 20, "2022-06-01", {"kind": "at_least"}),
        ],
        [("US", "himars", "pledged", 24, ["a", "b"])],
        id="« plus de 20 » agrees with 24",
    ),
    pytest.param(
        [
            ("a", "US", "himars", "pledged", None, "2022-06-01"),
            ("b", "US", "himars", "pledged", 4, "2022-06-01"),
        ],
        [("US", "himars", "pledged", 4, ["a", "b"])],
        id="a source without a figure does not dispute it",
    ),
    pytest.param(
        [
            ("a", "US", "himars", "pledged", 4, "2022-06-01"),
            ("b", "US", "himars", "pledged", 6, "2022-06-01"),
        ],
        [("US", "himars", "pledged", None, ["a", "b"])],
        id="disputed quantity: no merged figure",
    ),
]


def summary(record):
    return (
        record.donor,
        record.item_id,
        record.status,
        record.quantity,
        [s.doc for s in record.sources],
    )


@pytest.mark.parametrize("facts, expected", MERGES)
def test_merge(rows, facts, expected):
    tracker = tracker_from_rows(rows(facts=facts))
    assert sorted(summary(r) for r in tracker.records) == sorted(expected)


@pytest.mark.parametrize(
    "facts, corroboration, stories, outlets",
    [
        (
            [
                ("a", "US", "himars", "pledged", 4, "2022-06-01"),
                ("b", "US", "himars", "pledged", 4, "2022-06-01"),
            ],
            2,
            2,
            ["a.example.org", "b.example.org"],
        ),
        (
            [
                ("a", "US", "himars", "pledged", 4, "2022-06-01"),
                ("a2", "US", "himars", "pledged", 4, "2022-06-01"),
            ],
            2,
            1,
            ["a.example.org", "a2.example.org"],
        ),
        ([("a", "US", "himars", "pledged", 4, "2022-06-01")], 1, 1, ["a.example.org"]),
    ],
    ids=["two stories", "a reprint: two articles, one story", "one source"],
)
def test_corroboration_counts_articles_and_stories(rows, facts, corroboration, stories, outlets):
    (record,) = tracker_from_rows(rows(facts=facts)).records
    assert (record.corroboration, record.stories, record.outlets) == (
        corroboration,
        stories,
        outlets,
    )


@pytest.mark.parametrize(
    "docs, corroboration, stories, events",
    [
        (["a", "b"], 2, 2, 2),  # two events: two confirmations
        (["a", "a2"], 2, 1, 1),  # a reprint
        (["a", "e"], 2, 2, 1),  # two outlets writing up one event
        (["a", "a2", "e", "b"], 4, 3, 2),
    ],
)
def test_events_count_independent_reports_of_a_record(rows, docs, corroboration, stories, events):
    facts = [(doc, "US", "himars", "pledged", 4, "2022-06-01") for doc in docs]
    (record,) = tracker_from_rows(rows(facts=facts)).records
    assert (record.corroboration, record.stories, record.events) == (
        corroboration,
        stories,
        events,
    )


def test_conflicting_quantities_are_kept_side_by_side_with_their_sources(rows):
    facts = [
        ("a", "US", "himars", "pledged", 4, "2022-06-01"),
        ("b", "US", "himars", "pledged", 6, "2022-06-01"),
        ("a2", "US", "himars", "pledged", 4, "2022-06-01"),
    ]
    (record,) = tracker_from_rows(rows(facts=facts)).records
    assert record.flagged and record.quantity is None
    (conflict,) = record.conflicts
    assert conflict.field == "quantity"
    assert [(c.value, [s.doc for s in c.sources]) for c in conflict.claims] == [
        (4, ["a", "a2"]),
        (6, ["b"]),
    ]
    assert "4" in str(conflict) and "6" in str(conflict) and "b" in str(conflict)


def test_reprints_with_two_dates_merge_and_flag_the_dates(rows):
    facts = [
        ("a", "US", "himars", "pledged", 4, "2022-06-01"),
        ("a2", "US", "himars", "pledged", 4, "2022-06-02"),
    ]
    (record,) = tracker_from_rows(rows(facts=facts)).records
    assert [(c.field, [claim.value for claim in c.claims]) for c in record.conflicts] == [
        ("date", ["2022-06-01", "2022-06-02"])
    ]


def test_a_date_that_is_only_the_articles_month_gives_way_to_a_stated_one(rows):
    # « a » is published 2022-06: its fact dated 2022-06 is dated by the article
    facts = [
        ("a", "US", "himars", "pledged", 4, "2022-06"),
        ("a2", "US", "himars", "pledged", 4, "2022-05-30"),
    ]
    (record,) = tracker_from_rows(rows(facts=facts)).records
    assert (record.date, record.conflicts) == ("2022-05-30", [])


# (pledges, delivery, the pledge the delivery fulfils: its date, or None)
LINKS = [
    pytest.param([("a", "2022-06-01")], ("c", "2022-07"), "2022-06-01", id="earlier pledge"),
    pytest.param([("a", "2022-08")], ("c", "2022-07"), None, id="pledge after the delivery"),
    pytest.param(
        [("a", "2022-06-01"), ("c", "2022-10")], ("c", "2022-11"), "2022-10", id="the latest pledge"
    ),
    pytest.param([("a", None)], ("c", "2022-07"), "2022-06", id="an undated pledge"),
    pytest.param([("a", "2022-06")], ("a", None), "2022-06", id="an undated delivery"),
]


@pytest.mark.parametrize("pledges, delivery, fulfils", LINKS)
def test_delivery_links_to_pledge(rows, pledges, delivery, fulfils):
    facts = [(doc, "US", "himars", "pledged", 4, date) for doc, date in pledges]
    facts.append((delivery[0], "US", "himars", "delivered", None, delivery[1]))
    # A pledge of the same item by another donor never counts.
    facts.append(("b", "GB", "himars", "pledged", 4, "2022-06-01"))
    tracker = tracker_from_rows(rows(facts=facts))
    (delivered,) = [r for r in tracker.records if r.status == "delivered"]
    by_id = {r.id: r for r in tracker.records}
    linked = by_id[delivered.fulfils] if delivered.fulfils else None
    assert (linked.when if linked else None) == fulfils
    assert linked is None or (linked.donor, linked.status) == ("US", "pledged")


# (packages: (article, donor, date, amount[, currency]), expected: (donor, amount, articles, conflict?))
PACKAGES = [
    pytest.param(
        [("a", "US", "2022-06-01", 700e6), ("b", "US", "2022-06-01", 700e6)],
        [("US", 700e6, ["a", "b"], False)],
        id="one package, two outlets",
    ),
    pytest.param(
        [("a", "US", "2022-06-01", 1.1e9), ("b", "US", "2022-06", 1.105e9)],
        [("US", 1.1e9, ["a", "b"], False)],
        id="amounts within 1 % agree",
    ),
    pytest.param(
        [("a", "US", "2022-06-01", 700e6), ("b", "US", "2022-06-01", 750e6)],
        [("US", None, ["a", "b"], True)],
        id="two values for one package: flagged, not averaged",
    ),
    pytest.param(
        [("a", "US", "2022-06-01", 700e6, "USD"), ("b", "US", "2022-06-01", 700e6, "EUR")],
        [("US", None, ["a", "b"], True)],
        id="another currency is another value",
    ),
    pytest.param(
        [("a", "US", "2022-06-01", 700e6), ("c", "US", "2022-10", 624e6)],
        [("US", 624e6, ["c"], False), ("US", 700e6, ["a"], False)],
        id="two dates, two packages",
    ),
    pytest.param(
        [("a", "US", "2022-06-01", 700e6), ("b", "GB", "2022-06-01", 700e6)],
        [("GB", 700e6, ["b"], False), ("US", 700e6, ["a"], False)],
        id="two donors, two packages",
    ),
]


@pytest.mark.parametrize("packages, expected", PACKAGES)
def test_package_merge(rows, packages, expected):
    tracker = tracker_from_rows(rows(packages=packages))
    got = [
        (p.donor, p.amount, [s.doc for s in p.sources], p.conflict is not None)
        for p in tracker.packages
    ]
    assert sorted(got, key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "reprint_dates",
    [("2022-06-01", "2022-07-08"), ("2022-06", "2022-07"), (None, None)],
    ids=["same dates", "months", "undated: told apart by value"],
)
def test_reprints_of_two_packages_keep_them_apart(rows, reprint_dates):
    packages = [
        ("a", "US", "2022-06-01", 700e6, "USD", "p1"),
        ("a", "US", "2022-07-08", 400e6, "USD", "p2"),
        ("a2", "US", reprint_dates[0], 700e6, "USD", "p1"),
        ("a2", "US", reprint_dates[1], 400e6, "USD", "p2"),
    ]
    tracker = tracker_from_rows(rows(packages=packages))
    got = sorted((p.date, p.amount, [s.doc for s in p.sources]) for p in tracker.packages)
    assert got == [("2022-06-01", 700e6, ["a", "a2"]), ("2022-07-08", 400e6, ["a", "a2"])]


def test_disputed_package_value_keeps_both_amounts(rows):
    tracker = tracker_from_rows(
        rows(packages=[("a", "US", "2022-06-01", 700e6), ("b", "US", "2022-06-01", 750e6)])
    )
    (package,) = tracker.packages
    assert package.eur is None and package.usd is None
    assert [(c.value, c.unit) for c in package.conflict.claims] == [(700e6, "USD"), (750e6, "USD")]


def test_records_of_one_package_share_its_merged_id_and_value(rows):
    facts = [
        ("a", "US", "himars", "pledged", 4, None, {"package": "p1"}),
        ("b", "US", "himars", "pledged", 4, None, {"package": "p1"}),
        ("b", "US", "javelin", "pledged", 1000, None, {"package": "p1"}),
    ]
    packages = [("a", "US", "2022-06-01", 700e6), ("b", "US", "2022-06-01", 700e6)]
    tracker = tracker_from_rows(rows(facts=facts, packages=packages))
    (package,) = tracker.packages
    assert {r.package for r in tracker.records} == {package.id}
    (himars,) = [r for r in tracker.records if r.item_id == "himars"]
    # The package's date dates the facts that give none.
    assert (himars.corroboration, himars.when) == (2, "2022-06-01")
    assert package.usd == pytest.approx(700e6)


def test_merge_does_not_depend_on_row_order(rows):
    facts = [
        ("a", "US", "himars", "pledged", 4, "2022-06-01"),
        ("b", "US", "himars", "pledged", 6, "2022-06"),
        ("a2", "US", "himars", "pledged", None, None),
        ("c", "US", "himars", "pledged", 4, "2022-10"),
        ("c", "US", "himars", "delivered", None, None),
    ]
    forward = tracker_from_rows(rows(facts=facts))
    backward = tracker_from_rows(rows(facts=facts[::-1]))
    assert [summary(r) for r in forward.records] == [summary(r) for r in backward.records]
    assert [r.fulfils for r in forward.records] == [r.fulfils for r in backward.records]


@pytest.mark.parametrize(
    "a, b, same, a_not_after_b",
    [
        ("2022-06-01", "2022-06", True, True),
        ("2022-06", "2022-06-01", True, True),
        ("2022-06-01", "2022-06-02", False, True),
        ("2022-07", "2022-06-30", False, False),
        ("2022", "2022-06", True, True),
        (None, "2022-06", True, True),
    ],
)
def test_date_comparisons(a, b, same, a_not_after_b):
    assert (compatible(a, b), not_after(a, b)) == (same, a_not_after_b)
