"""Posts said of a name without a verb (kartoteka.extract.ru.roll_roles): the roll line, the
apposition, the post before the name. Invented people and sentences."""

from __future__ import annotations

import pytest

from kartoteka.model import Extraction


def _posts(ex: Extraction) -> set[tuple[str | None, str | None]]:
    names = {m.id: m.text for m in ex.mentions}
    return {(names.get(c.subject), c.role) for c in ex.claims if c.type == "position"}


ROLL = ("Подсудимые:\n"
        "1. Семёнов Пётр Ильич — кремлёвский врач\n"
        "2. Дорохов Иван Петрович – бывший нарком финансов СССР\n"
        "3. Быков Олег Ильич — экономист, редактор газеты «Правда» и член Политбюро\n")


def test_ru_roll_roles_a_roll_line_gives_each_name_its_role(extract) -> None:
    posts = _posts(extract(ROLL))
    assert ("Семёнов Пётр Ильич", "кремлёвский врач") in posts
    assert ("Дорохов Иван Петрович", "нарком финансов СССР") in posts
    assert ("Быков Олег Ильич", "экономист") in posts
    assert not [p for p in posts if p[1] and p[1].startswith("член")]  # a membership


@pytest.mark.parametrize(("text", "holder", "role"), [
    ("Иван Петрович Дорохов, нарком финансов СССР, был расстрелян в 1938 году.",
     "Иван Петрович Дорохов", "нарком финансов СССР"),
    ("Врач Пётр Ильич Семёнов был арестован в 1937 году.", "Пётр Ильич Семёнов", "Врач"),
    ("В 1937 году нарком финансов Дорохов был арестован.", "Дорохов", "нарком финансов"),
])
def test_ru_roll_roles_an_apposition_or_a_post_before_the_name(extract, text: str, holder: str,
                                                               role: str) -> None:
    assert (holder, role) in _posts(extract(text))


@pytest.mark.parametrize("text", [
    "Сталин вызвал врача Семёнова.",  # the noun is the object, not a post of the name
    "Иван Петрович Дорохов, который был арестован, умер.",
    "Мы встретили Петра Семёнова — усталого человека — в коридоре.",
    # a kinship noun before a genitive name is the relative, no post of the name's bearer
    "Мать Семёнова после войны жила в Казани.",
    "Жена наркома Дорохова была арестована в 1938 году.",
])
def test_ru_roll_roles_no_post_without_the_construction(extract, text: str) -> None:
    assert not _posts(extract(text))


@pytest.mark.parametrize("text", [
    "Я знаю агронома Лаврова Олега Ильича и его помощника К. Л. Зотова.",
    "Мы встретили Петрова и я узнал Б. В. Сомова.",
])
def test_ru_roll_roles_a_conjunction_or_pronoun_is_no_post(extract, text: str) -> None:
    """pymorphy also reads "и" and "я" as the names of the letters (nouns, Abbr): neither
    heads a post before the name, nor does a noun in another case ("помощника")."""
    assert not [p for p in _posts(extract(text)) if p[0] and ("Зотов" in p[0] or "Сомов" in p[0])]


@pytest.mark.parametrize(("text", "surname", "role"), [
    ("В 1937 году нарком финансов Дорохов был арестован.", "Дорохов", "нарком финансов"),
    ("В 1938 году заместитель наркома Зотов был расстрелян.", "Зотов", "заместитель наркома"),
])
def test_ru_roll_roles_a_bare_surnames_title_is_a_title_only(extract, text: str, surname: str,
                                                              role: str) -> None:
    """Said, but kept out of the profile's roles, which the person linker compares as
    written; a full name's title stays a post (the Russian form of the English rule)."""
    from kartoteka.resolve.profile import build_profiles
    from kartoteka.resolve.within import within

    ex = extract(text)
    found = [c for c in ex.claims if c.type == "position"]
    assert [(c.role, c.attrs.get("title_only")) for c in found] == [(role, True)]
    held = [p for p in build_profiles(ex, within(ex)).values() if p.kind == "person"]
    assert [(p.surname, p.roles, p.titles) for p in held] == [(surname, [], [role])]


def test_ru_roll_roles_a_full_names_title_is_a_post(extract) -> None:
    ex = extract("Врач Пётр Ильич Семёнов был арестован в 1937 году.")
    found = [c for c in ex.claims if c.type == "position"]
    assert [(c.role, c.attrs.get("title_only")) for c in found] == [("Врач", None)]


@pytest.mark.parametrize(("text", "kept"), [
    # a substantivised passive participle is what was done to the person, no post
    ("Арестованный Иван Лагин показал, что ничего не знает.", set()),
    ("Обвиняемая Анна Сомова от показаний отказалась.", set()),
    # an active one may be a post
    ("Показания дал заведующий складом Иван Лагин.", {("Иван Лагин", "заведующий складом")}),
    ("Допрос вела следователь Анна Сомова.", {("Анна Сомова", "следователь")}),
])
def test_ru_roll_roles_a_passive_participle_before_a_name_is_a_status_not_a_post(
        extract, text: str, kept: set[tuple[str, str]]) -> None:
    assert _posts(extract(text)) == kept
