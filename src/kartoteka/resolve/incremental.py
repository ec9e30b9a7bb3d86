"""Incremental linking: new person profiles against the stored entities, with no Splink run.

During ingest each file adds a handful of person profiles to a store that may hold thousands.
Linking them used to mean a whole Splink run (settings, table registration, ``predict``) over
every profile of the blocks they touch; here the few candidate pairs that involve a new
profile are scored directly, in Python, and each new profile is attached to the stored entity
it matches above the line, or stays on its own (its pairs to review), exactly as the full
linker (``across.link_profiles``) decides.

One definition of the model: each pair is scored by ``pair_scores.score_pair`` from the Splink
level objects of ``comparisons.py`` and the prior's m and u, or a trained model's (``relink``
passes the one the last full run stored, with its threshold, the size of the collection it was
computed on and its name frequencies). Blocking (a
shared bounded block key, or the same given name and patronymic) and everything after scoring
(conflicts, lone surnames, ambiguity, unresolved names, human decisions, the review band) are
the full linker's own functions.

What stays the full linker's: stored profiles keep their entities. A new profile whose links
join two stored entities (it bridges them: the same prisoner stored under two name forms)
joins them here, from its scores, when the full linker's rules would: both links above the
line, neither ambiguous, no conflict or "not the same" between the two sides. A new profile
that must be linked across two stored entities by hand, that makes a stored link doubtful (it
fits a stored profile as well as that profile's entity does), or that makes a stored lone surname
shared (``lone.py``: links made under that rule may no longer hold), or that meets a stored
entity whose members today's scores no longer link up, is not attached here but
returned in ``Attachment.bridges``: reshaping stored entities is decided by relinking their
neighbourhood.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kartoteka.resolve.across import (
    DEFAULT_REVIEW_BAND,
    DEFAULT_THRESHOLD,
    ScoredPair,
    linkable_pairs,
    ordered_pair,
    person_decision,
)

# _finite and _probability: pair_features' and score_pair's own steps, so that a remembered pair
# gives the very floats and features scoring it again would.
from kartoteka.resolve.comparisons import _finite, load_prior, pair_features
from kartoteka.resolve.constraints import ConstrainedClusters, apply_must_links, conflicts
from kartoteka.resolve.death_years import differ
from kartoteka.resolve.incremental_memo import PAIRS as _PAIRS
from kartoteka.resolve.incremental_memo import ROWS as _ROWS
from kartoteka.resolve.lone import lone_surnames, mark_lone_surnames
from kartoteka.resolve.pair_scores import _probability, model_weights, prior_weights, score_pair
from kartoteka.resolve.profile import Decisions, Profile
from kartoteka.resolve.records import bound_blocks, person_row
from kartoteka.resolve.scoring import MIN_PROFILES_TO_TRAIN, TF_COLUMNS, surname_frequencies
from kartoteka.resolve.scoring import Candidate as _Candidate
from kartoteka.resolve.scoring import prior_match_probability as _prior_match_probability


@dataclass
class Attachment:
    """What incremental linking decided for a batch of new profiles."""

    entity_of: dict[str, str | None]  # new key -> the stored entity it joins (None: a new one)
    groups: list[list[str]]  # new keys that form one cluster (with their stored entity, if any)
    pairs: list[ScoredPair] = field(default_factory=list)  # every kept pair with a new profile
    bridges: set[str] = field(default_factory=set)  # new keys left to the full linker
    # new key -> every stored entity its cluster holds: two or more when it joins them
    entities_of: dict[str, list[str]] = field(default_factory=dict)


def frequency_values(profiles: Sequence[Profile]) -> dict[str, set[str]]:
    """The values of the frequency-adjusted columns (``scoring.TF_COLUMNS``) these profiles'
    records hold: what to look up in a stored model's name frequencies."""
    out: dict[str, set[str]] = {column: set() for column in TF_COLUMNS}
    for profile in profiles:
        row = person_row(profile)
        for column in TF_COLUMNS:
            if row[column]:
                out[column].add(row[column])
    return out


def _candidate_index(rows: Sequence[dict[str, Any]]) -> dict[tuple[str, str], list[int]]:
    """Row indexes by blocking value: the two rules of ``comparisons.person_blocking_rules``."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        for key in row["block_keys"] or ():
            index[("b", key)].append(i)
        if row["pair_block_key"]:
            index[("p", row["pair_block_key"])].append(i)
    return index


def _partners(i: int, rows: Sequence[dict[str, Any]],
              index: Mapping[tuple[str, str], list[int]]) -> set[int]:
    row = rows[i]
    found: set[int] = set()
    for key in row["block_keys"] or ():
        found.update(index[("b", key)])
    if row["pair_block_key"]:
        found.update(index[("p", row["pair_block_key"])])
    found.discard(i)
    return found


def attach_profiles(
    new: Sequence[Profile],
    stored: Sequence[Profile],
    entity_of: Mapping[str, str | None],
    *,
    decisions: Decisions = Decisions(),  # noqa: B008 - frozen, never mutated
    model: Mapping[str, Any] | None = None,
    population: int | None = None,
    term_frequencies: Mapping[str, Mapping[str, float]] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    review_band: tuple[float, float] = DEFAULT_REVIEW_BAND,
    keep_pairs_from: float = 0.01,
) -> Attachment:
    """Attach new person profiles to the stored entities they match.

    ``stored``: the stored person profiles that may meet them (the blocks they touch, and any a
    decision ties them to), with ``entity_of`` their entities. ``model``: a trained Splink
    model (settings JSON, ``Linkage.model``); without one the prior's m and u are used.
    ``population``: how many profiles the chance that two are one person is reckoned over
    (default: these, as the neighbourhood linker reckons it); from 1,000 on, surname
    frequencies adjust the weights: ``term_frequencies`` (column -> value -> frequency, as the
    last full run counted them), else counted over these profiles.
    """
    new = sorted(new, key=lambda p: p.key)
    new_keys = {p.key for p in new}
    stored = sorted((p for p in stored if p.key not in new_keys), key=lambda p: p.key)
    persons = [*stored, *new]
    if not new:
        return Attachment({}, [])
    parts, rows, held_profiles = _ROWS.rows(persons)
    bound_blocks(rows)
    prior = load_prior()
    population = population or len(persons)
    train = population >= MIN_PROFILES_TO_TRAIN
    weights = model_weights(model) if model else prior_weights(prior, term_frequencies=train)
    tf = None
    if train:
        tf = term_frequencies or {c: surname_frequencies(rows, c) for c in TF_COLUMNS}
    lam = _prior_match_probability(population, prior["profiles_per_entity"])
    log2_odds = math.log2(lam / (1.0 - lam))

    index = _candidate_index(rows)
    position = {row["unique_id"]: i for i, row in enumerate(rows)}
    scored: dict[tuple[str, str], _Candidate] = {}
    seen: set[tuple[str, str]] = set()

    weights_token = _PAIRS.token(weights)

    def score_around(i: int) -> None:
        for j in _partners(i, rows, index):
            a, b = ordered_pair(rows[i]["unique_id"], rows[j]["unique_id"])
            if (a, b) in seen:
                continue
            seen.add((a, b))
            left, right = rows[position[a]], rows[position[b]]
            known = _PAIRS.scored(a, b, held_profiles[a], held_profiles[b], weights_token, tf,
                                  left, right)
            if known is None:
                row = score_pair(left, right, weights, log2_odds, tf)
                features = reasons = None
                if row["match_probability"] >= keep_pairs_from:
                    reasons = conflicts(parts[a], parts[b])
                    features = pair_features(row, reasons)
                known = _PAIRS.keep(a, b, held_profiles[a], held_profiles[b], weights_token,
                                    tf, left, right, row, features, reasons)
            total = log2_odds
            for term in known.terms:  # the order score_pair adds them in: the same float
                total += term
            probability = _probability(total)
            if probability < keep_pairs_from:
                continue
            if known.features is None:  # kept below the line, now above it: score it whole
                row = score_pair(left, right, weights, log2_odds, tf)
                reasons = conflicts(parts[a], parts[b])
                known = _PAIRS.keep(a, b, held_profiles[a], held_profiles[b], weights_token,
                                    tf, left, right, row, pair_features(row, reasons), reasons)
            features = known.feature_dict()
            features["match_weight"] = _finite(float(total))
            features["conflicts"] = list(known.reasons)
            features.update(differ(parts[a], parts[b]))  # as the full linker shows them
            scored[(a, b)] = _Candidate(a, b, probability, total, features, known.reasons)

    for p in new:
        score_around(position[p.key])
    if not train:  # below 1,000 profiles a lone surname may link under the line (lone.py)
        mark_lone_surnames(list(scored.values()), rows, parts, threshold)
    # A stored profile a new one may join brings its own candidates: whether the new profile
    # fits it alone or makes it fit two people (ambiguity) depends on them.
    for key in sorted({k for (a, b), c in scored.items()
                       if (c.probability >= threshold or "lone_surname" in c.features)
                       and not c.reasons for k in (a, b) if k not in new_keys}):
        score_around(position[key])
    # The stored entities a new profile may join are scored whole: whether they still hold
    # together under today's scores (the chance of a match falls as the blocks grow).
    near = {entity_of.get(k) or k for a, b in scored if a in new_keys or b in new_keys
            for k in (a, b) if k not in new_keys}
    held: dict[str, list[str]] = defaultdict(list)
    for p in stored:
        if (entity_of.get(p.key) or p.key) in near:
            held[entity_of.get(p.key) or p.key].append(p.key)
    for keys in held.values():
        for key in keys if len(keys) > 1 else ():
            score_around(position[key])
    candidates = sorted(scored.values(), key=lambda c: (-c.probability, c.a, c.b))
    reshaping: set[str] = set()
    if not train:
        mark_lone_surnames(candidates, rows, parts, threshold)
        # A new bearer who makes a stored lone surname shared (Sergey Kamenev beside Lev and a
        # bare "Kamenev" linked to him) undoes links made under the lone rule: full linker's.
        lost = lone_surnames(rows[:len(stored)], parts) - lone_surnames(rows, parts)
        reshaping = {p.key for p in new if rows[position[p.key]]["surname_key"] in lost}
    reshaping |= _falling_apart(candidates, held, new_keys, decisions, threshold)
    return _decide(candidates, persons, parts, new_keys, entity_of, decisions,
                   threshold, review_band, reshaping)


def _falling_apart(candidates: list[_Candidate], held: Mapping[str, list[str]],
                   new_keys: set[str], decisions: Decisions, threshold: float) -> set[str]:
    """New profiles next to a stored entity whose members no longer link up under today's
    scores: relinking their neighbourhood would split it, so the full linker decides."""
    strong: dict[str, set[str]] = defaultdict(set)
    for c in candidates:
        if (c.probability >= threshold or "lone_surname" in c.features) and not c.reasons \
                and not decisions.cannot(c.a, c.b):
            strong[c.a].add(c.b)
            strong[c.b].add(c.a)
    for a, b in decisions.must_link:
        strong[a].add(b)
        strong[b].add(a)
    out: set[str] = set()
    for keys in held.values():
        members = set(keys)
        reached, todo = {keys[0]}, [keys[0]]
        while todo:
            for other in strong[todo.pop()] & members - reached:
                reached.add(other)
                todo.append(other)
        if reached != members:
            out |= {c.a if c.a in new_keys else c.b for c in candidates
                    if {c.a, c.b} & members and {c.a, c.b} & new_keys}
    return out


def _decide(
    candidates: list[_Candidate],
    persons: list[Profile],
    parts: dict[str, Any],
    new_keys: set[str],
    entity_of: Mapping[str, str | None],
    decisions: Decisions,
    threshold: float,
    review_band: tuple[float, float],
    reshaping: set[str],
) -> Attachment:
    """The full linker's rules over the scored pairs, with stored entities held as they are."""
    linkable, ambiguous = linkable_pairs(candidates, persons, parts, decisions, threshold)

    clusters = ConstrainedClusters((p.key for p in persons), decisions, dict(parts))
    members: dict[str, list[str]] = defaultdict(list)
    for p in persons:
        if p.key not in new_keys:
            members[entity_of.get(p.key) or p.key].append(p.key)
    for keys in members.values():
        for other in keys[1:]:
            clusters.force_union(keys[0], other)
    apply_must_links(clusters, decisions)
    stored_entity = {k: entity_of.get(k) or k for keys in members.values() for k in keys}

    def entities(key: str) -> set[str]:
        return {stored_entity[k] for k in clusters.members[clusters.find(key)]
                if k in stored_entity}

    def new_in(key: str) -> set[str]:
        return {k for k in clusters.members[clusters.find(key)] if k in new_keys}

    bridges: set[str] = set(reshaping)
    for key in sorted(new_keys):  # a must-link across two stored entities: the full linker's
        if len(entities(key)) > 1:
            bridges.add(key)
    # A new profile that makes a stored link doubtful (a new Pyotr Orlov beside a bare "Orlov"
    # stored with Ivan Orlov) reshapes a stored entity: the full linker's decision too.
    doubtful = {k for x, y in ambiguous if x not in new_keys and y not in new_keys
                and stored_entity.get(x) == stored_entity.get(y) for k in (x, y)}
    bridges |= {c.a if c.a in new_keys else c.b for c in linkable
                if {c.a, c.b} & doubtful and {c.a, c.b} & new_keys}
    for c in linkable:
        if c.a not in new_keys and c.b not in new_keys:
            continue  # stored with stored: context for the ambiguity rule only
        if (c.a, c.b) in ambiguous:
            c.decision = "review"
            c.features["ambiguous"] = True
            continue
        refusal = clusters.blocked_by(c.a, c.b)
        if refusal is not None:
            c.decision = "review"
            c.features["refused"] = refusal
            continue
        joined = new_in(c.a) | new_in(c.b)
        if joined & bridges:
            bridges |= joined
            continue
        # A bridge (its links join two stored entities) is decided here from its scores, as
        # the full linker decides it: above the line, not ambiguous, and no conflict or "not
        # the same" between the two sides (``blocked_by`` above); the rest of its
        # neighbourhood is held as it is, which the checks above (doubtful links, lone
        # surnames, entities falling apart) make the full linker's answer too.
        clusters.force_union(c.a, c.b)

    # Stored pairs across two entities a new profile joined are decided again (now linked),
    # as the full linker would write them.
    merged = {clusters.find(k) for k in new_keys - bridges if len(entities(k)) > 1}
    pairs = [
        ScoredPair(c.a, c.b, c.probability, c.features,
                   person_decision(c, clusters, decisions, threshold, review_band))
        for c in candidates
        if not {c.a, c.b} & bridges and (
            c.a in new_keys or c.b in new_keys
            or (clusters.find(c.a) in merged and clusters.same(c.a, c.b)
                and stored_entity[c.a] != stored_entity[c.b]))
    ]
    entity_of_new: dict[str, str | None] = {}
    entities_of_new: dict[str, list[str]] = {}
    groups: dict[str, list[str]] = defaultdict(list)
    for key in sorted(new_keys - bridges):
        held = sorted(entities(key))
        entity_of_new[key] = held[0] if held else None
        entities_of_new[key] = held
        groups[clusters.find(key)].append(key)
    return Attachment(entity_of_new, sorted(groups.values()), pairs, bridges, entities_of_new)


__all__ = ["Attachment", "attach_profiles", "frequency_values", "model_weights", "prior_weights",
           "score_pair"]
