"""Scoring against gold, as ../shared/eval/README.md defines it: item and fact
matching, one-to-one matching, quantity and date accuracy, packages, stories,
undated months and the P/R/F1 arithmetic, on small hand-made records."""

from __future__ import annotations

import pytest

from aidwatch.evaluate.scoring import PRF, Ratio, fact_matches, item_matches, score


def gold(donor="US", status="pledged", accept=None, category="mlrs", quantity=None, date=None):
    """A gold fact: specific when `accept` names are given, else a generic kind."""
    return {
        "donor": donor,
        "item": "item",
        "specific": accept is not None,
        "accept": accept or [],
        "category": category,
        "status": status,
        "quantity": quantity,
        "date": date,
    }


def pred(donor="US", item="himars", status="pledged", name=None, category="mlrs", **values):
    """A predicted fact as `aidwatch extract` writes it."""
    return {
        "donor": donor,
        "item": {"id": item, "name": name or item, "category": category},
        "status": status,
        **values,
    }


def one_doc(gold_facts, pred_facts, **gold_fields):
    """Score a single article "a"."""
    return score(
        [{"doc": "a", "facts": gold_facts, **gold_fields}],
        [{"doc": "a", "facts": pred_facts}],
    )


def counts(prf: PRF) -> tuple[int, int, int]:
    return prf.tp, prf.fp, prf.fn


HIMARS = ["himars", "m142"]

# ---------------------------------------------------------------- item matching

ITEMS = [
    # specific gold: one of `accept` is contained in the normalised id or name
    (gold(accept=HIMARS), pred(item="himars"), True),
    (gold(accept=HIMARS), pred(item="m142_himars"), True),
    (gold(accept=HIMARS), pred(item="sys_17", name="M142 HIMARS"), True),
    (gold(accept=["leopard2"]), pred(item="leopard2a6", name="Leopard 2A6"), True),
    (gold(accept=["scalp"]), pred(item="storm_shadow_scalp", name="Storm Shadow"), True),
    (gold(accept=["leopard2a6"]), pred(item="leopard2", name="Leopard 2"), False),
    (gold(accept=HIMARS), pred(item="gen_mlrs", name="lance-roquettes"), False),
    (gold(accept=HIMARS, category="mlrs"), pred(item="m270", name="M270", category="mlrs"), False),
    # generic gold: the categories are equal
    (gold(category="howitzer"), pred(item="gen_howitzer", category="howitzer"), True),
    (gold(category="howitzer"), pred(item="caesar", name="Caesar", category="howitzer"), True),
    (gold(category="howitzer"), pred(item="gen_mortar", category="mortar"), False),
]


@pytest.mark.parametrize("gold_fact,pred_fact,expected", ITEMS)
def test_item_matches_by_accept_name_or_category(gold_fact, pred_fact, expected):
    assert item_matches(gold_fact, pred_fact) is expected


FACTS = [
    (gold(donor="US", accept=HIMARS), pred(donor="US"), True),
    (gold(donor=None, accept=HIMARS), pred(donor=None), True),
    (gold(donor=None, accept=HIMARS), pred(donor="US"), False),
    (gold(donor="US", accept=HIMARS), pred(donor=None), False),
    (gold(donor="US", accept=HIMARS), pred(donor="GB"), False),
    (gold(status="pledged", accept=HIMARS), pred(status="delivered"), False),
    (gold(status="refused", accept=HIMARS), pred(status="refused"), True),
]


@pytest.mark.parametrize("gold_fact,pred_fact,expected", FACTS)
def test_fact_matches_on_donor_status_and_item(gold_fact, pred_fact, expected):
    assert fact_matches(gold_fact, pred_fact) is expected


# ---------------------------------------------------------------- counting facts

COUNTS = [
    # (gold facts, predicted facts, (tp, fp, fn))
    ([gold(accept=HIMARS)], [pred()], (1, 0, 0)),
    ([gold(accept=HIMARS)], [], (0, 0, 1)),
    ([], [pred()], (0, 1, 0)),
    # one-to-one: two gold facts cannot share one prediction
    ([gold(accept=HIMARS), gold(category="mlrs")], [pred()], (1, 0, 1)),
    # one gold fact matches one of two fitting predictions, the other is extra
    ([gold(category="mlrs")], [pred(item="himars"), pred(item="m270")], (1, 1, 0)),
    # the matching is maximal, not greedy: generic takes gen_mlrs, HIMARS takes himars
    ([gold(category="mlrs"), gold(accept=HIMARS)], [pred(), pred(item="gen_mlrs")], (2, 0, 0)),
    # the same (donor, item id, status) predicted twice counts once
    ([gold(accept=HIMARS)], [pred(quantity=4), pred(quantity=8)], (1, 0, 0)),
    ([], [pred(), pred()], (0, 1, 0)),
    # ... but another status or donor is another prediction
    ([gold(accept=HIMARS)], [pred(), pred(status="delivered")], (1, 1, 0)),
    ([gold(accept=HIMARS)], [pred(), pred(donor="GB")], (1, 1, 0)),
]


@pytest.mark.parametrize("gold_facts,pred_facts,expected", COUNTS)
def test_fact_counts_with_one_to_one_matching(gold_facts, pred_facts, expected):
    assert counts(one_doc(gold_facts, pred_facts).facts) == expected


def test_facts_are_summed_over_articles_and_match_only_within_one():
    gold_records = [
        {"doc": "a", "facts": [gold(accept=HIMARS)]},
        {"doc": "b", "facts": [gold(category="howitzer"), gold(accept=["javelin"])]},
    ]
    predictions = [
        {"doc": "a", "facts": []},
        {"doc": "b", "facts": [pred(), pred(item="caesar", category="howitzer")]},
    ]
    assert counts(score(gold_records, predictions).facts) == (1, 1, 2)


def test_article_without_prediction_counts_its_gold_facts_as_missed():
    report = score([{"doc": "a", "facts": [gold(accept=HIMARS)]}], [])
    assert (counts(report.facts), report.misses) == ((0, 0, 1), [("a", gold(accept=HIMARS))])


def test_unmatched_predictions_are_listed_as_extras():
    report = one_doc([], [pred(item="javelin")])
    assert [(doc, fact["item"]["id"]) for doc, fact in report.extras] == [("a", "javelin")]


# ---------------------------------------------------------------- values of matched facts

QUANTITIES = [
    # (gold quantity, predicted quantity, (right, total))
    (4, 4, (1, 1)),
    (4, 5, (0, 1)),
    (4, None, (0, 1)),
    (None, 4, (0, 0)),
    (None, None, (0, 0)),
]


@pytest.mark.parametrize("gold_quantity,pred_quantity,expected", QUANTITIES)
def test_quantity_accuracy_only_where_gold_has_a_quantity(gold_quantity, pred_quantity, expected):
    report = one_doc([gold(accept=HIMARS, quantity=gold_quantity)], [pred(quantity=pred_quantity)])
    assert (report.quantity.right, report.quantity.total) == expected


DATES = [
    # (gold date, predicted date, (right, total)): the prediction starts with the gold date
    ("2022-06", "2022-06-01", (1, 1)),
    ("2022-06", "2022-06", (1, 1)),
    ("2022", "2022-06-01", (1, 1)),
    ("2022-06-01", "2022-06-01", (1, 1)),
    ("2022-06", "2022-05", (0, 1)),
    ("2022-06", "2022-05-31", (0, 1)),
    ("2022-06-01", "2022-06", (0, 1)),
    ("2022-06", None, (0, 1)),
    (None, "2022-06-01", (0, 0)),
    (None, None, (0, 0)),
]


@pytest.mark.parametrize("gold_date,pred_date,expected", DATES)
def test_date_accuracy_by_prefix(gold_date, pred_date, expected):
    report = one_doc([gold(accept=HIMARS, date=gold_date)], [pred(date=pred_date)])
    assert (report.date.right, report.date.total) == expected


def test_values_of_unmatched_facts_are_not_scored():
    report = one_doc(
        [gold(accept=HIMARS, quantity=4, date="2022-06")],
        [pred(status="delivered", quantity=4, date="2022-06")],
    )
    assert (report.quantity.total, report.date.total) == (0, 0)


def test_wrong_values_name_the_field():
    report = one_doc(
        [gold(accept=HIMARS, quantity=4, date="2022-06")], [pred(quantity=5, date="2022-07")]
    )
    assert [(doc, field) for doc, field, _, _ in report.wrong_values] == [
        ("a", "quantity"),
        ("a", "date"),
    ]


# ---------------------------------------------------------------- packages


def package(donor="US", amount=700e6, currency="USD"):
    return {
        "id": "p1",
        "donor": donor,
        "date": "2022-06-01",
        "amount": amount,
        "currency": currency,
    }


PACKAGES = [
    # (gold package, predicted package, matched)
    (package(amount=700e6), package(amount=700e6), True),
    (package(amount=700e6), package(amount=706.9e6), True),
    (package(amount=700e6), package(amount=693.1e6), True),
    (package(amount=700e6), package(amount=707.1e6), False),
    (package(amount=700e6), package(amount=692.9e6), False),
    (package(amount=700e6), package(amount=7e6), False),
    (package(currency="USD"), package(currency="EUR"), False),
    (package(currency=None), package(currency=None), True),
    (package(currency=None), package(currency="USD"), False),
    (package(donor="US"), package(donor="GB"), False),
    (package(donor=None), package(donor=None), True),
    (package(donor=None), package(donor="US"), False),
]


@pytest.mark.parametrize("gold_package,pred_package,matched", PACKAGES)
def test_package_matches_within_one_percent_with_same_donor_and_currency(
    gold_package, pred_package, matched
):
    report = score(
        [{"doc": "a", "facts": [], "packages": [gold_package]}],
        [{"doc": "a", "facts": [], "packages": [pred_package]}],
    )
    assert counts(report.packages) == ((1, 0, 0) if matched else (0, 1, 1))


PACKAGE_COUNTS = [
    # (gold packages, predicted packages, (tp, fp, fn))
    ([], [], (0, 0, 0)),
    ([package()], [], (0, 0, 1)),
    ([], [package()], (0, 1, 0)),
    ([package()], [package(), package()], (1, 1, 0)),
    ([package(), package(amount=50e6)], [package(amount=50e6)], (1, 0, 1)),
]


@pytest.mark.parametrize("gold_packages,pred_packages,expected", PACKAGE_COUNTS)
def test_package_counts_one_to_one(gold_packages, pred_packages, expected):
    report = score(
        [{"doc": "a", "facts": [], "packages": gold_packages}],
        [{"doc": "a", "facts": [], "packages": pred_packages}],
    )
    assert counts(report.packages) == expected


# ---------------------------------------------------------------- stories

STORIES = [
    # (gold labels, predicted labels, (tp, fp, fn)) over the pairs of articles a, b(, c)
    (["s1", "s1"], ["x", "x"], (1, 0, 0)),
    (["s1", "s1"], ["x", "y"], (0, 0, 1)),
    (["s1", "s2"], ["x", "x"], (0, 1, 0)),
    (["s1", "s2"], ["x", "y"], (0, 0, 0)),
    # a null gold label groups nothing
    ([None, None], ["x", "x"], (0, 1, 0)),
    ([None, None], ["x", "y"], (0, 0, 0)),
    # no predicted label: each article is its own story
    (["s1", "s1"], [None, None], (0, 0, 1)),
    (["s1", "s1", "s2"], ["x", "x", "x"], (1, 2, 0)),
    (["s1", "s1", "s1"], ["x", "x", "y"], (1, 0, 2)),
]


@pytest.mark.parametrize("gold_labels,pred_labels,expected", STORIES)
def test_stories_scored_pairwise(gold_labels, pred_labels, expected):
    docs = "abc"[: len(gold_labels)]
    gold_records = [
        {"doc": doc, "facts": [], "story": label}
        for doc, label in zip(docs, gold_labels, strict=True)
    ]
    predictions = [
        {"doc": doc, "facts": [], **({"story": label} if label else {})}
        for doc, label in zip(docs, pred_labels, strict=True)
    ]
    assert counts(score(gold_records, predictions).stories) == expected


# ---------------------------------------------------------------- undated articles

UNDATED = [
    # (gold published, gold published_gold, predicted published, (right, total))
    (None, "2022-06", {"date": "2022-06", "inferred": True}, (1, 1)),
    (None, "2022-06", {"date": "2022-06-14", "inferred": True}, (1, 1)),
    (None, "2022-06", {"date": "2022-09", "inferred": True}, (0, 1)),
    (None, "2022-06", {"date": "2022", "inferred": True}, (0, 1)),
    (None, "2022-06", {"date": None, "inferred": False}, (0, 1)),
    (None, "2022-06", None, (0, 1)),
    # a dated article, or one without a gold month, is not scored here
    ("2022-06", "2022-06", {"date": "2022-09", "inferred": False}, (0, 0)),
    (None, None, {"date": "2022-06", "inferred": True}, (0, 0)),
]


@pytest.mark.parametrize("published,published_gold,predicted,expected", UNDATED)
def test_undated_month_accuracy(published, published_gold, predicted, expected):
    report = score(
        [{"doc": "a", "facts": [], "published": published, "published_gold": published_gold}],
        [{"doc": "a", "facts": [], **({"published": predicted} if predicted else {})}],
    )
    assert (report.undated.right, report.undated.total) == expected


# ---------------------------------------------------------------- arithmetic

PRFS = [
    # (tp, fp, fn) -> (precision, recall, F1); nothing to find and nothing found is perfect
    ((0, 0, 0), (1.0, 1.0, 1.0)),
    ((2, 0, 0), (1.0, 1.0, 1.0)),
    ((0, 2, 0), (0.0, 1.0, 0.0)),
    ((0, 0, 2), (1.0, 0.0, 0.0)),
    ((0, 1, 1), (0.0, 0.0, 0.0)),
    ((1, 1, 0), (0.5, 1.0, 2 / 3)),
    ((3, 1, 2), (0.75, 0.6, 2 / 3)),
    ((40, 2, 0), (40 / 42, 1.0, 80 / 82)),
]


@pytest.mark.parametrize("tp_fp_fn,expected", PRFS)
def test_precision_recall_f1(tp_fp_fn, expected):
    prf = PRF(*tp_fp_fn)
    assert (prf.precision, prf.recall, prf.f1) == pytest.approx(expected)


RATIOS = [((0, 0), 1.0), ((1, 2), 0.5), ((0, 3), 0.0), ((3, 3), 1.0)]


@pytest.mark.parametrize("right_total,expected", RATIOS)
def test_ratio_value(right_total, expected):
    assert Ratio(*right_total).value == pytest.approx(expected)


def test_empty_gold_and_predictions_score_perfectly():
    assert score([], []).figures() == {
        "facts_precision": 1.0,
        "facts_recall": 1.0,
        "facts_f1": 1.0,
        "quantity_accuracy": 1.0,
        "date_accuracy": 1.0,
        "packages_f1": 1.0,
        "stories_f1": 1.0,
        "undated_month_accuracy": 1.0,
    }


def test_figures_follow_the_counts():
    report = one_doc(
        [gold(accept=HIMARS, quantity=4), gold(category="howitzer")],
        [pred(quantity=4), pred(item="javelin", category="anti_tank_weapon")],
    )
    figures = report.figures()
    assert (figures["facts_precision"], figures["facts_recall"], figures["facts_f1"]) == (
        0.5,
        0.5,
        0.5,
    )
