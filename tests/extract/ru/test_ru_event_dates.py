"""One event told twice in a Russian text (extract/ru/event_dates.py, extract/retold.py): the
undated telling takes the date the text gives the same event. Invented sentences."""

from __future__ import annotations

import pytest

LEAD = "Семён Петрович Сорокин (17 марта 1899, Киев — 23 декабря 1945, Харбин) — инженер. "


@pytest.mark.parametrize(("rest", "type_"), [
    ("В конце войны он был убит.", "death"),
    ("Расстрелян.", "execution"),
])
def test_ru_event_dates_a_retold_death_takes_the_lifespan_s_date(extract, rest: str,
                                                                type_: str) -> None:
    claims = [c for c in extract(LEAD + rest).claims if c.type == type_ and c.attrs.get(
        "trigger")]
    assert [(c.date, c.attrs.get("date_inferred")) for c in claims] == [
        ("1945-12-23", "same_event")]


def test_ru_event_dates_a_telling_with_other_years_takes_nothing(extract) -> None:
    claims = [c for c in extract(LEAD + "Арестован в 1937 году. В 1937 году умер.").claims
              if c.type == "death" and c.attrs.get("trigger")]
    assert [c.date for c in claims] == ["1937"]


def test_ru_event_dates_two_dated_arrests_leave_a_third_undated(extract) -> None:
    text = LEAD + "Арестован в 1921 году. Вновь арестован в 1937 году. Арестован."
    arrests = sorted(c.date or "" for c in extract(text).claims if c.type == "arrest")
    assert arrests == ["", "1921", "1937"]
