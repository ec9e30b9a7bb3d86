"""Dates on the parse: which date phrase dates which trigger, resolved in reading order.

A trigger takes the date phrase in its own clause (not in a coordinated or subordinate
clause, which has its own event); failing that, a date the clause hangs on ("until 1938,
when he was appointed"), or a date fronted before the verb it is coordinated with ("In 1938
he was expelled and arrested"). Anaphoric phrases are resolved against the discourse so far
(extract/en/dates.py); "immediately afterwards" takes the previous event's date.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kartoteka import dates as edtf
from kartoteka.extract.en.dates import DateMention, DiscourseDates

CLAUSE_DEPS = frozenset({"conj", "relcl", "advcl", "ccomp", "acl", "parataxis", "xcomp",
                         "csubj", "pcomp"})
EVENT_DEPENDENT = frozenset({"afterwards"})


def _nominal_gerund(tok: Token) -> bool:
    """"executed by firing squad in 1938": the small model reads "firing" as a gerund clause
    under the passive's *by*, whose dates would then not be the verb's. A passive agent is a
    noun phrase (Quirk et al. §3.64), and a gerund with a bare singular count noun right after it
    ("firing squad") is a compound noun, so its phrases belong to the verb."""
    if tok.dep_ != "pcomp" or tok.tag_ != "VBG" or tok.head.dep_ != "agent":
        return False
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    return (obj is not None and obj.i == tok.i + 1 and obj.tag_ == "NN"
            and not any(c.dep_ in ("det", "poss") for c in obj.children))


def _bracketed(tok: Token) -> bool:
    """Inside a bracket of its sentence: "X (29 April 1897 – 29 January 1941) was arrested" —
    a bracket in the subject is its name's (a lifespan), never the predicate's date."""
    depth = 0
    for t in tok.sent:
        if t.i >= tok.i:
            break
        depth += 1 if t.text == "(" else -1 if t.text == ")" and depth else 0
    return depth > 0


class Timeline:
    def __init__(self, doc: Doc, mentions: list[DateMention]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.at_token: dict[int, DateMention] = {}
        k = 0
        for tok in doc:
            while k < len(mentions) and mentions[k].end <= tok.idx:
                k += 1
            # not the sentence's closing period that a date phrase's span takes in ("on 5
            # September."): it hangs on the main verb and would give it the relative clause's date
            if k < len(mentions) and mentions[k].start <= tok.idx < mentions[k].end and not (
                    tok.is_punct and tok.idx >= mentions[k].end - 1 and tok.i > 0
                    and tok.doc[tok.i - 1].idx < tok.idx):
                self.at_token[tok.i] = mentions[k]
        self.resolved: dict[int, str | None] = {}
        state = DiscourseDates()
        for m in mentions:
            if m.kind in EVENT_DEPENDENT:
                continue
            value = state.resolve(m)
            self.resolved[m.start] = value
            state.observe(m, value)
        self.last_event: str | None = None

    # -- finding the phrase ---------------------------------------------------------------
    def _dates_in(self, tok: Token, skip: Token | None = None, before: int | None = None
                  ) -> list[DateMention]:
        """Date phrases in ``tok``'s own clause (not in clause-level dependents, nor in the
        branch ``skip``), optionally only those starting before token ``before``."""
        found: list[DateMention] = []
        stack = [(tok, False)]
        while stack:
            t, in_subject = stack.pop()
            m = self.at_token.get(t.i)
            if m is not None and m not in found and (before is None or t.i < before) and not (
                    in_subject and _bracketed(t)):
                found.append(m)
            for c in t.children:
                if (skip is not None and c.i == skip.i) or (c.dep_ in CLAUSE_DEPS and t.i == tok.i):
                    continue
                if c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX") and not _nominal_gerund(c):
                    continue
                stack.append((c, in_subject or c.dep_ in ("nsubj", "nsubjpass")))
        return found

    def phrase_for(self, trigger: Token) -> tuple[DateMention | None, bool]:
        """The date phrase of ``trigger`` and whether its clause hangs on the date itself
        ("until 1938, when he was appointed": the bound word does not apply to it)."""
        own = self._dates_in(trigger)
        if own:
            return min(own, key=lambda m: abs(m.start - trigger.idx)), False
        cur = trigger
        for _ in range(8):
            if cur.dep_ == "ROOT" or cur.head.i == cur.i:
                return None, False
            parent = cur.head
            if parent.i in self.at_token:
                return self.at_token[parent.i], True
            if cur.dep_ in ("relcl", "acl"):
                return None, False  # "Gamarnik, who committed suicide": its own time
            if cur.dep_ == "conj":
                cands = self._dates_in(parent, skip=cur, before=parent.i)
            else:
                cands = self._dates_in(parent, skip=cur)
            if cands:
                return min(cands, key=lambda m: abs(m.start - trigger.idx)), False
            cur = parent
        return None, False

    # -- values ---------------------------------------------------------------------------
    def value(self, mention: DateMention) -> str | None:
        if mention.kind in EVENT_DEPENDENT:
            return self.last_event
        return self.resolved.get(mention.start)

    def date_for(self, trigger: Token, *, negated_until: bool = False) -> str | None:
        """EDTF date of an event at ``trigger`` (None when the text does not date it)."""
        mention, on_date = self.phrase_for(trigger)
        if mention is None:
            return None
        value = self.value(mention)
        if on_date:
            return value
        if mention.bound == "until":
            return value if negated_until else None
        if mention.bound in ("before", "after", "by", "from"):
            return None
        return value

    def span_for(self, trigger: Token) -> str | None:
        """EDTF for a state at ``trigger`` (a post held): bounds become open intervals."""
        mention, on_date = self.phrase_for(trigger)
        if mention is None:
            return None
        value = self.value(mention)
        if on_date:
            return value
        if mention.bound == "until":
            return edtf.until(value)
        if mention.bound in ("from", "after"):
            return edtf.interval(value, None)
        if mention.bound in ("before", "by"):
            return edtf.until(value)
        return value

    def note_event(self, trigger: Token, date: str | None) -> None:
        if date is not None:
            self.last_event = date
