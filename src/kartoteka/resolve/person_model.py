"""What reviewers' merges and splits teach the person linker, and the model it then links with.

Decisions reach ``resolve`` as pairs (``Decisions``), but one decision may name many: merging two
people of five profiles each makes 25 must-link pairs, splitting one profile off a person of
twenty makes 20 cannot-links. So pairs are counted as decisions first (``decision_groups``:
pairs that share a profile are one), and one busy decision cannot pass for twenty.

- **Accepted merges** teach m. From ``MIN_LABELLED_PAIRS`` merged people on, the must-links are
  handed to Splink as labelled pairs (``labelled_pairs``; one pair a merged profile, so a person
  of twenty profiles gives 19, not 190), whose m estimate replaces the prior's or EM's.
- **Rejected merges and splits** raise the link threshold (``learning.raised_threshold``, as for
  the authority linker): each decision counts once, at the highest probability the model gave any
  of its pairs (what it believed before the reviewer said no; 0 for pairs it never proposed).
  From ``MIN_LABELLED_PAIRS`` decisions on, the threshold rises just above the probability nine
  in ten of them did not exceed, at most to ``MAX_LINK_THRESHOLD``: when reviewers keep
  refusing what the model links, it links only what it is surer of, and the pairs between the
  old and the new line go to review instead.

``person_model`` puts the result in the shape the authority model has (``LearntModel``), with the
collection's size and whether u and EM were trained on it, for the store and the review page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from kartoteka.resolve.comparisons import LEVELS
from kartoteka.resolve.learning import MIN_LABELLED_PAIRS, LearntModel, raised_threshold
from kartoteka.resolve.pair_scores import model_weights, prior_weights
from kartoteka.resolve.profile import Decisions

Pair = tuple[str, str]


def _ordered(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def decision_groups(pairs: Iterable[Pair], keys: Collection[str]) -> list[list[Pair]]:
    """The decided pairs between ``keys``, grouped into decisions: pairs joined by a shared
    profile are one group, ordered pairs sorted, groups by their first pair."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    chosen = sorted({_ordered(a, b) for a, b in pairs if a != b and a in keys and b in keys})
    for a, b in chosen:
        parent[find(a)] = find(b)
    groups: dict[str, list[Pair]] = defaultdict(list)
    for a, b in chosen:
        groups[find(a)].append((a, b))
    return sorted(groups.values())


def labelled_pairs(must_link: Iterable[Pair], keys: Collection[str]) -> list[Pair]:
    """The merges to learn m from: none below ``MIN_LABELLED_PAIRS`` merged people; else, for
    each, the pairs that first join each of its profiles (a spanning tree of its decisions)."""
    groups = decision_groups(must_link, keys)
    if len(groups) < MIN_LABELLED_PAIRS:
        return []
    out: list[Pair] = []
    for group in groups:
        joined: set[str] = set()
        for a, b in group:
            if a not in joined or b not in joined:  # each adds a profile: n - 1 at most
                out.append((a, b))
                joined.update((a, b))
    return out


def rejected_probabilities(cannot_link: Iterable[Pair], keys: Collection[str],
                           probability: Mapping[Pair, float]) -> list[float]:
    """For each rejection between ``keys``, the highest probability the model gave any of its
    pairs (``probability``: ordered pair -> score; a pair it did not keep scored 0)."""
    return [max(probability.get(pair, 0.0) for pair in group)
            for group in decision_groups(cannot_link, keys)]


def person_model(
    settings: Mapping[str, Any] | None,
    *,
    decisions: Decisions,
    keys: Collection[str],
    probability: Mapping[Pair, float],
    link_threshold: float,
    trained: bool = False,
) -> LearntModel:
    """The person model a run linked with: m/u from its Splink ``settings`` (the prior's where
    it has none), the link threshold the rejections call for, and what it learnt from."""
    weights = model_weights(settings) if settings else prior_weights()
    comparisons = {name: {level: list(mu) for level, mu in zip(levels, weights[name], strict=True)}
                   for name, levels in LEVELS.items()}
    accepted = decision_groups(decisions.must_link, keys)
    rejected = rejected_probabilities(decisions.cannot_link, keys, probability)
    learnt = ["m"] if len(accepted) >= MIN_LABELLED_PAIRS else []
    threshold = raised_threshold(rejected, link_threshold)
    if threshold is not None:
        learnt.append("threshold")
    return LearntModel(comparisons, link_threshold if threshold is None else threshold,
                       accepted=len(accepted), rejected=len(rejected), learnt=learnt,
                       base_threshold=link_threshold, profiles=len(keys), trained=trained)


__all__ = ["decision_groups", "labelled_pairs", "person_model", "rejected_probabilities"]
