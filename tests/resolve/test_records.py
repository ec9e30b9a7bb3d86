"""Profiles as linkage records: keys computed in Python, before any backend sees them."""

from __future__ import annotations

import pytest

from kartoteka.resolve.dialect import records_table
from kartoteka.resolve.profile import Profile
from kartoteka.resolve.records import PERSON_COLUMNS, name_parts, person_row


def person(label: str, **parts: object) -> Profile:
    return Profile(key=label, document_id="d", kind="person", label=label, names=[label],
                   **parts)  # type: ignore[arg-type]


@pytest.mark.parametrize("spelling", ["Yezhov", "Ezhov", "Jeschow", "Iejov", "Ежов", "Ежова"])
def test_records_surname_key_is_script_independent(spelling: str) -> None:
    assert person_row(person(spelling, surname=spelling))["surname_key"] == person_row(
        person("Ежов", surname="Ежов"))["surname_key"]


@pytest.mark.parametrize(("a", "b"), [("Yezhov", "Yerov"), ("Molchanov", "Morchanov"),
                                      ("Kalin", "Karin")])
def test_records_loose_keys_meet_translation_noise(a: str, b: str) -> None:
    keys_a = set(person_row(person(a, surname=a))["loose_keys"])
    assert keys_a & set(person_row(person(b, surname=b))["loose_keys"])


def test_records_other_written_forms_add_surname_keys() -> None:
    profile = Profile(key="k", document_id="d", kind="person", label="Yezhov",
                      names=["Yezhov", "Yerev"], surname="Yezhov")
    alone = person_row(person("Yezhov", surname="Yezhov"))
    assert len(person_row(profile)["surname_keys"]) > len(alone["surname_keys"])


@pytest.mark.parametrize(
    ("initials", "given", "expected"),
    [(("N", "I"), None, ("N.", "I.")), (("N",), None, ("N.", None)),
     (("I",), "Nikolai", ("Nikolai", "I.")), ((), "Nikolai", ("Nikolai", None))],
)
def test_records_initials_stand_in_for_missing_parts(
    initials: tuple[str, ...], given: str | None, expected: tuple[str | None, str | None]
) -> None:
    parts = name_parts(person("x", surname="Yezhov", given=given, initials=initials))
    assert (parts.given, parts.patronymic) == expected


def test_records_patronymic_gives_gender() -> None:
    assert name_parts(person("x", given="Anna", patronymic="Ivanovna")).gender == "f"


def test_records_table_has_declared_columns_and_types() -> None:
    rows = [person_row(person("Yezhov", surname="Yezhov", birth_year=1895)),
            person_row(person("Anon"))]
    table = records_table(rows, PERSON_COLUMNS)
    assert table.column_names == list(PERSON_COLUMNS)
    assert table.num_rows == 2
    assert table.column("birth_year").to_pylist() == [1895, None]


def test_records_given_names_of_other_written_forms_join_the_given_groups() -> None:
    """Born Яков, known as Ян: both given names are the profile's, for conflicts and the
    given-name comparison."""
    profile = Profile(key="k", document_id="d", kind="person", label="Ян Лапин",
                      names=["Ян Лапин", "Яков Лапин", "Лапин"], surname="Лапин", given="Ян")
    assert name_parts(profile).other_given == ("Яков",)
    alone = person_row(person("Ян Лапин", surname="Лапин", given="Ян"))
    assert set(person_row(profile)["given_groups"]) > set(alone["given_groups"])
