"""Rules that hold whatever the model says, and clustering that obeys them.

- A conflict (given names, patronymics or gender that cannot be one person's, not a typo apart
  nor a known given name and a form the translation channel could have made of it: the model
  weighs those; birth years more than two apart, death years more than one unless the records
  are identified beyond the name: ``death_years``) keeps two profiles apart however alike their
  surnames are.
- Human decisions win: must-link pairs are joined first, unconditionally; no union ever puts a
  cannot-link pair into one cluster.
- A profile that fits two people equally well (a bare "Orlov" beside Ivan Orlov and Pyotr
  Orlov) joins neither: its links wait for review.

- A scored pair the model finds likelier two people, with a strong disagreement of dates or
  places, keeps the clusters of its two profiles apart, whatever links lead from one to the
  other.

Clusters grow by joining pairs in descending probability (ties broken by key), refusing any
union that would put a conflict or a cannot-link pair inside one cluster: the same input in any
order gives the same clusters. Inside a cluster, birth years are each record's error around one
year (``clusters_conflict``): 1905, 1907 and 1908 may be one man's, though 1905 and 1908 alone
are not linked.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np
from rapidfuzz.distance import DamerauLevenshtein

from kartoteka.errors import KartotekaError
from kartoteka.names import fold, given_compatible
from kartoteka.names.channel_given import channel_given_pair
from kartoteka.names.given_names import father_name_groups, given_name_groups
from kartoteka.names.keys import given_fine_keys
from kartoteka.names.similarity import patronymic_compatible
from kartoteka.resolve.death_years import (
    YEAR_TOLERANCE,
    clusters_deaths_conflict,
    death_conflict,
    identified_beyond_name,
)
from kartoteka.resolve.profile import Decisions
from kartoteka.resolve.records import NameParts

# Sources disagree by a year often (1937 or 1938); a birth year two off is still more often a
# keying or copying error than another person (the model weighs it), more is two people.
# (Death years: YEAR_TOLERANCE, and when they do not conflict, in death_years.)
BIRTH_YEAR_TOLERANCE = 2
DATE_CONFLICTS = frozenset({"birth_year", "death_year"})


class ConflictingDecisions(KartotekaError):
    """Human decisions contradict each other: must-links join a cannot-link pair."""


# Full names of at least this many key letters one edit apart (a letter dropped, doubled,
# swapped or mistyped) are a typo, not two names: the model's weight for the level decides.
MIN_TYPO_LENGTH = 5


# A keying error in a shorter name (Smeen for Semen, Feor for Fedor, Nkiolay for Nikolay) is
# still one edit of its Latin skeleton, if the result is no name of the list: two real names
# one letter apart (Юрий / Юлий, Мария / Марина) stay a refusal at that length.
MIN_UNKNOWN_TYPO_LENGTH = 4


def _one_edit(a: str, b: str) -> bool:
    if a.endswith(".") or b.endswith("."):
        return False
    keys_a, keys_b = given_fine_keys(a), given_fine_keys(b)
    return any(
        min(len(x), len(y)) >= MIN_TYPO_LENGTH and DamerauLevenshtein.distance(x, y) <= 1
        for x in keys_a[:2] for y in keys_b[:2]
    )


def _typo_of_a_name(a: str, b: str, known: Callable[[str], frozenset[int]]) -> bool:
    """One of the two is no known name and is one edit (a letter dropped, doubled, swapped
    or mistyped, the first kept) from the other, compared on their Latin skeletons, so that
    scripts and schemes do not count as edits."""
    if a.endswith(".") or b.endswith(".") or (known(a) and known(b)):
        return False
    # The Latin skeleton, then the likeliest readings' keys: a typo in one script or scheme
    # (Смеен, Заахр, Pweł) is more than one edit from the other's skeleton (Semen: smeyen,
    # Zakhar: zaakhr), one from its key (semen/smen, zahar/zahr, pavel/pvel).
    return any(min(len(x), len(y)) >= MIN_UNKNOWN_TYPO_LENGTH and x[:1] == y[:1]
               and DamerauLevenshtein.distance(x, y) <= 1
               for x, y in ((fold(a), fold(b)),
                            *((x, y) for x in given_fine_keys(a)[:2]
                              for y in given_fine_keys(b)[:2])))


@lru_cache(maxsize=262144)
def _given_ok(a: str, b: str) -> bool | None:
    compatible = given_compatible(a, b)
    if compatible is False and (_one_edit(a, b) or _typo_of_a_name(a, b, given_name_groups)
                                or channel_given_pair(a, b)):
        # a typo, or a form no list holds that the translation channel could have made of
        # the other's name (Nozheda, Nadezhda): the model's weight for the given-name level
        # decides. Two known names (Мария, Марина) are never either.
        return True
    return compatible


@lru_cache(maxsize=262144)
def _patronymic_ok(a: str, b: str) -> bool | None:
    compatible = patronymic_compatible(a, b)
    if compatible is False and (_one_edit(a, b) or _typo_of_a_name(a, b, father_name_groups)):
        return True
    return compatible


def conflicts(a: NameParts, b: NameParts) -> tuple[str, ...]:
    """Why two profiles cannot be one person (empty when nothing conflicts)."""
    reasons = _name_conflicts((a.given, a.patronymic, a.gender, a.other_given),
                              (b.given, b.patronymic, b.gender, b.other_given))
    # Checked in line: this runs once for every scored pair (hundreds of thousands).
    x, y = a.birth_year, b.birth_year
    if x is not None and y is not None and abs(x - y) > BIRTH_YEAR_TOLERANCE:
        reasons = (*reasons, "birth_year")
    if a.death_year is not None and b.death_year is not None and death_conflict(a, b):
        reasons = (*reasons, "death_year")
    return reasons


_Names = tuple[str | None, str | None, str | None, tuple[str, ...]]


# Cached on the names alone: names repeat across a list far more than names with years do.
@lru_cache(maxsize=262144)
def _name_conflicts(a: _Names, b: _Names) -> tuple[str, ...]:
    (given_a, patronymic_a, gender_a, other_a), (given_b, patronymic_b, gender_b, other_b) = a, b
    reasons: list[str] = []
    if given_a and given_b and _given_ok(given_a, given_b) is False and not any(
        _given_ok(x, y) for x in (given_a, *other_a) for y in (given_b, *other_b)
    ):  # another name of one of them (a birth name) may be the other's
        reasons.append("given")
    if patronymic_a and patronymic_b and _patronymic_ok(patronymic_a, patronymic_b) is False:
        reasons.append("patronymic")
    if gender_a and gender_b and gender_a != gender_b:
        reasons.append("gender")
    return tuple(reasons)


class PartsIndex:
    """The profiles' keys in sorted order and, per position, what ``conflicts`` reads: a
    number per distinct set of names and the two years as floats (NaN when unknown). The
    linker checks hundreds of thousands of scored pairs, most of whose names recur: with this
    ``pair_conflicts`` checks each distinct pair of names once and the years a column at a
    time."""

    def __init__(self, parts: Mapping[str, NameParts]) -> None:
        self.keys: list[str] = sorted(parts)
        codes: dict[_Names, int] = {}
        ids = []
        for key in self.keys:
            p = parts[key]
            ids.append(codes.setdefault((p.given, p.patronymic, p.gender, p.other_given),
                                        len(codes)))
        self.names: list[_Names] = list(codes)
        self.name_ids = np.array(ids, dtype=np.int64)
        self.parts = [parts[key] for key in self.keys]  # for the few pairs of two death years
        self.births = np.array([_year(parts[k].birth_year) for k in self.keys], dtype=np.float64)
        self.deaths = np.array([_year(parts[k].death_year) for k in self.keys], dtype=np.float64)


def _year(year: int | None) -> float:
    return math.nan if year is None else float(year)


def pair_conflicts(index: PartsIndex, left: np.ndarray, right: np.ndarray
                   ) -> list[tuple[str, ...]]:
    """``conflicts(parts[a], parts[b])`` of every pair (a, b) = (keys[left[i]],
    keys[right[i]]): the same tuples, the names checked once per distinct pair of names."""
    if not len(left):
        return []
    width = len(index.names)
    combos, combo_index = np.unique(index.name_ids[left] * width + index.name_ids[right],
                                    return_inverse=True)
    # NaN compares false: an unknown year never conflicts, as in conflicts()
    with np.errstate(invalid="ignore"):
        birth = np.abs(index.births[left] - index.births[right]) > BIRTH_YEAR_TOLERANCE
        death = np.abs(index.deaths[left] - index.deaths[right]) > YEAR_TOLERANCE
    for i in np.flatnonzero(death).tolist():  # identified beyond the name: weighed, no conflict
        if identified_beyond_name(index.parts[left[i]], index.parts[right[i]]):
            death[i] = False
    codes, code_index = np.unique(combo_index.reshape(-1) * 4 + birth * 1 + death * 2,
                                  return_inverse=True)
    names = index.names
    made = []
    for code in codes.tolist():
        combo = int(combos[code // 4])
        reasons = _name_conflicts(names[combo // width], names[combo % width])
        made.append((*reasons, *(("birth_year",) if code & 1 else ()),
                     *(("death_year",) if code & 2 else ())))
    return [made[i] for i in code_index.reshape(-1).tolist()]


def clusters_conflict(a: Iterable[NameParts], b: Iterable[NameParts],
                      joining: tuple[NameParts, NameParts] | None = None) -> bool:
    """Whether two clusters (their members' distinct name parts) cannot be one person's;
    ``joining``: the pair of members whose link would join them.

    Names conflict as between two profiles. Death years conflict unless one side's are all
    among the other's, or the pair joining them is identified beyond the name
    (``death_years.clusters_deaths_conflict``). Birth years are read as each
    record's own keying error around one year, at most BIRTH_YEAR_TOLERANCE off: a cluster may
    hold 1905, 1907 and 1908 (born 1906 or 1907), though 1905 and 1908 alone are not linked
    directly. A record's own year must witness the spread (1907 is within two of 1905 and
    1908): a record with no year does not make 1890 and 1894 one man's. Refusing every pair
    more than two apart left out a third record of one person whose two others were already
    joined (a registry of 100,000 records: 110 true pairs of clusters scored 0.9 or more)."""
    a, b = list(a), list(b)
    births = {p.birth_year for p in (*a, *b) if p.birth_year is not None}
    if births and max(births) - min(births) > BIRTH_YEAR_TOLERANCE and not any(
            all(abs(year - other) <= BIRTH_YEAR_TOLERANCE for other in births)
            for year in births):
        return True  # no record's year within two of all the others: 1890 and 1894 alone
    # Names are the pair's own; death years the clusters' (a death year is the person's).
    if any(reason not in DATE_CONFLICTS for x in a for y in b for reason in conflicts(x, y)):
        return True
    return clusters_deaths_conflict(a, b, joining)


# Facts about the person besides the name whose disagreement the model may weigh heavily.
# Names are left out: a cluster may rightly hold a pseudonym beside the real name.
AGAINST_FIELDS = ("birth_year", "death_year", "birthplace", "residence")
# A field disagreement this many bits against (16 times likelier between two people than
# within one's records), in a pair the model finds more likely two people than one, keeps the
# two profiles' clusters apart: a chain of likely links (A-B, B-C) must not join what the
# direct evidence (A-C born elsewhere, dead another year) separates.
AGAINST_BITS = 4.0


def evidence_against(probability: float, features: dict[str, Any]) -> bool:
    """Whether a scored pair holds strong evidence that its two profiles are two people."""
    if probability >= 0.5:
        return False
    return any(isinstance(features.get(name), dict)
               and features[name].get("weight", 0.0) <= -AGAINST_BITS for name in AGAINST_FIELDS)


class ConstrainedClusters:
    """Union-find whose unions may be refused: by a conflict, by a cannot-link decision or by
    a scored pair across the two clusters with strong evidence against (``set_against``)."""

    def __init__(
        self,
        keys: Iterable[str],
        decisions: Decisions,
        parts: dict[str, NameParts] | None = None,
    ) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}
        for key in keys:
            self.parent[key] = key
            self.members[key] = [key]
        self.parts = parts or {}
        self.cannot: dict[str, set[str]] = {}
        self.against: dict[str, set[str]] = {}
        for a, b in decisions.cannot_link:
            if a in self.parent and b in self.parent:
                self.cannot.setdefault(a, set()).add(b)
                self.cannot.setdefault(b, set()).add(a)

    def set_against(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Pairs of profiles whose scores hold strong evidence against (``evidence_against``)."""
        for a, b in pairs:
            if a in self.parent and b in self.parent:
                self.against.setdefault(a, set()).add(b)
                self.against.setdefault(b, set()).add(a)

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:  # path compression
            self.parent[key], key = root, self.parent[key]
        return root

    def _join(self, ra: str, rb: str) -> None:
        if len(self.members[ra]) < len(self.members[rb]) or (
            len(self.members[ra]) == len(self.members[rb]) and rb < ra
        ):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))

    def blocked_by(self, a: str, b: str) -> str | None:
        """Why the clusters of a and b may not join: "cannot-link", "conflict" or None."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        small, large = sorted((self.members[ra], self.members[rb]), key=len)
        large_set = set(large)
        if any(self.cannot.get(key, set()) & large_set for key in small):
            return "cannot-link"
        if self.against and any(self.against.get(key, set()) & large_set for key in small):
            return "evidence against"
        distinct_small = {self.parts[k] for k in small if k in self.parts}
        distinct_large = {self.parts[k] for k in large if k in self.parts}
        joining = (self.parts[a], self.parts[b]) if a in self.parts and b in self.parts else None
        if clusters_conflict(distinct_small, distinct_large, joining):
            return "conflict"
        return None

    def try_union(self, a: str, b: str) -> str | None:
        """Join the clusters of a and b unless refused; returns the reason for a refusal."""
        reason = self.blocked_by(a, b)
        if reason is None and self.find(a) != self.find(b):
            self._join(self.find(a), self.find(b))
        return reason

    def force_union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._join(ra, rb)

    def same(self, a: str, b: str) -> bool:
        return self.find(a) == self.find(b)

    def clusters(self) -> list[list[str]]:
        """Every key in exactly one cluster; clusters and their members sorted."""
        return sorted(sorted(members) for members in self.members.values())


def apply_must_links(clusters: ConstrainedClusters, decisions: Decisions) -> None:
    """Join every must-link pair; fail loudly if that joins a cannot-link pair."""
    for a, b in sorted(decisions.must_link):
        if a in clusters.parent and b in clusters.parent:
            clusters.force_union(a, b)
    for a, b in sorted(decisions.cannot_link):
        if a in clusters.parent and b in clusters.parent and clusters.same(a, b):
            raise ConflictingDecisions(
                f"must-link decisions join {a} and {b}, which a cannot-link decision keeps apart"
            )
