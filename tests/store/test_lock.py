"""The store's write lock (store/db.py): a second holder waits, is told so
and gets the lock once the first lets go; a store at the latest revision
opens without waiting (the web app opens a store an ingest is filling); a
holder may take it again (an ingest opens its store while holding it)."""

from __future__ import annotations

import threading
import time

from aidwatch.store.db import open_store, store_lock


def said(events: list[str], what: str) -> bool:
    """Whether `what` is among `events` within 30 s (a thread notes it)."""
    deadline = time.monotonic() + 30
    while what not in events and time.monotonic() < deadline:
        time.sleep(0.02)
    return what in events


def holder(url: str, events: list[str]) -> threading.Thread:
    """A thread that takes the lock of `url`, noting when it waits and when it has it."""

    def hold() -> None:
        with store_lock(url, on_wait=lambda: events.append("waits")):
            events.append("has it")

    return threading.Thread(target=hold, daemon=True)


def test_a_second_holder_waits_until_the_first_lets_go(new_store):
    url = new_store("lock")
    open_store(url).dispose()
    events: list[str] = []
    with store_lock(url):
        second = holder(url, events)
        second.start()
        assert said(events, "waits")
        assert second.is_alive() and events == ["waits"]
        events.append("first lets go")
    second.join(timeout=30)
    assert events == ["waits", "first lets go", "has it"]


def test_a_migrated_store_opens_while_the_lock_is_held(new_store):
    url = new_store("open")
    open_store(url).dispose()
    waited: list[str] = []
    with store_lock(url):
        engine = open_store(url, on_wait=lambda: waited.append("waits"))
        engine.dispose()
    assert waited == []


def test_a_new_store_waits_for_the_lock_to_be_migrated(new_store):
    url = new_store("fresh")
    events: list[str] = []

    def migrate() -> None:
        open_store(url, on_wait=lambda: events.append("waits")).dispose()
        events.append("migrated")

    with store_lock(url):
        opener = threading.Thread(target=migrate, daemon=True)
        opener.start()
        assert said(events, "waits")
        assert opener.is_alive() and events == ["waits"]
    opener.join(timeout=30)
    assert events == ["waits", "migrated"]


def test_the_holder_takes_the_lock_again_without_waiting(new_store):
    url = new_store("again")
    waited: list[str] = []
    with store_lock(url), store_lock(url, on_wait=lambda: waited.append("waits")):
        open_store(url, on_wait=lambda: waited.append("waits")).dispose()
    assert waited == []
