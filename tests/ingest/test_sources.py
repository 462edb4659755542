"""An article's source is stored as an absolute path, whatever path was typed,
so that it still names the file when read from another folder."""

from __future__ import annotations

import json
import os

import pytest

from aidwatch.ingest.readers import read_paths
from aidwatch.model import Article

TEXT = "Paris enverra six canons CAESAR à Kiev, a indiqué le ministère des Armées.\n"


@pytest.mark.parametrize(
    "name, content, suffix",
    [
        ("a.txt", TEXT, ""),
        ("a.jsonl", json.dumps({"id": "x", "text": TEXT}) + "\n", ":1"),
        ("a.html", f"<html><body><article><p>{TEXT}</p><p>{TEXT}</p></article></body></html>", ""),
    ],
)
@pytest.mark.parametrize("typed", ["{name}", "../inner/{name}", "./{name}", "{folder}"])
def test_a_relative_path_is_stored_absolute(tmp_path, monkeypatch, name, content, suffix, typed):
    folder = tmp_path / "inner"
    folder.mkdir()
    (folder / name).write_text(content, encoding="utf-8")
    monkeypatch.chdir(folder)
    given = typed.format(name=name, folder=".")
    [article] = [r for r in read_paths([given]) if isinstance(r, Article)]
    assert article.source == os.path.join(str(folder), name) + suffix


def test_a_url_stays_the_source(tmp_path):
    path = tmp_path / "a.jsonl"
    record = {"id": "x", "text": TEXT, "url": "https://example.org/a"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = [r for r in read_paths([path]) if isinstance(r, Article)]
    assert article.source == "https://example.org/a"


def test_warnings_name_the_path_as_typed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    [skipped] = list(read_paths(["empty.txt"]))
    assert skipped.source == "empty.txt"


@pytest.mark.parametrize(
    "files, expected",
    [
        ({"a.txt": TEXT}, 1),
        ({"a.txt": TEXT, "b.html": "<p>x</p>", "c.png": "x"}, 3),  # each file ends as something
        ({"a.jsonl": '{"id": 1}\n\n{"id": 2}\n{"id": 3}\n'}, 3),  # blank lines are not records
        ({"sub/a.txt": TEXT, "sub/deeper/b.txt": TEXT, ".hidden/c.txt": TEXT}, 2),
    ],
)
def test_count_inputs_counts_what_read_paths_will_try(tmp_path, files, expected):
    from aidwatch.ingest.readers import count_inputs

    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    assert count_inputs([tmp_path]) == expected
    # The same as the articles and skips read_paths yields (notices aside).
    records = [r for r in read_paths([tmp_path]) if type(r).__name__ != "Notice"]
    assert len(records) == expected
