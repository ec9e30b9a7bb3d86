"""Event claims from the dependency parse: who was arrested, shot, appointed, … and when.

For each trigger (triggers.py) the person it happens to is read off the parse: the passive
subject or object of PATIENT verbs, the subject of AGENT verbs, the possessor or of-object of
nouns ("the arrest of the Karins"); a verb without its own subject borrows it from the verb it
is coordinated with or depends on ("arrested in 1939 and executed in 1940"); enumerations
give one claim a member ("devoured A, B and C"); arguments.py reads them. Every candidate is
then classed by mood.py (asserted, denied, rumoured, charged, feared, planned, …) and passes
``extract.modality.gate``, which alone decides what each class becomes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kartoteka.extract.en import lexicon as lx
from kartoteka.extract.en import modality_words as mw
from kartoteka.extract.en import triggers as tr
from kartoteka.extract.en.arguments import ArgumentReader, predicative_host, tagged_as_noun
from kartoteka.extract.en.bounded_events import (
    anchored_noun_date,
    clause_date,
    coordinated_bound,
    temporal_clause,
    unrealised,
)
from kartoteka.extract.en.calques import term_role
from kartoteka.extract.en.charge import charge_taken
from kartoteka.extract.en.context import PERSONLIKE, DocContext, members
from kartoteka.extract.en.mood import Mood, classify
from kartoteka.extract.en.negation_scope import excluded, shares_negation
from kartoteka.extract.en.partitives import partitives
from kartoteka.extract.en.sentence_dates import (
    backshifted,
    fronted_date,
    sequel_date,
    when_date,
)
from kartoteka.extract.en.timeline import Timeline
from kartoteka.extract.modality import Modality, gate, judge
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
    modality: Modality = Modality.ASSERTED


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


class EventFinder(ArgumentReader):
    def __init__(self, ctx: DocContext, timeline: Timeline) -> None:
        super().__init__(ctx)
        self.timeline = timeline
        self.last_death_sentence: Draft | None = None

    def modality(self, tok: Token, draft: Draft) -> None:
        """Class ``draft`` by its clause (mood.py) and take over what the reading adds."""
        mood: Mood = classify(tok)
        host = predicative_host(tok)
        if host is not None and mood.modality is Modality.ASSERTED:
            # "X was never found guilty and shot", "if X were found guilty and shot": the
            # participle sits in the predicate of "found", whose clause carries the mood;
            # "not found guilty but shot" contrasts, and the negation stays with "found"
            hosted = classify(host)
            contrast = any(c.dep_ == "cc" and c.lower_ in ("but", "yet")
                           for c in tok.head.children)
            if not (contrast and hosted.modality is Modality.DENIED):
                mood = hosted
        if mood.modality is Modality.ASSERTED and shares_negation(tok):
            mood.modality = Modality.DENIED  # "not arrested and shot", "neither … nor"
        if mood.modality is Modality.ASSERTED and excluded(tok):
            # "wounded instead of being killed": not then, which a negated claim without a
            # date would overstate (he may be killed later); nothing is claimed
            mood.modality = Modality.HYPOTHETICAL
        if mood.modality is Modality.ASSERTED and unrealised(self.timeline, tok, self.needs_met):
            mood.modality = Modality.HYPOTHETICAL  # "he died before he was tried"
        if mood.attempt and draft.type == "suicide" and mood.modality is Modality.INTENDED:
            draft.type = "suicide_attempt"  # "tried to shoot himself": the attempt happened
            mood.modality = Modality.ASSERTED
        draft.modality = mood.modality
        draft.confidence = min(draft.confidence, mood.confidence)
        draft.attrs.update(mood.attrs)
        draft.until_negated = mood.until_negated

    # -- triggers -------------------------------------------------------------------------
    def verb_events(self, tok: Token) -> Draft | None:
        lemma = tr.trigger_lemma(tok.lemma_)  # "re-arrested": an arrest again
        if tagged_as_noun(tok):  # "found guilty and shot", "Shot on 15 January 1938."
            lemma = tr.participle_lemma(tok) or lemma
        elif tok.pos_ not in ("VERB", "AUX") and not (tok.tag_ == "VBN"):
            return None
        if self.idiom(tok, lemma):
            return None
        if tok.tag_ == "VBG" and tok.lower_ in tr.NOUN_TRIGGERS and self.child(tok, "prep", "of"):
            return self.noun_event(tok, gerund=True)  # "the shooting of X"
        # "shot himself", "took his own life", "attempted suicide".
        dobj = self.child(tok, "dobj")
        if dobj is not None and dobj.lower_ in tr.REFLEXIVES \
                and lemma in tr.REFLEXIVE_SUICIDE_VERBS:
            return Draft("suicide", tok, self.referents(self.arguments(tok, tr.AGENT)))
        if lemma == "take" and dobj is not None and dobj.lower_ == "life" and any(
                c.lower_ == "own" for c in dobj.children):
            return Draft("suicide", tok, self.referents(self.arguments(tok, tr.AGENT)))
        if lemma in mw.ATTEMPT_VERBS and dobj is not None and dobj.lemma_.lower() == "suicide":
            return Draft("suicide_attempt", tok, self.referents(self.arguments(tok, tr.AGENT)))
        charge = charge_taken(self, tok, lemma)  # "took over the NKVD", "put in charge of"
        if charge is not None:
            return Draft("appointment", tok, charge[0], role=charge[1], object=charge[2])
        if lemma == "include" and any(c.dep_ == "nsubj" and c.lemma_.lower() in tr.VICTIM_NOUNS
                                      for c in tok.children):
            dobj = self.child(tok, "dobj")  # "Notable victims at Butovo include A, B and C"
            if dobj is not None:
                return Draft("execution", tok, self.referents(members(dobj)), confidence=0.5,
                             attrs={"euphemism": "victims"})
        if lemma == "carry" and self.child(tok, "prt", "out"):
            # "the death sentences on X and Y were carried out"
            for c in tok.children:
                if c.dep_ not in ("nsubjpass", "dobj") or c.lemma_.lower() != "sentence":
                    continue
                on = self.prep_object(c, "on") or self.prep_object(c, "against") \
                    or self.prep_object(c, "of")
                if on is not None and any(g.lower_ == "death" for g in c.children):
                    return Draft("execution", tok, self.referents(members(on)))
                last = self.last_death_sentence
                if on is None and last is not None and \
                        tok.sent.start - last.trigger.sent.start <= 80:
                    # "sentenced to death …; the sentence was carried out": that sentence's
                    return Draft("execution", tok, list(last.subjects), confidence=0.75)
        if lemma in tr.REMOVAL_SENSE_VERBS and self.removal_sense(tok):
            return None
        if lemma in mw.AVOIDING_VERBS and dobj is not None and (
                dobj.lemma_.lower() in tr.NOUN_TRIGGERS or dobj.lower_ in tr.NOUN_TRIGGERS):
            return None  # "escaped execution", "fled arrest": an event avoided, no escape
        for spec in tr.VERB_TRIGGERS.get(lemma, ()):
            if not self.needs_met(tok, spec.needs):
                continue
            draft = Draft(spec.type, tok, self.referents(self.arguments(tok, spec.argument)),
                          confidence=spec.confidence)
            if spec.euphemism:
                draft.attrs["euphemism"] = tok.text
            self.fill_object(tok, draft)
            if lemma in tr.KILLING_VERBS and spec.type == "execution" and self.lone_agent(tok):
                draft.type = "death"
                draft.attrs["killed"] = True
            return draft
        return None

    def lone_agent(self, tok: Token) -> bool:
        """An active verb whose subject is one individual: "he shot X", "Nikolaev shot X";
        a passive one whose agent is: "X was shot by a gunman", "… by Nikolaev"."""
        if self.passive(tok):
            # "shot and killed by a gunman": the agent after the last conjunct is shared
            agent = next((g for v in (tok, *tok.conjuncts) for c in v.children
                          if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            if agent is None or agent.conjuncts:
                return False
            m = self.ctx.mention_at(agent)
            return agent.lemma_.lower() in tr.LONE_KILLERS or (
                m is not None and m.kind == "person" and bool(m.name))
        for c in tok.children:
            if c.dep_ != "nsubj":
                continue
            if c.lower_ in tr.SINGULAR_PERSONAL:
                return True
            m = self.ctx.mention_at(c)
            return m is not None and m.kind == "person" and bool(m.name) and not c.conjuncts
        return False

    def removal_sense(self, tok: Token) -> bool:
        """"purged from the party", "removed from his post and purged": removal, no arrest."""
        if self.child(tok, "prep", "from") is not None:
            return True
        siblings = [*tok.conjuncts]
        return any(spec.type in tr.REMOVAL_CLAIMS for s in siblings
                   for spec in tr.VERB_TRIGGERS.get(s.lemma_.lower(), ())
                   if self.needs_met(s, spec.needs))

    def idiom(self, tok: Token, lemma: str) -> bool:
        """A fate verb in an idiom that is no fate: "shot up from his seat", "shot a glance"."""
        particles = tr.IDIOM_PARTICLES.get(lemma, frozenset())
        if any(c.dep_ in ("prt", "advmod", "acomp") and c.lower_ in particles
               for c in tok.children):
            return True
        objects = tr.IDIOM_OBJECTS.get(lemma, frozenset())
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in objects
                   for c in tok.children)

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
            if t == "sentence":  # "sentenced to death", "got ten years", "… for eight years"
                to = self.prep_object(tok, "to") if tok.lemma_ != "send" else None
                draft.role = " ".join(w.text for w in to.subtree if not w.is_punct).lower() \
                    if to is not None else term_role(tok)
        elif t in ("defection", "expulsion", "escape"):
            for prep in ("to", "from"):
                obj = self.prep_object(tok, prep)
                m = self.ctx.mention_at(obj) if obj is not None else None
                if m is not None and m.kind in ("organization", "place"):
                    draft.object = m
                    break

    def possessor(self, tok: Token) -> list[Token]:
        """Whose event a noun is: its possessor ("X's arrest") or of-object ("the arrest of
        X and Y")."""
        poss = self.child(tok, "poss")
        if poss is not None:
            return [poss]
        of = self.prep_object(tok, "of")
        # members, not just conjuncts: "the execution of the engineers A and B" (apposition)
        return members(of) if of is not None else []

    def noun_event(self, tok: Token, gerund: bool = False) -> Draft | None:
        spec = tr.NOUN_TRIGGERS.get(tok.lower_ if gerund else tok.lemma_.lower())
        if spec is None or (tok.pos_ != "NOUN" and not gerund) or tok.dep_ == "compound":
            return None
        if tok.head.lemma_.lower() in ("commit", "attempt", "try") and tok.dep_ == "dobj":
            return None  # the verb rule has it
        args = self.possessor(tok)
        if not args:  # "the arrest and execution of X": coordinated event nouns share "of X"
            for other in tok.conjuncts:
                if other.lemma_.lower() in tr.NOUN_TRIGGERS or other.lower_ in tr.NOUN_TRIGGERS:
                    args = self.possessor(other)
                    if args:
                        break
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
                or tagged_as_noun(tok) else self.noun_event(tok)
            if draft is not None and not draft.subjects and tok.pos_ in ("VERB", "AUX") and (
                    self.passive(tok) or any(s.argument == tr.AGENT for s in
                                             tr.VERB_TRIGGERS.get(tok.lemma_.lower(), ()))):
                # a name before an active "shot" is its agent, never its victim
                draft.subjects = self.referents(self.adjacent_subject(tok))
            if draft is None or not draft.subjects:
                continue
            self.modality(tok, draft)
            out.append(draft)
            if draft.type == "sentence" and draft.role and "death" in draft.role and \
                    draft.modality is Modality.ASSERTED:
                self.last_death_sentence = draft
            if tok.lemma_.lower() == "replace" and draft.type == "dismissal":
                # "X was replaced by Y": Y took the post
                agent = self.prep_object(tok, "by")
                successors = self.referents(members(agent)) if agent is not None else []
                if successors:
                    out.append(Draft("appointment", tok, successors, object=draft.object,
                                     role=draft.role, confidence=0.7,
                                     modality=draft.modality, attrs={"replacing": True}))
        for trig, copula, subj, spec in partitives(self.ctx.doc):  # "among those shot was X"
            draft = Draft(spec.type, trig, self.referents([m for s in subj for m in members(s)]),
                          confidence=spec.confidence * 0.9)
            if draft.subjects:
                self.modality(copula, draft)
                out.append(draft)
        return out

    def event_date(self, draft: Draft) -> str | None:
        """The date of a draft's event: bounded_events.py reads "after his arrest" and "a
        month after he had defected", the Timeline everything else, and where the clause has
        none, sentence_dates.py looks at the sentence's opening date and at "then"."""
        if draft.attrs.get("anchor") and draft.trigger.pos_ == "NOUN":
            return anchored_noun_date(self.timeline, draft.trigger)
        clause = temporal_clause(draft.trigger)
        if clause is not None:
            return clause_date(self.timeline, draft.trigger, *clause)
        if backshifted(self.timeline, draft.trigger):
            return None
        date = self.timeline.date_for(draft.trigger, negated_until=draft.until_negated)
        if date is None and draft.modality is Modality.ASSERTED:
            date = when_date(self.timeline, draft.trigger) or \
                fronted_date(self.timeline, draft.trigger) or \
                sequel_date(self.timeline, draft.trigger) or \
                coordinated_bound(self.timeline, draft.trigger)
        return date

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
            if not judge(draft.modality, confidence=draft.confidence).keep:
                continue  # planned, feared, ordered, supposed, asked: nothing happened yet
            date = self.event_date(draft)
            self.timeline.note_event(draft.trigger, date)
            if draft.attrs.get("anchor") and draft.type not in vocab_fates and \
                    draft.modality is Modality.ASSERTED:
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
                gated = gate(claim, draft.modality)
                if gated is None or self._duplicate(out, gated):
                    continue
                out.append(gated)
                if draft.type == "appointment" and draft.role and draft.object is not None \
                        and draft.modality is Modality.ASSERTED:
                    out.append(Claim(
                        type="position", subject=subj.id, evidence=claim.evidence,
                        document_id=doc_id, object=draft.object.id, role=draft.role,
                        date=date, confidence=draft.confidence,
                        attrs={"from": "appointment", "trigger_at": draft.trigger.idx}))
        return out, memberships
