"""The web app: pages and a JSON API over one store, for browsing and reviewing facts.

`create_app(url, read_only=False)` opens (and migrates) the store and returns
a FastAPI app made of three routers: the JSON API under /api (api.py,
documented at /docs), the HTML pages (pages.py: dashboard, facts table,
article with highlighted evidence, story, packages, systems) and the forms'
posts (forms.py). What they share (the connection, the signed-in user, the
write guard, rendering, the checked filters and edited values) is deps.py;
reads are queries.py, writes store/review.py and store/users.py.

Guards: writes need a signed-in user and the session's CSRF token (deps.py,
auth.py); here, around every request (`Guard`): a read-only app refuses
every write with 403, a write from another site is refused with 403, request
bodies over `max_body` bytes with 413 before they are read, and every answer
carries the security headers; templates are autoescaped and the
Content-Security-Policy allows scripts from this origin only, so a
`<script>` in an article is shown, never run.
"""

from __future__ import annotations

import json
import os
import secrets
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.middleware.sessions import SessionMiddleware
from swagger_ui_bundle import swagger_ui_path

from aidwatch.model import CATEGORIES, QUANTITY_KINDS, STATUSES
from aidwatch.store.db import open_store
from aidwatch.web import api, auth, forms, pages

REQUEST_THREADS = 40  # AnyIO's default: sync routes and dependencies run in these
MAX_BODY = 64 * 1024  # a review or a login is a few hundred bytes
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
SECRET_VARIABLE = "AIDWATCH_SECRET_KEY"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


def plotly_js() -> Path:
    """plotly.js as the plotly wheel ships it."""
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


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
        version=_version(),
        # FastAPI's /docs loads Swagger UI from a CDN, which the CSP blocks
        # and an offline analyst cannot reach: ours is served from the
        # swagger-ui-bundle package (below).
        docs_url=None,
        redoc_url=None,
    )
    # What the routes share (deps.py reads it from request.app.state).
    app.state.engine = engine
    app.state.templates = templates
    app.state.read_only = read_only
    app.state.throttle = throttle or auth.SignInThrottle()
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(PoolTimeout, _busy)

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_script() -> FileResponse:
        return FileResponse(
            plotly_js(),
            media_type="text/javascript",
            headers={"cache-control": "public, max-age=86400"},
        )

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return HTMLResponse(templates.get_template("docs.html").render())

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        # Asked for by browsers and feed readers whatever the pages say.
        return FileResponse(
            str(files("aidwatch.web") / "static" / "favicon.svg"),
            media_type="image/svg+xml",
            headers={"cache-control": "public, max-age=86400"},
        )

    app.mount("/docs/assets", StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")
    app.mount(
        "/static",
        StaticFiles(directory=str(files("aidwatch.web") / "static")),
        name="static",
    )
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(forms.router)

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
    app.add_middleware(HeadAsGet)
    return app


def _version() -> str:
    from importlib.metadata import version

    return version("aidwatch")


class HeadAsGet:
    """Pure ASGI middleware: HEAD answered as GET without the body. FastAPI
    routes declared for GET refuse HEAD with 405, and monitors and link
    checkers ask `HEAD /` first. Outermost, so the guard sees a GET (a safe
    method either way)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def headers_only(message):
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


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
