"""Synthetic person profiles with the name variation real testimony shows (benchmarks only).

Each synthetic person has a Cyrillic surname, given name, patronymic, gender, years and ties;
each of their profiles is one document's view of them: written in Cyrillic or in one of several
transliteration schemes, often with only a surname or initials, sometimes with the noise a
translation through a non-Latin intermediary leaves (l<->r, zh->r), typos, and dates off by one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate

from synthetic_data import (
    FEMALE_NAMES,
    FEMININE_ENDINGS,
    MALE_NAMES,
    ORGANIZATIONS,
    ROLES,
    STEM_CODAS,
    STEM_ONSETS,
    STEM_VOWELS,
    SURNAME_ENDINGS,
    SURNAME_STEMS,
)

from kartoteka.names.translit import to_latin
from kartoteka.resolve.profile import Profile

# How a document writes a Russian name: the script/scheme and its share of profiles.
SCRIPT_WEIGHTS: dict[str, float] = {
    "cyrillic": 0.45, "bgn": 0.33, "alalc": 0.08, "german": 0.06, "french": 0.04,
    "iso9": 0.02, "scholarly": 0.02,
}
# Which parts of the name a document gives, and their shares.
FORM_WEIGHTS: dict[str, float] = {
    "full": 0.38, "surname_given": 0.27, "surname_initials": 0.15, "surname": 0.17,
    "given_patronymic": 0.03,
}


@dataclass(frozen=True)
class Person:
    pid: int
    surname: str
    given: str
    patronymic: str
    gender: str
    birth_year: int
    death_year: int
    organizations: tuple[str, ...]
    roles: tuple[str, ...]


def _zipf_weights(n: int, exponent: float = 1.0) -> list[float]:
    return [1.0 / (rank**exponent) for rank in range(1, n + 1)]


class PersonGenerator:
    """Draws persons with Zipf-distributed surnames and given names, as real name lists have."""

    def __init__(self, seed: int = 7, n_stems: int = 5000) -> None:
        self.rng = random.Random(seed)
        stems = set(SURNAME_STEMS)
        while len(stems) < n_stems:
            stems.add(self._pseudo_stem())
        surnames = [
            stem + end for stem in sorted(stems) for end in SURNAME_ENDINGS
            if end or len(stem) >= 4
        ]
        self.rng.shuffle(surnames)
        self.surnames = surnames
        # Zipf 0.7 over ~50,000 surnames: the chance that two people share a surname is then
        # ~4e-4, as in the Moscow list (2.7e-4); given names ~0.03 there and here.
        self.surname_cum = list(accumulate(_zipf_weights(len(surnames), 0.7)))
        self.male = list(MALE_NAMES)
        self.rng.shuffle(self.male)
        self.male_cum = list(accumulate(_zipf_weights(len(self.male), 0.8)))
        self.female = list(FEMALE_NAMES)
        self.female_cum = list(accumulate(_zipf_weights(len(self.female), 0.8)))

    def _pseudo_stem(self) -> str:
        rng = self.rng
        syllables = rng.choice((1, 2, 2, 3))
        stem = "".join(rng.choice(STEM_ONSETS) + rng.choice(STEM_VOWELS) for _ in range(syllables))
        return (stem + rng.choice(STEM_CODAS)).capitalize()

    def person(self, pid: int) -> Person:
        rng = self.rng
        gender = "m" if rng.random() < 0.8 else "f"
        surname = rng.choices(self.surnames, cum_weights=self.surname_cum)[0]
        father = rng.choices(self.male, cum_weights=self.male_cum)[0]
        if gender == "f":
            for ending, feminine in FEMININE_ENDINGS.items():
                if surname.endswith(ending):
                    surname = surname[: -len(ending)] + feminine
                    break
            given = rng.choices(self.female, cum_weights=self.female_cum)[0]
            patronymic = MALE_NAMES[father][1]
        else:
            given = rng.choices(self.male, cum_weights=self.male_cum)[0]
            patronymic = MALE_NAMES[father][0]
        birth = rng.randint(1870, 1920)
        death = rng.randint(max(birth + 17, 1930), 1941)
        orgs = tuple(rng.sample(ORGANIZATIONS, rng.randint(1, 2)))
        roles = tuple(rng.sample(ROLES, rng.randint(1, 2)))
        return Person(pid, surname, given, patronymic, gender, birth, death, orgs, roles)


def _swap_liquid(word: str, rng: random.Random) -> str:
    """l<->r (and zh->r) as a translation through a non-Latin intermediary leaves them."""
    spots = [i for i, ch in enumerate(word) if ch.lower() in "lr"]
    if spots:
        i = rng.choice(spots)
        swapped = {"l": "r", "r": "l", "L": "R", "R": "L"}[word[i]]
        return word[:i] + swapped + word[i + 1 :]
    return word.replace("zh", "r", 1)


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.4:
        return word[:i] + word[i + 1 :]
    if kind < 0.7:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i] + word[i:]


def _noisy_surname(surname: str, latin: bool, rng: random.Random) -> str:
    roll = rng.random()
    if latin and roll < 0.05:
        return _swap_liquid(surname, rng)
    if latin and roll < 0.07 and surname.endswith("ov"):
        return surname[:-2] + rng.choice(("off", "ow"))
    if roll < 0.10 and rng.random() < 0.4:
        return _typo(surname, rng)
    return surname


def _year(value: int, present: float, rng: random.Random) -> int | None:
    if rng.random() >= present:
        return None
    return value + (rng.choice((-1, 1)) if rng.random() < 0.1 else 0)


def render_profile(person: Person, key: str, rng: random.Random) -> Profile:
    """One document's view of a person."""
    script = rng.choices(list(SCRIPT_WEIGHTS), list(SCRIPT_WEIGHTS.values()))[0]
    latin = script != "cyrillic"

    def write(text: str) -> str:
        return to_latin(text, scheme=script) if latin else text

    surname = _noisy_surname(write(person.surname), latin, rng)
    given, patronymic = write(person.given), write(person.patronymic)
    form = rng.choices(list(FORM_WEIGHTS), list(FORM_WEIGHTS.values()))[0]
    parts: dict[str, object] = {"surname": surname}
    if form == "full":
        parts.update(given=given, patronymic=patronymic)
        label = f"{given} {patronymic} {surname}" if latin else f"{surname} {given} {patronymic}"
    elif form == "surname_given":
        parts.update(given=given)
        label = f"{given} {surname}"
    elif form == "surname_initials":
        initials = (given[0], patronymic[0]) if rng.random() < 0.6 else (given[0],)
        parts.update(initials=initials)
        label = " ".join(f"{i}." for i in initials) + f" {surname}"
    elif form == "given_patronymic":
        parts.update(given=given, patronymic=patronymic, surname=None)
        label = f"{given} {patronymic}"
    else:
        label = surname
    k_orgs = rng.choice((0, 0, 1, 2))
    k_roles = rng.choice((0, 0, 1))
    return Profile(
        key=key, document_id=f"doc{rng.randrange(10**6)}", kind="person", label=label,
        names=[label], surname=parts.get("surname"),  # type: ignore[arg-type]
        given=parts.get("given"), patronymic=parts.get("patronymic"),  # type: ignore[arg-type]
        initials=tuple(parts.get("initials", ())),  # type: ignore[arg-type]
        gender=person.gender if rng.random() < 0.6 else None,
        birth_year=_year(person.birth_year, 0.4, rng),
        death_year=_year(person.death_year, 0.4, rng),
        organizations=[write(o) for o in person.organizations[:k_orgs]],
        roles=list(person.roles[:k_roles]), language="ru" if not latin else "en",
    )


def generate_profiles(n_profiles: int, seed: int = 7) -> tuple[list[Profile], dict[str, int]]:
    """Two profiles a person on average (1 + geometric); returns profiles and key -> person id."""
    gen = PersonGenerator(seed)
    rng = random.Random(seed + 1)
    profiles: list[Profile] = []
    truth: dict[str, int] = {}
    pid = 0
    while len(profiles) < n_profiles:
        person = gen.person(pid)
        count = 1
        while rng.random() < 0.5 and count < 6:
            count += 1
        for _ in range(min(count, n_profiles - len(profiles))):
            key = f"p{len(profiles):07d}"
            profiles.append(render_profile(person, key, rng))
            truth[key] = pid
        pid += 1
    return profiles, truth
