"""The narrator and the narrator's relatives, read off the words before a name."""

from __future__ import annotations

import re

from kartoteka.extract.narrator import kin_relation, mark_narrator_and_kin
from kartoteka.model import Mention


def marks(text: str, surface: str, occurrence: int = 0) -> dict[str, object]:
    found = list(re.finditer(re.escape(surface), text))[occurrence]
    m = Mention(start=found.start(), end=found.end(), text=surface, kind="person",
                document_id="d", name=surface)
    mark_narrator_and_kin(text, [m])
    return m.attrs


def test_narrator_opens_a_signed_statement() -> None:
    assert marks("I, Pavel Semyonovich Lagin, was born in 1902 in Tver.",
                 "Pavel Semyonovich Lagin")["narrator"] is True
    assert marks("Я, Лагин Павел Семёнович, 1902 года рождения, показываю следующее.",
                 "Лагин Павел Семёнович")["narrator"] is True


def test_narrator_not_a_name_after_another_pronoun_or_open_apposition() -> None:
    assert "narrator" not in marks("He, Pavel Lagin, was born in 1902.", "Pavel Lagin")
    assert "narrator" not in marks("Then I, too, met Pavel Lagin there.", "Pavel Lagin")


def test_narrator_kin_of_the_narrator_in_apposition() -> None:
    attrs = marks("My father, Ilya Lagin, born in 1870, was a miller.", "Ilya Lagin")
    assert attrs["kin_of"] == "narrator" and attrs["kin_relation"] == "parent_of"
    assert attrs["kin"] == "father" and attrs["kin_gender"] == "m"
    attrs = marks("Our late elder sister Vera Lagina taught in Kimry.", "Vera Lagina")
    assert attrs["kin_of"] == "narrator" and attrs["kin_relation"] == "sibling_of"
    attrs = marks("Моего брата, Илью Лагина, взяли весной.", "Илью Лагина")
    assert attrs["kin_of"] == "narrator" and attrs["kin_relation"] == "sibling_of"


def test_narrator_kin_of_someone_else_is_not_the_narrators() -> None:
    attrs = marks("His father, Ilya Lagin, born in 1870, was a miller.", "Ilya Lagin")
    assert attrs["kin"] == "father" and "kin_of" not in attrs
    assert "kin_of" not in marks("Его сестра Вера Лагина жила в Кимрах.", "Вера Лагина")


def test_narrator_apposition_must_close_to_mark_kin() -> None:
    # "Besides my father, X was taken": the comma ends a phrase, X is not the father
    assert marks("Besides my father, Ilya Lagin was taken that night.", "Ilya Lagin") == {}


def test_narrator_kin_relation_classes() -> None:
    assert kin_relation("father") == kin_relation("mother") == "parent_of"
    assert kin_relation("отца") == kin_relation("мать") == "parent_of"
    assert kin_relation("widow") == kin_relation("жена") == "spouse_of"
    assert kin_relation("uncle") != kin_relation("grandfather")
    assert kin_relation("relative") == kin_relation("родственник") == ""


def test_narrator_a_capitalised_kin_title_names_the_narrators_relative() -> None:
    # the family's form of address as the narrator uses it: "Uncle Fyodor", "Aunt Masha"
    attrs = marks("Uncle Fyodor was taken away in 1937.", "Fyodor")
    assert attrs["kin_of"] == "narrator" and attrs["kin"] == "uncle"
    attrs = marks("That winter Granny Dunya was arrested.", "Dunya")
    assert attrs["kin_of"] == "narrator" and attrs["kin_gender"] == "f"


def test_narrator_a_kin_title_after_another_possessive_or_in_lower_case_is_not_the_narrators(
) -> None:
    assert "kin_of" not in marks("Our neighbour said his Uncle Fyodor was shot.", "Fyodor")
    assert "kin_of" not in marks("The uncle Fyodor had spoken of was shot.", "Fyodor")
