"""The `aidwatch` command: extract and eval as a user runs them, with the
warnings and one-line errors a bad input gets.

Click ≥ 8.2 keeps stdout and stderr apart in `CliRunner()` (no `mix_stderr`):
`result.stdout` is the data, `result.stderr` the warnings, `result.output` both."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aidwatch.cli import app
from aidwatch.ingest.readers import read_paths
from aidwatch.model import Article

DEV = Path(__file__).parent.parent / "examples" / "dev"
ARTICLES = DEV / "articles"
GOLD = DEV / "gold.jsonl"
DEV_IDS = sorted(path.name for path in ARTICLES.iterdir())

FRENCH = (
    "Berlin va livrer 14 chars Leopard 2A6 à l'Ukraine, a annoncé le gouvernement allemand. "
    "Les chars doivent arriver dans les prochaines semaines sur le front de l'est.\n"
)
ENGLISH = (
    "Berlin will send 14 Leopard 2A6 tanks to Ukraine, the German government said. "
    "The tanks are to arrive at the front in the coming weeks.\n"
)
OUTPUT_KEYS = {"doc", "published", "story", "facts", "packages", "events", "totals"}

runner = CliRunner()


def invoke(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


def lines(stream: str) -> list[str]:
    return [line for line in stream.splitlines() if line.strip()]


def failed_cleanly(result) -> bool:
    """A user error: exit status 2 from `typer.Exit`, not an exception escaping."""
    return (
        result.exit_code == 2
        and isinstance(result.exception, SystemExit)
        and "Traceback" not in result.output
    )


@pytest.fixture(scope="module")
def dev_records() -> list[dict]:
    result = invoke("extract", ARTICLES)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in lines(result.stdout)]


@pytest.fixture(scope="module")
def dev_texts() -> dict[str, str]:
    return {a.id: a.text for a in read_paths([ARTICLES]) if isinstance(a, Article)}


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(FRENCH, encoding="utf-8")
    return path


# ---------------------------------------------------------------- extract


def test_extract_writes_one_object_per_article(dev_records):
    assert [record["doc"] for record in dev_records] == DEV_IDS


def test_extract_records_have_the_documented_keys(dev_records):
    assert [OUTPUT_KEYS - record.keys() for record in dev_records] == [set()] * len(DEV_IDS)
    assert {tuple(sorted(record["published"])) for record in dev_records} == {
        ("basis", "date", "evidence", "inferred")
    }


def test_extract_inferred_dates_say_why(dev_records, dev_texts):
    inferred = [r for r in dev_records if r["published"]["inferred"]]
    assert inferred, "the dev set has undated articles"
    for record in inferred:
        basis, evidence = record["published"]["basis"], record["published"]["evidence"]
        if basis in ("story", "facts"):  # the article that gave the month
            assert evidence["text"] in DEV_IDS
        else:
            text = dev_texts[record["doc"]]
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_extract_evidence_offsets_slice_the_article_text(dev_records, dev_texts):
    wrong = [
        (record["doc"], fact["evidence"])
        for record in dev_records
        for fact in record["facts"]
        if dev_texts[record["doc"]][fact["evidence"]["start"] : fact["evidence"]["end"]]
        != fact["evidence"]["text"]
    ]
    assert sum(len(record["facts"]) for record in dev_records) > 0
    assert wrong == []


def test_extract_table_prints_the_article_ids():
    result = invoke("extract", ARTICLES, "--format", "table")
    assert result.exit_code == 0, result.output
    assert [doc for doc in DEV_IDS if doc not in result.stdout] == []


def test_extract_output_option_writes_the_file(tmp_path, good):
    output = tmp_path / "facts.jsonl"
    result = invoke("extract", good, "--output", output)
    records = [json.loads(line) for line in lines(output.read_text(encoding="utf-8"))]
    assert (result.exit_code, result.stdout, [r["doc"] for r in records]) == (0, "", ["good.txt"])


def test_extract_output_option_writes_facts(tmp_path, good):
    output = tmp_path / "facts.jsonl"
    invoke("extract", good, "-o", output)
    [record] = [json.loads(line) for line in lines(output.read_text(encoding="utf-8"))]
    facts = [(f["donor"], f["item"]["id"], f["status"], f["quantity"]) for f in record["facts"]]
    assert facts == [("DE", "leopard2a6", "pledged", 14)]


# ---------------------------------------------------------------- bad inputs in a batch


@pytest.fixture
def batch(tmp_path, good) -> list[Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": \n', encoding="utf-8")
    return [good, empty, binary, bad]


@pytest.fixture
def batch_result(batch):
    return invoke("extract", *batch)


def test_batch_with_bad_inputs_exits_zero(batch_result):
    assert batch_result.exit_code == 0, batch_result.output


def test_batch_with_bad_inputs_extracts_the_good_article(batch_result):
    assert [json.loads(line)["doc"] for line in lines(batch_result.stdout)] == ["good.txt"]


BAD_INPUTS = [
    # (file, what the warning says)
    ("empty.txt", "empty"),
    ("binary.txt", "binary file"),
    ("bad.jsonl:1", "not valid JSON"),
]


def test_batch_warns_once_per_bad_input(batch_result):
    warnings = lines(batch_result.stderr)
    assert [name for name, _ in BAD_INPUTS if sum(name in w for w in warnings) != 1] == []
    assert len(warnings) == len(BAD_INPUTS)


@pytest.mark.parametrize("name,problem", BAD_INPUTS)
def test_batch_warning_names_file_and_problem(batch_result, name, problem):
    [warning] = [w for w in lines(batch_result.stderr) if f"{name}:" in w]
    assert ("warning" in warning, problem in warning) == (True, True)


NOTHING_READABLE = [
    # (files to create: name -> bytes; the path given to extract)
    ({}, "missing.txt"),
    ({"empty.txt": b""}, "empty.txt"),
    ({"blank.txt": b"  \n\n"}, "."),
    ({"image.png": b"\x89PNG"}, "."),
]


@pytest.mark.parametrize("files,given", NOTHING_READABLE)
def test_extract_of_nothing_readable_fails_with_one_line(tmp_path, files, given):
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    result = invoke("extract", tmp_path / given)
    errors = [line for line in lines(result.stderr) if "error" in line]
    assert failed_cleanly(result), result.output
    assert len(errors) == 1 and str(tmp_path / given) in errors[0], result.stderr


def test_an_english_and_a_french_article_are_read_in_one_run(tmp_path, good):
    english = tmp_path / "english.txt"
    english.write_text(ENGLISH, encoding="utf-8")
    result = invoke("extract", english, good)
    assert result.exit_code == 0 and not lines(result.stderr), result.output
    records = [json.loads(line) for line in lines(result.stdout)]
    assert [(r["doc"], r["language"], [f["item"]["id"] for f in r["facts"]]) for r in records] == [
        ("english.txt", "en", ["leopard2a6"]),
        ("good.txt", "fr", ["leopard2a6"]),
    ]


def test_extract_output_in_missing_folder_fails_with_one_line(tmp_path, good):
    result = invoke("extract", good, "--output", tmp_path / "no" / "facts.jsonl")
    assert failed_cleanly(result) and len(lines(result.stderr)) == 1


def test_a_file_read_with_a_caveat_warns_in_one_line_and_is_extracted(tmp_path, good):
    stray = tmp_path / "stray.txt"
    stray.write_bytes(FRENCH.encode("utf-8").replace(b"annonc\xc3\xa9", b"annonc\xe9"))
    result = invoke("extract", stray, good)
    assert result.exit_code == 0, result.output
    [warning] = lines(result.stderr)
    assert "stray.txt: not valid UTF-8: 1 bad byte sequence" in warning
    records = [json.loads(line) for line in lines(result.stdout)]
    assert [(r["doc"], [f["item"]["id"] for f in r["facts"]]) for r in records] == [
        ("stray.txt", ["leopard2a6"]),
        ("good.txt", ["leopard2a6"]),
    ]


# ---------------------------------------------------------------- every command


def _commands(group=None, prefix=()):
    """(name, click command) of every command and subcommand."""
    import typer

    group = group or typer.main.get_command(app)
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))
        else:
            yield " ".join((*prefix, name)), command


def test_every_command_with_a_store_defaults_to_the_same_one():
    from aidwatch.store import DEFAULT_URL

    defaults = {
        name: param.default
        for name, command in _commands()
        for param in command.params
        if "--db" in getattr(param, "opts", ())
    }
    # At least these (more commands may come, all with the same default).
    assert set(defaults) >= {
        "export",
        "ingest",
        "reextract",
        "report",
        "review export-gold",
        "serve",
        "user add",
    }
    assert set(defaults.values()) == {DEFAULT_URL}


def test_a_subcommand_error_is_one_line(tmp_path):
    result = runner.invoke(
        app, ["user", "add", "alice", "--password-stdin", "--db", "nonsense"], input="secret\n"
    )
    assert failed_cleanly(result), result.output
    assert lines(result.stderr) == [
        "aidwatch: error: nonsense: not a database URL (sqlite:///FILE, postgresql://...)"
    ]


# ---------------------------------------------------------------- eval


@pytest.fixture(scope="module")
def dev_predictions(tmp_path_factory, dev_records) -> Path:
    path = tmp_path_factory.mktemp("eval") / "predictions.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in dev_records), encoding="utf-8"
    )
    return path


def test_eval_run_prints_the_table():
    result = invoke("eval", GOLD, "--run", ARTICLES)
    assert result.exit_code == 0, result.output
    missing = [
        row
        for row in ("facts precision", "facts recall", "facts F1", "packages F1", "date accuracy")
        if row not in result.stdout
    ]
    assert missing == []


def test_eval_json_gives_the_figures(dev_predictions):
    result = invoke("eval", GOLD, dev_predictions, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["facts_f1"] >= 0.9


def test_eval_details_lists_the_extras(dev_predictions):
    result = invoke("eval", GOLD, dev_predictions, "--details")
    assert result.exit_code == 0, result.output
    assert "extra" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        pytest.param([GOLD], id="neither"),
        pytest.param([GOLD, GOLD, "--run", ARTICLES], id="both"),
    ],
)
def test_eval_needs_exactly_one_of_predictions_and_run(args):
    result = invoke("eval", *args)
    assert failed_cleanly(result), result.output
    assert lines(result.stderr) == ["aidwatch: error: give either a predictions file or --run PATH"]


BAD_GOLD = [
    # (gold file content or None for a missing file, what the error says)
    (None, "gold.jsonl: no such file or directory"),
    (b'{"doc": "a", "facts": []}\n{"doc": \n', "gold.jsonl:2: not valid JSON"),
    (b"\xff\xfe\x00garbage\n", "gold.jsonl: not UTF-8 text"),
]


@pytest.mark.parametrize("content,message", BAD_GOLD)
def test_eval_bad_gold_fails_with_one_line_naming_the_file(tmp_path, content, message):
    gold = tmp_path / "gold.jsonl"
    if content is not None:
        gold.write_bytes(content)
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text("", encoding="utf-8")
    result = invoke("eval", gold, predictions)
    assert failed_cleanly(result), result.output
    [error] = lines(result.stderr)
    assert str(tmp_path) in error and message in error, error


WRONG_SHAPE = [
    # (gold line, predictions line): valid JSON, not the eval format
    pytest.param("[1]\n", "", id="gold-not-an-object"),
    pytest.param('{"doc": "a"}\n', "", id="gold-without-facts"),
    pytest.param('{"doc": "a", "facts": []}\n', '{"facts": []}\n', id="prediction-without-doc"),
    pytest.param(
        '{"doc": "a", "facts": [{"item": "HIMARS", "status": "pledged"}]}\n',
        '{"doc": "a", "facts": [{"item": "HIMARS", "status": "pledged"}]}\n',
        id="gold-given-as-predictions",
    ),
]


@pytest.mark.parametrize("gold_line,prediction_line", WRONG_SHAPE)
def test_eval_records_of_the_wrong_shape_fail_with_one_line(tmp_path, gold_line, prediction_line):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(gold_line, encoding="utf-8")
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text(prediction_line, encoding="utf-8")
    result = invoke("eval", gold, predictions)
    assert failed_cleanly(result) and len(lines(result.stderr)) == 1


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("a\nwarning: forged.txt", "a\\nwarning: forged.txt"),
        ("tab\there.txt", "tab\\there.txt"),
        ("[draft].txt", "[draft].txt"),
    ],
)
def test_a_file_name_cannot_forge_a_warning_line(tmp_path, name, shown):
    (tmp_path / name).write_bytes(b"")
    (tmp_path / "good.txt").write_text(FRENCH, encoding="utf-8")
    result = invoke("extract", tmp_path)
    assert result.exit_code == 0, result.output
    [warning] = lines(result.stderr)
    assert warning == f"aidwatch: warning: {tmp_path / shown}: empty"
