"""The HTML pages: dashboard, facts table, article with highlighted evidence,
story, event, packages, systems, sign-in form. Routes only: reads are queries.py,
rendering and shared checks deps.py."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection

from aidwatch.catalog import items_by_id
from aidwatch.store.schema import MAX_ID
from aidwatch.web import events, queries
from aidwatch.web.dashboard import dashboard_figures
from aidwatch.web.deps import Id, connection, csrf_token, found, local, page, page_filter

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/")
def dashboard_page(request: Request, conn: Connection = Depends(connection)):
    figures = {title: fig.to_json() for title, fig in dashboard_figures(conn).items()}
    return page(
        request,
        "dashboard.html",
        figures=figures,
        counts=queries.counts(conn),
        articles=queries.articles_list(conn, limit=20),
    )


@router.get("/facts")
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


@router.get("/articles")
def articles_page(request: Request, conn: Connection = Depends(connection)):
    return page(request, "articles.html", articles=queries.articles_list(conn))


@router.get("/articles/{article_id}")
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


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: Id, conn: Connection = Depends(connection)):
    return page(request, "story.html", story=found(queries.story(conn, story_id), "story"))


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: Id, conn: Connection = Depends(connection)):
    return page(request, "event.html", event=found(events.event(conn, event_id), "event"))


@router.get("/packages")
def packages_page(request: Request, conn: Connection = Depends(connection)):
    return page(request, "packages.html", packages=queries.packages_list(conn))


@router.get("/packages/{package_id}")
def package_page(request: Request, package_id: Id, conn: Connection = Depends(connection)):
    package = found(queries.package(conn, package_id), "package")
    return page(request, "package.html", package=package)


@router.get("/systems")
def systems_page(request: Request, conn: Connection = Depends(connection)):
    return page(request, "systems.html", systems=queries.systems_list(conn))


@router.get("/systems/{item_id}")
def system_page(request: Request, item_id: str, conn: Connection = Depends(connection)):
    return page(request, "system.html", system=found(queries.system(conn, item_id), "system"))


@router.get("/login")
def login_page(request: Request, error: str | None = None, next: str = "/"):
    csrf_token(request)
    return page(request, "login.html", error=error, next=local(next))
