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


def test_records_bound_blocks_split_large_blocks_by_a_second_key() -> None:
    from kartoteka.resolve.records import bound_blocks

    names = ["Ivan", "Pyotr", "Semyon", "Boris"]
    rows = [person_row(person(f"Smirnov {i}", surname="Smirnov", given=names[i % 4]))
            for i in range(12)]
    rows.append(person_row(person("Smirnov", surname="Smirnov")))  # a bare common surname
    rows.append(person_row(person("Bokiy", surname="Bokiy", given="Gleb")))
    bound_blocks(rows, max_block=5)
    blocks: dict[str, int] = {}
    for row in rows:
        for key in row["block_keys"] or ():
            blocks[key] = blocks.get(key, 0) + 1
    assert max(blocks.values()) <= 5
    assert rows[-2]["block_keys"] is None  # no second key: it could not link by itself
    assert rows[-1]["block_keys"] == rows[-1]["loose_keys"]  # a small block stays whole
    assert rows[0]["block_keys"] != rows[1]["block_keys"]  # Ivan and Pyotr Smirnov apart


def test_records_bound_blocks_drop_a_name_pair_block_still_large_with_the_year() -> None:
    from kartoteka.resolve.records import bound_blocks

    def ivan(surname: str, year: int | None) -> dict:
        row = person_row(Profile(key=f"{surname}{year}", document_id="d", kind="person",
                                 label=f"{surname} Ivan Ivanovich", names=[surname],
                                 surname=surname, given="Ivan", patronymic="Ivanovich",
                                 birth_year=year))
        return row

    surnames = ["Orlov", "Petrov", "Sidorov", "Kozlov", "Volkov", "Popov", "Lebedev"]
    rows = [ivan(s, 1900) for s in surnames]  # seven Ivan Ivanovich born in 1900
    rows += [ivan(s, 1901 + i) for i, s in enumerate(surnames[:3])]
    bound_blocks(rows, max_block=5)
    assert [row["pair_block_key"] for row in rows[:7]] == [None] * 7
    assert len({row["pair_block_key"] for row in rows[7:]}) == 3  # small with their years
    assert all(row["pair_block_key"].endswith(str(row["birth_year"])) for row in rows[7:])


def test_records_birthplace_key_is_script_independent() -> None:
    a = person_row(person("Ivan Smirnov", surname="Smirnov", birthplace="Warszawa"))
    b = person_row(person("Иван Смирнов", surname="Смирнов", birthplace="Варшава"))
    c = person_row(person("Ivan Smirnov", surname="Smirnov", birthplace="Vitebsk"))
    d = person_row(person("Ivan Smirnov", surname="Smirnov", birthplace="Varchava"))  # French
    e = person_row(person("Ivan Smirnov", surname="Smirnov", birthplace="Archangelsk"))
    f = person_row(person("Иван Смирнов", surname="Смирнов", birthplace="Архангельск"))

    def meet(x: dict, y: dict) -> bool:
        return bool(set(x["birthplace_key"]) & set(y["birthplace_key"]))

    assert meet(a, b) and meet(b, d) and meet(e, f)
    assert not meet(a, c) and not meet(c, f)


def test_records_rows_of_one_name_share_keys_not_identity() -> None:
    # The name columns are computed once per name form; what is the record's own stays its own.
    first, second = (
        Profile(key=key, document_id="d", kind="person", label="Ежов Николай Иванович",
                names=["Ежов Николай Иванович"], surname="Ежов", given="Николай",
                patronymic="Иванович", birth_year=year)
        for key, year in (("a", 1895), ("b", 1901))
    )
    row_a, row_b = person_row(first), person_row(second, name_parts(second))
    assert (row_a["unique_id"], row_a["birth_year"]) == ("a", 1895)
    assert (row_b["unique_id"], row_b["birth_year"]) == ("b", 1901)
    assert row_a["surname_keys"] == row_b["surname_keys"] and row_a["given_key"] == "nikolai"
    row_a["birth_year"] = 0  # a row is the caller's to change; the other row is not touched
    assert person_row(second)["birth_year"] == 1901


def test_records_initial_letters_meet_the_latin_form_of_the_name() -> None:
    # И. for Иосиф meets Josef (German, English) and Józef's Polish patronymic Józefowicz.
    initial = person_row(person("И. И. Петров", surname="Петров", initials=("И", "И")))
    full = person_row(person("Josef Josifowicz Petrow", surname="Petrow", given="Josef",
                             patronymic="Josifowicz"))
    other = person_row(person("Aleksandr Petrow", surname="Petrow", given="Aleksandr"))
    assert set(initial["given_letters"]) & set(full["given_letters"])
    assert set(initial["patronymic_letters"]) & set(full["patronymic_letters"])
    assert not set(initial["given_letters"]) & set(other["given_letters"])



def test_records_person_columns_follow_the_row_values_order() -> None:
    from kartoteka.resolve.records import _GIVEN_COLUMNS, _SURNAME_COLUMNS

    names = list(PERSON_COLUMNS)
    start = names.index(_SURNAME_COLUMNS[0])
    assert names[start:start + len(_SURNAME_COLUMNS) + len(_GIVEN_COLUMNS)] == [
        *_SURNAME_COLUMNS, *_GIVEN_COLUMNS]
    assert names[0] == "unique_id" and names[-2:] == ["block_keys", "pair_block_key"]


def test_records_name_caches_return_what_a_fresh_computation_does() -> None:
    from kartoteka.resolve.records import (
        _given_columns,
        _surname_columns,
        forget_name_columns,
        record_columns,
    )

    profiles = [person("Ivan Petrovich Yezhov", surname="Yezhov", given="Ivan",
                       patronymic="Petrovich", birth_year=1895, birthplace="Warszawa"),
                person("Иван Петрович Ежов", surname="Ежов", given="Иван", patronymic="Петрович"),
                person("N. Yezhov", surname="Yezhov", initials=("N",), roles=["chekist"]),
                person("Anon")]
    columns = record_columns(profiles)  # the caches now hold these names
    for key, values in columns.items():
        assert len(values) == len(profiles), key
    for i, profile in enumerate(profiles):
        row = person_row(profile)
        for name in PERSON_COLUMNS:
            if name not in ("block_keys", "pair_block_key"):
                assert columns[name][i] == row[name], name
        parts = name_parts(profile)
        forms = (profile.surname,) if profile.surname else ()
        assert _surname_columns(forms) == _surname_columns.__wrapped__(forms)
        args = (parts.given, parts.patronymic, parts.other_given)
        assert _given_columns(*args) == _given_columns.__wrapped__(*args)
    forget_name_columns()
    assert _surname_columns.cache_info().currsize == 0


def test_records_record_columns_of_no_profiles_are_empty_columns() -> None:
    from kartoteka.resolve.records import record_columns

    assert record_columns([]) == {name: [] for name in PERSON_COLUMNS}
