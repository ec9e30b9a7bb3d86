"""The right subject: which mention an event trigger is about, read off the parse.

PATIENT verbs take the passive subject or the object ("X was shot", "they shot X"); AGENT
verbs take the subject ("X defected"); a verb without its own subject borrows it from the verb
it is coordinated with or depends on ("arrested in 1939 and executed in 1940"); lists give
every member ("A, B and C were shot"). Also the body and the post a career verb names.
"""

from __future__ import annotations

from spacy.tokens import Token

from kartoteka.extract.en import lexicon as lx
from kartoteka.extract.en import triggers as tr
from kartoteka.extract.en.calques import (
    calque_need,
    copular_participle,
    line_head,
    mislabelled_subject,
    passive_subject,
    record_participle,
    topicalised_object,
    verbless_participle,
)
from kartoteka.extract.en.context import PERSONLIKE, DocContext, members
from kartoteka.extract.en.inclusion import including, inclusive_objects
from kartoteka.extract.en.triggers import participle_lemma
from kartoteka.model import Mention

# A predicative complement ("was found guilty", "was declared an enemy of the people"): a
# participle coordinated with it shares its passive verb's subject.
PREDICATIVE_DEPS = frozenset({"oprd", "acomp", "attr"})
def predicative_host(tok: Token) -> Token | None:
    """The passive verb whose predicative complement ``tok`` is coordinated with: "X was
    found guilty and shot", "X was declared an enemy of the people and executed". Only a
    past-participle form counts; "found guilty and his wife" stays a noun phrase."""
    if tok.dep_ != "conj" or participle_lemma(tok) is None:
        return None
    comp = tok.head
    while comp.dep_ == "conj" and comp.head.i != comp.i:
        comp = comp.head  # "found guilty, sentenced and shot"
    if comp.dep_ not in PREDICATIVE_DEPS or comp.head.i == comp.i:
        if tok.pos_ in ("VERB", "AUX") or any(c.dep_ == "det" for c in tok.children):
            return None
        if comp.dep_ == "pobj" and comp.head.dep_ in ("agent", "prep"):
            comp = comp.head.head  # "arrested by the NKVD and shot": "shot" hung on "NKVD"
        if comp.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("auxpass", "nsubjpass") for c in comp.children):
            return comp  # "X was arrested in March 1938 and shot", "shot" tagged a noun
        return None
    verb = comp.head
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    return verb


def tagged_as_noun(tok: Token) -> bool:
    """A participle the small model may tag a noun, read as the verb it is: one coordinated
    with a predicative ("found guilty and shot") or opening a record's sentence ("Shot on
    15 January 1938.")."""
    return predicative_host(tok) is not None or record_participle(tok)


def gapped_passive(tok: Token) -> bool:
    """"X was shot, and Y exiled", "his father was shot, his mother exiled": a participle with
    a subject of its own and no auxiliary, coordinated with (or hung on) a passive verb, is a
    passive whose auxiliary is gapped (Quirk et al. 13.92); its subject is its patient."""
    if tok.tag_ not in ("VBN", "VBD") or tok.dep_ not in ("conj", "advcl") or tok.head.i == tok.i:
        return False
    if any(c.dep_ in ("aux", "auxpass", "dobj", "mark") for c in tok.children):
        return False
    subj = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i]
    return bool(subj) and subj[0].tag_ not in ("PRP",) and any(
        c.dep_ == "auxpass" for c in tok.head.children)


# Prepositions of exclusion (Quirk et al. §9.57) and "of": a name after them inside a subject
# is not the subject ("everyone except X", "a friend of X"). A heading the parser took for the
# subject ("Interwar \n\n On 16 May 1921 X became …") is no such phrase.
POST_MODIFIER_PREPS = frozenset({"except", "excepting", "excluding", "save", "but", "apart",
                                 "other", "of"})


def _in_post_modifier(tok: Token, subject: Token) -> bool:
    """``tok`` hangs on ``subject`` through a preposition after it ("everyone except X", "all
    of them but X"): part of the subject's phrase, not a subject of its own."""
    cur = tok
    for _ in range(6):
        if cur.i == subject.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.i > subject.i and cur.lower_ in POST_MODIFIER_PREPS:
            return True
        if cur.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "but" for c in (
                *cur.head.children, *cur.children)):
            return True  # "everyone but X"
        cur = cur.head
    return False


class ArgumentReader:
    """Reads a trigger's arguments off the parse: who it happens to, which body, which post."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx

    @staticmethod
    def passive(tok: Token) -> bool:
        if predicative_host(tok) is not None:
            return True  # "was found guilty and shot"
        if verbless_participle(tok) or record_participle(tok):
            return True  # "X — shot in 1938", "X (1889 – 1938). … Shot in 1938."
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            return True
        if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") or copular_participle(tok):
            return True  # "X was exiled to Kazakhstan", the participle read as "be"'s complement
        if tok.tag_ in ("VBN", "VBD") and tok.dep_ == "conj" and not any(
                c.dep_ in ("nsubj", "aux", "dobj") for c in tok.children):
            return ArgumentReader.passive(tok.head)  # "was sentenced … and shot"
        if gapped_passive(tok):
            return True  # "X was shot, and Y exiled"
        if tok.tag_ == "VBN" and tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_ in (
                "have", "get"):
            return True  # "had him arrested"
        if tok.tag_ == "VBN" and tok.dep_ in ("xcomp", "oprd") and tok.head.i != tok.i and \
                any(c.dep_ == "auxpass" for c in tok.head.children):
            return True  # "was found shot": the subject of "found" was shot
        return False

    def inherited_subject(self, tok: Token) -> list[Token]:
        """The subject a verb shares with the verb it hangs on (conj, xcomp, advcl, and a
        participle after a preposition: "held for months before being shot")."""
        cur = tok
        host = predicative_host(tok)
        if host is not None:  # "X was found guilty and shot": the subject of "found"
            return [c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")]
        for _ in range(6):
            if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.tag_ in ("VBN", "VBG"):
                cur = cur.head  # "held for months before being shot": the holder is shot
            elif cur.dep_ not in ("conj", "xcomp", "advcl") or cur.head.i == cur.i:
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
        if any(c.dep_ in ("nsubj", "nsubjpass") and _in_post_modifier(self.ctx.doc[k], c)
               for c in tok.children):
            return []  # "Everyone except X was shot": X is inside the subject, not it
        m = self.ctx.mention_at(self.ctx.doc[k])
        if m is not None and m.kind in PERSONLIKE and m.end == self.ctx.doc[k].idx + len(
                self.ctx.doc[k]) and m.name:
            return [self.ctx.doc[k]]
        return []

    def bracket_host(self, tok: Token) -> Token | None:
        """The name a parenthesis follows when ``tok`` stands inside it: in "A (executed in
        1938), B (executed in 1940)" each bracket is its own name's and no one else's."""
        doc = self.ctx.doc
        depth = 0
        for k in range(tok.i - 1, tok.sent.start - 1, -1):
            text = doc[k].text
            if text == ")":
                depth += 1
            elif text == "(":
                if depth == 0:
                    if k == 0:
                        return None
                    m = self.ctx.mention_at(doc[k - 1])
                    if m is not None and m.kind in PERSONLIKE and m.name:
                        return doc[k - 1]
                    return None
                depth -= 1
        return None

    def arguments(self, tok: Token, argument: str) -> list[Token]:
        host = self.bracket_host(tok)
        if host is not None and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj")
                                        for c in tok.children):
            return [host]  # "(executed in 1938)": the name before the bracket alone
        passive = self.passive(tok)
        if argument == tr.PATIENT:
            if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN":
                args = [tok.head]
            elif passive:
                args = [c for c in tok.children if c.dep_ == "nsubjpass"] or [
                    c for c in tok.children if c.dep_ == "nsubj" and tok.head.lemma_ in (
                        "have", "get")] or passive_subject(tok) or mislabelled_subject(tok) or (
                        [c for c in tok.children if c.dep_ == "nsubj"]
                        if gapped_passive(tok) else [])
            else:
                args = [c for c in tok.children if c.dep_ == "dobj"] or topicalised_object(tok)
        else:
            args = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not args and (argument == tr.AGENT or passive):
            args = self.inherited_subject(tok)
        if not args and (argument == tr.AGENT or passive):
            args = self.adjacent_subject(tok) or line_head(tok, self.ctx.mention_at)
        out: list[Token] = []
        for a in args:
            out.extend(c for c in self.coordinated_names(a) if c not in out)
            out.extend(c for c in members(self.body_owner(a)) if c not in out)
            for obj in including(a):  # "many officials, including A and B, were shot"
                out.extend(c for c in (*self.coordinated_names(obj), *members(obj))
                           if c not in out)
            out.extend(c for c in self.examples(a, tok) if c not in out)
        if (out or not args) and (passive or argument == tr.AGENT):
            # "In addition to X, Y was shot"; with no subject parsed, the small model has
            # hung it on X as an apposition ("In addition to X, two other doctors – A and B –
            # were …"): X's members are the subject
            for obj in inclusive_objects(tok, passive):
                out.extend(c for c in members(obj) if c not in out)
        return out

    def coordinated_names(self, tok: Token) -> list[Token]:
        """Names coordinated before ``tok`` that the small model hung on it as modifiers: in
        "Ivan Petrov and Pavel Orlov were shot" it may read "Petrov" as an nmod of "Orlov"
        with "and Pavel" as Petrov's conjunct, so the subject is Orlov alone. A person's name
        inside the subject's own phrase that carries the coordinator is a coordinated subject
        (Quirk et al. §13.38: and-coordinated noun phrases share their predicate)."""
        own = self.ctx.mention_at(tok)
        if own is None or own.kind not in PERSONLIKE:
            return []
        out: list[Token] = []
        for t in tok.subtree:
            if t.i >= tok.i or t.dep_ not in ("nmod", "compound") or not any(
                    c.dep_ == "cc" and c.lower_ in ("and", "&", "nor") for c in t.children):
                continue
            m = self.ctx.mention_at(t)
            if m is not None and m is not own and m.kind in PERSONLIKE and m.name:
                out.extend(c for c in members(t) if c is t or (
                    (mc := self.ctx.mention_at(c)) is not None and mc is not own))
        return out

    def examples(self, group: Token, verb: Token) -> list[Token]:
        """The named examples of a plural group argument ("many others were shot, such as A
        and B", "officials such as A and B were arrested"): "such as" introduces members of the
        group (a grammar's exemplifying construction), so the event is each one's. Only a
        plural common noun is a group; the names are those listed (conjuncts, appositions),
        never a possessor or an of-object inside the list."""
        if group.tag_ != "NNS" or self.ctx.mention_at(group) is not None and \
                self.ctx.mention_at(group).name:
            return []
        out: list[Token] = []
        # "such as" hangs on the group, the verb, or the event noun of "committed suicide"
        events = [c for c in verb.children if c.dep_ == "dobj" and (
            c.lemma_.lower() in tr.NOUN_TRIGGERS or c.lower_ in tr.NOUN_TRIGGERS)]
        for host in (group, verb, *events):
            for prep in host.children:
                if prep.dep_ != "prep" or prep.lower_ != "as" or not any(
                        c.lower_ == "such" for c in prep.children):
                    continue
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    for t in obj.subtree:
                        if t is obj or t.dep_ in ("appos", "conj"):
                            m = self.ctx.mention_at(t)
                            if m is not None and m.kind in PERSONLIKE and m.name:
                                out.append(t)
        return out

    @staticmethod
    def body_owner(tok: Token) -> Token:
        """"X's body was found shot", "the corpse of X": the person, not the body."""
        if tok.lemma_.lower() not in tr.BODY_NOUNS | tr.LIFE_NOUNS:
            return tok
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
        return owner if owner is not None and owner.tag_ not in ("PRP$", "PRP") or (
            owner is not None and owner.lower_ in ("his", "her", "their")) else tok

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
            if parts[0] == "calque":  # calques.py: "went to the camps", "received ten years"
                if not calque_need(tok, parts[1]):
                    return False
            elif parts[0] == "prt":
                if self.child(tok, "prt", parts[1]) is None and self.child(
                        tok, "advmod", parts[1]) is None:
                    return False
            elif parts[0] == "prep":
                host = tok if self.child(tok, "prep", parts[1]) is not None else next((
                    c for c in tok.children if c.lower_ == "back" and self.child(
                        c, "prep", parts[1]) is not None), None)  # "came back from the camp"
                if host is None:
                    return False
                obj = self.prep_object(host, parts[1])
                if len(parts) > 2:
                    want = {"post": tr.POST_NOUNS, "prison": tr.PRISON_NOUNS,
                            "confinement": tr.CONFINEMENT_NOUNS}.get(parts[2], {parts[2]})
                    if obj is None or (obj.lemma_.lower() not in want and self.org_in(obj) is None):
                        return False
            elif parts[0] == "dobj" and parts[1] == "titled-post":
                if not any(c.dep_ == "dobj" and c.lemma_.lower() in tr.TITLED_POST_NOUNS
                           and self.child(c, "prep", "of") for c in tok.children):
                    return False  # "got the post of deputy head"
            elif parts[0] in ("dobj", "patient"):
                want = tr.POST_NOUNS if parts[1] == "post" else {parts[1]}
                deps = ("dobj",) if parts[0] == "dobj" else ("dobj", "nsubjpass")
                if not any(c.dep_ in deps and c.lemma_.lower() in want for c in tok.children):
                    return False
            elif parts[0] == "comp":  # "was found dead": a complement of the verb
                if not any(c.dep_ in ("acomp", "oprd", "xcomp", "ccomp") and c.lower_ in
                           parts[1].split("|") for c in tok.children):
                    return False
            elif need == "custody":  # "taken away", but not "… to an orphanage", "… by ambulance"
                hosts = [h for h in (tok, self.child(tok, "advmod", "away")) if h is not None]
                if any(t.dep_ == "pobj" and (t.lemma_.lower() in tr.CARE_NOUNS
                                             or t.lower_ in lx.KIN_NOUNS)
                       for h in hosts for c in h.children if c.dep_ in ("prep", "agent")
                       for t in c.children):
                    return False
            elif need == "reflexive":  # "threw himself …"
                if not any(c.dep_ == "dobj" and c.lower_ in tr.REFLEXIVES for c in tok.children):
                    return False
            elif need == "plunge":  # "… out of the window", "from the balcony", "under a train"
                if not any(t.dep_ == "pobj" and t.lemma_.lower() in tr.PLUNGE_NOUNS
                           for c in tok.children if c.dep_ in ("prep", "prt") for t in c.subtree):
                    return False
            elif need == "role":
                if self.role_complement(tok) is None:
                    return False
            elif need == "passive":
                if not self.passive(tok):
                    return False
            elif parts[0] == "xcomp":  # "refused to return"
                if not any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() == parts[1]
                           for c in tok.children):
                    return False
            elif need == "victim":
                if not any(c.lemma_.lower() in tr.VICTIM_NOUNS for c in tok.children):
                    return False
        return True
