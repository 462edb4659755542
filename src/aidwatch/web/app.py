"""The web app: pages and a JSON API over one store, for browsing and reviewing facts.

`create_app(url, read_only=False)` opens (and migrates) the store and returns
a FastAPI app: HTML pages (dashboard, facts table, article with highlighted
evidence, story, packages, systems) and, under /api, the same data as JSON
(documented at /docs). Reads are queries.py, writes store/review.py and
store/users.py;
this module only routes, checks and renders.

Guards, all here: writes need a signed-in user and the session's CSRF token
(auth.py); a read-only app refuses every write with 403; request bodies over
`max_body` bytes are refused with 413 before they are read; templates are
autoescaped and the Content-Security-Policy allows scripts from this origin
only, so a `<script>` in an article is shown, never run.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path as FilePath
from typing import Annotated, Literal
from urllib.parse import urlsplit

import jinja2
from fastapi import Depends, FastAPI, Form, HTTPException, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from sqlalchemy import Connection, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.concurrency import run_in_threadpool
from starlette.middleware.sessions import SessionMiddleware

from aidwatch.catalog import items_by_id
from aidwatch.model import CATEGORIES, QUANTITY_KINDS, STATUSES
from aidwatch.store import review, users
from aidwatch.store.db import open_store
from aidwatch.web import auth, queries
from aidwatch.web.dashboard import dashboard_figures

REQUEST_THREADS = 40  # AnyIO's default: sync routes and dependencies run in these
MAX_BODY = 64 * 1024  # a review or a login is a few hundred bytes
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
SECRET_VARIABLE = "AIDWATCH_SECRET_KEY"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


def plotly_js() -> FilePath:
    """plotly.js as the plotly wheel ships it."""
    import plotly

    return FilePath(plotly.__file__).parent / "package_data" / "plotly.min.js"


SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class Guard:
    """Pure ASGI middleware: bounded bodies, read-only mode, same-origin
    writes, security headers (on its own refusals too).

    The body limit counts what is received, not only Content-Length, so a
    chunked upload cannot get round it. A write whose `Origin` (or, without
    one, `Sec-Fetch-Site`) says another site sent it is refused with 403
    before anything else: the browser's own word, checked on top of
    SameSite and the CSRF token. Clients that send neither (scripts, curl)
    are not browsers riding a cookie and pass on to the token check."""

    def __init__(self, app, max_body: int, read_only: bool):
        self.app = app
        self.max_body = max_body
        self.read_only = read_only

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        if "\x00" in scope["path"] or b"%00" in scope["query_string"].lower():
            # No text holds NUL, and PostgreSQL refuses it in a query (a 500).
            return await _plain(send, 400, "NUL character in the URL")
        if scope["method"] not in SAFE_METHODS:
            if self.read_only:
                return await _plain(send, 403, "read-only: this server does not accept changes")
            if _cross_origin(headers):
                return await _plain(send, 403, "cross-origin write refused")
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return await _plain(send, 413, "request body too large")
        received = 0
        refused = False

        async def bounded_receive():
            # Past the limit: answer 413 now and tell the app the client left,
            # rather than raising into FastAPI (which would make it a 400).
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    refused = True
                    await _plain(send, 413, "request body too large")
                    return {"type": "http.disconnect"}
            return message

        async def secured_send(message):
            if refused:
                return  # the 413 is the answer
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        try:
            await self.app(scope, bounded_receive, secured_send)
        except Exception:
            if not refused:
                raise


def _cross_origin(headers: dict[bytes, bytes]) -> bool:
    """The request says it comes from a page of another site."""
    origin = headers.get(b"origin")
    if origin is not None:
        # Scheme left out: behind a TLS proxy the app sees http, the browser https.
        try:
            host = urlsplit(origin.decode("latin-1")).netloc
        except ValueError:  # not a URL at all ("http://[")
            return True
        return not host or host != headers.get(b"host", b"").decode("latin-1")
    return headers.get(b"sec-fetch-site") == b"cross-site"


async def _plain(send, status: int, text: str) -> None:
    body = json.dumps({"detail": text}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


# Ids are INTEGER columns, 32-bit on PostgreSQL: a larger one is refused
# (422) before it reaches the driver, which cannot bind it (a 500 otherwise).
MAX_ID = 2**31 - 1
Id = Annotated[int, Path(ge=0, le=MAX_ID)]

ISO_PREFIX = r"^\d{4}(-\d{2}(-\d{2})?)?$"
FILTER_FIELDS = ("donor", "category", "status", "date_from", "date_to", "q", "verdict", "item_id")


class FactsQuery(BaseModel):
    """The query of /api/facts: one model, validated in one go (a dozen
    separate parameters cost FastAPI more than the query itself)."""

    donor: str | None = Field(None, max_length=8, description="ISO code, EU, NATO, or `none`")
    category: str | None = Field(None, max_length=40)
    status: str | None = Field(None, max_length=16)
    date_from: str | None = Field(None, pattern=ISO_PREFIX, description="YYYY[-MM[-DD]], inclusive")
    date_to: str | None = Field(None, pattern=ISO_PREFIX, description="YYYY[-MM[-DD]], inclusive")
    q: str | None = Field(None, max_length=200, description="words in the evidence")
    verdict: str | None = Field(
        None, max_length=16, description="unreviewed, confirmed, rejected, corrected or added"
    )
    item_id: str | None = Field(None, max_length=64)
    article_id: int | None = Field(None, ge=0, le=MAX_ID)
    limit: int = Field(queries.PAGE_SIZE, ge=1, le=queries.MAX_PAGE_SIZE)
    before: int | None = Field(
        None, ge=0, le=MAX_ID, description="the `next_before` of the previous page"
    )


class LoginBody(BaseModel):
    name: str = Field(max_length=64)
    password: str = Field(max_length=1024)


class Changes(BaseModel):
    """Fact values a reviewer changes; fields left out stay as they are."""

    donor: str | None = Field(None, max_length=8)
    item_id: str | None = Field(None, max_length=64)
    item_name: str | None = Field(None, max_length=200)
    category: str | None = None
    status: str | None = None
    quantity: int | None = None
    quantity_kind: str | None = None
    date: str | None = Field(None, max_length=10)


class ReviewBody(BaseModel):
    verdict: Literal["confirmed", "rejected", "corrected"]
    changes: Changes | None = None
    version: int | None = Field(
        None,
        ge=0,
        le=2**31 - 1,
        description="the fact's `version` as you saw it: 409 if someone reviewed it since",
    )


class NewFactBody(Changes):
    start: int
    end: int
    status: str
    item_id: str | None = Field(None, max_length=64)


def create_app(
    url: str,
    read_only: bool = False,
    secret_key: str | None = None,
    max_body: int = MAX_BODY,
    secure_cookies: bool = False,
    throttle: auth.SignInThrottle | None = None,
) -> FastAPI:
    """The web app over the store at `url` (opened and migrated now).
    `secure_cookies`: the session cookie is sent over HTTPS only (behind a
    TLS proxy); `throttle`: the sign-in limits (`auth.SignInThrottle()`'s
    by default)."""
    throttle = throttle or auth.SignInThrottle()
    # A connection per thread AnyIO may run a request in, and a few over: a
    # request waiting for SQLite's write lock holds its connection, and with
    # SQLAlchemy's 15 the 16th waiter got a pool timeout (a 500).
    engine = open_store(url, sqlite_pool=REQUEST_THREADS + 10)
    _map_sqlite(engine)
    templates = jinja2.Environment(
        loader=jinja2.PackageLoader("aidwatch.web", "templates"),
        autoescape=True,  # every {{ }} is HTML-escaped unless a template says otherwise
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates.globals.update(
        statuses=STATUSES,
        categories=CATEGORIES,
        quantity_kinds=QUANTITY_KINDS,
        read_only=read_only,
    )
    app = FastAPI(
        title="aidwatch",
        description="Sourced military-aid facts: browse, verify and correct.",
        version="0.1.0",
    )
    app.state.engine = engine
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(PoolTimeout, _busy)
    app.state.read_only = read_only

    # A sync dependency: the pool is waited on in a worker thread, never on
    # the event loop (which returns connections and must not be blocked).
    def connection() -> Iterator[Connection]:
        with engine.connect() as conn:
            yield conn

    def session_user(request: Request) -> dict | None:
        """The signed-in user, looked up once per request: the cookie names a
        session, and only a session still in the store counts (see
        store/users.py), so logout and a password change end it everywhere."""
        if not hasattr(request.state, "user"):
            token = request.session.get("sid")
            user = None
            if token:
                with engine.connect() as conn:
                    user = users.session_user(conn, token)
            request.state.user = user
        return request.state.user

    def csrf_token(request: Request) -> str:
        token = request.session.get("csrf")
        if not token:
            token = request.session["csrf"] = auth.new_csrf_token()
        return token

    async def writer(request: Request) -> dict:
        """The signed-in user allowed to write this request, or 401/403."""
        if read_only:
            raise HTTPException(403, "read-only: this server does not accept changes")
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

    def page(request: Request, template: str, **context) -> HTMLResponse:
        # An anonymous visitor gets no session (and no cookie) until the
        # sign-in form, the one form they can post.
        html = templates.get_template(template).render(
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

    # Empty form fields arrive as "" and the date patterns would refuse them.
    async def page_filter(request: Request) -> queries.FactFilter:
        params = request.query_params
        values = {
            name: (params.get(name) or None)
            for name in ("donor", "category", "status", "date_from", "date_to", "q", "verdict")
        }
        for name, value in values.items():
            if value is not None and len(value) > 200:
                raise HTTPException(422, f"{name} is too long")
        return queries.FactFilter(**values)

    # -- static files -------------------------------------------------------

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_script() -> FileResponse:
        return FileResponse(
            plotly_js(),
            media_type="text/javascript",
            headers={"cache-control": "public, max-age=86400"},
        )

    app.mount(
        "/static",
        StaticFiles(directory=str(files("aidwatch.web") / "static")),
        name="static",
    )

    # -- JSON API -----------------------------------------------------------

    @app.get("/api/facts", tags=["facts"])
    def api_facts(
        params: Annotated[FactsQuery, Query()],
        conn: Connection = Depends(connection),
    ) -> JSONResponse:
        """Facts (reviewed view), newest first, filtered and paged by key."""
        where = queries.FactFilter(
            **{name: getattr(params, name) or None for name in FILTER_FIELDS},
            article_id=params.article_id,
        )
        return _json(queries.facts_page(conn, where, limit=params.limit, before=params.before))

    @app.get("/api/facts/{fact_id}", tags=["facts"])
    def api_fact(
        fact_id: Id, request: Request, conn: Connection = Depends(connection)
    ) -> JSONResponse:
        """One fact with its review history (who reviewed: to signed-in users only)."""
        fact = found(queries.fact(conn, fact_id), "fact")
        changes = review.history(conn, fact_id)
        if session_user(request) is None:
            # Reviewers' names are colleagues' business, not the public's.
            changes = [{k: v for k, v in change.items() if k != "user"} for change in changes]
        return _json({**fact, "history": changes})

    @app.get("/api/articles", tags=["articles"])
    def api_articles(conn: Connection = Depends(connection)) -> JSONResponse:
        return _json(queries.articles_list(conn))

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def api_article(article_id: Id, conn: Connection = Depends(connection)) -> JSONResponse:
        """An article's text with its facts, packages, events, totals and story."""
        return _json(found(queries.article(conn, article_id), "article"))

    @app.get("/api/stories/{story_id}", tags=["articles"])
    def api_story(story_id: Id, conn: Connection = Depends(connection)) -> JSONResponse:
        return _json(found(queries.story(conn, story_id), "story"))

    @app.get("/api/packages", tags=["packages"])
    def api_packages(conn: Connection = Depends(connection)) -> JSONResponse:
        return _json(queries.packages_list(conn))

    @app.get("/api/packages/{package_id}", tags=["packages"])
    def api_package(package_id: Id, conn: Connection = Depends(connection)) -> JSONResponse:
        return _json(found(queries.package(conn, package_id), "package"))

    @app.get("/api/systems", tags=["systems"])
    def api_systems(conn: Connection = Depends(connection)) -> JSONResponse:
        return _json(queries.systems_list(conn))

    @app.get("/api/systems/{item_id}", tags=["systems"])
    def api_system(item_id: str, conn: Connection = Depends(connection)) -> JSONResponse:
        return _json(found(queries.system(conn, item_id), "system"))

    @app.get("/api/dashboard", tags=["dashboard"])
    def api_dashboard(conn: Connection = Depends(connection)) -> JSONResponse:
        """The dashboard's counts, and its charts as plotly figure JSON."""
        return _json(
            {
                "counts": queries.counts(conn),
                "figures": {
                    title: json.loads(figure.to_json())
                    for title, figure in dashboard_figures(conn).items()
                },
            }
        )

    @app.get("/api/gold", tags=["review"], response_class=Response)
    def api_gold(complete_only: bool = True, conn: Connection = Depends(connection)) -> Response:
        """Reviewed articles as gold JSON Lines (the eval format)."""
        lines = [
            json.dumps(record, ensure_ascii=False) + "\n"
            for record in review.export_gold(conn, complete_only=complete_only)
        ]
        return StreamingResponse(iter(lines), media_type="application/x-ndjson")

    @app.get("/api/me", tags=["users"])
    def api_me(request: Request) -> dict:
        """The signed-in user (or null), the CSRF token writes need, and the mode."""
        return {
            "user": session_user(request),
            "csrf": csrf_token(request),
            "read_only": read_only,
        }

    def sign_in(request: Request, conn: Connection, name: str, password: str) -> dict | None:
        """The user when the password is theirs (and a new session started),
        None when not; 429 past the throttle's limits, 503 when every
        password-hashing slot stays busy."""
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
        request.session.update(
            sid=users.start_session(conn, user["id"]), csrf=auth.new_csrf_token()
        )
        request.state.user = user
        return user

    def sign_out(request: Request) -> None:
        with engine.connect() as conn:
            users.end_session(conn, request.session.get("sid"))
        request.session.clear()

    @app.post("/api/login", tags=["users"])
    def api_login(body: LoginBody, request: Request, conn: Connection = Depends(connection)):
        user = sign_in(request, conn, body.name, body.password)
        if user is None:
            raise HTTPException(401, "wrong name or password")
        return {"user": user, "csrf": request.session["csrf"]}

    @app.post("/api/logout", tags=["users"])
    def api_logout(request: Request, user: dict = Depends(writer)) -> dict:
        sign_out(request)
        return {"user": None}

    @app.post("/api/facts/{fact_id}/review", tags=["review"])
    def api_review(
        fact_id: Id,
        body: ReviewBody,
        user: dict = Depends(writer),
        conn: Connection = Depends(connection),
    ) -> dict:
        """Confirm, reject or correct a fact; returns its reviewed view."""
        changes = body.changes.model_dump(exclude_unset=True) if body.changes else {}
        return _apply(conn, fact_id, user, body.verdict, changes, body.version)

    @app.post("/api/articles/{article_id}/facts", tags=["review"], status_code=201)
    def api_add(
        article_id: Id,
        body: NewFactBody,
        user: dict = Depends(writer),
        conn: Connection = Depends(connection),
    ) -> dict:
        """Add a fact the machine missed, supported by text[start:end]."""
        values = body.model_dump(exclude={"start", "end"})
        try:
            return review.add(conn, article_id, user["id"], body.start, body.end, values)
        except review.NotFound as error:
            raise HTTPException(404, str(error)) from None
        except review.ReviewError as error:
            raise HTTPException(422, str(error)) from None

    def _apply(
        conn: Connection,
        fact_id: Id,
        user: dict,
        verdict: str,
        changes: dict,
        version: int | None,
    ) -> dict:
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

    # -- pages --------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard_page(request: Request, conn: Connection = Depends(connection)):
        figures = {title: fig.to_json() for title, fig in dashboard_figures(conn).items()}
        return page(
            request,
            "dashboard.html",
            figures=figures,
            counts=queries.counts(conn),
            articles=queries.articles_list(conn, limit=20),
        )

    @app.get("/facts", response_class=HTMLResponse, include_in_schema=False)
    def facts_page(
        request: Request,
        before: int | None = Query(None, ge=0, le=MAX_ID),
        where: queries.FactFilter = Depends(page_filter),
        conn: Connection = Depends(connection),
    ):
        result = queries.facts_page(conn, where, before=before)
        query = {k: v for k, v in request.query_params.items() if k != "before" and v}
        return page(
            request,
            "facts.html",
            result=result,
            where=where,
            query=query,
            choices=queries.choices(conn),
        )

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, conn: Connection = Depends(connection)):
        return page(request, "articles.html", articles=queries.articles_list(conn))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(
        request: Request,
        article_id: Id,
        error: str | None = Query(None, max_length=300),
        conn: Connection = Depends(connection),
    ):
        article = found(queries.article(conn, article_id), "article")
        spans = [
            (f["evidence"]["start"], f["evidence"]["end"], f["id"])
            for f in article["facts"]
            if f["evidence"]["start"] is not None
        ]
        return page(
            request,
            "article.html",
            article=article,
            segments=queries.highlighted(article["text"], spans),
            error=error,
            items=sorted(items_by_id()),
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: Id, conn: Connection = Depends(connection)):
        return page(request, "story.html", story=found(queries.story(conn, story_id), "story"))

    @app.get("/packages", response_class=HTMLResponse, include_in_schema=False)
    def packages_page(request: Request, conn: Connection = Depends(connection)):
        return page(request, "packages.html", packages=queries.packages_list(conn))

    @app.get("/packages/{package_id}", response_class=HTMLResponse, include_in_schema=False)
    def package_page(request: Request, package_id: Id, conn: Connection = Depends(connection)):
        package = found(queries.package(conn, package_id), "package")
        return page(request, "package.html", package=package)

    @app.get("/systems", response_class=HTMLResponse, include_in_schema=False)
    def systems_page(request: Request, conn: Connection = Depends(connection)):
        return page(request, "systems.html", systems=queries.systems_list(conn))

    @app.get("/systems/{item_id}", response_class=HTMLResponse, include_in_schema=False)
    def system_page(request: Request, item_id: str, conn: Connection = Depends(connection)):
        return page(request, "system.html", system=found(queries.system(conn, item_id), "system"))

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, error: str | None = None, next: str = "/"):
        csrf_token(request)
        return page(request, "login.html", error=error, next=_local(next))

    @app.post("/login", include_in_schema=False)
    def login_form(
        request: Request,
        name: str = Form(..., max_length=64),
        password: str = Form(..., max_length=1024),
        csrf: str = Form(""),
        next: str = Form("/"),
        conn: Connection = Depends(connection),
    ):
        if read_only:
            raise HTTPException(403, "read-only: this server does not accept changes")
        if not auth.csrf_matches(request.session.get("csrf"), csrf):
            raise HTTPException(403, "missing or wrong CSRF token")
        user = sign_in(request, conn, name, password)
        if user is None:
            return RedirectResponse("/login?error=1", status_code=303)
        return RedirectResponse(_local(next), status_code=303)

    @app.post("/logout", include_in_schema=False)
    def logout_form(request: Request, user: dict = Depends(writer)):
        sign_out(request)
        return RedirectResponse("/", status_code=303)

    @app.post("/facts/{fact_id}/{verdict}", include_in_schema=False)
    def review_form(
        fact_id: Id,
        verdict: Literal["confirm", "reject", "correct"],
        donor: str = Form("", max_length=8),
        item_id: str = Form("", max_length=64),
        item_name: str = Form("", max_length=200),
        category: str = Form("", max_length=40),
        status: str = Form("", max_length=16),
        quantity: str = Form("", max_length=16),
        quantity_kind: str = Form("", max_length=20),
        date: str = Form("", max_length=10),
        version: int | None = Form(None, ge=0, le=2**31 - 1),
        user: dict = Depends(writer),
        conn: Connection = Depends(connection),
    ):
        fact = found(queries.fact(conn, fact_id), "fact")
        conn.rollback()  # the read's transaction; the review runs in its own
        changes = {
            "donor": donor,
            "item_id": item_id,
            "item_name": item_name,
            "category": category,
            "status": status,
            "quantity": quantity,
            "quantity_kind": quantity_kind,
            "date": date,
        }
        full = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected"}[verdict]
        try:
            _apply(conn, fact_id, user, full, changes, version)
        except HTTPException as error:
            if error.status_code not in (409, 422):
                raise
            return _back(fact["article_id"], fact_id, error.detail)
        return _back(fact["article_id"], fact_id)

    @app.post("/articles/{article_id}/facts", include_in_schema=False)
    def add_form(
        article_id: Id,
        start: int = Form(...),
        end: int = Form(...),
        donor: str = Form("", max_length=8),
        item_id: str = Form("", max_length=64),
        item_name: str = Form("", max_length=200),
        category: str = Form("", max_length=40),
        status: str = Form("", max_length=16),
        quantity: str = Form("", max_length=16),
        date: str = Form("", max_length=10),
        user: dict = Depends(writer),
        conn: Connection = Depends(connection),
    ):
        values = {
            "donor": donor,
            "item_id": item_id,
            "item_name": item_name,
            "category": category or None,
            "status": status,
            "quantity": quantity,
            "date": date,
        }
        try:
            added = review.add(conn, article_id, user["id"], start, end, values)
        except review.NotFound:
            raise HTTPException(404, "no such article") from None
        except review.ReviewError as error:
            return _back(article_id, None, str(error))
        return _back(article_id, added["id"])

    # Outermost last: the guard sees every request first.
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key or os.environ.get(SECRET_VARIABLE) or secrets.token_urlsafe(32),
        session_cookie="aidwatch_session",
        same_site="strict",
        https_only=secure_cookies,
        max_age=14 * 24 * 3600,
    )
    app.add_middleware(Guard, max_body=max_body, read_only=read_only)
    return app


class AsciiJSONResponse(JSONResponse):
    """JSON with every non-ASCII character escaped: a 422 repeats the input,
    which may hold a lone surrogate that UTF-8 cannot encode (a 500 otherwise)."""

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode()


async def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
    return AsciiJSONResponse({"detail": jsonable_encoder(error.errors())}, status_code=422)


async def _busy(request: Request, error: PoolTimeout) -> JSONResponse:
    # Every connection taken for longer than the pool waits: a crowd of
    # writers, not a fault. Said as such, with when to come back.
    return JSONResponse(
        {"detail": "the server is busy: try again in a moment"},
        status_code=503,
        headers={"retry-after": "1"},
    )


def _json(data) -> JSONResponse:
    """Plain data straight to JSON: the reads are dicts of str, int, float,
    bool and None already, and FastAPI's own encoding of a 50-fact page would
    cost more than the query."""
    return JSONResponse(data)


def _map_sqlite(engine) -> None:
    """SQLite pages read through the OS's cache (memory-mapped), shared by
    every connection and worker, rather than each connection's small one."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _map(dbapi_connection, _record) -> None:
        dbapi_connection.execute("PRAGMA mmap_size=268435456")

    engine.dispose()  # connections opened before use the setting too


def plan_statistics(engine) -> None:
    """Table statistics for SQLite's query planner, so that a filter takes
    the index that narrows most (the donor's, not the status's). Sampled
    (`analysis_limit`): milliseconds. `aidwatch serve` runs it once before
    starting its workers. PostgreSQL keeps its own (autovacuum); a store
    that cannot be written keeps what it has."""
    if engine.dialect.name != "sqlite":
        return
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA analysis_limit=1000")
            connection.exec_driver_sql("ANALYZE")
    except DBAPIError:
        pass


def app_from_environment() -> FastAPI:
    """The app `aidwatch serve` starts in each uvicorn worker (see cli.serve)."""
    return create_app(
        os.environ["AIDWATCH_WEB_DB"],
        read_only=bool(os.environ.get("AIDWATCH_WEB_READ_ONLY")),
        secure_cookies=bool(os.environ.get("AIDWATCH_WEB_SECURE_COOKIES")),
    )


def _local(target: str) -> str:
    """A redirect target on this site only (no //evil.example)."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


def _back(article_id: int, fact_id: int | None, error: str | None = None) -> RedirectResponse:
    from urllib.parse import urlencode

    query = f"?{urlencode({'error': error})}" if error else ""
    anchor = f"#fact-{fact_id}" if fact_id is not None else ""
    return RedirectResponse(f"/articles/{article_id}{query}{anchor}", status_code=303)
