"""Posts said of a name without a verb: the roll line, the apposition, the title before the
name (made-up sentences; fast: one small model per session)."""

from __future__ import annotations

import pytest


def posts(extract_en, text: str) -> set[tuple[str, str, str | None]]:
    """(type, holder, role) of the post and membership claims of a made-up text."""
    ex = extract_en(text)
    by_id = {m.id: m for m in ex.mentions}
    return {(c.type, by_id[c.subject].text, c.role) for c in ex.claims
            if c.type in ("position", "member_of")}


ROLL = ("The accused were:\n"
        "1. Pyotr Semyonov - Kremlin doctor\n"
        "2. Ivan Dorokhov – former People's Commissar for Finance\n"
        "3. Oleg Bykov — economist, former editor of Pravda and member of the Politburo\n")


def test_roll_roles_a_roll_line_gives_each_name_its_role(extract_en) -> None:
    found = posts(extract_en, ROLL)
    assert ("position", "Pyotr Semyonov", "Kremlin doctor") in found
    assert ("position", "Ivan Dorokhov", "People's Commissar for Finance") in found
    assert ("position", "Oleg Bykov", "economist") in found
    assert any(holder == "Oleg Bykov" and role.startswith("editor")
               for _, holder, role in found if role)
    assert ("member_of", "Oleg Bykov", "member of the Politburo") in found


def test_roll_roles_a_dash_inside_a_sentence_is_no_roll_line(extract_en) -> None:
    found = posts(extract_en, "We met Pyotr Semyonov - a tired man - in the corridor.")
    assert not [p for p in found if p[1] == "Pyotr Semyonov"]


@pytest.mark.parametrize("text", [
    "Pyotr Semyonov, a Kremlin doctor, was arrested in 1937.",
    "Kremlin doctor Pyotr Semyonov was arrested in 1937.",
    "In 1937 the Kremlin doctor Pyotr Semyonov was arrested.",
])
def test_roll_roles_an_apposition_or_a_title_names_the_role(extract_en, text: str) -> None:
    assert ("position", "Pyotr Semyonov", "Kremlin doctor") in posts(extract_en, text)


def test_roll_roles_an_apposition_with_where_from_names_the_role(extract_en) -> None:
    found = posts(extract_en, "In the cell I met Pyotr Semyonov, a surgeon from Kiev, who had "
                              "been arrested in May.")
    assert ("position", "Pyotr Semyonov", "surgeon from Kiev") in found


def test_roll_roles_a_partitive_apposition_names_the_role(extract_en) -> None:
    found = posts(extract_en, "Then Pyotr Semyonov, one of the best surgeons of Moscow, was "
                              "arrested. Ivan Dorokhov, one of the finest poets of his time, "
                              "was shot.")
    assert ("position", "Pyotr Semyonov", "one of the best surgeons of Moscow") in found
    assert ("position", "Ivan Dorokhov", "one of the finest poets of his time") in found


def test_roll_roles_an_apposition_needs_a_role_noun(extract_en) -> None:
    for text in ("Pyotr Semyonov, a tall man, was arrested in 1937.",
                 "Pyotr Semyonov, who was a doctor, was arrested in 1937."):
        assert not [p for p in posts(extract_en, text) if p[1] == "Pyotr Semyonov"]


@pytest.mark.parametrize(("text", "holder", "role"), [
    ("People's Commissar of Justice Pyotr Semyonov was shot in 1938.", "Pyotr Semyonov",
     "People's Commissar of Justice"),
    ("Those arrested:\nDeputy Head of the Fisheries Directorate Ivan Dorokhov\nChairman of the "
     "Council of Trade Unions Bykov\n", "Ivan Dorokhov",
     "Deputy Head of the Fisheries Directorate"),
    ("In 1937 the Commissar for Water Transport Ivan Dorokhov disappeared.", "Ivan Dorokhov",
     "Commissar for Water Transport"),
])
def test_roll_roles_a_titled_post_before_a_name_is_its_post(extract_en, text: str, holder: str,
                                                            role: str) -> None:
    assert ("position", holder, role) in posts(extract_en, text)


@pytest.mark.parametrize("text", [
    "The Secretary of Stalin Pyotr Semyonov came in.",  # another person inside the title
    "The trial of Pyotr Semyonov opened in March.",  # no post before the name
    "Meeting of the Council Pyotr Semyonov chaired opened late.",  # no role noun
])
def test_roll_roles_a_titled_post_needs_a_role_noun_and_no_other_person(extract_en,
                                                                        text: str) -> None:
    assert not [p for p in posts(extract_en, text)
                if p[1].endswith("Semyonov") and p[2] and " of " in p[2]]


@pytest.mark.parametrize(("text", "holder", "role"), [
    ("People's Commissar of Justice Semyonov was shot in 1938.", "Semyonov",
     "People's Commissar of Justice"),
    ("In 1937 the People's Commissar for Water Transport Dorokhov disappeared.", "Dorokhov",
     "People's Commissar for Water Transport"),
    ("Those taken that year:\nPeople's Commissar of the Ministry of Forestry Dorokhov\n"
     "Deputy Head of the Fisheries Directorate Ivan Bykov\n", "Dorokhov",
     "People's Commissar of the Ministry of Forestry"),
])
def test_roll_roles_a_bare_surnames_titled_post_is_a_title_only(extract_en, text: str,
                                                               holder: str, role: str) -> None:
    """Said, but kept out of the profile's roles, which the person linker compares."""
    from kartoteka.resolve.profile import build_profiles
    from kartoteka.resolve.within import within

    ex = extract_en(text)
    by_id = {m.id: m for m in ex.mentions}
    found = [c for c in ex.claims if c.type == "position" and by_id[c.subject].text == holder]
    assert [(c.role, c.attrs.get("title_only")) for c in found] == [(role, True)]
    profiles = build_profiles(ex, within(ex)).values()
    held = [p for p in profiles if p.surname == holder]
    assert [(p.roles, p.titles) for p in held] == [([], [role])]
    full = [p for p in profiles if p.given == "Ivan"]
    assert all(p.roles and not p.titles for p in full)
