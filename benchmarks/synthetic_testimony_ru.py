"""Synthetic Russian testimonies whose truth is known (benchmarks only): the Russian half of
``synthetic_testimony.py``, with the same people.

A statement names its informant ("Я, Орлов Иван Петрович, …"), one to three relatives who bear
the informant's surname ("Мой отец, …", "Моя сестра, …") and one to three fellow prisoners drawn,
Zipf-distributed, from a pool as large as the collection; each in one of the forms Russian
records use (name, patronymic and surname either way round, given name and surname, initials).
Names stand in the nominative only, so no inflection of made-up surnames is guessed. The
phrasing is generated here from a few templates; no sentence comes from any source text.
"""

from __future__ import annotations

import random
from pathlib import Path

import synthetic_testimony as english
from synthetic_people import Person
from synthetic_testimony import Named, joined

MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
          "сентября", "октября", "ноября", "декабря")
# Soviet cities and camps of the period, in the prepositional case after в/на (a gazetteer's
# facts; the case forms are Зализняк's).
IN_PLACES = ("в Москве", "в Ленинграде", "в Киеве", "в Харькове", "в Минске", "в Казани",
             "в Томске", "в Омске", "в Саратове", "в Перми", "в Уфе", "в Воронеже", "в Смоленске",
             "в Ярославле", "в Ташкенте", "в Баку", "в Свердловске", "в Иркутске")
IN_CAMPS = ("на Колыме", "в Воркуте", "в Норильске", "в Караганде", "на Соловках", "в Магадане",
            "в Ухте", "в Темникове")
POSTS = ("инженер", "бухгалтер", "учитель", "врач", "рабочий", "директор", "экономист",
         "механик", "корреспондент", "агроном", "студент", "счетовод")
POSTS_AS = {"инженер": "инженером", "бухгалтер": "бухгалтером", "учитель": "учителем",
            "врач": "врачом", "рабочий": "рабочим", "директор": "директором",
            "экономист": "экономистом", "механик": "механиком",
            "корреспондент": "корреспондентом", "агроном": "агрономом",
            "студент": "студентом", "счетовод": "счетоводом"}
RELATIVES = {"m": ("муж", "брат", "отец", "сын"), "f": ("жена", "сестра", "мать", "дочь")}


def _date(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year} года"


def _named(p: Person, rng: random.Random) -> str:
    form = rng.random()
    if form < 0.3:
        return f"{p.surname} {p.given} {p.patronymic}"
    if form < 0.55:
        return f"{p.given} {p.patronymic} {p.surname}"
    if form < 0.85:
        return f"{p.given} {p.surname}"
    return f"{p.given[0]}. {p.patronymic[0]}. {p.surname}"


def _verbs(p: Person) -> dict[str, str]:
    f = p.gender == "f"
    return {"был": "была" if f else "был", "а": "а" if f else "", "он": "она" if f else "он",
            "его": "её" if f else "его", "нём": "ней" if f else "нём",
            "умер": "умерла" if f else "умер", "вернулся": "вернулась" if f else "вернулся"}


def _fate(p: Person, rng: random.Random) -> tuple[str, str]:
    """The name as first written and the paragraph of the person's fate."""
    v = _verbs(p)
    arrested = rng.randint(1935, 1938)
    fates = (
        f"{_date(rng, arrested + 1).capitalize()} тройка приговорила {v['его']} к расстрелу; "
        f"приговор приведён в исполнение {_date(rng, arrested + 1)} {rng.choice(IN_PLACES)}.",
        f"{p.surname} {v['был']} осужден{v['а']} на десять лет лагерей и {v['умер']} "
        f"{rng.choice(IN_CAMPS)} в {rng.randint(arrested + 2, 1945)} году.",
        f"После двух лет следствия {v['он']} {v['был']} освобожден{v['а']} в {arrested + 2} году "
        f"и {v['вернулся']} домой.",
        f"Нам сказали, что {v['он']} отправлен{v['а']} в лагерь без права переписки; "
        f"больше о {v['нём']} ничего не известно.",
        f"{p.surname} {v['был']} сослан{v['а']} на пять лет и реабилитирован{v['а']} в "
        f"{rng.randint(1955, 1960)} году.",
    )
    name = _named(p, rng)
    return name, (f"{name}, {p.birth_year} года рождения, {v['был']} арестован{v['а']} "
                  f"{rng.choice(IN_PLACES)} {_date(rng, arrested)}. До ареста {v['он']} "
                  f"работал{v['а']} {POSTS_AS[rng.choice(POSTS)]}. " + rng.choice(fates))


def statement(number: int, informant: Person, relatives: list[tuple[str, Person]],
              others: list[Person], rng: random.Random) -> tuple[str, list[Named]]:
    """One statement and where each person is first named in it."""
    me, v = informant, _verbs(informant)
    full = f"{me.surname} {me.given} {me.patronymic}"
    paragraphs = [
        f"Показания № {number}, записаны {rng.choice(IN_PLACES)} "
        f"{_date(rng, rng.randint(1954, 1991))}.",
        f"Я, {full}, родил{'ась' if me.gender == 'f' else 'ся'} в {me.birth_year} году "
        f"{rng.choice(IN_PLACES)}. До {rng.randint(1935, 1938)} года я работал{v['а']} "
        f"{POSTS_AS[rng.choice(POSTS)]}.",
    ]
    first = [(1, full, me.pid)]
    for relation, person in relatives:
        name, fate = _fate(person, rng)
        mine = "Моя" if person.gender == "f" else "Мой"
        paragraphs.append(f"{mine} {relation}, " + fate)
        first.append((len(paragraphs) - 1, name, person.pid))
    for person in others:
        met = rng.randint(1936, 1939)
        prison = rng.choice(IN_PLACES)
        name = _named(person, rng)
        post = rng.choice(POSTS)
        fate = _fate(person, rng)[1]
        sat = "сидела" if person.gender == "f" else "сидел"
        paragraphs.append(f"В {met} году в тюрьме {prison} со мной в одной камере {sat} {name}, "
                          f"{post}. " + fate)
        first.append((len(paragraphs) - 1, name, person.pid))
    paragraphs.append(f"Всё изложенное мною верно. {me.given[0]}. {me.surname}")
    return joined(paragraphs, first)


def write_testimonies(root: Path, count: int, seed: int = 7) -> list[dict[str, object]]:
    """``count`` Russian statements ``r00000.txt``... into ``root``; returns the truth as
    ``synthetic_testimony.write_testimonies`` does, for the same people."""
    return english.write_testimonies(root, count, seed, write=statement,
                                     relatives_of=RELATIVES, prefix="r")
