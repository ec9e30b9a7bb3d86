"""Gender from patronymic, given name and surname ending."""

from __future__ import annotations

import pytest

from kartoteka.names import PersonName, gender_of
from kartoteka.names.gender import gender_from_parts, patronymic_gender, surname_gender


@pytest.mark.parametrize(
    ("surname", "expected"),
    [("Ежова", "f"), ("Ежов", "m"), ("Yezhova", "f"), ("Yezhov", "m"), ("Тухачевская", "f"),
     ("Tukhachevsky", "m"), ("Tukhachevskaya", "f"), ("Ягода", None), ("Yagoda", None),
     ("Толстая", "f"), ("Антонова-Овсеенко", "f")],
)
def test_gender_surname_endings(surname: str, expected: str | None) -> None:
    assert surname_gender(surname) == expected


@pytest.mark.parametrize(
    ("patronymic", "expected"),
    [("Ивановна", "f"), ("Иванович", "m"), ("Ivanovna", "f"), ("Iwanowitsch", "m"),
     ("Ilyinichna", "f"), ("Соломоновна", "f"), ("Ivan", None)],
)
def test_gender_patronymic_endings(patronymic: str, expected: str | None) -> None:
    assert patronymic_gender(patronymic) == expected


def test_gender_patronymic_outranks_surname_ending() -> None:
    # A woman with a surname of masculine shape (Лессин) is still a woman by her patronymic.
    assert gender_from_parts("Лессин", None, "Августовна") == "f"


@pytest.mark.parametrize(
    ("name", "expected"),
    [(PersonName("Yagoda", "Genrikh", None), "m"), (PersonName("Kork", "Evgenia", None), "f"),
     (PersonName("Kork", None, None), None), (PersonName("Kork", None, None, gender="f"), "f")],
)
def test_gender_of_person_name(name: PersonName, expected: str | None) -> None:
    assert gender_of(name) == expected
