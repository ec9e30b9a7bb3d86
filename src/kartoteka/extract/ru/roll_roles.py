"""Posts and occupations said of a name without a verb: the roll line, the apposition and the
post before the name (Russian).

- "ФИО — ДОЛЖНОСТЬ" at the head of a line (a list of defendants, of a body's staff): the rest
  of the line, each of its conjuncts with a person noun ("бывший нарком финансов СССР",
  "экономист, редактор газеты");
- "ФИО, ДОЛЖНОСТЬ," an apposition between commas: a nominative person noun heads it, no verb;
- "ДОЛЖНОСТЬ ФИО" ("врач Пётр Ильич Семёнов", "нарком финансов Дорохов"): a nominative person
  noun (with its genitive complements) right before the name.

Each gives a ``position`` claim whose role is the phrase as written ("бывший" dropped), its
object the body the phrase names. The head is told by its grammar (pymorphy's animate noun or
substantivised participle in the nominative, as ``tenures._person_noun`` reads it), not by a
word list.
"""

from __future__ import annotations

import re

from kartoteka.extract.roll_lines import roll_line_tail
from kartoteka.extract.ru import morph
from kartoteka.extract.ru.context import RuContext
from kartoteka.extract.ru.lexicon import KINSHIP
from kartoteka.extract.ru.tenures import NOT_POSTS, _person_noun
from kartoteka.model import Mention

# "бывший", "быв.", "впоследствии": when, not what
_FORMER = re.compile(r"^(?:бывш(?:ий|ая|ее|ие)|быв\.|впоследствии|позднее|затем)\s+", re.I)
MAX_ROLE_WORDS = 8
MAX_TITLE_WORDS = 4
_VERBAL = ("VERB", "INFN", "PRTS", "GRND")


def _head_noun(word: str) -> bool:
    """A person noun in the nominative by its likeliest reading, not an abbreviation: pymorphy
    also reads the conjunction "и" and the pronoun "я" as the letters' names (Abbr), and any
    reading would make "и его заместителя" a title."""
    parses = morph.parses(word.strip(",.:«»\"()"))
    return bool(parses) and "Abbr" not in parses[0].tag.grammemes and _person_noun(word) and (
        "nomn" in parses[0].tag.grammemes)


def _words(text: str) -> list[str]:
    return [w.strip(",.:;«»\"()") for w in text.split() if w.strip(",.:;«»\"()")]


def _is_role(phrase: str, limit: int = MAX_ROLE_WORDS) -> bool:
    words = _words(phrase)
    if not words or len(words) > limit or re.search(r"\d{3}", phrase):
        return False
    # a kinship noun names a relation, not a post: "мать Семёнова", "жена наркома"
    if morph.lemma(words[0]) in NOT_POSTS | KINSHIP or not any(_head_noun(w) for w in words):
        return False
    if _passive_status(words[0]):
        return False  # "арестованный Лагин", "обвиняемый Сомов": what was done to him
    return not any(morph.parses(w) and morph.parses(w)[0].tag.POS in _VERBAL for w in words)


def _passive_status(word: str) -> bool:
    """A substantivised passive participle ("арестованный", "обвиняемый", "заключённый"):
    what was done to the person, a status and no post ("уполномоченный", whose likeliest
    reading is an adjective, stays a post)."""
    parses = morph.parses(word.lower())
    return bool(parses) and parses[0].tag.POS == "PRTF" and "pssv" in parses[0].tag.grammemes


class RollRoles:
    def __init__(self, ctx: RuContext) -> None:
        self.ctx = ctx
        self.text = ctx.text

    def _persons_in(self, start: int, end: int) -> bool:
        return any(m.kind == "person" and start < m.end and m.start < end
                   for m in self.ctx.mentions)

    def _emit(self, person: Mention, start: int, end: int, via: str, *,
              title_only: bool = False) -> None:
        role = _FORMER.sub("", self.text[start:end].strip(" \t,;.:"))
        if not role or self._persons_in(start, end) or any(
                c.type == "position" and c.subject == person.id and c.role == role
                for c in self.ctx.claims):
            return
        org = next((self.ctx.org_at[i] for i in self.ctx.tokens_in(start, end)
                    if i in self.ctx.org_at), None)
        self.ctx.add_claim("position", person, (min(person.start, start), max(person.end, end)),
                           role=role, object=org.id if org else None, confidence=0.7,
                           attrs={"via": via, **({"title_only": True} if title_only else {})})

    def roll_line(self, person: Mention) -> None:
        tail = roll_line_tail(self.text, person.start, person.end)
        if tail is None:
            return
        at, line_end = tail
        for piece in re.split(r"(,|;|\sи\s)", self.text[at:line_end]):
            if piece.strip() and piece not in (",", ";") and piece.strip() != "и" and _is_role(
                    _FORMER.sub("", piece.strip())):
                self._emit(person, at, at + len(piece), "roll line")
            at += len(piece)

    def apposition(self, person: Mention) -> None:
        after = re.match(r"[ \t]*,[ \t]*([^,;.\n()—–]+),", self.text[person.end:])
        if after is None:
            return
        start, end = person.end + after.start(1), person.end + after.end(1)
        phrase = _FORMER.sub("", after.group(1).strip())
        words = _words(phrase)
        if words and _head_noun(words[0]) and _is_role(phrase):
            self._emit(person, start, end, "apposition")

    def title(self, person: Mention) -> None:
        line_start = self.text.rfind("\n", 0, person.start) + 1
        before = self.text[line_start:person.start]
        words = list(re.finditer(r"\S+", before))[-MAX_TITLE_WORDS:]
        # the leftmost nominative person noun whose phrase runs up to the name
        for word in words:
            if re.search(r"[,;:.!?()—–]", before[word.end():]) or re.search(
                    r"[,;:.!?()—–]$", word.group()):
                continue
            if _head_noun(word.group()) and _is_role(before[word.start():], MAX_TITLE_WORDS):
                start = line_start + word.start()
                if not self._persons_in(start, person.start):
                    # A bare surname's title is kept apart from the posts the person linker
                    # compares (``Profile.titles``), as in extract/en/roll_roles.py: two
                    # texts word one post differently ("нарком финансов" / "народный
                    # комиссар финансов"), which would weigh against two bare mentions
                    # that only the surname ties; authority linking still reads it.
                    bare = len((person.name or "").split()) < 2
                    self._emit(person, start, line_start + words[-1].end(), "title",
                               title_only=bare)
                return

    def run(self) -> None:
        for person in list(self.ctx.mentions):
            if person.kind != "person" or not person.name:
                continue
            self.roll_line(person)
            self.apposition(person)
            self.title(person)


def roll_roles(ctx: RuContext) -> None:
    """Add the position claims of the three constructions that no other rule made."""
    RollRoles(ctx).run()
