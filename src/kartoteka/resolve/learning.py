"""What reviewers' decisions teach a linkage model: the part the person and the authority
linker share.

Both linkers keep one picture of the model in use (``LearntModel``: m and u per comparison level,
the link threshold, how many decisions it learnt from and what it learnt) and raise their link
threshold the same way (``raised_threshold``): a rejected pair says the model was too sure, so
from ``MIN_LABELLED_PAIRS`` rejections on the threshold rises just above the probability nine in
ten of the rejected pairs did not exceed, never above ``MAX_LINK_THRESHOLD``. The few rejections
a reviewer makes in a day therefore move nothing, and no number of them can make the linker
refuse a pair it is all but certain of. u is not moved by rejections: a refused pair is a near
miss the model found, not a random pair of two people, so it says nothing of how often two
different people agree by chance.

How m is learnt differs: the authority model counts the levels accepted links reached
(``authority_model``); the person linker hands the accepted merges to Splink
(``linker.score_pairs(labelled_pairs=...)``, chosen by ``person_model``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from kartoteka.resolve.linker import MIN_LABELLED_PAIRS

REJECTED_QUANTILE = 0.9
MAX_LINK_THRESHOLD = 0.999


@dataclass
class LearntModel:
    """The model in use: m/u per comparison level, its link threshold, and what it learnt from."""

    comparisons: dict[str, dict[str, list[float]]]
    link_threshold: float
    accepted: int = 0  # decisions that said "the same": links, or merged people
    rejected: int = 0  # decisions that said "not the same"
    learnt: list[str] = field(default_factory=list)  # "m", "threshold"; [] = the prior
    computed_at: str | None = None
    min_labelled: int = MIN_LABELLED_PAIRS
    base_threshold: float | None = None  # the threshold before the rejections raised it
    profiles: int = 0  # person model: the profiles it was computed on
    trained: bool = False  # person model: u and EM estimated on them (from 1,000 profiles)

    def weights(self) -> dict[str, dict[str, float]]:
        """Each level's match weight in bits, log2(m / u)."""
        return {name: {level: round(_log2(m, u), 2) for level, (m, u) in levels.items()}
                for name, levels in self.comparisons.items()}

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "weights": self.weights()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LearntModel:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def _log2(m: float, u: float) -> float:
    """log2(m / u), kept finite for JSON (EM may find a level never occurs among matches)."""
    if m <= 0.0:
        return -99.0
    return 99.0 if u <= 0.0 else max(-99.0, min(99.0, math.log2(m / u)))


def raised_threshold(rejected: Sequence[float], link_threshold: float) -> float | None:
    """The link threshold the rejected pairs' probabilities call for (never below
    ``link_threshold``), or None while there are fewer than ``MIN_LABELLED_PAIRS`` of them."""
    if len(rejected) < MIN_LABELLED_PAIRS:
        return None
    ordered = sorted(rejected)
    quantile = ordered[min(len(ordered) - 1, int(REJECTED_QUANTILE * len(ordered)))]
    # a link must score above what reviewers refused, not merely as high
    return min(MAX_LINK_THRESHOLD, max(link_threshold, math.nextafter(quantile, 1.0)))


def _logit2(p: float) -> float:
    return math.log2(p / (1.0 - p))


def threshold_at(threshold: float, base: float, learnt_at: float, here: float) -> float:
    """A raised threshold learnt where the chance that two profiles are one person was
    ``learnt_at`` (the whole collection), for pairs scored where it is ``here`` (a
    neighbourhood, where it is higher): the same weight of evidence, and a hair more, since a
    link must score above what reviewers refused. Never below ``base``; ``base`` itself when
    nothing raised it."""
    if threshold <= base or threshold >= 1.0:
        return max(base, threshold)
    weight = _logit2(threshold) - _logit2(learnt_at) + _logit2(here) + 1e-9
    return max(base, 1.0 / (1.0 + 2.0 ** -weight))


__all__ = ["MAX_LINK_THRESHOLD", "MIN_LABELLED_PAIRS", "REJECTED_QUANTILE", "LearntModel",
           "raised_threshold", "threshold_at"]
