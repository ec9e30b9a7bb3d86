"""Relation claims: posts, memberships, who worked under whom, friendships, family ties,
who informed whom.

Each rule reads a construction off the parse:
- a role noun that stands for a person (apposition, copula, "served as …") with "of ORG"
  -> position; with a possessor or "for X" and a subordinate role -> subordinate_of;
- "<relationship/friendship> with X", "assisting X", "worked with X" -> associate_of/friend_of;
  "the families of A and B formed a friendship" -> the pair;
- a kinship noun with a possessor or an of-object ("his wife", "the daughter of the Karins")
  -> spouse_of, child_of, parent_of, sibling_of, relative_of;
- "worked in ORG", "joined ORG", "member of ORG" -> member_of;
- "X told/informed Y" -> informant_of.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kartoteka.extract.en import lexicon as lx
from kartoteka.extract.en import triggers as tr
from kartoteka.extract.en.claims import Draft, EventFinder, role_phrase, sentence_span
from kartoteka.extract.en.context import PERSONLIKE, DocContext, members
from kartoteka.extract.en.descriptors import COPULAS
from kartoteka.extract.en.mood import classify
from kartoteka.extract.en.timeline import Timeline
from kartoteka.extract.modality import gate
from kartoteka.model import Claim, Mention

APPOINT_LEMMAS = frozenset({"appoint", "name", "make", "become", "elect", "promote"})
# Verbs whose sense is "be in charge of" (WordNet's head.v, lead.v, direct.v, command.v,
# chair.v) and the role noun each says the subject held.
LEAD_VERBS = {"head": "head", "lead": "leader", "direct": "director", "command": "commander",
              "chair": "chairman"}


# After a body: its bracketed abbreviation, then ", <apposition of a few words>," up to a date.
_APPOSITION_THEN_SPAN = re.compile(r"(?:\s*\([^()]{1,20}\))?\s*,\s*[^,;.()]{3,60},\s*")


class RelationFinder:
    def __init__(self, ctx: DocContext, timeline: Timeline, parse: EventFinder) -> None:
        self.ctx = ctx
        self.timeline = timeline
        self.p = parse
        self.out: dict[tuple[str, str, str | None, str | None], Claim] = {}

    # -- output ---------------------------------------------------------------------------
    def emit(self, type_: str, subject: Mention, obj: Mention | None, at: Token, *,
             role: str | None = None, date: str | None = None, confidence: float = 0.75,
             **attrs: object) -> None:
        if obj is not None and (obj.id == subject.id or (
                obj.name and obj.name == subject.name)):
            return
        if subject.kind not in PERSONLIKE:
            return
        key = (type_, subject.id, obj.id if obj else None, role)
        if key in self.out:
            return
        claim = gate(Claim(
            type=type_, subject=subject.id, evidence=[sentence_span(at)],
            document_id=self.ctx.document.id, object=obj.id if obj else None, role=role,
            date=date, confidence=confidence, attrs={**attrs, "trigger_at": at.idx}),
            classify(at).modality)  # "feared he would be made head of X": no post
        if claim is not None:
            self.out[key] = claim

    def persons(self, tokens: list[Token]) -> list[Mention]:
        return [m for m in self.p.referents(tokens) if m.kind in PERSONLIKE]

    # -- rules ----------------------------------------------------------------------------
    def holders(self, role: Token) -> list[Mention]:
        """The people a role noun is said of."""
        if role.dep_ in ("nsubj", "attr") and role.head.lemma_ in COPULAS and any(
                c.dep_ == "neg" for c in role.head.children):
            return []  # "Y was not head of X", "the head of X was never Y": no post held
        if role.i in self.ctx.links:
            return [m for m in self.ctx.links[role.i] if m.kind in PERSONLIKE and m.name]
        if role.dep_ == "nsubj" and role.head.lemma_ in COPULAS:  # "The head of X was Y"
            named = [a for c in role.head.children if c.dep_ == "attr" for a in members(c)]
            return [m for m in self.persons(named) if m.name]
        if role.dep_ == "attr" and role.head.lemma_ in COPULAS:
            subj = [c for c in role.head.children if c.dep_ == "nsubj"]
            return self.persons(subj or self.p.inherited_subject(role.head))
        if role.dep_ == "ROOT":
            # "X was acting head of Y": the small model reads "was acting" as a progressive
            # hung on the noun, the root; the subject of that "be" holds the post
            for verb in (role, *(c for c in role.children if c.dep_ == "amod")):
                if any(c.dep_ in ("aux", "cop") and c.lemma_ == "be" for c in verb.children):
                    return self.persons([c for c in verb.children if c.dep_ == "nsubj"])
        if role.dep_ == "pobj" and role.head.lower_ == "as" and role.head.head.pos_ in (
                "VERB", "AUX") and role.head.head.lemma_.lower() not in APPOINT_LEMMAS:
            verb = role.head.head
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            return self.persons(subj or self.p.inherited_subject(verb))
        return []

    def roles(self) -> None:
        for tok in self.ctx.doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "NOUN" or lemma not in lx.ROLE_NOUNS:
                continue
            holders = self.holders(tok)
            if not holders:
                continue
            org = self.p.org_in(self.p.prep_object(tok, "of")) or self.p.org_in(
                self.p.prep_object(tok, "in")) or self._compound_org(tok)
            superiors = self.persons([c for c in tok.children if c.dep_ == "poss"])
            for prep in ("for", "to", "of"):
                obj = self.p.prep_object(tok, prep)
                if obj is not None:
                    superiors += self.persons([obj])
            verb = tok.head.head if tok.head.lower_ == "as" else tok.head
            under = self.p.prep_object(verb, "under")
            if under is not None:
                superiors += self.persons([under, *under.conjuncts])
            role = role_phrase(tok)
            date = self.timeline.span_for(tok) or self._span_after_apposition(org)
            start, _, end = (date or "").partition("/")
            tenure = bool(start and end and ".." not in date)  # "head of X from 1934 to 1936"
            for h in holders:
                if org is not None and lemma != "member":
                    self.emit("position", h, org, tok, role=role, date=date)
                    if tenure:  # a tenure tells when the post was given and when taken away
                        self.emit("appointment", h, org, tok, role=role, date=start,
                                  confidence=0.6, via="tenure")
                        self.emit("dismissal", h, org, tok, role=role, date=end,
                                  confidence=0.5, via="tenure")
                elif org is not None:
                    self.emit("member_of", h, org, tok, date=date)
                for s in superiors:
                    if lemma in lx.SUBORDINATE_ROLES or under is not None:
                        self.emit("subordinate_of", h, s, tok, role=role)
            if org is not None and lemma != "member" and tok.dep_ == "nsubj" \
                    and tok.head.lemma_ in COPULAS:
                self._gapped_holders(tok, holders[-1], org, role)

    def _gapped_holders(self, role: Token, first: Mention, org: Mention,
                        title: str | None) -> None:
        """"The head of the NKVD was A from 1934 to 1936, B from 1936 to 1938, and C in
        1946": a list of holders, each with its own date phrase, after the copula whose
        subject is the role (gapping, Quirk et al. §13.92: "was the head of the NKVD" is
        understood before each later name). Each name right after a comma or *and* and right
        before its date holds the post then; the list ends at the first name that is not."""
        sent = role.sent
        start = self.ctx.token_range.get(first.id, (role.i, role.i))[1]
        i = start
        while i < sent.end:
            tok = self.ctx.doc[i]
            m = self.ctx.mention_at(tok)
            if m is None or m.kind != "person" or not m.name or m.id == first.id:
                i += 1
                continue
            lo, hi = self.ctx.token_range[m.id]
            gap = [t.lower_ for t in self.ctx.doc[max(start, lo - 2):lo]]
            date_tok = self.ctx.doc[hi] if hi < sent.end else None
            if date_tok is not None and date_tok.lower_ in ("in", "from", "between") \
                    and date_tok.i not in self.timeline.at_token and hi + 1 < sent.end:
                date_tok = self.ctx.doc[hi + 1]
            mention = self.timeline.at_token.get(date_tok.i) if date_tok is not None else None
            if not gap or gap[-1] not in (",", "and") or mention is None:
                return
            date = self.timeline.value(mention)
            begin, _, end = (date or "").partition("/")
            self.emit("position", m, org, role, role=title, date=date, via="gapped list")
            if begin and end and ".." not in (date or ""):
                self.emit("appointment", m, org, role, role=title, date=begin,
                          confidence=0.6, via="tenure")
                self.emit("dismissal", m, org, role, role=title, date=end,
                          confidence=0.5, via="tenure")
            i = hi

    def led_bodies(self) -> None:
        """"X headed the NKVD from 1934 to 1936": the verb of being in charge of a body is
        a post held, and with a closed span a tenure (appointment and removal), as its noun."""
        for tok in self.ctx.doc:
            role = LEAD_VERBS.get(tok.lemma_.lower())
            if role is None or tok.pos_ != "VERB" or self.p.passive(tok):
                continue
            dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            org = self.p.org_in(dobj)
            if org is None:
                continue
            date = self.timeline.span_for(tok) or self._span_after_apposition(org)
            start, _, end = (date or "").partition("/")
            tenure = bool(start and end and ".." not in date)
            for h in self.persons(self.p.arguments(tok, tr.AGENT)):
                self.emit("position", h, org, tok, role=role, date=date)
                if tenure:
                    self.emit("appointment", h, org, tok, role=role, date=start,
                              confidence=0.6, via="tenure")
                    self.emit("dismissal", h, org, tok, role=role, date=end,
                              confidence=0.5, via="tenure")

    def _span_after_apposition(self, org: Mention | None) -> str | None:
        """"headed the foreign service (INO), then part of the NKVD, from May 1935 to February
        1938": an apposition to the body, set off by commas, stands between it and the span;
        the small model hangs the span on the apposition. A closed span right after the
        apposition's comma is the post's."""
        if org is None:
            return None
        text = self.ctx.document.text
        m = _APPOSITION_THEN_SPAN.match(text, org.end)
        if m is None:
            return None
        for d in self.timeline.mentions:
            if d.start == m.end() and d.kind in ("range", "month_range", "year_range"):
                return self.timeline.value(d)
        return None

    def _compound_org(self, tok: Token) -> Mention | None:
        for c in tok.children:
            if c.dep_ in ("compound", "poss", "nmod"):
                m = self.ctx.mention_at(c)
                if m is not None and m.kind == "organization":
                    return m
        return None

    def associations(self) -> None:
        for tok in self.ctx.doc:
            lemma = tok.lemma_.lower()
            kind = tr.ASSOCIATION_NOUNS.get(tok.lower_) or tr.ASSOCIATION_NOUNS.get(lemma)
            if tok.pos_ == "NOUN" and kind is not None:
                with_obj = self.p.prep_object(tok, "with")
                subjects = self.persons([c for c in tok.children if c.dep_ == "poss"])
                if not subjects:
                    subjects = self._clause_subjects(tok)
                if with_obj is not None:
                    for s in subjects:
                        for o in self.persons([with_obj, *with_obj.conjuncts]):
                            self.emit(kind, s, o, tok)
                elif len(subjects) > 1:
                    for o in subjects[1:]:
                        self.emit(kind, subjects[0], o, tok)
            elif tok.pos_ == "VERB" and lemma in tr.ASSOCIATION_VERBS:
                subjects = self.persons(self.p.arguments(tok, tr.AGENT))
                objs = [c for c in tok.children if c.dep_ == "dobj"]
                for s in subjects:
                    for o in self.persons([m for obj in objs for m in members(obj)]):
                        self.emit(tr.ASSOCIATION_VERBS[lemma], s, o, tok)
            elif tok.pos_ == "VERB" and lemma in tr.WORK_VERBS:
                with_obj = self.p.prep_object(tok, "with")
                if with_obj is not None:
                    for s in self.persons(self.p.arguments(tok, tr.AGENT)):
                        for o in self.persons([with_obj, *with_obj.conjuncts]):
                            self.emit("associate_of", s, o, tok)

    def _clause_subjects(self, tok: Token) -> list[Mention]:
        """The people a predicate noun is about: the subject of its verb, or every person in
        that subject ("the two families of A and B formed a friendship")."""
        cur = tok
        while cur.dep_ in ("dobj", "attr", "pobj", "prep", "oprd") and cur.head.i != cur.i:
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                break
        if cur.pos_ not in ("VERB", "AUX"):
            return []
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj:
            return self.persons(self.p.inherited_subject(cur))
        found = self.persons(subj + [c for s in subj for c in s.conjuncts])
        head = subj[0]
        if head.lemma_.lower() in lx.FAMILY_WORDS or len(found) == 0:
            inner = [t for t in head.subtree if t.i != head.i]
            people = [m for m in self.persons(inner) if m.kind in PERSONLIKE and m.name]
            if len(people) > 1:
                return people
        return found

    def kinship(self) -> None:
        for tok in self.ctx.doc:
            low, lemma = tok.lower_, tok.lemma_.lower()
            kind = lx.KINSHIP.get(low) or lx.KINSHIP.get(lemma)
            if lemma in lx.FRIEND_NOUNS and tok.pos_ == "NOUN":
                kind = "friend_of"
            elif kind is None and lemma in lx.SUBORDINATE_ROLES and tok.pos_ == "NOUN" \
                    and tok.i not in self.ctx.links:
                kind = "subordinate_of"  # "Yerov's man", "Yezhov's secretary" unnamed
            elif lemma in lx.ASSOCIATE_NOUNS and tok.pos_ == "NOUN":
                kind = "associate_of"
            if kind is None or tok.pos_ != "NOUN":
                continue
            people = self.holders(tok) or self.persons([tok])
            if not people:
                continue
            others = self.persons([c for c in tok.children if c.dep_ == "poss"])
            of = self.p.prep_object(tok, "of")
            if of is not None:
                others += self.persons([of, *of.conjuncts])
            for person in people:
                for other in others:
                    self.emit(kind, person, other, tok, role=None)

    def memberships(self) -> None:
        for tok in self.ctx.doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB":
                continue
            if lemma in tr.WORK_VERBS:
                orgs = [self.p.org_in(self.p.prep_object(tok, p)) for p in ("in", "for", "at")]
                org = next((o for o in orgs if o is not None), None)
                if org is not None:
                    for s in self.persons(self.p.arguments(tok, tr.AGENT)):
                        self.emit("member_of", s, org, tok, date=self.timeline.span_for(tok))
            elif lemma in tr.JOIN_VERBS:
                dobj = self.p.child(tok, "dobj")
                org = self.p.org_in(dobj)
                if org is None and dobj is not None:
                    org = self.p.org_in(self.p.prep_object(dobj, "of"))
                if org is not None:
                    for s in self.persons(self.p.arguments(tok, tr.AGENT)):
                        self.emit("member_of", s, org, tok, date=self.timeline.date_for(tok))
        for m in self.ctx.mentions:
            if m.kind != "group" or m.name:
                continue
            first, last = self.ctx.token_range[m.id]
            for t in self.ctx.doc[first:last]:
                org = self.ctx.mention_at(t)
                if org is not None and org.kind == "organization" and t.dep_ == "compound":
                    self.emit("member_of", m, org, t)
                    break

    def informants(self) -> None:
        for tok in self.ctx.doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in tr.INFORM_VERBS:
                continue
            if tok.lemma_.lower() == "denounce":
                continue
            tellers = self.persons(self.p.arguments(tok, tr.AGENT))
            hearers = [c for c in tok.children if c.dep_ in ("dobj", "dative", "iobj")
                       and c.lower_ not in lx.FIRST_PERSON | lx.FIRST_PERSON_PLURAL]
            for s in tellers:
                for o in self.persons(hearers):
                    if s.kind == "person" and o.kind == "person":
                        self.emit("informant_of", s, o, tok)

    def anchored(self, steps: list[tuple[Mention, Mention | None, Draft]]) -> None:
        """Career steps used as time anchors ("before his transfer to X"): membership of X."""
        for subject, org, draft in steps:
            if org is not None:
                self.emit("member_of", subject, org, draft.trigger, confidence=0.6,
                          via=draft.type)

    def run(self, anchored: list[tuple[Mention, Mention | None, Draft]]) -> list[Claim]:
        self.roles()
        self.led_bodies()
        self.associations()
        self.kinship()
        self.memberships()
        self.informants()
        self.anchored(anchored)
        return list(self.out.values())
