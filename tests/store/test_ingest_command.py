"""`aidwatch ingest` as a user runs it: the summary, one warning line per bad
input, and a one-line error for a bad --db or when nothing could be read."""

from __future__ import annotations

from pathlib import Path

import pytest

DEV_ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "dev" / "articles"
GOOD = (
    "Berlin va livrer 14 chars Leopard 2A6 à l'Ukraine, a annoncé le gouvernement allemand. "
    "Les chars doivent arriver dans les prochaines semaines sur le front de l'est.\n"
)


def failed_cleanly(result) -> bool:
    return (
        result.exit_code == 2
        and isinstance(result.exception, SystemExit)
        and "Traceback" not in result.output
        and len(result.stderr.strip().splitlines()) == 1
    )


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_ingest_prints_a_summary(store_url, cli):
    from aidwatch.run import extract_paths

    # as many facts as `aidwatch extract` finds in the same files
    extracted, _ = extract_paths([DEV_ARTICLES])
    result = cli.invoke(DEV_ARTICLES, "--db", store_url)
    assert result.exit_code == 0, result.output
    assert cli.summary(result.stdout) == {
        "read": 5,
        "new": 5,
        "of which off-topic": 0,
        "of which reprints (joined a story)": 1,
        "duplicates (already stored)": 0,
        "facts": sum(len(r.facts) for r in extracted),
        "warnings": 0,
    }


def test_a_rerun_reports_duplicates_only(store_url, cli):
    cli.invoke(DEV_ARTICLES, "--db", store_url)
    result = cli.invoke(DEV_ARTICLES, "--db", store_url)
    assert result.exit_code == 0, result.output
    counts = cli.summary(result.stdout)
    assert (counts["read"], counts["new"], counts["duplicates (already stored)"]) == (5, 0, 5)


def test_the_default_store_is_aidwatch_db_here(tmp_path, good, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    result = cli.invoke(good)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "aidwatch.db").is_file()


def test_each_bad_input_is_one_warning_and_the_batch_goes_on(tmp_path, good, store_url, cli):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "lines.jsonl").write_text('{"id": "1", "text": "x"\n', encoding="utf-8")
    (tmp_path / "[draft].txt").write_text("")
    result = cli.invoke(
        good,
        tmp_path / "empty.txt",
        tmp_path / "lines.jsonl",
        tmp_path / "[draft].txt",
        "--db",
        store_url,
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"aidwatch: warning: {tmp_path / 'empty.txt'}: empty",
        f"aidwatch: warning: {tmp_path / 'lines.jsonl'}:1: not valid JSON",
        f"aidwatch: warning: {tmp_path / '[draft].txt'}: empty",
    ]
    assert (cli.summary(result.stdout)["new"], cli.summary(result.stdout)["warnings"]) == (1, 3)


def test_nothing_readable_is_an_error(tmp_path, store_url, cli):
    (tmp_path / "empty.txt").write_text("")
    result = cli.invoke(tmp_path / "empty.txt", "--db", store_url)
    assert result.exit_code == 2
    assert "error: no article could be read" in result.stderr


@pytest.mark.parametrize(
    "url, message",
    [
        ("nonsense", "aidwatch: error: nonsense: not a database URL"),
        ("sqlite:///{tmp}/no/dir/x.db", "cannot open (unable to open database file)"),
        ("sqlite:///{tmp}/good.txt", "cannot open (file is not a database)"),
    ],
)
def test_a_bad_db_is_a_one_line_error(tmp_path, good, url, message, cli):
    result = cli.invoke(good, "--db", url.format(tmp=tmp_path))
    assert failed_cleanly(result), result.output
    assert message in result.stderr
