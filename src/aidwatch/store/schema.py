"""The store's tables, in SQLAlchemy Core: one schema for SQLite and PostgreSQL.

An article row owns everything extracted from it (facts, packages, events,
totals, each with its evidence sentence and offsets into `articles.text`) and
its story signature. Dates are ISO strings as precise as the text allows
(`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), as in `model.py`, so they are strings here
too. Only portable types are used.

Review (revision 0002) keeps people's work apart from the machine's: a fact
row is what extraction wrote (`origin` machine) or what a person added from a
span (`origin` manual); `fact_reviews` holds, per reviewed fact, the verdict
and the reviewed values, and `fact_history` every change (who, when, before,
after). The reviewed view of a fact is its row overlaid by its review.
Revision 0003 makes sign-in revocable and review writes checkable:
`sessions` holds each signed-in browser (deleted at logout, at a password
change, when the user is disabled), `users.disabled` keeps a user's history
while refusing them, and `fact_reviews.version` counts the writes to a fact's
review so that a reviewer working from an older view is told (409), not
overwritten. Revision 0004 adds events above stories: `articles.event`
(with the partner and reason of the join) and `event_merges`. This module
describes the latest schema;
the migrations (migrations/versions/) build it, and a test checks that they
agree: a change here needs a new migration.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    false,
)

# Named constraints, so that a later migration can name what it alters on
# either database.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

# Ids are INTEGER columns, 32-bit on PostgreSQL: the largest one there can be
# (a larger value cannot even be bound as a parameter there).
MAX_ID = 2**31 - 1


def _owner() -> list[Column]:
    """The article a record belongs to and its rank among the article's records."""
    return [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column(
            "article_id",
            Integer,
            ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        Column("position", Integer, nullable=False),
    ]


def _evidence(prefix: str = "evidence", nullable: bool = False) -> list[Column]:
    """A passage of the article: its text and character offsets into `articles.text`."""
    return [
        Column(f"{prefix}_text", Text, nullable=nullable),
        Column(f"{prefix}_start", Integer, nullable=nullable),
        Column(f"{prefix}_end", Integer, nullable=nullable),
    ]


def _reviewable() -> list[Column]:
    """The values of a fact a review may change: a machine fact's own in
    `facts`, the reviewed ones in `fact_reviews` (see `REVIEWED`)."""
    return [
        Column("donor", String(8)),
        Column("item_id", String(64), nullable=False),
        Column("item_name", Text, nullable=False),
        Column("category", String(40), nullable=False),
        Column("specific", Boolean, nullable=False),
        Column("status", String(16), nullable=False),
        Column("quantity", BigInteger),
        Column("quantity_kind", String(20)),
        Column("date", String(10)),
    ]


# Their names: the reviewed view of a fact is its review's values when it has one.
REVIEWED = tuple(column.name for column in _reviewable())


articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc", Text, nullable=False),  # the reader's name for it: file name or JSONL id
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("language", String(8), nullable=False),
    Column("published", String(10)),
    Column("published_inferred", Boolean, nullable=False),
    Column("published_basis", String(16)),  # how an inferred date was reached (published.py)
    Column("text", Text, nullable=False),
    # sha256 of the folded, whitespace-normalised text: what "already stored" means.
    Column("text_hash", String(64), nullable=False, unique=True),
    # The id of the story's first article (itself for a new story); NULL off-topic.
    Column("story", Integer, ForeignKey("articles.id"), index=True),
    Column("relevant", Boolean, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    # Revision 0004. The event (dedup/events.py): the id of its first article,
    # NULL off-topic; the earlier article this one was matched with (NULL for
    # the first of an event) and why (what the two share).
    Column("event", Integer, index=True),
    Column("event_partner", Integer),
    Column("event_reason", Text),
)

# An event merged into an older one by a later article that reported both:
# the articles of `event` now carry `into`; this row says when and why.
event_merges = Table(
    "event_merges",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event", Integer, nullable=False, index=True),
    Column("into", Integer, nullable=False, index=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("merged_at", DateTime(timezone=True), nullable=False),
)

# What `dedup.StoryIndex` keeps of an article, so a later run can rebuild the
# index: the MinHash (uint64 little-endian bytes) and shingle count of a text
# long enough to have one, and the exact-text digest when this article was the
# first with it. `seed` and `scheme` say how the MinHash was made, so that one
# made by another datasketch version is recomputed rather than compared.
signatures = Table(
    "signatures",
    metadata,
    Column(
        "article_id",
        Integer,
        ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("digest", String(64), unique=True),
    Column("hashvalues", LargeBinary),
    Column("shingles", Integer),
    Column("seed", Integer),
    Column("scheme", String(16)),
)

facts = Table(
    "facts",
    metadata,
    *_owner(),
    *_reviewable(),
    Column("package", String(16)),  # `packages.package` of the same article
    *_evidence(),
    *_evidence("mention", nullable=True),
    # machine (extraction wrote it) or manual (a reviewer added it from a span)
    Column("origin", String(8), nullable=False, server_default="machine"),
    # The web app's filters: donor or category, often with a status.
    Index("ix_facts_donor", "donor", "status"),
    Index("ix_facts_category", "category", "status"),
    Index("ix_facts_status", "status"),
    Index("ix_facts_item_id", "item_id"),
    Index("ix_facts_date", "date"),
)

packages = Table(
    "packages",
    metadata,
    *_owner(),
    Column("package", String(16), nullable=False),  # p1, p2 ... within the article
    Column("donor", String(8)),
    Column("date", String(10)),
    Column("amount", Float, nullable=False),
    Column("currency", String(8)),
    *_evidence(),
)

events = Table(
    "events",
    metadata,
    *_owner(),
    Column("type", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("place", Text),
    Column("date", String(10)),
    Column("participants", Integer),
    *_evidence(),
)

totals = Table(
    "totals",
    metadata,
    *_owner(),
    Column("scope", Text, nullable=False),
    Column("amount", Float, nullable=False),
    Column("currency", String(8)),
    Column("kind", String(16), nullable=False),
    *_evidence(),
)


users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),  # argon2id, PHC string
    Column("created_at", DateTime(timezone=True), nullable=False),
    # A disabled user cannot sign in; their reviews and history stay theirs.
    Column("disabled", Boolean, nullable=False, server_default=false()),
)

# One row per signed-in browser: the cookie carries the token, this table its
# sha256, so a copied cookie dies with the row and a leaked table opens nothing.
sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column(
        "user_id",
        Integer,
        ForeignKey("users.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

# One row per reviewed fact: the verdict and the fact's values as the
# reviewer left them (for `confirmed`, the machine's values at that time).
fact_reviews = Table(
    "fact_reviews",
    metadata,
    Column(
        "fact_id",
        Integer,
        ForeignKey("facts.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column(
        "article_id",
        Integer,
        ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("verdict", String(16), nullable=False),  # confirmed rejected corrected added
    *_reviewable(),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("reviewed_at", DateTime(timezone=True), nullable=False),
    # 1 for the first review, +1 each write: what a reviewer saw, to tell a
    # lost update (another write in between) from a fresh one.
    Column("version", Integer, nullable=False, server_default="1"),
)

fact_history = Table(
    "fact_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "fact_id",
        Integer,
        ForeignKey("facts.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("action", String(16), nullable=False),  # the verdict given
    Column("before", Text),  # JSON of the reviewed view before, null for an added fact
    Column("after", Text, nullable=False),  # JSON of the reviewed view after
)
