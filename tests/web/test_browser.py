"""The web app in a real browser: Playwright driving Debian's Chromium against
the app served by uvicorn on a loopback port. An analyst opens the dashboard,
filters the facts, opens an article, confirms one fact and corrects another,
reloads and finds both kept, and adds a missed fact from a selection; an
article full of markup stays inert.

The analyst's path (dashboard → records → a record's sources → the article
with its evidence → review) is walked last; with `AIDWATCH_SCREENSHOTS=DIR`
it photographs each page into DIR:

    AIDWATCH_SCREENSHOTS=docs python -m pytest tests/web/test_browser.py -k analyst_path

Skipped (never faked) when /usr/bin/chromium or the playwright package is
missing; `.ci/run` installs Chromium. Playwright never downloads a browser here.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not installed (.ci/run installs it)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server(dev_store_file, tmp_path_factory) -> str:
    """The app on a copy of the dev store, served on a free loopback port."""
    import uvicorn

    from aidwatch.web.app import create_app

    copy = tmp_path_factory.mktemp("browser") / "store.db"
    shutil.copy(dev_store_file, copy)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(f"sqlite:///{copy}", secret_key="browser-test"), log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []  # no script error on any page


@pytest.fixture
def sign_in(password):
    """`sign_in(page, server, then)`: sign in as alice through the form, landing on `then`."""

    def sign_in(page, server: str, then: str) -> None:
        page.goto(f"{server}/login?next={then}")
        page.fill("input[name=name]", "alice")
        page.fill("input[name=password]", password)
        page.click("form.login button[type=submit]")
        page.wait_for_url(f"{server}{then}")
        assert page.inner_text("#signed-in") == "alice"

    return sign_in


def fact_card(page, index: int):
    return page.locator("section.fact").nth(index)


def test_an_analyst_filters_opens_an_article_and_reviews_two_facts(page, server, sign_in):
    page.goto(server + "/")
    page.wait_for_selector(".chart .main-svg")  # plotly drew the charts
    assert page.locator(".chart .main-svg").count() >= 2

    page.click("nav >> text=Facts")
    page.select_option("select[name=donor]", "US")
    page.select_option("select[name=status]", "pledged")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/facts?*donor=US*")
    rows = page.locator("tr.fact-row")
    assert rows.count() > 0
    for cells in page.locator("tr.fact-row").all():
        texts = cells.locator("td").all_inner_texts()
        assert texts[0] == "US" and texts[3] == "pledged"

    sign_in(page, server, "/facts")
    page.goto(server + "/facts?donor=US&status=pledged&q=HIMARS")
    page.locator("tr.fact-row a[href^='/articles/']").first.click()
    page.wait_for_selector("#article-text mark.evidence")
    article_url = page.url.split("#")[0]
    assert page.locator("mark.evidence").count() > 0

    confirm = fact_card(page, 1)
    confirmed_id = confirm.get_attribute("data-fact")
    confirm.locator("button.confirm").click()
    page.wait_for_load_state()
    assert page.locator(f"#fact-{confirmed_id} .verdict").inner_text() == "confirmed"

    correct = fact_card(page, 2)
    corrected_id = correct.get_attribute("data-fact")
    correct.locator("summary").click()
    correct.locator("input[name=quantity]").fill("42")
    correct.locator("select[name=status]").select_option("delivered")
    correct.locator("button.save").click()
    page.wait_for_load_state()

    page.goto(article_url)
    page.reload()
    confirmed = page.locator(f"#fact-{confirmed_id}")
    corrected = page.locator(f"#fact-{corrected_id}")
    assert confirmed.locator(".verdict").inner_text() == "confirmed"
    assert corrected.locator(".verdict").inner_text() == "corrected"
    assert corrected.locator(".quantity").inner_text() == "× 42"
    assert corrected.locator(".status").inner_text().lower() == "delivered"
    assert "machine said" in corrected.inner_text()


def test_a_missed_fact_is_added_from_a_selection(page, server, sign_in):
    sign_in(page, server, "/articles/1")
    before = page.locator("section.fact").count()
    # Select "Mi-17" in the article text as a reader would with the mouse.
    page.evaluate(
        """() => {
            const text = document.getElementById('article-text');
            const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const at = walker.currentNode.data.indexOf('Mi-17');
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(walker.currentNode, at);
                    range.setEnd(walker.currentNode, at + 5);
                    getSelection().removeAllRanges();
                    getSelection().addRange(range);
                    return;
                }
            }
        }"""
    )
    page.wait_for_function("!document.getElementById('add-submit').disabled")
    assert page.inner_text("#add-span") == "Mi-17"
    form = page.locator("#add-form")
    form.locator("input[name=donor]").fill("US")
    form.locator("input[name=item_id]").fill("mi17")
    form.locator("select[name=status]").select_option("delivered")
    form.locator("#add-submit").click()
    page.wait_for_load_state()
    page.reload()
    assert page.locator("section.fact").count() == before + 1
    added = page.locator("section.fact-added")
    assert added.count() == 1
    assert "Mi-17" in added.inner_text() and "added by a reviewer" in added.inner_text()
    added_id = added.get_attribute("data-fact")
    assert page.locator(f"mark.evidence[data-facts~='{added_id}']").inner_text() == "Mi-17"


def test_an_article_with_markup_stays_inert(page, server):
    page.goto(server + "/articles")
    page.click("text=hostile.txt")
    page.wait_for_selector("#article-text")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    text = page.inner_text("#article-text")
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=2">' in text
    assert page.locator("#article-text script, #article-text img").count() == 0
    assert page.locator("mark.evidence").count() > 0
    page.goto(server + "/facts?q=pwned")
    assert "<script>window.__pwned=1</script>" in page.inner_text("table.facts")
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_the_analyst_path_from_the_dashboard_to_a_review(page, server, sign_in):
    """Dashboard → records → a record's sources → the article with the
    record's evidence lit → sign in and confirm the fact behind it."""
    shots = os.environ.get("AIDWATCH_SCREENSHOTS")

    def shot(name: str) -> None:
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(shots) / f"analyst-{name}.png"), full_page=False)

    page.set_viewport_size({"width": 1360, "height": 860})
    page.goto(server + "/")
    page.wait_for_selector(".chart .main-svg")
    assert page.locator(".chart-box p.counts").count() == page.locator(".chart-box").count()
    shot("1-dashboard")

    page.click(".summary a[href='/records']")
    page.wait_for_selector("tr.record-row")
    records = page.locator("tr.record-row").count()
    assert records == int(page.inner_text("#record-count").split()[0])
    shot("2-records")

    # The record most articles report: its sources are what the analyst checks.
    links = page.locator("tr.record-row a.sources")
    counts = [int(text.split()[0]) for text in links.all_inner_texts()]
    links.nth(counts.index(max(counts))).click()
    page.wait_for_selector("li.source")
    assert page.locator("li.source").count() == max(counts)
    record_id = page.inner_text(".record-fields code")
    shot("3-record-sources")

    record = page.request.get(f"{server}/api/records/{record_id}").json()
    evidence = record["sources"][0]["evidence"]
    source = page.locator("li.source").first
    assert source.locator("blockquote.evidence").inner_text().strip() == evidence.strip()
    source.locator("a.article-link").click()
    page.wait_for_selector("#article-text mark.evidence")
    # The record's sentence is in the article, every character of it in a mark.
    marked = page.evaluate(
        """(evidence) => {
            const text = document.getElementById('article-text');
            const at = text.textContent.indexOf(evidence);
            if (at < 0) return null;
            return [...text.querySelectorAll('[data-start]')].filter((s) => {
                const start = Number(s.dataset.start);
                return start < at + evidence.length && start + s.textContent.length > at;
            }).every((s) => s.tagName === 'MARK');
        }""",
        evidence,
    )
    assert marked is True
    article_path = "/" + page.url.split("/", 3)[3].split("?")[0].split("#")[0]

    # The fact behind the record is outlined and its sentence lit.
    card = page.locator("section.fact.of-record").first
    assert card.locator(".item").inner_text() == record["item_name"]
    fact_id = card.get_attribute("data-fact")
    assert page.locator(f"mark.evidence.of-record[data-facts~='{fact_id}']").count() > 0
    shot("4-article-evidence")

    # Signed in, the analyst confirms it.
    query = page.url.split("?", 1)[1].split("#")[0]
    sign_in(page, server, f"{article_path}?{query}")
    card = page.locator(f"#fact-{fact_id}")
    card.locator("button.confirm").click()
    page.wait_for_load_state()
    page.locator(f"#fact-{fact_id}").scroll_into_view_if_needed()
    page.hover(f"#fact-{fact_id}")  # its evidence lights up
    assert page.locator(f"#fact-{fact_id} .verdict").inner_text() == "confirmed"
    assert page.locator("mark.evidence.lit").count() > 0
    shot("5-review")
