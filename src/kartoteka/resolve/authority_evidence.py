"""What a text says beyond a name and years that an authority record can corroborate.

A text that gives the day a man was shot, his birthday or his birthplace, and a record of the
list with the same, is evidence a namesake rarely has: a few comparisons, each with m and u
like the model's (``data/authority_prior.json``, ``record_evidence``), computed in Python on the
few pairs the name model scored, and added to their match weight. Each is kept with the pair's
features (level and weight), so a link shows what decided it.

- ``death_date``: the day of death or execution in the text and the record's execution (or
  death) day. u is the chance that two records of the Moscow list dead in the same year were
  shot on the same day (0.0065 for any two records, 0.39 of pairs share a year): the year is
  weighed apart (``death_year``), the day only adds what the year does not say.
- ``birth_date``: the birthday (month and day; the year is ``birth_year``'s), u 0.0044, the
  share of pairs of the list's full birth dates that share a day (1 January is common). Before
  1918 a date 11 to 13 days apart is the same day in the other calendar (Old Style).
- ``arrest_date``: the day of arrest, where a list gives it (u as for the execution day).
- ``born_in``: a place the text names as the birthplace and one the record's place of birth
  names (town, village, district or province), compared by key, case endings aside (Одессе,
  Odessa). u 0.01: the commonest birthplace of the list, Moscow, is one record in sixteen.
  Only two settlements disagree: a village in the text and a province in the record do not.
- ``occupation``: the fields of work (``authority_occupations``) of the text's roles and bodies
  ("Kremlin doctor", "People's Commissar for Finance", "NKVD officer") and of the record's
  occupation ("нарком финансов СССР"). "same field" weighs by the rarest field shared: u is the
  share of the list's records in it (``occupation_shares``), so a doctor weighs more than an
  engineer; "other field" weighs a little against (texts name the post a man is remembered
  for, the list the one he held at arrest). It is never the only thing that links: a link
  still needs the names to agree (``authority._is_strong``).

A day of death far from the record's (``days_apart``: more than a month from the execution
day) is weighed like any other day, and holds the pair for review: the day of an execution is
the act's, and a reviewer, not the score, decides whether a source misdated the death or names
another man. Birthdays are not held so: sources disagree on them for many reasons (the
calendar, a passport's correction, a copyist) and they weigh as ``birth_date`` says.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from kartoteka.names.keys import given_key
from kartoteka.resolve.authority_occupations import occupation_fields
from kartoteka.resolve.profile import Profile

EVIDENCE_LEVELS: dict[str, tuple[str, ...]] = {
    "death_date": ("same day", "other day"),
    "birth_date": ("same day", "other day"),
    "arrest_date": ("same day", "other day"),
    "born_in": ("same place", "other place"),
    "occupation": ("same field", "other field"),
}
# Days further apart than this are not a sentence and its execution, nor two calendars.
MAX_DAYS_APART = 31
# A share of a few records of the list is no measure of how common a field is.
MIN_FIELD_SHARE = 0.005
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# The words of a Russian address of birth that are no place (abbreviations of kinds of
# settlement and division, as Memorial's lists write them), and prepositions.
_NOT_PLACES = frozenset({
    "г", "гор", "город", "с", "село", "д", "дер", "деревня", "пос", "поселок", "м", "местечко",
    "ст", "станция", "х", "хутор", "губ", "губерния", "уезд", "у", "обл", "область", "р-н",
    "район", "волость", "вол", "край", "округ", "окр", "асср", "сср", "сср.", "в", "на", "под",
    "born", "in", "near", "province", "district", "village", "town", "city", "region", "the",
    "of", "governorate", "gubernia", "uyezd",
})
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Words that make a part of an address a division, not a settlement (as Memorial and English
# texts write them): "Ковенской губ.", "Бендерский уезд", "Vitebsk province".
_DIVISIONS = frozenset({
    "губ", "губерния", "губернии", "уезд", "уезда", "обл", "область", "области", "р-н", "район",
    "района", "волость", "волости", "вол", "край", "края", "округ", "окр", "асср", "сср",
    "province", "district", "region", "governorate", "gubernia", "uyezd", "oblast", "krai",
})
# Between 1700 and February 1918 Russian dates were Julian, 11 to 13 days behind the Gregorian:
# a birthday given in either calendar is the same day.
_OLD_STYLE_DAYS = (11, 12, 13)
_CALENDAR_REFORM = date(1918, 2, 14)


@dataclass(frozen=True)
class Facts:
    """The comparable facts of one side of a pair."""

    birth_date: str | None = None
    death_date: str | None = None
    arrest_date: str | None = None
    places: tuple[str, ...] = ()  # keys of the place names
    # keys of the settlements among them (no province, district or region): only these can
    # disagree, a village in a province is no other place than the province
    settlements: tuple[str, ...] = ()
    fields: frozenset[str] = frozenset()  # fields of work (authority_occupations)


def _day(value: Any) -> str | None:
    match = _DAY.fullmatch(str(value or "").strip())
    return match.group(0) if match else None


@lru_cache(maxsize=65536)
def place_keys(text: str | None) -> tuple[str, ...]:
    """Keys of the proper names of a place description, in either script."""
    out: list[str] = []
    for word in _WORD.findall(text or ""):
        if word.lower().strip(".") in _NOT_PLACES or not word[:1].isupper() or len(word) < 3:
            continue
        key = given_key(word)
        if len(key) >= 3 and key not in out:
            out.append(key)
    return tuple(out)


def settlement_keys(text: str | None) -> tuple[str, ...]:
    """Keys of the parts of a place description that name no division (a town, a village)."""
    out: list[str] = []
    for part in re.split(r"[,;()]", text or ""):
        words = {w.lower().strip(".") for w in _WORD.findall(part)}
        if words & _DIVISIONS:
            continue
        out.extend(k for k in place_keys(part) if k not in out)
    return tuple(out)


def _same_birthday(a: str, b: str) -> bool:
    """The same month and day, or one date the other's in the Julian calendar (before 1918)."""
    if a[5:] == b[5:]:
        return True
    try:
        x, y = date.fromisoformat(a), date.fromisoformat(b)
    except ValueError:
        return False
    return max(x, y) < _CALENDAR_REFORM and abs((x - y).days) in _OLD_STYLE_DAYS


def same_place(a: str, b: str) -> bool:
    """Two place keys of one name, case endings aside: Одесса, Одессе and Odessa; Москва,
    Москве; Харбина and Harbin (all but the last letter of the shorter agree)."""
    shorter = min(len(a), len(b))
    common = 0
    while common < shorter and a[common] == b[common]:
        common += 1
    return common >= 3 and common >= shorter - 1


def profile_facts(profile: Profile) -> Facts:
    fields = frozenset().union(*(occupation_fields(text) for text in (
        *profile.roles, *profile.titles, *profile.organizations)))
    return Facts(_day(profile.birth_date), _day(profile.death_date), _day(profile.arrest_date),
                 place_keys(profile.birthplace), settlement_keys(profile.birthplace), fields)


def record_facts(extra: Mapping[str, Any]) -> Facts:
    """The facts of an authority record's ``extra`` (``relink`` fills them from Memorial's
    records; a CSV list may give the same columns)."""
    return Facts(_day(extra.get("birth_date")),
                 _day(extra.get("execution_date") or extra.get("death_date")),
                 _day(extra.get("arrest_date")), place_keys(extra.get("birth_place")),
                 settlement_keys(extra.get("birth_place")),
                 occupation_fields(str(extra.get("occupation") or "")))


def _levels(text: Facts, record: Facts) -> dict[str, str]:
    levels: dict[str, str] = {}
    for name in ("death_date", "arrest_date"):
        a, b = getattr(text, name), getattr(record, name)
        if a and b:
            levels[name] = "same day" if a == b else "other day"
    if text.birth_date and record.birth_date:
        same = _same_birthday(text.birth_date, record.birth_date)
        levels["birth_date"] = "same day" if same else "other day"
    if any(same_place(a, b) for a in text.places for b in record.places):
        levels["born_in"] = "same place"
    elif text.settlements and record.settlements:
        levels["born_in"] = "other place"
    return levels


def days_apart(text: Facts, record: Facts) -> list[str]:
    """The days (of death) the text and the record give more than a month apart."""
    out = []
    for name in ("death_date",):
        a, b = getattr(text, name), getattr(record, name)
        if not (a and b):
            continue
        try:
            gap = abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
        except ValueError:
            continue
        if gap > MAX_DAYS_APART:
            out.append(name)
    return out


def evidence(text: Facts, record: Facts, prior: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Each comparison both sides can make: its level and weight (bits, log2 m/u)."""
    table = prior.get("record_evidence") or {}
    out: dict[str, dict[str, Any]] = {}
    for name, level in _levels(text, record).items():
        if name in table and level in table[name]:
            m, u = table[name][level]
            out[name] = {"level": level, "weight": round(math.log2(m / u), 3)}
    if text.fields and record.fields and "occupation" in table:
        out["occupation"] = _occupation(text.fields, record.fields, table["occupation"],
                                        prior.get("occupation_shares") or {})
    return out


def _occupation(text: frozenset[str], record: frozenset[str], levels: Mapping[str, Any],
                shares: Mapping[str, float]) -> dict[str, Any]:
    """The occupation comparison: the rarest field both name, or none shared."""
    shared = text & record
    if not shared:
        m, u = levels["other field"]
        return {"level": "other field", "weight": round(math.log2(m / u), 3)}
    m, default_u = levels["same field"]
    u, field_name = min((max(MIN_FIELD_SHARE, shares.get(f, default_u)), f) for f in shared)
    return {"level": "same field", "field": field_name, "weight": round(math.log2(m / u), 3)}


def with_evidence(probability: float, features: dict[str, Any],
                  found: Mapping[str, dict[str, Any]]) -> float:
    """Add the evidence to the pair's features and match weight; the new probability."""
    if not found:
        return probability
    extra = sum(float(f["weight"]) for f in found.values())
    features.update(found)
    weight = float(features["match_weight"]) + extra
    features["match_weight"] = round(max(-99.0, min(99.0, weight)), 3)
    return 1.0 / (1.0 + 2.0 ** -weight) if weight > -1000 else 0.0
