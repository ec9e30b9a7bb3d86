"""The review queue: uncertain merges, authority links and claims, with what scored them, and
the person and authority models in use (what they learnt from the decisions made here)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from kartoteka.curate.edits import curation
from kartoteka.store.authority import stored_model
from kartoteka.store.linkage_model import stored_model as stored_person_model
from kartoteka.store.review import review_queue
from kartoteka.store.webqueries import entity_labels, profile_entities, uncertain_claim_ids
from kartoteka.web.auth import reader
from kartoteka.web.comparisons import decided_by, model_in_use
from kartoteka.web.curation_schemas import ReviewEntry, ReviewQueue
from kartoteka.web.pages import page
from kartoteka.web.present import claims_by_id
from kartoteka.web.schemas import EntityRef
from kartoteka.web.settings import DbSession, web

router = APIRouter(tags=["review"], dependencies=[Depends(reader)])


@page(router, "/review", "review.html", model=ReviewQueue,
      summary="What the pipeline was unsure of, most likely first; answer with the curate API")
def queue(
    request: Request, session: DbSession,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> ReviewQueue:
    below = web(request).settings.review_confidence_below
    items = review_queue(session, limit=limit)
    keys = {k for i in items for k in (i.keys[:2] if i.kind == "merge" else i.keys[:1])}
    entity_of = profile_entities(session, keys)
    labels = entity_labels(session, {e for e in entity_of.values() if e})

    def ref(profile: str) -> EntityRef | None:
        eid = entity_of.get(profile)
        return EntityRef(id=eid, label=labels.get(eid, eid)) if eid else None

    entries: list[ReviewEntry] = []
    for item in items:
        if item.kind == "merge":
            a, b, _ = item.keys
            entries.append(ReviewEntry(
                id=f"merge:{a}:{b}", kind="merge", probability=item.probability,
                left=item.left, right=item.right, left_entity=ref(a), right_entity=ref(b),
                keys=[a, b], features=item.features, decided_by=decided_by(item.features)))
        else:
            profile, source, record = item.keys
            entries.append(ReviewEntry(
                id=f"authority:{profile}:{source}:{record}", kind="authority",
                probability=item.probability, left=item.left, right=item.right,
                left_entity=ref(profile), keys=[profile, source, record],
                features=item.features, decided_by=decided_by(item.features)))
    for claim in claims_by_id(session, uncertain_claim_ids(session, below=below, limit=limit)):
        entries.append(ReviewEntry(
            id=f"claim:{claim.id}", kind="claim", probability=claim.confidence,
            left=claim.subject.label if claim.subject else "?",
            right=claim.type_label + (f" → {claim.object.label}" if claim.object else ""),
            left_entity=claim.subject, right_entity=claim.object, keys=[claim.id],
            claim=claim))
    decisions = curation(session).decisions
    person = stored_person_model(session)
    return ReviewQueue(entries=entries, confidence_below=below,
                       model=model_in_use(stored_model(session)),
                       person_model=model_in_use(person.model) if person else None,
                       merges_accepted=len(decisions.must_link),
                       merges_rejected=len(decisions.cannot_link))
