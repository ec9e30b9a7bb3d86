"""The right subject (docs/constructions.md, "English"): a fate goes to the person it is
about, never to the nearest name. Made-up sentences; fast (one small model per session)."""

from __future__ import annotations

import pytest


def _fates(fates: list[tuple], type_: str) -> dict[str, str | None]:
    return {f[1]: f[2] for f in fates if f[0] == type_ and f[3] == "affirmed"}


@pytest.mark.parametrize("text", [
    "Among them were Pavel Lebedev (executed in 1937), Ivan Morozov (executed in 1939) and "
    "Oleg Fedorov (shot in 1941).",
    "The list named Pavel Lebedev (shot in 1937), Ivan Morozov (executed in 1939), and Oleg "
    "Fedorov (executed in 1941) as traitors.",
])
def test_arguments_a_bracket_after_a_name_is_its_own(fates_en, text: str) -> None:
    assert _fates(fates_en(text), "execution") == {
        "Pavel Lebedev": "1937", "Ivan Morozov": "1939", "Oleg Fedorov": "1941"}


@pytest.mark.parametrize("text", [
    "Pavel Lebedev, Ivan Morozov and Oleg Fedorov were shot in 1938.",
    "In 1938 the NKVD shot Pavel Lebedev, Ivan Morozov and Oleg Fedorov.",
])
def test_arguments_one_fate_shared_by_a_list(fates_en, text: str) -> None:
    assert _fates(fates_en(text), "execution") == {
        "Pavel Lebedev": "1938", "Ivan Morozov": "1938", "Oleg Fedorov": "1938"}


@pytest.mark.parametrize("text", [
    "Pavel Lebedev, who was shot in 1938, had headed the department under Ivan Morozov.",
    "Ivan Morozov worked with Pavel Lebedev, who was shot in 1938.",
])
def test_arguments_an_apposition_is_its_name_s(fates_en, text: str) -> None:
    assert _fates(fates_en(text), "execution") == {"Pavel Lebedev": "1938"}


@pytest.mark.parametrize("text", [
    "In 1934 Nikolaev shot Sergei Kirov in the corridor.",
    "Ivan Morozov shot Pavel Lebedev in 1938.",
])
def test_arguments_the_object_of_an_active_verb_not_its_agent(fates_en, text: str) -> None:
    fates = fates_en(text)
    assert not any(f[1] in ("Nikolaev", "Ivan Morozov") for f in fates)


@pytest.mark.parametrize("text", [
    "In 1941, Pavel Orekhov's body was found shot to death in a hotel room.",
    "The body of Pavel Orekhov was found shot in 1941.",
])
def test_arguments_a_body_stands_for_its_owner(fates_en, text: str) -> None:
    assert _fates(fates_en(text), "execution") == {"Pavel Orekhov": "1941"}


def test_arguments_a_relative_clause_after_a_list_is_its_last_name_s(fates_en) -> None:
    text = "The list named Boris Morozov, Ivan Sobolev and Pavel Orekhov, who was shot in 1938."
    assert _fates(fates_en(text), "execution") == {"Pavel Orekhov": "1938"}


def test_arguments_a_floating_quantifier_takes_the_whole_list(fates_en) -> None:
    text = "No trial was held for Pavel Orekhov and Ivan Sobolev, who had both been shot in 1938."
    assert _fates(fates_en(text), "execution") == {"Pavel Orekhov": "1938",
                                                   "Ivan Sobolev": "1938"}


@pytest.mark.parametrize("text", [
    "Many others were shot, such as Pavel Orekhov, the head of the railway, and Ivan Sidorov.",
    "Many engineers committed suicide, such as Pavel Orekhov and Ivan Sidorov.",
    "Officials such as Pavel Orekhov and Ivan Sidorov were arrested in 1937.",
])
def test_arguments_such_as_gives_the_group_fate_to_each_example(fates_en, text: str) -> None:
    fates = fates_en(text)
    for name in ("Pavel Orekhov", "Ivan Sidorov"):
        assert any(f[1] == name and f[0] in ("execution", "suicide", "arrest") for f in fates)


def test_arguments_such_as_after_a_named_subject_adds_no_one(fates_en) -> None:
    fates = fates_en("Many officials were shot, such as the friends of Ivan Sidorov.")
    assert not any(f[1] == "Ivan Sidorov" and f[0] == "execution" for f in fates)


@pytest.mark.parametrize("text", [
    "Orlov supervised the arrest, trial, and execution of the old revolutionaries Pavel "
    "Orekhov and Ivan Sidorov.",
    "The execution of the engineers Pavel Orekhov and Ivan Sidorov shocked the town.",
])
def test_arguments_a_nominalisation_reaches_names_apposed_to_its_object(fates_en, text) -> None:
    fates = fates_en(text)
    for name in ("Pavel Orekhov", "Ivan Sidorov"):
        assert any(f[1] == name and f[0] == "execution" for f in fates)
    assert not any(f[1] == "Orlov" and f[0] == "execution" for f in fates)


@pytest.mark.parametrize("text", [
    "Pavel Lebedev and Ivan Morozov were shot in 1938.",
    "Pavel Lebedev and Ivan Morozov were both shot in 1938.",
])
def test_arguments_coordinated_full_names_share_the_fate(fates_en, text: str) -> None:
    assert _fates(fates_en(text), "execution") == {"Pavel Lebedev": "1938", "Ivan Morozov": "1938"}


def test_arguments_a_possessor_in_a_coordinated_subject_shares_nothing(fates_en) -> None:
    fates = _fates(fates_en("Pavel Lebedev's son and Ivan Morozov were shot in 1938."), "execution")
    assert "Pavel Lebedev" not in fates and fates.get("Ivan Morozov") == "1938"


@pytest.mark.parametrize(("text", "type_"), [
    ("Our neighbour, Pavel Lebedev, was exiled in 1931.", "expulsion"),
    ("My uncle, Ivan Morozov, was deported in 1941.", "expulsion"),
])
def test_arguments_a_passive_subject_with_a_name_in_apposition(fates_en, text: str,
                                                               type_: str) -> None:
    assert len(_fates(fates_en(text), type_)) == 1


@pytest.mark.parametrize("text", [
    "Pavel Lebedev was arrested in 1937; his brother Ivan Morozov in 1938.",
    "Pavel Lebedev was arrested in 1937, and Ivan Morozov in 1938.",
])
def test_arguments_a_gapped_clause_keeps_its_own_date(fates_en, text: str) -> None:
    assert _fates(fates_en(text), "arrest") == {"Pavel Lebedev": "1937", "Ivan Morozov": "1938"}


def test_arguments_a_second_clause_with_its_own_verb_is_no_gap(fates_en) -> None:
    fates = fates_en("Pavel Lebedev was arrested in 1937, and Ivan Morozov wrote to him in 1938.")
    assert _fates(fates, "arrest") == {"Pavel Lebedev": "1937"}


@pytest.mark.parametrize("text", [
    "Pavel Lebedev was shot, and Ivan Morozov exiled.",
    "Pavel Lebedev was shot in 1937, and Ivan Morozov exiled to Kazakhstan.",
])
def test_arguments_a_gapped_passive_auxiliary_gives_the_second_subject_its_fate(
        fates_en, text: str) -> None:
    fates = fates_en(text)
    assert "Pavel Lebedev" in _fates(fates, "execution")
    assert list(_fates(fates, "expulsion")) == ["Ivan Morozov"]


def test_arguments_an_absolute_clause_of_a_body_part_is_no_gapped_passive(fates_en) -> None:
    fates = fates_en("Pavel Lebedev was arrested, his hands tied behind his back.")
    assert [f[1] for f in fates if f[0] == "arrest"] == ["Pavel Lebedev"]


@pytest.mark.parametrize("text", [
    "Everyone except Pavel Lebedev was shot.",
    "All of them except Pavel Lebedev were shot.",
    "Everyone but Pavel Lebedev was shot.",
])
def test_arguments_an_excluded_name_gets_nothing(fates_en, text: str) -> None:
    assert [f for f in fates_en(text) if f[1] == "Pavel Lebedev"] == []


@pytest.mark.parametrize("text", [
    "Many officials, including Pavel Lebedev and Ivan Morozov, were shot in 1938.",
    "In 1938 the NKVD shot many engineers, including Pavel Lebedev and Ivan Morozov.",
])
def test_arguments_including_names_members_who_share_the_event(fates_en, text: str) -> None:
    fates = _fates(fates_en(text), "execution")
    assert fates.get("Pavel Lebedev") == "1938" and fates.get("Ivan Morozov") == "1938"


def test_arguments_a_gapped_clause_with_a_dash_keeps_its_own_date(fates_en) -> None:
    fates = fates_en("Pavel Lebedev was arrested in 1937, and Ivan Morozov — in 1938.")
    assert _fates(fates, "arrest") == {"Pavel Lebedev": "1937", "Ivan Morozov": "1938"}
