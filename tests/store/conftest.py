"""Fixtures of the store tests: a generated corpus, table dumps that two
stores can be compared by (ids and ingestion times left out, every row keyed
by its article's text hash), and the stored articles as `aidwatch extract`
records. Given as fixtures because test modules cannot import this one."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from aidwatch.store.schema import articles, events, facts, packages, signatures, totals

ROOT = Path(__file__).resolve().parents[2]
DEV_ARTICLES = ROOT / "examples" / "dev" / "articles"

_spec = importlib.util.spec_from_file_location("cases_fr", ROOT / "tests/extract/cases_fr.py")
_cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_cases)
CASES = _cases.CASES

# Long enough for a MinHash signature: articles that share one form a story.
BACKGROUNDS = [
    "Depuis le début de l'invasion russe en février 2022, les alliés occidentaux ont fourni à "
    "l'Ukraine des dizaines de milliards d'euros d'équipements, des munitions d'artillerie aux "
    "systèmes de défense antiaérienne, tout en refusant longtemps les armes de longue portée "
    "capables de frapper le territoire russe, par crainte d'une escalade du conflit.",
    "Réunis à la base aérienne de Ramstein, en Allemagne, les ministres de la Défense d'une "
    "cinquantaine de pays ont promis de nouvelles livraisons pour l'hiver, alors que Kiev "
    "réclame avant tout des obus et des systèmes capables d'intercepter les missiles et les "
    "drones que la Russie lance chaque nuit sur ses villes et ses centrales électriques.",
]
OFF_TOPIC = [
    "Le club de football de la ville a remporté dimanche son {n}e match de la saison devant un "
    "public enthousiaste, grâce à un but inscrit dans les dernières minutes par son attaquant.",
    "La récolte de raisin s'annonce abondante cette année dans le Bordelais, où les vignerons "
    "ont commencé les vendanges avec {n} jours d'avance sur le calendrier habituel.",
    "Le festival de jazz a accueilli {n} musiciens venus de toute l'Europe pour trois soirées "
    "de concerts en plein air, malgré une météo capricieuse.",
]


def _generated_corpus(path: Path, count: int = 200) -> Path:
    """A JSON Lines batch of `count` small articles: on-topic sentences of the
    extraction tests, some with a shared background (stories), some repeated
    (duplicates), and off-topic ones."""
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            sentence, published, _ = CASES[(n * 7) % len(CASES)]
            kind = n % 4
            if kind == 0:
                text = OFF_TOPIC[n % len(OFF_TOPIC)].format(n=n)
                published = None
            elif kind == 2:
                text = sentence + "\n\n" + BACKGROUNDS[n % len(BACKGROUNDS)]
            else:
                text = sentence
            record = {"id": f"a{n:03d}", "text": text}
            if published:
                record["date"] = published
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _dump(url: str) -> dict[str, list[tuple]]:
    """Every table's rows, comparable between stores."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            hash_of = dict(connection.execute(select(articles.c.id, articles.c.text_hash)).all())
            tables: dict[str, list[tuple]] = {}
            tables["articles"] = sorted(
                (
                    row.text_hash,
                    row.doc,
                    row.source,
                    row.title,
                    row.language,
                    row.published,
                    row.published_inferred,
                    row.text,
                    hash_of.get(row.story),
                    row.relevant,
                )
                for row in connection.execute(select(articles))
            )
            for table in (signatures, facts, packages, events, totals):
                kept = [c for c in table.c if c.name not in ("id", "article_id")]
                tables[table.name] = sorted(
                    (hash_of[row.article_id], *(row._mapping[c] for c in kept))
                    for row in connection.execute(select(table))
                )
            return tables
    finally:
        engine.dispose()


@pytest.fixture
def db_url(tmp_path):
    """A fresh SQLite store's URL (the file is made by the first open)."""
    return f"sqlite:///{tmp_path / 'store.db'}"


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A generated JSON Lines batch of 200 articles (see `_generated_corpus`)."""
    return _generated_corpus(tmp_path / "corpus.jsonl")


@pytest.fixture(scope="session")
def dump():
    """`dump(url)`: every table's rows, comparable between stores."""
    return _dump


@pytest.fixture(scope="session")
def stored_records():
    """`stored_records(url)`: each stored article as an `aidwatch extract` record, by doc."""
    return _stored_records


def _stored_records(url: str) -> dict[str, dict]:
    """Each stored article as the record `aidwatch extract` writes, by doc
    (the story named by its first article's doc, as extract names it)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = {row.id: row for row in connection.execute(select(articles))}
            owned = {
                table.name: _by_article(connection, table)
                for table in (facts, packages, events, totals)
            }
    finally:
        engine.dispose()
    return {
        row.doc: {
            "doc": row.doc,
            "source": row.source,
            "title": row.title,
            "published": {"date": row.published, "inferred": row.published_inferred},
            "story": rows[row.story].doc if row.story else None,
            "facts": [_fact(f) for f in owned["facts"].get(row.id, [])],
            "packages": [
                {
                    "id": p.package,
                    "donor": p.donor,
                    "date": p.date,
                    "amount": p.amount,
                    "currency": p.currency,
                    "evidence": _evidence(p),
                }
                for p in owned["packages"].get(row.id, [])
            ],
            "events": [
                {
                    "type": e.type,
                    "name": e.name,
                    "place": e.place,
                    "date": e.date,
                    "participants": e.participants,
                    "evidence": _evidence(e),
                }
                for e in owned["events"].get(row.id, [])
            ],
            "totals": [
                {
                    "scope": t.scope,
                    "amount": t.amount,
                    "currency": t.currency,
                    "kind": t.kind,
                    "evidence": _evidence(t),
                }
                for t in owned["totals"].get(row.id, [])
            ],
        }
        for row in rows.values()
    }


def _by_article(connection, table) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for row in connection.execute(select(table).order_by(table.c.article_id, table.c.position)):
        grouped.setdefault(row.article_id, []).append(row)
    return grouped


def _evidence(row, prefix: str = "evidence") -> dict | None:
    text = getattr(row, f"{prefix}_text")
    if text is None:
        return None
    return {
        "text": text,
        "start": getattr(row, f"{prefix}_start"),
        "end": getattr(row, f"{prefix}_end"),
    }


def _fact(row) -> dict:
    return {
        "donor": row.donor,
        "item": {
            "id": row.item_id,
            "name": row.item_name,
            "category": row.category,
            "specific": row.specific,
        },
        "status": row.status,
        "quantity": row.quantity,
        "quantity_kind": row.quantity_kind,
        "date": row.date,
        "package": row.package,
        "evidence": _evidence(row),
        "mention": _evidence(row, "mention"),
    }
