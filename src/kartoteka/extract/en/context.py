"""What every English extraction step shares about one document: the parse and the mentions.

``DocContext`` maps tokens to mentions, keeps the links that make a role noun stand for a
named person ("the deputy chief …, Alexander Kalin"), and resolves pronouns in reading
order ("his" -> the last subject that fits).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kartoteka.extract.en import lexicon as lx
from kartoteka.model import Document, Mention
from kartoteka.names.keys import surname_key

PERSONLIKE = ("person", "group")


def members(tok: Token) -> list[Token]:
    """``tok`` and the tokens listed with it: conjuncts and appositions, recursively ("X and
    the officers A, B and C"), leaving out those inside a bracket ("(as well as D)")."""
    doc = tok.doc
    out: list[Token] = [tok]
    queue = [tok]
    while queue:
        t = queue.pop()
        for other in [*t.conjuncts, *(c for c in t.children if c.dep_ == "appos")]:
            if any(o.i == other.i for o in out) or other.tag_ in ("PRP", "PRP$"):
                continue  # "Yagoda himself" is Yagoda alone
            if any(c.dep_ == "cc" and c.lower_ == "but" for c in (*t.children, *other.children)
                   if c.i < other.i) and other.dep_ == "conj":
                continue  # "everyone but X": exclusion (Quirk et al. §9.57), not a list
            lo, hi = sorted((tok.i, other.i))
            depth = sum(1 if d.text == "(" else -1 if d.text == ")" else 0 for d in doc[lo:hi])
            if depth > 0:
                continue
            out.append(other)
            queue.append(other)
    return out


@dataclass
class Quote:
    """A quoted passage and, when known, who speaks it (a mention) or the narrator (None)."""

    start: int
    end: int
    speaker: Mention | None = None
    speech: bool = False  # a real utterance, not scare quotes


@dataclass
class DocContext:
    document: Document
    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    # token index -> mention covering it (persons/groups win over organisations and places)
    at_token: dict[int, Mention] = field(default_factory=dict)
    token_range: dict[str, tuple[int, int]] = field(default_factory=dict)  # id -> [i, j)
    # token index of a role/descriptor noun -> the named mentions it stands for
    links: dict[int, list[Mention]] = field(default_factory=dict)
    # token index of a pronoun -> the mentions it refers to
    pronouns: dict[int, list[Mention]] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    narrator: Mention | None = None  # "I, X, was born …": the first person outside quotations

    # -- building ---------------------------------------------------------------------
    def add(self, mention: Mention, first: int, last: int,
            cover: tuple[int, int] | None = None) -> Mention:
        """Register ``mention`` spanning tokens [first, last); it stands for the tokens of
        ``cover`` (default: all of them) when an argument is looked up."""
        self.mentions.append(mention)
        self.token_range[mention.id] = (first, last)
        lo, hi = cover or (first, last)
        for i in range(lo, hi):
            old = self.at_token.get(i)
            if old is None or (old.kind not in PERSONLIKE and mention.kind in PERSONLIKE):
                self.at_token[i] = mention
        return mention

    def make_mention(self, first: int, last: int, kind: str, **fields: object) -> Mention:
        span = self.doc[first:last]
        start, end = span.start_char, span.end_char
        return Mention(start=start, end=end, text=self.document.text[start:end], kind=kind,  # type: ignore[arg-type]
                       document_id=self.document.id, **fields)  # type: ignore[arg-type]

    def link(self, token_index: int, mentions: Iterable[Mention]) -> None:
        found = [m for m in mentions if m is not None]
        if found:
            self.links[token_index] = found

    # -- reading ----------------------------------------------------------------------
    def mention_at(self, token: Token) -> Mention | None:
        return self.at_token.get(token.i)

    def tokens_of(self, mention: Mention) -> Span:
        first, last = self.token_range[mention.id]
        return self.doc[first:last]

    def quote_at(self, char: int) -> Quote | None:
        """The innermost speech quote containing ``char``."""
        best = None
        for q in self.quotes:
            if q.speech and q.start <= char < q.end and (best is None or q.start >= best.start):
                best = q
        return best

    def referents(self, token: Token, kinds: tuple[str, ...] = PERSONLIKE) -> list[Mention]:
        """The mentions an argument token stands for: its own mention, a linked name, or a
        pronoun's antecedents."""
        if token.i in self.links:
            return [m for m in self.links[token.i] if m.kind in kinds]
        m = self.at_token.get(token.i)
        if m is not None:
            return [m] if m.kind in kinds else []
        if token.i in self.pronouns:
            return [m for m in self.pronouns[token.i] if m.kind in kinds]
        return []

    # -- pronouns ---------------------------------------------------------------------
    def resolve_pronouns(self) -> None:
        """Resolve third-person, relative and (inside quotes) first-person pronouns.

        A reader's heuristic: "X and his Y" -> X; otherwise the latest subject that agrees
        in number and gender, then the latest mention that does.
        """
        subjects: list[list[Mention]] = []  # in reading order
        seen: list[Mention] = []
        self._salience: dict[str, int] = {}
        # subjects coordinated with an unnamed plural ("he and his associates"): a plural
        # pronoun may take them up though they name one person
        self._with_plural: set[int] = set()
        for sent in self.doc.sents:
            for tok in sent:
                low = tok.lower_
                found: list[Mention] | None = None
                if tok.tag_ in ("PRP", "PRP$", "WP", "WP$", "DT") and low in _PRONOUN_WORDS:
                    found = self._antecedents(tok, low, subjects, seen)
                    if found:
                        found = self._prefer_topic(tok, low, found, seen)
                        self.pronouns[tok.i] = found
                m = self.at_token.get(tok.i)
                if m is not None and m.kind in PERSONLIKE and (not seen or seen[-1] is not m):
                    seen.append(m)
                    if m.name:
                        key = _salience_key(m)
                        self._salience[key] = self._salience.get(key, 0) + 1
                if tok.dep_ in ("nsubj", "nsubjpass"):
                    subj = found if found is not None else self.referents(tok)
                    subj = subj + [r for c in members(tok)[1:] for r in self.referents(c)]
                    # "Ivan Petrov and Pavel Orlov …": the first name hung on the second
                    subj = subj + [r for t in tok.subtree if t.i < tok.i and t.dep_ in (
                        "nmod", "compound") and any(c.dep_ == "cc" and c.lower_ in (
                            "and", "nor") for c in t.children)
                        for r in self.referents(t) if r not in subj]
                    if subj:
                        subjects.append(subj)
                        if any(c.tag_ == "NNS" and not self.referents(c)
                               for c in members(tok)[1:]):
                            self._with_plural.add(id(subj))

    def _antecedents(self, tok: Token, low: str, subjects: list[list[Mention]],
                     seen: list[Mention]) -> list[Mention]:
        if low in lx.RELATIVE_PRONOUNS:
            if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.dep_ in ("relcl", "acl"):
                head = tok.head.head
                floating = any(c.lower_ in ("all", "both") for c in tok.head.children)
                if tok.i > 0 and self.doc[tok.i - 1].text in (",", "(") and not floating:
                    # "A, B and Gamarnik, who …": the name right before the comma only
                    before = self.referents(self.doc[tok.i - 2]) if tok.i > 1 else []
                    return before or self.referents(head)
                # "A and B, who were both shot": a floating quantifier takes the whole list
                top = head
                while top.dep_ == "conj" and top.head.i < top.i:
                    top = top.head  # "the case of A, B and C who had been arrested"
                listed = members(top)
                if not any(t.i == head.i for t in listed):
                    listed = [head]
                return [r for t in listed for r in self.referents(t)]
            return []
        if low in lx.FIRST_PERSON:
            q = self.quote_at(tok.idx)
            if q is None:
                return [self.narrator] if self.narrator is not None else []
            return [q.speaker] if q.speaker is not None else []
        if low in ("both", "all", "neither") and tok.dep_ in ("nsubj", "nsubjpass"):
            head = tok.head
            if head.dep_ == "conj":
                for c in head.head.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        group = self.referents(c) + [
                            r for cj in c.conjuncts for r in self.referents(cj)]
                        if group:
                            return group
            later = self._later_group(tok, subjects, seen, set())
            if later is not None:
                return [later]  # "… sentenced dozens of engineers. All were shot."
            return subjects[-1] if subjects and len(subjects[-1]) > 1 else []
        if low in ("both", "all", "neither"):
            return []
        plural = low in lx.PLURAL_PRONOUNS
        gender = "m" if low in lx.MALE_PRONOUNS else "f" if low in lx.FEMALE_PRONOUNS else None
        # "Kalin, and his wife": the possessor is the conjunct just before.
        if low in ("his", "her", "their") and tok.head.dep_ == "conj":
            for cand in (self.referents(tok.head.head)):
                if _agrees(cand, plural, gender):
                    return [cand]
        own = self._clause_subject(tok)
        if low in ("his", "her", "their"):
            # Not the people of its own noun phrase ("his relationship with Lomov").
            own |= {m.id for t in tok.head.subtree for m in self.referents(t)}
            ahead = self._cataphora(tok, plural, gender)
            if ahead:
                return ahead
        if low in ("their", "his", "her") and tok.head.lemma_.lower() in PARENT_NOUNS:
            # "their parents": the children last spoken of.
            for m in reversed(seen[-12:]):
                if m.descriptor and m.attrs.get("head") in CHILD_NOUNS and m.kind == "group":
                    return [m]
        # A woman is told by "she" even among people of unknown gender; "he" is the default.
        strict = (True, False) if gender == "f" else (False,)
        if low in OBJECT_PRONOUNS and tok.tag_ != "PRP$":
            # "had him arrested", "told him": the nearest fitting mention of this sentence.
            here = [m for m in seen if m.start >= tok.sent.start_char and m.id not in own]
            for exact in strict:
                for m in reversed(here):
                    if _agrees(m, plural, gender, exact):
                        return [m]
        if plural:
            later = self._later_group(tok, subjects, seen, own)
            if later is not None:
                return [later]
        for exact in strict:
            for subj in reversed(subjects[-6:]):
                listed = len(subj) > 1 or id(subj) in self._with_plural
                subj = [m for m in subj if m.id not in own]
                if plural and subj and listed:
                    return subj  # "A and B …", "he and his associates …": they
                fits = [m for m in subj if _agrees(m, plural, gender, exact)]
                if fits and self._before(fits[0], tok):
                    return fits[:1]
            for m in reversed(seen[-12:]):
                if _agrees(m, plural, gender, exact) and m.id not in own:
                    return [m]
        return []

    def _later_group(self, tok: Token, subjects: list[list[Mention]], seen: list[Mention],
                     own: set[str]) -> Mention | None:
        """A plural pronoun takes the nearest plural phrase: a group named in a sentence after
        the last list of people ("A, B and C were tried. The court then sentenced dozens of
        engineers. They were shot": the engineers, not A, B and C)."""
        listed = next((s for s in reversed(subjects[-6:])
                       if len([m for m in s if m.id not in own]) > 1), None)
        if listed is None:
            return None
        after = self.doc.char_span(max(m.end for m in listed) - 1, max(m.end for m in listed),
                                   alignment_mode="expand")
        boundary = after.sent.end_char if after is not None else max(m.end for m in listed)
        for m in reversed(seen[-12:]):
            if m.start < boundary:
                return None
            if m.kind == "group" and not m.family and m.id not in own and m.start < tok.idx:
                return m
        return None

    def _cataphora(self, tok: Token, plural: bool, gender: str | None) -> list[Mention]:
        """"Because of his close relationship with X, Sherbo was never arrested": a possessive
        in a fronted phrase points ahead to the named subject of its sentence."""
        root = tok.sent.root
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i and tok.i < root.i:
                named = [m for m in self.referents(c) if m.name]
                fits = [m for m in named if _agrees(m, plural, gender)]
                if fits and not any(t.i == tok.i for t in c.subtree):
                    return fits[:1]
        return []

    def _prefer_topic(self, tok: Token, low: str, found: list[Mention],
                      seen: list[Mention]) -> list[Mention]:
        """An encyclopedia's "he" is its subject: a person named once in the previous sentence
        ("Among his agents was Richard Sorge. … he was an important commander") yields to the
        person the text is about, named far more often."""
        if len(found) != 1 or low not in lx.MALE_PRONOUNS | lx.FEMALE_PRONOUNS:
            return found
        cand = found[0]
        if not cand.name or cand.start >= tok.sent.start_char:
            return found
        counts = self._salience
        if counts.get(_salience_key(cand), 0) > 1:
            return found
        gender = "m" if low in lx.MALE_PRONOUNS else "f"
        topic = max((m for m in seen if m.name and _agrees(m, False, gender, exact=True)),
                    key=lambda m: counts.get(_salience_key(m), 0), default=None)
        if topic is not None and counts.get(_salience_key(topic), 0) >= 3:
            latest = next(m for m in reversed(seen) if m.name and
                          _salience_key(m) == _salience_key(topic))
            return [latest]
        return found

    def _clause_subject(self, tok: Token) -> set[str]:
        """Ids of the subject of the clause an object pronoun stands in ("they killed them":
        "them" is not "they")."""
        if tok.lower_.endswith(("self", "selves")):
            return set()
        if tok.dep_ not in ("dobj", "pobj", "dative", "iobj") and tok.lower_ not in (
                "him", "them"):
            return set()
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        verbs = [verb]
        while verbs[-1].dep_ in ("ccomp", "xcomp", "conj") and len(verbs) < 4:
            verbs.append(verbs[-1].head)  # "had him arrested": not the one who had
        out: set[str] = set()
        for v in verbs:
            for c in v.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i:
                    out.update(m.id for m in self.referents(c))
        return out

    def _before(self, mention: Mention, tok: Token) -> bool:
        return mention.start < tok.idx


# Possessives are not here: "X headed the guard of Y until his execution" is X's.
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
PARENT_NOUNS = frozenset({"parent", "father", "mother", "parents"})
CHILD_NOUNS = frozenset({"child", "children", "son", "sons", "daughter", "daughters", "orphan",
                         "orphans", "youngster", "youngsters", "girl", "girls", "boy", "boys"})
_PRONOUN_WORDS = (lx.MALE_PRONOUNS | lx.FEMALE_PRONOUNS | lx.PLURAL_PRONOUNS | lx.FIRST_PERSON
                  | lx.RELATIVE_PRONOUNS) - {"that", "which"} | {"who", "neither"}


def _salience_key(m: Mention) -> str:
    """One key for the names of one person: an alias counts for the name it is an alias of,
    spelling variants share a surname key."""
    return str(m.attrs.get("alias_root") or surname_key((m.name or m.text).split()[-1]))


def _agrees(m: Mention, plural: bool, gender: str | None, exact: bool = False) -> bool:
    """Whether ``m`` can be what a pronoun of this number and gender refers to; ``exact``
    asks for the gender to be known and equal."""
    if plural:
        return m.kind == "group"
    if m.kind != "person":
        return False
    if exact:
        return m.gender == gender
    return gender is None or m.gender in (None, gender)
