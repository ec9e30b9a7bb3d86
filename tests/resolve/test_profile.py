"""Profiles: the people named in the same scenes (context for channel variants)."""

from __future__ import annotations

from kartoteka.resolve.profile import build_profiles
from kartoteka.resolve.within import within
from tests.helpers import hand_extraction

TEXT = ("Ivan Dubrov met Pyotr Lebedev.\n\nLater Dubrov drove Anna Grekova home.\n\n"
        "Nothing happened.\n\nNothing at all.\n\nBoris Zimin came in winter.")
NAMES = [(n, "person", None) for n in
         ("Ivan Dubrov", "Pyotr Lebedev", "Anna Grekova", "Boris Zimin")]


def _profiles(text: str, names: list[tuple[str, str, None]]) -> dict[str, object]:
    extraction = hand_extraction(text, names)
    profiles = build_profiles(extraction, within(extraction))
    return {p.label: p for p in profiles.values() if p.kind == "person"}


def test_profile_comentioned_are_the_people_of_its_scenes() -> None:
    profiles = _profiles(TEXT, [*NAMES, ("Dubrov", "person", None)])
    assert profiles["Ivan Dubrov"].comentioned == ["Anna Grekova", "Pyotr Lebedev"]
    assert profiles["Boris Zimin"].comentioned == []  # three paragraphs away: another scene


def test_profile_comentioned_reach_the_next_paragraph() -> None:
    profiles = _profiles(TEXT, NAMES)
    assert "Anna Grekova" in profiles["Pyotr Lebedev"].comentioned


def test_profile_comentioned_leave_out_a_list() -> None:
    people = ["Belov", "Orlov", "Sokolov", "Petrov", "Zotov", "Kirillov", "Markov", "Titov",
              "Frolov", "Gusev", "Zuev", "Lapin", "Nosov", "Rybin"]
    text = "Ivan Dubrov wrote. " + ", ".join(people) + " were shot."
    profiles = _profiles(text, [("Ivan Dubrov", "person", None),
                                *[(p, "person", None) for p in people]])
    assert profiles["Ivan Dubrov"].comentioned == []


def test_profile_roles_are_posts_not_a_sentences_penalty() -> None:
    from dataclasses import replace

    text = "Ivan Dubrov, deputy head of the camp, was sentenced to death in 1938."
    extraction = hand_extraction(text, [("Ivan Dubrov", "person", None)],
                                 [("sentence", "Ivan Dubrov", "1938"),
                                  ("position", "Ivan Dubrov", None)])
    claims = [replace(c, role="death" if c.type == "sentence" else "deputy head")
              for c in extraction.claims]
    extraction = replace(extraction, claims=claims)
    profiles = build_profiles(extraction, within(extraction))
    person = next(p for p in profiles.values() if p.label == "Ivan Dubrov")
    assert person.roles == ["deputy head"]
    assert "sentence" in person.fates


def _with_object(claim_type: str) -> dict[str, object]:
    from dataclasses import replace

    text = "Oleg Pikor was the secretary of Lev Zimin. Anna Grekova came later."
    names = [(n, "person", None) for n in ("Oleg Pikor", "Lev Zimin", "Anna Grekova")]
    extraction = hand_extraction(text, names, [(claim_type, "Oleg Pikor", None)])
    zimin = next(m for m in extraction.mentions if m.text == "Lev Zimin")
    extraction = replace(extraction, claims=[replace(c, object=zimin.id)
                                             for c in extraction.claims])
    profiles = build_profiles(extraction, within(extraction))
    return {p.label: p for p in profiles.values() if p.kind == "person"}


def test_profile_ties_are_the_people_it_worked_under_either_way_round() -> None:
    profiles = _with_object("subordinate_of")
    assert profiles["Oleg Pikor"].ties == ["Lev Zimin"]
    assert profiles["Lev Zimin"].ties == ["Oleg Pikor"]  # one tie, seen from both ends
    assert profiles["Anna Grekova"].ties == []


def test_profile_kin_are_relatives_not_ties() -> None:
    profiles = _with_object("sibling_of")
    assert profiles["Oleg Pikor"].ties == []
    assert profiles["Oleg Pikor"].relatives == ["Lev Zimin"]
