"""Events in the store: assigned at ingest, joined across runs, merges
recorded, and stores made before events grouped when next opened."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, select, update

from aidwatch.dedup.events import Assignment
from aidwatch.run import ingest
from aidwatch.store.events import load_events, record_merges
from aidwatch.store.schema import articles, event_merges

# Two write-ups of one decision, in other words (same facts, same names),
# and another event.
SCHOLZ = (
    "Le chancelier Olaf Scholz a annoncé mercredi que l'Allemagne va livrer 14 chars "
    "Leopard 2A6 à l'Ukraine et autorisera la Pologne à envoyer les siens.\n"
    "La décision, attendue depuis des semaines par Kiev, a été saluée par les alliés.\n"
)
BERLIN = (
    "Berlin a fini par céder : Olaf Scholz a confirmé mercredi que l'Allemagne va livrer 14 "
    "chars Leopard 2A6 à l'Ukraine, prélevés dans les stocks de la Bundeswehr.\n"
    "La Pologne pourra aussi envoyer ses propres chars, a précisé la chancellerie.\n"
)
CAESAR = (
    "La France a livré ses premiers canons Caesar à l'armée ukrainienne, a indiqué lundi le "
    "ministère des Armées.\nLes artilleurs ont été formés pendant plusieurs semaines.\n"
)


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def stored(url: str) -> dict[str, tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(articles)).all()
    finally:
        engine.dispose()
    doc_of = {row.id: row.doc for row in rows}
    return {
        row.doc: (doc_of.get(row.event), doc_of.get(row.event_partner), row.event_reason)
        for row in rows
    }


def test_a_write_up_in_a_later_run_joins_the_event_with_its_reason(tmp_path, new_store):
    url = new_store("events")
    ingest([write(tmp_path / "monday", {"scholz.txt": SCHOLZ, "caesar.txt": CAESAR})], url)
    summary = ingest([write(tmp_path / "tuesday", {"berlin.txt": BERLIN})], url)
    events = stored(url)
    assert summary.joined == 1
    assert events["scholz.txt"] == ("scholz.txt", None, None)
    assert events["caesar.txt"] == ("caesar.txt", None, None)
    event, partner, reason = events["berlin.txt"]
    assert (event, partner) == ("scholz.txt", "scholz.txt")
    assert reason.startswith("shared facts: DE leopard2a6 pledged")


def test_a_merge_moves_the_articles_and_is_recorded(tmp_path, new_store):
    url = new_store("merge")
    ingest([write(tmp_path / "news", {"scholz.txt": SCHOLZ, "caesar.txt": CAESAR})], url)
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            ids = dict(connection.execute(select(articles.c.doc, articles.c.id)).all())
            merge = Assignment(str(ids["scholz.txt"]), merged=[str(ids["caesar.txt"])])
            record_merges(connection, ids["caesar.txt"], merge, datetime.now(UTC))
            merges = connection.execute(select(event_merges)).all()
    finally:
        engine.dispose()
    assert stored(url)["caesar.txt"][0] == "scholz.txt"
    assert [(m.event, m.into, m.article_id) for m in merges] == [
        (ids["caesar.txt"], ids["scholz.txt"], ids["caesar.txt"])
    ]


def test_articles_stored_before_events_get_one_when_the_index_loads(tmp_path, new_store):
    url = new_store("legacy")
    ingest([write(tmp_path / "news", {"scholz.txt": SCHOLZ, "berlin.txt": BERLIN})], url)
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(update(articles).values(event=None, event_reason=None))
        with engine.begin() as connection:
            load_events(connection)
    finally:
        engine.dispose()
    events = stored(url)
    # Read in name order: berlin.txt came first.
    assert events["berlin.txt"][0] == events["scholz.txt"][0] == "berlin.txt"


def test_the_index_rebuilt_from_the_store_knows_each_article_s_lead(tmp_path, new_store):
    # The lead is read from the facts' offsets: the store keeps them, so an
    # index rebuilt from it compares leads as the ingest that stored them did.
    from aidwatch.dedup import report_of
    from aidwatch.run import extract_paths
    from aidwatch.store.events import stored_extractions

    both = (
        "Le chancelier Olaf Scholz a annoncé mercredi que l'Allemagne va livrer 14 chars "
        "Leopard 2A6 à l'Ukraine.\nPar ailleurs, la France a livré le mois dernier ses "
        "premiers canons Caesar à l'armée ukrainienne.\n"
    )
    folder = write(tmp_path / "news", {"both.txt": both, "caesar.txt": CAESAR})
    url = new_store("lead")
    ingest([folder], url)
    live, _ = extract_paths([folder])
    leads = {r.article.id: (report_of(r).lead_items, report_of(r).lead_kinds) for r in live}
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            doc_of = dict(connection.execute(select(articles.c.id, articles.c.doc)).all())
            rebuilt = {
                doc_of[row.id]: (report_of(e).lead_items, report_of(e).lead_kinds)
                for row, e in stored_extractions(connection)
            }
    finally:
        engine.dispose()
    assert rebuilt == leads
    assert rebuilt["both.txt"] == ({"DE leopard2a6"}, {"DE main_battle_tank"})
