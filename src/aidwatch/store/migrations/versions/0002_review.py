"""Review: users, fact reviews and their history, manual facts, filter indexes.

Adds `facts.origin` (existing rows are machine facts), the `users`,
`fact_reviews` and `fact_history` tables, and indexes on the columns the web
app filters on. Written out, like 0001, so it keeps building this revision
when schema.py moves on. Existing articles and facts are kept as they are.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The web app's filters: donor or category, often with a status.
INDEXES = {
    "donor": ["donor", "status"],
    "category": ["category", "status"],
    "status": ["status"],
    "item_id": ["item_id"],
    "date": ["date"],
}


def upgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.add_column(
            sa.Column("origin", sa.String(8), nullable=False, server_default="machine")
        )
    for name, columns in INDEXES.items():
        op.create_index(f"ix_facts_{name}", "facts", columns)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("name", name="uq_users_name"),
    )

    op.create_table(
        "fact_reviews",
        sa.Column("fact_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("donor", sa.String(8), nullable=True),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("item_name", sa.Text(), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("specific", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=True),
        sa.Column("quantity_kind", sa.String(20), nullable=True),
        sa.Column("date", sa.String(10), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("fact_id", name="pk_fact_reviews"),
        sa.ForeignKeyConstraint(
            ["fact_id"], ["facts.id"], name="fk_fact_reviews_fact_id_facts", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_fact_reviews_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_fact_reviews_user_id_users"),
    )
    op.create_index("ix_fact_reviews_article_id", "fact_reviews", ["article_id"])

    op.create_table(
        "fact_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("fact_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fact_history"),
        sa.ForeignKeyConstraint(
            ["fact_id"], ["facts.id"], name="fk_fact_history_fact_id_facts", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_fact_history_user_id_users"),
    )
    op.create_index("ix_fact_history_fact_id", "fact_history", ["fact_id"])


def downgrade() -> None:
    op.drop_table("fact_history")
    op.drop_table("fact_reviews")
    op.drop_table("users")
    for name in INDEXES:
        op.drop_index(f"ix_facts_{name}", table_name="facts")
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("origin")
