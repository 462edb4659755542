"""What the web app's routes share: the store connection, the signed-in user
and the write guard, rendering, sign-in, and the checked request values.

Everything app-wide (engine, templates, mode, sign-in throttle) is on
`request.app.state`, set by `app.create_app`; the routers (api.py, pages.py,
forms.py) only declare routes. The request values with more than one door
are declared once: the filters by `queries.FactFilter`, the values a
reviewer edits by the store's `REVIEWED` columns (`TYPED`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from typing import Annotated, get_type_hints
from urllib.parse import urlencode

from fastapi import HTTPException, Path, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import Field, ValidationError, create_model
from sqlalchemy import Connection, Integer
from starlette.concurrency import run_in_threadpool

from aidwatch.store import review, users
from aidwatch.store.schema import MAX_ID, fact_reviews
from aidwatch.web import auth, queries

# A path id past the store's range is refused (422) before it reaches the
# driver, which cannot bind it (a 500 otherwise).
Id = Annotated[int, Path(ge=0, le=MAX_ID)]

# -- the filters: one declaration (queries.FactFilter) -------------------------

FILTERS = tuple(f.name for f in fields(queries.FactFilter))
_hints = get_type_hints(queries.FactFilter)
FactsQuery = create_model(
    "FactsQuery",
    __doc__="The query of /api/facts: one model, validated in one go (a dozen separate"
    " parameters cost FastAPI more than the query itself).",
    **{f.name: (_hints[f.name], Field(None, **f.metadata)) for f in fields(queries.FactFilter)},
    limit=(int, Field(queries.PAGE_SIZE, ge=1, le=queries.MAX_PAGE_SIZE)),
    before=(
        int | None,
        Field(None, ge=0, le=MAX_ID, description="the `next_before` of the previous page"),
    ),
)


def fact_filter(params) -> queries.FactFilter:
    """The filter of a validated `FactsQuery` (empty values are no filter)."""
    return queries.FactFilter(**{name: getattr(params, name) or None for name in FILTERS})


def page_filter(request: Request) -> queries.FactFilter:
    """The facts page's filter, from its form's query, checked as /api/facts
    checks it. Empty fields arrive as "" and are no filter."""
    given = {name: request.query_params.get(name) or None for name in FILTERS}
    try:
        return fact_filter(FactsQuery.model_validate(given))
    except ValidationError as error:
        first = error.errors()[0]
        raise HTTPException(422, f"{first['loc'][0]}: {first['msg']}") from None


# -- the values a reviewer edits: one declaration (the REVIEWED columns) --------

# What a person types: the editable values but `specific`, which follows the
# item (the catalog says whether HIMARS is a named system).
TYPED = tuple(name for name in review.EDITABLE if name != "specific")


def _limit(name: str) -> int:
    """The longest value the column takes: its length, 200 for free text, 20
    digits for a number."""
    column_type = fact_reviews.c[name].type
    if isinstance(column_type, Integer):
        return 20
    return getattr(column_type, "length", None) or 200


LIMITS = {name: _limit(name) for name in TYPED}

Changes = create_model(
    "Changes",
    __doc__="Fact values a reviewer changes; fields left out stay as they are.",
    **{
        name: (int | None, None)
        if isinstance(fact_reviews.c[name].type, Integer)
        else (str | None, Field(None, max_length=LIMITS[name]))
        for name in TYPED
    },
)


async def typed_values(request: Request) -> dict:
    """The editable values of a form post (every field, "" when left empty),
    each at most its column's length."""
    form = await request.form()
    values = {}
    for name in TYPED:
        value = form.get(name, "")
        if not isinstance(value, str) or len(value) > LIMITS[name]:
            raise HTTPException(422, f"{name} is longer than {LIMITS[name]} characters")
        values[name] = value
    return values


# -- store, user, guard ---------------------------------------------------------


# A sync dependency: the pool is waited on in a worker thread, never on the
# event loop (which returns connections and must not be blocked).
def connection(request: Request) -> Iterator[Connection]:
    with request.app.state.engine.connect() as conn:
        yield conn


def session_user(request: Request) -> dict | None:
    """The signed-in user, looked up once per request: the cookie names a
    session, and only a session still in the store counts (see
    store/users.py), so logout and a password change end it everywhere."""
    if not hasattr(request.state, "user"):
        token = request.session.get("sid")
        user = None
        if token:
            with request.app.state.engine.connect() as conn:
                user = users.session_user(conn, token)
        request.state.user = user
    return request.state.user


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = auth.new_csrf_token()
    return token


def refuse_if_read_only(request: Request) -> None:
    if request.app.state.read_only:
        raise HTTPException(403, "read-only: this server does not accept changes")


async def writer(request: Request) -> dict:
    """The signed-in user allowed to write this request, or 401/403."""
    refuse_if_read_only(request)
    # A query, so in a worker thread: the event loop is never blocked.
    user = await run_in_threadpool(session_user, request)
    if user is None:
        raise HTTPException(401, "sign in first")
    given = request.headers.get("x-csrf-token")
    if given is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        given = (await request.form()).get("csrf")
    if not auth.csrf_matches(request.session.get("csrf"), given):
        raise HTTPException(403, "missing or wrong CSRF token")
    return user


def sign_in(request: Request, conn: Connection, name: str, password: str) -> dict | None:
    """The user when the password is theirs (and a new session started),
    None when not; 429 past the throttle's limits, 503 when every
    password-hashing slot stays busy."""
    throttle = request.app.state.throttle
    client = request.client.host if request.client else "?"
    wait = throttle.retry_after(name, client)
    if wait is not None:
        raise HTTPException(
            429, "too many failed sign-ins: try again later", {"retry-after": str(wait)}
        )
    try:
        user = users.authenticate(conn, name, password)
    except users.Busy as error:
        raise HTTPException(503, str(error), {"retry-after": "1"}) from None
    if user is None:
        throttle.failed(name, client)
        return None
    throttle.succeeded(name)
    # A new session on sign-in: a token planted before cannot ride along.
    request.session.clear()
    request.session.update(sid=users.start_session(conn, user["id"]), csrf=auth.new_csrf_token())
    request.state.user = user
    return user


def sign_out(request: Request) -> None:
    with request.app.state.engine.connect() as conn:
        users.end_session(conn, request.session.get("sid"))
    request.session.clear()


def apply_review(
    conn: Connection,
    fact_id: int,
    user: dict,
    verdict: str,
    changes: dict,
    version: int | None,
) -> dict:
    """A verdict on a fact, the library's errors as HTTP ones (404, 409, 422)."""
    try:
        if verdict == "confirmed":
            return review.confirm(conn, fact_id, user["id"], version)
        if verdict == "rejected":
            return review.reject(conn, fact_id, user["id"], version)
        return review.correct(conn, fact_id, user["id"], changes, version)
    except review.NotFound as error:
        raise HTTPException(404, str(error)) from None
    except review.Conflict as error:
        raise HTTPException(409, str(error)) from None
    except review.ReviewError as error:
        raise HTTPException(422, str(error)) from None


# -- answers ----------------------------------------------------------------------


def page(request: Request, template: str, **context) -> HTMLResponse:
    # An anonymous visitor gets no session (and no cookie) until the
    # sign-in form, the one form they can post.
    html = request.app.state.templates.get_template(template).render(
        request=request,
        user=session_user(request),
        csrf=request.session.get("csrf"),
        **context,
    )
    return HTMLResponse(html)


def found(value, what: str):
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


def json_answer(data) -> JSONResponse:
    """Plain data straight to JSON: the reads are dicts of str, int, float,
    bool and None already, and FastAPI's own encoding of a 50-fact page would
    cost more than the query."""
    return JSONResponse(data)


def local(target: str) -> str:
    """A redirect target on this site only (no //evil.example)."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


def back(
    article_id: int, fact_id: int | None, error: str | None = None, kept: dict | None = None
) -> RedirectResponse:
    """To the article's page, at the fact, with the error if any; `kept`: the
    values of a refused added fact, put back in its form (at #add-fact)."""
    query = f"?{urlencode({'error': error, **(kept or {})})}" if error else ""
    anchor = f"#fact-{fact_id}" if fact_id is not None else ("#add-fact" if kept else "")
    return RedirectResponse(f"/articles/{article_id}{query}{anchor}", status_code=303)
