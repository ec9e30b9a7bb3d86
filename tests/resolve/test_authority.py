"""Linking profiles to authority lists: calibrated, precision first, namesakes never linked."""

from __future__ import annotations

from pathlib import Path

import pytest

from kartoteka.resolve.authority import AuthorityRecord, link_authority, record_profiles
from kartoteka.resolve.profile import Profile

MOSCOW = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "memorial-moscow"
SOURCE = "memorial-moscow"


def person(key: str, label: str, **parts: object) -> Profile:
    return Profile(key=key, document_id="doc", kind="person", label=label, names=[label],
                   **parts)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def moscow() -> list[AuthorityRecord]:
    """The whole Moscow list, read at run time with the Memorial record parser."""
    path = MOSCOW / "records.jsonl"
    if not path.is_file():
        pytest.skip("../shared/corpus/memorial-moscow is not beside the repository")
    from kartoteka.relink.authority import read_authority_file

    return list(read_authority_file(path, SOURCE, "memorial"))


def ids_named(records: list[AuthorityRecord], prefix: str) -> set[str]:
    return {r.record_id for r in records if r.name.startswith(prefix)}


def linked(matches: list, key: str) -> set[str]:
    return {m.record_id for m in matches if m.profile_key == key and m.decision == "linked"}


@pytest.mark.parametrize(
    ("profile", "heading"),
    [
        (person("bokiy", "Gleb Ivanovich Bokii", surname="Bokii", given="Gleb",
                patronymic="Ivanovich", birth_year=1879, death_year=1937), "Бокий Глеб"),
        (person("berman", "Matvei Berman", surname="Berman", given="Matvei", birth_year=1898),
         "Берман Матвей"),
        (person("yezhov", "Nikolai Ivanovich Yezhov", surname="Yezhov", given="Nikolai",
                patronymic="Ivanovich", birth_year=1895, death_year=1940), "Ежов Николай"),
    ],
)
def test_authority_links_the_right_record_or_none(
    moscow: list[AuthorityRecord], profile: Profile, heading: str
) -> None:
    expected = ids_named(moscow, heading)  # empty when the list does not have the person
    matches = link_authority([profile], moscow)
    assert linked(matches, profile.key) == expected
    namesakes = ids_named(moscow, heading.split()[0]) - expected
    assert not {m.record_id for m in matches} & namesakes  # not even for review


@pytest.mark.parametrize(
    "profile",
    [
        person("orlov", "Orlov", surname="Orlov"),
        person("yagoda", "Genrikh Yagoda", surname="Yagoda", given="Genrikh", gender="m"),
        person("ezhov", "Yezhov", surname="Yezhov", death_year=1940),
    ],
)
def test_authority_namesakes_are_not_linked(
    moscow: list[AuthorityRecord], profile: Profile
) -> None:
    assert not ids_named(moscow, "Ежов Николай") and not ids_named(moscow, "Ягода Генрих")
    assert linked(link_authority([profile], moscow), profile.key) == set()


def test_authority_variant_name_finds_the_record(moscow: list[AuthorityRecord]) -> None:
    expected = {r.record_id for r in moscow if "Крутянский Тодрес" in r.name}
    assert expected
    profile = person("kru", "Todres Krutyansky", surname="Krutyansky", given="Todres")
    found = {m.record_id for m in link_authority([profile], moscow)}
    assert expected <= found


def list_of(*rows: tuple[str, int | None, int | None]) -> list[AuthorityRecord]:
    return [AuthorityRecord("test", str(i), name, birth, death)
            for i, (name, birth, death) in enumerate(rows, 1)]


BACKGROUND = [(f"{stem}{end} Иван Петрович", 1890 + i % 20, 1937 + i % 2)
              for i, (stem, end) in enumerate(
                  (s, e) for s in ("Сидор", "Карп", "Фом", "Лук", "Ерм", "Тит", "Савв", "Гур")
                  for e in ("ов", "ин", "енко", "ский", "ук"))]


def test_authority_surname_alone_never_links_however_rare() -> None:
    records = list_of(("Бокий Глеб Иванович", 1879, 1937), *BACKGROUND)
    profile = person("b", "Bokiy", surname="Bokiy")
    matches = link_authority([profile], records, link_threshold=0.05, review_threshold=0.01)
    assert [(m.record_id, m.decision) for m in matches] == [("1", "review")]


def test_authority_two_equal_fits_both_wait_for_review() -> None:
    records = list_of(("Орлов Иван Петрович", 1890, 1938), ("Орлов Иван Петрович", 1890, 1938),
                      *BACKGROUND)
    profile = person("o", "Ivan Petrovich Orlov", surname="Orlov", given="Ivan",
                     patronymic="Petrovich", birth_year=1890)
    matches = link_authority([profile], records, link_threshold=0.5)
    assert not [m for m in matches if m.decision == "linked"]
    ambiguous = {m.record_id for m in matches if m.features.get("ambiguous")}
    assert ambiguous == {"1", "2"}


def test_authority_conflicting_given_name_is_excluded() -> None:
    records = list_of(("Орлов Иван Петрович", 1890, 1938), ("Орлов Петр Иванович", 1890, 1938),
                      *BACKGROUND)
    profile = person("o", "Pyotr Ivanovich Orlov", surname="Orlov", given="Pyotr",
                     patronymic="Ivanovich", birth_year=1890)
    matches = link_authority([profile], records, link_threshold=0.5)
    assert [(m.record_id, m.decision) for m in matches] == [("2", "linked")]
    assert matches[0].features["given"]["level"] != "else"


def test_authority_record_variants_become_readings() -> None:
    record = AuthorityRecord("test", "1", "Карин Федор Яковлевич (Петрович) (Крутянский Тодрес"
                             " Янкелевич, Кутянский)", 1896, 1937)
    readings = [(p.surname, p.given, p.patronymic) for p in record_profiles(record)]
    assert readings[0] == ("Карин", "Федор", "Яковлевич")
    assert ("Карин", "Федор", "Петрович") in readings
    assert ("Крутянский", "Тодрес", "Янкелевич") in readings
    assert ("Кутянский", "Федор", "Яковлевич") in readings


def test_authority_years_apart_never_link() -> None:
    records = list_of(("Орлов Иван Петрович", 1895, 1938), *BACKGROUND)
    profile = person("o", "Ivan Petrovich Orlov", surname="Orlov", given="Ivan",
                     patronymic="Petrovich", birth_year=1890)
    matches = link_authority([profile], records, link_threshold=0.05, review_threshold=0.01)
    assert [m.record_id for m in matches if m.decision == "linked"] == []
    assert all(m.features["conflicts"] == ["birth_year"] for m in matches if m.record_id == "1")


def test_authority_conflicting_records_are_not_even_reviewed() -> None:
    records = list_of(("Ягода Лилия Григорьевна", 1902, 1938), *BACKGROUND)
    profile = person("g", "Genrikh Yagoda", surname="Yagoda", given="Genrikh", gender="m")
    assert link_authority([profile], records, link_threshold=1e-6, review_threshold=1e-9) == []
