"""Events: one event, every write-up of it.

Adds `articles.event`, `articles.event_partner` and `articles.event_reason`
(NULL for the articles stored before: the next ingest groups the latest
10,000 on-topic ones when it loads the event index, store/events.py; older
ones keep NULL, which the tracker counts as an event each) and the
`event_merges` table. Written out, like the
revisions before it, so it keeps building this revision when schema.py
moves on.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN of nullable columns: one ALTER on both databases, no
    # table copy (a batch on SQLite would drop a table other rows refer to).
    op.add_column("articles", sa.Column("event", sa.Integer(), nullable=True))
    op.add_column("articles", sa.Column("event_partner", sa.Integer(), nullable=True))
    op.add_column("articles", sa.Column("event_reason", sa.Text(), nullable=True))
    op.create_index("ix_articles_event", "articles", ["event"])
    op.create_table(
        "event_merges",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event", sa.Integer(), nullable=False),
        sa.Column("into", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_event_merges"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_event_merges_article_id_articles",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_event_merges_event", "event_merges", ["event"])
    op.create_index("ix_event_merges_into", "event_merges", ["into"])


def downgrade() -> None:
    op.drop_table("event_merges")
    op.drop_index("ix_articles_event", "articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("event_reason")
        batch.drop_column("event_partner")
        batch.drop_column("event")
