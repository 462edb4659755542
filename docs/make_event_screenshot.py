"""Take docs/event-view.png: the event page of examples/events.

    python docs/make_event_screenshot.py

Ingests the four write-ups of one decision and the unrelated article of
examples/events into a temporary store, serves the app on a loopback port
and photographs the event page with Playwright and Debian's Chromium
(/usr/bin/chromium).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from sqlalchemy import select

from aidwatch.run import ingest
from aidwatch.store import open_store
from aidwatch.store.schema import articles

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_screenshot import ROOT, browser_page  # noqa: E402  (a script beside this one)


def main() -> None:
    url = f"sqlite:///{tempfile.mkdtemp()}/events.db"
    os.chdir(ROOT)  # sources shown as examples/events/...
    ingest([Path("examples/events")], url)
    engine = open_store(url)
    with engine.connect() as connection:
        event = connection.scalar(select(articles.c.event).where(articles.c.doc == "berlin.txt"))
    engine.dispose()
    with browser_page(url) as (page, base):
        page.goto(f"{base}/events/{event}")
        page.screenshot(path=str(ROOT / "docs" / "event-view.png"), full_page=True)


if __name__ == "__main__":
    main()
