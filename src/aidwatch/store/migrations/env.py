"""Alembic's entry point: run the migrations on the connection `open_store` gives.

No alembic.ini: `aidwatch.store.db.alembic_config` builds the configuration and
passes an open connection in `config.attributes["connection"]`; a URL in the
`sqlalchemy.url` option is used when there is none (offline SQL included).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from aidwatch.store.schema import metadata

config = context.config


def _run(connection) -> None:
    # Batch mode renders ALTERs as copy-and-move on SQLite, which has few ALTERs.
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()
elif (connection := config.attributes.get("connection")) is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        _run(connection)
    engine.dispose()
