"""Grouping one document's person mentions into people (the rules are in ``within``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kartoteka.model import Mention
from kartoteka.names.gender import patronymic_gender, surname_gender
from kartoteka.names.given_names import given_name_gender
from kartoteka.names.keys import surname_key
from kartoteka.names.parse import PersonName, parse_person_name
from kartoteka.names.similarity import (
    SURNAME_THRESHOLD,
    compare_names,
    given_compatible,
    patronymic_compatible,
    surname_similarity,
)
from kartoteka.resolve.aliases import SUBJECT
from kartoteka.resolve.apart import not_the_narrator, told_apart
from kartoteka.resolve.channel_within import join_channel_variants

SAME_PERSON = 0.75  # compare_names score for two full names to be one person
TITLE_LINE = 120  # a first line this short that a name fills is the text's title
OPENING = 300  # characters: a name this early stands in the title or the first sentence
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZА-ЯЁ\"«“])|\n")


@dataclass
class Person:
    mentions: list[Mention] = field(default_factory=list)
    own: dict[str, PersonName] = field(default_factory=dict)  # mention id -> its own name
    other: dict[str, PersonName] = field(default_factory=dict)  # birth names, pseudonyms, …
    unresolved: bool = False  # a bare name that fits several people equally well
    _cache: dict[object, frozenset[str]] = field(default_factory=dict, repr=False)

    @property
    def key(self) -> str:
        return min(self.mentions, key=lambda m: m.start).id

    @property
    def names(self) -> list[PersonName]:
        """Its own names."""
        return list(self.own.values())

    @property
    def alias_names(self) -> list[PersonName]:
        """Its other names: a birth name, a pseudonym, a foreign form given as such."""
        return list(self.other.values())

    def add(self, mention: Mention, name: PersonName, *, alias: bool = False) -> None:
        self.mentions.append(mention)
        (self.other if alias else self.own)[mention.id] = name
        self._cache.clear()

    def remove(self, mention: Mention) -> None:
        self.mentions.remove(mention)
        mention_id = mention.id
        self.own.pop(mention_id, None)
        self.other.pop(mention_id, None)
        self._cache.clear()

    def absorb(self, other: Person) -> None:
        """Take another person's mentions as another name of this one."""
        self.mentions.extend(other.mentions)
        self.other.update(other.own)
        self.other.update(other.other)
        self._cache.clear()
        other.mentions, other.own, other.other = [], {}, {}

    def own_mentions(self) -> list[Mention]:
        """The mentions by the person's own names (all of them if it has only aliases)."""
        own = [m for m in self.mentions if m.id in self.own]
        return own or self.mentions

    def genders(self) -> set[str]:
        """Genders its own names and mentions show (a birth name's only when they show none)."""
        if "genders" not in self._cache:
            found = {n.gender for n in self.own.values() if n.gender}
            found |= {m.gender for m in self.own_mentions() if m.gender}
            self._cache["genders"] = frozenset(
                found or {n.gender for n in self.other.values() if n.gender})
        return set(self._cache["genders"])

    def mentioned_between(self, start: int, end: int) -> bool:
        return any(start <= m.start < end for m in self.mentions)

    def surnames(self, *, with_aliases: bool = False) -> frozenset[str]:
        """Its surnames and each part of a double one ("Trilisser-Moskvin")."""
        if with_aliases not in self._cache:
            names = [*self.own.values(), *(self.other.values() if with_aliases else ())]
            self._cache[with_aliases] = frozenset(
                part for n in names if n.surname
                for part in (n.surname, *n.surname.split("-")) if part)
        return self._cache[with_aliases]

    def surname_fit(self, surname: str, *, with_aliases: bool = False) -> float:
        """How well a surname fits: 1.02 for the same spelling, 1.01 for the same key
        ("Shmidt"/"Schmidt"), else the variant similarity ("Yerev"/"Yezhov")."""
        best = 0.0
        key = surname_key(surname)
        for other in self.surnames(with_aliases=with_aliases):
            if other.casefold() == surname.casefold():
                return 1.02
            if surname_key(other) == key:
                best = max(best, 1.01)
            else:
                best = max(best, surname_similarity(surname, other))
        return best

    def names_person(self, name: PersonName) -> bool:
        """Whether a given name and patronymic are this person's, both of them."""
        return any(given_compatible(name.given, n.given)
                   and patronymic_compatible(name.patronymic, n.patronymic)
                   for n in dict.fromkeys(self.own.values()) if n.given and n.patronymic)

    def given_fit(self, name: PersonName, *, with_aliases: bool = False) -> bool:
        """Whether a given name (and patronymic) may be this person's: one of the names
        agrees and none says otherwise ("Максим Максимович" is not the Максим Осипович also
        written "Максим Кифёкышев")."""
        names = [n for n in dict.fromkeys(
            [*self.own.values(), *(self.other.values() if with_aliases else ())]) if n.given]
        return any(
            given_compatible(name.given, n.given)
            and patronymic_compatible(name.patronymic, n.patronymic) is not False
            for n in names) and not any(
            patronymic_compatible(name.patronymic, n.patronymic) is False
            and given_compatible(name.given, n.given) for n in self.own.values())


def _parts(name: PersonName) -> list[PersonName]:
    if not name.surname or "-" not in name.surname:
        return [name]
    return [name] + [replace(name, surname=part) for part in name.surname.split("-") if part]


def _compare(a: PersonName, b: PersonName) -> float:
    """compare_names, also trying each part of a double surname ("Trilisser-Moskvin")."""
    best = compare_names(a, b).score
    for x in _parts(a):
        for y in _parts(b):
            if (x, y) != (a, b):
                best = max(best, compare_names(x, y).score)
    return best


def _is_full(name: PersonName) -> bool:
    return bool(name.surname and (name.given or name.initials))


def _candidates(word: PersonName, people: list[Person]) -> tuple[list[Person], str]:
    """The people a name without a surname-and-given pair may be, and how it fits them
    ("surname" or "given"): by surname, else by given name (and patronymic); own names first,
    another name of theirs only if no own name fits."""
    live = [p for p in people if not p.unresolved]
    single = word.surname or (word.given if not word.patronymic else None)
    for with_aliases in (False, True):
        if single:
            # A lone word that is some person's surname is that surname, even if it is also a
            # given name ("Daniel" beside "Berta Daniel").
            fits = [(p, p.surname_fit(single, with_aliases=with_aliases)) for p in live]
            strict = 1.01 if not word.surname else SURNAME_THRESHOLD
            fits = [(p, s) for p, s in fits if s >= strict]
            if fits:
                best = max(s for _, s in fits)
                return [p for p, s in fits
                        if s == best or (best < 1.0 and s >= best - 0.02)], "surname"
        if word.given and not word.surname:
            fits_given = [p for p in live if p.given_fit(word, with_aliases=with_aliases)]
            if fits_given:
                return fits_given, "given"
    return [], ""


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _as_given_and_patronymic(name: PersonName) -> PersonName | None:
    """"Пётр Ильич" read as a given name and patronymic, when its second word can be one."""
    if name.surname and name.given and not name.patronymic and not name.initials \
            and patronymic_gender(name.surname):
        return PersonName(surname=None, given=name.given, patronymic=name.surname,
                          script=name.script)
    return None


class _Grouping:
    def __init__(self, mentions: list[Mention], aliases: dict[str, str], text: str,
                 born: dict[str, int]) -> None:
        self.text = text
        self.born = born
        self.aliases = aliases
        self.parsed = {m.id: parse_person_name(m.name or m.text) for m in mentions}
        self.mentions = mentions
        self.people: list[Person] = []
        self.owner: dict[str, Person] = {}
        self.starts = _sentence_starts(text)

    def place(self, m: Mention, person: Person, *, alias: bool = False) -> None:
        person.add(m, self.parsed[m.id], alias=alias)
        self.owner[m.id] = person

    def best_full_match(self, m: Mention, name: PersonName) -> Person | None:
        """The person a full name names again: the closest name, then the last named (two
        people of one name that the text set apart: the son named after the narrator)."""
        best, best_key = None, (SAME_PERSON, -1)
        for p in self.people:
            score = max(_compare(name, other) for other in dict.fromkeys(p.own.values()))
            key = (score, max(x.start for x in p.mentions))
            if score >= SAME_PERSON and key > best_key and not self.apart(m, p):
                best, best_key = p, key
        return best

    def apart(self, m: Mention, person: Person, *, years: bool = True) -> bool:
        """Whether the text sets this mention's person apart from ``person`` (``apart``)."""
        born = self.born if years else {}
        return any(told_apart(m, other, born) for other in person.mentions)

    def new_person(self, m: Mention, *, unresolved: bool = False) -> Person:
        person = Person(unresolved=unresolved)
        self.people.append(person)
        self.place(m, person)
        return person

    def group_full_names(self) -> None:
        for m in self.mentions:
            name = self.parsed[m.id]
            if not _is_full(name) or m.id in self.owner:
                continue
            match = self.best_full_match(m, name)
            alternative = _as_given_and_patronymic(name)
            if match is None and alternative is not None:
                match = next((p for p in self.people if p.names_person(alternative)), None)
                if match is not None:
                    self.parsed[m.id] = alternative
            if match is None:
                self.new_person(m)
            else:
                self.place(m, match)

    def join_aliases(self, subject: Person | None) -> None:
        """Give each alias's person (or the alias alone) to the person it names again."""
        for m in self.mentions:
            target_id = self.aliases.get(m.id)
            if target_id is None:
                continue
            target = subject if target_id == SUBJECT else self.owner.get(target_id)
            if target is None:
                continue
            source = self.owner.get(m.id)
            if source is target:
                continue
            if target_id == SUBJECT and _other_gender(source, m, self.parsed[m.id], target):
                continue  # "She was born Anna Lind" in a text about a man: not his name
            if source is not None and self.other_targets(source, target, subject):
                # The same name given as another name of two people ("born Ivan Petrov"
                # twice): only this mention goes, the rest of its person stays.
                source.remove(m)
                source = None
            if source is None:
                self.place(m, target, alias=True)
                continue
            target.absorb(source)
            for moved in target.mentions:
                self.owner[moved.id] = target
        self.people = [p for p in self.people if p.mentions]

    def other_targets(self, source: Person, target: Person, subject: Person | None) -> bool:
        """Whether some mention of ``source`` is another name of someone else than ``target``."""
        for m in source.mentions:
            target_id = self.aliases.get(m.id)
            if target_id is None:
                continue
            other = subject if target_id == SUBJECT else self.owner.get(target_id)
            if other is not None and other is not target and other is not source:
                return True
        return False

    def subject(self) -> Person | None:
        """The person the text is about: the one its title names, else the one named most,
        if clearly more than anyone else and early on or twice as often as the next."""
        support = {id(p): len(p.mentions) for p in self.people}
        for m in self.mentions:
            if m.id not in self.owner:
                fits, _ = _candidates(self.parsed[m.id], self.people)
                if len(fits) == 1:
                    support[id(fits[0])] += 1
        first_line = self.text.split("\n", 1)[0]
        if 0 < len(first_line.strip()) <= TITLE_LINE:
            for m in self.mentions:
                if m.end <= len(first_line) and 2 * (m.end - m.start) >= len(first_line.strip()):
                    title = self.owner.get(m.id)
                    fits = _candidates(self.parsed[m.id], self.people)[0] if not title else []
                    title = title or (fits[0] if len(fits) == 1 else None)
                    if title is not None:
                        return title
        ranked = sorted(self.people, key=lambda p: -support[id(p)])
        if not ranked:
            return None
        top = support[id(ranked[0])]
        second = support[id(ranked[1])] if len(ranked) > 1 else 0
        early = min(m.start for m in ranked[0].mentions) < OPENING
        if top > second and (early or (top >= 3 and top >= 2 * second)):
            return ranked[0]
        return None

    def shown_gender(self, m: Mention, route: str) -> str | None:
        """The gender a bare name shows as it is used: a surname's ending (Yezhova), a given
        name's gender; not the extractor's guess, which may read a surname as a given name
        ("Daniel")."""
        name = self.parsed[m.id]
        if route == "surname":
            return surname_gender(name.surname or name.given or "")
        return given_name_gender(name.given or "") if route == "given" else None

    def choose(self, m: Mention, tied: list[Person], route: str, subject: Person | None
               ) -> Person | None:
        """Which of several fitting people a bare name is, if the context says so."""
        # A kinship word just before the name (``attrs["kin"]``, marked by the extractor).
        kin = m.attrs.get("kin")
        gender = self.shown_gender(m, route) or (m.attrs.get("kin_gender") if kin else None)
        if gender:
            tied = [p for p in tied if not p.genders() or gender in p.genders()]
        if kin:  # a relative of the person the text is about, not that person
            tied = [p for p in tied if p is not subject]
        if len(tied) <= 1:
            return tied[0] if tied else None
        if subject in tied:
            return subject
        earlier = [s for s in self.starts if s <= m.start]
        window = earlier[-2] if len(earlier) > 1 else 0
        local = [p for p in tied if p.mentioned_between(window, m.start)]
        return local[0] if len(local) == 1 else None

    def place_bare_names(self, subject: Person | None) -> None:
        for m in self.mentions:
            if m.id in self.owner:
                continue
            target_id = self.aliases.get(m.id)
            target = subject if target_id == SUBJECT else self.owner.get(target_id or "")
            if target is subject and target_id == SUBJECT and target is not None \
                    and _other_gender(None, m, self.parsed[m.id], target):
                target = None
            if target is not None:  # another name of someone placed since
                self.place(m, target, alias=True)
                continue
            tied, route = _candidates(self.parsed[m.id], self.people)
            # the marks only: a bare name's birth year is the one most often misread (a
            # month without its year takes the text's last one)
            tied = not_the_narrator([p for p in tied if not self.apart(m, p, years=False)])
            shown = self.shown_gender(m, route)
            if len(tied) == 1 and shown and tied[0].genders() and shown not in tied[0].genders():
                tied = []  # "Yezhova" beside Nikolai Yezhov alone: his wife, not he
            if not tied:
                self.new_person(m)
                continue
            chosen = tied[0] if len(tied) == 1 else self.choose(m, tied, route, subject)
            if chosen is None:
                m.attrs["unresolved"] = sorted(p.key for p in tied)
                self.new_person(m, unresolved=True)
                continue
            if len(tied) > 1:
                m.attrs["ambiguous_with"] = [p.key for p in tied if p is not chosen]
            self.place(m, chosen, alias=not self.fits_own_name(m, chosen))

    def fits_own_name(self, m: Mention, person: Person) -> bool:
        """Whether a bare name matches one of the person's own names, not only an alias."""
        name = self.parsed[m.id]
        word = name.surname or name.given or ""
        return person.surname_fit(word) >= (SURNAME_THRESHOLD if name.surname else 1.01) or (
            bool(name.given) and not name.surname and person.given_fit(name))


def _other_gender(source: Person | None, m: Mention, name: PersonName,
                  subject: Person) -> bool:
    """Whether a name the layout gives the text's subject shows the other gender than the
    subject's own names: the pronoun before it ("she was born X") was someone else's."""
    shown = source.genders() if source is not None else {g for g in (name.gender, m.gender)
                                                           if g}
    own = subject.genders()
    return bool(shown and own and not shown & own)


def group_people(mentions: list[Mention], aliases: dict[str, str], text: str,
                 born: dict[str, int] | None = None) -> list[Person]:
    """People of a document from its named person mentions, sorted by position; ``aliases``
    maps a mention id to the id of the mention it names again (``SUBJECT``: the text's
    subject); ``born`` a mention id to the year of birth the text gives it."""
    grouping = _Grouping(sorted(mentions, key=lambda m: (m.start, -m.end)), aliases, text,
                         born or {})
    grouping.group_full_names()
    grouping.join_aliases(None)
    subject = grouping.subject()
    if subject is not None:
        grouping.join_aliases(subject)
    grouping.place_bare_names(subject)
    grouping.join_aliases(subject)  # aliases of names that only bare mentions gave
    return join_channel_variants(grouping.people, text, grouping.starts)
