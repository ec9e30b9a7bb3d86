"""The modality of an English event: does the clause assert it, deny it, or only report,
rumour, fear, plan, order or suppose it? ``classify`` reads the parse around a trigger and
returns one ``Modality``; ``extract.modality.gate`` decides what the class becomes.

Constructions, nearest first (docs/constructions.md, "Modality"):

- a question ("Was X shot?"), a condition ("if X had been shot"), an irrealis modal ("X
  could have been shot"): question, hypothetical;
- a ``to``-infinitive under a verb or noun of intention, obligation or ordering ("they
  planned to shoot X", "X had to be eliminated", "X was to be shot", "ordered X to be shot"):
  intended, ordered;
- a governor up the clause chain: a verb or noun of fearing and expecting ("feared that
  the summons would mean his arrest", "fear of arrest", "his impending arrest"), of
  ordering ("ordered his arrest"), of accusing ("charged with murdering X"), of claiming
  ("claimed that X was a spy"), of rumour ("the rumour that X had been shot"), of denial
  ("denied that X was arrested"): feared, ordered, charged, reported, rumour, denied;
- a grammatical negation of the trigger's own clause ("X was not shot"): denied;
- a rumour word in the sentence ("reportedly", "it was said"): rumour, and refuted_rumour
  when the sentence or the next one refutes it ("…, but this proved false");
- otherwise asserted, with the confidence lowered by "may", the narrator's hedges
  ("probably") or a purpose clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kartoteka.extract.en import modality_words as mw
from kartoteka.extract.en import truth
from kartoteka.extract.en.truth import MAX_STEPS
from kartoteka.extract.modality import Modality

# Dependencies a governing word's cue reaches down through (complements, not adjuncts).
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "acl", "attr",
                             "oprd", "compound", "nmod", "poss", "acomp", "advcl", "conj"})
# The walk stops at these: a subject, a relative clause or an apposition is its own statement.
STOP_DEPS = frozenset({"nsubj", "nsubjpass", "relcl", "appos", "parataxis", "ROOT", "csubj",
                       "dep", "npadvmod"})
DENYING_VERBS = frozenset({"deny", "refute", "disprove", "rebut"})


@dataclass
class Mood:
    """A trigger's modality, with what the English reading adds: a confidence cap, marks for
    the claim's attrs, and the "not … until" reading of a negation."""

    modality: Modality = Modality.ASSERTED
    confidence: float = 1.0
    attrs: dict[str, object] = field(default_factory=dict)
    until_negated: bool = False
    attempt: bool = False  # "tried to shoot himself": the attempt is the event


def _forms(tok: Token) -> set[str]:
    """The word and its lemma, and the verb behind an "-ing" form the tagger took for a noun
    ("charged with planning to …", "accused of plotting …")."""
    low = tok.lower_
    out = {low, tok.lemma_.lower()}
    for ending in ("ing", "ed"):  # the small model's lemma of "hoped" is "hop"
        if low.endswith(ending) and len(low) > len(ending) + 2:
            stem = low[:-len(ending)]
            out |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.add(stem[:-1])  # "planning" -> "plan"
    return out


def _subjunctive(verb: Token) -> bool:
    """"(demanded) that he be shot": a base form with no modal before it."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in aux):
        return False
    return verb.tag_ == "VB" or any(c.tag_ == "VB" and c.lower_ == "be" for c in aux)


def _marks(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in mw.CONDITION_MARKS for c in tok.children)


def _modal_reading(tok: Token, mood: Mood) -> Modality | None:
    """Modal auxiliaries and conditions of the trigger's own clause and its coordinated ones
    ("if they had … or killed": the "if" covers both)."""
    scope = [tok]
    while scope[-1].dep_ == "conj" and len(scope) < 6:
        scope.append(scope[-1].head)
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    conditional = any(c.dep_ == "advcl" and _marks(c) for t in scope for c in t.children)
    for t in scope:
        if _marks(t):
            return Modality.HYPOTHETICAL
        for c in t.children:
            if c.tag_ != "MD" or not (c.head.i == tok.i or not own_aux):
                continue
            perfect = any(a.lower_ == "have" and a.dep_ == "aux" for a in c.head.children)
            if c.lower_ == "would" and not perfect and not conditional:
                mood.confidence = min(mood.confidence, 0.75)
                mood.attrs["future_in_past"] = True  # "he would be arrested in 1938"
                continue
            if c.lower_ in mw.IRREALIS_MODALS:
                return Modality.HYPOTHETICAL
            if c.lower_ in mw.POSSIBILITY_MODALS:
                mood.confidence = min(mood.confidence, 0.4)
    return None


def _infinitive(tok: Token, mood: Mood) -> Modality | None:
    """A ``to``-infinitive trigger: what its governor makes of it."""
    to = next((c for c in tok.children if c.tag_ == "TO" and c.dep_ == "aux"), None)
    if to is None:
        return None
    gov = tok.head
    if to.i > 0 and tok.doc[to.i - 1].dep_ in ("pcomp", "xcomp", "conj"):
        gov = tok.doc[to.i - 1]  # "charged with planning to kill": the small model may hang
        # the infinitive on "charged"; the verb right before "to" governs it
    forms = _forms(gov)
    if forms & mw.ATTEMPT_VERBS:
        mood.attempt = True
        return Modality.INTENDED
    if forms & (mw.INTENTION_VERBS | mw.INTENTION_NOUNS):
        return Modality.INTENDED
    if forms & (mw.ORDER_VERBS | mw.ORDER_NOUNS | mw.SENTENCING_VERBS):
        return Modality.ORDERED  # "ordered X to be shot", "sentenced to be shot"
    if forms & (mw.FEAR_VERBS | mw.FEAR_ADJECTIVES | mw.FEAR_NOUNS):
        return Modality.FEARED
    if gov.lemma_.lower() in mw.OBLIGATION_HEADS and tok.dep_ == "xcomp":
        return Modality.INTENDED  # "had to be eliminated", "was to be shot"
    if forms & (mw.CHARGE_VERBS | mw.CLAIM_VERBS):
        return Modality.CHARGED  # "accused him to have …", "claimed to have shot"
    if tok.dep_ == "advcl" and tok.doc[to.i - 1].lower_ != "only":
        # a purpose clause states an aim, not its outcome: "went into hiding to escape
        # arrest", "was sent to the north to be shot"; "only to be arrested" is a result
        return Modality.INTENDED
    mood.confidence = min(mood.confidence, 0.6)  # a purpose: meant, likely done
    return None


def _cue(head: Token, via: str, child: Token) -> Modality | None:
    """What ``head`` makes of the event below it, reached through dependency ``via``."""
    lemma = head.lemma_.lower()
    forms = _forms(head)
    if via == "advcl":
        return None  # an adverbial clause is a circumstance, not a complement
    if head.pos_ in ("NOUN", "PROPN") and not head.lower_.endswith("ing"):
        if forms & mw.FEAR_NOUNS:
            return Modality.FEARED
        if forms & mw.ORDER_NOUNS:
            return Modality.ORDERED
        if forms & mw.INTENTION_NOUNS:
            return Modality.INTENDED
        if forms & mw.CHARGE_NOUNS:
            return Modality.CHARGED
        if forms & mw.RUMOUR_NOUNS:
            return Modality.RUMOUR
        return Modality.REPORTED if forms & mw.NOTICE_NOUNS else None  # "a certificate that"
    if head.pos_ == "ADJ" and lemma in mw.FEAR_ADJECTIVES:
        return Modality.FEARED  # "afraid of arrest", "afraid that he would be shot"
    if head.pos_ not in ("NOUN", "PROPN", "VERB", "AUX"):
        return None
    # a gerund the tagger took for a noun, or a lemma the small model got wrong: the verb
    lemma = next(iter(sorted(forms & (mw.INTENTION_VERBS | mw.FEAR_VERBS | mw.CHARGE_VERBS
                                      | mw.ORDER_VERBS | mw.CLAIM_VERBS | DENYING_VERBS))),
                 lemma)
    if lemma in DENYING_VERBS and via in ("ccomp", "dobj"):
        return Modality.DENIED
    if lemma in mw.FEAR_VERBS and via in ("ccomp", "dobj", "xcomp", "prep"):
        return Modality.FEARED
    if via in ("ccomp", "xcomp") and (lemma in mw.CLAIM_VERBS | mw.NOTICE_VERBS or any(
            c.dep_ == "nsubj" and _forms(c) & mw.NOTICE_NOUNS for c in head.children)) or (
            via == "prep" and lemma in mw.NOTICE_VERBS):  # "were notified of his death"
        return Modality.REPORTED  # "claimed that", "were notified that", "the certificate said"
    if via == "prep" and child.lower_ == "for" and lemma in mw.PUNISHMENT_VERBS:
        return Modality.CHARGED  # "executed for the murder of X": the charge, not a fact
    if lemma in mw.CHARGE_VERBS and via in ("prep", "ccomp", "xcomp"):
        return Modality.CHARGED  # "charged with murdering X", "accused of the murder of X"
    if lemma in mw.ORDER_VERBS and (via in ("xcomp", "dobj") or (
            via == "ccomp" and _subjunctive(child))):
        return Modality.ORDERED  # "ordered his arrest", "demanded that he be shot"
    if lemma in mw.INTENTION_VERBS and via in ("xcomp", "dobj"):
        return Modality.INTENDED  # "planned his arrest", "prepared the execution of X"
    if via in ("ccomp", "dobj") and any(c.dep_ in ("nsubj", "nsubjpass") and (
            c.lemma_.lower() in mw.RUMOUR_NOUNS or c.lower_ in mw.RUMOUR_NOUNS)
            for c in head.children):
        return Modality.RUMOUR  # "rumours spread that X had been shot"
    if child.pos_ in ("NOUN", "PROPN") and via in ("dobj", "pobj") and any(
            c.tag_ == "MD" and c.lower_ in mw.IRREALIS_MODALS | mw.POSSIBILITY_MODALS
            for c in head.children):
        return Modality.FEARED  # "the summons would mean his arrest"
    return None


def _governed(tok: Token) -> Modality | None:
    """The nearest governing cue up the clause chain, or a prospective modifier of a noun."""
    if tok.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") and c.lower_ in
                                  mw.PROSPECTIVE_MODIFIERS for c in tok.children):
        return Modality.FEARED  # "his impending arrest", "the planned execution"
    cur = tok
    for _ in range(MAX_STEPS):
        dep = cur.dep_
        if dep == "relcl" and _content_clause(cur):
            return _cue(cur.head, "acl", cur)  # "the rumour that X had been shot"
        if dep in STOP_DEPS or cur.head.i == cur.i:
            return None
        head = cur.head
        if dep != "conj":  # a coordinated verb is a sibling event, not a governor
            found = _cue(head, dep, cur)
            if found is not None:
                return found
        if _marks(head) and dep in ("conj", "xcomp", "ccomp"):
            return Modality.HYPOTHETICAL
        if dep == "advcl":
            return None
        cur = head
    return None


def _content_clause(clause: Token) -> bool:
    """A "that"-clause the parser attached to a noun as a relative clause although "that"
    fills no subject slot in it: after a noun of rumour, fear, charge, order or intention it is
    the noun's content ("the rumour that X had been shot", Quirk §17.26 appositive clauses),
    where a relative "that" would be the clause's subject ("the rumour that spread")."""
    head = clause.head
    if head.pos_ not in ("NOUN", "PROPN") or not _forms(head) & _CONTENT_NOUNS:
        return False
    marker = [c for c in clause.children if c.lower_ == "that"]
    return bool(marker) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in marker)


_CONTENT_NOUNS = (mw.RUMOUR_NOUNS | mw.FEAR_NOUNS | mw.CHARGE_NOUNS | mw.ORDER_NOUNS
                  | mw.INTENTION_NOUNS)


def _negated(tok: Token) -> bool:
    chain = [tok] + [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return any(c.dep_ in ("neg", "advmod") and c.lower_ in mw.NEGATION_WORDS
               for t in chain for c in t.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in tok.children) or _neither_subject(tok)


def _neither_subject(tok: Token) -> bool:
    """"Neither X nor Y was arrested" (Quirk et al. §13.38, correlative negative
    coordination): a subject opened by "neither" or joined by "nor" denies the predicate."""
    return any(t.lower_ in ("neither", "nor") and (t.dep_ in ("det", "cc", "preconj")
                                                  or t.i == c.i)
               for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i
               for t in c.subtree)  # "Neither (of them) was shot"


def _near_miss(tok: Token) -> bool:
    """"X was almost shot", "X was nearly arrested": an approximator on the verb or its
    auxiliary says the event did not happen."""
    chain = [tok] + [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return any(c.dep_ == "advmod" and c.lower_ in mw.NEAR_MISS_WORDS
               for t in chain for c in t.children)


def _prevented(tok: Token) -> bool:
    """An event noun that a verb of stopping, delaying or avoiding takes as its subject or
    object: "his execution was postponed", "the war prevented his arrest", "escaped arrest"."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    verb = _forms(tok.head)
    if verb & mw.PREVENTING_VERBS:
        return True
    return tok.dep_ == "dobj" and bool(verb & mw.AVOIDING_VERBS)


def _said(tok: Token) -> bool:
    """The event is the content of a verb of saying ("they told us that X had been shot")."""
    cur = tok
    for _ in range(MAX_STEPS):
        if cur.dep_ in STOP_DEPS or cur.head.i == cur.i:
            return False
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in mw.SAYING_VERBS:
            return True
        if cur.dep_ not in ("conj", "ccomp", "xcomp"):
            return False
        cur = cur.head
    return False


def classify(tok: Token) -> Mood:
    """The modality of the event whose trigger is ``tok``."""
    mood = Mood()
    if tok.sent.text.rstrip().rstrip("\"'”»)").endswith("?"):
        mood.modality = Modality.QUESTION
        return mood
    for reading in (_modal_reading, _infinitive):
        found = reading(tok, mood)
        if found is not None:
            mood.modality = found
            return mood
    if (tok.tag_ == "VB" and tok.dep_ in ("ROOT", "appos", "parataxis")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                        for c in tok.children)):
        mood.modality = Modality.ORDERED  # an imperative ("expel these accusers")
        return mood
    if _near_miss(tok) or _prevented(tok):
        mood.modality = Modality.HYPOTHETICAL
        return mood
    governed = _governed(tok)
    if truth.framed_as_false(tok):
        mood.modality = Modality.DENIED  # "It is not true that X was shot"
        return mood
    if governed in (None, Modality.REPORTED) and _said(tok) and truth.strictly_refuted(tok):
        mood.modality = Modality.REFUTED_RUMOUR  # "They told us X had been shot. It was a lie."
        return mood
    if governed is None and _negated(tok) and truth.as_rumour(tok):
        mood.modality = Modality.DENIED  # "X was not shot, as was rumoured, but died …"
        return mood
    if governed is Modality.RUMOUR or (governed is None and truth.rumoured(tok)):
        mood.modality = Modality.REFUTED_RUMOUR if truth.refuted(tok) else Modality.RUMOUR
        return mood
    if governed is not None:
        mood.modality = governed
        return mood
    if _negated(tok):
        if any(c.dep_ == "prep" and c.lower_ in mw.UNTIL_WORDS for c in tok.children):
            mood.until_negated = True  # "not removed until 1938": removed in 1938
        else:
            mood.modality = Modality.DENIED
            return mood
    low = tok.sent.text.lower()
    if any(w.lower_ in mw.HEDGE_WORDS for w in tok.sent) or any(
            p in low for p in mw.HEDGE_PHRASES):
        mood.confidence = min(mood.confidence, mw.HEDGE_CONFIDENCE)
        mood.attrs["hedged"] = True
    return mood


__all__ = ["Mood", "classify"]
