"""What the `aidwatch` command shows a person at a terminal: the facts table at
the widths terminals have, `--version`, help that names values rather than
Python types, and `serve` refusing a store that does not exist."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from aidwatch.cli import app
from aidwatch.output import _quantity

ARTICLE = sorted((Path(__file__).parent.parent / "examples" / "dev" / "articles").iterdir())[0]

runner = CliRunner()


def invoke(*args, env=None):
    return runner.invoke(app, [str(a) for a in args], env=env)


@pytest.fixture(scope="module")
def facts() -> list[dict]:
    result = invoke("extract", ARTICLE)
    assert result.exit_code == 0, result.output
    facts = json.loads(result.stdout)["facts"]
    assert len(facts) > 3  # enough rows for the widths to matter
    return facts


def key_cells(fact: dict) -> list[str]:
    """The cells that must be printed whole: donor, item, status, qty, date."""
    quantity = _quantity(fact["quantity"], fact["quantity_kind"])
    return [
        fact["donor"] or "—",
        fact["item"]["name"],
        fact["status"],
        quantity,
        # « ~ » marks a date that rests on an inferred one
        ("~" if fact.get("date_inferred") else "") + (fact["date"] or "") if fact["date"] else "",
    ]


@pytest.mark.parametrize("width", [80, 100, 120])
def test_the_table_fits_the_terminal_with_its_key_columns_whole(facts, width):
    result = invoke("extract", ARTICLE, "--format", "table", env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(cell_len(line.rstrip()) for line in lines) <= width
    # Each fact has a line of its own holding all its key cells, uncut.
    for fact in facts:
        cells = [c for c in key_cells(fact) if c]
        assert any(all(f" {c} " in f" {line} " for c in cells) for line in lines), cells


@pytest.mark.parametrize(
    "width, evidence_beside",
    [(80, False), (100, True), (120, True)],
)
def test_the_evidence_goes_under_its_fact_when_no_room_is_left_beside_it(
    facts, width, evidence_beside
):
    result = invoke("extract", ARTICLE, "--format", "table", env={"COLUMNS": str(width)})
    header = next(line for line in result.stdout.splitlines() if line.startswith("donor"))
    assert ("evidence" in header) is evidence_beside


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"aidwatch {version('aidwatch')}"


@pytest.mark.parametrize(
    "command",
    [[], ["extract"], ["ingest"], ["export"], ["report"], ["eval"], ["serve"], ["user", "add"]],
)
def test_help_names_values_not_python_types(command):
    result = invoke(*command, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for python_type in ("<bool>", "<str>", "<int>", "list[", "<Path>", "<path>"):
        assert python_type not in result.stdout


def test_export_help_lists_the_formats():
    from aidwatch.tracker.export import FORMATS

    result = invoke("export", "--help", env={"COLUMNS": "200"})
    assert "|".join(FORMATS) in result.stdout


def test_serve_refuses_a_store_that_does_not_exist(tmp_path):
    missing = tmp_path / "typo.db"
    result = invoke("serve", "--db", f"sqlite:///{missing}", "--port", "1")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert "no such database" in result.stderr
    assert not missing.exists()


ENGLISH = (
    "The United States will send more weapons to Ukraine, and the Pentagon said that it "
    "was not clear when they would arrive at the front.\n"
)


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_an_english_article_alone_is_read(tmp_path, command):
    (tmp_path / "english.txt").write_text(ENGLISH, encoding="utf-8")
    db = ["--db", f"sqlite:///{tmp_path / 'store.db'}"] if command == "ingest" else []
    result = invoke(command, tmp_path / "english.txt", *db)
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    assert not [line for line in result.stderr.splitlines() if "error" in line]


@pytest.mark.parametrize("command", ["add", "passwd"])
def test_a_password_without_a_terminal_points_to_password_stdin(tmp_path, command):
    result = invoke("user", command, "bob", "--db", f"sqlite:///{tmp_path / 's.db'}")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "--password-stdin" in result.stderr and "Aborted" not in result.output


def test_serve_says_where_it_listens_and_logs_each_request(tmp_path):
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from aidwatch.store import open_store

    url = f"sqlite:///{tmp_path / 'store.db'}"
    open_store(url).dispose()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "aidwatch.cli", "serve", "--db", url, "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        first = server.stderr.readline()
        assert f"at http://127.0.0.1:{port}/" in first
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/facts") as answer:
                    assert answer.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline, "serve did not answer"
                time.sleep(0.2)
    finally:
        server.send_signal(signal.SIGINT)
        rest = server.communicate(timeout=30)[1]
    assert '"GET /facts HTTP/1.1" 200' in rest
