"""Take docs/event-view.png: the event page of examples/events.

    python docs/make_event_screenshot.py

Ingests the four write-ups of one decision and the unrelated article of
examples/events into a temporary store, serves the app on a loopback port
and photographs the event page with Playwright and Debian's Chromium
(/usr/bin/chromium).
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright
from sqlalchemy import select

from aidwatch.run import ingest
from aidwatch.store import open_store
from aidwatch.store.schema import articles
from aidwatch.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def main() -> None:
    url = f"sqlite:///{tempfile.mkdtemp()}/events.db"
    os.chdir(ROOT)  # sources shown as examples/events/...
    ingest([Path("examples/events")], url)
    engine = open_store(url)
    with engine.connect() as connection:
        event = connection.scalar(select(articles.c.event).where(articles.c.doc == "berlin.txt"))
    engine.dispose()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(url), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 900})
        page.goto(f"{base}/events/{event}")
        page.screenshot(path=str(ROOT / "docs" / "event-view.png"), full_page=True)
        browser.close()
    server.should_exit = True
    thread.join()


if __name__ == "__main__":
    main()
