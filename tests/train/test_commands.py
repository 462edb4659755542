"""`aidwatch train`, `eval --folds` and `--model` as a user runs them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from aidwatch.cli import app
from tests.train.conftest import write_annotated

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def trained(tmp_path):
    gold, articles = write_annotated(tmp_path)
    model = tmp_path / "model.npz"
    result = invoke("train", gold, "--articles", articles, "--output", model)
    assert result.exit_code == 0, result.output
    return gold, articles, model, result


def test_train_writes_a_model_and_says_what_it_learned_from(trained):
    _, _, model, result = trained
    assert model.stat().st_size > 0
    assert "7 articles, 6 facts" in result.stdout


def test_extract_with_a_trained_model(trained):
    _, articles, model, _ = trained
    result = invoke("extract", articles, "--model", model)
    assert result.exit_code == 0, result.output
    facts = {
        json.loads(line)["doc"]: {
            (f["donor"], f["item"]["id"], f["status"]) for f in json.loads(line)["facts"]
        }
        for line in result.stdout.splitlines()
    }
    assert facts["a2.txt"] == {("FR", "caesar", "delivered")}


@pytest.mark.parametrize(
    ("model", "message"),
    [
        ("missing.npz", "missing.npz: no such file or directory"),
        ("notamodel.npz", "notamodel.npz: not an aidwatch model"),
    ],
)
def test_a_bad_model_is_one_line_before_anything_is_read(tmp_path, model, message):
    (tmp_path / "notamodel.npz").write_text("hello", encoding="utf-8")
    _, articles = write_annotated(tmp_path)
    result = invoke("extract", articles, "--model", tmp_path / model)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_bad_gold_records_are_warned_and_the_rest_trains(tmp_path):
    gold, articles = write_annotated(tmp_path)
    lines = gold.read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[1])
    bad["facts"][0]["category"] = "tanks"
    gold.write_text("\n".join([lines[0], json.dumps(bad), *lines[2:]]) + "\n", encoding="utf-8")
    result = invoke("train", gold, "--articles", articles, "--output", tmp_path / "m.npz")
    assert result.exit_code == 0, result.output
    assert f"warning: {gold}:2 (a2.txt): unknown category 'tanks'" in result.stderr
    assert "6 articles, 5 facts" in result.stdout


def test_eval_folds_scores_rules_and_learned_side_by_side(tmp_path):
    gold, articles = write_annotated(tmp_path)
    result = invoke("eval", gold, "--run", articles, "--folds", "2", "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["folds"] == 2 and figures["articles"] == 7
    assert set(figures["rules"]) == set(figures["learned"]) >= {"facts_f1", "packages_f1"}
    assert 0.0 <= figures["learned"]["facts_f1"] <= 1.0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--folds", "3"], "--folds needs --run ARTICLES"),
        (["--run", "ARTICLES", "--folds", "8"], "7 stories cannot fill 8 folds"),
    ],
)
def test_eval_folds_errors_are_one_line(tmp_path, args, message):
    gold, articles = write_annotated(tmp_path)
    args = [str(articles) if a == "ARTICLES" else a for a in args]
    extra = [] if "--run" in args else [tmp_path / "pred.jsonl"]
    result = invoke("eval", gold, *extra, *args)
    assert result.exit_code == 2
    assert message in result.stderr
