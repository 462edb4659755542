"""A bad row in a shipped table is an error naming the file and the line."""

from __future__ import annotations

import pytest

from aidwatch import catalog
from aidwatch.errors import CatalogError


@pytest.mark.parametrize(
    "loader,filename,row,message",
    [
        (
            catalog.systems,
            "systems.csv",
            {"id": "x", "name": "X", "category": "tank", "specific": "true", "aliases": "x"},
            "systems.csv line 2: unknown category 'tank'",
        ),
        (
            catalog.systems,
            "systems.csv",
            {"id": "x", "name": "X", "category": "other", "specific": "yes", "aliases": "x"},
            "specific must be true or false",
        ),
        (
            catalog.systems,
            "systems.csv",
            {"id": "x", "name": "X", "category": "other", "specific": "true", "aliases": ""},
            "systems.csv line 2: no aliases",
        ),
        (
            catalog.systems,
            "systems.csv",
            {"id": "", "name": "X", "category": "other", "specific": "true", "aliases": "x"},
            "missing or duplicate id",
        ),
        (
            catalog.donors,
            "donors.csv",
            {"code": "XX", "kind": "ally"},
            "donors.csv line 2: unknown kind 'ally'",
        ),
    ],
)
def test_bad_row_is_named(monkeypatch, loader, filename, row, message):
    monkeypatch.setattr(catalog, "_rows", lambda name: [(2, row)] if name == filename else [])
    loader.cache_clear()
    try:
        with pytest.raises(CatalogError, match=message.replace("(", r"\(")):
            loader()
    finally:
        loader.cache_clear()
