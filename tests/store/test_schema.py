"""The store's schema: the migrations build exactly `schema.metadata`, opening
is idempotent, and a store that cannot be opened is one line naming it."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from aidwatch.store.db import StoreError, alembic_config, open_store
from aidwatch.store.schema import metadata


def test_the_migrations_build_the_schema_of_schema_py(db_url):
    engine = open_store(db_url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    engine.dispose()
    assert diff == []


def test_the_store_is_at_the_latest_revision(db_url):
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    engine = open_store(db_url)
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head
    engine.dispose()


def test_opening_an_existing_store_again_changes_nothing(db_url, tmp_path):
    open_store(db_url).dispose()
    before = (tmp_path / "store.db").read_bytes()
    engine = open_store(db_url)
    assert set(inspect(engine).get_table_names()) >= set(metadata.tables)
    engine.dispose()
    assert (tmp_path / "store.db").read_bytes() == before


def test_the_migrations_ship_inside_the_package():
    location = alembic_config().get_main_option("script_location")
    assert location.endswith("migrations")
    assert ScriptDirectory.from_config(alembic_config()).get_revision("0001") is not None


@pytest.mark.parametrize(
    "url, message",
    [
        ("nonsense", "nonsense: not a database URL"),
        ("foo://host/x", "foo://host/x: not a database URL"),
        ("sqlite:///{tmp}/no/such/dir/x.db", "cannot open (unable to open database file)"),
        ("sqlite:///{tmp}/text.db", "cannot open (file is not a database)"),
    ],
)
def test_a_store_that_cannot_be_opened_is_a_store_error(tmp_path, url, message):
    (tmp_path / "text.db").write_text("not a database\n" * 200)
    with pytest.raises(StoreError, match=message.replace("(", r"\(").replace(")", r"\)")):
        open_store(url.format(tmp=tmp_path))


def test_a_missing_driver_names_the_extra_and_hides_the_password(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_psycopg(name, *args, **kwargs):
        if name.startswith("psycopg"):
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    with pytest.raises(StoreError) as error:
        open_store("postgresql://me:secret@localhost/aid")
    assert "secret" not in str(error.value)
    assert "aidwatch[postgres]" in str(error.value)


def test_a_store_made_by_a_newer_release_is_a_store_error(db_url, tmp_path):
    open_store(db_url).dispose()
    with sqlite3.connect(tmp_path / "store.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="made by a newer aidwatch"):
        open_store(db_url)
