"""What reviewers' decisions on authority links teach the authority model.

A reviewer's "yes, this is the record" is a true pair: the level each comparison reached on it
is what a true pair looks like in this collection, so from ``MIN_LABELLED_PAIRS`` accepted links
on, m is re-estimated from them (blended with the prior as ``PRIOR_PAIRS`` pseudo-pairs, so one
odd decision moves little). u stays the list's own (measured on the list, see the prior): a
rejected pair is a near miss, not a random pair, and says nothing about u. What a rejection
does say is that the model was too sure: from ``MIN_LABELLED_PAIRS`` rejected pairs on, the
link threshold rises just above the probability nine in ten of them did not exceed, so the model no
longer links what reviewers keep refusing (never above ``MAX_LINK_THRESHOLD``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import asdict, dataclass, field
from typing import Any

from kartoteka.resolve.comparisons import LEVELS

MIN_LABELLED_PAIRS = 20  # as resolve.linker: fewer say more about the reviewer than the data
PRIOR_PAIRS = 10
REJECTED_QUANTILE = 0.9
MAX_LINK_THRESHOLD = 0.999


@dataclass
class LearntModel:
    """The model in use: m/u per comparison level, its link threshold, and what it learnt from."""

    comparisons: dict[str, dict[str, list[float]]]
    link_threshold: float
    accepted: int = 0
    rejected: int = 0
    learnt: list[str] = field(default_factory=list)  # "m", "threshold"
    computed_at: str | None = None
    min_labelled: int = MIN_LABELLED_PAIRS

    def weights(self) -> dict[str, dict[str, float]]:
        """Each level's match weight in bits, log2(m / u)."""
        return {name: {level: round(math.log2(m / u), 2) for level, (m, u) in levels.items()}
                for name, levels in self.comparisons.items()}

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "weights": self.weights()}


def learn(prior: dict[str, Any], labelled: Sequence[tuple[dict[str, Any], float, bool]],
          link_threshold: float) -> LearntModel:
    """The model from ``prior`` and the reviewers' decisions: (features, probability the model
    gave, accepted?) for each pair a human decided."""
    comparisons = deepcopy(prior["comparisons"])
    accepted = [f for f, _, ok in labelled if ok]
    rejected = sorted(p for _, p, ok in labelled if not ok)
    learnt = []
    if len(accepted) >= MIN_LABELLED_PAIRS:
        for name, levels in LEVELS.items():
            seen = Counter(f.get(name, {}).get("level") for f in accepted
                           if isinstance(f.get(name), dict))
            seen.pop("null", None)
            seen.pop(None, None)
            n = sum(seen.values())
            for level in levels:
                m_prior = comparisons[name][level][0]
                comparisons[name][level][0] = (seen[level] + PRIOR_PAIRS * m_prior) / (
                    n + PRIOR_PAIRS)
        learnt.append("m")
    threshold = link_threshold
    if len(rejected) >= MIN_LABELLED_PAIRS:
        quantile = rejected[min(len(rejected) - 1, int(REJECTED_QUANTILE * len(rejected)))]
        # a link must score above what reviewers refused, not merely as high
        threshold = min(MAX_LINK_THRESHOLD, max(link_threshold, math.nextafter(quantile, 1.0)))
        learnt.append("threshold")
    return LearntModel(comparisons, threshold, len(accepted), len(rejected), learnt)


def with_model(prior: dict[str, Any], model: LearntModel) -> dict[str, Any]:
    """The prior with the learnt m/u in place of its own."""
    return {**prior, "comparisons": model.comparisons}
