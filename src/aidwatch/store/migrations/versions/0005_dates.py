"""How an article's inferred date was reached.

Adds `articles.published_basis` (published.py's bases: weekday, duration,
dates, event, official; story when the month came from the article's
story, dedup/corroborate.py). NULL for a stated date and for the rows stored
before it. An ingest needs it to tell an article dated by its story, which
a later article of the story may date again, from one dated by its own text.
Written out, like 0001 to 0003, so it keeps building this revision when
schema.py moves on.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A nullable column: one plain ALTER on both databases (see 0003).
    op.add_column("articles", sa.Column("published_basis", sa.String(16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("published_basis")
