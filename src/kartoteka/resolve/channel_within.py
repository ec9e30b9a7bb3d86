"""Within one document: a name the translation channel mangled joins the person it names.

A machine-translated chapter may call one man Pauker, Bokor and "Paul Kerr" a page apart.
After the ordinary grouping (``people.group_people``), a person is taken as another form of a
second person of the same document when all of these hold:

- the channel could have made one name of the other (``names.channel.channel_similarity``),
  and the second person is the only one of the document that close (or clearly the closest);
- one of the two forms is one no Russian family bears (``attested_surname``): two dictionary
  surnames a letter apart (Kamensky, Kaminsky) are two families;
- nothing conflicts: the genders agree, a given name the mangled form carries is compatible,
  and no sentence names both (two names in one sentence are two people), nor do two lists or
  two enumerations in running text (``ROLL`` or more names in a row, with only commas and
  conjunctions between them) name each;
- they share the scene: some mention of one stands within ``SCENE`` characters of the other.

The joined forms become other names of the person (like a pseudonym), so the person keeps
the label its own names give it. A full name whose given name the channel mangled ("Nozheda"
for Nadezhda) is joined first, by ``channel_given``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from kartoteka.names.attested import attested_surname
from kartoteka.names.channel import CHANNEL_THRESHOLD, channel_similarity
from kartoteka.names.parse import PersonName
from kartoteka.names.similarity import (
    SURNAME_THRESHOLD,
    given_compatible,
    given_or_initial,
    surname_similarity,
)
from kartoteka.names.translit import is_cyrillic
from kartoteka.resolve.channel_given import join_given_variants, settle_unresolved

SCENE = 2500  # characters: about a page, what a reader keeps in mind as one scene
SPLIT_WORD = 5  # letters: a syllable-long English word ("Paul", "Kerr") a split surname gives
LIST_LINE = 200  # characters: a longer line is a paragraph, not an item of a list
_SENTENCE_END = frozenset(".!?…\"”»:")
# A sentence naming this many people enumerates them, each deliberately (a trial's accused, a
# court's members): two names standing in such rolls are two people, however alike.
ROLL = 3
MARGIN = 0.05  # the closest person must be this much closer than the next
# What stands between two names of an enumeration: a comma, a conjunction (English, Russian),
# a possessive ending, a bracketed remark.
_ENUMERATION_GAP = re.compile(
    r"(?:['’]s)?\s*(?:\([^()]{0,60}\))?\s*(?:,|;)?\s*(?:(?:and|or|as well as|и|или)\s+)?",
    re.IGNORECASE)


def variant_forms(names: list[PersonName]) -> tuple[set[str], set[str]]:
    """The surname forms the channel may have mangled: bare surnames of a person no given name
    identifies, and (second) short two-word Latin names without a patronymic read as one
    surname split into English words ("Paul Kerr" as "Paulkerr")."""
    bare: set[str] = set()
    split: set[str] = set()
    identified = any(n.given and (n.patronymic or not split_name(n)) for n in names)
    for n in names:
        if n.surname and not n.given and not n.initials and not identified:
            bare.add(n.surname)
        elif n.surname and n.given and split_name(n) and not identified:
            split.add(f"{n.given}{n.surname.lower()}")
    return bare, split


def split_name(name: PersonName) -> bool:
    """Two words short enough to be one surname the channel cut in two ("Paul Kerr"): a
    one-syllable "surname" is rare among Russian families, common among English words."""
    return bool(name.given and name.surname and not name.patronymic
                and not is_cyrillic(name.surname) and len(name.given) <= SPLIT_WORD
                and len(name.surname) <= SPLIT_WORD - 1)


def _surnames(names: list[PersonName]) -> set[str]:
    return {n.surname for n in names if n.surname}


def best_channel_fit(forms: set[str], others: set[str]) -> tuple[float, str, str]:
    """The closest pair of forms under the channel, with its similarity."""
    best = (0.0, "", "")
    for a in sorted(forms):  # sorted: a tie gives the same pair on every run (sets hash apart)
        for b in sorted(others):
            score = channel_similarity(a, b)
            if score > best[0]:
                best = (score, a, b)
    return best


def both_attested(a: str, b: str) -> bool:
    """Both forms are dictionary surnames: two real families."""
    return attested_surname(a) and attested_surname(b)


class _Scene:
    def __init__(self, text: str, starts: list[int]) -> None:
        self.starts = starts
        lines = text.split("\n")
        self.line_starts = [0]
        for line in lines[:-1]:
            self.line_starts.append(self.line_starts[-1] + len(line) + 1)
        # A list: a run of three or more lines that are not sentences (an item ends on a
        # name, a comma or a bracket, not on . ! ? or a closing quote), each naming its own.
        self.items: set[int] = set()
        self.rolls: set[int] = set()  # sentences naming ROLL or more people: a roll-call
        run: list[int] = []
        for number, line in enumerate([*lines, ""]):
            stripped = line.strip()
            if stripped and len(stripped) <= LIST_LINE and stripped[-1] not in _SENTENCE_END:
                run.append(number)
                continue
            if len(run) >= 3:
                self.items.update(run)
            run = []

    def sentence(self, position: int) -> int:
        return bisect_right(self.starts, position)

    def line(self, position: int) -> int:
        return bisect_right(self.line_starts, position) - 1

    def listed(self, position: int) -> bool:
        """Whether a name stands in an item of a list ("Commissar of Finance Grinko")."""
        return self.line(position) in self.items

    def apart(self, a, b) -> bool:  # noqa: ANN001 - two people.Person
        """Two people: some sentence names both, each is an item of a list, or they never
        share a scene."""
        sentences_a = {self.sentence(m.start) for m in a.mentions}
        if any(self.sentence(m.start) in sentences_a for m in b.mentions):
            return True
        if any(self.listed(m.start) for m in a.mentions) and \
                any(self.listed(m.start) for m in b.mentions):
            return True  # a list names each of its people once
        if any(self.sentence(m.start) in self.rolls for m in a.mentions) and \
                any(self.sentence(m.start) in self.rolls for m in b.mentions):
            return True  # so does an enumeration in running text ("A, B, C and D were tried")
        return not any(abs(x.start - y.start) <= SCENE for x in a.mentions for y in b.mentions)


def _conflict(a, b) -> bool:  # noqa: ANN001 - two people.Person
    """Genders that differ, or given names or their initials that do ("K. Z. Divich" is no
    Anna Duvovich; a name cut in two has no given name)."""
    genders_a, genders_b = a.genders(), b.genders()
    if genders_a and genders_b and not genders_a & genders_b:
        return True
    given_a = {given_or_initial(n) for n in a.names if not split_name(n)} - {None}
    given_b = {given_or_initial(n) for n in b.names if not split_name(n)} - {None}
    return any(given_compatible(x, y) is False for x in given_a for y in given_b)


def _rank(person, group: list) -> tuple[bool, bool, bool, float, int]:  # noqa: ANN001
    """Which of a group of people keeps its name: one known by more than a cut-up name, then
    one with a patronymic or initials, then one whose surname the dictionary knows, then the
    form nearest in spelling to all the others (the one the mangled forms came from: Pauker
    among Paukel, Paulkor and Bokor), then the one named more."""
    names = person.names
    own = _surnames(names)
    forms = {n.surname for p in group for n in p.names if n.surname and not split_name(n)}
    centre = max((sum(surname_similarity(x, y) for y in forms - {x}) for x in own), default=0.0)
    whole = any(n.surname and not split_name(n) for n in names)  # not only a cut-up name
    return (whole, any(n.surname and (n.patronymic or n.initials) for n in names),
            any(attested_surname(s) for s in own), round(centre, 3), len(person.mentions))


def _fit(person, other) -> float:  # noqa: ANN001 - two people.Person
    """How cheaply the channel makes one of ``person``'s forms of a surname of ``other``: 0 when
    an ordinary variant is there (the grouping weighed it and kept them apart) or when both
    are dictionary surnames."""
    bare, split = variant_forms(person.names)
    own = _surnames(other.names)
    if any(surname_similarity(x, y) >= SURNAME_THRESHOLD for x in bare for y in own):
        return 0.0
    score = best_channel_fit(split, own)[0]
    for form in bare:
        for surname in own:
            if not both_attested(form, surname):
                score = max(score, channel_similarity(form, surname))
    return score if score >= CHANNEL_THRESHOLD else 0.0


def _rolls(live: list, text: str, scene: _Scene) -> set[int]:
    """Sentences that enumerate ``ROLL`` or more people: names in a row with only commas and
    conjunctions between them ("Yakir, Kork, Eideman and Dubrov were tried"). A sentence that
    merely names three people ("Yagoda feared that Dubrov and Kamenev would talk") is none."""
    by_sentence: dict[int, list[tuple[int, int, int]]] = {}
    for n, person in enumerate(live):
        for m in person.mentions:
            by_sentence.setdefault(scene.sentence(m.start), []).append((m.start, m.end, n))
    rolls = set()
    for sentence, found in by_sentence.items():
        found.sort()
        run: set[int] = {found[0][2]}
        for (_, end, _n), (start, _end, n) in zip(found, found[1:], strict=False):
            run = run | {n} if _ENUMERATION_GAP.fullmatch(text[end:start]) else {n}
            if len(run) >= ROLL:
                rolls.add(sentence)
                break
    return rolls


def join_channel_variants(people: list, text: str, starts: list[int]) -> list:
    """Join people whose names the channel confused, under the rules of the module docstring;
    returns the people left, in order."""
    scene = _Scene(text, starts)
    live = [p for p in people if p.mentions and not p.unresolved]
    scene.rolls = _rolls(live, text, scene)
    # A mangled given name first: its person then meets a mangled surname as one person.
    join_given_variants(live, scene.apart)
    live = [p for p in live if p.mentions]

    def apart(a, b) -> bool:  # noqa: ANN001
        return scene.apart(a, b) or _conflict(a, b)

    edges: dict[tuple[int, int], float] = {}
    for i, a in enumerate(live):
        for j, b in enumerate(live):
            if i < j:
                score = max(_fit(a, b), _fit(b, a))
                if score and not apart(a, b):
                    edges[(i, j)] = score
    partners: dict[int, list[tuple[float, int]]] = {}
    for (i, j), score in edges.items():
        partners.setdefault(i, []).append((score, j))
        partners.setdefault(j, []).append((score, i))
    # A form that fits two people who cannot be one is theirs only if clearly nearer one.
    doubtful = set()
    for i, options in partners.items():
        options.sort(reverse=True)
        best = options[0][0]
        close = [j for score, j in options if score > best - MARGIN]
        if any(apart(live[x], live[y]) for n, x in enumerate(close) for y in close[n + 1:]):
            doubtful.add(i)
    group = {i: {i} for i in range(len(live))}
    for (i, j), _score in sorted(edges.items(), key=lambda e: (-e[1], e[0])):
        if i in doubtful or j in doubtful or group[i] is group[j]:
            continue
        if any(apart(live[x], live[y]) for x in group[i] for y in group[j]):
            continue
        merged = group[i] | group[j]
        for k in merged:
            group[k] = merged
    for members in {id(g): g for g in group.values()}.values():
        if len(members) > 1:
            group_people = [live[k] for k in members]
            ranked = sorted(members, key=lambda k: _rank(live[k], group_people), reverse=True)
            for k in ranked[1:]:
                live[ranked[0]].absorb(live[k])
    settle_unresolved(people)
    return [p for p in people if p.mentions]
