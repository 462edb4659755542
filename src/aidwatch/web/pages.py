"""The HTML pages: dashboard, facts table, article with highlighted evidence,
story, packages, systems, sign-in form. Routes only: reads are queries.py,
rendering and shared checks deps.py."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection

from aidwatch.catalog import items_by_id
from aidwatch.store.schema import MAX_ID
from aidwatch.web import queries, records
from aidwatch.web.dashboard import dashboard
from aidwatch.web.deps import TYPED, Id, connection, csrf_token, found, local, page, page_filter

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

RECORDS_SHOWN = 1000


@router.get("/")
def dashboard_page(request: Request, conn: Connection = Depends(connection)):
    cards, record_count = dashboard(conn)
    return page(
        request,
        "dashboard.html",
        cards=cards,
        records=record_count,
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


@router.get("/records")
def records_page(
    request: Request,
    where: queries.FactFilter = Depends(page_filter),
    conn: Connection = Depends(connection),
):
    tracker = records.current_tracker(conn)
    query = {k: v for k, v in request.query_params.items() if v}
    kept = records.matching(tracker, where)
    return page(
        request,
        "records.html",
        # A page a browser draws quickly; the filters narrow, /api/records has all.
        records=kept[:RECORDS_SHOWN],
        total=len(kept),
        tracker=tracker,
        where=where,
        query=query,
        choices=queries.choices(conn),
    )


@router.get("/records/{record_id}")
def record_page(request: Request, record_id: str, conn: Connection = Depends(connection)):
    tracker = records.current_tracker(conn)
    record = found(records.find(tracker, record_id), "record")
    return page(
        request,
        "record.html",
        record=record,
        package=tracker.package(record.package),
        fulfilled_by=records.fulfilled_by(tracker, record.id),
    )


@router.get("/articles")
def articles_page(request: Request, conn: Connection = Depends(connection)):
    return page(request, "articles.html", articles=queries.articles_list(conn))


@router.get("/articles/{article_id}")
def article_page(
    request: Request,
    article_id: Id,
    error: str | None = Query(None, max_length=300),
    start: int | None = Query(None, ge=0, le=MAX_ID),
    end: int | None = Query(None, ge=0, le=MAX_ID),
    record: str | None = Query(None, max_length=200),
    conn: Connection = Depends(connection),
):
    article = found(queries.article(conn, article_id), "article")
    # Come from a record's sources: the facts of this article it is made of.
    shown_record = records.find(records.current_tracker(conn), record) if record else None
    record_facts = records.facts_in(shown_record, article["facts"]) if shown_record else set()
    # A refused added fact comes back with its selection and values (forms.add_form).
    kept = {name: request.query_params.get(name, "")[:200] for name in TYPED}
    selection = None
    if start is not None and end is not None and 0 <= start < end <= len(article["text"]):
        selection = {"start": start, "end": end, "text": article["text"][start:end]}
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
        names=sorted({item.name for item in items_by_id().values()}),
        kept=kept,
        selection=selection,
        record=shown_record,
        record_facts=record_facts,
    )


@router.get("/stories")
def stories_page(request: Request, conn: Connection = Depends(connection)):
    return page(request, "stories.html", stories=queries.stories_list(conn))


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: Id, conn: Connection = Depends(connection)):
    return page(request, "story.html", story=found(queries.story(conn, story_id), "story"))


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
