"""The JSON API, under /api: what the pages show, as data, and the writes
(sign-in, reviews, added facts), documented by the generated OpenAPI at /docs.
Routes only: reads are queries.py, writes store/review.py and store/users.py,
shared checks deps.py."""

from __future__ import annotations

import json
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy import Connection

from aidwatch.store import review
from aidwatch.store.schema import MAX_ID
from aidwatch.web import queries, records
from aidwatch.web.dashboard import dashboard
from aidwatch.web.deps import (
    Changes,
    FactsQuery,
    Id,
    apply_review,
    connection,
    csrf_token,
    fact_filter,
    found,
    json_answer,
    session_user,
    sign_in,
    sign_out,
    writer,
)

router = APIRouter(prefix="/api")


class LoginBody(BaseModel):
    name: str = Field(max_length=64)
    password: str = Field(max_length=1024)


class ReviewBody(BaseModel):
    verdict: Literal["confirmed", "rejected", "corrected"]
    changes: Changes | None = None
    version: int | None = Field(
        None,
        ge=0,
        le=MAX_ID,
        description="the fact's `version` as you saw it: 409 if someone reviewed it since",
    )


class NewFactBody(Changes):
    start: int
    end: int
    status: str = Field(max_length=16)


@router.get("/facts", tags=["facts"])
def api_facts(
    params: Annotated[FactsQuery, Query()],
    conn: Connection = Depends(connection),
) -> JSONResponse:
    """Facts (reviewed view), newest first, filtered and paged by key."""
    page = queries.facts_page(conn, fact_filter(params), limit=params.limit, before=params.before)
    return json_answer(page)


@router.get("/facts/{fact_id}", tags=["facts"])
def api_fact(fact_id: Id, request: Request, conn: Connection = Depends(connection)) -> JSONResponse:
    """One fact with its review history (who reviewed: to signed-in users only)."""
    fact = found(queries.fact(conn, fact_id), "fact")
    changes = review.history(conn, fact_id)
    if session_user(request) is None:
        # Reviewers' names are colleagues' business, not the public's.
        changes = [{k: v for k, v in change.items() if k != "user"} for change in changes]
    return json_answer({**fact, "history": changes})


@router.get("/records", tags=["records"])
def api_records(
    params: Annotated[FactsQuery, Query()],
    conn: Connection = Depends(connection),
) -> JSONResponse:
    """The tracker's records (one per commitment, merged over every article
    reporting it, rejected facts left out), newest first, narrowed by the
    facts' filters (`verdict`, `limit` and `before` do not apply): each with
    its sources and their evidence, corroboration, conflicts, package and the
    pledge it fulfils."""
    tracker = records.current_tracker(conn)
    kept = records.matching(tracker, fact_filter(params))
    return json_answer({"total": len(kept), "records": [records.as_dict(r, tracker) for r in kept]})


@router.get("/records/{record_id}", tags=["records"])
def api_record(record_id: str, conn: Connection = Depends(connection)) -> JSONResponse:
    """One record, with the deliveries that fulfil it (for a pledge)."""
    tracker = records.current_tracker(conn)
    record = found(records.find(tracker, record_id), "record")
    fulfilled_by = [r.id for r in records.fulfilled_by(tracker, record.id)]
    return json_answer({**records.as_dict(record, tracker), "fulfilled_by": fulfilled_by})


@router.get("/articles", tags=["articles"])
def api_articles(conn: Connection = Depends(connection)) -> JSONResponse:
    return json_answer(queries.articles_list(conn))


@router.get("/articles/{article_id}", tags=["articles"])
def api_article(article_id: Id, conn: Connection = Depends(connection)) -> JSONResponse:
    """An article's text with its facts, packages, events, totals and story."""
    return json_answer(found(queries.article(conn, article_id), "article"))


@router.get("/stories", tags=["articles"])
def api_stories(conn: Connection = Depends(connection)) -> JSONResponse:
    """The newest stories, each named by its first article, with its count of articles."""
    return json_answer(queries.stories_list(conn))


@router.get("/stories/{story_id}", tags=["articles"])
def api_story(story_id: Id, conn: Connection = Depends(connection)) -> JSONResponse:
    return json_answer(found(queries.story(conn, story_id), "story"))


@router.get("/packages", tags=["packages"])
def api_packages(conn: Connection = Depends(connection)) -> JSONResponse:
    return json_answer(queries.packages_list(conn))


@router.get("/packages/{package_id}", tags=["packages"])
def api_package(package_id: Id, conn: Connection = Depends(connection)) -> JSONResponse:
    return json_answer(found(queries.package(conn, package_id), "package"))


@router.get("/systems", tags=["systems"])
def api_systems(conn: Connection = Depends(connection)) -> JSONResponse:
    return json_answer(queries.systems_list(conn))


@router.get("/systems/{item_id}", tags=["systems"])
def api_system(item_id: str, conn: Connection = Depends(connection)) -> JSONResponse:
    return json_answer(found(queries.system(conn, item_id), "system"))


@router.get("/dashboard", tags=["dashboard"])
def api_dashboard(conn: Connection = Depends(connection)) -> JSONResponse:
    """The dashboard's counts, its charts as plotly figure JSON, and what each counts."""
    cards, record_count = dashboard(conn)
    return json_answer(
        {
            "counts": queries.counts(conn),
            "records": record_count,
            "figures": {card.title: json.loads(card.figure.to_json()) for card in cards},
            "counted": {card.title: card.counts for card in cards},
        }
    )


@router.get("/gold", tags=["review"], response_class=Response)
def api_gold(complete_only: bool = True, conn: Connection = Depends(connection)) -> Response:
    """Reviewed articles as gold JSON Lines (the eval format)."""
    lines = [
        json.dumps(record, ensure_ascii=False) + "\n"
        for record in review.export_gold(conn, complete_only=complete_only)
    ]
    return StreamingResponse(iter(lines), media_type="application/x-ndjson")


@router.get("/me", tags=["users"])
def api_me(request: Request) -> dict:
    """The signed-in user (or null), the CSRF token writes need, and the mode."""
    return {
        "user": session_user(request),
        "csrf": csrf_token(request),
        "read_only": request.app.state.read_only,
    }


@router.post("/login", tags=["users"])
def api_login(body: LoginBody, request: Request, conn: Connection = Depends(connection)):
    user = sign_in(request, conn, body.name, body.password)
    if user is None:
        raise HTTPException(401, "wrong name or password")
    return {"user": user, "csrf": request.session["csrf"]}


@router.post("/logout", tags=["users"])
def api_logout(request: Request, user: dict = Depends(writer)) -> dict:
    sign_out(request)
    return {"user": None}


@router.post("/facts/{fact_id}/review", tags=["review"])
def api_review(
    fact_id: Id,
    body: ReviewBody,
    user: dict = Depends(writer),
    conn: Connection = Depends(connection),
) -> dict:
    """Confirm, reject or correct a fact; returns its reviewed view."""
    changes = body.changes.model_dump(exclude_unset=True) if body.changes else {}
    return apply_review(conn, fact_id, user, body.verdict, changes, body.version)


@router.post("/articles/{article_id}/facts", tags=["review"], status_code=201)
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
