"""Posts and occupations said of a name without a verb or a body: the roll line, the
apposition and the title before the name.

- "NAME - ROLE" / "NAME – the ROLE" at the head of a line (a list of defendants, of the
  staff of a body): the rest of the line is what the person was;
- "NAME, (a|the) ROLE (of X)," an apposition between commas whose head is a role noun, or
  the plural of a partitive ("NAME, one of the foremost writers of his time,");
- "ROLE NAME" ("Kremlin doctor NAME", "NKVD officer NAME"): a role noun (with the words that
  qualify it) right before the name;
- "ROLE of BODY NAME" ("People's Commissar of Justice NAME", "Head of the NKVD NAME",
  "Chairman of the Council of People's Commissars NAME"): a post's title with its body, all
  capitalised as titles are, right before a name of two words or more (encyclopedias).

Each reads a ``position`` claim, its role the phrase as written (without "former" or an
article) and its object the body the phrase names, if any. The relation rules (relations.py)
need a body or a copula; these constructions give neither, yet what a person was is what an
authority list's occupation field says (resolve/authority_evidence.py).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from kartoteka.extract.en import lexicon as lx
from kartoteka.extract.en.claims import sentence_span
from kartoteka.extract.en.context import DocContext
from kartoteka.extract.roll_lines import roll_line_tail
from kartoteka.model import Claim, Mention

# Occupation nouns beyond the posts of lexicon.ROLE_NOUNS: the English titles of the unit
# groups of the International Standard Classification of Occupations (ISCO-08, ILO 2012) that
# the people of these sources held, in their common short forms.
OCCUPATION_NOUNS: frozenset[str] = frozenset({
    "doctor", "physician", "surgeon", "nurse", "psychiatrist", "pharmacist", "dentist",
    "writer", "poet", "novelist", "playwright", "dramatist", "author", "journalist",
    "correspondent", "critic", "translator", "economist", "engineer", "teacher", "professor",
    "lecturer", "scientist", "academician", "historian", "philosopher", "theoretician",
    "theorist", "lawyer", "priest", "bishop", "monk", "artist", "painter", "sculptor", "actor",
    "actress", "composer", "musician", "singer", "architect", "agronomist", "accountant",
    "chemist", "physicist", "mathematician", "biologist", "geologist", "student", "pilot",
    "sailor", "soldier", "peasant", "farmer", "driver", "mechanic", "worker", "labourer",
    "laborer", "diplomat", "politician", "revolutionary", "statesman", "scholar",
})
ROLE_HEADS = lx.ROLE_NOUNS | OCCUPATION_NOUNS
_LEADING = ("former ", "formerly ", "ex-", "a ", "an ", "the ", "later ")
MAX_APPOSITION_WORDS = 8
# Words a capitalised post's title runs over besides capitalised ones ("People's Commissar for
# Internal Affairs", "Chairman of the Council of People's Commissars").
_TITLE_JOINERS = frozenset({"of", "for", "the", "and", "'s", "’s", "-"})
MAX_TITLE_WORDS = 12


def _clean(role: str) -> str:
    role = role.strip(" \t,;.:")
    changed = True
    while changed:
        changed = False
        for lead in _LEADING:
            if role.lower().startswith(lead):
                role, changed = role[len(lead):].lstrip(), True
    return role


def _has_head(tokens: list[Token]) -> bool:
    return any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in ROLE_HEADS
               or t.lower_ in ROLE_HEADS for t in tokens)


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The conjuncts of a role phrase ("theoretician, head of X and member of Y") that each
    have a role noun."""
    text = doc.text[start:end]
    out, at = [], 0
    for piece in re.split(r",| and |;", text):
        begin = start + text.index(piece, at)
        at = begin - start + len(piece)
        if piece.strip() and _has_head(_tokens(doc, begin, begin + len(piece))):
            out.append((begin, begin + len(piece)))
    return out


class RollRoles:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.document.text
        self.out: list[Claim] = []

    def _org_in(self, start: int, end: int) -> Mention | None:
        return next((m for m in self.ctx.mentions if m.kind == "organization"
                     and start <= m.start and m.end <= end), None)

    def _emit(self, person: Mention, start: int, end: int, via: str, *,
              title_only: bool = False) -> None:
        role = _clean(self.text[start:end])
        if not role or len(role) > 120:
            return
        at = self.doc.char_span(start, end, alignment_mode="expand")
        if at is None:
            return
        org = self._org_in(start, end)
        # "member of the Politburo" is a membership, as relations.py reads it
        member = org is not None and role.lower().split()[0] in ("member", "candidate")
        self.out.append(Claim(
            type="member_of" if member else "position", subject=person.id,
            evidence=[sentence_span(at[0])],
            document_id=self.ctx.document.id, object=org.id if org else None, role=role,
            confidence=0.7, attrs={"via": via, "trigger_at": at[0].idx,
                                   **({"title_only": True} if title_only else {})}))

    def roll_line(self, person: Mention) -> None:
        tail = roll_line_tail(self.text, person.start, person.end)
        if tail is None:
            return
        for start, end in _parts(self.doc, *tail):
            self._emit(person, start, end, "roll line")

    def apposition(self, person: Mention) -> None:
        after = re.match(r"[ \t]*,[ \t]*([^,;.\n()]+),", self.text[person.end:])
        if after is None:
            return
        start, end = person.end + after.start(1), person.end + after.end(1)
        tokens = _tokens(self.doc, start, end)
        if not tokens or len(tokens) > MAX_APPOSITION_WORDS or any(
                t.pos_ in ("VERB", "AUX") or t.pos_ == "PRON" and t.dep_ != "poss"
                for t in tokens) or any(
                self.ctx.mention_at(t) is not None and self.ctx.mention_at(t).kind == "person"
                for t in tokens):
            return
        # "one of the foremost writers of his time": the partitive's plural is the head
        if len(tokens) > 2 and tokens[0].lower_ == "one" and tokens[1].lower_ == "of":
            tokens = tokens[2:]
        # the head is the last noun before "of"/"for"/"in"/"from" (or the last word)
        head = next((t for t in tokens if t.lower_ in ("of", "for", "in", "at", "from")), None)
        core = tokens[:tokens.index(head)] if head is not None else tokens
        if core and _has_head(core[-1:]):
            self._emit(person, start, end, "apposition")

    def title(self, person: Mention) -> None:
        first = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        if first is None or first.start == 0:
            return
        before = self.doc[first.start - 1]
        if before.pos_ != "NOUN" or before.lemma_.lower() not in ROLE_HEADS:
            return
        lo = before.i
        while lo > 0 and lo > before.i - 3 and self.doc[lo - 1].dep_ in (
                "compound", "amod", "nmod") and self.doc[lo - 1].pos_ in ("NOUN", "PROPN", "ADJ"):
            lo -= 1
        start = self.doc[lo].idx
        self._emit(person, start, before.idx + len(before.text), "title")

    def titled_post(self, person: Mention) -> None:
        """A capitalised title with its body ("People's Commissar of Justice") before a name:
        the words back from the name while capitalised or joiners, from the first role noun
        that an "of"/"for" follows; another person inside it ("Secretary of Stalin") or a
        title longer than ``MAX_TITLE_WORDS`` gives nothing. A bare surname's post is marked
        ``title_only``: the person linker compares posts as written, and "People's Commissar
        of the Ministry of Finance X" beside another text's "People's Commissar for Finance X"
        would weigh against joining two bare mentions that only the surname ties; the profile
        keeps it apart (``Profile.titles``) for what an authority list's occupation says."""
        first = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        if first is None:
            return
        lo = first.start
        while lo > 0 and first.start - lo < MAX_TITLE_WORDS:
            prev = self.doc[lo - 1]
            if prev.is_sent_end or "\n" in prev.whitespace_ or not (
                    prev.is_title or prev.is_upper or prev.lower_ in _TITLE_JOINERS):
                break
            lo -= 1
        run = list(self.doc[lo:first.start])
        if len(run) < 3 or run[-1].lower_ in _TITLE_JOINERS or any(
                (m := self.ctx.mention_at(t)) is not None and m.kind == "person" for t in run):
            return
        head = next((i for i, t in enumerate(run[:-1]) if t.lemma_.lower() in ROLE_HEADS
                     or t.lower_ in ROLE_HEADS), None)
        if head is None or not any(t.lower_ in ("of", "for") for t in run[head + 1:]):
            return
        begin = head  # the head's own qualifiers: "People's", "Deputy", "First"
        while begin > 0 and run[begin - 1].lower_ not in ("of", "for", "the", "and") and (
                run[begin - 1].pos_ in ("PROPN", "NOUN", "ADJ", "PART")):
            begin -= 1
        bare = len((person.name or "").split()) < 2
        self._emit(person, run[begin].idx, run[-1].idx + len(run[-1].text), "titled post",
                   title_only=bare)

    def run(self) -> list[Claim]:
        for person in self.ctx.mentions:
            if person.kind != "person" or not person.name:
                continue
            self.roll_line(person)
            self.apposition(person)
            self.title(person)
            self.titled_post(person)
        return self.out


def roll_roles(ctx: DocContext, claims: list[Claim]) -> list[Claim]:
    """Position claims of the three constructions that no other rule made already."""
    made = {(c.subject, c.object) for c in claims if c.type in ("position", "member_of")}
    made_roles = {(c.subject, (c.role or "").lower()) for c in claims if c.type == "position"}
    out = []
    for claim in RollRoles(ctx).run():
        if claim.object is not None and (claim.subject, claim.object) in made:
            continue
        if (claim.subject, (claim.role or "").lower()) in made_roles:
            continue
        made_roles.add((claim.subject, (claim.role or "").lower()))
        out.append(claim)
    return out


__all__ = ["OCCUPATION_NOUNS", "ROLE_HEADS", "roll_roles"]
