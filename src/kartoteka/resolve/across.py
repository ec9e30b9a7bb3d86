"""Across documents and scripts: which profiles are one entity.

``link_profiles`` scores candidate pairs of person profiles with a Splink model (comparisons in
``comparisons.py``, run by ``linker.py``), then clusters them under the rules of
``constraints.py``: conflicts and cannot-links are never joined, must-links always are, and a
profile that fits two different people equally well is queued for review. Organisations and
places cluster by normalised name, groups (families) by family-name key; human decisions bind
them too. Every scored pair is returned with its probability, the features behind it and what
was decided, for the review queue and the UI.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from operator import attrgetter
from typing import Any

from kartoteka.names import fold, surname_key
from kartoteka.resolve.constraints import (
    DATE_CONFLICTS,
    ConstrainedClusters,
    apply_must_links,
    conflicts,
)
from kartoteka.resolve.learning import LearntModel
from kartoteka.resolve.lone import SAME_SURNAME, mark_lone_surnames
from kartoteka.resolve.person_model import labelled_pairs, person_model
from kartoteka.resolve.profile import Decisions, Profile
from kartoteka.resolve.records import NameParts, name_parts
from kartoteka.resolve.scoring import (  # noqa: F401 - re-exported: callers import them here
    MIN_PROFILES_TO_TRAIN,
    TF_COLUMNS,
    Candidate,
    Decision,
    KnownModel,
    paused_gc,
    prior_match_probability,
    score_persons,
    surname_frequencies,
)

DEFAULT_THRESHOLD = 0.9
DEFAULT_REVIEW_BAND = (0.5, 0.9)
# A person named in this many documents, and this many times as many as any namesake, is the
# one a profile that fits both means (see _ambiguous_pairs).
PROMINENT_DOCUMENTS = 3
PROMINENCE_RATIO = 3


@dataclass(frozen=True, slots=True)
class ScoredPair:
    a: str
    b: str
    probability: float
    features: dict[str, Any]
    decision: Decision

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScoredPair:
        return cls(**data)


@dataclass
class Linkage:
    clusters: list[list[str]]
    pairs: list[ScoredPair] = field(default_factory=list)
    model: dict[str, Any] = field(default_factory=dict)  # Splink settings JSON, as scored
    # The person model as linked with: m/u, the threshold reviewers' rejections raised, what it
    # learnt (``person_model``); and the name frequencies a trained run adjusted weights by.
    learnt: LearntModel | None = None
    term_frequencies: dict[str, dict[str, float]] = field(default_factory=dict)

    def cluster_of(self, key: str) -> list[str]:
        for cluster in self.clusters:
            if key in cluster:
                return cluster
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "clusters": self.clusters,
            "pairs": [p.to_dict() for p in self.pairs],
            "model": self.model,
            "learnt": self.learnt.to_dict() if self.learnt else None,
            "term_frequencies": self.term_frequencies,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Linkage:
        return cls(
            clusters=[list(c) for c in data["clusters"]],
            pairs=[ScoredPair.from_dict(p) for p in data.get("pairs", [])],
            model=data.get("model", {}),
            learnt=LearntModel.from_dict(data["learnt"]) if data.get("learnt") else None,
            term_frequencies=data.get("term_frequencies") or {},
        )


def ordered_pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _surname_review(c: Candidate, parts: dict[str, NameParts]) -> str | None:
    """Why a likely pair waits for a historian on its surnames: two that share nothing (level
    "else": a married name? a namesake?), or a bare surname meeting a second reading only
    ("Solovov" against "Solovyov"): a surname alone links by itself only to the same one."""
    level = c.features.get("surname", {}).get("level")
    bare = not parts[c.a].given or not parts[c.b].given
    return "surnames_differ" if level == "else" else (
        "surname_variant_only" if bare and level not in SAME_SURNAME else None)


def _distinct_people(a: NameParts, b: NameParts) -> bool:
    """Names that cannot be one person's. Dates alone do not count: one full name with two
    death years is likelier one person and a wrong date, no rival (clusters stay apart)."""
    return bool(set(conflicts(a, b)) - DATE_CONFLICTS)


def _ambiguous_pairs(
    candidates: list[Candidate],
    parts: dict[str, NameParts],
    documents: dict[str, str],
    decisions: Decisions,
    threshold: float,
    against: frozenset[tuple[str, str]] = frozenset(),
) -> set[tuple[str, str]]:
    """Pairs whose profile fits two different people about equally well: a bare "Orlov" with
    Ivan Orlov and Pyotr Orlov. "About equally" means the better fit is not ``threshold`` likely
    against the other: the weight gap is below log2(threshold / (1 - threshold)).

    One exception: when one of the people is named in at least PROMINENT_DOCUMENTS documents
    and PROMINENCE_RATIO times as many as any rival, the profile is that person's. A text that
    writes "Uborevich" without introducing him means the Uborevich its readers know, not his
    father named once in a biography."""
    margin = math.log2(threshold / (1.0 - threshold))
    partners: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for c in candidates:
        partners[c.a].append((c.weight, c.b))
        partners[c.b].append((c.weight, c.a))

    def apart(x: str, y: str) -> bool:
        return (decisions.cannot(x, y) or _distinct_people(parts[x], parts[y])
                or ordered_pair(x, y) in against)

    decided = {k for pair in decisions.cannot_link for k in pair}

    def any_apart(close: list[str]) -> bool:
        if against or decided.intersection(close):
            return any(apart(x, y) for i, x in enumerate(close) for y in close[i + 1:])
        # No decision among them: apart by names alone, so one check a pair of distinct names.
        names = Counter(parts[x] for x in close)
        return any(_distinct_people(x, y) for i, (x, n) in enumerate(names.items())
                   for y in [x] * (n > 1) + list(names)[i + 1:])

    ambiguous: set[tuple[str, str]] = set()
    for key, options in partners.items():
        if len(options) < 2:
            continue
        best = max(w for w, _ in options)
        close = sorted(other for w, other in options if w >= best - margin)
        if not any_apart(close):
            continue
        # Support counts the documents that name a person with a given name: a bare surname
        # fits everyone and tells no one apart.
        named = [x for x in close if parts[x].given]
        fellows = {x: [y for y in close if y == x or not apart(x, y)] for x in named}
        support = {x: len({documents[y] for y in fellows[x] if parts[y].given}) for x in named}
        leader = max(named, key=lambda x: (support[x], x), default=None)
        rivals = [y for y in close if leader is not None and y not in fellows[leader]]
        rival_support = max((support.get(y, 1) for y in rivals), default=0)
        coherent = leader is not None and not any(
            apart(x, y) for i, x in enumerate(fellows[leader]) for y in fellows[leader][i + 1:])
        if coherent and rivals and support[leader] >= max(
                PROMINENT_DOCUMENTS, PROMINENCE_RATIO * rival_support):
            ambiguous.update(ordered_pair(key, y) for y in rivals)
            continue
        for i, x in enumerate(close):
            for y in close[i + 1:]:
                if apart(x, y):
                    ambiguous.add(ordered_pair(key, x))
                    ambiguous.add(ordered_pair(key, y))
    return ambiguous


def linkable_pairs(
    candidates: list[Candidate],
    persons: Sequence[Profile],
    parts: dict[str, NameParts],
    decisions: Decisions,
    threshold: float,
    against: frozenset[tuple[str, str]] = frozenset(),
) -> tuple[list[Candidate], set[tuple[str, str]]]:
    """The pairs likely enough to join and free of refusals, and which of them are ambiguous;
    pairs of a name its own document could not place, or of a surname alone on a variant, are
    sent to review on the way (the full and the incremental linker share these rules)."""
    unresolved = {p.key for p in persons if p.unresolved}
    likely = [c for c in candidates if (c.probability >= threshold or "lone_surname" in c.features)
              and not c.reasons and not decisions.cannot(c.a, c.b)]
    for c in likely:
        if c.a in unresolved or c.b in unresolved:
            c.decision = "review"  # its own document could not tell whose name it is
            c.features["unresolved"] = True
        elif reason := _surname_review(c, parts):
            c.decision = "review"
            c.features[reason] = True
    linkable = [c for c in likely if c.decision is None]
    documents = {p.key: p.document_id for p in persons}
    return linkable, _ambiguous_pairs(linkable, parts, documents, decisions, threshold, against)


@dataclass
class _PersonLinks:
    pairs: list[ScoredPair] = field(default_factory=list)
    model: dict[str, Any] = field(default_factory=dict)
    learnt: LearntModel | None = None
    term_frequencies: dict[str, dict[str, float]] = field(default_factory=dict)


def _link_persons(
    persons: list[Profile],
    decisions: Decisions,
    clusters: ConstrainedClusters,
    *,
    backend: str,
    threshold: float,
    review_band: tuple[float, float],
    keep_pairs_from: float,
    known: KnownModel | None = None,
) -> _PersonLinks:
    if len(persons) < 2:
        return _PersonLinks()
    parts = {p.key: name_parts(p) for p in persons}
    clusters.parts.update(parts)
    scored = score_persons(
        persons, parts, backend=backend, keep_pairs_from=keep_pairs_from,
        # Merges reviewers accepted teach the model what one person's profiles look like here.
        labelled_pairs=labelled_pairs(decisions.must_link, parts.keys()), known=known,
        # A reviewer's pair is returned at any probability (rejections raise the threshold).
        decided=decisions.must_link | decisions.cannot_link,
    )
    candidates, rows, train, order = scored.candidates, scored.rows, scored.trained, scored.by_keys
    model, frequencies, against = scored.model, scored.term_frequencies, scored.against
    del scored  # the candidates go one by one below, each as its pair is made
    with paused_gc():  # hundreds of thousands of pairs decided: no cycles made
        # Merges reviewers rejected raise the line when the model keeps proposing such pairs
        # (only their pairs' probabilities are read: no map of every pair without them).
        learnt = person_model(model, decisions=decisions, keys=parts.keys(), probability={
            (c.a, c.b): c.probability for c in candidates} if decisions.cannot_link else {},
            link_threshold=threshold, trained=train)
        threshold = learnt.link_threshold
        if not train:  # from here on surname frequencies weigh a rare surname up (lone.py)
            mark_lone_surnames(candidates, rows, parts, threshold)
        # Two namesakes told apart by a date or place make a profile that fits both ambiguous, as
        # two different given names do; on a trained model only, where a date's weight is learnt
        # from the input (the prior's would count a wrong year as a second person).
        linkable, ambiguous = linkable_pairs(candidates, persons, parts, decisions, threshold,
                                             against if train else frozenset())
        clusters.set_against(against)
        for c in linkable:
            if (c.a, c.b) in ambiguous:
                c.decision = "review"
                c.features["ambiguous"] = True
                continue
            refusal = clusters.try_union(c.a, c.b)
            if refusal is not None:
                c.decision = "review"
                c.features["refused"] = refusal
        del linkable, ambiguous
        pairs = []  # each candidate let go as its pair is made: never two lists of every pair
        while candidates:
            c = candidates.pop()
            pairs.append(ScoredPair(c.a, c.b, c.probability, c.features, person_decision(
                c, clusters, decisions, threshold, review_band)))
        # made last to first (~i counts from the end), put in (a, b) order as scored
        return _PersonLinks([pairs[~i] for i in order.tolist()], model, learnt, frequencies)


def person_decision(
    c: Candidate,
    clusters: ConstrainedClusters,
    decisions: Decisions,
    threshold: float,
    review_band: tuple[float, float],
) -> Decision:
    if (c.a, c.b) in decisions.must_link or (c.b, c.a) in decisions.must_link:
        return "must-link"
    if decisions.cannot(c.a, c.b):
        return "cannot-link"
    if clusters.same(c.a, c.b):
        return "linked"
    if c.decision is not None:
        return c.decision
    if c.reasons:
        # Names agree and the model is sure, but the dates differ: a historian should look.
        dates_only = set(c.reasons) <= DATE_CONFLICTS
        return "review" if dates_only and c.probability >= threshold else "kept-apart"
    if review_band[0] <= c.probability < max(review_band[1], threshold):
        return "review"
    return "kept-apart"


def _name_keys_of(profile: Profile) -> set[str]:
    """Normalised names of an organisation or place (Latin skeleton, so НКВД meets NKVD)."""
    keys = {fold(name) or name.strip().lower() for name in [profile.label, *profile.names]}
    return {key for key in keys if key}


def _family_keys_of(profile: Profile) -> set[str]:
    name = profile.surname or profile.label
    key = surname_key(name) if name else ""
    return {key} if key else set()


def _link_by_key(profiles: list[Profile], clusters: ConstrainedClusters, decisions: Decisions,
                 keys_of: Any, rule: str) -> list[ScoredPair]:
    """Join profiles of one kind that share a normalised key; decisions still bind."""
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    for profile in profiles:
        for key in sorted(keys_of(profile)):
            by_key[(profile.kind, key)].append(profile.key)
    pairs: dict[tuple[str, str], ScoredPair] = {}
    for (_, key), (first, *others) in sorted(by_key.items()):
        for other in others:
            pair = ordered_pair(first, other)
            if pair in pairs:
                continue
            refusal = clusters.try_union(first, other)
            decision: Decision = "cannot-link" if decisions.cannot(first, other) else (
                "review" if refusal is not None else "linked")
            pairs[pair] = ScoredPair(pair[0], pair[1], 1.0, {"rule": rule, "key": key}, decision)
    return list(pairs.values())


def _decision_pairs(decisions: Decisions, keys: set[str],
                    scored: set[tuple[str, str]]) -> list[ScoredPair]:
    """Human decisions on pairs the model never compared (different blocks, kinds, names)."""
    out = []
    for decided, decision, probability in (
        (decisions.must_link, "must-link", 1.0),
        (decisions.cannot_link, "cannot-link", 0.0),
    ):
        for a, b in sorted(decided):
            pair = ordered_pair(a, b)
            if a in keys and b in keys and a != b and pair not in scored:
                scored.add(pair)
                out.append(ScoredPair(pair[0], pair[1], probability,
                                      {"scored": False}, decision))  # type: ignore[arg-type]
    return out


def link_profiles(
    profiles: Sequence[Profile],
    *,
    decisions: Decisions = Decisions(),  # noqa: B008 - frozen, never mutated
    backend: str = "duckdb",
    threshold: float = DEFAULT_THRESHOLD,
    review_band: tuple[float, float] = DEFAULT_REVIEW_BAND,
    keep_pairs_from: float = 0.01,
    known: KnownModel | None = None,
) -> Linkage:
    """Cluster profiles into entities across documents and scripts.

    Every profile lands in exactly one cluster. Person pairs scoring at least ``threshold`` are
    joined unless a rule forbids it; pairs in ``review_band`` (and refused or ambiguous links)
    are marked "review". Scored pairs below ``keep_pairs_from`` are not returned. ``known``: a
    model computed on the whole collection to score these (a part of it) with, untrained.
    """
    # The cycle collector is paused for the whole run: its walks over every record, pair and
    # feature alive took 3 s of 26 s CPU at 100,000 profiles (the cycles made wait: +13 MB).
    with paused_gc():
        keys = [p.key for p in profiles]
        if len(set(keys)) != len(keys):
            raise ValueError("profile keys must be unique")
        ordered = sorted(profiles, key=lambda p: p.key)  # input order must not change the result
        clusters = ConstrainedClusters((p.key for p in ordered), decisions)
        apply_must_links(clusters, decisions)
        persons = [p for p in ordered if p.kind == "person"]
        linked = _link_persons(persons, decisions, clusters, backend=backend, known=known,
                               threshold=threshold, review_band=review_band,
                               keep_pairs_from=keep_pairs_from)
        named = [p for p in ordered if p.kind in ("organization", "place")]
        others = _link_by_key(named, clusters, decisions, _name_keys_of, "same normalised name")
        groups = [p for p in ordered if p.kind == "group"]
        others += _link_by_key(groups, clusters, decisions, _family_keys_of, "same family name key")
        if decisions.must_link or decisions.cannot_link:  # else no pair to add: no set of all
            others += _decision_pairs(decisions, set(keys), {
                (p.a, p.b) for p in itertools.chain(linked.pairs, others)})
        others.sort(key=attrgetter("a", "b"))  # few; the person pairs come in (a, b) order
        pairs = list(heapq.merge(linked.pairs, others, key=attrgetter("a", "b")))
        return Linkage(clusters=clusters.clusters(), pairs=pairs, model=linked.model,
                       learnt=linked.learnt, term_frequencies=linked.term_frequencies)
