"""Take docs/article-view.png: the article view with its evidence highlighted.

    python docs/make_screenshot.py

Ingests the dev articles into a temporary store, confirms one fact and
corrects another as a signed-in reviewer, serves the app on a loopback port
and photographs the first article with Playwright and Debian's Chromium
(/usr/bin/chromium).
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright
from sqlalchemy import select

from aidwatch.run import ingest
from aidwatch.store import open_store, review
from aidwatch.store.schema import facts
from aidwatch.store.users import add_user
from aidwatch.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def main() -> None:
    url = f"sqlite:///{tempfile.mkdtemp()}/shot.db"
    os.chdir(ROOT)
    ingest([Path("examples/dev/articles")], url)
    engine = open_store(url)
    with engine.connect() as connection:
        user_id = add_user(connection, "analyst", "screenshot-only")
        with connection.begin():
            ids = list(
                connection.scalars(
                    select(facts.c.id).where(facts.c.article_id == 1).order_by(facts.c.position)
                )
            )
        review.confirm(connection, ids[2], user_id)
        review.correct(connection, ids[1], user_id, {"quantity": 18})
    engine.dispose()
    with browser_page(url, height=860) as (page, base):
        page.goto(f"{base}/login?next=/articles/1")
        page.fill("input[name=name]", "analyst")
        page.fill("input[name=password]", "screenshot-only")
        page.click("form.login button[type=submit]")
        page.wait_for_url(f"{base}/articles/1")
        page.hover(f"#fact-{ids[2]}")  # light up one fact and its evidence
        page.screenshot(path=str(ROOT / "docs" / "article-view.png"))


@contextmanager
def browser_page(url: str, height: int = 900):
    """(page, base address) of a Chromium page beside the app serving the
    store at `url` on a free loopback port; both stop on leaving."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(url), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            try:
                page = browser.new_page(viewport={"width": 1360, "height": height})
                yield page, f"http://127.0.0.1:{sock.getsockname()[1]}"
            finally:
                browser.close()
    finally:
        server.should_exit = True
        thread.join()


if __name__ == "__main__":
    main()
