"""The document list and the reader: text with mentions, hearsay and the claims it yields."""

from __future__ import annotations

from bisect import bisect_right
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Response
from fastapi import Path as FastPath

from kartoteka.store import queries
from kartoteka.store.pages import document_pages, page_image
from kartoteka.store.tables import DocumentRow
from kartoteka.store.webqueries import document_claim_ids, document_mentions
from kartoteka.web.auth import reader
from kartoteka.web.pages import page
from kartoteka.web.present import claims_by_id
from kartoteka.web.reader import Mark, build_paragraphs, layout
from kartoteka.web.render import reader_html
from kartoteka.web.scans import low_confidence_spans, page_figures
from kartoteka.web.schemas import (
    DocumentList,
    DocumentOut,
    DocumentSummary,
    DocumentView,
    EntityRef,
    HearsayOut,
    MentionOut,
    PageOut,
    SentenceOut,
)
from kartoteka.web.settings import DbSession

router = APIRouter(tags=["documents"], dependencies=[Depends(reader)])


@page(router, "/documents", "documents.html", model=DocumentList,
      summary="The current version of every stored document")
def list_documents(session: DbSession) -> DocumentList:
    docs = queries.current_documents(session)
    return DocumentList(documents=[
        DocumentSummary(id=d.id, title=d.title, language=d.language, kind=d.kind,
                        length=len(d.text)) for d in docs])


def _highlight(value: str | None, length: int) -> list[int] | None:
    if not value:
        return None
    start, sep, end = value.partition("-")
    if not sep or not start.isdigit() or not end.isdigit():
        raise HTTPException(422, "highlight is START-END in characters, e.g. 120-180")
    a, b = int(start), int(end)
    if not 0 <= a < b <= length:
        raise HTTPException(422, f"highlight must lie within the text (0-{length})")
    return [a, b]


def _segments(view: DocumentView) -> dict[str, Any]:
    """The HTML reader's paragraphs, sentences and segments (the JSON twin has offsets)."""
    mentions = [Mark(m.start, m.end, m.entity.id if m.entity else None,
                     m.entity.label if m.entity else None, m.kind) for m in view.mentions]
    hearsay = [Mark(h.start, h.end, informant=h.informant.label if h.informant else "")
               for h in view.hearsay]
    starts = [(c.evidence[0].start, c.id) for c in view.claims
              if c.evidence and c.evidence[0].document == view.document.id]
    highlight = (view.highlight[0], view.highlight[1]) if view.highlight else None
    paragraphs = build_paragraphs(view.text, mentions, hearsay, starts, highlight,
                                  low_confidence_spans(view.pages))
    return {"reader": reader_html(paragraphs, {c.id: c for c in view.claims}),
            "scan": page_figures(view)}


@page(router, "/documents/{document_id}", "reader.html", model=DocumentView,
      summary="A document's text with its mentions, hearsay passages and claims",
      extra=_segments)
def read_document(
    document_id: str, session: DbSession,
    highlight: Annotated[str | None, Query(description="START-END: a passage to mark")] = None,
) -> DocumentView:
    doc = session.get(DocumentRow, document_id)
    if doc is None:
        raise HTTPException(404, f"no document {document_id!r}")
    text = doc.text
    mentions = [MentionOut(
        id=m.id, start=m.start, end=m.end, text=m.text, kind=m.kind,
        entity=EntityRef(id=m.entity_id, label=m.entity_label or m.entity_id,
                                         kind=m.kind) if m.entity_id else None)
        for m in document_mentions(session, document_id)]
    claims = claims_by_id(session, document_claim_ids(session, document_id))
    claims.sort(key=lambda c: (c.evidence[0].start if c.evidence else 0, c.type))
    hearsay = [HearsayOut(start=e.start, end=e.end, claim=c.id,
                                          informant=c.informant)
               for c in claims if c.hearsay or c.informant
               for e in c.evidence if e.document == document_id]
    sentences = [SentenceOut(start=a, end=b, claims=[]) for spans in layout(text)
                 for a, b in spans]
    starts = [s.start for s in sentences]
    for c in claims:
        first = next((e for e in c.evidence if e.document == document_id), None)
        index = bisect_right(starts, first.start) - 1 if first else -1
        if index >= 0:
            sentences[index].claims.append(c.id)
    seen: dict[str, EntityRef] = {}
    for m in mentions:
        if m.entity and m.entity.id not in seen:
            seen[m.entity.id] = m.entity
    return DocumentView(
        document=DocumentOut(id=doc.id, title=doc.title, language=doc.language, kind=doc.kind,
                             source_path=doc.source_path, media_type=doc.media_type,
                             version=doc.version, superseded=doc.superseded, length=len(text)),
        text=text, highlight=_highlight(highlight, len(text)), mentions=mentions,
        sentences=sentences, hearsay=hearsay, claims=claims, entities=list(seen.values()),
        pages=[PageOut(number=p.number, width=p.width, height=p.height,
                       image=f"/documents/{doc.id}/pages/{p.number}.jpg", lang=p.lang,
                       rotation=p.rotation, skew=p.skew, confidence=p.confidence,
                       status=p.status, reason=p.reason, words=p.words)
               for p in document_pages(session, document_id)],
    )


# Far above any page cap of the readers; it keeps a hostile number inside an SQL integer.
MAX_PAGE_NUMBER = 1_000_000


@router.get("/documents/{document_id}/pages/{number}.jpg", response_class=Response,
            summary="The image of one page of a scanned document, as OCR read it")
def read_page_image(document_id: str, session: DbSession,
                    number: Annotated[int, FastPath(ge=1, le=MAX_PAGE_NUMBER)]) -> Response:
    found = page_image(session, document_id, number)
    if found is None:
        raise HTTPException(404, f"no page {number} in document {document_id!r}")
    image, media_type = found
    # A stored page never changes (a changed file is a new document): cache it for a day.
    return Response(image, media_type=media_type,
                    headers={"Cache-Control": "private, max-age=86400"})
