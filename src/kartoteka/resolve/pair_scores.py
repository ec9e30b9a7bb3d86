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
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import JaroWinkler

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


@lru_cache(maxsize=2)
def _compiled_levels(tf: bool) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    """The Splink level objects of each comparison, without the null level (first)."""
    levels = _levels(surname_tf=tf, given_tf=tf)
    return tuple((name, tuple(levels[name])) for name in LEVELS)


def _column(level: Any) -> str:
    expression = level.col_expression
    if expression.operations:  # a transformed column (lower(), substr()) is SQL, not a name
        raise ValueError(f"incremental linking reads plain columns, not {expression!r}")
    return expression.raw_sql_expression


def _level_holds(level: Any, left: Mapping[str, Any], right: Mapping[str, Any]) -> bool:
    """Whether a Splink comparison level's condition holds for two records (SQL semantics:
    a comparison with NULL is false)."""
    kind = type(level).__name__
    if kind == "ElseLevel":
        return True
    if kind == "And":
        return all(_level_holds(sub, left, right) for sub in level.comparison_levels)
    column = _column(level)
    x, y = left.get(column), right.get(column)
    if kind == "NullLevel":
        return x is None or y is None
    if x is None or y is None:
        return False
    if kind == "ExactMatchLevel":
        return x == y
    if kind == "ArrayIntersectLevel":
        return len(set(x) & set(y)) >= level.min_intersection
    if kind == "JaroWinklerLevel":
        return _jaro_winkler(x, y) >= level.distance_threshold
    if kind == "AbsoluteDifferenceLevel":
        return abs(x - y) <= level.difference_threshold
    raise ValueError(f"incremental linking cannot evaluate a Splink {kind}")


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
    for name, levels in _compiled_levels(bool(tf)):
        if _level_holds(levels[0], left, right):
            row[f"gamma_{name}"], row[f"mw_{name}"], row[f"mw_tf_adj_{name}"] = -1, 0.0, 0.0
            continue
        rest = levels[1:]
        index = next(i for i, lv in enumerate(rest) if _level_holds(lv, left, right))
        m, u = weights[name][index]
        weight = _log2_ratio(m, u)
        adjust = _tf_adjustment(rest, index, weights[name], left, right, tf)
        row[f"gamma_{name}"] = len(rest) - 1 - index
        row[f"mw_{name}"], row[f"mw_tf_adj_{name}"] = weight, adjust
        total += weight + adjust
    row["match_weight"] = total
    row["match_probability"] = _probability(total)
    return row


def _tf_adjustment(levels: Sequence[Any], index: int, mu: Sequence[tuple[float, float]],
                   left: Mapping[str, Any], right: Mapping[str, Any],
                   tf: Mapping[str, Mapping[str, float]]) -> float:
    """Splink's term-frequency adjustment: w * (log2 u_exact - log2 max(tf_l, tf_r)), where
    u_exact is the u of the exact level on the same column."""
    column = getattr(levels[index], "tf_adjustment_column", None)
    if not column or column not in tf:
        return 0.0
    known = [v for v in (tf[column].get(left.get(column)), tf[column].get(right.get(column)))
             if v is not None]
    if not known:
        return 0.0
    exact = next(i for i, lv in enumerate(levels)
                 if type(lv).__name__ == "ExactMatchLevel" and _column(lv) == column)
    weight = levels[index].tf_adjustment_weight or 0.0
    return weight * (math.log2(mu[exact][1]) - math.log2(max(known)))


def _probability(weight: float) -> float:
    if weight >= 1000:
        return 1.0
    odds = 2.0 ** weight
    return odds / (1.0 + odds)


__all__ = ["Weights", "model_weights", "prior_weights", "score_pair"]
