"""Russian date phrases to EDTF (kartoteka.extract.ru.dates): every form, the Old Style flag."""

from __future__ import annotations

import pytest
from edtf import parse_edtf

from kartoteka.extract.ru.dates import find_dates, join_range, parse_date, qualified_edtf


@pytest.mark.parametrize(("text", "edtf"), [
    ("Его арестовали 25 апреля 1937 г. в Москве.", "1937-04-25"),
    ("Это случилось 3 мая 1938 года.", "1938-05-03"),
    ("весной 1937 года его перевели", "1937-21"),
    ("летом 1936 г.", "1936-22"),
    ("осенью 1939 года", "1939-23"),
    ("зимой 1940 года", "1940-24"),
    ("в 1933-1934 гг. работал", "1933/1934"),
    ("в 1921—1937 годах возглавлял", "1921/1937"),
    ("расстрелян 21.08.1937.", "1937-08-21"),
    ("освобожден 3.11.1937", "1937-11-03"),
    ("16.08.37 г., 10 лет", "1937-08-16"),
    ("родился в ноябре 1895 в деревне", "1895-11"),
    ("в 1930-х годах", "193X"),
    ("в 1937 году", "1937"),
    ("(1957)", "1957"),
])
def test_ru_dates_each_form(text: str, edtf: str) -> None:
    found = parse_date(text)
    assert found is not None and found.edtf == edtf
    parse_edtf(found.edtf)  # raises on an invalid string
    assert text[found.start:found.end] == found.text


@pytest.mark.parametrize(("text", "edtf"), [
    ("2 [14] января 1896", "1896-01-14"),
    ("4 (16 февраля) 1893", "1893-02-16"),
    ("21 июня [ 3 июля ] 1879", "1879-07-03"),
    ("21 мая (2 июня) 1894", "1894-06-02"),
    ("30 декабря 1899 [11 января 1900]", "1900-01-11"),
])
def test_ru_dates_new_style_in_brackets_wins(text: str, edtf: str) -> None:
    found = parse_date(text)
    assert found is not None
    assert (found.edtf, found.new_style_given, found.old_style_possible) == (edtf, True, False)


@pytest.mark.parametrize(("text", "old_style"), [
    ("родился 5 марта 1890 года", True),
    ("в ноябре 1895", True),
    ("1 февраля 1918 г.", True),
    ("14 февраля 1918 г.", False),
    ("25 апреля 1937 г.", False),
])
def test_ru_dates_old_style_flagged_before_the_calendar_change(text: str, old_style: bool) -> None:
    found = parse_date(text)
    assert found is not None and found.old_style_possible is old_style


@pytest.mark.parametrize("text", [
    "Приказ № 00485 подписан", "31.02.1937", "в 1-м квартале", "страница 12",
])
def test_ru_dates_no_date_invented(text: str) -> None:
    assert find_dates(text) == []


def test_ru_dates_a_bracketed_alternative_is_not_a_new_style() -> None:
    # four days apart: not a Julian/Gregorian pair, so the first date stands
    found = parse_date("арестован 12 мая (16 мая) 1937 года")
    assert found is not None and found.edtf == "1937-05-12" and not found.new_style_given


def test_ru_dates_join_range_only_across_a_dash() -> None:
    text = "Начальник: 9 июня 1932 — 16 августа 1937. Затем 1 мая 1938."
    first, second, third = find_dates(text)
    assert join_range(text, first, second) == "1932-06-09/1937-08-16"
    assert join_range(text, second, third) is None


@pytest.mark.parametrize(("text", "edtf"), [
    ("не был арестован до 1938 года", "../1938"),
    ("был расстрелян не позднее мая 1939 г.", "../1939-05"),
    ("арестован до конца 1937 года", "../1937"),
    ("освобождён после 1945 года", "1945/.."),
    ("умер около 1942 года", "1942~"),
    ("арестован в 1938 году", "1938"),
    ("назначен с 1 января 1937 года", "1937-01-01"),  # the day it took effect, not a span
    ("работал до 1933-1934 гг.", "1933/1934"),
])
def test_ru_dates_words_before_bound_the_date(text: str, edtf: str) -> None:
    date = find_dates(text)[-1]
    assert qualified_edtf(text, date) == edtf


@pytest.mark.parametrize(("text", "expected"), [
    ("Его арестовали в 1938-м.", ["1938"]),
    ("В 1937-м году его арестовали.", ["1937"]),
    # an ordinal year without "в" may count something else
    ("Это был 1938-й по счёту номер.", []),
])
def test_ru_dates_an_ordinal_year_after_v(text: str, expected: list[str]) -> None:
    assert [d.edtf for d in find_dates(text)] == expected
