"""Synthetic English testimonies of a page or so, for timing ingest at scale (benchmarks only).

Why not two sentences: a testimony is a statement of several paragraphs (an informant, their
relatives, the people met in prison, dates, places, posts and fates), and both halves of an
ingest scale with that: extraction with the text's length, linking with how many people a file
names and how many namesakes the index holds. Two sentences naming two people from a pool of
17 given names and 22 surnames made extraction trivial and every common name one huge block,
so the figures said little about a real collection.

Here each statement is 1-3 KB: the informant, two to five relatives or fellow prisoners, each
with a name in one of the forms testimony uses (full name with patronymic, given name and
surname, initials, the surname alone on a second mention), years, a place, a post and a fate.
The people come from ``synthetic_people.PersonGenerator`` (Zipf-distributed surnames built from
the stems and endings of Russian surnames, given names and patronymics from ``synthetic_data``:
facts of the language), transliterated with the project's BGN/PCGN table; people other than the
informant are drawn, again Zipf-distributed, from a pool about the size of the collection, so a
well-known prisoner recurs across statements as in real collections and the cross-document step
has links to make. The English phrasing is generated here from a few templates; no sentence
comes from any source text.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from synthetic_data import FEMININE_ENDINGS
from synthetic_people import Person, PersonGenerator

from kartoteka.names.translit import to_latin

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
# Soviet cities and camps of the period (a gazetteer's facts, in BGN/PCGN spelling).
PLACES = ("Moscow", "Leningrad", "Kiev", "Kharkov", "Minsk", "Tiflis", "Sverdlovsk", "Gorky",
          "Rostov", "Samara", "Kazan", "Tomsk", "Omsk", "Saratov", "Odessa", "Novosibirsk",
          "Irkutsk", "Voronezh", "Smolensk", "Yaroslavl", "Tashkent", "Baku", "Perm", "Ufa")
CAMPS = ("Kolyma", "Vorkuta", "Norilsk", "Karaganda", "Solovki", "Magadan", "Ukhta", "Temnikov")
BODIES = ("the People's Commissariat of Railways", "the tractor plant", "the State Bank",
          "the Red Army staff", "the People's Commissariat of Agriculture", "the textile trust",
          "the Academy of Sciences", "the regional party committee", "the city hospital",
          "the pedagogical institute", "the district newspaper", "the railway depot")
POSTS = ("an engineer", "a secretary", "an accountant", "a teacher", "a doctor", "a worker",
         "a director", "an economist", "a mechanic", "a correspondent", "a student",
         "a head of department", "a brigade commander", "an agronomist")
RELATIVES = {"m": ("husband", "brother", "father", "son"), "f": ("wife", "sister", "mother",
                                                              "daughter")}


@dataclass(frozen=True)
class Named:
    """Where a statement first names one of its people (character offsets)."""

    start: int
    end: int
    pid: int
    name: str


def _latin(text: str) -> str:
    return to_latin(text, scheme="bgn")


def _date(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}"


def _full(p: Person) -> str:
    return f"{_latin(p.given)} {_latin(p.patronymic)} {_latin(p.surname)}"


def _named(p: Person, rng: random.Random) -> str:
    """A first mention in one of the forms testimony uses."""
    form = rng.random()
    if form < 0.5:
        return _full(p)
    if form < 0.85:
        return f"{_latin(p.given)} {_latin(p.surname)}"
    return f"{_latin(p.given)[0]}. {_latin(p.patronymic)[0]}. {_latin(p.surname)}"


def _relative(of: Person, gen: PersonGenerator, pid: int) -> Person:
    """A relative of the informant: a new person with the informant's surname, in its form
    for the relative's gender."""
    other = gen.person(pid)
    surname = of.surname
    for masculine, feminine in FEMININE_ENDINGS.items():
        if of.gender == "f" and surname.endswith(feminine):
            surname = surname[: -len(feminine)] + masculine
            break
    if other.gender == "f":
        for masculine, feminine in FEMININE_ENDINGS.items():
            if surname.endswith(masculine):
                surname = surname[: -len(masculine)] + feminine
                break
    return Person(other.pid, surname, other.given, other.patronymic, other.gender,
                  other.birth_year, other.death_year, other.organizations, other.roles)


def _fate(p: Person, rng: random.Random) -> tuple[str, str]:
    """The name as first written and the paragraph of the person's fate."""
    he = "he" if p.gender == "m" else "she"
    him = "him" if p.gender == "m" else "her"
    arrested = rng.randint(1935, 1938)
    surname = _latin(p.surname)
    fates = (
        f"On {_date(rng, arrested + 1)} the troika sentenced {him} to be shot, and the sentence "
        f"was carried out on {_date(rng, arrested + 1)} in {rng.choice(PLACES)}.",
        f"{surname} was sentenced to ten years in the camps and died in {rng.choice(CAMPS)} in "
        f"{rng.randint(arrested + 2, 1945)}.",
        f"After two years of investigation {he} was released in {arrested + 2} and returned to "
        f"{rng.choice(PLACES)}.",
        f"We were told that {he} had been sent to {rng.choice(CAMPS)} without the right of "
        f"correspondence; nothing more was ever heard of {him}.",
        f"{surname} was exiled to {rng.choice(PLACES)} for five years and was rehabilitated in "
        f"{rng.randint(1955, 1960)}.",
    )
    name = _named(p, rng)  # drawn where it always was: a seed gives the same statements
    return name, (f"{name}, born in {p.birth_year}, was arrested in "
                  f"{rng.choice(PLACES)} on {_date(rng, arrested)}. Before the arrest {he} "
                  f"worked as {rng.choice(POSTS)} at {rng.choice(BODIES)}. " + rng.choice(fates))


def statement(number: int, informant: Person, relatives: list[tuple[str, Person]],
              others: list[Person], rng: random.Random) -> tuple[str, list[Named]]:
    """One statement (the informant, their relatives' fates, the people met in prison) and
    where each person is first named in it."""
    me = informant
    paragraphs = [
        f"Statement {number}, recorded in {rng.choice(PLACES)} on "
        f"{_date(rng, rng.randint(1954, 1991))}.",
        f"I, {_full(me)}, was born in {me.birth_year} in {rng.choice(PLACES)}. Until "
        f"{rng.randint(1935, 1938)} I worked as {rng.choice(POSTS)} at {rng.choice(BODIES)}.",
    ]
    first = [(1, _full(me), me.pid)]  # (paragraph, name as written, person)
    for relation, person in relatives:
        name, fate = _fate(person, rng)
        paragraphs.append(f"My {relation}, " + fate)
        first.append((len(paragraphs) - 1, name, person.pid))
    for person in others:
        met = rng.randint(1936, 1939)
        prison = rng.choice(PLACES)
        name = _named(person, rng)
        post, place = rng.choice(POSTS), rng.choice(PLACES)
        fate = _fate(person, rng)[1]
        paragraphs.append(f"In {met}, in the prison in {prison}, I shared a cell with {name}, "
                          f"{post} from {place}. " + fate)
        first.append((len(paragraphs) - 1, name, person.pid))
    paragraphs.append(f"I confirm that everything stated here is true. "
                      f"{_latin(me.given)[0]}. {_latin(me.surname)}")
    return joined(paragraphs, first)


def joined(paragraphs: list[str], first: list[tuple[int, str, int]]) -> tuple[str, list[Named]]:
    """The statement's text (paragraphs a blank line apart) and where each (paragraph, name
    as written, person) of ``first`` is in it."""
    starts = list(accumulate((len(text) + 2 for text in paragraphs[:-1]), initial=0))
    named = []
    for index, name, pid in first:
        start = paragraphs[index].index(name) + starts[index]
        named.append(Named(start, start + len(name), pid, name))
    return "\n\n".join(paragraphs) + "\n", named


Statement = Callable[[int, Person, list[tuple[str, Person]], list[Person], random.Random],
                     tuple[str, list[Named]]]


def write_testimonies(root: Path, count: int, seed: int = 7, *, write: Statement | None = None,
                      relatives_of: dict[str, tuple[str, ...]] = RELATIVES, prefix: str = "t",
                      ) -> list[dict[str, object]]:
    """``count`` statements ``t00000.txt``... into ``root``; returns the truth: where each
    statement first names each of its people (file, start, end, pid, name). ``write`` and
    ``relatives_of``: another language's statements and kinship nouns (the same people)."""
    write = write or statement
    gen = PersonGenerator(seed)
    rng = random.Random(seed + 1)
    pool = [gen.person(pid) for pid in range(max(count, 50))]
    # Zipf over the pool: a few prisoners recur in many statements, most in one or two.
    cum = list(accumulate(1.0 / rank for rank in range(1, len(pool) + 1)))
    pid = len(pool)
    truth: list[dict[str, object]] = []
    for i in range(count):
        informant = gen.person(pid)
        pid += 1
        relatives = []
        for _ in range(rng.randint(1, 3)):
            person = _relative(informant, gen, pid)
            pid += 1
            relatives.append((rng.choice(relatives_of[person.gender]), person))
        others = list({p.pid: p for p in rng.choices(pool, cum_weights=cum,
                                                     k=rng.randint(1, 3))}.values())
        text, named = write(i, informant, relatives, others, rng)
        name = f"{prefix}{i:05d}.txt"
        (root / name).write_text(text, encoding="utf-8")
        truth.extend({"file": name, "start": n.start, "end": n.end, "pid": n.pid,
                      "name": n.name} for n in named)
    return truth
