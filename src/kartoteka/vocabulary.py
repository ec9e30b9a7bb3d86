"""The claim vocabulary, loaded once from ``vocabulary.yaml`` and checked loudly."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from kartoteka.errors import InvalidVocabulary


@dataclass(frozen=True)
class ClaimType:
    id: str
    kind: str  # event | relation
    en: str
    ru: str
    description: str
    subject: tuple[str, ...]
    object: tuple[str, ...]
    role: bool = False
    wider: str | None = None
    fate: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


TOP_KEYS = frozenset({"entity_kinds", "claim_types", "groups"})
TYPE_KEYS = frozenset({"id", "kind", "en", "ru", "description", "subject", "object", "role",
                       "wider", "fate"})


@dataclass(frozen=True)
class Vocabulary:
    entity_kinds: tuple[str, ...]
    claim_types: dict[str, ClaimType]
    groups: dict[str, frozenset[str]] = field(default_factory=dict)

    def __getitem__(self, type_id: str) -> ClaimType:
        return self.claim_types[type_id]

    def __contains__(self, type_id: object) -> bool:
        return type_id in self.claim_types

    @property
    def events(self) -> list[str]:
        return [t.id for t in self.claim_types.values() if t.kind == "event"]

    @property
    def relations(self) -> list[str]:
        return [t.id for t in self.claim_types.values() if t.kind == "relation"]

    @property
    def fates(self) -> list[str]:
        return [t.id for t in self.claim_types.values() if t.fate]

    def group(self, name: str) -> frozenset[str]:
        """The claim types of a named grouping (``groups`` in vocabulary.yaml)."""
        try:
            return self.groups[name]
        except KeyError:
            raise InvalidVocabulary(f"no claim type group {name!r} (have: {sorted(self.groups)})"
                                    ) from None

    def accepts(self, wanted: str, given: str) -> bool:
        """True when a claim of type ``given`` answers a question about ``wanted``."""
        while given:
            if given == wanted:
                return True
            given = self.claim_types[given].wider or ""
        return False

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_kinds": list(self.entity_kinds),
            "claim_types": [t.to_dict() for t in self.claim_types.values()],
            "groups": {name: sorted(types) for name, types in self.groups.items()},
        }


def parse_vocabulary(data: dict[str, Any]) -> Vocabulary:
    stray = set(data) - TOP_KEYS
    if stray:
        raise InvalidVocabulary(f"unknown top-level keys {sorted(stray)}")
    kinds = tuple(data.get("entity_kinds") or ())
    if not kinds:
        raise InvalidVocabulary("no entity_kinds")
    types: dict[str, ClaimType] = {}
    for raw in data.get("claim_types") or ():
        tid = raw.get("id")
        if not tid or tid in types:
            raise InvalidVocabulary(f"missing or duplicate claim type id: {tid!r}")
        stray = set(raw) - TYPE_KEYS
        if stray:
            # A bare comma in a {…} description turns its tail into a key: refuse, not drop.
            raise InvalidVocabulary(f"{tid}: unknown keys {sorted(map(str, stray))}")
        if raw.get("kind") not in ("event", "relation"):
            raise InvalidVocabulary(f"{tid}: kind must be event or relation")
        for side in ("subject", "object"):
            unknown = set(raw.get(side) or ()) - set(kinds)
            if unknown:
                raise InvalidVocabulary(f"{tid}: unknown {side} kinds {sorted(unknown)}")
        types[tid] = ClaimType(
            id=tid, kind=raw["kind"], en=raw["en"], ru=raw["ru"],
            description=raw.get("description", ""),
            subject=tuple(raw.get("subject") or ()), object=tuple(raw.get("object") or ()),
            role=bool(raw.get("role")), wider=raw.get("wider"), fate=bool(raw.get("fate")),
        )
    for t in types.values():
        if t.wider and t.wider not in types:
            raise InvalidVocabulary(f"{t.id}: wider type {t.wider!r} is not defined")
    groups: dict[str, frozenset[str]] = {}
    for name, members in (data.get("groups") or {}).items():
        unknown = set(members or ()) - set(types)
        if not members or unknown:
            raise InvalidVocabulary(f"group {name}: empty or unknown types {sorted(unknown)}")
        groups[name] = frozenset(members)
    return Vocabulary(entity_kinds=kinds, claim_types=types, groups=groups)


@cache
def load_vocabulary() -> Vocabulary:
    text = resources.files("kartoteka").joinpath("vocabulary.yaml").read_text(encoding="utf-8")
    return parse_vocabulary(yaml.safe_load(text))
