"""Within one document: forms of a name the translation channel mangled (made-up texts)."""

from __future__ import annotations

import pytest

from tests.resolve.test_within import entity_of, people_of


def _one(text: str, surfaces: list[str]) -> bool:
    entities, found = people_of(text, surfaces)
    owners = {id(entity_of(entities, ms[0])) for ms in found.values() if ms}
    return len(owners) == 1


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        # One chief of the guard, three ways, a paragraph apart.
        ("The chief of the guard Dubrov woke early.\n\nTuplov drove to the dacha at dawn. "
         "The guests were late.\n\nAt noon Dubrof reported to the master.",
         ["Dubrov", "Tuplov", "Dubrof"]),
        # A surname cut into two English words by the channel.
        ("Grushin was summoned at night. He came at once.\n\n\"Yes,\" Gru Shin said, "
         "\"I took them straight out of bed.\"", ["Grushin", "Gru Shin"]),
        # ж read as r, the dictionary's form named first.
        ("Yezhov signed the order. Later that week Yerov signed another.", ["Yezhov", "Yerov"]),
    ],
)
def test_channel_within_joins_forms_in_one_scene(text: str, surfaces: list[str]) -> None:
    assert _one(text, surfaces)


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        # Named in one sentence: two people, however alike.
        ("Dubrov and Tuplov drove to the dacha together.", ["Dubrov", "Tuplov"]),
        # Two dictionary surnames one letter apart are two families.
        ("Gorin was arrested in May.\n\nHis friend Korin fled.", ["Gorin", "Korin"]),
        # Items of a list are different people, each with a post.
        ("The arrested:\nCommissar of Finance Grinov,\nCommissar of Justice Krinov,\n"
         "Commissar of Trade Petrov\n", ["Grinov", "Krinov", "Petrov"]),
        # Different given names are different people.
        ("Ivan Dubrov was a driver. Later Pyotr Tuplov came to work.",
         ["Ivan Dubrov", "Pyotr Tuplov"]),
        # Initials that another person's given name cannot have: two people.
        # (surnames in -ich show no gender)
        ("I shared a cell with K. Z. Divich. Divich was exiled.\n\nLater I met Anna "
         "Duvovich, a typist. Duvovich was shot.", ["K. Z. Divich", "Divich", "Anna Duvovich",
                                                     "Duvovich"]),
    ],
)
def test_channel_within_keeps_different_people_apart(text: str, surfaces: list[str]) -> None:
    assert not _one(text, surfaces)


def test_channel_within_keeps_scenes_far_apart_separate() -> None:
    filler = "Nothing happened that year. " * 120
    text = f"Dubrov drove the car.\n\n{filler}\n\nTuplov was shot in the spring."
    assert not _one(text, ["Dubrov", "Tuplov"])


def test_channel_within_ambiguous_variant_stays_alone() -> None:
    # Tuplov fits Dubrov and Tubrov equally, and they are two men: it goes to neither.
    text = "Ivan Dubrov and Pyotr Tubrov came in May.\n\nTuplov left in July."
    entities, found = people_of(text, ["Ivan Dubrov", "Pyotr Tubrov", "Tuplov"])
    tuplov = entity_of(entities, found["Tuplov"][0])
    assert tuplov is not entity_of(entities, found["Ivan Dubrov"][0])
    assert tuplov is not entity_of(entities, found["Pyotr Tubrov"][0])


def test_channel_within_keeps_the_dictionary_form_as_label() -> None:
    entities, found = people_of("Gaminev came. Gaminev left. Then Kamenev returned.",
                                ["Gaminev", "Kamenev"])
    assert entity_of(entities, found["Gaminev"][0]).label == "Kamenev"


def test_channel_within_a_cut_up_name_never_names_the_person() -> None:
    entities, found = people_of("Lu Pin spoke first. Lu Pin spoke again.\n\nThen Lupin left.",
                                ["Lu Pin", "Lupin"])
    assert entity_of(entities, found["Lu Pin"][0]).label == "Lupin"


def test_channel_within_keeps_the_form_nearest_the_others() -> None:
    # Dubrov and Dubrof are one spelling family, Tuplov the channel's: Dubrov names him even
    # though Tuplov is written most often.
    text = "Tuplov slept. Dubrov woke.\n\nDubrof replied. Tuplov ran. Tuplov left.\n\nTuplov came."
    entities, found = people_of(text, ["Tuplov", "Dubrov", "Dubrof"])
    assert entity_of(entities, found["Tuplov"][0]).label in ("Dubrov", "Dubrof")
    assert entity_of(entities, found["Tuplov"][0]) is entity_of(entities, found["Dubrov"][0])


def test_channel_within_keeps_two_names_of_two_rolls_apart() -> None:
    # Each named in an enumeration of running text: a roll names each of its people.
    text = ("Yakir, Kork, Eideman and Dubrov were tried in June. The court was Ulrikh, Alksnis, "
            "Tuplov and Dybenko.")
    names = ["Yakir", "Kork", "Eideman", "Dubrov", "Ulrikh", "Alksnis", "Tuplov", "Dybenko"]
    entities, found = people_of(text, names)
    assert entity_of(entities, found["Dubrov"][0]) is not entity_of(entities, found["Tuplov"][0])


def test_channel_within_three_people_in_a_sentence_are_no_roll() -> None:
    # Only an enumeration names each of its people once; a clause naming three is a scene.
    text = ("Yakir, Kork, Eideman and Dubrov were tried in June. The court met at night.\n\n"
            "Yagoda feared that Tuplov and Kamenev would talk.")
    names = ["Yakir", "Kork", "Eideman", "Dubrov", "Yagoda", "Tuplov", "Kamenev"]
    entities, found = people_of(text, names)
    assert entity_of(entities, found["Dubrov"][0]) is entity_of(entities, found["Tuplov"][0])
