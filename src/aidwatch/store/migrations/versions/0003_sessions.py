"""Revocable sessions, disabled users, versioned reviews.

Adds the `sessions` table (one row per signed-in browser), `users.disabled`
(existing users stay enabled) and `fact_reviews.version` (existing reviews
start at 1). Written out, like 0001 and 0002, so it keeps building this
revision when schema.py moves on. Existing rows are kept as they are.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, not a batch: on SQLite a batch copies the table and
    # drops the old one, which foreign keys from other tables' rows forbid
    # (fact_reviews and fact_history refer to users). A NOT NULL column with
    # a constant default is one ALTER on both databases.
    op.add_column(
        "users", sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column(
        "fact_reviews",
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name="pk_sessions"),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_sessions_user_id_users", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_sessions_user_id", "sessions", ["user_id"])


def downgrade() -> None:
    op.drop_table("sessions")
    with op.batch_alter_table("fact_reviews") as batch:
        batch.drop_column("version")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("disabled")
