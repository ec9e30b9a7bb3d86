"""A person's card as data: names with where they occur, claims with passages, disagreements.

The CLI prints it and the web UI renders it; neither computes anything of its own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from kartoteka.store import queries
from kartoteka.store.tables import DocumentRow, EntityRow


@dataclass
class CardClaim:
    view: queries.ClaimView
    passage: str
    subject_label: str | None
    object_label: str | None
    informant_label: str | None
    document_title: str | None


@dataclass
class Card:
    entity: EntityRow
    name_forms: dict[str, list[str]]  # name form -> titles of the documents it occurs in
    claims: list[CardClaim]
    disagreements: list[tuple[CardClaim, CardClaim]]
    authority: list[dict[str, str]] = field(default_factory=list)
    members: list[EntityRow] = field(default_factory=list)


def build_card(session: Session, entity_id: str) -> Card | None:
    entity = session.get(EntityRow, entity_id)
    if entity is None:
        return None
    mentions = queries.entity_mentions(session, entity_id)
    titles = {d.id: d.title or d.id for d in session.query(DocumentRow).filter(
        DocumentRow.id.in_({m.document_id for m in mentions}))}
    forms: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        title = titles.get(m.document_id, m.document_id)
        if title not in forms[m.text]:
            forms[m.text].append(title)
    views = queries.entity_claims(session, entity_id)
    doc_ids = {d for v in views for d, _, _ in v.evidence}
    texts = queries.document_texts(session, doc_ids)
    all_titles = {d.id: d.title for d in session.query(DocumentRow).filter(
        DocumentRow.id.in_(doc_ids))}
    labels = _labels(session, views)
    cards = [CardClaim(
        view=v, passage=v.passage(texts), subject_label=labels.get(v.subject or ""),
        object_label=labels.get(v.object or ""), informant_label=labels.get(v.attributed_to or ""),
        document_title=all_titles.get(v.document_id),
    ) for v in sorted(views, key=lambda v: (v.date or "9999", v.type))]
    by_id = {c.view.id: c for c in cards}
    clashes = [(by_id[a.id], by_id[b.id])
               for a, b in queries.disagreements(views, entity_id)]
    members = [m for m in (session.get(EntityRow, mid) for mid in entity.members) if m]
    return Card(entity=entity, name_forms=dict(forms), claims=cards, disagreements=clashes,
                authority=queries.authority_links(session, [entity_id]).get(entity_id, []),
                members=members)


def _labels(session: Session, views: list[queries.ClaimView]) -> dict[str, str]:
    ids = {x for v in views for x in (v.subject, v.object, v.attributed_to) if x}
    return {e.id: e.label for e in session.query(EntityRow).filter(EntityRow.id.in_(ids))}
