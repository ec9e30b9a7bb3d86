"""Turning the store's claim views into the API's shapes, with links into the reader."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from sqlalchemy.orm import Session

from kartoteka.dates import year_of
from kartoteka.store import queries
from kartoteka.store.webqueries import chunks, document_titles, entity_labels_kinds
from kartoteka.vocabulary import load_vocabulary
from kartoteka.web.schemas import ClaimOut, DocumentRef, EntityRef, EvidenceOut


def reader_url(document_id: str, start: int | None = None, end: int | None = None) -> str:
    url = f"/documents/{quote(document_id)}"
    if start is not None and end is not None:
        url += f"?highlight={start}-{end}#hl"
    return url


def entity_url(entity_id: str, kind: str | None) -> str:
    base = "/institutions" if kind == "organization" else "/persons"
    return f"{base}/{quote(entity_id)}"


class Labels:
    """Entity labels and kinds, and document titles, fetched once for a set of claims."""

    def __init__(self, session: Session, views: Iterable[queries.ClaimView]) -> None:
        views = list(views)
        ids = {x for v in views for x in (v.subject, v.object, v.place, v.attributed_to) if x}
        self.entities = entity_labels_kinds(session, ids)
        doc_ids = {v.document_id for v in views} | {d for v in views for d, _, _ in v.evidence}
        self.titles = document_titles(session, doc_ids)
        self._doc_ids = doc_ids
        self._session = session
        self._texts: dict[str, str] | None = None

    def ref(self, entity_id: str | None) -> EntityRef | None:
        if not entity_id:
            return None
        label, kind = self.entities.get(entity_id, (entity_id, None))
        return EntityRef(id=entity_id, label=label, kind=kind)

    @property
    def texts(self) -> dict[str, str]:
        if self._texts is None:
            self._texts = queries.document_texts(self._session, self._doc_ids)
        return self._texts


def claim_out(view: queries.ClaimView, labels: Labels, passage: str | None = None) -> ClaimOut:
    """The API's claim. Built with ``model_construct``: the store's values need no validation,
    and a reader page has hundreds of claims."""
    vocab = load_vocabulary()
    kind = vocab[view.type] if view.type in vocab else None
    evidence = [EvidenceOut(document=d, start=s, end=e, url=reader_url(d, s, e))
                for d, s, e in view.evidence]
    return ClaimOut(
        id=view.id, type=view.type, type_label=kind.en if kind else view.type,
        type_label_ru=kind.ru if kind else view.type,
        relation=bool(kind and kind.kind == "relation"),
        subject=labels.ref(view.subject), object=labels.ref(view.object),
        place=labels.ref(view.place), informant=labels.ref(view.attributed_to),
        role=view.role, date=view.date, year=year_of(view.date), polarity=view.polarity,
        status=view.status, confidence=round(view.confidence, 3), hearsay=view.hearsay,
        document=DocumentRef(id=view.document_id,
                                             title=labels.titles.get(view.document_id)),
        passage=passage if passage is not None else view.passage(labels.texts),
        evidence=evidence, url=evidence[0].url if evidence else None,
    )


def claims_out(session: Session, views: list[queries.ClaimView]) -> list[ClaimOut]:
    labels = Labels(session, views)
    return [claim_out(v, labels) for v in views]


def claim_views_by_id(session: Session, claim_ids: list[str], *,
                      include_rejected: bool = True) -> list[queries.ClaimView]:
    """The claims' views, in the order of ``claim_ids``."""
    views: list[queries.ClaimView] = []
    for chunk in chunks(claim_ids, 5000):
        views.extend(queries.claim_views(session, claim_ids=chunk,
                                         include_rejected=include_rejected))
    order = {cid: n for n, cid in enumerate(claim_ids)}
    views.sort(key=lambda v: order.get(v.id, len(order)))
    return views


def claims_by_id(session: Session, claim_ids: list[str], *, include_rejected: bool = True
                 ) -> list[ClaimOut]:
    """The claims, in the order of ``claim_ids``."""
    if not claim_ids:
        return []
    return claims_out(session, claim_views_by_id(session, claim_ids,
                                                 include_rejected=include_rejected))


def timeline_key(claim: ClaimOut) -> tuple[str, str]:
    return (claim.date or "9999", claim.type)
