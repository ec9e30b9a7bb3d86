"""The persons list (with facets) and the person card."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy.orm import Session

from kartoteka.names.translit import is_cyrillic, to_cyrillic, to_latin
from kartoteka.store import queries
from kartoteka.store.authority import entity_link_details
from kartoteka.store.cards import CardClaim, build_card
from kartoteka.store.webqueries import document_titles, entity_profiles, person_summaries
from kartoteka.vocabulary import load_vocabulary
from kartoteka.web.auth import reader
from kartoteka.web.comparisons import decided_by
from kartoteka.web.facets import (
    REVIEW_STATES,
    SORTS,
    PersonFilters,
    counts_for,
    select_persons,
)
from kartoteka.web.pages import page
from kartoteka.web.present import Labels, claim_out, reader_url, timeline_key
from kartoteka.web.schemas import (
    AuthorityOut,
    ClaimOut,
    Disagreement,
    DocumentRef,
    EntityRef,
    FacetValueOut,
    FateOut,
    NameFormOut,
    PersonCard,
    PersonList,
    PersonSummaryOut,
    ProfileOut,
)
from kartoteka.web.settings import DbSession, web

router = APIRouter(tags=["persons"], dependencies=[Depends(reader)])

POST_TYPES = load_vocabulary().group("posts")


@page(router, "/persons", "persons.html", model=PersonList,
      summary="Persons, filtered by facets and sorted")
def list_persons(
    request: Request,
    session: DbSession,
    fate: Annotated[str | None, Query(description="a fate claim type, e.g. execution")] = None,
    year: Annotated[int | None, Query(description="a year a claim about them is dated")] = None,
    institution: Annotated[str | None, Query(description="an organisation's entity id")] = None,
    document: Annotated[str | None, Query(description="a document they appear in")] = None,
    review: Annotated[str | None, Query(description=", ".join(REVIEW_STATES))] = None,
    q: Annotated[str | None, Query(description="part of the preferred name")] = None,
    sort: Annotated[str, Query(description=", ".join(SORTS))] = "name",
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> PersonList:
    if sort not in SORTS:
        raise HTTPException(422, f"sort must be one of {', '.join(SORTS)}")
    if review and review not in REVIEW_STATES:
        raise HTTPException(422, f"review must be one of {', '.join(REVIEW_STATES)}")
    filters = PersonFilters(fate=fate or None, year=year, institution=institution or None,
                            document=document or None, review=review or None, q=q or None)
    facts = web(request).facets.facts(session)
    found = select_persons(facts, filters, sort)
    chosen = filters.active()
    facets = {
        name: [FacetValueOut(value=v.value, label=v.label, count=v.count,
                             selected=str(chosen.get(name, "")) == v.value) for v in values]
        for name, values in counts_for(facts, filters, found).items()
    }
    rows = person_summaries(session, found[offset:offset + limit])
    return PersonList(total=len(found), offset=offset, limit=limit, sort=sort,
                      sorts=list(SORTS), filters=chosen, facets=facets,
                      rows=[PersonSummaryOut(
                          id=r.id, label=r.label, names=r.names, documents=r.documents,
                          claims=r.claims, first_year=r.first_year, last_year=r.last_year,
                          fates=[FateOut(**f) for f in r.fates]) for r in rows])


def _other_script(form: str) -> tuple[str, str]:
    if is_cyrillic(form):
        return to_latin(form), form
    return form, to_cyrillic(form)


def timeline_drawing(card: PersonCard) -> dict[str, Any]:
    """Positions for the card's timeline strip: one dot a dated claim, stacked by year."""
    dated = [c for c in card.timeline if c.year]
    if not dated:
        return {"timeline": {"points": []}}
    fates = set(load_vocabulary().fates)
    low, high = min(c.year for c in dated), max(c.year for c in dated)
    low, high = (low - 1, high + 1) if low == high else (low, high)
    left, right, step = 30.0, 870.0, 12.0
    stacks = Counter(c.year for c in dated)
    axis = 24.0 + step * max(stacks.values())
    scale = (right - left) / (high - low)
    seen: Counter[int] = Counter()
    points = []
    for c in dated:
        points.append({"x": round(left + (c.year - low) * scale, 1),
                       "y": axis - 10.0 - step * seen[c.year], "id": c.id, "type": c.type,
                       "fate": c.type in fates, "date": c.date,
                       "label": f"{c.type_label}{' → ' + c.object.label if c.object else ''}"})
        seen[c.year] += 1
    every = 1 if high - low <= 12 else 5 if high - low <= 60 else 10
    ticks = [{"year": y, "x": round(left + (y - low) * scale, 1)}
             for y in range(low, high + 1) if y % every == 0 or y in (low, high)]
    return {"timeline": {"points": points, "ticks": ticks, "width": 900, "left": left,
                         "right": right, "axis": axis, "height": axis + 24}}


@page(router, "/persons/{entity_id}", "card.html", model=PersonCard,
      summary="A person's card: names, posts, relations, timeline, disagreements",
      extra=timeline_drawing)
def person_card(entity_id: str, session: DbSession) -> PersonCard:
    card = build_card(session, entity_id)
    if card is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    entity = card.entity
    labels = Labels(session, [c.view for c in card.claims])

    def out(c: CardClaim) -> ClaimOut:
        return claim_out(c.view, labels, passage=c.passage)

    claims = {c.view.id: out(c) for c in card.claims}
    timeline = sorted(claims.values(), key=timeline_key)
    posts = [c for c in timeline if c.type in POST_TYPES and c.subject
             and c.subject.id == entity.id]
    relations = [c for c in timeline if c.relation and c.type not in POST_TYPES]
    forms = _name_forms(session, entity_id)
    return PersonCard(
        entity=EntityRef(id=entity.id, label=entity.label, kind=entity.kind),
        gender=entity.gender, label_locked=entity.label_locked, names=list(entity.names),
        name_forms=forms, posts=posts, relations=relations, timeline=timeline,
        disagreements=[Disagreement(a=claims[a.view.id], b=claims[b.view.id])
                       for a, b in card.disagreements],
        authority=_authority(session, entity_id, card.authority),
        members=[EntityRef(id=m.id, label=m.label, kind=m.kind) for m in card.members],
        profiles=[ProfileOut(**p.__dict__) for p in entity_profiles(session, entity_id)],
        years=sorted({c.year for c in timeline if c.year}),
    )


def _authority(session: Session, entity_id: str, links: list[dict[str, str]]
               ) -> list[AuthorityOut]:
    """The entity's records, each with the comparisons that linked it (none when by hand)."""
    details = entity_link_details(session, entity_id)
    out = []
    for a in links:
        probability, features = details.get((a["source"], a["id"]), (None, {}))
        out.append(AuthorityOut(source=a["source"], id=a["id"],
                                decided_by=decided_by(features, probability)))
    return out


def _name_forms(session: Session, entity_id: str) -> list[NameFormOut]:
    """Every surface form of the entity with the documents it occurs in, both scripts."""
    mentions = queries.entity_mentions(session, entity_id)
    titles = document_titles(session, {m.document_id for m in mentions})
    by_form: dict[str, list] = defaultdict(list)
    for m in mentions:
        if m.text.strip():
            by_form[" ".join(m.text.split())].append(m)
    out = []
    for form, found in sorted(by_form.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        docs: list[DocumentRef] = []
        for m in found:
            if all(d.id != m.document_id for d in docs):
                docs.append(DocumentRef(id=m.document_id, title=titles.get(m.document_id)))
        latin, cyrillic = _other_script(form)
        first = found[0]
        out.append(NameFormOut(form=form, latin=latin, cyrillic=cyrillic,
                               occurrences=len(found), documents=docs,
                               first_url=reader_url(first.document_id, first.start, first.end)))
    return out

