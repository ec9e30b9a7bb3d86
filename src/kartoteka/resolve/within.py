"""Within one document: which mentions are one entity.

People are grouped by their names, read as a careful reader would:

1. Mentions with a given name or initials ("Alexander Kalin", "N. I. Yezhov") form people
   first; two of them are one person only when ``compare_names`` finds the surnames alike and
   nothing conflicting (given name, patronymic, gender). Two Genrikhs with different surnames
   stay two; so do Ivan and Pyotr Orlov.
2. A bare surname ("Kalin", "Yerev") joins the person whose surname it matches, preferring an
   exact key over a variant (Yerev ~ Yezhov, Morchanov ~ Molchanov: translation noise that
   ``surname_similarity`` prices cheaply). If it fits several people who share the surname
   ("Ivan Orlov" and "Pyotr Orlov", then "Orlov"), it is ambiguous: we attach it to the one
   named most recently before it (else the first named after it), as a reader would, and
   record the others in the mention's ``attrs["ambiguous_with"]`` so a curator can see the
   choice.
3. A family named in the plural ("the Karins", Mention.family) is a group entity; its
   ``members`` are the people whose surname matches the family's (Karin ~ Kalin).
4. Organisations group by their body (``attrs["org_id"]``, else the name); places by name;
   descriptions of unnamed people ("his wife") are each an entity of their own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from kartoteka.model import Extraction, LocalEntity, Mention
from kartoteka.names.keys import surname_key
from kartoteka.names.parse import PersonName, parse_person_name
from kartoteka.names.similarity import (
    SURNAME_THRESHOLD,
    compare_names,
    given_compatible,
    surname_similarity,
)

SAME_PERSON = 0.75  # compare_names score for two full names to be one person


@dataclass
class _Person:
    mentions: list[Mention] = field(default_factory=list)
    names: list[PersonName] = field(default_factory=list)

    @property
    def key(self) -> str:
        return min(self.mentions, key=lambda m: m.start).id

    @property
    def surnames(self) -> set[str]:
        return {n.surname for n in self.names if n.surname}

    def last_before(self, pos: int) -> int:
        starts = [m.start for m in self.mentions if m.start < pos]
        return max(starts) if starts else -1

    def has_full(self) -> bool:
        return any(n.given or n.initials for n in self.names)


def _compare(a: PersonName, b: PersonName) -> float:
    """compare_names, also trying each part of a double surname ("Trilisser-Moskvin")."""
    best = compare_names(a, b).score
    for x in _parts(a):
        for y in _parts(b):
            if (x, y) != (a, b):
                best = max(best, compare_names(x, y).score)
    return best


def _parts(name: PersonName) -> list[PersonName]:
    if not name.surname or "-" not in name.surname:
        return [name]
    return [name] + [replace(name, surname=part) for part in name.surname.split("-") if part]


def _parse(m: Mention) -> PersonName:
    return parse_person_name(m.name or m.text)


def _surname_fit(surname: str, person: _Person) -> float:
    """How well a surname fits a person: 1.02 for the same spelling, 1.01 for the same key
    ("Shmidt"/"Schmidt"), else the variant similarity ("Yerev"/"Yezhov")."""
    best = 0.0
    key = surname_key(surname)
    for other in {part for s in person.surnames for part in (s, *s.split("-"))}:
        if other.casefold() == surname.casefold():
            return 1.02
        if surname_key(other) == key:
            best = max(best, 1.01)
        else:
            best = max(best, surname_similarity(surname, other))
    return best


def _group_people(mentions: list[Mention]) -> list[_Person]:
    people: list[_Person] = []
    parsed = {m.id: _parse(m) for m in mentions}
    full = [m for m in mentions if parsed[m.id].surname and (parsed[m.id].given
                                                             or parsed[m.id].initials)]
    rest = [m for m in mentions if m not in full]
    for m in full:
        name = parsed[m.id]
        match = next((p for p in people if max(
            _compare(name, other) for other in p.names) >= SAME_PERSON), None)
        if match is None:
            match = _Person()
            people.append(match)
        match.mentions.append(m)
        match.names.append(name)
    for m in rest:
        name = parsed[m.id]
        if name.surname:
            fits = [(p, _surname_fit(name.surname, p)) for p in people]
            fits = [(p, s) for p, s in fits if s >= SURNAME_THRESHOLD]
            if fits:
                best = max(s for _, s in fits)
                tied = [p for p, s in fits if s == best or (best < 1.0 and s >= best - 0.02)]
                chosen = _pick(tied, m.start)
                if len(tied) > 1:
                    m.attrs["ambiguous_with"] = [p.key for p in tied if p is not chosen]
                chosen.mentions.append(m)
                chosen.names.append(name)
                continue
        elif name.given:
            fits = [p for p in people if any(given_compatible(name.given, n.given)
                                            for n in p.names if n.given)]
            if fits:
                _pick(fits, m.start).mentions.append(m)
                continue
        person = _Person([m], [name])
        people.append(person)
    return people


def _merge_aliases(people: list[_Person]) -> list[_Person]:
    """Join people one of whose mentions the text gave as another name of the other's
    ("Józef Unszlicht or Iosif Unshlikht", "(Russian: Иосиф Уншлихт)")."""
    owner = {m.id: p for p in people for m in p.mentions}
    merged: list[_Person] = []
    for p in people:
        for m in list(p.mentions):
            target = owner.get(str(m.attrs.get("alias_of", "")))
            if target is None or target is p:
                continue
            target.mentions.extend(p.mentions)
            target.names.extend(p.names)
            for moved in p.mentions:
                owner[moved.id] = target
            p.mentions, p.names = [], []
            break
    for p in people:
        if p.mentions:
            merged.append(p)
    return merged


def _pick(candidates: list[_Person], pos: int) -> _Person:
    """The candidate named most recently before ``pos``, else the first named after it."""
    before = [p for p in candidates if p.last_before(pos) >= 0]
    if before:
        return max(before, key=lambda p: p.last_before(pos))
    return min(candidates, key=lambda p: min(m.start for m in p.mentions))


def _label(person: _Person) -> str:
    """The fullest Latin-script name (a Cyrillic form only when there is no other)."""
    fullest = max(person.mentions, key=lambda m: (not _cyrillic(m.name or m.text),
                                                  len((m.name or m.text).split()), -m.start))
    if len((fullest.name or "").split()) > 1:
        return fullest.name or fullest.text
    counts = Counter(m.name or m.text for m in person.mentions)
    return counts.most_common(1)[0][0]


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def within(extraction: Extraction) -> list[LocalEntity]:
    """Group a document's mentions into entities (see the module docstring for the rules)."""
    mentions = sorted(extraction.mentions, key=lambda m: (m.start, -m.end))
    persons = [m for m in mentions if m.kind == "person" and m.name]
    families = [m for m in mentions if m.kind == "group" and m.family and m.name]
    out: list[LocalEntity] = []
    people = _merge_aliases(_group_people(persons))
    for p in people:
        ms = sorted(p.mentions, key=lambda m: m.start)
        genders = {n.gender for n in p.names if n.gender} | {m.gender for m in ms if m.gender}
        out.append(LocalEntity(
            key=p.key, kind="person", label=_label(p),
            names=sorted({m.text for m in ms} | {m.name for m in ms if m.name}),
            mention_ids=[m.id for m in ms],
            gender=genders.pop() if len(genders) == 1 else None))  # type: ignore[arg-type]
    family_groups: list[tuple[str, list[Mention]]] = []
    for m in families:
        home = next((g for g in family_groups
                     if surname_similarity(g[0], m.name or "") >= SURNAME_THRESHOLD), None)
        if home is None:
            family_groups.append((m.name or m.text, [m]))
        else:
            home[1].append(m)
    for name, ms in family_groups:
        fits = [(p, _surname_fit(name, p)) for p in people]
        fits = [(p, s) for p, s in fits if s >= SURNAME_THRESHOLD]
        best = max((s for _, s in fits), default=0.0)
        members = [p.key for p, s in fits if s >= min(best, 1.0) - 0.02]
        out.append(LocalEntity(
            key=ms[0].id, kind="group", label=f"{name} family", names=sorted({m.text for m in ms}),
            mention_ids=[m.id for m in ms], members=members, descriptor=ms[0].descriptor))
    grouped: dict[tuple[str, str], LocalEntity] = {}
    for m in mentions:
        if m.kind == "person" and m.name or m.kind == "group" and m.family and m.name:
            continue
        if m.kind in ("organization", "place") and (m.name or m.text):
            group_key = (m.kind, str(m.attrs.get("org_id") or m.name or m.text))
            if group_key in grouped:
                ent = grouped[group_key]
                ent.mention_ids.append(m.id)
                if m.text not in ent.names:
                    ent.names.append(m.text)
                continue
            ent = LocalEntity(key=m.id, kind=m.kind, label=m.name or m.text, names=[m.text],
                              mention_ids=[m.id])
            grouped[group_key] = ent
            out.append(ent)
            continue
        out.append(LocalEntity(key=m.id, kind=m.kind, label=m.descriptor or m.name or m.text,
                               names=[m.name] if m.name else [], mention_ids=[m.id],
                               gender=m.gender, descriptor=m.descriptor))
    first = {m.id: m.start for m in mentions}
    return sorted(out, key=lambda e: first.get(e.key, 0))
