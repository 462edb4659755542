"""Training the learned decisions: data checks, folds, the model file, and a
model trained on a few articles written here deciding like their gold."""

from __future__ import annotations

import numpy as np
import pytest

from aidwatch.errors import InputError
from aidwatch.evaluate.scoring import error_types, recall_by_status, score
from aidwatch.extract.decide import Linear, Model, load
from aidwatch.extract.pipeline import Learned, extract_articles
from aidwatch.model import Article
from aidwatch.train import data, fit
from tests.train.conftest import GOLD, write_annotated


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"category": "tanks"}, "unknown category 'tanks'"),
        ({"status": "given"}, "unknown status 'given'"),
        ({"evidence": "a phrase the article never says"}, "evidence not in the article's text"),
        ({"item": {"id": "x"}}, "a fact whose `item` is not a name"),
    ],
)
def test_bad_gold_is_one_line_naming_the_record(tmp_path, change, problem):
    gold = dict(GOLD)
    gold["a2"] = [{**GOLD["a2"][0], **change}]
    gold_path, folder = write_annotated(tmp_path, gold)
    annotated = data.load([gold_path], [folder])
    assert annotated.problems == [f"{gold_path}:2 (a2.txt): {problem}"]
    assert "a2.txt" not in annotated.gold and "a1.txt" in annotated.gold


def test_gold_for_an_article_not_given_is_reported(tmp_path):
    gold_path, folder = write_annotated(tmp_path)
    (folder / "a3.txt").unlink()
    annotated = data.load([gold_path], [folder])
    assert annotated.problems == [f"{gold_path}:3: no article 'a3.txt' among the articles given"]


@pytest.mark.parametrize(
    ("stories", "k"),
    [
        (["s1", "s1", "s2", "s3", "s3", "s3", "s4"], 2),
        (["a", "b", "c", "d", "e", "f", "a", "b"], 5),
    ],
)
def test_folds_never_split_a_story(stories, k):
    class R:
        def __init__(self, i, story):
            self.gold = {"story": story}
            self.article = Article(f"d{i}", "", "")

    reads = [R(i, s) for i, s in enumerate(stories)]
    folds = fit.folds_by_story(reads, k)
    for story in set(stories):
        assert len({f for f, s in zip(folds, stories, strict=True) if s == story}) == 1
    assert set(folds) == set(range(k))


def test_linear_probabilities_and_file_round_trip(tmp_path):
    status = Linear(
        ["pledged", "delivered"],
        {"a": 0, "b": 1},
        np.array([[2.0, 0.0], [0.0, -1.0]]),
        np.array([0.0, 1.0]),
    )
    donor = Linear(["no", "yes"], {"a": 0}, np.array([[3.0]]), np.array([-1.0]))
    p = status.proba([["a"], ["b", "unknown"]])
    assert p == pytest.approx(1 / (1 + np.exp(-np.array([[2.0, 1.0], [0.0, 0.0]]))))
    assert donor.proba([["a"]])[0, 1] == pytest.approx(1 / (1 + np.exp(-2.0)))
    path = tmp_path / "m.npz"
    Model(status, donor, {"articles": 3}).save(path)
    again = load(path)
    assert again.meta["articles"] == 3
    assert again.status.proba([["a"], ["b"]]) == pytest.approx(
        status.proba([["a"], ["b"]]), rel=1e-6
    )


def test_a_file_that_is_not_a_model_is_one_line(tmp_path):
    path = tmp_path / "m.npz"
    path.write_bytes(b"not a model")
    with pytest.raises(InputError, match="not an aidwatch model"):
        load(path)


def test_a_model_trained_on_annotated_articles_decides_like_their_gold(tmp_path):
    gold_path, folder = write_annotated(tmp_path)
    annotated = data.load([gold_path], [folder])
    assert annotated.problems == []
    model = fit.train(annotated)
    assert model.meta["facts"] == 6
    path = tmp_path / "model.npz"
    model.save(path)
    decider = Learned(load(path))
    got = {
        e.article.id: {(f.donor, f.item.id, f.status) for f in e.facts}
        for e in extract_articles(annotated.articles, decider=decider)
    }
    assert got["a2.txt"] == {("FR", "caesar", "delivered")}
    assert got["a4.txt"] == {("GB", "typhoon_eurofighter", "refused")}
    assert got["a3.txt"] == {("US", "atacms", "requested")}
    assert got["a7.txt"] == set()


@pytest.mark.parametrize(
    ("gold", "pred", "missed", "spurious"),
    [
        (("DE", "leopard2", "pledged"), ("DE", "leopard2", "delivered"), "status", "status"),
        (("DE", "leopard2", "pledged"), ("PL", "leopard2", "pledged"), "donor", "donor"),
        (
            ("DE", "leopard2", "pledged"),
            ("PL", "leopard2", "delivered"),
            "donor+status",
            "donor+status",
        ),
        (("DE", "leopard2", "pledged"), ("DE", "caesar", "pledged"), "item", "spurious"),
    ],
)
def test_error_types(gold, pred, missed, spurious):
    g = {
        "doc": "d",
        "facts": [
            {
                "donor": gold[0],
                "specific": True,
                "accept": [gold[1]],
                "category": "x",
                "status": gold[2],
                "item": gold[1],
            }
        ],
    }
    p = {
        "doc": "d",
        "facts": [
            {
                "donor": pred[0],
                "item": {"id": pred[1], "name": pred[1], "category": "y"},
                "status": pred[2],
            }
        ],
    }
    report = score([g], [p])
    assert error_types(report, [p], [g]) == {"missed": {missed: 1}, "spurious": {spurious: 1}}
    assert recall_by_status(report, [g])[gold[2]].value == 0.0


def test_cross_validation_predicts_what_the_pipeline_extracts(tmp_path):
    """A model's decisions replayed on recorded candidates (how the folds are
    scored) are the facts the pipeline extracts with that model."""
    gold_path, folder = write_annotated(tmp_path)
    annotated = data.load([gold_path], [folder])
    reads = fit.read(annotated.articles, annotated.gold)
    model = fit.fit(reads)

    def triples(facts):
        return {(f["donor"], f["item"]["id"], f["status"]) for f in facts}

    piped = {
        e.article.id: triples(e.to_dict()["facts"])
        for e in extract_articles(annotated.articles, decider=Learned(model))
    }
    assert {r.article.id: triples(r.predicted(model)["facts"]) for r in reads} == piped


def test_an_article_dated_by_its_own_facts_is_recorded_once():
    # Read a second time against the month its commitment gave
    # (extract/commitments.py): the recorder keeps the first reading only.
    from aidwatch.model import Article
    from aidwatch.train.fit import read

    text = (
        "Le chancelier allemand a annoncé ce mercredi que l'Allemagne livrera quatorze "
        "chars Leopard 2 à l'Ukraine. Kiev a salué la décision."
    )
    gold = {"facts": []}
    undated = read([Article(id="a", source="<a>", text=text)], {"a": gold})[0]
    dated = read([Article(id="a", source="<a>", text=text, published="2023-01")], {"a": gold})[0]
    assert undated.extraction.article.published == "2023-01"
    assert len(undated.sentences) == len(dated.sentences) > 0
