"""Linking person profiles to authority lists (Memorial's execution lists, CSV lists).

The same comparisons as across documents, in Splink's link-only mode, with a prior made for
lists (``data/authority_prior.json``: in an execution list most people died in 1937-38, so a
shared death year says little) and surname frequencies counted in the list itself: a namesake
of one of twenty Orlovs weighs little, a Bokiy a lot. On top of the score, rules hold:

- a conflict (given name, patronymic, gender, years more than one apart, but a death year
  only where nothing beyond the name identifies them: ``death_years``) excludes a record,
  unless the record's name variants offer a reading without it;
- a link needs the surname and the given name (or its initial) to agree: a surname alone, however
  rare, at most waits for review;
- a profile links to at most one record of a source; two records it fits about equally well
  both go to review;
- a day of death the text gives more than a month from the record's holds the pair for review,
  however well the rest agrees (``authority_evidence.days_apart``);
- what the entity's other documents say of the person counts, and the list's only record of a
  full given name and surname links when something the text says agrees with it and nothing
  weighs against (``authority_rules``).

The prior and the surname frequencies are those of the whole list, not of the records passed
in: a new document is linked against the records of its surnames' blocks only, and counting
within those would make every surname look common and every record likely (a bare "Kamenev"
would then link on ingest and not on import). ``list_sizes`` gives each list's full size;
the records passed must then be whole blocks, so a surname's count in them is its count in
the list.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

from kartoteka.names import parse_person_name, surname_keys
from kartoteka.names.gender import patronymic_gender
from kartoteka.names.script import is_cyrillic
from kartoteka.names.translit import READERS, read_latin
from kartoteka.resolve.authority_evidence import (
    Facts,
    days_apart,
    evidence,
    profile_facts,
    record_facts,
    with_evidence,
)
from kartoteka.resolve.authority_model import LearntModel, with_model
from kartoteka.resolve.authority_rules import namesake_index, pooled, sole_namesake
from kartoteka.resolve.comparisons import (
    AUTHORITY_PRIOR_FILE,
    load_prior,
    pair_features,
    person_blocking_rules,
    person_comparisons,
)
from kartoteka.resolve.constraints import DATE_CONFLICTS, conflicts
from kartoteka.resolve.death_years import differ
from kartoteka.resolve.linker import score_pairs
from kartoteka.resolve.profile import Profile
from kartoteka.resolve.records import PERSON_COLUMNS, name_parts, person_row

DEFAULT_LINK_THRESHOLD = 0.95
DEFAULT_REVIEW_THRESHOLD = 0.5
STRONG_SURNAME = frozenset({"exact", "same main key", "same key"})
AGREEING_GIVEN = frozenset({"exact", "same name group", "jaro-winkler 0.9", "initial"})
# With at least this many profiles, u is re-estimated from profile-record pairs.
MIN_PROFILES_TO_TRAIN = 1000
READING_SEPARATOR = "\x1e"
# Pairs read back from the name model when a profile has facts a record may corroborate
# (authority_evidence): the same birthday, day of death and birthplace add some 19 bits, so a
# pair that the names alone put at 1 in 10,000 may still end above the review line.
EVIDENCE_FLOOR = 1e-4
_BRACKETED = re.compile(r"\([^)]*\)")
_VOWEL_YO = re.compile(r"([aeiouyAEIOUY])[yj]o")


@dataclass(frozen=True)
class AuthorityRecord:
    """One person of an authority list. ``name`` is surname-first, variants in brackets, as in
    Memorial's lists; ``extra["variants"]`` may give the variants already spelled out in full
    ("Карин Федор Петрович"), and ``extra["gender"]`` the record's gender."""

    source: str
    record_id: str
    name: str
    birth_year: int | None = None
    death_year: int | None = None  # for an execution list, the year of execution
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.source}\x1f{self.record_id}"


@dataclass(frozen=True)
class AuthorityMatch:
    profile_key: str
    source: str
    record_id: str
    probability: float
    features: dict[str, Any]
    decision: Literal["linked", "review"]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _variant_names(record: AuthorityRecord, surname: str | None, given: str | None) -> list[str]:
    """Full surname-first names a record's bracketed variants stand for."""
    if record.extra.get("variants"):
        return [str(v) for v in record.extra["variants"]]
    out = []
    for variant in parse_person_name(record.name, order="surname-first").variants:
        for piece in (p.strip() for p in variant.split(",")):
            if not piece:
                continue
            if " " in piece:
                out.append(piece)
            elif patronymic_gender(piece) and surname and given:
                out.append(f"{surname} {given} {piece}")  # another patronymic
            else:
                out.append(piece)  # another surname
    return out


def record_profiles(record: AuthorityRecord) -> list[Profile]:
    """The record as profiles: its main reading first, then one per name variant (a variant
    that is a lone surname keeps the main given name and patronymic)."""
    # The name without its bracketed variants, wherever they stand: "Артузов (Фраучи) Артур
    # Христианович" is Artur Khristianovich Artuzov, not a bare surname.
    main_text = " ".join(_BRACKETED.sub(" ", record.name).split())
    main = parse_person_name(main_text, order="surname-first")
    variants = _variant_names(record, main.surname, main.given)
    gender = record.extra.get("gender") or main.gender
    out = []
    for written in [main_text, *variants]:
        name = parse_person_name(written, order="surname-first")
        lone_surname = not (name.given or name.patronymic or name.initials)
        out.append(Profile(
            key=record.key, document_id=record.source, kind="person", label=written,
            names=[main_text, *variants], surname=name.surname or main.surname,
            given=main.given if lone_surname else name.given,
            patronymic=main.patronymic if lone_surname else name.patronymic,
            initials=name.initials, gender=gender, birth_year=record.birth_year,
            death_year=record.death_year, language="ru",
        ))
    return out


def _latin(text: str | None) -> bool:
    return bool(text) and not is_cyrillic(text or "")


def profile_readings(profile: Profile) -> list[Profile]:
    """The profile, then its Latin name read back into Cyrillic under each family of schemes
    (``names.translit.READERS``), one scheme for the whole name as a text writes it.

    A Latin name keys under its likeliest scheme only, and the guess can miss: ISO 9's
    "Mihajlovič" looks French (j before a consonant), French "Vassilievitch" English. Against a
    Cyrillic list every reading is tried, and the pair keeps the reading that fits best
    (``_better``): a namesake's other patronymic or years have no reading that agrees."""
    parts = (profile.surname, profile.given, profile.patronymic)
    # A surname, alone or with initials, keys under every reading already (surname_keys) and
    # can link by none: only a full given name or patronymic is worth reading again.
    full = [p for p in parts[1:] if p and len(p.strip(". ")) > 1]
    if not full or not any(_latin(part) for part in parts):
        return [profile]
    out, seen = [profile], {parts}
    for reader in READERS:
        read = tuple(read_latin(part, reader) if _latin(part) else part for part in parts)
        if read in seen:
            continue
        seen.add(read)
        surname, given, patronymic = read
        label = " ".join(part for part in (given, patronymic, surname) if part)
        out.append(replace(profile, label=label, names=[label], surname=surname, given=given,
                           patronymic=patronymic))
    return out


# The columns a reading of a profile may change; a reading that changes none compares as the
# profile does, and is not scored again.
_READ_COLUMNS = ("surname_folded", "surname_key", "given_key", "patronymic_key")


def _reading_rows(readings: Mapping[str, list[Profile]]) -> list[dict[str, Any]]:
    """Linkage rows of the profiles' readings, those that compare as an earlier one left out
    (a Latin name most readers read alike costs one row, not seven)."""
    rows = []
    for key, own in readings.items():
        seen = set()
        for i, reading in enumerate(own):
            row = person_row(reading)
            columns = tuple(row[c] for c in _READ_COLUMNS)
            if columns not in seen:
                seen.add(columns)
                rows.append({**row, "unique_id": f"{key}{READING_SEPARATOR}{i}"})
    return rows


def profile_blocks(profile: Profile) -> set[str]:
    """The blocks a profile's record may be stored under (a record's block is the key of its
    surname, ``names.surname_key``): the key of every reading of the profile's surname and of
    each part of a double one. A Latin spelling's likeliest reading is not always its Cyrillic
    record's (Chitrin, Marjetski), and Trilisser-Moskvin is filed under Москвин."""
    surname = (profile.surname or "").strip()
    forms = {surname, *surname.split("-")} - {""}
    # After a vowel, "yo" is й + о as often as ё (Mayorov is Майоров, Zayonchikov Зайончиков):
    # the keys read it as ё only, so the й reading is keyed too.
    forms |= {_VOWEL_YO.sub(r"\1io", form) for form in forms}
    return {key for form in forms for key in surname_keys(form) if key}


def _better(a: tuple[float, dict[str, Any]], b: tuple[float, dict[str, Any]]) -> bool:
    """Which reading of a record fits a profile better: fewer conflicts, then names that agree
    strongly (``_is_strong``), then the greater match weight. A probability saturates at 1.0
    long before the weights stop telling readings apart, and on a common surname the exact
    level (weighed down by the surname's frequency) may weigh less than a loose key."""
    def rank(pair: tuple[float, dict[str, Any]]) -> tuple[int, bool, float, float]:
        probability, features = pair
        return (len(features["conflicts"]), not _is_strong(features),
                -features["match_weight"], -probability)
    return rank(a) < rank(b)


def list_frequencies(rows: Sequence[dict[str, Any]], n_records: int) -> dict[str, dict[str, float]]:
    """Surname frequencies in the list itself (the population a namesake comes from), out of
    ``n_records``, the size of the whole list even when ``rows`` are some of its blocks."""
    out: dict[str, dict[str, float]] = {}
    for column in ("surname_folded", "surname_key"):
        counts = Counter(row[column] for row in rows if row[column])
        out[column] = {value: count / n_records for value, count in counts.items()}
    return out


def _is_strong(features: dict[str, Any]) -> bool:
    return (
        features["surname"]["level"] in STRONG_SURNAME
        and features["given"]["level"] in AGREEING_GIVEN
    )


def link_authority(
    profiles: Sequence[Profile],
    records: Sequence[AuthorityRecord],
    *,
    link_threshold: float = DEFAULT_LINK_THRESHOLD,
    review_threshold: float = DEFAULT_REVIEW_THRESHOLD,
    backend: str = "duckdb",
    list_sizes: Mapping[str, int] | None = None,
    model: LearntModel | None = None,
    entity_profiles: Mapping[str, Sequence[Profile]] | None = None,
) -> list[AuthorityMatch]:
    """Links (probability >= ``link_threshold`` and no rule against it) and review candidates
    (>= ``review_threshold``) between person profiles and authority records.

    ``list_sizes``: the number of records of each list (source) when ``records`` are only
    some blocks of it (see the module's docstring); by default the records are the lists.
    ``model``: what reviewers' decisions taught (``authority_model.learn``): its m/u and link
    threshold replace the prior's. ``entity_profiles``: by profile key, the other profiles of
    its entity (its other documents), whose facts count as its own (``authority_rules``)."""
    persons = sorted((p for p in profiles if p.kind == "person"), key=lambda p: p.key)
    borrowed: dict[str, list[str]] = {}
    if entity_profiles:
        for i, person in enumerate(persons):
            persons[i], borrowed[person.key] = pooled(person, entity_profiles.get(person.key, ()))
    ordered = sorted(records, key=lambda r: (r.source, r.record_id))
    if not persons or not ordered:
        return []
    population = _population(ordered, list_sizes)
    prior = load_prior(AUTHORITY_PRIOR_FILE)
    # Reviewers who refused links made the linker stricter: no rule then links below the line.
    sole_rule = model is None or "threshold" not in model.learnt
    if model is not None:
        prior, link_threshold = with_model(prior, model), model.link_threshold
    by_key = {r.key: r for r in ordered}
    readings = {r.key: record_profiles(r) for r in ordered}
    # One row per reading of a record (its main name and each variant), so that a profile
    # naming "Krutyansky Todres" meets the record of "Karin Fyodor (Krutyansky Todres)".
    reading_rows = [
        {**person_row(reading), "unique_id": f"{key}{READING_SEPARATOR}{i}"}
        for key, record_readings in readings.items()
        for i, reading in enumerate(record_readings)
    ]
    keep_from = min(review_threshold, link_threshold)
    namesakes = namesake_index(readings)
    fates_of = {p.key: set(p.fates) for p in persons}
    text_facts = {p.key: profile_facts(p) for p in persons}
    text_facts = {k: f for k, f in text_facts.items() if f != Facts()}
    # One row per reading of a profile too: its Latin name read under each scheme.
    profile_readings_of = {p.key: profile_readings(p) for p in persons}
    profile_rows = _reading_rows(profile_readings_of)
    batch = score_pairs(
        profile_rows,
        PERSON_COLUMNS,
        other_records=reading_rows,
        comparisons=person_comparisons(prior, surname_tf=True),
        blocking_rules=person_blocking_rules(),
        probability_two_random_records_match=min(
            0.5, prior["share_of_profiles_in_list"] / population
        ),
        estimate_u=len(persons) >= MIN_PROFILES_TO_TRAIN,
        term_frequencies=list_frequencies(reading_rows, population),
        min_probability=EVIDENCE_FLOOR if any(text_facts.values()) else keep_from,
        backend=backend,
    )
    parts = {f"{key}{READING_SEPARATOR}{i}": name_parts(reading)
             for key, own in profile_readings_of.items() for i, reading in enumerate(own)}
    best: dict[tuple[str, str], tuple[float, dict[str, Any]]] = {}
    for row in batch.pairs:
        profile_id, reading_id = row["unique_id_l"], row["unique_id_r"]
        if profile_id not in parts:  # Splink may put either table on the left
            profile_id, reading_id = reading_id, profile_id
        profile_key, _, profile_index = profile_id.rpartition(READING_SEPARATOR)
        record_key, _, index = reading_id.rpartition(READING_SEPARATOR)
        reading = name_parts(readings[record_key][int(index)])
        probability = float(row["match_probability"])
        features = pair_features(row, conflicts(parts[profile_id], reading))
        features.update(differ(parts[profile_id], reading))  # the text's, the record's
        features["reading"] = readings[record_key][int(index)].label
        if profile_index != "0":
            features["profile_reading"] = profile_readings_of[profile_key][
                int(profile_index)].label
        pair = (profile_key, record_key)
        if pair not in best or _better((probability, features), best[pair]):
            best[pair] = (probability, features)
    found: dict[str, list[AuthorityMatch]] = defaultdict(list)
    for (profile_key, record_key), (probability, features) in sorted(best.items()):
        held: list[str] = []
        if profile_key in text_facts:  # what the text says that the record may corroborate
            own = record_facts(by_key[record_key].extra)
            probability = with_evidence(probability, features, evidence(
                text_facts[profile_key], own, prior))
            held = days_apart(text_facts[profile_key], own)
        if probability < keep_from:
            continue
        reasons = tuple(features["conflicts"])
        if reasons and not (set(reasons) <= DATE_CONFLICTS and probability >= link_threshold):
            continue
        linked = probability >= link_threshold and not reasons and _is_strong(features)
        if probability >= link_threshold and not reasons and not _is_strong(features):
            features["names_too_thin"] = True  # a surname alone never links, however rare
        if linked and held:
            linked, features["days_apart"] = False, held  # a reviewer decides (evidence)
        if borrowed.get(profile_key):
            features["from_entity"] = ", ".join(borrowed[profile_key])
        if sole_rule and not linked and not held and probability >= review_threshold:
            reading = next((r for r in readings[record_key] if r.label == features["reading"]),
                           readings[record_key][0])
            shot = ("execution" in fates_of.get(profile_key, ())
                    or not by_key[record_key].extra.get("execution_date"))
            why = sole_namesake(features, record_key, reading, namesakes, shot=shot)
            if why:
                linked, features["sole_namesake"] = True, why
        record = by_key[record_key]
        found[profile_key].append(AuthorityMatch(
            profile_key, record.source, record.record_id, probability, features,
            "linked" if linked else "review",
        ))
    return _one_link_per_source(found, link_threshold)


def _population(records: Sequence[AuthorityRecord], list_sizes: Mapping[str, int] | None
                ) -> int:
    """How many records the lists hold in all: their stated sizes, never fewer than given."""
    given = Counter(r.source for r in records)
    sizes = list_sizes or {}
    return sum(max(sizes.get(source, 0), count) for source, count in given.items())


def _one_link_per_source(
    found: dict[str, list[AuthorityMatch]], link_threshold: float
) -> list[AuthorityMatch]:
    """Keep a profile's link to a source only if it beats every other candidate of that source
    by the margin the threshold implies; otherwise all its close candidates wait for review."""
    margin = math.log2(link_threshold / (1.0 - link_threshold))
    out: list[AuthorityMatch] = []
    for profile_key in sorted(found):
        matches = sorted(found[profile_key], key=lambda m: (-m.probability, m.source, m.record_id))
        best_by_source: dict[str, float] = {}
        for m in matches:
            best_by_source.setdefault(m.source, m.features["match_weight"])
        for m in matches:
            rivals = [
                o for o in matches
                if o.source == m.source and o is not m
                and o.features["match_weight"] >= best_by_source[m.source] - margin
            ]
            if m.decision == "linked" and rivals:
                m = AuthorityMatch(m.profile_key, m.source, m.record_id, m.probability,
                                   {**m.features, "ambiguous": True}, "review")
            out.append(m)
    return out
