"""Event claims from the dependency parse: who was arrested, shot, appointed, … and when.

For each trigger (triggers.py) the person it happens to is read off the parse: the passive
subject or object of PATIENT verbs, the subject of AGENT verbs, the possessor or of-object of
nouns ("the arrest of the Karins"); a verb without its own subject borrows it from the verb it
is coordinated with or depends on ("arrested in 1939 and executed in 1940"); enumerations
give one claim a member ("devoured A, B and C"). Negation, modals, conditionals, intentions
and hedges decide polarity, whether the claim is made at all, and its confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kartoteka.extract.en import lexicon as lx
from kartoteka.extract.en import triggers as tr
from kartoteka.extract.en.context import PERSONLIKE, DocContext, members
from kartoteka.extract.en.timeline import Timeline
from kartoteka.model import Claim, Mention, Span

CLAUSE_DEPS = frozenset({"conj", "relcl", "advcl", "ccomp", "acl", "parataxis", "xcomp",
                         "csubj", "pcomp"})
TEMPORAL_PREPS = frozenset({"before", "after", "since", "until", "following", "prior", "till"})


@dataclass
class Draft:
    """An event found, before its date and attribution are settled."""

    type: str
    trigger: Token
    subjects: list[Mention]
    object: Mention | None = None
    role: str | None = None
    polarity: str = "affirmed"
    confidence: float = 0.8
    attrs: dict[str, object] = field(default_factory=dict)
    until_negated: bool = False


def sentence_span(tok: Token) -> Span:
    sent = tok.sent
    text = sent.text
    stripped = text.rstrip()
    lead = len(text) - len(text.lstrip())
    return Span(sent.start_char + lead, sent.start_char + len(stripped))


def role_phrase(noun: Token) -> str:
    """"deputy head", "People's Commissar": the role noun with the modifiers that belong to it."""
    parts = [noun]
    for c in noun.lefts:
        if c.dep_ in ("amod", "compound", "nmod", "poss") and (
                c.lower_ in lx.ROLE_MODIFIERS or c.lemma_.lower() in lx.ROLE_MODIFIERS
                or c.lower_ in lx.ROLE_NOUNS):
            parts.extend([c, *[g for g in c.children if g.tag_ == "POS"]])
    parts.sort(key=lambda t: t.i)
    text = " ".join(t.text for t in parts).replace(" ’s", "'s").replace(" 's", "'s")
    return text if text[:1].isupper() and "People" in text else text.lower()


class EventFinder:
    def __init__(self, ctx: DocContext, timeline: Timeline) -> None:
        self.ctx = ctx
        self.timeline = timeline

    # -- parse helpers --------------------------------------------------------------------
    @staticmethod
    def passive(tok: Token) -> bool:
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            return True
        if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):
            return True
        if tok.tag_ in ("VBN", "VBD") and tok.dep_ == "conj" and not any(
                c.dep_ in ("nsubj", "aux", "dobj") for c in tok.children):
            return EventFinder.passive(tok.head)  # "was sentenced … and shot"
        if tok.tag_ == "VBN" and tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_ in (
                "have", "get"):
            return True  # "had him arrested"
        return False

    def inherited_subject(self, tok: Token) -> list[Token]:
        """The subject a verb shares with the verb it hangs on (conj, xcomp, advcl)."""
        cur = tok
        for _ in range(6):
            if cur.dep_ not in ("conj", "xcomp", "advcl") or cur.head.i == cur.i:
                return []
            cur = cur.head
            subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                return subj
        return []

    def adjacent_subject(self, tok: Token) -> list[Token]:
        """A name right before a verb the parser left without a subject ("On 16 May 1921 Kork
        became …", where the small model reads Kork as part of the date)."""
        k = tok.i - 1
        while k >= tok.sent.start and self.ctx.doc[k].pos_ in ("ADV", "AUX", "PART"):
            k -= 1
        if k < tok.sent.start:
            return []
        m = self.ctx.mention_at(self.ctx.doc[k])
        if m is not None and m.kind in PERSONLIKE and m.end == self.ctx.doc[k].idx + len(
                self.ctx.doc[k]) and m.name:
            return [self.ctx.doc[k]]
        return []

    def arguments(self, tok: Token, argument: str) -> list[Token]:
        passive = self.passive(tok)
        if argument == tr.PATIENT:
            if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN":
                args = [tok.head]
            elif passive:
                args = [c for c in tok.children if c.dep_ == "nsubjpass"] or [
                    c for c in tok.children if c.dep_ == "nsubj" and tok.head.lemma_ in (
                        "have", "get")]
            else:
                args = [c for c in tok.children if c.dep_ == "dobj"]
        else:
            args = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not args and (argument == tr.AGENT or passive):
            args = self.inherited_subject(tok)
        if not args and (argument == tr.AGENT or passive):
            args = self.adjacent_subject(tok)
        out: list[Token] = []
        for a in args:
            out.extend(c for c in members(a) if c not in out)
        return out

    def referents(self, tokens: list[Token]) -> list[Mention]:
        out: list[Mention] = []
        for t in tokens:
            for m in self.ctx.referents(t):
                if m not in out:
                    out.append(m)
        return out

    @staticmethod
    def child(tok: Token, dep: str, word: str | None = None) -> Token | None:
        for c in tok.children:
            if c.dep_ == dep and (word is None or c.lower_ == word):
                return c
        return None

    def prep_object(self, tok: Token, prep: str) -> Token | None:
        p = self.child(tok, "prep", prep)
        if p is None:
            p = self.child(tok, "agent", prep)
        if p is None:
            return None
        return next((c for c in p.children if c.dep_ == "pobj"), None)

    def org_in(self, tok: Token | None) -> Mention | None:
        """The first organisation mentioned in ``tok``'s subtree."""
        if tok is None:
            return None
        for t in tok.subtree:
            m = self.ctx.mention_at(t)
            if m is not None and m.kind == "organization":
                return m
            for linked in self.ctx.links.get(t.i, ()):
                if linked.kind == "organization":
                    return linked
        return None

    def role_complement(self, tok: Token) -> Token | None:
        """The post a verb gives ("appointed head of X", "became a board member, head of
        supply, and chairman of Y"): a specific role with a body named wins."""
        cands: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("oprd", "attr", "xcomp", "dobj", "acomp", "npadvmod"):
                cands.extend(members(c))
            if c.dep_ == "prep" and c.lower_ in ("as", "to"):
                cands.extend(m for g in c.children if g.dep_ == "pobj" for m in members(g))
        roles = [c for c in cands if c.lemma_.lower() in lx.ROLE_NOUNS]
        if not roles:
            return None
        return max(roles, key=lambda r: (self.org_in(self.prep_object(r, "of")) is not None,
                                         r.lemma_.lower() not in lx.GENERIC_ROLES, -r.i))

    def needs_met(self, tok: Token, needs: tuple[str, ...]) -> bool:
        for need in needs:
            parts = need.split(":")
            if parts[0] == "prt":
                if self.child(tok, "prt", parts[1]) is None and self.child(
                        tok, "advmod", parts[1]) is None:
                    return False
            elif parts[0] == "prep":
                obj = self.prep_object(tok, parts[1])
                if self.child(tok, "prep", parts[1]) is None:
                    return False
                if len(parts) > 2:
                    want = tr.POST_NOUNS if parts[2] == "post" else {parts[2]}
                    if obj is None or (obj.lemma_.lower() not in want and self.org_in(obj) is None):
                        return False
            elif parts[0] == "dobj":
                want = tr.POST_NOUNS if parts[1] == "post" else {parts[1]}
                if not any(c.dep_ == "dobj" and c.lemma_.lower() in want for c in tok.children):
                    return False
            elif need == "role":
                if self.role_complement(tok) is None:
                    return False
            elif need == "passive":
                if not self.passive(tok):
                    return False
            elif need == "victim":
                if not any(c.lemma_.lower() in tr.VICTIM_NOUNS for c in tok.children):
                    return False
        return True

    # -- modality -------------------------------------------------------------------------
    def modality(self, tok: Token, draft: Draft) -> bool:
        """Set polarity and confidence; False when the text does not assert the event."""
        chain = [tok] + [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        scope = [tok]
        while scope[-1].dep_ == "conj" and len(scope) < 6:
            scope.append(scope[-1].head)  # "if they had … or killed": the "if" covers both
        own_aux = any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        conditional = any(c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
            for t in scope for c in t.children)
        for c in (c for t in scope for c in t.children):
            if c.tag_ == "MD" and (c.head.i == tok.i or not own_aux):
                perfect = any(a.lower_ == "have" and a.dep_ == "aux" for a in c.head.children)
                if c.lower_ == "would" and not perfect and not conditional:
                    draft.confidence = min(draft.confidence, 0.75)
                    draft.attrs["future_in_past"] = True  # "he would be arrested in 1938"
                    continue
                if c.lower_ in tr.IRREALIS_MODALS:
                    return False
                if c.lower_ in tr.POSSIBILITY_MODALS:
                    draft.confidence = min(draft.confidence, 0.4)
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "lest"):
                return False
        negated = any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't")
                      for t in chain for c in t.children if c.dep_ in ("neg", "advmod"))
        if negated:
            if any(self.child(tok, "prep", w) for w in tr.UNTIL_WORDS):
                draft.until_negated = True  # "not removed until 1938": removed in 1938
            else:
                draft.polarity = "negated"
        has_to = any(c.tag_ == "TO" and c.dep_ == "aux" for c in tok.children)
        if has_to:
            gov = tok.head
            if gov.lemma_.lower() in tr.INTENTION_VERBS or gov.lemma_.lower() in tr.INTENTION_NOUNS:
                if gov.lemma_.lower() in tr.ATTEMPT_VERBS and draft.type == "suicide":
                    draft.type = "suicide_attempt"
                    return True
                return False
            draft.confidence = min(draft.confidence, 0.6)  # a purpose: meant, likely done
        if (tok.tag_ == "VB" and not has_to and tok.dep_ in ("ROOT", "appos", "parataxis")
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                            for c in tok.children)):
            return False  # an imperative or a bare instruction ("expel these accusers")
        sent_low = tok.sent.text.lower()
        if any(w.lower_ in tr.HEDGE_WORDS for w in tok.sent) or any(
                p in sent_low for p in tr.HEDGE_PHRASES):
            draft.confidence = min(draft.confidence, tr.HEDGE_CONFIDENCE)
            draft.attrs["hedged"] = True
        return True

    # -- triggers -------------------------------------------------------------------------
    def verb_events(self, tok: Token) -> Draft | None:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") and not (tok.tag_ == "VBN"):
            return None
        # "shot himself", "took his own life", "attempted suicide".
        dobj = self.child(tok, "dobj")
        if dobj is not None and dobj.lower_ in tr.REFLEXIVES \
                and lemma in tr.REFLEXIVE_SUICIDE_VERBS:
            return Draft("suicide", tok, self.referents(self.arguments(tok, tr.AGENT)))
        if lemma == "take" and dobj is not None and dobj.lower_ == "life" and any(
                c.lower_ == "own" for c in dobj.children):
            return Draft("suicide", tok, self.referents(self.arguments(tok, tr.AGENT)))
        if lemma in tr.ATTEMPT_VERBS and dobj is not None and dobj.lemma_.lower() == "suicide":
            return Draft("suicide_attempt", tok, self.referents(self.arguments(tok, tr.AGENT)))
        if lemma == "take" and dobj is not None and dobj.lemma_.lower() == "command":
            draft = Draft("appointment", tok, self.referents(self.arguments(tok, tr.AGENT)),
                          role="commander", object=self.org_in(self.prep_object(dobj, "of")))
            return draft
        if lemma == "include" and any(c.dep_ == "nsubj" and c.lemma_.lower() in tr.VICTIM_NOUNS
                                      for c in tok.children):
            dobj = self.child(tok, "dobj")  # "Notable victims at Butovo include A, B and C"
            if dobj is not None:
                return Draft("execution", tok, self.referents(members(dobj)), confidence=0.5,
                             attrs={"euphemism": "victims"})
        if lemma == "carry" and self.child(tok, "prt", "out"):
            # "the death sentences on X and Y were carried out"
            for c in tok.children:
                if c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() == "sentence" and any(
                        g.lower_ == "death" for g in c.children):
                    on = self.prep_object(c, "on") or self.prep_object(c, "against") \
                        or self.prep_object(c, "of")
                    if on is not None:
                        return Draft("execution", tok, self.referents(members(on)))
        for spec in tr.VERB_TRIGGERS.get(lemma, ()):
            if not self.needs_met(tok, spec.needs):
                continue
            draft = Draft(spec.type, tok, self.referents(self.arguments(tok, spec.argument)),
                          confidence=spec.confidence)
            if spec.euphemism:
                draft.attrs["euphemism"] = tok.text
            self.fill_object(tok, draft)
            return draft
        return None

    def fill_object(self, tok: Token, draft: Draft) -> None:
        t = draft.type
        if t in ("appointment", "dismissal", "transfer"):
            role = self.role_complement(tok)
            if role is None and t == "dismissal":
                post = self.prep_object(tok, "from") or self.child(tok, "dobj")
                role = self.role_complement(post) if post is not None else None
            if role is not None:
                draft.role = role_phrase(role)
                draft.object = self.org_in(self.prep_object(role, "of")) or self.org_in(
                    self.prep_object(role, "for")) or self.org_in(self.prep_object(role, "in"))
            if draft.object is None:
                for prep in ("to", "from", "of", "at", "in"):
                    org = self.org_in(self.prep_object(tok, prep))
                    if org is not None:
                        draft.object = org
                        break
        elif t in ("arrest", "trial", "sentence", "rehabilitation"):
            draft.object = self.org_in(self.prep_object(tok, "by"))
            if t == "sentence":
                to = self.prep_object(tok, "to")
                if to is not None:
                    draft.role = " ".join(w.text for w in to.subtree if not w.is_punct).lower()
        elif t in ("defection", "expulsion", "escape"):
            for prep in ("to", "from"):
                obj = self.prep_object(tok, prep)
                m = self.ctx.mention_at(obj) if obj is not None else None
                if m is not None and m.kind in ("organization", "place"):
                    draft.object = m
                    break

    def noun_event(self, tok: Token) -> Draft | None:
        spec = tr.NOUN_TRIGGERS.get(tok.lemma_.lower())
        if spec is None or tok.pos_ != "NOUN" or tok.dep_ == "compound":
            return None
        if tok.head.lemma_.lower() in ("commit", "attempt", "try") and tok.dep_ == "dobj":
            return None  # the verb rule has it
        poss = self.child(tok, "poss")
        args = [poss] if poss is not None else []
        if not args:
            of = self.prep_object(tok, "of")
            if of is not None:
                args = [of, *of.conjuncts]
        subjects = self.referents([a for a in args if a is not None])
        if not subjects:
            return None
        draft = Draft(spec[0], tok, subjects, confidence=spec[1])
        self.fill_object(tok, draft)
        if draft.object is None and draft.type in ("transfer", "appointment"):
            draft.object = self.org_in(self.prep_object(tok, "to"))
        head = tok.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            if head.lower_ in TEMPORAL_PREPS:
                draft.attrs["anchor"] = head.lower_
        return draft

    # -- all of it ------------------------------------------------------------------------
    def drafts(self) -> list[Draft]:
        out: list[Draft] = []
        for tok in self.ctx.doc:
            draft = self.verb_events(tok) if tok.pos_ in ("VERB", "AUX") or tok.tag_ == "VBN" \
                else self.noun_event(tok)
            if draft is not None and not draft.subjects and tok.pos_ in ("VERB", "AUX"):
                draft.subjects = self.referents(self.adjacent_subject(tok))
            if draft is None or not draft.subjects:
                continue
            if not self.modality(tok, draft):
                continue
            out.append(draft)
            if tok.lemma_.lower() == "replace" and draft.type == "dismissal":
                # "X was replaced by Y": Y took the post
                agent = self.prep_object(tok, "by")
                successors = self.referents(members(agent)) if agent is not None else []
                if successors:
                    out.append(Draft("appointment", tok, successors, object=draft.object,
                                     role=draft.role, confidence=0.7,
                                     attrs={"replacing": True}))
        return out

    @staticmethod
    def _duplicate(out: list[Claim], claim: Claim) -> bool:
        """One event told twice in one sentence ("was ousted …, and was replaced"): keep one,
        with the object and date either telling gives."""
        for other in out:
            if (other.type, other.subject, other.evidence, other.polarity) == (
                    claim.type, claim.subject, claim.evidence, claim.polarity):
                other.object = other.object or claim.object
                other.role = other.role or claim.role
                other.date = other.date or claim.date
                return True
        return False

    def claims(self) -> tuple[list[Claim], list[tuple[Mention, Mention | None, Draft]]]:
        """Event claims in reading order, plus (subject, org, draft) of anchored career steps
        that relations.py turns into memberships instead."""
        doc_id = self.ctx.document.id
        out: list[Claim] = []
        memberships: list[tuple[Mention, Mention | None, Draft]] = []
        vocab_fates = {"arrest", "execution", "death", "suicide", "suicide_attempt", "defection",
                       "expulsion", "trial", "sentence", "release", "rehabilitation", "escape"}
        for draft in self.drafts():
            if draft.type == "appointment" and draft.object is None and draft.role and \
                    draft.role.split()[-1].lower() in lx.GENERIC_ROLES:
                continue  # "became a railroad worker": a job, not a post
            date = self.timeline.date_for(draft.trigger, negated_until=draft.until_negated)
            self.timeline.note_event(draft.trigger, date)
            if draft.attrs.get("anchor") and draft.type not in vocab_fates:
                for subj in draft.subjects:
                    memberships.append((subj, draft.object, draft))
                continue
            for subj in draft.subjects:
                if subj.kind not in PERSONLIKE:
                    continue
                claim = Claim(
                    type=draft.type, subject=subj.id, evidence=[sentence_span(draft.trigger)],
                    document_id=doc_id, object=draft.object.id if draft.object else None,
                    role=draft.role, date=date, polarity=draft.polarity,  # type: ignore[arg-type]
                    confidence=draft.confidence,
                    attrs={**draft.attrs, "trigger": draft.trigger.text,
                           "trigger_at": draft.trigger.idx})
                if self._duplicate(out, claim):
                    continue
                out.append(claim)
                if draft.type == "appointment" and draft.role and draft.object is not None \
                        and draft.polarity == "affirmed":
                    out.append(Claim(
                        type="position", subject=subj.id, evidence=claim.evidence,
                        document_id=doc_id, object=draft.object.id, role=draft.role,
                        date=date, confidence=draft.confidence,
                        attrs={"from": "appointment", "trigger_at": draft.trigger.idx}))
        return out, memberships
