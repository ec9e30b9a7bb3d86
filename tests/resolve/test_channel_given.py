"""Within one document: a given name the translation channel mangled (made-up texts)."""

from __future__ import annotations

import pytest

from kartoteka.names.channel_given import channel_given_pair, known_given_name
from tests.resolve.test_within import entity_of, people_of


def _one(text: str, surfaces: list[str]) -> bool:
    entities, found = people_of(text, surfaces)
    owners = {id(entity_of(entities, ms[0])) for ms in found.values() if ms}
    return len(owners) == 1


@pytest.mark.parametrize(
    ("mangled", "known"),
    [("Nozheda", "Nadezhda"), ("Vecheslaf", "Vyacheslav"), ("Mikhair", "Mikhail"),
     ("Rabrenti", "Lavrenty"), ("Ножеда", "Надежда")],
)
def test_a_mangled_given_name_is_a_channel_variant(mangled: str, known: str) -> None:
    assert not known_given_name(mangled)
    assert channel_given_pair(mangled, known)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Anna", "Anfisa"), ("Мария", "Марина"), ("Юрий", "Юлий"),  # two real names
        ("Heinz", "Hans"),  # a name of two consonants: too little to tell
        ("Zoltan", "Nadezhda"),  # nothing the channel does
        ("Nozheda", "Natasha"),  # a syllable changed and one dropped: too far
        ("N.", "Nadezhda"),  # an initial is no mangled name
    ],
)
def test_real_or_distant_names_are_no_channel_variant(a: str, b: str) -> None:
    assert not channel_given_pair(a, b)


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("Nadezhda Orlova came home late. Her husband was silent.\n\nThat night Nozheda "
         "Orlova wrote to her sister.", ["Nadezhda Orlova", "Nozheda Orlova"]),
        ("Vecheslaf Gurin was the first to speak. Nobody answered him.\n\nLater "
         "Vyacheslav Gurin left the room.", ["Vecheslaf Gurin", "Vyacheslav Gurin"]),
        # the surname mangled too, the channel's way (l/r, voicing)
        ("Mikhail Dubrov drove the car. The road was empty.\n\nMikhair Tuprov stopped at "
         "the gate.", ["Mikhail Dubrov", "Mikhair Tuprov"]),
    ],
)
def test_a_mangled_given_name_joins_its_person(text: str, surfaces: list[str]) -> None:
    assert _one(text, surfaces)


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        # Sisters with two real names stay two.
        ("Anna Orlova was arrested in May.\n\nHer sister Anfisa Orlova was exiled.",
         ["Anna Orlova", "Anfisa Orlova"]),
        # One sentence naming a real name and an unknown one: two people.
        ("Nadezhda Orlova and Nozheda Orlova came in together.",
         ["Nadezhda Orlova", "Nozheda Orlova"]),
        # Genders that differ (the surname's ending): a brother, not she.
        ("Nadezhda Orlova came home late.\n\nNozhed Orlov, her brother's son, stayed.",
         ["Nadezhda Orlova", "Nozhed Orlov"]),
        # Another family: the surnames do not agree.
        ("Nadezhda Orlova came home late.\n\nNozheda Gurina stayed.",
         ["Nadezhda Orlova", "Nozheda Gurina"]),
    ],
)
def test_a_mangled_given_name_keeps_different_people_apart(text: str, surfaces: list[str]
                                                            ) -> None:
    assert not _one(text, surfaces)


def test_a_mangled_given_name_fitting_two_people_stays_alone() -> None:
    # "Grikory" may be the channel's Grigory or Georgy, and they are brothers.
    text = ("Grigory Gurov came in May. Later that year Georgy Gurov came too.\n\n"
            "Grikory Gurov left in July.")
    entities, found = people_of(text, ["Grigory Gurov", "Georgy Gurov", "Grikory Gurov"])
    mangled = entity_of(entities, found["Grikory Gurov"][0])
    assert mangled is not entity_of(entities, found["Grigory Gurov"][0])
    assert mangled is not entity_of(entities, found["Georgy Gurov"][0])


def test_a_mangled_given_name_far_from_its_namesake_stays_alone() -> None:
    filler = "Nothing happened that year. " * 120
    text = f"Nadezhda Orlova came home late.\n\n{filler}\n\nNozheda Orlova was shot."
    assert not _one(text, ["Nadezhda Orlova", "Nozheda Orlova"])


def test_a_mangled_given_name_leaves_the_known_name_as_label() -> None:
    entities, found = people_of("Nozheda Orlova came. Later Nadezhda Orlova left.",
                                ["Nozheda Orlova", "Nadezhda Orlova"])
    assert entity_of(entities, found["Nozheda Orlova"][0]).label == "Nadezhda Orlova"


def test_a_bare_surname_left_between_the_two_forms_joins_them() -> None:
    # "Orlova" first fits both full names equally; once they are one, it is hers.
    text = ("Why did Orlova die? Gurin told me that Nozheda Orlova shot herself.\n\nGurin "
            "went home. Kalin went home.\n\nThe guards saw that Nadezhda Orlova was shot.")
    assert _one(text, ["Orlova", "Nozheda Orlova", "Nadezhda Orlova"])
