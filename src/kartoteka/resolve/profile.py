"""What the cross-document step compares: one document's view of one entity.

A profile is built from a ``LocalEntity`` and the claims its document makes about it. Profile
keys are the local entities' keys (stable hashes), so human decisions recorded against them
survive every re-run.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from kartoteka.dates import year_of
from kartoteka.model import Extraction, LocalEntity, Mention
from kartoteka.vocabulary import load_vocabulary


@dataclass
class Profile:
    key: str
    document_id: str
    kind: str  # person | group | organization | place
    label: str
    names: list[str] = field(default_factory=list)  # every surface form seen in the document
    surname: str | None = None
    given: str | None = None
    patronymic: str | None = None
    initials: tuple[str, ...] = ()
    gender: str | None = None
    birth_year: int | None = None
    death_year: int | None = None
    birthplace: str | None = None  # label of the place of birth, as the document names it
    # Full dates (EDTF days) of birth, death (or execution) and arrest when the document gives
    # the day: an authority record with the same day corroborates the link (authority_evidence).
    birth_date: str | None = None
    death_date: str | None = None
    arrest_date: str | None = None
    residence: str | None = None  # where a record says the person lived (authority lists)
    fates: list[str] = field(default_factory=list)  # claim types: execution, arrest, …
    roles: list[str] = field(default_factory=list)  # "deputy head", "secretary", …
    # Posts a document gives only as a title before a bare surname ("People's Commissar of
    # Justice Krylenko"): what an authority record's occupation may corroborate, kept out of
    # ``roles``, which the person linker compares as written (extract.en.roll_roles).
    titles: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)  # labels of bodies tied to it
    relatives: list[str] = field(default_factory=list)  # labels of kin named with it
    # Labels of the people it is tied to otherwise (whose secretary or friend it was, either
    # way round): a tie two documents state in different words (``channel_links``).
    ties: list[str] = field(default_factory=list)
    # Labels of the other people named in the same paragraphs (its scenes): context that tells
    # a mangled form of one man from another man's name (``channel_links``).
    comentioned: list[str] = field(default_factory=list)
    language: str | None = None
    descriptor: str | None = None
    # A bare name the document leaves between several of its people ("Orlov" beside Ivan and
    # Pyotr Orlov): never linked to another document's person without a human decision.
    unresolved: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Profile:
        data = dict(data)
        data["initials"] = tuple(data.get("initials") or ())
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True)
class Decisions:
    """Human decisions as constraints: must-link and cannot-link pairs of profile keys."""

    must_link: frozenset[tuple[str, str]] = frozenset()
    cannot_link: frozenset[tuple[str, str]] = frozenset()

    def cannot(self, a: str, b: str) -> bool:
        return (a, b) in self.cannot_link or (b, a) in self.cannot_link


SCENE_PEOPLE = 12
SCENE_REACH = 1  # paragraphs on either side that are still the same scene
_KIN_TYPES = load_vocabulary().group("kin")
_TIE_TYPES = load_vocabulary().group("ties")
_DEATH_TYPES = load_vocabulary().group("death")
_FATE_TYPES = frozenset({
    "arrest", "execution", "death", "suicide", "defection", "sentence", "release",
    "rehabilitation", "trial", "expulsion", "escape",
})
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a day, not a month, a season or an uncertain date


def _unresolved(entity: LocalEntity, mentions: dict[str, Mention]) -> bool:
    """Whether every mention of the entity is a bare name its document left unresolved."""
    own = [mentions[mid] for mid in entity.mention_ids if mid in mentions]
    return bool(own) and all("unresolved" in m.attrs for m in own)


def _paragraph_of(text: str):  # noqa: ANN202 - position -> paragraph number
    """Paragraphs are the text's lines; a run of blank lines is one break."""
    breaks = [m.start() for m in re.finditer(r"\n+", text)]
    return lambda position: bisect_right(breaks, position)


def _comentioned(extraction: Extraction, entities: list[LocalEntity]) -> dict[str, list[str]]:
    """Entity key -> labels of the other named people in the scenes that name it: the paragraph
    of each of its mentions and the one on either side (SCENE_REACH). A paragraph naming more
    than SCENE_PEOPLE people is a list, not a scene, and counts for none."""
    paragraph = _paragraph_of(extraction.document.text)
    starts = {m.id: m.start for m in extraction.mentions}
    named = [e for e in entities if e.kind == "person" and not e.descriptor]
    own = {e.key: {paragraph(starts[mid]) for mid in e.mention_ids if mid in starts}
           for e in named}
    cast: dict[int, set[str]] = defaultdict(set)
    for e in named:
        for number in own[e.key]:
            cast[number].add(e.label)
    out = {}
    for e in named:
        reach = {n + step for n in own[e.key] for step in range(-SCENE_REACH, SCENE_REACH + 1)}
        others = set().union(*(cast[n] for n in reach if len(cast[n]) <= SCENE_PEOPLE))
        out[e.key] = sorted(others - {e.label})
    return out


def build_profiles(extraction: Extraction, entities: list[LocalEntity]) -> dict[str, Profile]:
    """One profile per local entity: its names and what the document says about it."""
    from kartoteka.names.parse import parse_person_name  # names is a leaf; import when used

    entity_of = {mid: e.key for e in entities for mid in e.mention_ids}
    by_key = {e.key: e for e in entities}
    mentions = {m.id: m for m in extraction.mentions}
    place_label = {mid: by_key[key].label for mid, key in entity_of.items()
                   if by_key[key].kind == "place"}
    profiles: dict[str, Profile] = {}
    scenes = _comentioned(extraction, entities)
    for ent in entities:
        profile = Profile(
            key=ent.key, document_id=extraction.document.id, kind=ent.kind, label=ent.label,
            names=list(ent.names), gender=ent.gender, language=extraction.document.language,
            descriptor=ent.descriptor,
            unresolved=_unresolved(ent, mentions),
        )
        if ent.kind == "person" and not ent.descriptor:
            parsed = parse_person_name(ent.label)
            profile.surname, profile.given = parsed.surname, parsed.given
            profile.patronymic, profile.initials = parsed.patronymic, parsed.initials
            profile.gender = ent.gender or parsed.gender
            profile.comentioned = scenes.get(ent.key, [])
        profiles[ent.key] = profile
    for claim in extraction.claims:
        subject = profiles.get(entity_of.get(claim.subject, ""))
        if subject is None or claim.polarity != "affirmed":
            continue
        obj = by_key.get(entity_of.get(claim.object or "", ""))
        day = claim.date if claim.date and _DAY.fullmatch(claim.date) else None
        if claim.type == "birth":
            subject.birth_year = subject.birth_year or year_of(claim.date)
            subject.birthplace = subject.birthplace or place_label.get(claim.place or "")
            subject.birth_date = subject.birth_date or day
        elif claim.type in _DEATH_TYPES:
            subject.death_year = subject.death_year or year_of(claim.date, last=True)
            subject.death_date = subject.death_date or day
        elif claim.type == "arrest":
            subject.arrest_date = subject.arrest_date or day
        if claim.type not in subject.fates and claim.type in _FATE_TYPES:
            subject.fates.append(claim.type)
        # A fate's role is no post: a sentence's is its penalty ("death", "ВМН").
        posts = subject.titles if claim.attrs.get("title_only") else subject.roles
        if claim.role and claim.type not in _FATE_TYPES and claim.role not in posts:
            posts.append(claim.role)
        is_org = obj is not None and obj.kind == "organization"
        if is_org and obj.label not in subject.organizations:
            subject.organizations.append(obj.label)
        if obj is not None and claim.type in _KIN_TYPES and obj.label not in subject.relatives:
            subject.relatives.append(obj.label)
        if obj is not None and obj.kind == "person" and claim.type in _TIE_TYPES \
                and obj.key in profiles:
            # one tie seen from both ends: "Pikor, Zinoviev's secretary" ties Zinoviev to Pikor
            for one, other in ((subject, profiles[obj.key]), (profiles[obj.key], subject)):
                if other.label not in one.ties and one.key != other.key:
                    one.ties.append(other.label)
    return profiles
