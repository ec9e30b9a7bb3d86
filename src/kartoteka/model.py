"""The data model every stage passes along: documents, mentions, claims and their results.

Plain dataclasses, no I/O. Ids hash their key fields (as FollowTheMoney's statements do), so a
re-run over the same bytes lands on the same ids and human decisions stay attached to them.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EntityKind = Literal["person", "group", "organization", "place"]
ENTITY_KINDS: tuple[str, ...] = ("person", "group", "organization", "place")
Polarity = Literal["affirmed", "negated"]
# The version of this model as a JSON document (what ``export --format json`` writes and
# ``import`` reads back): both sides check it, so it lives with the model they share.
EXPORT_FORMAT = "kartoteka-export/1"


def stable_id(prefix: str, *parts: object, length: int = 16) -> str:
    """A short id derived from its key fields: the same fields always give the same id."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:length]}"


@dataclass(frozen=True)
class Span:
    """Code-point offsets into a document's stored text, end exclusive."""

    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass
class ScanPage:
    """One page image of a scanned source and where its words stand on it.

    ``words`` are ``(start, end, left, top, width, height, confidence)``: the span of the stored
    text a word became (``start == end == -1`` for words kept out of the prose, such as a page
    number) and its box in pixels of ``image``. ``status`` is ``ok``, ``unreadable`` (``reason``
    says why; the page gave no text) or ``text-layer`` (a PDF page read from its text layer).
    """

    number: int  # 1-based, as the source counts pages
    width: int
    height: int
    image: bytes = b""  # JPEG, grayscale, deskewed and turned upright as OCR read it
    lang: str | None = None  # the languages found on the page: "rus", "eng", "rus+eng"
    rotation: int = 0  # degrees the scan was turned to stand upright
    skew: float = 0.0  # degrees of deskew applied
    confidence: float | None = None  # mean word confidence, 0-100
    status: str = "ok"
    reason: str | None = None
    words: list[tuple[int, int, int, int, int, int, int]] = field(default_factory=list)


@dataclass
class Document:
    """A source as stored: the text that offsets index, and where it came from."""

    sha256: str  # of the original bytes
    text: str
    title: str | None = None
    language: str | None = None  # ISO 639-1: "en", "ru"
    kind: str = "testimony"  # testimony | encyclopedia | record-list | letter | interrogation | …
    source_path: str | None = None
    media_type: str = "text/plain"
    encoding: str | None = None  # of a plain-text file, as detected
    meta: dict[str, Any] = field(default_factory=dict)
    # Page images and word boxes of a scan; stored in their own table, not in exports.
    scans: list[ScanPage] = field(default_factory=list, repr=False, compare=False)

    @property
    def id(self) -> str:
        return "d" + self.sha256[:16]

    def to_dict(self) -> dict[str, Any]:
        scans, self.scans = self.scans, []
        try:
            out = asdict(self)
        finally:
            self.scans = scans
        del out["scans"]
        out["id"] = self.id
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        data = {k: v for k, v in data.items() if k not in ("id", "scans")}
        return cls(**data)


@dataclass
class Mention:
    """A span that names or describes an entity.

    ``name`` is the normalised name form (nominative, expanded) for named mentions and None for
    descriptions ("his wife"), which carry ``descriptor`` instead. ``family`` marks a family
    named in the plural ("the Karins"): a group whose members are the people of that name.
    """

    start: int
    end: int
    text: str
    kind: EntityKind
    document_id: str = ""
    name: str | None = None
    descriptor: str | None = None
    gender: Literal["m", "f"] | None = None
    family: bool = False
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return stable_id("m", self.document_id, self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["id"] = self.id
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(**{k: v for k, v in data.items() if k != "id"})


@dataclass
class Claim:
    """One statement a source makes: subject, predicate, object, date, who says it.

    Subject, object, place and informant are mention ids of the same document; resolution
    turns them into entities. ``attributed_to`` None means the document's author/narrator.
    """

    type: str  # an id of vocabulary.yaml
    subject: str
    evidence: list[Span]
    document_id: str = ""
    object: str | None = None
    role: str | None = None
    date: str | None = None  # EDTF
    place: str | None = None
    polarity: Polarity = "affirmed"
    attributed_to: str | None = None
    confidence: float = 0.8
    hearsay: bool = False  # told to the narrator by someone ("I have heard …")
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        first = self.evidence[0] if self.evidence else Span(0, 0)
        return stable_id(
            "c", self.document_id, self.type, self.subject, self.object, self.role,
            self.polarity, first.start, first.end,
        )

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["id"] = self.id
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        data = {k: v for k, v in data.items() if k != "id"}
        data["evidence"] = [Span(**e) for e in data.get("evidence", [])]
        return cls(**data)


@dataclass
class Extraction:
    """What one document yields before resolution."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def mention(self, mention_id: str) -> Mention:
        for m in self.mentions:
            if m.id == mention_id:
                return m
        raise KeyError(mention_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.to_dict(),
            "mentions": [m.to_dict() for m in self.mentions],
            "claims": [c.to_dict() for c in self.claims],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            document=Document.from_dict(data["document"]),
            mentions=[Mention.from_dict(m) for m in data["mentions"]],
            claims=[Claim.from_dict(c) for c in data["claims"]],
        )


@dataclass
class LocalEntity:
    """Mentions of one document judged to be one entity (the within-document step)."""

    key: str  # stable within the document: the id of its first mention
    kind: EntityKind
    label: str
    names: list[str]
    mention_ids: list[str]
    members: list[str] = field(default_factory=list)  # keys of member entities (groups)
    gender: Literal["m", "f"] | None = None
    descriptor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
