"""Alembic migrations of the store, run by `aidwatch.store.db.open_store`.

A package so that it ships with aidwatch; Alembic loads env.py and versions/
by file name, never by importing them. A new revision, after changing
schema.py::

    from alembic import command
    from aidwatch.store import DEFAULT_URL
    from aidwatch.store.db import alembic_config
    command.revision(alembic_config(DEFAULT_URL), "what changed", autogenerate=True)

then read the generated file: on SQLite, column changes need
`op.batch_alter_table` (autogenerate renders them so, see env.py).
"""
