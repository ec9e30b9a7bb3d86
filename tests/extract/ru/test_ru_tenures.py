"""Posts without a verb of appointment (kartoteka.extract.ru.tenures): a post with its years
in brackets, one person succeeding another. Invented people and sentences."""

from __future__ import annotations

from kartoteka.model import Extraction

LEAD = "Кузьмин, Павел Ильич\nПавел Ильич Кузьмин (5 мая 1890 — 9 июня 1960) — советский деятель"


def _posts(ex: Extraction, *types: str) -> list[tuple[str, str | None, str | None, str | None]]:
    names = {m.id: m.name for m in ex.mentions}
    return sorted((c.type, names.get(c.subject), c.date, c.role) for c in ex.claims
                  if c.type in types)


def test_ru_tenures_post_with_years_in_brackets(extract) -> None:
    ex = extract(LEAD + ", народный комиссар связи СССР (1936—1938).", kind="encyclopedia")
    assert _posts(ex, "appointment", "position") == [
        ("appointment", "Павел Ильич Кузьмин", "1936", "народный комиссар связи СССР"),
        ("position", "Павел Ильич Кузьмин", "1936/1938", "народный комиссар связи СССР")]


def test_ru_tenures_rank_since_a_day_and_a_gloss_before_the_years(extract) -> None:
    ex = extract(LEAD + ", комиссар связи 2-го ранга (с 26 ноября 1935).\n"
                 "Заведующий особым отделом (секретариат наркома, 1928—1934).",
                 kind="encyclopedia")
    assert _posts(ex, "appointment") == [
        ("appointment", "Павел Ильич Кузьмин", "1928", "Заведующий особым отделом"),
        ("appointment", "Павел Ильич Кузьмин", "1935-11-26", "комиссар связи 2-го ранга")]


def test_ru_tenures_years_after_a_name_or_a_membership_are_no_post(extract) -> None:
    ex = extract(LEAD + ". Член партии (1919—1938). Нарком Сомов (1938—1939) жил в Омске "
                 "(1930—1935).", kind="encyclopedia")
    found = _posts(ex, "appointment", "position")
    assert not [p for p in found if p[2] in ("1919", "1919/1938", "1938", "1938/1939", "1930",
                                             "1930/1935")]


def test_ru_tenures_only_in_an_article(extract) -> None:
    ex = extract("Я помню, что Павел Ильич Кузьмин был там. Народный комиссар связи "
                 "(1936—1938) жил рядом.")
    assert _posts(ex, "appointment", "position") == []


def test_ru_tenures_succession_appoints_one_and_removes_the_other(extract) -> None:
    ex = extract("Пётр Иванович Сомов сменил Павла Ильича Кузьмина на посту начальника "
                 "управления в 1937 году.")
    assert _posts(ex, "appointment", "dismissal") == [
        ("appointment", "Пётр Иванович Сомов", "1937", "начальник управления"),
        ("dismissal", "Павел Ильич Кузьмин", "1937", "начальник управления")]


def test_ru_tenures_succession_with_a_pronoun_in_an_article(extract) -> None:
    ex = extract(LEAD + ". Осенью 1938 года его на посту наркома сменил Пётр Иванович Сомов.",
                 kind="encyclopedia")
    assert _posts(ex, "appointment", "dismissal") == [
        ("appointment", "Пётр Иванович Сомов", "1938-23", "нарком"),
        ("dismissal", "Павел Ильич Кузьмин", "1938-23", "нарком")]


def test_ru_tenures_appointment_told_with_a_noun(extract) -> None:
    ex = extract("После назначения Павла Ильича Кузьмина на пост начальника управления в 1937 "
                 "году начались аресты.")
    assert _posts(ex, "appointment") == [
        ("appointment", "Павел Ильич Кузьмин", "1937", "начальник управления")]


def test_ru_tenures_succession_told_with_a_noun(extract) -> None:
    ex = extract("Пётр Иванович Сомов руководил трестом. Год закончился сменой Сомова на посту "
                 "директора треста на Павла Ильича Кузьмина в декабре 1937 года.")
    assert _posts(ex, "appointment", "dismissal") == [
        ("appointment", "Павел Ильич Кузьмин", "1937-12", "директор треста"),
        ("dismissal", "Сомов", "1937-12", "директор треста")]


def test_ru_tenures_a_noun_not_taken_as_given_is_no_claim(extract) -> None:
    ex = extract("Обсуждалось назначение Павла Ильича Кузьмина, но его так и не назначили.")
    assert [c.polarity for c in ex.claims if c.type == "appointment"] in ([], ["negated"])


def test_ru_tenures_pronoun_in_a_noun_phrase_is_the_last_person_named(extract) -> None:
    ex = extract("Иван Грачёв хвалил его. Трест возглавил Пётр Иванович Сомов, и год закончился "
                 "сменой его самого на посту директора треста на Павла Ильича Кузьмина.")
    dismissed = [p[1] for p in _posts(ex, "dismissal")]
    assert dismissed and set(dismissed) <= {"Пётр Иванович Сомов"}
