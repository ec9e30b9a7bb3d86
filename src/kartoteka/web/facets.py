"""What the persons list filters and counts by, gathered in one pass over the claims.

Counting persons by fate, year, institution, source and review status with SQL means joining a
million claims to their mentions and profiles for every facet of every page (15 s on the
benchmark database). Instead each worker reads the claims once per change of the data (see
``cache``) into one small record a person; filtering, counting and sorting then run in memory.
The same pass yields each entity's ties (for the network's default view) and how many people
each institution has.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from kartoteka.dates import year_of
from kartoteka.store import webqueries
from kartoteka.store.session import Store
from kartoteka.vocabulary import load_vocabulary
from kartoteka.web.cache import GenerationCache

SORTS = ("name", "-name", "documents", "-documents", "claims", "-claims")
REVIEW_STATES = ("proposed", "accepted", "rejected", "uncertain")
FACET_SIZE = 15


@dataclass
class PersonFilters:
    fate: str | None = None
    year: int | None = None
    institution: str | None = None  # organisation entity id
    document: str | None = None
    review: str | None = None  # one of REVIEW_STATES
    q: str | None = None  # part of the preferred name

    def active(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "")}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class Person:
    """What the list needs to know of one person. Tuples, to keep 100,000 of them small."""

    label: str
    fates: tuple[str, ...] = ()  # affirmed fate types of claims not rejected
    years: tuple[int, ...] = ()
    institutions: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()  # review statuses of their claims, and "uncertain"
    claims: int = 0
    named: bool = True  # False for people the sources only describe ("his wife")


@dataclass
class Facts:
    persons: dict[str, Person] = field(default_factory=dict)
    organizations: dict[str, str] = field(default_factory=dict)  # id -> label
    titles: dict[str, str | None] = field(default_factory=dict)
    ties: dict[str, Counter[str]] = field(default_factory=dict)  # entity -> tie type -> count
    people_of: dict[str, int] = field(default_factory=dict)  # organisation -> persons tied
    by_name: list[str] = field(default_factory=list)  # person ids in name order
    everyone: dict[str, list[FacetValue]] = field(default_factory=dict)  # unfiltered counts


def build_facts(session: Session) -> Facts:
    vocab = load_vocabulary()
    fate_types = set(vocab.fates)
    labels = webqueries.live_entity_labels(session, ("person", "organization"))
    people = {eid for eid, (_, kind) in labels.items() if kind == "person"}
    fates: dict[str, set[str]] = defaultdict(set)
    years: dict[str, set[int]] = defaultdict(set)
    institutions: dict[str, set[str]] = defaultdict(set)
    statuses: dict[str, set[str]] = defaultdict(set)
    claims: Counter[str] = Counter()
    ties: dict[str, Counter[str]] = defaultdict(Counter)
    members: dict[str, set[str]] = defaultdict(set)
    for ctype, date, status, polarity, subject, obj, object_kind in \
            webqueries.claim_fact_rows(session):
        statuses[subject].add(status)
        if status == "rejected":
            continue
        claims[subject] += 1
        year = year_of(date)
        if year:
            years[subject].add(year)
        if ctype in fate_types and polarity == "affirmed":
            fates[subject].add(ctype)
        if obj and obj != subject:
            if object_kind == "organization":
                institutions[subject].add(obj)
                if subject in people:
                    members[obj].add(subject)
            if polarity == "affirmed":
                ties[subject][ctype] += 1
                ties[obj][ctype] += 1
    documents: dict[str, list[str]] = defaultdict(list)
    for eid, doc in webqueries.person_documents(session):
        documents[eid].append(doc)
    for eid in webqueries.entities_in_review(session):
        statuses[eid].add("uncertain")
    named = webqueries.named_entities(session)
    facts = Facts(titles=webqueries.current_titles(session), ties=dict(ties),
                  people_of={org: len(ids) for org, ids in members.items()})
    for eid, (label, kind) in labels.items():
        if kind == "organization":
            facts.organizations[eid] = label
            continue
        facts.persons[eid] = Person(
            label=label, fates=tuple(sorted(fates[eid])), years=tuple(sorted(years[eid])),
            institutions=tuple(institutions[eid]), documents=tuple(documents[eid]),
            statuses=tuple(sorted(statuses[eid])), claims=claims[eid], named=eid in named)
    # Named people first, then those the sources only describe ("a student").
    facts.by_name = sorted(facts.persons, key=lambda eid: (
        not facts.persons[eid].named, facts.persons[eid].label.casefold(), eid))
    facts.everyone = facet_counts(facts, facts.by_name)
    return facts


class FacetIndex:
    def __init__(self, store: Store | None = None) -> None:
        self._cache = GenerationCache(store, build_facts, lambda f: len(f.persons),
                                      name="facet-index")

    def warm(self) -> None:
        self._cache.warm()

    def facts(self, session: Session) -> Facts:
        return self._cache.get(session)


def matches(person: Person, filters: PersonFilters) -> bool:
    return ((not filters.fate or filters.fate in person.fates)
            and (not filters.year or filters.year in person.years)
            and (not filters.institution or filters.institution in person.institutions)
            and (not filters.document or filters.document in person.documents)
            and (not filters.review or filters.review in person.statuses)
            and (not filters.q or filters.q.casefold() in person.label.casefold()))


def select_persons(facts: Facts, filters: PersonFilters, sort: str) -> list[str]:
    """Ids of the persons the filters let through, in the order asked for."""
    persons = facts.persons
    if filters.active():
        found = [eid for eid in facts.by_name if matches(persons[eid], filters)]
    else:
        found = list(facts.by_name)
    key = sort.lstrip("-")
    sign = -1 if sort.startswith("-") else 1
    # Sorts are stable: equal counts stay in name order.
    if key == "documents":
        found.sort(key=lambda eid: sign * len(persons[eid].documents))
    elif key == "claims":
        found.sort(key=lambda eid: sign * persons[eid].claims)
    elif sign < 0:
        found.reverse()
    return found


def counts_for(facts: Facts, filters: PersonFilters, ids: list[str]
               ) -> dict[str, list[FacetValue]]:
    """Facet counts for the persons the filters let through (kept for the unfiltered list)."""
    return facts.everyone if not filters.active() else facet_counts(facts, ids)


def facet_counts(facts: Facts, ids: list[str], *, size: int = FACET_SIZE
                 ) -> dict[str, list[FacetValue]]:
    """For each facet, how many of these persons have each value (the commonest first)."""
    vocab = load_vocabulary()
    counts: dict[str, Counter] = {name: Counter() for name in
                                  ("fate", "year", "institution", "document", "review")}
    for eid in ids:
        p = facts.persons[eid]
        counts["fate"].update(p.fates)
        counts["year"].update(p.years)
        counts["institution"].update(p.institutions)
        counts["document"].update(p.documents)
        counts["review"].update(p.statuses)
    return {
        "fate": [FacetValue(t, vocab[t].en if t in vocab else t, n)
                 for t, n in counts["fate"].most_common()],
        "year": [FacetValue(str(y), str(y), n) for y, n in sorted(counts["year"].items())],
        "institution": [FacetValue(o, facts.organizations.get(o, o), n)
                        for o, n in counts["institution"].most_common(size)],
        "document": [FacetValue(d, facts.titles.get(d) or d, n)
                     for d, n in counts["document"].most_common(size)],
        "review": [FacetValue(s, s, n) for s, n in sorted(counts["review"].items())],
    }


def busiest(facts: Facts, types: list[str], limit: int) -> list[str]:
    """The entities with the most ties of these types (the network's default view)."""
    wanted = set(types)
    scored = [(sum(n for t, n in counter.items() if t in wanted), eid)
              for eid, counter in facts.ties.items()]
    scored = [item for item in scored if item[0] > 0]
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [eid for _, eid in scored[:limit]]
