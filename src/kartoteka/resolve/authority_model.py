"""What reviewers' decisions on authority links teach the authority model.

A reviewer's "yes, this is the record" is a true pair: the level each comparison reached on it
is what a true pair looks like in this collection, so from ``MIN_LABELLED_PAIRS`` accepted links
on, m is re-estimated from them (blended with the prior as ``PRIOR_PAIRS`` pseudo-pairs, so one
odd decision moves little). u stays the list's own (measured on the list, see the prior): a
rejected pair is a near miss, not a random pair, and says nothing about u. What a rejection
does say is that the model was too sure: from ``MIN_LABELLED_PAIRS`` rejected pairs on, the
link threshold rises as ``learning.raised_threshold`` raises it, the person linker's too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from copy import deepcopy
from typing import Any

from kartoteka.resolve.comparisons import LEVELS
from kartoteka.resolve.learning import (
    MAX_LINK_THRESHOLD,
    MIN_LABELLED_PAIRS,
    REJECTED_QUANTILE,
    LearntModel,
    raised_threshold,
)

PRIOR_PAIRS = 10


def learn(prior: dict[str, Any], labelled: Sequence[tuple[dict[str, Any], float, bool]],
          link_threshold: float) -> LearntModel:
    """The model from ``prior`` and the reviewers' decisions: (features, probability the model
    gave, accepted?) for each pair a human decided."""
    comparisons = deepcopy(prior["comparisons"])
    accepted = [f for f, _, ok in labelled if ok]
    rejected = [p for _, p, ok in labelled if not ok]
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
    threshold = raised_threshold(rejected, link_threshold)
    if threshold is not None:
        learnt.append("threshold")
    return LearntModel(comparisons, link_threshold if threshold is None else threshold,
                       len(accepted), len(rejected), learnt, base_threshold=link_threshold)


def with_model(prior: dict[str, Any], model: LearntModel) -> dict[str, Any]:
    """The prior with the learnt m/u in place of its own."""
    return {**prior, "comparisons": model.comparisons}


__all__ = ["MAX_LINK_THRESHOLD", "MIN_LABELLED_PAIRS", "PRIOR_PAIRS", "REJECTED_QUANTILE",
           "LearntModel", "learn", "with_model"]
