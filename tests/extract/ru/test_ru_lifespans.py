"""Life spans after a name (kartoteka.extract.ru.lifespans): places, double dates, uncertain
years, and years of life told apart from years in office. Invented people."""

from __future__ import annotations

from kartoteka.model import Extraction


def _life(ex: Extraction) -> list[tuple[str, str | None, str | None, str | None]]:
    names = {m.id: m.name for m in ex.mentions}
    return sorted((c.type, names.get(c.subject), c.date, names.get(c.place or ""))
                  for c in ex.claims if c.type in ("birth", "death"))


def test_ru_lifespans_places_and_a_julian_gregorian_double_date(extract) -> None:
    ex = extract("Семён Петрович Сорокин (17 (29) марта 1899 года, Киев — 23 декабря 1953 года, "
                 "Москва) — советский деятель.", kind="encyclopedia")
    assert _life(ex) == [("birth", "Семён Петрович Сорокин", "1899-03-29", "Киев"),
                         ("death", "Семён Петрович Сорокин", "1953-12-23", "Москва")]


def test_ru_lifespans_uncertain_year(extract) -> None:
    ex = extract("Семён Петрович Сорокин (1890, Киев — 1938?, Москва) — советский деятель.",
                 kind="encyclopedia")
    assert [(t, d) for t, _, d, _ in _life(ex)] == [("birth", "1890"), ("death", "1938?")]


def test_ru_lifespans_years_of_life_in_a_definition_not_in_prose(extract) -> None:
    ex = extract("Семён Петрович Сорокин (1890—1938) — советский деятель. При нём нарком "
                 "Пётр Сомов (1936—1938) ведал связью.", kind="encyclopedia")
    assert [(t, n, d) for t, n, d, _ in _life(ex)] == [
        ("birth", "Семён Петрович Сорокин", "1890"), ("death", "Семён Петрович Сорокин", "1938")]


def test_ru_lifespans_stressed_lead_is_the_titled_person(extract) -> None:
    stress = "\u0301"
    text = (f"Сорокин, Семён Петрович\nСемё{stress}н Петро{stress}вич Соро{stress}кин "
            f"(1890—1938) — советский деятель.")
    ex = extract(text, kind="encyclopedia")
    people = [m for m in ex.mentions if m.kind == "person"]
    assert {m.name for m in people} == {"Семён Петрович Сорокин"}
    # the stored text is untouched and the spans highlight the stressed characters
    assert ex.document.text == text
    assert all(m.text == text[m.start:m.end] for m in people)
    assert any(stress in m.text for m in people)
    assert [d for _, _, d, _ in _life(ex)] == ["1890", "1938"]


def test_ru_lifespans_database_fields_are_the_persons_fates(extract) -> None:
    ex = extract("Кузьмина Анна Ивановна\nДата рождения: 1901 г.\nДата ареста: 3 марта 1938 г.\n"
                 "Дата расстрела: 15 мая 1938 г.\nДата реабилитации: 12 мая 1957 г.\n"
                 "Арестована: 3 марта 1938 г.")
    names = {m.id: m.name for m in ex.mentions}
    assert sorted((c.type, names[c.subject], c.date) for c in ex.claims) == [
        ("arrest", "Кузьмина Анна Ивановна", "1938-03-03"),
        ("birth", "Кузьмина Анна Ивановна", "1901"),
        ("execution", "Кузьмина Анна Ивановна", "1938-05-15"),
        ("rehabilitation", "Кузьмина Анна Ивановна", "1957-05-12")]
