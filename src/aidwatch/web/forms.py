"""The HTML forms' posts: sign-in and out, a verdict on a fact, a fact added
from a selection. Each answers with a redirect (back to the fact, with the
error shown there when the store refused the values). Routes only: writes
are store/review.py and store/users.py, shared checks deps.py."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import Connection

from aidwatch.catalog import item_named, items_by_id
from aidwatch.store import review
from aidwatch.store.schema import MAX_ID
from aidwatch.web import auth, queries
from aidwatch.web.deps import (
    Id,
    apply_review,
    back,
    connection,
    found,
    local,
    refuse_if_read_only,
    sign_in,
    sign_out,
    typed_values,
    writer,
)

router = APIRouter(include_in_schema=False)

VERDICTS = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected"}


@router.post("/login")
def login_form(
    request: Request,
    name: str = Form(..., max_length=64),
    password: str = Form(..., max_length=1024),
    csrf: str = Form(""),
    next: str = Form("/"),
    conn: Connection = Depends(connection),
):
    refuse_if_read_only(request)
    if not auth.csrf_matches(request.session.get("csrf"), csrf):
        raise HTTPException(403, "missing or wrong CSRF token")
    user = sign_in(request, conn, name, password)
    if user is None:
        return RedirectResponse("/login?error=1", status_code=303)
    return RedirectResponse(local(next), status_code=303)


@router.post("/logout")
def logout_form(request: Request, user: dict = Depends(writer)):
    sign_out(request)
    return RedirectResponse("/", status_code=303)


@router.post("/facts/{fact_id}/{verdict}")
def review_form(
    fact_id: Id,
    verdict: Literal["confirm", "reject", "correct"],
    version: int | None = Form(None, ge=0, le=MAX_ID),
    changes: dict = Depends(typed_values),
    user: dict = Depends(writer),
    conn: Connection = Depends(connection),
):
    fact = found(queries.fact(conn, fact_id), "fact")
    conn.rollback()  # the read's transaction; the review runs in its own
    try:
        apply_review(conn, fact_id, user, VERDICTS[verdict], changes, version)
    except HTTPException as error:
        if error.status_code not in (409, 422):
            raise
        return back(fact["article_id"], fact_id, error.detail)
    return back(fact["article_id"], fact_id)


@router.post("/articles/{article_id}/facts")
def add_form(
    article_id: Id,
    start: int = Form(...),
    end: int = Form(...),
    values: dict = Depends(typed_values),
    user: dict = Depends(writer),
    conn: Connection = Depends(connection),
):
    typed = dict(values)
    item = item_named(values["item_id"]) or item_named(values["item_name"])
    if item is not None and values["item_id"] not in items_by_id():
        # A system named rather than given by its catalogue id: the catalogue's
        # id, name and category, unless the reviewer chose a category.
        values = {**values, "item_id": item.id, "item_name": ""}
    try:
        added = review.add(conn, article_id, user["id"], start, end, values)
    except review.NotFound:
        raise HTTPException(404, "no such article") from None
    except review.ReviewError as error:
        # Back to the form with the selection and the values as typed.
        return back(article_id, None, str(error), kept={"start": start, "end": end, **typed})
    return back(article_id, added["id"])
