"""Reading the pages of scanned documents: their OCR summaries, word boxes and images."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from kartoteka.store.tables import PageRow


def document_pages(session: Session, document_id: str) -> list[PageRow]:
    """A document's pages in order, without loading their images."""
    return list(session.scalars(
        select(PageRow).options(defer(PageRow.image))
        .where(PageRow.document_id == document_id).order_by(PageRow.number)))


def page_image(session: Session, document_id: str, number: int) -> tuple[bytes, str] | None:
    """A page's image bytes and media type, or None when there is no such page."""
    row = session.execute(
        select(PageRow.image, PageRow.image_type)
        .where(PageRow.document_id == document_id, PageRow.number == number)).first()
    return (row[0], row[1]) if row else None
