"""Lists of people, one entry a line (kartoteka.extract.ru.entries): the name each line begins
with, its bracketed variants, and every claim of a line on that line's person.

The people and dates here are invented."""

from __future__ import annotations

import pytest

from kartoteka.extract.ru.entries import entry_spans, find_heads
from kartoteka.model import Claim, Extraction, Mention

LIST = (
    "Список лиц, осуждённых в 1938 г.\n\n"
    "Сомов (Сомовский) Игнат Лукич, род. 1890, Калужская губ.; бухгалтер. Арестован 3 марта "
    "1938 г. Расстрелян 9 апреля 1938 г.\n"
    "Грачёва Ольга Петровна, род. 1902; учительница, жена И. Л. Сомова. Арестована 5 мая "
    "1938 г. Освобождена в 1940 г.\n"
    "Пахомов Денис Ильич, род. 1899; счетовод. Арестован летом 1938 г. Расстрелян в 1939 г.\n"
)


@pytest.mark.parametrize(("line", "name", "parts", "variants"), [
    ("Сомов (Сомовский) Игнат Лукич, род. 1890", "Сомов Игнат Лукич",
     {"surname": "Сомов", "given": "Игнат", "patronymic": "Лукич"},
     ["Сомовский Игнат Лукич"]),
    ("Грачёва (урожд. Штерн) Ольга Петровна\t1902–1970", "Грачёва Ольга Петровна",
     {"surname": "Грачёва", "given": "Ольга", "patronymic": "Петровна"},
     ["Штерн Ольга Петровна"]),
    ("12. ПАХОМОВ Денис Ильич, 1899 г.р.", "Пахомов Денис Ильич",
     {"surname": "Пахомов", "given": "Денис", "patronymic": "Ильич"}, []),
    ("Пахомов Денис Ильич (Ильинич), род. 1899", "Пахомов Денис Ильич",
     {"surname": "Пахомов", "given": "Денис", "patronymic": "Ильич"},
     ["Пахомов Денис Ильинич"]),
    ("Волков И. С., род. 1901", "Волков И. С.", {"surname": "Волков", "initials": "ИС"}, []),
])
def test_ru_entries_head_name_without_its_brackets(line: str, name: str, parts: dict[str, str],
                                                 variants: list[str]) -> None:
    heads = find_heads(line, record_list=True)
    assert len(heads) == 1
    head = heads[0]
    assert (head.name, head.parts) == (name, parts)
    assert [full for _, _, full in head.variants] == variants
    for start, end, full in head.variants:  # a variant's span is its word in the text
        assert line[start:end] in full
    assert line[head.start:head.end].startswith(line.split()[1] if line[0].isdigit()
                                                else line.split()[0])


@pytest.mark.parametrize(("text", "record_list", "count"), [
    (LIST, True, 3),
    # a memoir with a table: full heads on two lines or more
    ("Воспоминания.\nМой дед служил на заводе.\nИмя\tСудьба\n"
     "Сомов Игнат Лукич\tрасстрелян\nСомова Анна Игнатьевна\tвыслана\n", False, 2),
    # one line beginning with a name in prose is no list
    ("Сомов Игнат Лукич служил на заводе.\nПотом его перевели в Тулу.\n", False, 0),
    # outside a record list a head needs a patronymic or initials
    ("Сомов Игнат, бухгалтер.\nГрачёва Ольга, учительница.\n", False, 0),
    ("Сомов Игнат, бухгалтер.\nГрачёва Ольга, учительница.\n", True, 2),
    # a post or a verb is no surname
    ("Нарком Игнат Лукич\nАрестован Игнат Лукич\n", True, 0),
])
def test_ru_entries_which_lines_are_entries(text: str, record_list: bool, count: int) -> None:
    assert len(find_heads(text, record_list=record_list)) == count


def test_ru_entries_span_to_the_next_head_or_a_blank_line() -> None:
    text = ("1. Сомов Игнат Лукич, род. 1890.\n   Арестован в 1938 г.\n"
            "2. Грачёва Ольга Петровна, род. 1902.\n\nСоставитель: архив.\n")
    heads = find_heads(text, record_list=True)
    spans = entry_spans(text, heads, record_list=True)
    first, second = (text[a:b] for a, b in spans)
    assert "Арестован в 1938" in first and "Грачёва" not in first
    assert second.startswith("2. Грачёва") and "Составитель" not in second


# -- the whole pipeline --------------------------------------------------------------------


def _subject(ex: Extraction, claim: Claim) -> Mention:
    return ex.mention(claim.subject)


@pytest.mark.slow
def test_ru_entries_each_line_claims_its_own_person(extract) -> None:
    ex = extract(LIST, "record-list")
    got = sorted((_subject(ex, c).name, c.type, c.date) for c in ex.claims
                 if c.type in ("arrest", "execution", "release", "birth"))
    assert got == sorted([
        ("Сомов Игнат Лукич", "birth", "1890"),
        ("Сомов Игнат Лукич", "arrest", "1938-03-03"),
        ("Сомов Игнат Лукич", "execution", "1938-04-09"),
        ("Грачёва Ольга Петровна", "birth", "1902"),
        ("Грачёва Ольга Петровна", "arrest", "1938-05-05"),
        ("Грачёва Ольга Петровна", "release", "1940"),
        ("Пахомов Денис Ильич", "birth", "1899"),
        ("Пахомов Денис Ильич", "arrest", "1938-22"),
        ("Пахомов Денис Ильич", "execution", "1939"),
    ])
    # every claim's evidence lies on its subject's own line
    for claim in ex.claims:
        subject = _subject(ex, claim)
        line_start = LIST.rfind("\n", 0, subject.start) + 1
        line_end = LIST.find("\n", subject.start)
        assert all(line_start <= e.start and e.end <= line_end for e in claim.evidence)


@pytest.mark.slow
def test_ru_entries_bracketed_variant_is_an_alias_not_the_label(extract) -> None:
    ex = extract(LIST, "record-list")
    head = next(m for m in ex.mentions if m.attrs.get("entry_head") and "Сомов" in m.text)
    assert head.text == "Сомов (Сомовский) Игнат Лукич"
    assert (head.name, head.gender) == ("Сомов Игнат Лукич", "m")
    assert head.attrs["name_variants"] == ["Сомовский Игнат Лукич"]
    alias = [m for m in ex.mentions if m.attrs.get("alias_of") == head.id]
    assert [(m.text, m.name) for m in alias] == [("Сомовский", "Сомовский Игнат Лукич")]
    # natasha's pieces of the same name are not people of their own
    people = [m for m in ex.mentions if m.kind == "person" and m.start >= head.start
              and m.end <= head.end]
    assert {m.id for m in people} == {head.id} | {m.id for m in alias}


@pytest.mark.slow
def test_ru_entries_table_rows_of_a_memoir(extract) -> None:
    text = ("Мой дед Сомов Игнат Лукич работал бухгалтером.\n\n"
            "Имя\tГоды жизни\tСудьба\n"
            "Сомов Игнат Лукич\t1890–1938\tарестован 03.03.1938, расстрелян 09.04.1938\n"
            "Сомова (урожд. Штерн) Анна Ильинична\t1895–1961\tвыслана в 1938 г.\n")
    ex = extract(text)
    got = sorted((_subject(ex, c).name, c.type, c.date) for c in ex.claims
                 if c.type in ("arrest", "execution", "birth", "death", "expulsion"))
    assert got == sorted([
        ("Сомов Игнат Лукич", "birth", "1890"), ("Сомов Игнат Лукич", "death", "1938"),
        ("Сомов Игнат Лукич", "arrest", "1938-03-03"),
        ("Сомов Игнат Лукич", "execution", "1938-04-09"),
        ("Сомова Анна Ильинична", "birth", "1895"), ("Сомова Анна Ильинична", "death", "1961"),
        ("Сомова Анна Ильинична", "expulsion", "1938"),
    ])
    assert not [m for m in ex.mentions if m.kind == "person" and m.text == "Судьба"]


@pytest.mark.slow
def test_ru_entries_a_list_has_no_document_person(extract) -> None:
    """A subjectless fate before the first entry belongs to nobody; a feminine one in a man's
    line is not moved to another line's woman."""
    text = ("Расстреляны в 1938 г.\n"
            "Сомов Игнат Лукич, род. 1890. Арестован в 1937 г.\n"
            "Грачёва Ольга Петровна, род. 1902. Арестован в 1938 г.\n")
    ex = extract(text, "record-list")
    arrests = sorted((_subject(ex, c).name, c.date) for c in ex.claims if c.type == "arrest")
    assert arrests == [("Сомов Игнат Лукич", "1937")]
    assert not [c for c in ex.claims if c.type == "execution"]


@pytest.mark.slow
def test_ru_entries_kin_noun_ties_the_entry_person(extract) -> None:
    ex = extract(LIST, "record-list")
    got = [(_subject(ex, c).name, c.type, ex.mention(c.object).name) for c in ex.claims
           if c.type == "spouse_of"]
    assert got == [("Грачёва Ольга Петровна", "spouse_of", "И. Л. Сомов")]


def test_ru_entries_a_heads_bracket_gives_its_life_span_and_year_of_birth(extract) -> None:
    # a Book of Memory entry: the head's span takes in the bracket after the name, which
    # holds the life span (a birthplace inside it) or the year of birth
    ex = extract("Кузьмин Павел Ильич (1889, д. Сосновка Тверской губ. — 1938). Колхозник. "
                 "Арестован 12 ноября 1937 г.\n"
                 "Кузьмина Анна Ивановна (1893 г.р.), жена. Арестована в 1938 г.\n"
                 "Сомов (Сомовский) Игнат Лукич, 1890 г.р.")
    names = {m.id: m.name for m in ex.mentions}
    assert sorted((c.type, names[c.subject], c.date) for c in ex.claims
                  if c.type in ("birth", "death")) == [
        ("birth", "Кузьмин Павел Ильич", "1889"), ("birth", "Кузьмина Анна Ивановна", "1893"),
        ("birth", "Сомов Игнат Лукич", "1890"), ("death", "Кузьмин Павел Ильич", "1938")]


def _ties(ex: Extraction) -> list[tuple[str, str, str]]:
    return [(_subject(ex, c).name, c.type, ex.mention(c.object).name) for c in ex.claims
            if c.type in ("spouse_of", "child_of", "parent_of", "sibling_of")]


def test_ru_entries_a_relatives_run_on_entry_takes_its_own_fates_and_the_tie(extract) -> None:
    # a Book of Memory gives the family after the one repressed, on the same line: the
    # relative's name opens a sentence, a bare kinship noun says who she is to him
    ex = extract("Жуков Семён Ильич, 1899 г. р., уроженец д. Липки, счетовод. Арестован "
                 "5.08.1937. Расстрелян 12.10.1937. Жукова Дарья Павловна, 1903 г. р., жена. "
                 "Арестована 1.11.1937.")
    fates = sorted((_subject(ex, c).name, c.type, c.date) for c in ex.claims
                   if c.type in ("arrest", "execution"))
    assert fates == [("Жуков Семён Ильич", "arrest", "1937-08-05"),
                     ("Жуков Семён Ильич", "execution", "1937-10-12"),
                     ("Жукова Дарья Павловна", "arrest", "1937-11-01")]
    assert _ties(ex) == [("Жукова Дарья Павловна", "spouse_of", "Жуков Семён Ильич")]


def test_ru_entries_a_bare_kin_noun_on_the_next_line_ties_the_same_surname(extract) -> None:
    ex = extract("Жуков Семён Ильич, 1899 г. р., счетовод. Расстрелян 12.10.1937.\n"
                 "Жуков Олег Семёнович, 1925 г. р., сын. Выслан в 1938 г.\n"
                 "Котова Нина Петровна, 1910 г. р., сестра. Арестована в 1938 г.\n")
    assert _ties(ex) == [("Жуков Олег Семёнович", "child_of", "Жуков Семён Ильич")]


@pytest.mark.parametrize("text", [
    # a kinship noun of the other gender: no relative's entry
    "Жуков Семён Ильич, 1899 г. р. Расстрелян в 1937 г. Жуков Олег Семёнович, 1925 г. р., дочь.",
    # a name after a full stop with no kinship noun: prose, no entry
    "Жуков Семён Ильич, 1899 г. р. Расстрелян в 1937 г. Котова Нина Петровна, соседка, "
    "писала о нём.",
])
def test_ru_entries_a_run_on_name_without_its_kin_noun_is_no_entry(text: str) -> None:
    heads = find_heads(text, record_list=True)
    assert [h.name for h in heads] == ["Жуков Семён Ильич"]
