"""The gender and case of a Russian name in context, and its nominative surname.

natasha reads "Карина" (the genitive of the surname Карин) as a woman's given name. A lone word
shaped like a declined surname (-ова, -ина, …) is decided here from the context: natasha's own
case and gender for the token, its syntactic role, a kinship noun before it ("брат Карина"),
initials or a man's given name beside it, and whether the document names the man elsewhere.
The dictionary's case grammemes are returned as plain strings, so a mention's ``attrs["case"]``
holds nothing of pymorphy.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kartoteka.extract.ru import morph
from kartoteka.extract.ru.inflection import (
    STRONG_OBLIQUE,
    surname_candidates,
    ud_case,
    ud_gender,
)
from kartoteka.extract.ru.lexicon import (
    APPOSITION_MARKS,
    KIN_NOUNS,
    KINSHIP,
    POSSESSIVES_BEFORE_KIN,
)
from kartoteka.names.gender import patronymic_gender
from kartoteka.names.given_names import given_name_gender

if TYPE_CHECKING:
    from kartoteka.extract.ru.persons import Tok

SURNAME_SHAPED = re.compile(r"(?:ов|ев|ёв|ин|ын)а$", re.I)


def _plain(grammeme: str | None) -> str | None:
    # pymorphy's grammemes are a str subclass of its own; a mention carries plain strings.
    return None if grammeme is None else str(grammeme)


class NameGrammar:
    """Reads the gender and case of one document's name tokens."""

    def __init__(self, text: str, tokens: list[Tok], known_men: set[str]) -> None:
        self.text = text
        self.tokens = tokens
        self.known_men = known_men  # shared with the finder, which adds to it

    def gender_and_case(self, words: list[Tok],
                         roles: dict[int, str]) -> tuple[str | None, str | None]:
        named = [t for t in words if roles[t.index] != "initial"]
        patronymic = next((patronymic_gender(t.text) for t in words
                           if roles[t.index] == "patronymic" and patronymic_gender(t.text)), None)
        if len(named) == 1 and roles[named[0].index] in ("surname", "given") and (
                SURNAME_SHAPED.search(named[0].text)):
            return self.lone_surname(named[0], roles, patronymic)
        gender = patronymic
        if gender is None:
            for t in words:
                if roles[t.index] == "given":
                    gender = self._given_gender(t) or gender
                    if self._dictionary_lacks(t, words):
                        # "Христиана" (gen. of Христиан): the dictionary knows only the woman's
                        # name; natasha's reading of the context decides
                        return ud_gender(t.feats) or gender, ud_case(t.feats)
        cases: set[str] | None = None
        for t in words:
            if roles[t.index] in ("given", "patronymic"):
                tag = "Name" if roles[t.index] == "given" else "Patr"
                found = {_plain(p.tag.case) for p in morph.parses(t.text) if tag in p.tag and (
                    gender is None or p.tag.gender == {"m": "masc", "f": "femn"}[gender])}
                if found:
                    cases = found if cases is None else (cases & found) or cases
        natasha = [ud_case(t.feats) for t in words if ud_case(t.feats)]
        if cases and len(cases) == 1:
            return gender or self._natasha_gender(words), cases.pop()
        if cases and natasha and natasha[-1] in cases:
            return gender or self._natasha_gender(words), natasha[-1]
        if gender is None:
            gender = self._natasha_gender(words) or self.verb_gender(words)
        if len(named) == 1 and any(r == "initial" for r in roles.values()):
            return gender, self._initials_case(words, named[0], gender)
        return gender, natasha[-1] if natasha else None

    @staticmethod
    def _initials_case(words: list[Tok], surname: Tok, gender: str | None) -> str | None:
        """The case of "Г. Г. Ягоду", "М. П. Фриновского": the tagger reads the initials and
        the surname as one name (UD flat:name) whose case its head carries, and tags the
        dependents loosely; of the cases it gives, the surname's own first, the one the
        surname's ending can have ("Ягоду" is no genitive; "-ского" no nominative)."""
        head = [t for t in words if t.rel != "flat:name"]
        order = [ud_case(surname.feats), *(ud_case(t.feats) for t in head),
                 *(ud_case(t.feats) for t in words)]
        word = surname.text
        for case in dict.fromkeys(c for c in order if c):
            if case == "nomn":
                if not word.lower().endswith(STRONG_OBLIQUE):
                    return case
            elif surname_candidates(word, case, gender)[0] != word:
                return case
        return order[0]

    def _dictionary_lacks(self, tok: Tok, words: list[Tok]) -> bool:
        """True when natasha reads a given name in a case none of the dictionary's readings
        has: the name is some other name's oblique form. Not when a reading's case is the one
        natasha gives another word of the name: "Моего сына, Кузьму Орлова" (natasha lets the
        given name agree with the kinship noun's genitive, the surname stays accusative) is
        the dictionary's accusative of Кузьма, which the name's own agreement confirms."""
        case = ud_case(tok.feats)
        readings = [p for p in morph.parses(tok.text) if "Name" in p.tag]
        others = {ud_case(t.feats) for t in words if t is not tok} - {None}
        if any(_plain(p.tag.case) in others for p in readings):
            return False
        # only a name's own nominative ("Христиана", a woman's name) reads as another name's
        # oblique form; an oblique reading of its own ("Прасковью", accusative of Прасковья)
        # is the dictionary's answer, whatever case the tagger guessed ("Dat Masc")
        return bool(case) and case != "nomn" and bool(readings) and all(
            p.tag.case != case and p.tag.case == "nomn" for p in readings)

    def _given_gender(self, tok: Tok) -> str | None:
        found = {p.tag.gender for p in morph.parses(tok.text) if "Name" in p.tag}
        if found == {"masc"}:
            return "m"
        if found == {"femn"}:
            return "f"
        return given_name_gender(tok.text)

    def _natasha_gender(self, words: list[Tok]) -> str | None:
        found = {ud_gender(t.feats) for t in words} - {None}
        return found.pop() if len(found) == 1 else None

    def verb_gender(self, words: list[Tok]) -> str | None:
        """The gender of the verb a name is the subject of ("Ежова была арестована")."""
        for t in words:
            if t.rel in ("nsubj", "nsubj:pass") and t.head is not None:
                return ud_gender(self.tokens[t.head].feats)
        return None

    def lone_surname(self, tok: Tok, roles: dict[int, str],
                      gender: str | None) -> tuple[str | None, str | None]:
        """"Карина", "Ежова": a man's surname in the genitive/accusative or a woman's name."""
        roles[tok.index] = "surname"
        base = surname_candidates(tok.text, "gent", "m")[0].lower()
        case = ud_case(tok.feats)
        before = self.previous_word(self.tokens[min(roles)])  # before its initials, if any
        kin_before = before is not None and morph.lemma(before.text) in KINSHIP
        if kin_before and self._relative_herself(before, min(roles)):  # type: ignore[arg-type]
            return "f", "nomn"
        oblique = (gender == "m" or base in self.known_men or ud_gender(tok.feats) == "m"
                   or case in ("gent", "accs", "datv", "ablt", "loct")
                   or tok.rel in ("nmod", "obj", "iobj") or kin_before
                   # "Арестовавший Орлова Павел Кузьмин": the participle's accusative object,
                   # a man's in -а ("Орлову" may be a woman's accusative)
                   or (before is not None and morph.is_active_participle(before.text)
                       and tok.text.endswith("а")))
        relative = self._relative_gender(tok)
        if relative == "m":
            oblique = True  # "у Грачёва, который …": a man's surname, inflected
        if gender == "f" or self.verb_gender([tok]) == "f" or relative == "f":
            oblique = False  # "Ежова была арестована", "Зуева, которая …": a woman
        if oblique:
            return "m", case if case in ("gent", "accs", "datv", "ablt", "loct") else "gent"
        if morph.has_tag(tok.text, "Name") and not morph.has_tag(tok.text, "Surn") and (
                not any(r == "initial" for r in roles.values())):
            roles[tok.index] = "given"  # natasha's reading stands: a woman called Карина
        return "f", "nomn"


    def _relative_herself(self, kin: Tok, name_start: int) -> bool:
        """"его жена Лебедева", "Жена — Лебедева": a feminine kinship noun in the nominative
        after a possessive pronoun, or before a dash, names the relative herself (apposition,
        a definition), whose surname then is a woman's nominative, not a man's genitive."""
        if KIN_NOUNS.get(morph.lemma(kin.text)) != "f" or ud_case(kin.feats) not in (None, "nomn"):
            return False
        between = {t.text for t in self.tokens[kin.index + 1:name_start]}
        if between & APPOSITION_MARKS:
            return True
        owner = self.previous_word(kin)
        return owner is not None and owner.end <= kin.start and owner.index == kin.index - 1 \
            and owner.text.lower() in POSSESSIVES_BEFORE_KIN

    def _relative_gender(self, tok: Tok) -> str | None:
        """The gender of "который/которая" right after a name: the name's own."""
        i = tok.index + 1
        if i < len(self.tokens) and self.tokens[i].text == ",":
            i += 1
        if i >= len(self.tokens) or self.tokens[i].sentence != tok.sentence:
            return None
        word = self.tokens[i].text.lower()
        return {"которая": "f", "которой": "f", "которую": "f", "который": "m",
                "которого": "m", "которому": "m"}.get(word)

    def previous_word(self, tok: Tok) -> Tok | None:
        i = tok.index - 1
        while i >= 0 and not self.tokens[i].text[:1].isalpha():
            i -= 1
        if i < 0 or self.tokens[i].sentence != tok.sentence:
            return None
        return self.tokens[i]

    def surname(self, tok: Tok, case: str | None, gender: str | None) -> str:
        if case is None or case == "nomn":
            return tok.text
        candidates = surname_candidates(tok.text, case, gender)
        for cand in candidates:
            if cand.lower() in self.known_men and gender != "f":
                return cand
        return candidates[0]
