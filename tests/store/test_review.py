"""Review on each backend: verdicts and corrections as the reviewed view shows
them, the history they leave, values refused, facts added from a span, the
gold export read back by the eval, and re-extraction keeping people's work."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from aidwatch.evaluate.files import record_problem
from aidwatch.evaluate.scoring import score
from aidwatch.run import ingest, reextract
from aidwatch.store import review
from aidwatch.store.schema import articles, fact_history, facts
from aidwatch.store.users import add_user

DEV_ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "dev" / "articles"


@pytest.fixture(scope="module")
def dev_store(module_store) -> str:
    url = module_store("review")
    ingest([DEV_ARTICLES], url)
    return url


@pytest.fixture
def store(dev_store, copy_store):
    """(connection, user id, {doc: [fact ids in position order]}) on a copy of the dev store."""
    engine = create_engine(copy_store(dev_store, "reviewed"))
    with engine.connect() as connection:
        user_id = add_user(connection, "alice", "correct horse")
        with connection.begin():
            rows = connection.execute(
                select(articles.c.doc, facts.c.id)
                .join(facts, facts.c.article_id == articles.c.id)
                .order_by(facts.c.article_id, facts.c.position)
            ).all()
        ids: dict[str, list[int]] = {}
        for doc, fact_id in rows:
            ids.setdefault(doc, []).append(fact_id)
        yield connection, user_id, ids
    engine.dispose()


FIRST = "000_ee75e9183deac66b.txt"


@pytest.mark.parametrize(
    "action, changes, expected",
    [
        ("confirm", None, {"verdict": "confirmed"}),
        ("reject", None, {"verdict": "rejected"}),
        (
            "correct",
            {"quantity": 12},
            {"verdict": "corrected", "quantity": 12, "quantity_kind": "exact"},
        ),
        ("correct", {"donor": "fr"}, {"verdict": "corrected", "donor": "FR"}),
        ("correct", {"donor": ""}, {"verdict": "corrected", "donor": None}),
        ("correct", {"status": "delivered"}, {"verdict": "corrected", "status": "delivered"}),
        ("correct", {"date": "2022-07"}, {"verdict": "corrected", "date": "2022-07"}),
        (
            "correct",
            {"item_id": "caesar"},
            {"item_id": "caesar", "item_name": "CAESAR", "category": "howitzer", "specific": True},
        ),
        (
            "correct",
            {"item_name": "Drones FPV", "category": "drone"},
            {"item_id": "dronesfpv", "item_name": "Drones FPV", "category": "drone"},
        ),
    ],
)
def test_a_review_shows_in_the_reviewed_view(store, action, changes, expected):
    connection, user_id, ids = store
    fact_id = ids[FIRST][3]  # US HIMARS pledged, 4
    with connection.begin():
        machine = review.reviewed_fact(connection, fact_id)
    args = (changes,) if changes is not None else ()
    view = getattr(review, action)(connection, fact_id, user_id, *args)
    assert {k: view[k] for k in expected} == expected
    untouched = set(review.EDITABLE) - set(expected) - {"quantity_kind"}
    assert {k: view[k] for k in untouched} == {k: machine[k] for k in untouched}
    assert view["machine"] == {k: machine[k] for k in review.EDITABLE}


def test_the_machine_row_is_never_changed(store):
    connection, user_id, ids = store
    fact_id = ids[FIRST][3]
    with connection.begin():
        before = connection.execute(select(facts).where(facts.c.id == fact_id)).one()
    review.correct(connection, fact_id, user_id, {"quantity": 99, "status": "delivered"})
    with connection.begin():
        assert connection.execute(select(facts).where(facts.c.id == fact_id)).one() == before


def test_every_change_is_kept_in_the_history(store):
    connection, user_id, ids = store
    fact_id = ids[FIRST][3]
    review.confirm(connection, fact_id, user_id)
    review.correct(connection, fact_id, user_id, {"quantity": 5})
    review.reject(connection, fact_id, user_id)
    with connection.begin():
        history = review.history(connection, fact_id)
    assert [(h["user"], h["action"]) for h in history] == [
        ("alice", "confirmed"),
        ("alice", "corrected"),
        ("alice", "rejected"),
    ]
    assert history[0]["before"]["verdict"] is None and history[0]["before"]["quantity"] == 4
    assert history[1]["before"]["quantity"] == 4 and history[1]["after"]["quantity"] == 5
    assert history[2]["before"] == {**history[1]["after"]}
    assert history[2]["after"]["verdict"] == "rejected"
    assert all(h["at"] for h in history)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"status": "given"}, "status 'given' is not one of"),
        ({"category": "tanks"}, "category 'tanks' is not one of the categories"),
        ({"donor": "XX"}, "donor 'XX' is not a known donor code"),
        ({"donor": "UA"}, "donor 'UA' is not a known donor code"),
        ({"quantity": "dozens"}, "quantity 'dozens' is not a whole number"),
        ({"quantity": -3}, "quantity must be positive"),
        ({"quantity_kind": "lots"}, "quantity_kind 'lots' is not one of the kinds"),
        ({"date": "June 2022"}, "date 'June 2022' is not a real date YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"date": "2022-13-45"}, "date '2022-13-45' is not a real date"),
        ({"date": "9999-99"}, "date '9999-99' is not a real date"),
        ({"date": "2023-02-29"}, "date '2023-02-29' is not a real date"),
        ({"date": "2022-00"}, "date '2022-00' is not a real date"),
        ({"date": "1850"}, r"date '1850' is not a real date .* \(1900 to 2100\)"),
        ({"date": "2022-6-1"}, "date '2022-6-1' is not a real date"),
        ({"evidence_text": "x"}, "cannot change evidence_text"),
        ({"item_id": "", "item_name": ""}, "item_id is required"),
    ],
)
def test_a_wrong_value_is_refused_and_changes_nothing(store, changes, message):
    connection, user_id, ids = store
    fact_id = ids[FIRST][3]
    with pytest.raises(review.ReviewError, match=message):
        review.correct(connection, fact_id, user_id, changes)
    with connection.begin():
        assert review.reviewed_fact(connection, fact_id)["verdict"] is None
        assert review.history(connection, fact_id) == []


def test_a_missing_fact_is_not_found(store):
    connection, user_id, _ = store
    with pytest.raises(review.NotFound):
        review.confirm(connection, 10**9, user_id)


def _article_id(connection, doc: str) -> int:
    with connection.begin():
        return connection.scalar(select(articles.c.id).where(articles.c.doc == doc))


def _text(connection, doc: str) -> str:
    with connection.begin():
        return connection.scalar(select(articles.c.text).where(articles.c.doc == doc))


def _add_mi17(connection, user_id: int, **values) -> tuple[dict, int]:
    """US Mi-17 delivered, added from the words « Mi-17 » of the first article;
    (its view, where the words start)."""
    start = _text(connection, FIRST).index("Mi-17")
    values = {"donor": "US", "item_id": "mi17", "status": "delivered", **values}
    view = review.add(connection, _article_id(connection, FIRST), user_id, start, start + 5, values)
    return view, start


def test_a_fact_is_added_from_a_span(store):
    connection, user_id, _ = store
    view, start = _add_mi17(connection, user_id, quantity="2")
    assert view["origin"] == "manual" and view["verdict"] == "added"
    assert view["evidence"] == {"text": "Mi-17", "start": start, "end": start + 5}
    assert (view["item_name"], view["category"], view["quantity"]) == ("Mi-17", "helicopter", 2)
    with connection.begin():
        assert review.history(connection, view["id"])[0]["before"] is None


@pytest.mark.parametrize("span", [(-1, 5), (5, 5), (10, 10**7)])
def test_a_span_outside_the_article_is_refused(store, span):
    connection, user_id, _ = store
    with pytest.raises(review.ReviewError, match="is not inside the article"):
        review.add(
            connection,
            _article_id(connection, FIRST),
            user_id,
            *span,
            {"item_id": "mi17", "status": "delivered"},
        )


def _review_all(connection, user_id, fact_ids: list[int]) -> None:
    """Confirm all but: the second corrected, the third rejected."""
    for n, fact_id in enumerate(fact_ids):
        if n == 1:
            review.correct(connection, fact_id, user_id, {"quantity": 7})
        elif n == 2:
            review.reject(connection, fact_id, user_id)
        else:
            review.confirm(connection, fact_id, user_id)


def test_gold_export_is_the_eval_format_and_scores_the_store(store, stored_records):
    connection, user_id, ids = store
    _review_all(connection, user_id, ids[FIRST])
    review.confirm(connection, ids["001_6748cdcc9e2a9403.txt"][0], user_id)  # partly reviewed
    with connection.begin():
        gold = list(review.export_gold(connection))
        partial = list(review.export_gold(connection, complete_only=False))
    assert [g["doc"] for g in gold] == [FIRST]
    assert [g["doc"] for g in partial] == [FIRST, "001_6748cdcc9e2a9403.txt"]
    record = gold[0]
    assert record_problem(record, gold=True) is None
    assert set(record) == {"doc", "published", "published_gold", "story", "facts"}
    assert record["published"] is None and record["published_gold"] == "2022-06"
    assert len(record["facts"]) == len(ids[FIRST]) - 1  # the rejected one is out
    assert record["facts"][1]["quantity"] == 7
    for fact in record["facts"]:
        assert set(fact) == {
            "donor", "item", "specific", "accept", "category", "status",
            "quantity", "quantity_kind", "date", "package", "evidence",
        }  # fmt: skip
    # Against the machine's output, the gold of confirmed facts all match and
    # the rejected fact is the one extra.
    predictions = [stored_records(connection.engine.url.render_as_string(False))[FIRST]]
    report = score(gold, predictions)
    assert report.facts.fn == 0
    assert report.facts.fp == 1


def test_reextraction_keeps_reviewed_and_added_facts(store):
    connection, user_id, ids = store
    _review_all(connection, user_id, ids[FIRST][:3])
    added, _ = _add_mi17(connection, user_id)
    kept_ids = [*ids[FIRST][:3], added["id"]]
    with connection.begin():
        before = {fid: review.reviewed_fact(connection, fid) for fid in kept_ids}
        machine_before = connection.scalar(
            select(func.count()).select_from(facts).where(facts.c.origin == "machine")
        )
        history_before = connection.scalar(select(func.count()).select_from(fact_history))
    summary = reextract(connection.engine.url.render_as_string(hide_password=False))
    assert summary.articles == 5 and summary.kept == 4
    with connection.begin():
        after = {fid: review.reviewed_fact(connection, fid) for fid in kept_ids}
        assert after == before
        # Nothing the machine finds again is doubled, the rejected fact included.
        assert (
            connection.scalar(
                select(func.count()).select_from(facts).where(facts.c.origin == "machine")
            )
            == machine_before
        )
        assert connection.scalar(select(func.count()).select_from(fact_history)) == history_before


def test_the_tracker_counts_facts_as_reviewed(store):
    """A rejected fact leaves the tracker; a corrected one counts with the
    review's values."""
    from aidwatch.tracker import build_tracker

    connection, user_id, ids = store

    def himars(tracker) -> list[tuple]:
        return sorted(
            (r.donor, r.status, r.quantity)
            for r in tracker.records
            if r.item_id == "himars" and FIRST in {s.doc for s in r.sources}
        )

    with connection.begin():
        before = himars(build_tracker(connection))
        fact = review.reviewed_fact(connection, ids[FIRST][3])  # US HIMARS pledged, 4
    assert ("US", "pledged", 4) in before
    review.correct(connection, fact["id"], user_id, {"quantity": 7})
    with connection.begin():
        corrected = himars(build_tracker(connection))
    assert ("US", "pledged", 7) in corrected and ("US", "pledged", 4) not in corrected
    review.reject(connection, fact["id"], user_id)
    with connection.begin():
        rejected = himars(build_tracker(connection))
    assert all(quantity not in (4, 7) for _, status, quantity in rejected if status == "pledged")
