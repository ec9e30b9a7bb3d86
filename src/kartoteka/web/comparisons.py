"""What decided a link or a review item: each comparison's level and match weight.

The linkers keep, with every scored pair, the level each comparison reached and its weight in
bits (``resolve.comparisons.pair_features``: log2 of m/u, a term-frequency adjustment
included), the total and any rule that stopped it. The review page and the card's authority
links show them as rows, strongest evidence first, so a reviewer sees why, not only how sure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Flags the linkers set beside the comparisons, in words a reviewer reads.
NOTES = {
    "ambiguous": "another candidate fits about as well",
    "lone_surname": "a bare surname that only one named person bears",
    "unresolved": "its own document could not tell whose name it is",
    "surname_variant_only": "a bare surname meeting only a variant spelling",
    "surnames_differ": "the surnames share nothing: only the other names and dates agree",
    "refused": "joining would put two different people in one",
    "names_too_thin": "a link needs the surname and the given name to agree",
    "days_apart": "the text dates the death more than a month from the record's",
    "death_years_differ": "death years differ",
    "sole_namesake": "linked as",
    "from_entity": "counted what other documents say of the same person",
    "by_hand_elsewhere": "a curator linked this person to another record of the list",
    "reading": "matched the record's reading",
    "by": "decided by",
}


@dataclass
class ComparisonOut:
    name: str
    level: str
    weight: float  # bits for (positive) or against (negative) one person


@dataclass
class DecidedBy:
    comparisons: list[ComparisonOut] = field(default_factory=list)
    match_weight: float | None = None
    probability: float | None = None
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _level(value: dict[str, Any]) -> str:
    """The level as a reviewer reads it, with what it agreed on where the comparison says
    (the occupation's field of work: "same field (medicine)")."""
    level = str(value["level"])
    return f"{level} ({value['field']})" if value.get("field") else level


def decided_by(features: dict[str, Any] | None, probability: float | None = None
               ) -> DecidedBy | None:
    """The comparisons in ``features`` (those that had something to compare), strongest for or
    against first; None when the features hold no comparison."""
    if not features:
        return None
    rows = [
        ComparisonOut(name, _level(value), round(float(value.get("weight") or 0.0), 2))
        for name, value in features.items()
        if isinstance(value, dict) and "level" in value and value["level"] != "null"
    ]
    notes = []
    for key, text in NOTES.items():
        value = features.get(key)
        if value:
            if isinstance(value, list) and all(isinstance(v, int) for v in value):
                notes.append(f"{text}: " + " / ".join(map(str, value)))  # "1937 / 1942"
            else:
                notes.append(f"{text}: {value}" if isinstance(value, str) else text)
    if not rows and not notes:
        return None
    rows.sort(key=lambda r: (-abs(r.weight), r.name))
    weight = features.get("match_weight")
    return DecidedBy(
        comparisons=rows,
        match_weight=round(float(weight), 2) if isinstance(weight, int | float) else None,
        probability=probability,
        conflicts=[str(c) for c in features.get("conflicts") or []],
        notes=notes,
    )


@dataclass
class ModelInUse:
    """A linkage model in use (the authority linker's, or the person linker's that `kartoteka
    resolve` stored for ingest): weights per comparison level, what it learnt from reviewers'
    decisions (``resolve.learning.LearntModel``) and when it was last recomputed."""

    weights: dict[str, dict[str, float]]  # comparison -> level -> log2(m / u), in bits
    m_u: dict[str, dict[str, list[float]]]
    link_threshold: float
    accepted: int  # decisions that said "the same": links, or people merged
    rejected: int  # decisions that said "not the same"
    learnt: list[str]  # "m" from accepted decisions, "threshold" from rejected ones; [] = prior
    min_labelled: int
    computed_at: str | None = None
    base_threshold: float | None = None  # before rejections raised it
    profiles: int = 0  # the person model: profiles it was computed on
    trained: bool = False  # the person model: u and EM estimated on them


def model_in_use(stored: dict[str, Any] | None) -> ModelInUse | None:
    """A stored model (``LearntModel.to_dict``) for the page."""
    if not stored:
        return None
    base = stored.get("base_threshold")
    return ModelInUse(
        weights=stored.get("weights") or {}, m_u=stored.get("comparisons") or {},
        link_threshold=float(stored.get("link_threshold") or 0.0),
        accepted=int(stored.get("accepted") or 0), rejected=int(stored.get("rejected") or 0),
        learnt=list(stored.get("learnt") or []),
        min_labelled=int(stored.get("min_labelled") or 0),
        computed_at=stored.get("computed_at"),
        base_threshold=float(base) if isinstance(base, int | float) else None,
        profiles=int(stored.get("profiles") or 0), trained=bool(stored.get("trained")),
    )
