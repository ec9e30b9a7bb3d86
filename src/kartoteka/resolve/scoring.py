"""Person pairs as the model scores them: records, name frequencies, the Splink run, and each
pair's features and rule conflicts.

``across.py`` decides what the scored pairs mean (links, reviews, clusters); this module only
turns profiles into scored candidates. Name keys are built once per distinct name form
(``records.py``), blocks are bounded, and the pairs come back from the database already
filtered at ``keep_pairs_from``, so time and memory grow with the candidate pairs.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Literal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from kartoteka.resolve.comparisons import (
    FEATURE_NAMES,
    INITIAL_TF_COLUMNS,
    batch_features,
    finite_weight,
    load_prior,
    person_blocking_rules,
    person_comparisons,
    person_em_rules,
)
from kartoteka.resolve.constraints import (
    AGAINST_FIELDS,
    PartsIndex,
    evidence_against,
    pair_conflicts,
)
from kartoteka.resolve.death_years import DIFFER, YEAR_TOLERANCE
from kartoteka.resolve.dialect import columns_table
from kartoteka.resolve.linker import score_pairs
from kartoteka.resolve.predict import PAIR_ID_COLUMNS, LevelWeights
from kartoteka.resolve.profile import Profile
from kartoteka.resolve.records import (
    PERSON_COLUMNS,
    SET_COLUMNS,
    NameParts,
    forget_name_columns,
    record_columns,
)

Decision = Literal["linked", "review", "kept-apart", "must-link", "cannot-link"]
# Below this many person profiles the prior m/u (data/person_prior.json) is used as it is;
# from here on u is re-estimated from the input, EM refines m on pairs that share a surname key
# (so the surname's own m stays the prior's), and surname frequencies adjust the weights.
MIN_PROFILES_TO_TRAIN = 1000
TF_COLUMNS = ("surname_folded", "surname_key", "given_key", "patronymic_key")  # tf-adjusted
# The name columns that, beside a term-frequency column, tell its bearers apart.
_BEARER_COLUMNS = ("surname_key", "given_key", "patronymic_key")
# On a trained model, pairs scoring below this never become candidates (nor returned pairs),
# unless a reviewer decided them: no rule reads them as anything but "kept apart". Links need
# the link threshold (0.9, raised by rejections, never lowered), reviews the review band's
# floor (0.5) or the threshold; the one rule that links below the line, a lone bare surname
# (lone.py), runs untrained only, and a pair's strong evidence against (constraints.py) is
# still read from every pair the database returns. At 100,000 records (people generator)
# 124,545 of 231,909 pairs score below it. A stored link that falls under it is dropped as
# stale (store/links.py), like any pair the linker no longer returns.
CANDIDATE_FLOOR = 0.1


# The untrained prior's u are fixed figures, not counts of this collection, so they cannot say
# that a larger collection holds more namesakes: below MIN_PROFILES_TO_TRAIN the chance of a
# match is reckoned over at most this many profiles, about the neighbourhood ingest scores a
# file's persons in (the stored profiles sharing their blocks). Reckoned over the whole
# collection instead, `kartoteka resolve` on the 103 development texts (516 profiles) undid a
# third of what ingest had linked (F1 0.97 -> 0.65); at 30 or 100 it gives ingest's 0.97 at
# the same precision. From MIN_PROFILES_TO_TRAIN on, u and the name frequencies are counted in
# the collection, so the chance falls with its size as it should.
PRIOR_POPULATION = 100


def prior_match_probability(n_profiles: int, profiles_per_entity: float) -> float:
    """Chance that two random profiles are one person, if each person has on average
    ``profiles_per_entity`` profiles: (k - 1) / (n - 1), kept within [1e-7, 0.5]; ``n`` is at
    most PRIOR_POPULATION while the collection is too small to train on."""
    if n_profiles < MIN_PROFILES_TO_TRAIN:
        n_profiles = min(n_profiles, PRIOR_POPULATION)
    if n_profiles < 2:
        return 0.5
    return min(0.5, max(1e-7, (profiles_per_entity - 1.0) / (n_profiles - 1)))


def surname_frequencies(rows: Sequence[dict[str, Any]], column: str) -> dict[str, float]:
    """``column_frequencies`` of linkage records held one dict a record."""
    return column_frequencies(
        {name: [row[name] for row in rows] for name in {column, *_BEARER_COLUMNS}}, column)


def column_frequencies(columns: dict[str, list[Any]], column: str) -> dict[str, float]:
    """How often a name is another person's: its records that are not its bearer's own, / n,
    at least 1 / n (``columns``: linkage records by column, records.record_columns).

    Splink would count every record of a name, so a surname one person bears, listed four
    times, would look four times as common among other people as it is. The records of a name
    are shared among its bearers, told apart by their other name parts (Ivan and Pyotr
    Orlov); one bearer's share is left out."""
    values = columns[column]
    others = [columns[name] for name in _BEARER_COLUMNS if name != column]
    # Counted in C over the records, then in Python over the distinct (name, bearer) rows only.
    counts = Counter(values)
    bearers: Counter[str] = Counter(
        row[0] for row in set(zip(values, *others, strict=True)) if row[0] and any(row[1:]))
    n = max(len(values), 1)
    return {value: max(count * (1.0 - 1.0 / max(bearers[value], 1)), 1.0) / n
            for value, count in counts.items() if value}


# The rarest letter counts as met in this share of the names: the frequencies are counted on
# a thousand profiles or more, where a letter met a handful of times is rare by chance.
MIN_INITIAL_SHARE = 0.01


def initial_frequencies(
    columns: dict[str, list[Any]], known: dict[str, dict[str, float]] | None = None,
) -> dict[str, dict[str, float]]:
    """Add each record's likeliest initial letter (``INITIAL_TF_COLUMNS``) to ``columns`` and
    return, per letter, the chance that a random pair of records reaches the initial level on
    it: q * f, where f is the share of records whose name or initial may start with the letter
    and q the share of pairs with at least one side known by its initial alone. A pair on a
    letter weighs log2(m / (q * f)): about log2(1 / f) where initials are as common among
    one person's records as among any. ``known``: such tables counted before on the whole
    collection, to choose the letters by and return instead."""
    out: dict[str, dict[str, float]] = {}
    for name, column in INITIAL_TF_COLUMNS.items():
        letters, keys = columns[f"{name}_letters"], columns[f"{name}_key"]
        if known is not None:
            table = known.get(column, {})
        else:
            counts: Counter[str] = Counter(x for row in letters if row for x in row)
            lettered = sum(1 for row in letters if row)
            initial_only = sum(1 for row, key in zip(letters, keys, strict=True)
                               if row and not key)
            q = 1.0 - (1.0 - initial_only / max(lettered, 1)) ** 2
            table = {x: q * max(n / lettered, MIN_INITIAL_SHARE) for x, n in counts.items()}
        # A Latin initial may stand for several letters (J.: Я, Ю, Е, Й): the commonest speaks.
        columns[column] = [max(row, key=lambda x: (table.get(x, 0.0), x)) if row else None
                           for row in letters]
        out[column] = table
    return out


class paused_gc(contextlib.ContextDecorator):  # noqa: N801 - used as a decorator too
    """Python's cycle collector paused while a loop makes hundreds of thousands of dicts,
    lists and objects that hold no cycles: each full collection walks every object alive, and
    over a long list these walks cost more than the loop itself. Restored (if it was on) after,
    so any cycle made meanwhile is still collected."""

    def __enter__(self) -> paused_gc:
        self.was_enabled = gc.isenabled()
        gc.disable()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.was_enabled:
            gc.enable()


def _return_freed_memory() -> None:
    """Hand the memory of the row dicts just let go back to the system (glibc keeps freed
    blocks for reuse, and DuckDB, which scores next, allocates its own)."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # another C library: the memory is reused later
        pass


@dataclass(slots=True)
class Candidate:
    """A scored pair (a < b) before it is decided: its weight, features and rule conflicts."""

    a: str
    b: str
    probability: float
    weight: float
    features: dict[str, Any]
    reasons: tuple[str, ...]
    decision: Decision | None = None


@dataclass
class ScoredPersons:
    candidates: list[Candidate]  # most probable first, ties by keys
    # The linkage records (records.PERSON_COLUMNS) when the model was not trained; a trained
    # model's caller needs none, and a long list's rows are let go before the pairs are scored.
    rows: list[dict[str, Any]]
    model: dict[str, Any] = field(default_factory=dict)
    trained: bool = False
    # column -> value -> frequency, as the weights were adjusted by them (trained runs only)
    term_frequencies: dict[str, dict[str, float]] = field(default_factory=dict)
    # The pairs (a, b) with strong evidence against (constraints.evidence_against)
    against: frozenset[tuple[str, str]] = frozenset()
    # Positions in ``candidates`` in order of (a, b): what the pairs are returned in
    by_keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))


@dataclass(frozen=True)
class KnownModel:
    """A model computed before on the whole collection (the one ``kartoteka resolve`` stored),
    to score a part of it with as it is: nothing is trained on the part."""

    comparisons: dict[str, dict[str, list[float]]]  # m/u per level, the prior file's shape
    population: int  # profiles the chance of a match is reckoned over (the collection's)
    term_frequencies: dict[str, dict[str, float]] | None = None  # from 1,000 profiles on


def score_persons(
    persons: Sequence[Profile],
    parts: dict[str, NameParts],
    *,
    backend: str,
    keep_pairs_from: float,
    labelled_pairs: Sequence[tuple[str, str]] = (),
    known: KnownModel | None = None,
    decided: Iterable[tuple[str, str]] = (),
) -> ScoredPersons:
    """Score candidate pairs of person profiles (``parts``: their ``name_parts`` by key), with
    a model trained on them (from 1,000 on) or the prior, or with a ``known`` one. A trained
    model's pairs below CANDIDATE_FLOOR are left out, but for the ``decided`` ones (pairs a
    reviewer joined or kept apart, either order)."""
    prior = load_prior()
    population = len(persons)
    if known is not None:
        prior, population = {**prior, "comparisons": known.comparisons}, known.population
    train = population >= MIN_PROFILES_TO_TRAIN  # from here on names weigh by frequency
    tf: dict[str, dict[str, float]] = {}
    with paused_gc():  # the records, and the distinct rows the frequencies count, hold no cycles
        columns = record_columns(persons, parts)
        if train:
            tf = dict(known.term_frequencies or {}) if known is not None else {}
            tf = tf or {column: column_frequencies(columns, column) for column in TF_COLUMNS}
    # Initials weigh by their letter when the model is trained on this input, or a known model
    # brings the letters' frequencies (relink's stored model does not: there initials weigh as
    # the level's u says).
    initial_tf: dict[str, dict[str, float]] = {}
    if train and known is None:
        initial_tf = initial_frequencies(columns)
    elif train and set(INITIAL_TF_COLUMNS.values()) <= set(tf):
        initial_tf = initial_frequencies(columns, tf)
    tf = {**tf, **initial_tf}
    table_columns = {**PERSON_COLUMNS, **{c: "string" for c in initial_tf}}

    index = PartsIndex(parts)  # the pairs name profiles by their place among sorted keys
    key_array = pa.array(index.keys, pa.string())
    placed: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    against: list[tuple[str, str]] = []
    floor = max(CANDIDATE_FLOOR, keep_pairs_from) if train else 0.0
    kept = _pair_codes(decided, index.keys) if floor else np.zeros(0, dtype=np.int64)

    @paused_gc()
    def candidates(batch: pa.RecordBatch) -> list[Candidate]:
        left, right = (_positions(batch.column(name), key_array) for name in PAIR_ID_COLUMNS)
        # a < b: the keys are sorted, so their places compare as the keys do
        a, b = np.minimum(left, right), np.maximum(left, right)
        probability, weight = (batch.column(name).cast(pa.float64()).to_numpy(
            zero_copy_only=False) for name in ("match_probability", "match_weight"))
        keys = index.keys
        # Strong evidence against is read on every pair, those under the floor included.
        against.extend((keys[a[i]], keys[b[i]])
                       for i in np.flatnonzero(_evidence_against(batch, probability)))
        if floor:
            keep = probability >= floor
            if len(kept):
                keep |= np.isin(a * len(keys) + b, kept)
            if not keep.all():
                batch = batch.filter(pa.array(keep))
                a, b, probability, weight = a[keep], b[keep], probability[keep], weight[keep]
        placed.append((a, b, probability))
        out, made = [], batch_features(batch)
        for x, y, p, w, features, reasons in zip(
            a.tolist(), b.tolist(), probability.tolist(), weight.tolist(),
            made, pair_conflicts(index, a, b), strict=True,
        ):
            features["conflicts"] = list(reasons)
            out.append(Candidate(keys[x], keys[y], p, w, features, reasons))
        # Two death years a reviewer should see, conflicting or weighed (death_years.differ).
        with np.errstate(invalid="ignore"):
            deaths_apart = np.abs(index.deaths[a] - index.deaths[b]) > YEAR_TOLERANCE
        for i in np.flatnonzero(deaths_apart).tolist():
            out[i].features[DIFFER] = [int(index.deaths[a[i]]), int(index.deaths[b[i]])]
        return out

    table = columns_table(columns, table_columns, coded=SET_COLUMNS)
    # Only an untrained model's lone surnames read the records again (lone.py), as rows.
    rows = [] if train else [dict(zip(columns, values, strict=True))
                             for values in zip(*columns.values(), strict=True)]
    del columns
    if train:
        forget_name_columns()
        _return_freed_memory()
    batch = score_pairs(
        table,
        PERSON_COLUMNS,
        comparisons=person_comparisons(prior, surname_tf=train, given_tf=train, variant_tf=train,
                                       initial_tf=bool(initial_tf)),
        blocking_rules=person_blocking_rules(),
        probability_two_random_records_match=prior_match_probability(
            population, prior["profiles_per_entity"]
        ),
        estimate_u=train and known is None,
        em_blocking_rules=person_em_rules() if train and known is None else (),
        term_frequencies=tf or None,
        min_probability=keep_pairs_from,
        backend=backend,
        labelled_pairs=labelled_pairs,
        consume_batch=candidates,  # pairs become candidates as read: no list of raw rows
        # Under the floor only the pairs that may hold evidence against leave the database
        # (decided pairs are not told apart there: then all are read).
        keep_where=partial(_floor_sql, floor) if floor and not len(kept) else None,
    )
    # Most probable first, ties by keys (sorting on (-probability, a, b)): the order is found
    # on the columns, and the candidates only put in it.
    ordered, by_keys = in_order(batch.pairs, placed)
    placed.clear()
    return ScoredPersons(ordered, rows, batch.model, train, tf, frozenset(against), by_keys)


def in_order(candidates: list[Candidate],
             placed: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]]
             ) -> tuple[list[Candidate], np.ndarray]:
    """``candidates`` most probable first, ties by keys, and the positions in that list in
    order of (a, b); ``placed``: per batch of candidates, the places of a and b among the
    sorted keys and the probabilities, in the candidates' order."""
    if not candidates:
        return candidates, np.zeros(0, dtype=np.int64)
    a, b, probability = (np.concatenate(column) for column in zip(*placed, strict=True))
    order = np.lexsort((b, a, -probability))
    # Read a slice at a time: a Python int for every pair at once would add to the peak.
    ordered = [candidates[i] for part in np.array_split(order, -(-len(order) // 65536))
               for i in part.tolist()]
    return ordered, np.lexsort((b[order], a[order]))


def _floor_sql(floor: float, weights: LevelWeights, adjusted: frozenset[str]) -> str | None:
    """An SQL condition every pair from ``floor`` on and every pair with strong evidence
    against (``_evidence_against``) meets, on the levels (``gamma_X``) alone: a field's
    verdict is its level's weight's. None when a term frequency adjusts such a field's weight
    pair by pair (then the levels cannot tell)."""
    terms = [f"match_probability >= {floor!r}"]
    for name in AGAINST_FIELDS:
        if name not in FEATURE_NAMES or name not in weights:
            continue
        if name in adjusted:
            return None
        against = sorted(gamma for gamma, weight in weights[name].items()
                         if evidence_against(0.0, {name: {"weight": finite_weight(weight)}}))
        if against:
            terms.append(f"gamma_{name} in ({', '.join(map(str, against))})")
    return " or ".join(terms)


def _pair_codes(pairs: Iterable[tuple[str, str]], keys: Sequence[str]) -> np.ndarray:
    """Pairs of profiles as a * len(keys) + b (their places among the sorted ``keys``, a < b),
    sorted; pairs naming a key not among them are left out."""
    place = {key: i for i, key in enumerate(keys)} if pairs else {}
    codes = {min(place[x], place[y]) * len(keys) + max(place[x], place[y])
             for x, y in pairs if x in place and y in place}
    return np.array(sorted(codes), dtype=np.int64)


def _evidence_against(batch: pa.RecordBatch, probability: np.ndarray) -> np.ndarray:
    """``evidence_against(probability, features)`` of every pair of a batch, as a mask: each
    field's verdict is read once per distinct weight (a level's, plus its frequency share if
    any, as ``comparisons.batch_features`` adds them into a feature), no features made."""
    bad = np.zeros(batch.num_rows, dtype=bool)
    names = batch.schema.names
    for name in AGAINST_FIELDS:
        if name not in FEATURE_NAMES:
            continue  # no comparison of that field: no feature, nothing against
        weights = np.zeros(batch.num_rows)
        for column in (f"mw_{name}", f"mw_tf_adj_{name}"):
            if column in names:
                weights = weights + pc.fill_null(batch.column(column).cast(pa.float64()), 0.0
                                                 ).to_numpy(zero_copy_only=False)
        distinct, inverse = np.unique(weights, return_inverse=True)
        verdicts = np.array([evidence_against(0.0, {name: {"weight": finite_weight(w)}})
                             for w in distinct.tolist()], dtype=bool)
        bad |= verdicts[inverse.reshape(-1)]
    return bad & ~(probability >= 0.5)


def _positions(ids: pa.Array | pa.ChunkedArray, keys: pa.Array) -> np.ndarray:
    """The place of each id among ``keys`` (the profiles' sorted keys)."""
    found = pc.index_in(ids, value_set=keys)
    if found.null_count:
        raise ValueError("the database returned a pair of records no profile has")
    return found.to_numpy(zero_copy_only=False).astype(np.int64)
