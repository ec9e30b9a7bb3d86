"""The shapes the JSON API returns (and the pages render): one class per page, in OpenAPI.
Plain dataclasses: a page builds thousands of them (a reader page has a claim for every
sentence), and FastAPI validates and documents them only where they leave as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import Field

from kartoteka.web.comparisons import DecidedBy


@dataclass
class EntityRef:
    id: str
    label: str
    kind: str | None = None


@dataclass
class DocumentRef:
    id: str
    title: str | None = None


@dataclass
class EvidenceOut:
    document: str
    start: int
    end: int
    url: Annotated[str, Field(description="The passage in the reader, highlighted")]


@dataclass
class ClaimOut:
    id: str
    type: str
    type_label: str
    type_label_ru: str
    relation: bool
    subject: EntityRef | None
    object: EntityRef | None
    place: EntityRef | None
    informant: EntityRef | None
    role: str | None
    date: str | None
    year: int | None
    polarity: str
    status: str
    confidence: float
    hearsay: bool
    document: DocumentRef
    passage: str
    evidence: list[EvidenceOut]
    url: Annotated[str | None, Field(description="The first passage in the reader")] = None


# --- persons ----------------------------------------------------------------------------------

@dataclass
class FateOut:
    type: str
    date: str | None
    polarity: str


@dataclass
class PersonSummaryOut:
    id: str
    label: str
    names: list[str]
    fates: list[FateOut]
    documents: int
    claims: int
    first_year: int | None
    last_year: int | None


@dataclass
class FacetValueOut:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class PersonList:
    total: int
    offset: int
    limit: int
    sort: str
    sorts: list[str]
    filters: dict[str, Any]
    facets: dict[str, list[FacetValueOut]]
    rows: list[PersonSummaryOut]


@dataclass
class NameFormOut:
    form: str
    latin: str
    cyrillic: str
    occurrences: int
    documents: list[DocumentRef]
    first_url: str | None


@dataclass
class ProfileOut:
    key: str
    document_id: str
    document_title: str | None
    label: str
    names: list[str]
    descriptor: str | None


@dataclass
class AuthorityOut:
    source: str
    id: str
    decided_by: DecidedBy | None = None  # None for a link made by hand


@dataclass
class Disagreement:
    a: ClaimOut
    b: ClaimOut


@dataclass
class PersonCard:
    entity: EntityRef
    gender: str | None
    label_locked: bool
    names: list[str]
    name_forms: list[NameFormOut]
    posts: list[ClaimOut]
    relations: list[ClaimOut]
    timeline: Annotated[list[ClaimOut],
                        Field(description="Every claim, dated ones first in date order")]
    disagreements: list[Disagreement]
    authority: list[AuthorityOut]
    members: list[EntityRef]
    profiles: list[ProfileOut]
    years: list[int]


# --- documents --------------------------------------------------------------------------------

@dataclass
class MentionOut:
    id: str
    start: int
    end: int
    text: str
    kind: str
    entity: EntityRef | None


@dataclass
class SentenceOut:
    start: int
    end: int
    claims: list[str]


@dataclass
class HearsayOut:
    start: int
    end: int
    claim: str
    informant: EntityRef | None


@dataclass
class DocumentOut:
    id: str
    title: str | None
    language: str | None
    kind: str
    source_path: str | None
    media_type: str
    version: int
    superseded: bool
    length: int


@dataclass
class PageOut:
    """A page of a scan: its image, how OCR read it, and its words' boxes."""

    number: int
    width: int
    height: int
    image: Annotated[str, Field(description="URL of the page image (JPEG)")]
    lang: str | None
    rotation: int
    skew: float
    confidence: float | None
    status: Annotated[str, Field(description="ok | unreadable | text-layer")]
    reason: str | None
    words: Annotated[list[list[int]], Field(
        description="[start, end, left, top, width, height, confidence] per word; start and "
                    "end index the text (-1 for a page number or running header)")]


@dataclass
class DocumentView:
    document: DocumentOut
    text: str
    highlight: list[int] | None
    mentions: list[MentionOut]
    sentences: list[SentenceOut]
    hearsay: list[HearsayOut]
    claims: list[ClaimOut]
    entities: list[EntityRef]
    pages: list[PageOut] = field(default_factory=list)


@dataclass
class DocumentSummary:
    id: str
    title: str | None
    language: str | None
    kind: str
    length: int


@dataclass
class DocumentList:
    documents: list[DocumentSummary]


# --- search, graph, institutions --------------------------------------------------------------

@dataclass
class SearchHit:
    id: str
    label: str
    kind: str
    names: list[str]
    score: float
    url: str


@dataclass
class SearchResults:
    query: str
    kind: str | None
    hits: list[SearchHit]


@dataclass
class GraphNode:
    id: str
    label: str
    kind: str
    degree: int
    x: float
    y: float
    url: str


@dataclass
class GraphEdge:
    source: str
    target: str
    type: str
    date: str | None
    role: str | None
    claim: str


@dataclass
class Graph:
    year: int | None
    focus: EntityRef | None
    types: list[str]
    all_types: list[str]
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool


@dataclass
class InstitutionSummary:
    id: str
    label: str
    people: int


@dataclass
class InstitutionList:
    institutions: list[InstitutionSummary]


@dataclass
class FateCount:
    type: str
    label: str
    count: int


@dataclass
class InstitutionPerson:
    person: EntityRef
    posts: list[ClaimOut]
    fates: list[ClaimOut]


@dataclass
class Institution:
    entity: EntityRef
    names: list[str]
    people: list[InstitutionPerson]
    fate_counts: list[FateCount]
    total: int
    offset: int
    limit: int
    summary: str
