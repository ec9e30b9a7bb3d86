"""Named people in English text: spaCy's PERSON entities and the names it misses.

en_core_web_sm tags many Russian surnames as places, nationalities or organisations, and tags
capitalised common nouns of bad translations ("the Time being") as names. So a capitalised
run of tokens becomes a person only on evidence:

- strong: a title ("Comrade X"), a known given name ("Alexander X"), a possessive with a
  person noun ("X's secretary"), an apposition with a role ("X's secretary, Y"), being the
  subject of a verb only people do ("X told me", "X was arrested"), being the object of one
  ("assisting X", "relationship with X", "helper for X");
- medium: spaCy's PERSON label, a surname shape (-ov, -sky, …) on a word that is no English
  word, being listed together with a known person ("devoured A, B and C").

Two medium signals or one strong one make a person. Once a name is a person, every other
occurrence of it is too. Vetoes come first: a place noun after it ("Prozorov forest"), a
derived word ("Stalinist"), a plural nationality, a word that is never a name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kartoteka.extract.en import lexicon as lx
from kartoteka.extract.en.name_aliases import bracketed_alias, link_aliases
from kartoteka.extract.en.name_shapes import (
    COMPACT_INITIALS,
    inverted_name,
    is_capitalised,
    month_as_given_name,
    opens_a_russian_name,
    opens_with_initials,
    russian_surname_shape,
)
from kartoteka.extract.en.name_variants import channel_spelling_of, in_name_slot, spelling_of
from kartoteka.extract.en.person_contexts import after_post_title
from kartoteka.extract.en.person_evidence import (
    _TITLE_WORDS,
    NON_NAME_ENTS,
    PLACE_ENTS,
    PersonEvidence,
    PersonFinding,
    Run,
    _singular,
)

# Closed word classes (Universal Dependencies): a capitalised one only starts a sentence.
FUNCTION_POS = frozenset({"ADP", "SCONJ", "CCONJ", "DET", "PRON", "AUX", "PART"})
# Dependencies of an object (spaCy's English labels, ClearNLP scheme): what a verb governs.
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "obj"})

__all__ = ["PLACE_ENTS", "PersonFinder", "PersonFinding", "Run", "_singular"]


def _named_apart(rest: Span) -> bool:
    """The words after a weak title end in a PERSON entity of their own that leaves the title
    out ("General Miller", "General Secretary Stalin": spaCy tags "Miller", "Stalin"): an
    occupational surname (Miller, Baker, Cook) is also a common noun, and WordNet lists famous
    men among its nouns, but a rank is no part of a name; "General Staff", a body, is one
    entity with its head word or none, never a person."""
    opens = [t for t in rest if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"]
    return bool(opens) and all(t.ent_type_ == "PERSON" for t in rest[opens[0].i - rest.start:])


class PersonFinder(PersonEvidence):
    """Finds named people: capitalised runs, judged (person_evidence.py), then spread."""

    # -- runs -----------------------------------------------------------------------------
    def runs(self, doc: Doc, blocked: set[int]) -> list[Run]:
        out: list[Run] = []
        i, n = 0, len(doc)
        while i < n:
            if not self._name_token(doc[i], blocked):
                i += 1
                continue
            j = i + 1
            while j < n:
                tok = doc[j]
                if self._name_token(tok, blocked):
                    j += 1
                elif j + 1 < n and self._name_token(doc[j + 1], blocked) and (
                        tok.lower_ in lx.PARTICLES or (tok.text == "-" and not tok.whitespace_
                                                    and not doc[j - 1].whitespace_)):
                    j += 2
                elif j == i + 1 and inverted_name(doc, i, self._name_token, blocked, self.is_given):
                    j += 3  # "Ivanov, Pyotr Semyonovich, born 1899.": one name, surname first
                else:
                    break
            if all(doc[x].lower_.rstrip(".") in _TITLE_WORDS for x in range(i, j - 1)) \
                    and self._epithet_follows(doc, j - 1, blocked):
                j += 2  # "Ivan the Terrible", "Peter the Great": the epithet is the name's
            out.extend(self._split(doc, i, j))
            i = j
        return out

    def _epithet_follows(self, doc: Doc, i: int, blocked: set[int]) -> bool:
        """A given name, "the" and a capitalised adjective or noun that ends the name: a
        ruler's or saint's epithet (Quirk et al. 1985, §17.93: "Ivan the Terrible", "Catherine
        the Great"); cut at "the", the bare given name would join any namesake in the text."""
        k = i + 2
        if k >= len(doc) or doc[i + 1].lower_ != "the" or k in blocked or i + 1 in blocked:
            return False
        word = doc[k]
        # "gave Ivan the Order of Lenin", "told Anna the truth": an indirect object, then the
        # direct one
        return (self.is_given(doc[i]) and doc[i].dep_ != "dative" and word.is_alpha
                and word.text[:1].isupper() and word.pos_ in ("ADJ", "NOUN", "PROPN")
                and not self.is_given(word)
                and not (k + 1 < len(doc) and is_capitalised(doc[k + 1])))

    def _name_token(self, tok: Token, blocked: set[int]) -> bool:
        if tok.i not in blocked and COMPACT_INITIALS.fullmatch(tok.text):
            return self._initials_before_name(tok, blocked)
        if tok.i in blocked or not is_capitalised(tok):
            return False
        if tok.ent_type_ in NON_NAME_ENTS and not month_as_given_name(tok):
            return False
        if tok.pos_ == "PROPN" or tok.ent_type_:
            return True
        if tok.pos_ not in ("NOUN", "ADJ", "X", "VERB"):
            return False
        return not tok.is_sent_start or not self.is_common(tok)

    def _initials_before_name(self, tok: Token, blocked: set[int]) -> bool:
        """Initials written without a space ("N.I. Yezhov", "A.Ya. Vyshinsky"), which the
        tokenizer keeps as one token: part of a name when a capitalised word that is no English
        word follows (an abbreviation before a noun, "U.S. Embassy", is none)."""
        if tok.i + 1 >= len(tok.doc):
            return False
        after = tok.doc[tok.i + 1]
        return not COMPACT_INITIALS.fullmatch(after.text) and self._name_token(after, blocked) \
            and len(after.text) > 2

    def _split(self, doc: Doc, first: int, last: int) -> list[Run]:
        """Strip titles and split at tokens that are never names ("Lenin Prize")."""
        if last - first > 1 and doc[first].is_stop and doc[first].pos_ in FUNCTION_POS and \
                not self.is_given(doc[first]):
            first += 1  # "Before Paukel could finish": a capital that only starts a sentence
        elif last - first > 1 and self._imperative_before_name(doc, first, last):
            first += 1  # "Tell Stalin that ...": a verb whose object is the name
        elif last - first > 2 and self._headline_word_before_name(doc, first):
            first += 1  # "How the GPU Murdered Ignace Reiss": a headline capitalises every word
        title = None
        while first < last and doc[first].lower_.rstrip(".") in _TITLE_WORDS:
            rest = doc[first + 1:last]
            if not len(rest):
                break
            weak = doc[first].lower_ in lx.WEAK_TITLES
            if weak and all(self.is_common(t) for t in rest) and not _named_apart(rest):
                break
            title = doc[first].text if title is None or not weak else title
            first += 1
        parts: list[Run] = []
        start = first
        epithet = last - first == 3 and self._epithet_follows(doc, first, set())
        for k in range(first, last):
            # "the Sorokin Case": the case noun is no part of the name it follows
            case_noun = k == last - 1 > first and doc[k].lower_ in lx.CASE_NOUNS
            if (doc[k].lower_ in lx.NEVER_PERSONS or case_noun) and not (epithet and k > first) \
                    and not (k == first and self.is_given(doc[k]) and (month_as_given_name(
                        doc[k]) or opens_a_russian_name(doc, k, self.is_common))):
                if k > start:
                    parts.append(Run(start, k))
                start = k + 1
            elif k - start >= 2 and last - k >= 2 and self.is_given(doc[k]) \
                    and not self.is_given(doc[k - 1]) and not doc[k - 1].text.endswith((".", ",")):
                parts.append(Run(start, k))  # two names in a row: "Jānis Bērziņš Yan Berzin"
                start = k
        if start < last:
            parts.append(Run(start, last))
        parts = [q for r in parts for q in self._after_common_head(doc, r)]
        if parts and title is not None and parts[0].first == first:
            parts[0].title = title
        return parts

    def _imperative_before_name(self, doc: Doc, first: int, last: int) -> bool:
        """A sentence (or quotation) that opens with a verb in the imperative and its object:
        "Tell Stalin ...", "Ask Yagoda ...". The parts of a name are never one another's
        objects, so a capitalised common verb governing the next words as its object is no
        given name, even one a names list holds (Tell, Said, Will)."""
        verb = doc[first]
        if verb.pos_ != "VERB" or verb.tag_ != "VB" or not self.is_common(verb):
            return False
        opens = verb.is_sent_start or (first > 0 and doc[first - 1].is_quote) or (
            first > 0 and doc[first - 1].is_left_punct)
        return opens and any(doc[k].head.i == verb.i and doc[k].dep_ in _OBJECT_DEPS
                             for k in range(first + 1, last))

    def _headline_word_before_name(self, doc: Doc, first: int) -> bool:
        """A capitalised English word (a headline's verb or adjective: "Murdered", "Forgotten")
        right before a given name and a further word: no given name, no title, so not the
        name's first part."""
        word = doc[first]
        low = word.lower_
        # a headline's past participle the tagger, reading a name, leaves unlemmatised: "Killed"
        participle = low.endswith("ed") and (low[:-2] in self.common_words
                                             or low[:-1] in self.common_words)
        return (word.is_alpha and (self.is_common(word) or participle)
                and not self.is_given(word)
                and word.lower_.rstrip(".") not in _TITLE_WORDS and self.is_given(doc[first + 1]))

    def _after_common_head(self, doc: Doc, run: Run) -> list[Run]:
        """"(the Ministry of) Justice Krylenko", "(Governor of the State) Bank Maryasin": after
        "of"/"the", a common noun that ends a body's name is not the surname behind it."""
        # "People's Commissar of Finance and Trade Weitzel": behind a post's title in Russian
        # order (docs/constructions.md), unknown words after the body's common nouns are the name
        tail = next((k for k in range(run.first + 1, run.last) if self._body_word(doc[k - 1])
                     and is_capitalised(doc[k]) and doc[k - 1].is_alpha
                     and all(not self.is_common(t) for t in doc[k:run.last])), None)
        if tail is not None and after_post_title(doc, tail):
            return [Run(tail, run.last)]
        prev = doc[run.first - 1] if run.first > 0 else None
        if run.last - run.first < 2 or prev is None or not (
                prev.lower_ in ("of", "the", "for") or (
                prev.text[:1].isupper() and self.is_common(prev))):
            return [run]
        for k in range(run.first + 1, run.last):
            head, name = doc[k - 1], doc[k]
            common = self._body_word(head)
            if common and not self.is_given(head) and (self.is_given(name) or (
                    not self.is_common(name) and self.surname_shaped(name))):
                return [Run(k, run.last)]
        return [run]

    def _body_word(self, tok: Token) -> bool:
        # a plural body noun tagged as a name has no lemma: "State Farms", "Internal Affairs"
        return self.is_common(tok) or (
            tok.lower_.endswith("s") and _singular(tok.lower_) in self.common_words)

    # -- the whole document ---------------------------------------------------------------
    def find(self, doc: Doc, blocked: set[int]) -> PersonFinding:
        lower_words = {t.lower_ for t in doc if t.text.islower()} | {
            t.lemma_ for t in doc if t.text.islower()}
        runs = self.runs(doc, blocked)
        for run in runs:
            self.judge(doc, run, lower_words)
        # "the Prozorov forest": the place is the name and its head noun; "the cities of Kazan,
        # Perm and Vyatka": the name alone (the word after it, "and", is no part of it)
        places = [(r.first, r.last + 1 if r.last < len(doc) and doc[r.last].text.islower()
                   and doc[r.last].lower_ in lx.PLACE_HEADS else r.last)
                  for r in runs if r.veto == "place"]
        # A name seen where places stand is a place everywhere unless something says person.
        placey = {r.key(doc) for r in runs if r.place_hint or r.veto in ("place",)}
        placey |= {" ".join(r.key(doc).split()[:-1]) for r in runs
                   if r.veto == "place" and r.last - r.first > 1}
        placey -= {r.key(doc) for r in runs if r.strong > 0 and r.veto is None}
        # a name spaCy calls a person where nothing hints a place, and never said of a place
        # outright ("Prozorov forest"), is a person that a bare "to X" elsewhere does not undo
        hard = {r.key(doc) for r in runs if r.veto in ("place", "place name")}
        hard |= {" ".join(k.split()[:-1]) for k in hard}  # "Smolny" of "Smolny Institute"
        placey -= {r.key(doc) for r in runs if r.veto is None and not r.place_hint
                   and "spacy PERSON" in r.reasons and self.accepted(r)} - hard
        for r in runs:
            if r.key(doc) in placey and r.veto is None:
                r.veto = "place elsewhere"
        known = {r.key(doc) for r in runs if self.accepted(r)}
        # Enumerations with a known person, and the surnames of known full names.
        for _ in range(2):
            surnames = {k.split()[-1] for k in known if " " in k}
            person_ends = {r.last for r in runs if self.accepted(r)}
            for run in runs:
                key = run.key(doc)
                if run.veto == "place elsewhere" and key not in hard and self._listed_with(
                        doc, run, known) and russian_surname_shape(doc[run.last - 1]):
                    run.veto = None  # "the names of Zinoviev and Kamenev": listed with a person
                if self.accepted(run) or run.veto not in (None, "cyrillic word"):
                    continue
                if bracketed_alias(doc, run, person_ends):
                    run.veto = None
                    run.strong += 1
                    run.reasons.append("alias in brackets")
                if run.veto:
                    continue
                if key in known or key in surnames or (
                        opens_with_initials(doc[run.first:run.last])
                        and key.split()[-1] in surnames | known):
                    run.strong += 1
                    run.reasons.append("known name")
                elif self._listed_with(doc, run, known) and (
                        not self.is_common(doc[run.last - 1])
                        or self.surname_shaped(doc[run.last - 1])
                        or russian_surname_shape(doc[run.last - 1])):
                    # A surname shape in a list of people is a person even if spaCy saw a place.
                    if self.surname_shaped(doc[run.last - 1]):
                        run.strong += 1
                    else:
                        run.medium += 1
                    run.reasons.append("listed with a person")
                elif run.last - run.first == 2 and doc[run.last - 1].text in surnames and \
                        is_capitalised(first := doc[run.first]) and not self.is_common(first) \
                        and first.ent_type_ not in (*PLACE_ENTS, "NORP") \
                        and "surname of a known name" not in run.reasons:
                    # "Nozheda Orlova" beside "Nadezhda Orlova": a known full name's surname
                    # after a word no English dictionary has, a given name the translation
                    # spelt another way (resolve/channel_given.py); needs a second cue
                    run.medium += 1
                    run.reasons.append("surname of a known name")
                if self.accepted(run):
                    known.add(key)
        self._spellings(doc, runs, known)
        # "the Marins" when a Marin is known, or when the singular looks like a surname.
        surnames = {k.split()[-1] for k in known}
        for run in runs:
            if run.family and run.veto is None and not self.accepted(run):
                stem = _singular(run.key(doc))
                if stem in surnames or (stem.lower().endswith(lx.SURNAME_SUFFIXES)
                                        and stem.lower() not in self.common_words
                                        and len(stem) > 3):
                    run.strong += 1
                    run.reasons.append("family of a known name" if stem in surnames
                                       else "family name")
        link_aliases(doc, [r for r in runs if self.accepted(r)])
        bare = {r.key(doc) for r in runs if not r.family}
        people, families = [], []
        for run in runs:
            if not self.accepted(run):
                continue
            if run.family and run.key(doc) not in bare and len(run.key(doc).split()) == 1:
                families.append(run)
            else:
                run.family = False
                people.append(run)
        return PersonFinding(people, families, places)

    def _spellings(self, doc: Doc, runs: list[Run], known: set[str]) -> None:
        """"Pikel … Pickle": a close spelling of a surname the text gives a person
        (name_variants.py)."""
        surnames = {k.split()[-1] for k in known}
        for run in runs:
            tok = doc[run.first]
            if self.accepted(run) or run.veto is not None or run.place_hint or \
                    run.last - run.first != 1 or not in_name_slot(tok):
                continue
            if tok.is_sent_start and self.is_common(tok) and tok.dep_ not in (
                    "nsubj", "nsubjpass"):
                continue  # a capital that only starts a sentence
            near = spelling_of(tok.text, surnames)
            if near is None and not self.is_common(tok):
                # the channel's own confusions, on a word no dictionary has ("Pikel" of Pikor)
                near = channel_spelling_of(tok.text, surnames)
            if near is not None:
                run.strong += 1
                run.reasons.append(f"spelling of {near}")

    def _listed_with(self, doc: Doc, run: Run, known: set[str]) -> bool:
        head = self._head(doc, run)
        members = [head.head] if head.dep_ == "conj" else []
        members += list(head.conjuncts)
        for m in members:
            for key in known:
                if m.text == key.split()[-1]:
                    return True
        return False
