"""Search across scripts and spelling variants ("Ezhov" finds Ежов and "Yerov")."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse

from kartoteka.web.auth import reader
from kartoteka.web.pages import page
from kartoteka.web.present import entity_url
from kartoteka.web.schemas import SearchHit, SearchResults
from kartoteka.web.settings import DbSession, web

router = APIRouter(tags=["search"], dependencies=[Depends(reader)])

KINDS = ("person", "organization", "place", "group", "any")


@router.get("/", include_in_schema=False)
def home() -> RedirectResponse:
    return RedirectResponse("/persons", status_code=303)


@page(router, "/search", "search.html", model=SearchResults,
      summary="Entities whose names match the query in any script or spelling")
def search(
    request: Request, session: DbSession,
    q: Annotated[str, Query(description="a name in any script", max_length=200)] = "",
    kind: Annotated[str, Query(description=", ".join(KINDS))] = "person",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> SearchResults:
    if kind not in KINDS:
        raise HTTPException(422, f"kind must be one of {', '.join(KINDS)}")
    wanted = None if kind == "any" else kind
    found = web(request).names.search(session, q, kind=wanted, limit=limit) if q.strip() else []
    hits = [SearchHit(id=e.id, label=e.label, kind=e.kind,
                      names=[n for n in e.names if n != e.label], score=round(score, 3),
                      url=entity_url(e.id, e.kind)) for e, score in found]
    return SearchResults(query=q, kind=wanted, hits=hits)
