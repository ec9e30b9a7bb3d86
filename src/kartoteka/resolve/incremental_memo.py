"""What the writer keeps from one file's incremental linking to the next (``incremental.py``).

Each file's new profiles are scored against the stored profiles of their blocks, and the
stored entities they may join are scored whole; from one file to the next most of those
stored pairs are the same, and so are the profiles' linkage records. Scoring a pair again
cost most of the writer's time per file, growing with the index. Both are pure functions of
the profiles (and of the model's weights and name frequencies), so they are remembered here,
in the writer's process, and used again only while those are the same; the chance of a match
is added to the remembered weights anew each time, as score_pair adds it.
Both memos are bounded (the older half is dropped when full), so the writer's memory is too.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kartoteka.resolve.comparisons import LEVELS
from kartoteka.resolve.profile import Profile
from kartoteka.resolve.records import name_parts, person_row


class RowMemo:
    """Profile key -> (the profile, its name parts, its linkage record), for profiles equal to
    the one remembered; the remembered profile object stands for its content (``PairMemo``)."""

    def __init__(self, limit: int = 1 << 14) -> None:
        self.limit = limit
        self.known: dict[str, tuple[Profile, Any, dict[str, Any]]] = {}

    def rows(self, persons: Sequence[Profile]
             ) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Profile]]:
        parts: dict[str, Any] = {}
        rows: list[dict[str, Any]] = []
        held: dict[str, Profile] = {}
        for p in persons:
            found = self.known.get(p.key)
            if found is None or found[0] != p:
                if len(self.known) >= self.limit:
                    _forget_oldest(self.known)
                part = name_parts(p)
                found = self.known[p.key] = (p, part, person_row(p, part))
            held[p.key], parts[p.key] = found[0], found[1]
            rows.append(dict(found[2]))  # bound_blocks writes this call's block keys into it
        return parts, rows, held


@dataclass(frozen=True, slots=True)
class Scored:
    left: Profile
    right: Profile
    weights: tuple
    frequencies: tuple
    terms: array  # each comparison's weight, frequency share added, in order (doubles)
    features: tuple[dict[str, Any], ...] | None  # pair_features' per comparison, as LEVELS

    def feature_dict(self) -> dict[str, Any]:
        """pair_features but the total and the conflicts (a new dict: callers mark theirs)."""
        assert self.features is not None
        return dict(zip(LEVELS, self.features, strict=True))
    reasons: tuple[str, ...] | None


class PairMemo:
    """Ordered pair of profile keys -> its scores, while both profiles, the weights and the
    name frequencies that scored it are the same."""

    def __init__(self, limit: int = 1 << 17) -> None:
        self.limit = limit
        self.known: dict[tuple[str, str], Scored] = {}
        self._token: tuple = ()

    def token(self, weights: Mapping[str, Any]) -> tuple:
        """The weights as a tuple; the very object of the last call while they are equal, so a
        remembered pair's check is one identity test, not a comparison of every weight."""
        token = tuple((name, tuple(map(tuple, levels))) for name, levels in weights.items())
        if token != self._token:
            self._token = token
        return self._token

    @staticmethod
    def _frequencies(tf: Mapping[str, Mapping[str, float]] | None, left: Mapping[str, Any],
                     right: Mapping[str, Any]) -> tuple:
        if not tf:
            return ()
        return tuple((column, values.get(left.get(column)), values.get(right.get(column)))
                     for column, values in tf.items())

    def scored(self, a: str, b: str, left_profile: Profile, right_profile: Profile,
               weights: tuple, tf: Mapping[str, Mapping[str, float]] | None,
               left: Mapping[str, Any], right: Mapping[str, Any]) -> Scored | None:
        found = self.known.get((a, b))
        if found is None or found.left is not left_profile or found.right is not right_profile \
                or (found.weights is not weights and found.weights != weights) \
                or found.frequencies != self._frequencies(tf, left, right):
            return None
        return found

    def keep(self, a: str, b: str, left_profile: Profile, right_profile: Profile,
             weights: tuple, tf: Mapping[str, Mapping[str, float]] | None,
             left: Mapping[str, Any], right: Mapping[str, Any], row: Mapping[str, Any],
             features: Mapping[str, Any] | None, reasons: tuple[str, ...] | None) -> Scored:
        # Doubles in an array, the shared per-comparison dicts in a tuple: some 450 bytes a pair.
        terms = array("d", (row[f"mw_{name}"] + row[f"mw_tf_adj_{name}"] for name in LEVELS
                            if row[f"gamma_{name}"] != -1))
        kept = None if features is None else tuple(features[name] for name in LEVELS)
        if len(self.known) >= self.limit:
            _forget_oldest(self.known)
        found = self.known[(a, b)] = Scored(left_profile, right_profile, weights,
                                             self._frequencies(tf, left, right), terms, kept,
                                             reasons)
        return found


def _forget_oldest(known: dict) -> None:
    """Drop the older half (a dict keeps its insertion order): memory stays bounded."""
    for key in list(itertools.islice(known, len(known) // 2)):
        del known[key]


ROWS = RowMemo()
PAIRS = PairMemo()


__all__ = ["PAIRS", "ROWS", "PairMemo", "RowMemo", "Scored"]
