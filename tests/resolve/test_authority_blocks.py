"""Linking against some blocks of a list scores as against the whole list; blocks are found
across scripts; a name with a bracketed variant after the surname keeps its given name."""

from __future__ import annotations

import pytest

from kartoteka.names import surname_key, to_latin
from kartoteka.resolve.authority import (
    AuthorityRecord,
    link_authority,
    profile_blocks,
    record_profiles,
)
from kartoteka.resolve.profile import Profile


def person(key: str, label: str, **parts: object) -> Profile:
    return Profile(key=key, document_id="doc", kind="person", label=label, names=[label],
                   **parts)  # type: ignore[arg-type]


# A list of 2,400 made-up people: 60 surnames (Russian stems and suffixes) x 40 first-name and
# patronymic pairs, each with its own years.
STEMS = ("Сидор", "Карп", "Фом", "Лук", "Ерм", "Тит", "Савв", "Гур", "Дем", "Проц", "Мир", "Бел")
ENDS = ("ов", "ин", "енко", "ский", "ук")
GIVEN = ("Иван", "Петр", "Николай", "Сергей", "Алексей", "Михаил", "Федор", "Яков")
PATRONYMICS = ("Иванович", "Петрович", "Николаевич", "Сергеевич", "Михайлович")


def big_list() -> list[AuthorityRecord]:
    out = [AuthorityRecord("big", "kamenev", "Каменев (Розенфельд) Лев Борисович", 1883, 1936)]
    for i, (stem, end) in enumerate((s, e) for s in STEMS for e in ENDS):
        for j, (given, patronymic) in enumerate((g, p) for g in GIVEN for p in PATRONYMICS):
            out.append(AuthorityRecord("big", f"{i}-{j}", f"{stem}{end} {given} {patronymic}",
                                       1880 + (i + j) % 25, 1937 + j % 2))
    return out


def blocks_of(records: list[AuthorityRecord], profile: Profile) -> list[AuthorityRecord]:
    """The records ``relink`` passes on ingest: those filed under the profile's blocks."""
    wanted = profile_blocks(profile)
    return [r for r in records if surname_key(record_profiles(r)[0].surname or "") in wanted]


@pytest.mark.parametrize("profile", [
    person("k", "Lev Kamenev", surname="Kamenev", given="Lev"),
    person("s", "Ivan Sidorov", surname="Sidorov", given="Ivan", birth_year=1880),
    person("f", "Pyotr Ivanovich Fomin", surname="Fomin", given="Pyotr", patronymic="Ivanovich"),
])
def test_authority_blocks_of_a_list_score_as_the_whole_list(profile: Profile) -> None:
    records = big_list()
    subset = blocks_of(records, profile)
    assert 0 < len(subset) < len(records) / 20
    whole = {(m.record_id, m.decision): m.probability for m in link_authority([profile], records)}
    some = {(m.record_id, m.decision): m.probability
            for m in link_authority([profile], subset, list_sizes={"big": len(records)})}
    assert some.keys() == whole.keys()
    assert all(some[k] == pytest.approx(whole[k], abs=1e-6) for k in whole)


def test_authority_given_name_alone_does_not_link_on_a_few_blocks() -> None:
    """A given name and surname say too little in a list of thousands, whichever records are
    passed: without the list's size the few records of one block made it look certain."""
    records = big_list()
    profile = person("k", "Lev Kamenev", surname="Kamenev", given="Lev")
    subset = blocks_of(records, profile)
    assert [m.decision for m in link_authority([profile], subset)] == ["linked"]  # the old way
    assert [m.decision for m in link_authority([profile], subset,
                                               list_sizes={"big": len(records)})] == ["review"]


@pytest.mark.parametrize("scheme", ["french", "scholarly", "iso9", "german", "bgn", "popular"])
@pytest.mark.parametrize("surname", ["Хитрин", "Шмидт", "Трухин", "Лейканд", "Гельфенбейн"])
def test_authority_profile_blocks_reach_the_cyrillic_record(surname: str, scheme: str) -> None:
    latin = to_latin(surname, scheme)
    assert surname_key(surname) in profile_blocks(person("p", latin, surname=latin))


@pytest.mark.parametrize("scheme", ["popular", "bgn"])
@pytest.mark.parametrize("surname", ["Майоров", "Зайончиков", "Воробьёв", "Соловьёв"])
def test_authority_profile_blocks_read_yo_after_a_vowel_both_ways(surname: str, scheme: str
                                                                  ) -> None:
    """"yo" after a vowel is й + о (Майоров) or ё (Воробьёв): both records are reached."""
    latin = to_latin(surname, scheme)
    assert surname_key(surname) in profile_blocks(person("p", latin, surname=latin))


def test_authority_double_surname_reaches_each_part() -> None:
    blocks = profile_blocks(person("t", "Mikhail Trilisser-Moskvin", surname="Trilisser-Moskvin"))
    assert {surname_key("Москвин"), surname_key("Трилиссер")} <= blocks


def test_authority_bracketed_variant_after_the_surname_keeps_the_given_name() -> None:
    record = AuthorityRecord("t", "1", "Москвин (Трилиссер) Михаил (Меер) Абрамович", 1883, 1940)
    readings = [(p.surname, p.given, p.patronymic) for p in record_profiles(record)]
    assert readings[0] == ("Москвин", "Михаил", "Абрамович")
    assert ("Трилиссер", "Михаил", "Абрамович") in readings


def test_authority_bracketed_variant_links_the_full_name() -> None:
    records = [AuthorityRecord("t", "1", "Артузов (Фраучи) Артур Христианович", 1891, 1937),
               *big_list()[1:300]]
    profile = person("a", "Artur Khristianovich Artuzov", surname="Artuzov", given="Artur",
                     patronymic="Khristianovich", birth_year=1891, death_year=1937)
    matches = link_authority([profile], records)
    assert [(m.record_id, m.decision) for m in matches] == [("1", "linked")]
    assert matches[0].features["given"]["level"] == "exact"
