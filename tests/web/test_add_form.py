"""The add-fact form: a system given by its name as a reviewer types it, and a
refused fact sent back to its form with the selection and values kept."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from aidwatch.catalog import item_named, items_by_id

FIRST = "000_ee75e9183deac66b.txt"


@pytest.mark.parametrize(
    "words, item_id",
    [
        ("himars", "himars"),
        ("HIMARS", "himars"),
        ("Leopard 2A6", "leopard2a6"),
        ("leopard-2a6", "leopard2a6"),
        ("  ", None),
        ("a system no catalogue holds", None),
    ],
)
def test_item_named_finds_the_catalogue_item(words, item_id):
    item = item_named(words)
    assert (item.id if item else None) == item_id


def post_fact(client, article_id, csrf, **values):
    return client.post(
        f"/articles/{article_id}/facts",
        data={"csrf": csrf, "start": "0", "end": "20", "status": "pledged", **values},
        follow_redirects=False,
    )


@pytest.mark.parametrize("field", ["item_name", "item_id"])
@pytest.mark.parametrize("typed", ["himars", "HIMARS", "Leopard 2A6"])
def test_a_system_is_added_by_its_name(signed_in, doc_ids, field, typed):
    csrf = signed_in.headers.pop("X-CSRF-Token")
    article_id = doc_ids[FIRST]
    answer = post_fact(signed_in, article_id, csrf, **{field: typed})
    assert answer.status_code == 303 and "error" not in answer.headers["location"]
    added = signed_in.get(f"/api/articles/{article_id}").json()["facts"]
    [fact] = [f for f in added if f["verdict"] == "added"]
    item = items_by_id()[item_named(typed).id]
    assert (fact["item_id"], fact["item_name"], fact["category"]) == (
        item.id,
        item.name,
        item.category,
    )


def test_a_refused_fact_comes_back_with_its_selection_and_values(signed_in, doc_ids):
    csrf = signed_in.headers.pop("X-CSRF-Token")
    article_id = doc_ids[FIRST]
    text = signed_in.get(f"/api/articles/{article_id}").json()["text"]
    # A name the catalogue does not hold and no category: refused.
    refused = post_fact(signed_in, article_id, csrf, item_name="canons à eau", donor="FR")
    assert refused.status_code == 303
    assert refused.headers["location"].endswith("#add-fact")
    page = signed_in.get(refused.headers["location"]).text
    form = re.search(r'<form [^>]*id="add-form".*?</form>', page, re.S).group(0)
    assert 'id="add-start" value="0"' in form and 'id="add-end" value="20"' in form
    assert str(escape(text[0:20])) in form  # as the template escapes it
    assert 'value="canons à eau"' in form and 'value="FR"' in form
    assert "<option selected>pledged</option>" in form
    assert 'id="add-submit" disabled' not in form
