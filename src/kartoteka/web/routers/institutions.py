"""Institutions: who held which post when, and what became of them."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from kartoteka.store.tables import EntityRow
from kartoteka.store.webqueries import claims_naming, entity_kinds
from kartoteka.vocabulary import load_vocabulary
from kartoteka.web.auth import reader
from kartoteka.web.pages import page
from kartoteka.web.present import Labels, claim_out, claim_views_by_id
from kartoteka.web.schemas import (
    EntityRef,
    FateCount,
    Institution,
    InstitutionList,
    InstitutionPerson,
    InstitutionSummary,
)
from kartoteka.web.settings import DbSession, web

router = APIRouter(tags=["institutions"], dependencies=[Depends(reader)])

# Claims that make someone one of an institution's people (not, say, arrested by it).
MEMBERSHIP_TYPES = load_vocabulary().group("membership")


@page(router, "/institutions", "institutions.html", model=InstitutionList,
      summary="Organisations, with how many people the sources tie to each")
def list_institutions(request: Request, session: DbSession) -> InstitutionList:
    facts = web(request).facets.facts(session)
    rows = sorted(facts.organizations.items(),
                  key=lambda kv: (-facts.people_of.get(kv[0], 0), kv[1]))
    return InstitutionList(institutions=[
        InstitutionSummary(id=eid, label=label, people=facts.people_of.get(eid, 0))
        for eid, label in rows])


def summary_sentence(label: str, people: int, counts: list[FateCount]) -> str:
    if not people:
        return f"No one in these sources is recorded as holding a post in {label}."
    head = (f"Of the {people} {'person' if people == 1 else 'people'} of {label} "
            "in these sources")
    if not counts:
        return head + ", none has a recorded fate."
    return head + ": " + ", ".join(f"{c.count} {c.label}" for c in counts) + "."


@page(router, "/institutions/{entity_id}", "institution.html", model=Institution,
      summary="An institution's people: posts over time and their fates, with counts")
def institution(
    entity_id: str, session: DbSession,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000, description="people listed")] = 200,
) -> Institution:
    entity = session.get(EntityRow, entity_id)
    if entity is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    vocab = load_vocabulary()
    tie_ids = claims_naming(session, [entity_id], as_subject=False, as_object=True,
                            types=MEMBERSHIP_TYPES, include_rejected=False)
    ties = claim_views_by_id(session, tie_ids)
    people: dict[str, list] = defaultdict(list)  # person -> their tie claims, in date order
    for view in sorted(ties, key=lambda v: (v.date or "9999", v.type)):
        if view.subject and view.object == entity_id:
            people[view.subject].append(view)
    kinds = entity_kinds(session, list(people))
    people = {pid: views for pid, views in people.items()
              if kinds.get(pid) in ("person", "group")}
    fate_views = claim_views_by_id(session, claims_naming(
        session, list(people), types=vocab.fates, include_rejected=False))
    fates: dict[str, list] = defaultdict(list)
    fated: dict[str, set[str]] = defaultdict(set)
    for view in fate_views:
        if view.subject in people:
            fates[view.subject].append(view)
            if view.polarity == "affirmed":
                fated[view.type].add(view.subject)
    counts = sorted((FateCount(type=t, label=vocab[t].en, count=len(ids))
                     for t, ids in fated.items()), key=lambda f: (-f.count, f.type))
    order = sorted(people, key=lambda pid: ((people[pid][0].date or "9999"), pid))
    shown = order[offset:offset + limit]
    views = [v for pid in shown for v in (*people[pid], *fates.get(pid, []))]
    labels = Labels(session, views)
    rows = [InstitutionPerson(
        person=labels.ref(pid), posts=[claim_out(v, labels) for v in people[pid]],
        fates=[claim_out(v, labels) for v in sorted(fates.get(pid, []),
                                                    key=lambda v: (v.date or "9999", v.type))])
        for pid in shown]
    return Institution(
        entity=EntityRef(id=entity.id, label=entity.label, kind=entity.kind),
        names=list(entity.names), people=rows, fate_counts=counts, total=len(order),
        offset=offset, limit=limit, summary=summary_sentence(entity.label, len(order), counts),
    )
