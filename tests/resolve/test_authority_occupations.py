"""A text's post or occupation against the record's Russian occupation: shared fields of work
weigh for a link (the rarer the field in the list, the more), other fields a little against;
never enough alone (made-up people and records)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kartoteka.resolve.authority import AuthorityRecord, link_authority
from kartoteka.resolve.authority_occupations import occupation_fields
from kartoteka.resolve.profile import Profile

OCCUPATIONS = ("врач городской больницы", "нарком финансов СССР", "инженер завода № 3",
               "слесарь депо", "писатель", "счетовод артели")
SURNAMES = ("Зайончиков", "Цюрупкин", "Хрящёв", "Майорчук", "Щеглюк", "Пескарёв", "Ольшанцев",
            "Бурдюков", "Тявкин", "Жмыхов")
GIVEN = ("Яков", "Юлий", "Фёдор", "Илья", "Матвей", "Ефим")


def made_up_list() -> list[AuthorityRecord]:
    out = []
    for i, surname in enumerate(SURNAMES):
        for j, given in enumerate(GIVEN):
            n = i * len(GIVEN) + j
            out.append(AuthorityRecord("t", str(n), f"{surname} {given} Петрович", 1880 + n % 20,
                                       1937 + n % 2,
                                       {"occupation": OCCUPATIONS[n % len(OCCUPATIONS)]}))
    return out


def profile(**facts: object) -> Profile:
    """Yakov Zayonchikov: record 0 of the list, a town hospital's physician."""
    fields = {"surname": "Zayonchikov", "given": "Yakov", **facts}
    label = " ".join(str(fields[k]) for k in ("given", "surname") if fields.get(k))
    return Profile(key="p", document_id="doc", kind="person", label=label, names=[label],
                   **fields)  # type: ignore[arg-type]


def decisions(found: list) -> dict[str, str]:  # type: ignore[type-arg]
    return {m.record_id: m.decision for m in found}


@pytest.mark.parametrize(("english", "russian"), [
    ("Kremlin doctor", "консультант лечебного управления Кремля"),
    ("physician", "врач поликлиники"),
    ("People's Commissar for Finance", "нарком финансов СССР"),
    ("NKVD officer", "УНКВД по Московской обл.: оперуполномоченный"),
    ("novelist", "писатель, член Союза советских писателей"),
])
def test_authority_occupations_english_and_russian_share_a_field(english: str, russian: str
                                                                 ) -> None:
    assert occupation_fields(english) & occupation_fields(russian)


@pytest.mark.parametrize(("english", "russian"), [
    ("Kremlin doctor", "инженер завода"),
    ("People's Commissar for Finance", "Наркомфин: счетовод"),  # a clerk of the commissariat
    ("writer", "доктор исторических наук"),  # a doctor of sciences is no physician
])
def test_authority_occupations_other_work_shares_no_field(english: str, russian: str) -> None:
    assert "people's commissar" not in occupation_fields("Наркомат земледелия: счетовод")
    shared = occupation_fields(english) & occupation_fields(russian)
    assert not shared - {"finance"}  # the commissariat's branch, not the post


def test_authority_occupations_same_field_links_a_full_name() -> None:
    plain = link_authority([profile()], made_up_list(), review_threshold=0.1)
    assert decisions(plain) == {"0": "review"}
    found = link_authority([profile(roles=["doctor"])], made_up_list(), review_threshold=0.1)
    assert decisions(found) == {"0": "linked"}
    assert found[0].features["occupation"]["level"] == "same field"
    assert found[0].features["occupation"]["field"] == "medicine"
    assert found[0].features["occupation"]["weight"] > 0


def test_authority_occupations_other_field_weighs_against() -> None:
    plain = link_authority([profile()], made_up_list(), review_threshold=0.1)[0]
    other = link_authority([profile(roles=["engineer"])], made_up_list(), review_threshold=0.1)
    assert decisions(other) == {"0": "review"}
    assert other[0].features["occupation"]["level"] == "other field"
    assert other[0].probability < plain.probability


def test_authority_occupations_never_link_a_bare_surname() -> None:
    found = link_authority([profile(given=None, roles=["Kremlin doctor"])], made_up_list(),
                           review_threshold=0.01)
    assert "linked" not in decisions(found).values()


def test_authority_occupations_never_link_a_namesake_with_another_patronymic() -> None:
    namesake = profile(patronymic="Ivanovich", roles=["doctor"])
    found = link_authority([namesake], made_up_list(), review_threshold=0.01)
    assert "linked" not in decisions(found).values()


def test_authority_occupations_memorial_record_carries_its_occupation(tmp_path: Path) -> None:
    from kartoteka.resolve.authority_evidence import record_facts
    from tests.resolve.test_authority_evidence import memorial_record

    record = memorial_record(tmp_path, "род. 1891, г. Тифлис, грузин, б/п, городская "
                             "больница: врач-терапевт. Рассстрелян 09.11.1937. Место "
                             "захоронения: Бутово.")
    assert "medicine" in record_facts(record.extra).fields
    assert "medicine" not in record_facts(replace(record, extra={}).extra).fields


def test_authority_occupations_a_death_day_months_apart_holds_the_link_for_review() -> None:
    """Full name, same field, yet the text dates the death a year after the record: review."""
    records = [replace(r, extra={**r.extra, "execution_date": f"{r.death_year}-03-15"})
               for r in made_up_list()]
    full = profile(patronymic="Petrovich", roles=["doctor"])
    assert decisions(link_authority([full], records))["0"] == "linked"
    late = replace(full, death_date=f"{records[0].death_year + 1}-01-20")
    found = [m for m in link_authority([late], records) if m.record_id == "0"]
    assert [m.decision for m in found] == ["review"]
    assert found[0].features["days_apart"] == ["death_date"]
    near = replace(full, death_date=f"{records[0].death_year}-03-10")  # the day of sentence
    assert "days_apart" not in next(m for m in link_authority([near], records)
                                    if m.record_id == "0").features
