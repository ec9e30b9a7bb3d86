"""Across documents: entities whose names the translation channel confused, joined by context.

After the Splink linker (``across.link_profiles``) has clustered the profiles, two clusters are
one person when

- some name of one is a form the channel could have made of a name of the other
  (``names.channel``: Yerev for Yezhov, Mari for Maly), and not two dictionary surnames, unless
  it is one surname and one side is known by it alone (a bare "Kamenev" in a chapter, which the
  linker leaves for review while Lev and Sergey Kamenev are both known: the scene tells which);
- nothing conflicts: no document names both (its own reading kept them apart), no human
  "not the same", the genders, full given names, patronymics and years agree;
- the context agrees: they share people named in their scenes (``Profile.comentioned``; a
  person named beside nearly everyone, the memoir's Stalin, counts for little), a post, an
  institution, a relative or a person they are tied to (whose secretary they were), worth at
  least ``MIN_CONTEXT``; people are compared as the linker's clusters as well as by spelling
  (``channel_context``), so a scene's "Genoviev" and another's "Zinoviev" are one person;
- and the pair is unambiguous: neither has another candidate nearly as good.

One spelling both sides write is no channel variant but one surname the linker compared under
each side's label alone (a chapter's "Morchanov", once "Molchanov" too, and another chapter's
"Molchanov"): two clusters, one at least known by bare surnames only, that share a written form
join without the context, as the linker joins one bare surname (``lone.py``), when the surname
is lone (no two named clusters bearing it are different people) and not common, and it is not
the surname of a label on both sides, which the linker weighed itself (a chapter labelled
"Bokor" that once writes "Pauker" joins Karl Pauker; a bare "Pauker" is the linker's call).
So does a bare form no dictionary knows as a surname (``attested_surname``) one of whose
readings is the surname of a lone cluster ("Shpigelglias", read Шпигельглас, beside Sergei
Shpigelglas): the linker sends a bare surname on a variant to review because two dictionary
surnames a letter apart are two families (Solovov, Solovyov), which a form no family bears
cannot be. Where that surname is borne by two named clusters that are different people (two
brothers), the bare form joins the one whose company it shares, at least two people
(``READING_CONTEXT``), ranked as any context join, so a form sharing as much with both joins
neither.

Each join is returned as a scored pair with the evidence behind it (``rule``, the two forms,
the shared context), so a curator sees why and can undo it with a "not the same".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kartoteka.names.attested import attested_surname
from kartoteka.names.channel import CHANNEL_THRESHOLD, channel_keys
from kartoteka.names.keys import fold, surname_key, surname_keys
from kartoteka.names.parse import PersonName, parse_person_name
from kartoteka.names.similarity import given_compatible, patronymic_compatible
from kartoteka.resolve.across import Linkage, ScoredPair
from kartoteka.resolve.channel_context import Named, Resolver, background, shared
from kartoteka.resolve.channel_within import (
    best_channel_fit,
    both_attested,
    split_name,
    variant_forms,
)
from kartoteka.resolve.lone import COMMON_SHARE as COMMON_SURNAME
from kartoteka.resolve.lone import PRIOR_PROFILES
from kartoteka.resolve.profile import Decisions, Profile

MIN_CONTEXT = 3.0  # shared context for a join: three co-mentioned people, or two and a post
BLOCK_CAP = 60  # a channel key shared by more clusters than this says nothing
MARGIN = 0.1  # share by which the best candidate (context x similarity) must beat the next
SPELLING_SCORE = 0.5  # the rank of a join on one shared spelling without context
YEARS_APART = 2  # birth or death years further apart than this are two people
READING_CONTEXT = 2.0  # shared context for one reading of a surname several people bear
ROUNDS = 3  # joins that make the company of others one: two rounds carry it, a third checks


@dataclass
class _Cluster:
    index: int
    keys: list[str]
    company: int  # who it is as a person others name: the index of its joins so far
    forms: set[str] = field(default_factory=set)
    own_keys: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    given: set[str] = field(default_factory=set)
    patronymics: set[str] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)
    births: set[int] = field(default_factory=set)
    deaths: set[int] = field(default_factory=set)
    context: set[Named] = field(default_factory=set)  # co-mentioned people
    posts: set[str] = field(default_factory=set)  # roles, titles, institutions (folded)
    relatives: set[Named] = field(default_factory=set)
    ties: set[Named] = field(default_factory=set)  # whose secretary, deputy, friend
    named: bool = False  # some profile gives a given name or initials
    labelled: set[str] = field(default_factory=set)  # surnames of the labels (casefolded)
    own_surnames: set[str] = field(default_factory=set)
    alias_surnames: set[str] = field(default_factory=set)  # of full names with another given
    written: set[str] = field(default_factory=set)  # forms but surnames only aliases bear


def _gather(index: int, members: list[Profile]) -> _Cluster:
    """A cluster's names, genders and years: what every round compares alike."""
    c = _Cluster(index, [p.key for p in members], index)
    for p in members:
        parsed = [parse_person_name(n) for n in dict.fromkeys([p.label, *p.names]) if n]
        c.forms |= variant_forms(parsed)[1] | {n.surname for n in parsed if n.surname}
        other = {n.surname for n in parsed if n.surname and _another_name(n, p.given)}
        c.alias_surnames |= other
        c.own_surnames |= {n.surname for n in parsed if n.surname} - other
        c.documents.add(p.document_id)
        c.named = c.named or bool(p.given or p.initials)
        c.labelled.add((parse_person_name(p.label).surname or p.label).casefold())
        if p.given and len(p.given.strip(". ")) > 1 and not split_name(parse_person_name(p.label)):
            c.given.add(p.given)
        if p.patronymic and len(p.patronymic.strip(". ")) > 1:
            c.patronymics.add(p.patronymic)
        c.genders |= {p.gender} if p.gender else set()
        c.births |= {p.birth_year} if p.birth_year else set()
        c.deaths |= {p.death_year} if p.death_year else set()
        # a title before a bare name ("Commissar of Justice Krylenko") is a post too
        c.posts |= {fold(x) for x in [*p.roles, *p.titles, *p.organizations] if fold(x)}
    c.own_keys = {surname_key(f) for f in c.forms}
    c.written = c.forms - (c.alias_surnames - c.own_surnames)
    return c


def _read_company(c: _Cluster, members: list[Profile], resolver: Resolver, company: int) -> None:
    """The people a cluster's profiles name, read through the joins so far (``resolver``)."""
    c.company = company
    c.context = {n for p in members for n in resolver.named(p.document_id, p.comentioned)}
    c.relatives = {n for p in members for n in resolver.named(p.document_id, p.relatives)}
    c.ties = {n for p in members for n in resolver.named(p.document_id, p.ties)}


def _another_name(name: PersonName, given: str | None) -> bool:
    """A full name whose given name is not the profile's own: another name of the person
    (a birth name, a pseudonym: "Lev Leonidovich Nikolaev" of Alexander Orlov)."""
    return bool(given and len(given.strip(". ")) > 1 and name.given
                and len(name.given.strip(". ")) > 1 and not split_name(name)
                and given_compatible(name.given, given) is False)


def _bare_namesake(a: _Cluster, b: _Cluster, x: str, y: str) -> bool:
    """One surname (one key), and one side known by it alone ("Kamenev" in a chapter beside
    Lev Kamenev elsewhere): the one family, which the context may still tell apart."""
    return surname_key(x) == surname_key(y) and not (a.named and b.named)


def _years_apart(a: set[int], b: set[int]) -> bool:
    return bool(a and b) and min(abs(x - y) for x in a for y in b) > YEARS_APART


def _conflict(a: _Cluster, b: _Cluster, decisions: Decisions) -> bool:
    if a.documents & b.documents:
        return True  # a document that names both kept them apart when it read them
    if decisions.cannot_link and any(decisions.cannot(x, y) for x in a.keys for y in b.keys):
        return True
    if len(a.genders | b.genders) > 1 and a.genders and b.genders:
        return True
    if any(given_compatible(x, y) is False for x in a.given for y in b.given):
        return True
    if any(patronymic_compatible(x, y) is False for x in a.patronymics for y in b.patronymics):
        return True
    return _years_apart(a.births, b.births) or _years_apart(a.deaths, b.deaths)


def _lone_keys(clusters: list[_Cluster]) -> set[str]:
    """Surname keys whose named clusters could all be one person (``lone.py``'s rule over
    clusters) and that are not common (borne by ``lone.COMMON_SHARE`` of them, smoothed)."""
    bearers: dict[str, list[_Cluster]] = defaultdict(list)
    for c in clusters:
        for key in c.own_keys:
            bearers[key].append(c)
    population = len(clusters) + PRIOR_PROFILES
    lone = set()
    for key, found in bearers.items():
        if (len(found) - 1) / population >= COMMON_SURNAME:
            continue
        named = [c for c in found if c.named]
        if not any(_names_differ(x, y) for i, x in enumerate(named) for y in named[i + 1:]):
            lone.add(key)
    return lone


def _names_differ(a: _Cluster, b: _Cluster) -> bool:
    return (any(given_compatible(x, y) is False for x in a.given for y in b.given)
            or any(patronymic_compatible(x, y) is False
                   for x in a.patronymics for y in b.patronymics))


def _one_spelling(a: _Cluster, b: _Cluster, lone: set[str]) -> str | None:
    """The written form two clusters share, where its surname is lone and at least one side
    is bare (module docstring); not a label of both: the linker weighed labels against each
    other and may have had its reasons."""
    if a.named and b.named:
        return None
    theirs = {f.casefold() for f in b.written}
    weighed = a.labelled & b.labelled
    shared = sorted(f for f in a.written if f.casefold() in theirs and surname_key(f) in lone
                    and f.casefold() not in weighed)
    return shared[0] if shared else None


def _one_reading(a: _Cluster, b: _Cluster, lone: set[str]) -> tuple[str, str] | None:
    """A bare cluster's form no dictionary knows as a surname whose readings meet the surname of
    a lone one (module docstring): the form and the other cluster's."""
    if a.named and b.named:
        return None
    for bare, other in ((a, b), (b, a)):
        if bare.named:
            continue
        for x in sorted(bare.forms):
            keys = set(surname_keys(x))
            for y in sorted(other.written):
                if surname_key(y) in lone and surname_key(y) in keys and fold(x) != fold(y) \
                        and not attested_surname(x):
                    return (x, y) if bare is a else (y, x)
    return None


def _context(a: _Cluster, b: _Cluster, common: tuple[set[int], set[str]]
             ) -> tuple[float, list[str]]:
    own_clusters, own_keys = {a.company, b.company}, a.own_keys | b.own_keys
    score, evidence = shared(a.context, b.context, own_clusters, own_keys, common)
    if a.posts & b.posts:
        score += 1.0
        evidence += sorted(a.posts & b.posts)
    # a relative, or a person both were tied to, counts once however many: one family, one
    # office. A tie to the background man is no evidence (the memoir's Stalin had many
    # secretaries and friends), a relative of his is: his family is few.
    for mine, theirs, aside in ((a.relatives, b.relatives, (set(), set())),
                                (a.ties, b.ties, common)):
        found, who = shared(mine, theirs, own_clusters, own_keys, aside)
        if found:
            score += 1.0
            evidence += who
    return score, evidence


def join_channel_variants(linkage: Linkage, profiles: Sequence[Profile | dict[str, Any]],
                          decisions: Decisions = Decisions()) -> Linkage:  # noqa: B008
    """The linkage with clusters whose names the channel confused joined where the context
    agrees (rules in the module docstring); the joins are added to its pairs. ``profiles``:
    the linked profiles, or their stored dicts.

    Joined in rounds (at most ``ROUNDS``): a chapter's company is mangled too, and the people
    of its scenes may become one with another chapter's only by this step ("Zablin" and
    "Zabrin", each beside the same three people), after which the two chapters' men share that
    company. Every round compares the linker's clusters as they came, with the same
    conditions; only the people of their company are read through the joins made so far
    (``_Cluster.company``). So a join never makes its cluster a larger target for the next
    round (the union of two chapters' scenes) and a candidate a written form outranked stays
    outranked. A round that joins nothing ends it."""
    read = [p if isinstance(p, Profile) else Profile.from_dict(p) for p in profiles]
    by_key = {p.key: p for p in read}
    members_of: dict[int, list[Profile]] = {}
    for index, members in enumerate(linkage.clusters):
        persons = [by_key[k] for k in members if k in by_key and by_key[k].kind == "person"
                   and not by_key[k].descriptor and not by_key[k].unresolved]
        if persons and len(persons) == len(members):
            members_of[index] = persons
    clusters = [_gather(index, persons) for index, persons in members_of.items()]
    names = _name_pairs(clusters, decisions)
    group = {index: [index] for index in range(len(linkage.clusters))}
    pairs = list(linkage.pairs)
    for _ in range(ROUNDS):
        before = len(pairs)
        ids = [min(group[index]) for index in range(len(linkage.clusters))]
        resolver = Resolver(read, linkage.clusters, ids)
        for c in clusters:
            _read_company(c, members_of[c.index], resolver, min(group[c.index]))
        _apply(clusters, _candidates(clusters, names), decisions, group, pairs)
        if len(pairs) == before:
            break
    # each joined group once, where its first cluster stood
    out = [[k for g in sorted(group[i]) for k in linkage.clusters[g]]
           for i in range(len(linkage.clusters)) if i == min(group[i])]
    return Linkage(clusters=out, pairs=pairs, model=linkage.model)


# Two clusters whose names allow a join: the similarity, the two forms compared, and whether
# they are one spelling, one reading of a lone surname, or one reading of a namesake's.
_NamePair = tuple[_Cluster, _Cluster, float, str, str, Any, Any, Any]


def _name_pairs(clusters: list[_Cluster], decisions: Decisions) -> list[_NamePair]:
    """The pairs of clusters a channel key blocks together whose names allow a join and that
    nothing conflicts: the same in every round, since only the company changes."""
    blocks: dict[str, list[_Cluster]] = defaultdict(list)
    for c in clusters:
        for key in {k for f in c.forms for k in channel_keys(f)}:
            blocks[key].append(c)
    lone = _lone_keys(clusters)
    borne = {key for c in clusters for key in c.own_keys}
    found: list[_NamePair] = []
    done: set[tuple[int, int]] = set()
    for block in blocks.values():
        if len(block) > BLOCK_CAP:
            continue
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                pair = (min(a.index, b.index), max(a.index, b.index))
                if pair in done:
                    continue
                done.add(pair)
                spelling = _one_spelling(a, b, lone)
                reading = None if spelling else _one_reading(a, b, lone)
                namesake = None if spelling or reading else _one_reading(a, b, borne)
                similarity, x, y = ((1.0, spelling, spelling) if spelling
                                    else (1.0, *reading) if reading
                                    else (1.0, *namesake) if namesake
                                    else best_channel_fit(a.forms, b.forms))
                if similarity < CHANNEL_THRESHOLD:
                    continue
                if both_attested(x, y) and not _bare_namesake(a, b, x, y):
                    continue
                if _conflict(a, b, decisions):
                    continue
                found.append((a, b, similarity, x, y, spelling, reading, namesake))
    return found


def _candidates(clusters: list[_Cluster], names: list[_NamePair]
                ) -> dict[tuple[int, int], tuple[float, float, list[str], str, str]]:
    """One round's candidate joins: the name pairs whose company (as read this round) agrees."""
    common = background([c.context for c in clusters])
    candidates: dict[tuple[int, int], tuple[float, float, list[str], str, str]] = {}
    for a, b, similarity, x, y, spelling, reading, namesake in names:
        score, evidence = _context(a, b, common)
        if spelling or reading:
            # ranked below any join the context supports, as the weakest evidence
            score = max(score, SPELLING_SCORE)
            evidence = [*evidence, "one spelling" if spelling else "one reading"]
        if namesake and score >= READING_CONTEXT:
            evidence = [*evidence, "one reading of a namesake's surname"]
        elif score < MIN_CONTEXT and not (spelling or reading):
            continue
        candidates[(min(a.index, b.index), max(a.index, b.index))] = (
            score * similarity, similarity, evidence, x, y)
    return candidates


def _written(evidence: list[str]) -> bool:
    return "one spelling" in evidence or "one reading" in evidence


def _outranked_dropped(candidates: dict[tuple[int, int], tuple[float, float, list[str], str, str]]
                       ) -> dict[tuple[int, int], tuple[float, float, list[str], str, str]]:
    """The candidates without the channel-close ones of a cluster that also writes a form of
    another cluster (one spelling, one reading) when the channel-close one is no candidate of
    that other: a mangled form the channel made twice of one name ("Bokel" in two chapters)
    says more than a form it could have made of either, so "Paukor, once Bokel" goes with the
    chapter that writes "Bokel", and the channel-close Pikel, no candidate of that chapter,
    neither takes it nor reaches that chapter through it."""
    partners: dict[int, set[int]] = defaultdict(set)
    for (i, j), (*_s, evidence, _x, _y) in candidates.items():
        if _written(evidence):
            partners[i].add(j)
            partners[j].add(i)

    def kept(pair: tuple[int, int]) -> bool:
        return all((min(other, k), max(other, k)) in candidates
                   for one, other in (pair, pair[::-1]) for k in partners[one] if k != other)

    return {pair: found for pair, found in candidates.items()
            if _written(found[2]) or kept(pair)}


def _apply(clusters: list[_Cluster],
           candidates: dict[tuple[int, int], tuple[float, float, list[str], str, str]],
           decisions: Decisions, group: dict[int, list[int]], pairs: list[ScoredPair]) -> None:
    """Join candidate pairs, best first, into ``group``. A cluster whose near-best candidates
    (within MARGIN of the best) are not candidates of each other, nor yet joined, is doubtful
    and joins none, so a variant close to two people never chains them; a join that would put
    two conflicting clusters together is refused."""
    by_index = {c.index: c for c in clusters}
    candidates = _outranked_dropped(candidates)
    options: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (i, j), (score, *_rest) in candidates.items():
        options[i].append((score, j))
        options[j].append((score, i))
    doubtful = set()
    for i, found in options.items():
        best = max(score for score, _ in found)
        near = [j for score, j in found if score >= best * (1 - MARGIN)]
        # Near-best candidates that are not candidates of each other are two people the
        # variant falls between: it joins neither, and never chains them.
        if any((min(x, y), max(x, y)) not in candidates and group[x] is not group[y]
               for n, x in enumerate(near) for y in near[n + 1:]):
            doubtful.add(i)
    for (i, j), (score, similarity, evidence, x, y) in sorted(
            candidates.items(), key=lambda kv: (-kv[1][0], kv[0])):
        if i in doubtful or j in doubtful or group[i] is group[j]:
            continue
        if any(_conflict(by_index[a], by_index[b], decisions)
               for a in group[i] for b in group[j]):
            continue
        merged = group[i] + group[j]
        for k in merged:
            group[k] = merged
        a, b = sorted((by_index[i].keys[0], by_index[j].keys[0]))
        pairs.append(ScoredPair(a, b, round(similarity, 3), {
            "rule": "translation variant in a shared context", "forms": [x, y],
            "context": evidence, "context_weight": round(score, 2)}, "linked"))

