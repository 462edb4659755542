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
