"""The evidence that a capitalised run of English tokens names a person (persons.py's rules).

Strong signals (a title, a given name, a possessive with a person noun, an apposition with a
role, the subject or object of a verb only people do) and medium ones (spaCy's PERSON label,
a surname shape, a list with a known person) are counted on a ``Run``; vetoes come first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kartoteka.extract.en import lexicon as lx
from kartoteka.extract.en import triggers as tr
from kartoteka.extract.en.name_shapes import (
    ascii_fold,
    dictionary_given_name,
    opens_with_initials,
    patronymic_shape,
    russian_surname_shape,
    tag_spilled_over_dash,
    unlisted_word_before_surname,
)
from kartoteka.extract.en.person_contexts import (
    after_post_title,
    bracket_after_role,
    close_apposition,
    heads_roll_line,
    person_leaning_context,
    person_only_context,
)
from kartoteka.names.given_names import given_name_groups
from kartoteka.names.places import reads_as_russian_place
from kartoteka.names.script import is_cyrillic

NON_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                           "QUANTITY", "LAW", "LANGUAGE"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})

_TITLE_WORDS = frozenset(t.rstrip(".") for t in lx.TITLES)


def _singular(plural: str) -> str:
    """"Karins" -> "Karin", "Joneses" -> "Jones"."""
    return plural[:-2] if plural.endswith(("ses", "xes", "zes")) else plural[:-1]


def _after_russian_label(doc: Doc, run: Run) -> bool:
    """"(Russian: Михаил Петрович Фриновский; …)": the Russian form of the article's name."""
    window = doc[max(0, run.first - 3):run.first]
    return any(t.lower_ in ("russian", "rus", "russ.") for t in window) and len(
        doc[run.first:run.last]) > 1


@dataclass
class Run:
    """A run of capitalised tokens [first, last) that may name someone."""

    first: int
    last: int
    title: str | None = None
    strong: int = 0
    medium: int = 0
    veto: str | None = None  # why it is not a person
    place_hint: bool = False  # stands where places stand ("in X", "capturing X")
    alias_of: Run | None = None  # another name of the person of an earlier run
    family: bool = False
    reasons: list[str] = field(default_factory=list)

    def key(self, doc: Doc) -> str:
        return " ".join(t.text for t in doc[self.first:self.last])


@dataclass
class PersonFinding:
    people: list[Run]
    families: list[Run]
    places: list[tuple[int, int]]  # token ranges of "Prozorov forest"-like places


class PersonEvidence:
    """Word tests and the evidence of one run; built once per pipeline with the model's
    English word list and a given-name dictionary."""

    def __init__(self, common_words: frozenset[str], given_names: frozenset[str]) -> None:
        self.common_words = common_words
        self.given_names = given_names

    # -- word tests -----------------------------------------------------------------------
    def is_common(self, tok: Token) -> bool:
        low = tok.lower_
        return low in self.common_words or tok.lemma_.lower() in self.common_words

    def is_given(self, tok: Token) -> bool:
        low = tok.lower_
        return low in self.given_names or ascii_fold(low) in self.given_names or bool(
            given_name_groups(tok.text)) or dictionary_given_name(tok, self.is_common)

    def surname_shaped(self, tok: Token) -> bool:
        low = tok.lower_
        if len(low) <= 3:
            return False
        if low.endswith(lx.SLAVIC_SURNAME_SUFFIXES):
            return True
        return not self.is_common(tok) and low.endswith(lx.SURNAME_SUFFIXES)

    # -- evidence -------------------------------------------------------------------------
    def judge(self, doc: Doc, run: Run, lower_words: set[str]) -> None:
        toks = doc[run.first:run.last]
        last = toks[-1]
        nxt = doc[run.last] if run.last < len(doc) else None
        prev = doc[run.first - 1] if run.first > 0 else None
        low = last.lower_
        single = len(toks) == 1
        # Vetoes.
        if nxt is not None and nxt.lower_ in lx.PLACE_HEADS:
            run.veto = "place"
            return
        if len(toks) > 1 and low in lx.PLACE_HEADS:
            run.veto = "place"  # "Chita Uyezd", "Smolny Institute"
            return
        if any(t.lower_.endswith(lx.PLACE_NAME_SUFFIXES) and not self.is_given(t)
               for t in toks):
            run.veto = "place name"
            return
        if any(t.lower_.endswith(("ian", "ese", "ish")) and not self.is_given(t) and (
                t.ent_type_ == "NORP" or self.is_common(t)) for t in toks):
            run.veto = "nationality"  # "Estonian-Latvian"
            return
        if any(re.match(r"[A-ZА-Я]{2,}(?:-|$)", t.text) for t in toks):
            run.veto = "acronym"  # "AM-Apparat", "NKVD"
            return
        if single and last.ent_type_ != "PERSON" and (prev is None or "\n" in prev.text) and (
                nxt is None or "\n" in nxt.text):
            run.veto = "heading"  # a section title alone on its line ("Interwar")
            return
        if single and prev is not None and prev.lower_ == "the" and self.is_common(last) \
                and not low.endswith("s"):
            run.veto = "the + noun"  # "the Embassy"
            return
        if any(is_cyrillic(t.text) for t in toks) and not (
                len(toks) > 1 and self.is_given(toks[0]) or _after_russian_label(doc, run)):
            run.veto = "cyrillic word"  # the English model cannot read Russian
            return
        if all(t.lower_ in lx.TITLES for t in toks):
            run.veto = "title only"  # "promoted to Komkor"
            return
        context = self._context(doc, run)
        if context == "origin":
            # where a person described by a noun comes from: a place, unless the word is shaped
            # like a surname and reads as no Russian place ("an envoy from Trotsky")
            if single and (not self.surname_shaped(last) or reads_as_russian_place(last.text)):
                context = "place"
            else:
                context = "place hint"
        if context in ("namesake", "ordinal", "place"):
            run.veto = context
            return
        if context == "place hint":
            run.place_hint = True
        if single and low.endswith(lx.DERIVED_SUFFIXES[:6]) and last.ent_type_ != "PERSON":
            run.veto = "derived"
            return
        if single and last.ent_type_ == "NORP" and (low.endswith(("ian", "ians", "ese", "ish"))
                                                   or low.endswith("s")):
            run.veto = "nationality"
            return
        if (prev is not None and prev.lower_ == "the" and single and low.endswith("s")
                and not low.endswith("ss") and len(low) > 4):
            run.family = True  # decided in find(): a family only if never bare
        # Strong evidence.
        if prev is not None and prev.lower_ in lx.NAME_INTRODUCERS and not any(
                c.dep_ == "nsubj" for c in prev.children):  # "Shmidt named X": he accused X
            run.strong += 1
            run.reasons.append("introduced as a name")
            run.title = run.title or prev.text
        if run.title:
            run.strong += 1
            run.reasons.append("title")
        if len(toks) > 1 and self.is_given(toks[0]) and toks[1].text[:1].isupper():
            run.strong += 1
            run.reasons.append("given name")
        if len(toks) == 3 and toks[1].lower_ == "the" and self.is_given(toks[0]):
            run.strong += 1
            run.reasons.append("epithet")  # the runs keep "the" only after a given name
        if opens_with_initials(toks) and (not self.is_common(last)
                                          or russian_surname_shape(last)):
            run.strong += 1  # "M.P. Frinovsky": a person's initials ("U.S. Embassy" is none)
            run.reasons.append("initials")
        comma = len(toks) == 4 and toks[1].text == ","  # "Ivanov, Pyotr Semyonovich"
        rest = toks[2:] if comma else toks[1:]
        if len(toks) > 2 and (not self.is_common(toks[0]) or comma and russian_surname_shape(
                toks[0])) and toks[-1].text[:1].isupper() and (
                patronymic_shape(rest[0]) or self.is_given(rest[0]) and patronymic_shape(rest[1])):
            # given name, patronymic, surname (or the record's surname first, with a comma)
            run.strong += 1
            run.reasons.append("patronymic")
        if self._possessive_person(doc, run):
            run.strong += 1
            run.reasons.append("possessive")
        if single and not self.is_common(last) and after_post_title(doc, run.first):
            run.strong += 1
            run.reasons.append("post title")
        if self._apposition(doc, run):
            run.strong += 1
            run.reasons.append("apposition")
        if heads_roll_line(doc, run.first, run.last):
            run.strong += 1
            run.reasons.append("roll line")
        role = self._argument_of_human_verb(doc, run) or person_only_context(
            self._head(doc, run)) or (close_apposition(doc, run.first) if single else None)
        if role:
            run.strong += 1
            run.reasons.append(role)
        # Medium evidence.
        # "Ivan Sokolov - Kremlin doctor": the tagger's person runs on across the dash of a roll
        # line; the words after it are a description, not part of the name it tagged
        ents = set() if tag_spilled_over_dash(doc, run.first) else {t.ent_type_ for t in toks}
        # WordNet lists famous Russians ("bukharin", "kirov"): a Russian surname's shape
        # outweighs its being in the English word list.
        all_common = all(self.is_common(t) and not russian_surname_shape(t) for t in toks)
        if ents == {"PERSON"} or (last.ent_type_ == "PERSON" and "given name" in run.reasons):
            if not (single and self.is_common(last) and (last.is_sent_start
                                                         or low in lower_words)):
                run.medium += 2
                run.reasons.append("spacy PERSON")
        if last.dep_ == "compound" and last.head.lower_ in lx.CASE_NOUNS and (
                last.head.pos_ == "NOUN" or last.head.i == run.last) and self.surname_shaped(last):
            run.medium += 1  # "the Tukhachevsky case": a case named after its accused
            run.reasons.append(f"names a {last.head.lower_}")
        elif last.dep_ == "compound" and last.head.pos_ == "NOUN" and last.head.text.islower() \
                and last.head.lemma_.lower() not in lx.PERSON_NOUNS | lx.ROLE_NOUNS:
            run.medium -= 2  # "the Liubotyn rail junction": a modifier of a thing
        if bracket_after_role(doc, run.first, run.last):
            run.medium += 1
            run.reasons.append("in brackets after a role")
        leaning = person_leaning_context(self._head(doc, run))
        if leaning:
            run.medium += 1
            run.reasons.append(leaning)
        if self.surname_shaped(last) and not (ents & PLACE_ENTS):
            run.medium += 1
            run.reasons.append("surname shape")
            if unlisted_word_before_surname(toks, self.is_common):
                run.medium += 1
                run.reasons.append("unlisted word before a Russian surname")
        if all_common and run.strong and not run.title and "PERSON" not in ents:
            run.strong = 0  # "the Time being" is not someone, whatever its syntax
        if single and low in lower_words and not run.title:
            run.strong = min(run.strong, 0)
            run.medium = min(run.medium, 1)
        if run.place_hint and not run.title and "given name" not in run.reasons:
            run.medium -= 1

    def _context(self, doc: Doc, run: Run) -> str | None:
        """What the words before a run (or before the list it stands in) say about it."""
        root = doc[run.first:run.last].root
        head = root
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head  # "the cities of Kirov, Kirovohrad and Kirovabad"
        start = run.first
        if head.i != root.i:
            start = head.i
            while start > 0 and doc[start - 1].dep_ == "compound" \
                    and doc[start - 1].head.i == head.i:
                start -= 1
        p1 = doc[start - 1] if start > 0 else None
        p2 = doc[start - 2] if start > 1 else None
        if p1 is None:
            return None
        if p1.lower_ in lx.NAMESAKE_BEFORE or (
                p1.lower_ == "of" and p2 is not None and p2.lower_ in lx.NAMESAKE_BEFORE):
            return "namesake"
        if p1.ent_type_ == "ORDINAL" or re.fullmatch(r"\d+(?:st|nd|rd|th)", p1.lower_):
            return "ordinal"
        if p1.lower_ == "of" and p2 is not None and p2.lemma_.lower() in lx.PLACE_HEADS and \
                p2.lower_ not in tr.NOUN_TRIGGERS:  # "the shooting of X" is X's execution
            if p2.i > 0 and (doc[p2.i - 1].lower_, p2.lower_) in lx.COMPLEX_PREPOSITIONS:
                return "place hint"  # "in front of X": said of people as much as of places
            return "place"
        if p1.text.islower() and p1.lemma_.lower() in lx.PLACE_HEADS:
            return "place"
        if p1.lower_ in lx.PLACE_PREPOSITIONS and head.dep_ == "pobj" and head.head.i == p1.i \
                and p1.head.lemma_.lower() not in lx.PERSON_NOUNS | lx.ROLE_NOUNS and not (
                    p1.lower_ == "at" and p1.head.lemma_.lower() in lx.AT_TARGET_VERBS):
            return "place hint"
        if p1.lower_ == "on" and p1.head.lemma_.lower() in lx.PLACE_EVENT_NOUNS:
            return "place hint"
        if head.dep_ == "dobj" and head.head.lemma_.lower() in lx.PLACE_OBJECT_VERBS:
            return "place hint"
        if p1.lower_ in ("to", "from") and head.dep_ == "pobj" and head.head.i == p1.i \
                and p1.head.lemma_.lower() in lx.MOTION_VERBS:
            return "place hint"  # "moved to Petrograd"
        if p1.lower_ == "from" and head.dep_ == "pobj" and head.head.i == p1.i \
                and self._describes_person(p1.head):
            return "origin"  # "Andrey Orlov, a secretary from Perm"
        # "between Moscow and Vladivostok"; a list is of the kind most of its members are:
        # "Alksnis, Budenny, Corniv, Dybenko and Kashirin" stays people whatever one tag says
        places = sum(c.ent_type_ in PLACE_ENTS and not self.surname_shaped(c)
                     for c in root.conjuncts)
        people = sum(c.ent_type_ == "PERSON" or self.surname_shaped(c) for c in root.conjuncts)
        if places and places >= people:
            return "place hint"
        return None

    def accepted(self, run: Run) -> bool:
        return run.veto is None and (run.strong >= 1 or run.medium >= 2)

    def _head(self, doc: Doc, run: Run) -> Token:
        toks = doc[run.first:run.last]
        return toks.root

    @staticmethod
    def _describes_person(noun: Token) -> bool:
        """A person's name ("Anna Orlova from Perm"), or a common noun said of a person: a
        person or role noun, or a lower-case noun in apposition to a name ("Orlov, an
        agronomist")."""
        if noun.pos_ == "PROPN":
            return noun.ent_type_ == "PERSON"
        if noun.pos_ != "NOUN" or not noun.text.islower():
            return False
        return noun.lemma_.lower() in lx.PERSON_NOUNS | lx.ROLE_NOUNS or (
            noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON")

    def _possessive_person(self, doc: Doc, run: Run) -> bool:
        if run.last >= len(doc) or doc[run.last].tag_ != "POS":
            return False
        head = self._head(doc, run).head
        return head.lemma_.lower() in (lx.PERSON_NOUNS | lx.ROLE_NOUNS)

    def _apposition(self, doc: Doc, run: Run) -> bool:
        head = self._head(doc, run)
        cands = [head.head] if head.dep_ in ("appos", "conj") else []
        cands += [c for c in head.children if c.dep_ == "appos"]
        # "X's secretary, Popiro": the noun right before the comma.
        if run.first >= 2 and doc[run.first - 1].text == ",":
            cands.append(doc[run.first - 2])
        for c in cands:
            if c.pos_ == "NOUN" and c.lemma_.lower() in lx.ROLE_NOUNS | lx.KINSHIP.keys() \
                    and not c.text[:1].isupper():
                return True
        return False

    def _argument_of_human_verb(self, doc: Doc, run: Run) -> str | None:
        head = self._head(doc, run)
        placey = bool({t.ent_type_ for t in doc[run.first:run.last]} & PLACE_ENTS)
        dep, gov = head.dep_, head.head
        while dep == "conj":
            dep, gov = gov.dep_, gov.head
        lemma = gov.lemma_.lower()
        if dep == "nsubj":
            verbs = lx.PLACE_SAFE_SUBJECT_VERBS if placey else lx.HUMAN_SUBJECT_VERBS
            if lemma in verbs:
                return f"subject of {lemma}"
        if dep == "nsubjpass" and lemma in lx.HUMAN_OBJECT_VERBS:
            return f"passive subject of {lemma}"
        if dep == "nsubjpass" and lemma == "find" and any(  # "X was found dead", "… guilty"
                c.dep_ in ("oprd", "xcomp", "acomp") and (c.lemma_.lower() in ("dead", "guilty")
                    or c.lemma_.lower() in lx.HUMAN_OBJECT_VERBS)
                for c in gov.children):
            return "found dead"
        if dep == "nsubj" and lemma == "be":
            for c in gov.children:  # "Yekaterina was exiled" parsed as an adjective
                if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in lx.HUMAN_OBJECT_VERBS:
                    return f"passive subject of {c.lemma_.lower()}"
        if dep == "dobj" and lemma in lx.HUMAN_OBJECT_VERBS and (
                not placey or lemma in lx.MARRY_VERBS):
            return f"object of {lemma}"
        if dep == "pobj":
            prep, noun = gov, gov.head
            if prep.lower_ == "to" and (noun.lemma_.lower() in lx.MARRY_VERBS
                                        or noun.lower_ in lx.MARRIED):
                return "spouse"  # "married first to X", "was married to X" (an adjective)
            if prep.lower_ == "with" and noun.lemma_.lower() in lx.ASSOCIATION_HEADS:
                return "associate"
            if prep.lower_ in ("for", "to", "of") and noun.lemma_.lower() in lx.SUBORDINATE_ROLES \
                    and noun.pos_ == "NOUN":
                return "superior"
        return None
