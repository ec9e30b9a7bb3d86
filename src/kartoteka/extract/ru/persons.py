"""People in Russian text: natasha's PER spans, cleaned, split into name parts and brought back
to the nominative in the text's own order ("Прокофьева Георгия Евгеньевича" -> "Прокофьев
Георгий Евгеньевич"). The gender and case a name is read in come from
``kartoteka.extract.ru.name_grammar``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kartoteka.extract.ru import morph
from kartoteka.extract.ru.inflection import (
    given_nominative,
    patronymic_nominative,
    surname_candidates,
    ud_case,
)
from kartoteka.extract.ru.lexicon import KINSHIP, ORG_SHAPED, PLACE_NOUNS
from kartoteka.extract.ru.name_grammar import SURNAME_SHAPED, NameGrammar
from kartoteka.extract.ru.words import (
    is_common_noun,
    is_title,
    masculine_base,
    not_a_name,
)
from kartoteka.names.gender import patronymic_gender


@dataclass
class Tok:
    """A token of the parsed text with the features the name rules read."""

    index: int
    start: int
    end: int
    text: str
    pos: str
    feats: dict[str, str]
    rel: str
    head: int | None  # index of the head token, None at the root
    sentence: int


@dataclass
class Person:
    start: int
    end: int
    tokens: list[int]
    name: str
    gender: str | None = None
    parts: dict[str, str] = field(default_factory=dict)
    case: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


def _role(tok: Tok, text: str) -> str:
    word = tok.text
    if len(word) == 1 and word.isalpha() and word.isupper() and text[tok.end:tok.end + 1] == ".":
        return "initial"
    if patronymic_gender(word) or morph.has_tag(word, "Patr"):
        return "patronymic"
    if morph.has_tag(word, "Name") and not morph.has_tag(word, "Surn"):
        return "given"
    return "surname"


SURNAME_THEN_INITIALS = re.compile(r"([^\W\d_][\w-]+)\s+([А-ЯЁ])\.\s?(?:([А-ЯЁ])\.?)?")


def initials_first(name: str) -> str:
    """"Ежов Н. И." and "Н.И. Ежов" as "Н. И. Ежов": one form whichever order a list uses."""
    m = SURNAME_THEN_INITIALS.fullmatch(name)
    if m:
        name = " ".join(f"{i}." for i in (m[2], m[3]) if i) + f" {m[1]}"
    # "Н.И. Ежов", "И.В.Сталин": a space after each initial
    return re.sub(r"(?<!\w)([А-ЯЁ])\.(?=[А-ЯЁ](?:\.|[а-яё]))", r"\1. ", name)


def _surname_not_place(word: str) -> bool:
    """pymorphy's likeliest reading of ``word`` is a surname (Surn), and no reading a place
    name (Geox): Зотов, Лавров, but not Ростов or Саратов."""
    found = morph.parses(word)
    return bool(found) and "Surn" in found[0].tag.grammemes and not any(
        "Geox" in p.tag.grammemes for p in found)


class PersonFinder:
    """Turns natasha's PER spans of one document into normalised people."""

    def __init__(self, text: str, tokens: list[Tok]) -> None:
        self.text = text
        self.tokens = tokens
        self.known_men: set[str] = set()  # nominative men's surnames the document states plainly
        self._inside_lemmas: frozenset[str] | None = None
        self.grammar = NameGrammar(text, tokens, self.known_men)

    def find(self, spans: list[tuple[int, int]], *, fixed: list[Person] | None = None
             ) -> list[Person]:
        """``spans``: token index ranges (end exclusive) of natasha's PER spans. ``fixed``:
        people already read by other rules (a list's heads); they tell which surnames the
        document knows but are not returned."""
        fixed = fixed or []
        for person in fixed:
            if person.gender == "m" and person.parts.get("surname"):
                self.known_men.add(person.parts["surname"].lower())
        groups = [g for a, b in spans for g in self._clean(a, b)]
        people: list[Person] = []
        deferred: list[list[int]] = []
        for group in groups:
            if self._ambiguous(group):
                deferred.append(group)
                continue
            person = self._normalise(group)
            if person:
                people.append(person)
                if person.gender == "m" and person.parts.get("surname"):
                    self.known_men.add(person.parts["surname"].lower())
        for group in deferred:
            person = self._normalise(group)
            if person:
                people.append(person)
        taken = {i for p in people + fixed for i in p.tokens}
        people += self.more_mentions(people + fixed, taken)
        return sorted(people, key=lambda p: p.start)

    # -- spans ------------------------------------------------------------------------------

    def _clean(self, a: int, b: int) -> list[list[int]]:
        """Split at line breaks and tabs, drop titles, common nouns that only start a sentence,
        and punctuation; extend to a missed given name."""
        out: list[list[int]] = []
        current: list[int] = []
        for i in range(a, b):
            tok = self.tokens[i]
            gap = self.text[self.tokens[current[-1]].end:tok.start] if current else ""
            if "\n" in gap or "\t" in gap:  # a name never runs across a line or a table cell
                out.append(current)
                current = []
            current.append(i)
        out.append(current)
        cleaned = []
        for group in self._after_participles(out):
            words = [i for i in group if self.tokens[i].text[:1].isalpha()]
            while len(words) > 1 and (is_title(self.tokens[words[0]].text) or (
                    morph.lemma(self.tokens[words[0]].text) in KINSHIP  # "Дядя Коля"
                    and not morph.has_tag(self.tokens[words[0]].text, "Surn")) or (
                    self.common_noun_at_start(self.tokens[words[0]])
                    and _role(self.tokens[words[1]], self.text) == "surname")):
                words = words[1:]  # "Судьба Сомова …" at a sentence start: the noun is no name
            if not words:
                continue
            first = self.tokens[words[0]]
            if len(words) == 1 and (not_a_name(first.text) or is_title(first.text)
                                    or self.common_noun_at_start(first)
                                    or self._named_thing(first)):
                continue
            if len(words) == 1 and (_role(first, self.text) == "initial" or "." in first.text):
                continue
            if all(len(self.tokens[i].text) == 1 for i in words):
                continue  # "С.С.Р.": letters, no name among them
            group = [i for i in group if words[0] <= i <= words[-1]]
            before = words[0] - 1
            if (_role(first, self.text) == "patronymic" and before >= 0
                    and self.tokens[before].text[:1].isupper()
                    and morph.has_tag(self.tokens[before].text, "Name")
                    and self.tokens[before].sentence == first.sentence):
                group = [before] + group
            cleaned.append(group)
        return cleaned

    def _after_participles(self, groups: list[list[int]]) -> list[list[int]]:
        """"Арестовавший Орлова Павел Кузьмин", "Расстрелявший Орлова Семён Гуров": a
        transitive active participle opening a name, or right before it, is the subject's
        attribute (the one who arrested Orlov) and its object follows it; the tagger's span
        runs both names together. The participle is no part of a name, and the words before
        the next given name are its object, a person of their own."""
        out: list[list[int]] = []
        for group in groups:
            words = [i for i in group if self.tokens[i].text[:1].isalpha()]
            if not words:
                out.append(group)
                continue
            before = self.grammar.previous_word(self.tokens[words[0]])
            if morph.is_active_participle(self.tokens[words[0]].text):
                words = words[1:]
            elif before is None or not morph.is_active_participle(before.text):
                out.append(group)
                continue
            given = next((n for n, i in enumerate(words) if n > 0 and morph.has_tag(
                self.tokens[i].text, "Name", "nomn")), None)
            if given is None:
                out.append([i for i in group if words and words[0] <= i <= words[-1]])
                continue
            out.append([i for i in group if words[0] <= i < words[given]])
            out.append([i for i in group if words[given] <= i <= words[-1]])
        return [g for g in out if g]

    def common_noun_at_start(self, tok: Tok) -> bool:
        """"Судьба" heading a table column, "Биография" opening a line: a word capitalised only
        because it comes first, which the dictionary knows as a common noun alone. It is a name
        where the document capitalises it elsewhere too ("Ягода …", then "при Ягоде")."""
        if not is_common_noun(tok.text) or not self._at_start(tok):
            return False
        return not (morph.lemmas(tok.text) & self._capitalised_inside())

    def _at_start(self, tok: Tok) -> bool:
        """First word of its sentence, line or table cell (quotes and numbering aside)."""
        before = self.grammar.previous_word(tok)
        if before is None:
            return True
        gap = self.text[before.end:tok.start]
        return "\t" in gap or "\n" in gap or bool(re.search(r"[.!?…]\s*$", gap))

    def _capitalised_inside(self) -> frozenset[str]:
        """Lemmas of the words the document capitalises where no sentence or cell starts."""
        if self._inside_lemmas is None:
            self._inside_lemmas = frozenset(
                lemma for t in self.tokens if t.text[:1].isupper() and t.text[1:2].islower()
                and not self._at_start(t) for lemma in morph.lemmas(t.text))
        return self._inside_lemmas

    def _named_thing(self, tok: Tok) -> bool:
        """"мыза Ольховка", "председатель Сибревкома": the name of a place or a body. After a
        place noun, a word the dictionary reads first as a surname and never as a place is the
        surname of someone named next ("начальник лагеря Зотов", "в тюрьме Лавров сказал"),
        not the place's name."""
        if ORG_SHAPED.search(tok.text):
            return True
        before = self.grammar.previous_word(tok)
        return before is not None and before.end <= tok.start and (
            morph.lemma(before.text) in PLACE_NOUNS) and before.text[:1].islower() and not (
            _surname_not_place(tok.text))

    def _ambiguous(self, group: list[int]) -> bool:
        words = [self.tokens[i] for i in group if self.tokens[i].text[:1].isalpha()]
        named = [t for t in words if _role(t, self.text) != "initial"]
        return len(named) == 1 and bool(SURNAME_SHAPED.search(named[0].text))

    # -- normalisation ----------------------------------------------------------------------

    def _normalise(self, group: list[int]) -> Person | None:
        toks = [self.tokens[i] for i in group]
        words = [t for t in toks if t.text[:1].isalpha()]
        if not words:
            return None
        roles = {t.index: _role(t, self.text) for t in words}
        self._fix_roles(words, roles)
        gender, case = self.grammar.gender_and_case(words, roles)
        parts: dict[str, str] = {}
        out: list[str] = []
        pos = toks[0].start
        for t in toks:
            out.append(self.text[pos:t.start])
            role = roles.get(t.index)
            if role is None or role == "initial":
                form = t.text
            elif t.text.isupper() and len(t.text) > 2 and role == "surname":
                upper = t.text.capitalize()  # "ЕЖОВ" in a list: the name in ordinary case
                form = upper if case in (None, "nomn") else surname_candidates(
                    upper, case, gender)[0]
            elif role == "given":
                form = given_nominative(t.text, case, gender)
            elif role == "patronymic":
                form = patronymic_nominative(t.text, case, gender)
            else:
                form = self.grammar.surname(t, case, gender)
            if role and role != "initial":
                parts.setdefault(role, form)
            elif role == "initial":
                parts["initials"] = parts.get("initials", "") + t.text
            out.append(form)
            pos = t.end
        name = initials_first(re.sub(r"\s+", " ", "".join(out)).strip())
        return Person(toks[0].start, toks[-1].end, group, name, gender, parts, case)

    def _fix_roles(self, words: list[Tok], roles: dict[int, str]) -> None:
        """Positions decide what the dictionary cannot: the word after a patronymic is the
        surname, the word before it the given name; two names side by side are given + surname."""
        idx = [t.index for t in words]
        for n, i in enumerate(idx):
            if roles[i] == "patronymic":
                if n > 0 and roles[idx[n - 1]] != "initial":
                    roles[idx[n - 1]] = "given"
                    if n > 1 and roles[idx[n - 2]] != "initial":
                        roles[idx[n - 2]] = "surname"
                if n + 1 < len(idx):
                    roles[idx[n + 1]] = "surname"
        non_initial = [i for i in idx if roles[i] != "initial"]
        if len(non_initial) == 1 and len(idx) > 1:
            roles[non_initial[0]] = "surname"  # "В. М. Примаков"
        if len(non_initial) == 2 and all(roles[i] == "given" for i in non_initial):
            roles[non_initial[1]] = "surname"  # "Иван Карин"
        if len(non_initial) == 2 and roles[non_initial[0]] == "surname" and roles[
                non_initial[1]] == "surname":
            roles[non_initial[0]] = "given"

    def more_mentions(self, people: list[Person], taken: set[int]) -> list[Person]:
        """Words natasha missed that name a person the document names elsewhere ("Ягода не был
        расстрелян" after "Генрих Ягода"; "Ежова была арестована": a woman of that name)."""
        known = {masculine_base(p.parts["surname"]) for p in people
                 if p.parts.get("surname") and len(p.parts["surname"]) > 2}
        out: list[Person] = []
        for tok in self.tokens:
            word = tok.text
            if tok.index in taken or not word[:1].isupper() or not word.isalpha() or len(word) < 3:
                continue
            if SURNAME_SHAPED.search(word):
                gender, case = self.grammar.lone_surname(tok, {tok.index: "surname"}, None)
                genders: list[str | None] = [gender]
            else:
                case, genders = ud_case(tok.feats) or "nomn", ["m", "f"]
            for gender in genders:
                found = next((c for c in surname_candidates(word, case or "nomn", gender)
                              if masculine_base(c) in known), None)
                if found:
                    out.append(Person(tok.start, tok.end, [tok.index], found, gender,
                                      {"surname": found}, case, {"recovered": True}))
                    break
        return out
