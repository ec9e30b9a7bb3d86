from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from kartoteka.resolve.across import link_profiles
from kartoteka.resolve.lone import lone_surnames, mark_lone_surnames
from kartoteka.resolve.profile import Profile
from kartoteka.resolve.records import name_parts, person_row


def person(key: str, label: str, **parts: object) -> Profile:
    return Profile(key=key, document_id=f"doc-{key}", kind="person", label=label,
                   names=[label], **parts)  # type: ignore[arg-type]


@dataclass
class Pair:
    a: str
    b: str
    probability: float
    features: dict[str, Any] = field(default_factory=dict)


def marked(profiles: list[Profile], a: str, b: str, probability: float, level: str,
           against: str | None = None) -> bool:
    rows = [person_row(p) for p in profiles]
    parts = {p.key: name_parts(p) for p in profiles}
    features: dict[str, Any] = {"surname": {"level": level, "weight": 9.0},
                                "given": {"level": "null", "weight": 0.0}}
    if against:
        features[against] = {"level": "else", "weight": -3.0}
    pair = Pair(a, b, probability, features)
    mark_lone_surnames([pair], rows, parts, 0.9)
    return pair.features.get("lone_surname") is True


def test_lone_bare_surname_meets_its_only_bearer() -> None:
    profiles = [person("bare", "Gorbunov", surname="Gorbunov"),
                person("full", "Ilya Gorbunov", surname="Gorbunov", given="Ilya"),
                person("same", "Илья Горбунов", surname="Горбунов", given="Илья")]
    assert marked(profiles, "bare", "full", 0.89, "exact")
    assert marked(profiles, "bare", "same", 0.89, "same main key")


def test_lone_second_bearer_keeps_bare_surname_out() -> None:
    profiles = [person("bare", "Gorbunov", surname="Gorbunov"),
                person("ilya", "Ilya Gorbunov", surname="Gorbunov", given="Ilya"),
                person("oleg", "Oleg Gorbunov", surname="Gorbunov", given="Oleg")]
    assert "gorbunov" not in {k.lower() for k in lone_surnames(
        [person_row(p) for p in profiles], {p.key: name_parts(p) for p in profiles})}
    assert not marked(profiles, "bare", "ilya", 0.89, "exact")


@pytest.mark.parametrize(
    ("level", "given", "against"),
    [
        ("exact", None, "organizations"),  # the model found something against the pair
        ("exact", None, "gender"),
        ("loose key", None, None),  # a variant spelling (Solovov / Solovyov)
        ("exact", "Ilya", None),  # two named profiles: the names decide
    ],
)
def test_lone_promotes_only_a_bare_same_surname_with_nothing_against(
        level: str, given: str | None, against: str | None) -> None:
    profiles = [person("bare", "Gorbunov", surname="Gorbunov", given=given),
                person("full", "Ilya Gorbunov", surname="Gorbunov", given="Ilya")]
    assert not marked(profiles, "bare", "full", 0.89, level, against)


def test_lone_two_bearers_differing_only_in_a_date_are_one() -> None:
    profiles = [person("bare", "Gorbunov", surname="Gorbunov"),
                person("a", "Ilya Gorbunov", surname="Gorbunov", given="Ilya", death_year=1938),
                person("b", "Ilya Gorbunov", surname="Gorbunov", given="Ilya", death_year=1941)]
    assert marked(profiles, "bare", "a", 0.89, "exact")


def _crowd(n: int) -> list[Profile]:
    """Many different people, so the prior falls as in a real corpus."""
    given = ["Ivan", "Pyotr", "Anna", "Boris", "Elena", "Fyodor", "Grigory", "Maria"]
    stems = ["Abak", "Belot", "Chern", "Dubk", "Fomich", "Galk", "Kuzm", "Lapsh", "Muh", "Nos",
             "Pash", "Rudn", "Sitn", "Tolk", "Ushak", "Vlas", "Zhuk", "Yarts", "Erm", "Osip"]
    return [person(f"c{i}", f"{given[i % 8]} {stems[i % 20]}{'ov' * (1 + i // 20)}",
                   surname=f"{stems[i % 20]}{'ov' * (1 + i // 20)}", given=given[i % 8])
            for i in range(n)]


@pytest.mark.parametrize(("rival", "joins"), [(None, True), ("Oleg", False)])
def test_lone_links_bare_surnames_in_a_large_corpus(rival: str | None, joins: bool) -> None:
    profiles = [person("bare1", "Gorbunov", surname="Gorbunov"),
                person("bare2", "Gorbunov", surname="Gorbunov"),
                person("full", "Ilya Gorbunov", surname="Gorbunov", given="Ilya"), *_crowd(200)]
    if rival:
        profiles.append(person("rival", f"{rival} Gorbunov", surname="Gorbunov", given=rival))
    linkage = link_profiles(profiles)
    assert ("bare1" in linkage.cluster_of("full")) is joins
    assert ("bare2" in linkage.cluster_of("bare1")) is joins


@pytest.mark.parametrize(("bare", "joins"), [("Gorbunova", False), ("Горбунова", False),
                                             ("Gorbunov", True)])
def test_lone_bare_surname_of_the_other_gender_stays_apart(bare: str, joins: bool) -> None:
    """A bare "Gorbunova" is a woman: not Ilya Gorbunov, the only named Gorbunov."""
    profiles = [person("bare", bare, surname=bare),
                person("full", "Ilya Gorbunov", surname="Gorbunov", given="Ilya", gender="m")]
    assert marked(profiles, "bare", "full", 0.89, "same main key") is joins


def _rows(profiles: list[Profile]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    return [person_row(p) for p in profiles], {p.key: name_parts(p) for p in profiles}


@pytest.mark.parametrize(("bare_bearers", "lone"), [(20, True), (150, False)])
def test_lone_common_surname_is_never_lone(bare_bearers: int, lone: bool) -> None:
    """A surname that a large share of the input bears is common: a bare mention of it may be
    anybody's, however few of its bearers are named."""
    profiles = [person("full", "Ilya Gorbunov", surname="Gorbunov", given="Ilya"), *_crowd(250),
                *(person(f"b{i}", "Gorbunov", surname="Gorbunov") for i in range(bare_bearers))]
    rows, parts = _rows(profiles)
    key = next(r["surname_key"] for r in rows if r["unique_id"] == "full")
    assert (key in lone_surnames(rows, parts)) is lone
