"""Scoring one pair of linkage records as Splink scores it, in Python, from the same model.

The comparison levels are ``comparisons._levels``' Splink objects, evaluated level by level (a
null level is a NULL on either side, an exact level equality, an array level a shared element,
Jaro-Winkler the similarity DuckDB computes, a year level the absolute difference); m and u are
the prior's (``comparisons.load_prior``) or a trained Splink model's; term-frequency
adjustments follow Splink's formula. ``resolve.incremental`` scores a few candidate pairs this
way instead of a whole Splink run; the scores equal Splink's (tested).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from kartoteka.resolve.comparisons import LEVELS, _levels, load_prior, same_key_m

# Per comparison: (m, u) of each non-null level, in LEVELS order.
Weights = dict[str, list[tuple[float, float]]]


def prior_weights(
    prior: Mapping[str, Any] | None = None, *, term_frequencies: bool = False
) -> Weights:
    """m and u of every level from the prior file (``data/person_prior.json``); with
    ``term_frequencies``, "same main key" takes the m ``comparisons.same_key_m`` gives it."""
    prior = prior or load_prior()
    out: Weights = {name: [tuple(prior["comparisons"][name][level])  # type: ignore[misc]
                           for level in levels] for name, levels in LEVELS.items()}
    if term_frequencies:
        index = LEVELS["surname"].index("same main key")
        out["surname"][index] = (same_key_m(prior["comparisons"]["surname"]),
                                 out["surname"][index][1])
    return out


def model_weights(model: Mapping[str, Any], fallback: Weights | None = None) -> Weights:
    """m and u from a Splink model (settings JSON, ``Linkage.model``); a level the model
    leaves untrained keeps the prior's figure."""
    fallback = fallback or prior_weights()
    out: Weights = {}
    by_name = {c["output_column_name"]: c for c in model.get("comparisons", [])}
    for name in LEVELS:
        given = [lv for lv in by_name.get(name, {}).get("comparison_levels", [])
                 if not lv.get("is_null_level")]
        out[name] = [
            (float(given[i].get("m_probability", m)) if i < len(given) else m,
             float(given[i].get("u_probability", u)) if i < len(given) else u)
            for i, (m, u) in enumerate(fallback[name])
        ]
    return out


Predicate = Callable[[Mapping[str, Any], Mapping[str, Any]], bool]


@dataclass(frozen=True)
class _Comparison:
    """One comparison's levels as Python predicates, built once: ingest scores thousands of
    pairs a file, and reading each level's kind and column again for every pair was most of
    the cost."""

    name: str
    null: Predicate
    tests: tuple[Predicate, ...]  # the non-null levels, strongest first
    tf: tuple[tuple[str, float, int] | None, ...]  # per level: (column, weight, exact level)
    columns: tuple[str, str, str]  # the output row's gamma_, mw_ and mw_tf_adj_ names


@lru_cache(maxsize=2)
def _compiled_levels(tf: bool) -> tuple[_Comparison, ...]:
    """The Splink level objects of each comparison, compiled (the null level first)."""
    levels = _levels(surname_tf=tf, given_tf=tf)
    out = []
    for name in LEVELS:
        null, *rest = levels[name]
        out.append(_Comparison(name, _predicate(null), tuple(_predicate(lv) for lv in rest),
                               tuple(_tf_of(rest, index) for index in range(len(rest))),
                               (f"gamma_{name}", f"mw_{name}", f"mw_tf_adj_{name}")))
    return tuple(out)


def _column(level: Any) -> str:
    expression = level.col_expression
    if expression.operations:  # a transformed column (lower(), substr()) is SQL, not a name
        raise ValueError(f"incremental linking reads plain columns, not {expression!r}")
    return expression.raw_sql_expression


def _predicate(level: Any) -> Predicate:
    """A Splink comparison level's condition as a function of two records (SQL semantics: a
    comparison with NULL is false)."""
    # Splink's class, not ours: levels.py writes some of Splink's levels as cheaper SQL.
    kind = next(c.__name__ for c in type(level).__mro__ if c.__module__.startswith("splink."))
    if kind == "ElseLevel":
        return lambda left, right: True
    if kind == "And":
        parts = tuple(_predicate(sub) for sub in level.comparison_levels)
        return lambda left, right: all(part(left, right) for part in parts)
    column = _column(level)
    if kind == "NullLevel":
        return lambda left, right: left.get(column) is None or right.get(column) is None
    test: Callable[[Any, Any], bool]
    if kind == "ExactMatchLevel":
        test = operator.eq
    elif kind == "ArrayIntersectLevel":
        least = level.min_intersection
        test = lambda x, y: len(set(x) & set(y)) >= least  # noqa: E731
    elif kind == "JaroWinklerLevel":
        threshold = level.distance_threshold
        test = lambda x, y: _jaro_winkler(x, y) >= threshold  # noqa: E731
    elif kind == "DamerauLevenshteinLevel":
        edits = level.distance_threshold
        test = lambda x, y: DamerauLevenshtein.distance(x, y) <= edits  # noqa: E731
    elif kind == "AbsoluteDifferenceLevel":
        difference = level.difference_threshold
        test = lambda x, y: abs(x - y) <= difference  # noqa: E731
    else:
        raise ValueError(f"incremental linking cannot evaluate a Splink {kind}")

    def holds(left: Mapping[str, Any], right: Mapping[str, Any]) -> bool:
        x, y = left.get(column), right.get(column)
        return x is not None and y is not None and test(x, y)

    return holds


def _level_holds(level: Any, left: Mapping[str, Any], right: Mapping[str, Any]) -> bool:
    """Whether a Splink comparison level's condition holds for two records."""
    return _predicate(level)(left, right)


def _tf_of(levels: Sequence[Any], index: int) -> tuple[str, float, int] | None:
    """A level's term-frequency adjustment: its column, its weight and the position of the
    exact level on that column (whose u the adjustment starts from)."""
    column = getattr(levels[index], "tf_adjustment_column", None)
    if not column:
        return None
    exact = next(i for i, lv in enumerate(levels)
                 if type(lv).__name__ == "ExactMatchLevel" and _column(lv) == column)
    return column, levels[index].tf_adjustment_weight or 0.0, exact


@lru_cache(maxsize=262144)
def _jaro_winkler(x: str, y: str) -> float:
    return JaroWinkler.similarity(x, y)  # DuckDB's jaro_winkler_similarity (prefix weight 0.1)


def _log2_ratio(m: float, u: float) -> float:
    if m <= 0.0:
        return -math.inf
    return math.inf if u <= 0.0 else math.log2(m / u)


def score_pair(
    left: Mapping[str, Any],
    right: Mapping[str, Any],
    weights: Weights,
    log2_prior_odds: float,
    term_frequencies: Mapping[str, Mapping[str, float]] | None = None,
) -> dict[str, Any]:
    """One pair scored as Splink scores it: a row with ``unique_id_l/_r``, ``gamma_X``,
    ``mw_X``, ``mw_tf_adj_X``, ``match_weight`` and ``match_probability``."""
    tf = term_frequencies or {}
    row: dict[str, Any] = {"unique_id_l": left["unique_id"], "unique_id_r": right["unique_id"]}
    total = log2_prior_odds
    for comparison in _compiled_levels(bool(tf)):
        gamma, mw, mw_tf = comparison.columns
        if comparison.null(left, right):
            row[gamma], row[mw], row[mw_tf] = -1, 0.0, 0.0
            continue
        for index, holds in enumerate(comparison.tests):  # noqa: B007 - the else level holds
            if holds(left, right):
                break
        m, u = weights[comparison.name][index]
        weight = _log2_ratio(m, u)
        adjust = _tf_adjustment(comparison.tf[index], weights[comparison.name], left, right, tf)
        row[gamma], row[mw], row[mw_tf] = len(comparison.tests) - 1 - index, weight, adjust
        total += weight + adjust
    row["match_weight"] = total
    row["match_probability"] = _probability(total)
    return row


def _tf_adjustment(level_tf: tuple[str, float, int] | None,
                   mu: Sequence[tuple[float, float]], left: Mapping[str, Any],
                   right: Mapping[str, Any], tf: Mapping[str, Mapping[str, float]]) -> float:
    """Splink's term-frequency adjustment: w * (log2 u_exact - log2 max(tf_l, tf_r)), where
    u_exact is the u of the exact level on the same column."""
    if level_tf is None or level_tf[0] not in tf:
        return 0.0
    column, weight, exact = level_tf
    known = [v for v in (tf[column].get(left.get(column)), tf[column].get(right.get(column)))
             if v is not None]
    if not known:
        return 0.0
    return weight * (math.log2(mu[exact][1]) - math.log2(max(known)))


def _probability(weight: float) -> float:
    if weight >= 1000:
        return 1.0
    odds = 2.0 ** weight
    return odds / (1.0 + odds)


__all__ = ["Weights", "model_weights", "prior_weights", "score_pair"]
