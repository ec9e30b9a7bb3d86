"""The context two clusters share, compared as people, not as spellings (``channel_links``).

A profile names the people of its scenes, its relatives and the people it is tied to (whose
secretary it was) by their labels in its own document. The machine-translation channel
mangles those names too: one chapter's scene names "Genoviev", another's "Zinoviev", and a
comparison of spellings sees two people where the linker already sees one. So each named
person is read as the cluster its own document's profile belongs to (``Named.cluster``), and
two named people are one when their clusters are one *or* their surname keys are (the old
comparison, kept: a person the linker split across chapters still counts once by spelling).

A person named beside more than ``COMMON_SHARE`` of the people at hand (the memoir's Stalin)
is background: as a spelling or as a cluster, it counts for nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kartoteka.names.keys import surname_key
from kartoteka.names.parse import parse_person_name
from kartoteka.resolve.profile import Profile

COMMON_SHARE = 0.3  # a co-mention named beside this share of the people is background
MIN_BACKGROUND = 200  # people at hand needed to tell background from context


@dataclass(frozen=True)
class Named:
    """A person a profile names: the cluster of that person's profile in the same document
    (None when the document has no one profile of that label), and the surname key."""

    cluster: int | None
    key: str

    def identity(self) -> int | str:
        return self.cluster if self.cluster is not None else self.key


def surname_of(label: str) -> str:
    parsed = parse_person_name(label)
    return surname_key(parsed.surname or label)


class Resolver:
    """(document, label) -> the cluster of the one person profile of that label there."""

    def __init__(self, profiles: Sequence[Profile], clusters: Sequence[Sequence[str]],
                 ids: Sequence[int] | None = None) -> None:
        """``ids``: the person each cluster is (clusters joined since share one), by index."""
        index = {key: ids[n] if ids is not None else n
                 for n, members in enumerate(clusters) for key in members}
        found: dict[tuple[str, str], set[int]] = defaultdict(set)
        for p in profiles:
            if p.kind == "person" and p.key in index:
                found[(p.document_id, p.label)].add(index[p.key])
        # two people of one label in a document (namesakes left apart): neither is meant
        self.where = {place: next(iter(n)) for place, n in found.items() if len(n) == 1}

    def named(self, document_id: str, labels: Iterable[str]) -> set[Named]:
        return {Named(self.where.get((document_id, label)), surname_of(label))
                for label in labels}


def background(contexts: Sequence[set[Named]]) -> tuple[set[int], set[str]]:
    """Clusters and surname keys named beside more than COMMON_SHARE of the people at hand.
    Below MIN_BACKGROUND people a share says little (a neighbourhood of one surname): none is
    background, and the context required keeps the evidence specific."""
    if len(contexts) < MIN_BACKGROUND:
        return set(), set()
    by_cluster: dict[int, int] = defaultdict(int)
    by_key: dict[str, int] = defaultdict(int)
    for context in contexts:
        for cluster in {n.cluster for n in context} - {None}:
            by_cluster[cluster] += 1  # type: ignore[index]
        for key in {n.key for n in context}:
            by_key[key] += 1
    line = COMMON_SHARE * len(contexts)
    return ({c for c, n in by_cluster.items() if n > line},
            {k for k, n in by_key.items() if n > line})


def shared(a: set[Named], b: set[Named], own_clusters: set[int], own_keys: set[str],
           common: tuple[set[int], set[str]] = (set(), set())) -> tuple[float, list[str]]:
    """How many people both sides name (each person once, background and the two sides'
    own people aside), with the surname keys that say who."""
    common_clusters, common_keys = common

    def counts(n: Named) -> bool:
        return (n.cluster not in own_clusters and n.key not in own_keys
                and n.cluster not in common_clusters and n.key not in common_keys)

    a = {n for n in a if counts(n)}
    b = {n for n in b if counts(n)}

    def met(side: set[Named], other: set[Named]) -> dict[int | str, str]:
        clusters = {n.cluster for n in other} - {None}
        keys = {n.key for n in other}
        return {n.identity(): n.key for n in side
                if n.key in keys or (n.cluster is not None and n.cluster in clusters)}

    from_a, from_b = met(a, b), met(b, a)
    # counted from the smaller side: two spellings of one person on one side are one person
    smaller = from_a if len(from_a) <= len(from_b) else from_b
    return float(len(smaller)), sorted(set(smaller.values()))
