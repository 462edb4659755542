"""The store's schema: the migrations build exactly `schema.metadata`, opening
is idempotent, and a store that cannot be opened is one line naming it."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from aidwatch.store.db import StoreError, alembic_config, open_store
from aidwatch.store.schema import metadata


def snapshot(url: str):
    """What opening a store must leave as it was: a SQLite store's file, byte
    for byte; on PostgreSQL, the version row and every object of the schema
    with the transaction that last wrote it (any rewrite changes its xmin)."""
    if make_url(url).get_backend_name() == "sqlite":
        return Path(make_url(url).database).read_bytes()
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [
                connection.execute(text(query)).all()
                for query in (
                    "SELECT version_num, xmin::text FROM alembic_version",
                    "SELECT relname, relkind, relfilenode, xmin::text FROM pg_class"
                    " WHERE relnamespace = 'public'::regnamespace ORDER BY relname",
                    "SELECT attrelid::regclass::text, attname, atttypid, attnotnull, xmin::text"
                    " FROM pg_attribute WHERE attnum > 0 AND attrelid IN"
                    " (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)"
                    " ORDER BY 1, 2",
                    "SELECT conname, pg_get_constraintdef(oid), xmin::text FROM pg_constraint"
                    " WHERE connamespace = 'public'::regnamespace ORDER BY conname",
                )
            ]
    finally:
        engine.dispose()


def test_the_migrations_build_the_schema_of_schema_py(store_url):
    engine = open_store(store_url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    engine.dispose()
    assert diff == []


def test_the_store_is_at_the_latest_revision(store_url):
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    engine = open_store(store_url)
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head
    engine.dispose()


def test_opening_an_existing_store_again_changes_nothing(store_url):
    open_store(store_url).dispose()
    before = snapshot(store_url)
    engine = open_store(store_url)
    assert set(inspect(engine).get_table_names()) >= set(metadata.tables)
    engine.dispose()
    assert snapshot(store_url) == before


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


def test_a_store_made_by_a_newer_release_is_a_store_error(store_url):
    open_store(store_url).dispose()
    engine = create_engine(store_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="made by a newer aidwatch"):
        open_store(store_url)
