"""The initial store: articles, story signatures, facts, packages, events, totals.

Written out rather than built from schema.py, so that it keeps creating this
first schema when schema.py moves on.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _owner() -> list:
    return [
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    ]


def _owner_constraints(table: str) -> list:
    return [
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=f"fk_{table}_article_id_articles",
            ondelete="CASCADE",
        ),
    ]


def _evidence(prefix: str = "evidence", nullable: bool = False) -> list:
    return [
        sa.Column(f"{prefix}_text", sa.Text(), nullable=nullable),
        sa.Column(f"{prefix}_start", sa.Integer(), nullable=nullable),
        sa.Column(f"{prefix}_end", sa.Integer(), nullable=nullable),
    ]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("published", sa.String(10), nullable=True),
        sa.Column("published_inferred", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("story", sa.Integer(), nullable=True),
        sa.Column("relevant", sa.Boolean(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("text_hash", name="uq_articles_text_hash"),
        sa.ForeignKeyConstraint(["story"], ["articles.id"], name="fk_articles_story_articles"),
    )
    op.create_index("ix_articles_story", "articles", ["story"])

    op.create_table(
        "signatures",
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("digest", sa.String(64), nullable=True),
        sa.Column("hashvalues", sa.LargeBinary(), nullable=True),
        sa.Column("shingles", sa.Integer(), nullable=True),
        sa.Column("seed", sa.Integer(), nullable=True),
        sa.Column("scheme", sa.String(16), nullable=True),
        sa.PrimaryKeyConstraint("article_id", name="pk_signatures"),
        sa.UniqueConstraint("digest", name="uq_signatures_digest"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_signatures_article_id_articles",
            ondelete="CASCADE",
        ),
    )

    op.create_table(
        "facts",
        *_owner(),
        sa.Column("donor", sa.String(8), nullable=True),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("item_name", sa.Text(), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("specific", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=True),
        sa.Column("quantity_kind", sa.String(20), nullable=True),
        sa.Column("date", sa.String(10), nullable=True),
        sa.Column("package", sa.String(16), nullable=True),
        *_evidence(),
        *_evidence("mention", nullable=True),
        *_owner_constraints("facts"),
    )

    op.create_table(
        "packages",
        *_owner(),
        sa.Column("package", sa.String(16), nullable=False),
        sa.Column("donor", sa.String(8), nullable=True),
        sa.Column("date", sa.String(10), nullable=True),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("currency", sa.String(8), nullable=True),
        *_evidence(),
        *_owner_constraints("packages"),
    )

    op.create_table(
        "events",
        *_owner(),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("date", sa.String(10), nullable=True),
        sa.Column("participants", sa.Integer(), nullable=True),
        *_evidence(),
        *_owner_constraints("events"),
    )

    op.create_table(
        "totals",
        *_owner(),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("currency", sa.String(8), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        *_evidence(),
        *_owner_constraints("totals"),
    )

    for table in ("facts", "packages", "events", "totals"):
        op.create_index(f"ix_{table}_article_id", table, ["article_id"])


def downgrade() -> None:
    for table in ("totals", "events", "packages", "facts", "signatures", "articles"):
        op.drop_table(table)
