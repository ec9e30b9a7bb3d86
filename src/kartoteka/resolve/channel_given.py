"""Within one document: a given name the translation channel mangled joins its person.

A machine-translated chapter may call one woman Nadezhda Orlova and, a page later, "Nozheda
Orlova". ``compare_names`` sees two given names and keeps two people. After the ordinary
grouping, a person is taken as another form of a second person of the same document when:

- each of its full names carries a given name no list or dictionary holds, which the channel
  could have made of the second person's known given name (``names.channel_given``);
- their surnames agree: the same, an ordinary variant (``surname_similarity``) or a channel
  variant, unless both are dictionary surnames (two families: Kamensky, Kaminsky);
- the second person is the only one of the document that fits so;
- nothing conflicts: the genders, the patronymics, and the context as ``channel_within`` reads
  it (a sentence naming both, two lists or enumerations naming each, no shared scene).

Siblings of one surname with two real names (Anna and Anfisa Orlova) stay two: both names are
known. The joined form becomes another name of the person, which keeps its own label.
"""

from __future__ import annotations

from collections.abc import Callable

from kartoteka.names.attested import attested_surname
from kartoteka.names.channel import CHANNEL_THRESHOLD, channel_similarity
from kartoteka.names.channel_given import channel_given_variant, known_given_name
from kartoteka.names.keys import surname_key
from kartoteka.names.parse import PersonName
from kartoteka.names.similarity import (
    SURNAME_THRESHOLD,
    patronymic_compatible,
    surname_similarity,
)


def _full(person) -> list[PersonName]:  # noqa: ANN001 - a people.Person
    """Its own names with a whole given name (not an initial) and a surname."""
    return [n for n in person.names
            if n.surname and n.given and len(n.given.strip(". ")) > 1]


def _same_surname(a: str, b: str) -> bool:
    if a.casefold() == b.casefold() or surname_key(a) == surname_key(b):
        return True
    if surname_similarity(a, b) >= SURNAME_THRESHOLD:
        return True
    return channel_similarity(a, b) >= CHANNEL_THRESHOLD and not (
        attested_surname(a) and attested_surname(b))


def _fits(mangled: list[PersonName], person) -> bool:  # noqa: ANN001 - a people.Person
    """Whether some full name of ``person`` carries a known given name the channel could
    have made one of ``mangled``'s of, under a surname that agrees."""
    return any(channel_given_variant(m.given or "", n.given or "")
               and _same_surname(m.surname or "", n.surname or "")
               for m in mangled for n in _full(person))


def _conflict(a, b) -> bool:  # noqa: ANN001 - two people.Person
    genders_a, genders_b = a.genders(), b.genders()
    if genders_a and genders_b and not genders_a & genders_b:
        return True
    return any(patronymic_compatible(x.patronymic, y.patronymic) is False
               for x in a.names for y in b.names)


def join_given_variants(live: list, apart: Callable[[object, object], bool]) -> None:
    """Join each person known only by a mangled given name to the one person it may be
    (module docstring); ``apart`` is the context's verdict (``channel_within._Scene.apart``).
    Joined people are left without mentions."""
    for person in live:
        mangled = _full(person)
        if not mangled or not person.mentions \
                or any(known_given_name(n.given or "") for n in mangled):
            continue
        fitting = [other for other in live
                   if other is not person and other.mentions and _fits(mangled, other)]
        if len(fitting) != 1:
            continue  # none, or two people it may be: it stays alone
        other = fitting[0]
        if _conflict(person, other) or apart(person, other):
            continue
        other.absorb(person)


def settle_unresolved(people: list) -> None:
    """A bare name left unresolved between people a join has since made one ("Orlova" before
    both Nadezhda and "Nozheda" Orlova) is that person's, by its own name."""
    owner = {m.id: p for p in people if not p.unresolved for m in p.mentions}
    for person in people:
        if not person.unresolved or not person.mentions:
            continue
        candidates = {id(owner[key]): owner[key] for m in person.mentions
                      for key in m.attrs.get("unresolved", ()) if key in owner}
        if len(candidates) != 1 or any(not m.attrs.get("unresolved") for m in person.mentions):
            continue
        (target,) = candidates.values()
        for m in list(person.mentions):
            name = person.own.get(m.id) or person.other[m.id]
            person.remove(m)
            m.attrs.pop("unresolved", None)
            target.add(m, name)
