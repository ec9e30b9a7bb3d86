"""What a text says beyond a name that the record corroborates (the day of execution, the
birthday, the birthplace) weighs for the link; another day or place weighs against it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from kartoteka.resolve.authority import AuthorityRecord, link_authority
from kartoteka.resolve.authority_evidence import place_keys, same_place
from kartoteka.resolve.profile import Profile

SURNAMES = ("Зайончиков", "Цюрупкин", "Хрящёв", "Майорчук", "Щеглюк", "Пескарёв", "Ольшанцев",
            "Бурдюков", "Тявкин", "Жмыхов")
GIVEN = ("Яков", "Юлий", "Фёдор", "Илья", "Матвей", "Ефим")
PLACES = ("г. Одесса", "Витебская губ., Лепельский уезд, д. Заречье", "в Тифлисе", "г. Харбина",
          "Курская обл., с. Ивня")


def made_up_list() -> list[AuthorityRecord]:
    """60 made-up people shot in 1937-38, each surname and given name once, each with its own
    day of execution, birthday and birthplace."""
    out = []
    for i, surname in enumerate(SURNAMES):
        for j, given in enumerate(GIVEN):
            n = i * len(GIVEN) + j
            out.append(AuthorityRecord(
                "t", str(n), f"{surname} {given} Петрович", 1880 + n % 20, 1937 + n % 2,
                {"execution_date": f"{1937 + n % 2}-{1 + n % 12:02d}-{1 + n % 27:02d}",
                 "birth_date": f"{1880 + n % 20}-{1 + (n * 5) % 12:02d}-{1 + (n * 7) % 28:02d}",
                 "birth_place": PLACES[n % len(PLACES)]}))
    return out


def given_and_surname(**facts: object) -> Profile:
    return Profile(key="p", document_id="doc", kind="person", label="Yakov Zayonchikov",
                   names=["Yakov Zayonchikov"], surname="Zayonchikov", given="Yakov",
                   **facts)  # type: ignore[arg-type]


def link(profile: Profile) -> list:  # type: ignore[type-arg]
    """Review from 0.1: a given name and surname alone score about 0.5 here."""
    return link_authority([profile], made_up_list(), review_threshold=0.1)


def decisions(profile: Profile) -> dict[str, str]:
    return {m.record_id: m.decision for m in link(profile)}


def test_authority_evidence_given_name_and_surname_alone_wait_for_review() -> None:
    assert decisions(given_and_surname()) == {"0": "review"}


def test_authority_evidence_same_execution_day_links() -> None:
    record = made_up_list()[0]
    match = link_authority([given_and_surname(death_date=record.extra["execution_date"])],
                           made_up_list())
    assert [(m.record_id, m.decision) for m in match] == [("0", "linked")]
    assert match[0].features["death_date"]["level"] == "same day"
    assert match[0].features["death_date"]["weight"] > 0


def test_authority_evidence_namesake_shot_another_day_is_not_linked() -> None:
    other_day = given_and_surname(death_date="1937-10-30")
    assert "linked" not in decisions(other_day).values()
    found = link(other_day)
    assert found and all(m.features["death_date"]["level"] == "other day" for m in found)


def test_authority_evidence_birthday_and_birthplace_link() -> None:
    record = made_up_list()[0]
    profile = given_and_surname(birth_date=record.extra["birth_date"], birthplace="Odessa")
    match = link_authority([profile], made_up_list())
    assert [(m.record_id, m.decision) for m in match] == [("0", "linked")]
    assert match[0].features["born_in"]["level"] == "same place"
    assert match[0].features["birth_date"]["level"] == "same day"


def test_authority_evidence_other_birthplace_weighs_against() -> None:
    plain = link(given_and_surname())[0]
    elsewhere = link(given_and_surname(birthplace="Kursk"))
    assert [m.decision for m in elsewhere] == ["review"]
    assert elsewhere[0].features["born_in"]["level"] == "other place"
    assert elsewhere[0].probability < plain.probability


def test_authority_evidence_a_month_is_no_day() -> None:
    """A text that gives only the month says nothing of the day."""
    match = link(given_and_surname(death_date="1937-01"))
    assert "death_date" not in match[0].features
    assert match[0].decision == "review"


@pytest.mark.parametrize(("text", "record"), [
    ("Odessa", "г. Одесса"), ("Odessa", "в Одессе"), ("Harbin", "г. Харбина (Северный Китай)"),
    ("Tiflis", "в Тифлисе"), ("Ivnya", "Курская обл., с. Ивня"),
])
def test_authority_evidence_place_names_agree_across_script_and_case(text: str, record: str
                                                                     ) -> None:
    assert any(same_place(a, b) for a in place_keys(text) for b in place_keys(record))


@pytest.mark.parametrize(("text", "record"), [
    ("Odessa", "г. Одоев"), ("Kursk", "г. Курган"), ("Riga", "г. Рязань"),
])
def test_authority_evidence_other_places_do_not_agree(text: str, record: str) -> None:
    assert not any(same_place(a, b) for a in place_keys(text) for b in place_keys(record))


def test_authority_evidence_survives_the_profile_round_trip() -> None:
    profile = given_and_surname(death_date="1937-01-01", birth_date="1880-01-01")
    again = Profile.from_dict(profile.to_dict())
    assert again == profile and replace(again, death_date=None) != profile


def memorial_record(tmp_path: Path, record: str) -> AuthorityRecord:
    """A made-up Memorial list of one record (its text as the list gives it), as relink
    reads it."""
    from kartoteka.relink.authority import read_authority_file

    path = tmp_path / "list.jsonl"
    path.write_text(json.dumps({"name": "Хрящёв Юлий Петрович", "record": record,
                                "page": "1.htm"}, ensure_ascii=False) + "\n", encoding="utf-8")
    [found] = read_authority_file(path, "t", "memorial")
    return found


def test_authority_evidence_memorial_record_carries_days_and_birthplace(tmp_path: Path) -> None:
    """What relink reads from a Memorial record is what the evidence compares."""
    from kartoteka.resolve.authority_evidence import record_facts

    record = memorial_record(tmp_path, "род. 3.04.1891, г. Тифлис, грузин, б/п, артель: "
                             "счетовод. Рассстрелян 09.11.1937. Место захоронения: Бутово.")
    facts = record_facts(record.extra)
    assert facts.death_date == "1937-11-09" and facts.birth_date == "1891-04-03"
    assert any(same_place(a, b) for a in place_keys("Tiflis") for b in facts.places)


def test_authority_evidence_village_and_province_do_not_disagree() -> None:
    """A record that gives only the province says nothing against the village of the text."""
    record = replace_extra(made_up_list()[0], birth_place="в Витебской губ.")
    found = link_authority([given_and_surname(birthplace="Zarechye")], [record],
                           list_sizes={"t": 60}, review_threshold=0.1)
    assert found and "born_in" not in found[0].features


def test_authority_evidence_old_style_birthday_is_the_same_day() -> None:
    """1 January 1890 Old Style is 13 January New Style; 20 January is another day."""
    record = replace_extra(made_up_list()[0], birth_date="1890-01-01")
    for day, level in (("1890-01-13", "same day"), ("1890-01-20", "other day")):
        found = link_authority([given_and_surname(birth_date=day)], [record],
                               list_sizes={"t": 60}, review_threshold=0.01)
        assert found[0].features["birth_date"]["level"] == level


def replace_extra(record: AuthorityRecord, **extra: str) -> AuthorityRecord:
    return replace(record, extra={**record.extra, **extra})
