"""Two rules of an archivist's on top of the authority score: what the same person is said to
be in other documents, and the list's only namesake with something that agrees.

**The entity's other documents** (``pooled``). A document names a man "Nikolai Krylenko" and
says nothing more; another calls him "People's Commissar of Justice Krylenko"; the person
linker has made them one entity. What the other documents say of the entity (posts, bodies,
years, days, birthplace) is said of the man the first one names, and is set against the record
as if the first had said it, the pair's ``from_entity`` naming what was borrowed. Only from
profiles whose names do not conflict with this one's (another given name or patronymic is
another man however the entity was made), and a year or day only when they all agree on it.

**The list's only namesake, corroborated** (``sole_namesake``). A full given name and surname,
without years, score about even against a record of a list of 11,788 (the prior of one in
60,000 that a text's person is a given record is hard to climb with names alone), so they wait
for review. A careful archivist links them when the list has no other record of that surname
and given name (a namesake in the list would be as likely) and something the text says agrees
with the record: the field of a post (``occupation`` "same field"), a year (birth or death,
"exact"; the year of death only when the text says he was shot, for an execution list: a
namesake who died that year in his bed is not this man), a day (of death, arrest or birth) or
the birthplace. Never when any comparison weighs
against, the names are thinner (an initial, a similar given name), a rule held the pair, or
another candidate of the list fits about as well (``authority._one_link_per_source`` still
applies). The pair's ``sole_namesake`` says which record is alone and what agreed. Once
reviewers' rejections have raised the link threshold (``authority_model``), the rule is off:
they have said that this collection's near misses are not to be linked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from kartoteka.names import surname_key
from kartoteka.names.keys import given_key
from kartoteka.resolve.constraints import conflicts
from kartoteka.resolve.profile import Profile
from kartoteka.resolve.records import name_parts

# A full given name, not an initial or a similar one: the name that makes a namesake.
FULL_GIVEN = frozenset({"exact", "same name group"})
STRONG_SURNAME = frozenset({"exact", "same main key", "same key"})
# Comparisons that corroborate a record (comparison -> the levels that agree).
CORROBORATING: dict[str, frozenset[str]] = {
    "occupation": frozenset({"same field"}),
    "death_year": frozenset({"exact"}),
    "birth_year": frozenset({"exact"}),
    "death_date": frozenset({"same day"}),
    "arrest_date": frozenset({"same day"}),
    "birth_date": frozenset({"same day"}),
    "born_in": frozenset({"same place"}),
}
# Rules that hold a pair for review whatever agrees.
_HELD = ("days_apart", "names_too_thin", "ambiguous")
_SINGLE = ("birth_year", "death_year", "birth_date", "death_date", "arrest_date", "birthplace")
_LISTS = ("roles", "titles", "organizations")


def _agreed(values: Iterable[Any]) -> Any:
    """The one value all givers agree on, or None."""
    found = {v for v in values if v}
    return found.pop() if len(found) == 1 else None


def pooled(profile: Profile, siblings: Sequence[Profile]) -> tuple[Profile, list[str]]:
    """The profile with what its entity's other profiles say (see the module), and the names
    of the fields borrowed."""
    own = name_parts(profile)
    fit = [s for s in siblings if s.key != profile.key and s.kind == "person"
           and not conflicts(own, replace(name_parts(s), birth_year=None, death_year=None))]
    if not fit:
        return profile, []
    changes: dict[str, Any] = {}
    for name in _SINGLE:
        if getattr(profile, name) is None:
            value = _agreed(getattr(s, name) for s in fit)
            if value is not None:
                changes[name] = value
    for name in _LISTS:
        mine = list(getattr(profile, name))
        more = [v for s in fit for v in getattr(s, name) if v not in mine]
        if more:
            changes[name] = mine + list(dict.fromkeys(more))
    return (replace(profile, **changes), sorted(changes)) if changes else (profile, [])


def namesake_index(readings: Mapping[str, Sequence[Profile]]) -> dict[tuple[str, str], set[str]]:
    """(source, surname key + given key) -> the records of that source whose readings bear
    that surname and given name."""
    index: dict[tuple[str, str], set[str]] = defaultdict(set)
    for record_key, own in readings.items():
        source = record_key.split("\x1f", 1)[0]
        for reading in own:
            if reading.surname and reading.given:
                index[(source, _name_key(reading))].add(record_key)
    return index


def _name_key(reading: Profile) -> str:
    return f"{surname_key(reading.surname or '')} {given_key(reading.given or '')}"


def sole_namesake(features: Mapping[str, Any], record_key: str, reading: Profile,
                  index: Mapping[tuple[str, str], set[str]], *, shot: bool = True
                  ) -> str | None:
    """Why the pair links as the list's only namesake with corroboration, or None. ``shot``:
    whether the year of death is that of an execution on both sides (the text says he was
    shot, and the record is an execution) or the record is no execution (a list of deaths);
    otherwise the death year corroborates nothing."""
    if features.get("conflicts") or any(features.get(flag) for flag in _HELD):
        return None
    if (features.get("surname", {}).get("level") not in STRONG_SURNAME
            or features.get("given", {}).get("level") not in FULL_GIVEN):
        return None
    compared = [(name, value) for name, value in features.items()
                if isinstance(value, dict) and value.get("level") not in (None, "null")]
    if any(float(value.get("weight") or 0.0) < 0 for _, value in compared):
        return None
    agreeing = [f"{name} ({value['field']})" if value.get("field") else name
                for name, value in compared
                if value.get("level") in CORROBORATING.get(name, ())
                and (shot or name != "death_year")]
    source = record_key.split("\x1f", 1)[0]
    if not agreeing or index.get((source, _name_key(reading))) != {record_key}:
        return None
    return (f"the list's only {reading.surname} {reading.given}; agreeing: "
            + ", ".join(agreeing))


def by_hand_for_entity(matches: Iterable[Any], entity_of: Mapping[str, str],
                       by_hand: Mapping[tuple[str, str, str], bool]) -> list[Any]:
    """The model's matches with the reviewers' decisions held for the whole person: a curator
    links or unlinks an entity, and the decision is kept on one of its profiles (the anchor);
    another profile of that entity (a document that joined it later) must not bring back a
    record the curator refused, nor link it to a second record of a list where the curator
    chose one. A refused record is dropped; a link beside a chosen one waits for review, its
    ``by_hand_elsewhere`` naming the record chosen."""
    refused: set[tuple[str, str, str]] = set()
    chosen: dict[tuple[str, str], str] = {}
    for (profile, source, record_id), accepted in by_hand.items():
        entity = entity_of.get(profile)
        if entity is None:
            continue
        if accepted:
            chosen[(entity, source)] = record_id
        else:
            refused.add((entity, source, record_id))
    out = []
    for m in matches:
        entity = entity_of.get(m.profile_key)
        if entity is None:
            out.append(m)
            continue
        if (entity, m.source, m.record_id) in refused:
            continue
        elsewhere = chosen.get((entity, m.source))
        if m.decision == "linked" and elsewhere not in (None, m.record_id):
            m = replace(m, decision="review",
                        features={**m.features, "by_hand_elsewhere": elsewhere})
        out.append(m)
    return out


__all__ = ["CORROBORATING", "by_hand_for_entity", "namesake_index", "pooled", "sole_namesake"]
