"""Who is a person in Russian text (kartoteka.extract.ru.persons): common nouns capitalised at a
start, families in the plural, names of places and bodies, letters. Invented sentences."""

from __future__ import annotations

import re

import pytest

from kartoteka.extract.ru.persons import PersonFinder, Tok, initials_first
from kartoteka.extract.ru.words import is_common_noun
from kartoteka.model import Extraction, Mention


@pytest.mark.parametrize(("word", "common"), [
    ("Судьба", True), ("Биография", True), ("Память", True),
    ("Сомов", False),  # a surname in the dictionary
    ("Вера", False),  # also a given name
    ("Ежов", False),
    ("Бокий", False),  # unknown to the dictionary: it may be anyone's name
])
def test_ru_persons_is_common_noun(word: str, common: bool) -> None:
    assert is_common_noun(word) is common


def _tokens(text: str) -> list[Tok]:
    """Tokens built by hand (no model): words and punctuation, sentences ended by . ! ?"""
    out: list[Tok] = []
    sentence = 0
    for m in re.finditer(r"\w+|[^\w\s]", text):
        out.append(Tok(len(out), m.start(), m.end(), m.group(), "", {}, "", None, sentence))
        if m.group() in ".!?" and not re.fullmatch(r"\w", out[-2].text if len(out) > 1 else ""):
            sentence += 1
    return out


def _found(text: str, span: str) -> list[str]:
    """The names PersonFinder makes of the tokens of ``span`` (as natasha's PER span)."""
    tokens = _tokens(text)
    start = text.index(span)
    inside = [t.index for t in tokens if start <= t.start and t.end <= start + len(span)]
    return [p.name for p in PersonFinder(text, tokens).find([(inside[0], inside[-1] + 1)])]


@pytest.mark.parametrize(("text", "span", "names"), [
    # a column heading run into the first row, a heading before a sentence
    ("Имя\tГоды жизни\tСудьба\nСомов Игнат Лукич\t1890–1938", "Судьба\nСомов Игнат Лукич",
     ["Сомов Игнат Лукич"]),
    ("Год\tСудьба\tВера Павловна Сомова", "Судьба\tВера Павловна Сомова",
     ["Вера Павловна Сомова"]),
    ("Судьба\nПётр Сомов был арестован.", "Судьба", []),
    # "ягода" is a common noun to the dictionary, but here it heads a surname-first name, or
    # the text capitalises it inside a sentence too
    ("Ягода Генрих Григорьевич был наркомом.", "Ягода Генрих Григорьевич",
     ["Ягода Генрих Григорьевич"]),
    ("Ягода был наркомом. Позже Ягода признал вину.", "Ягода", ["Ягода", "Ягода"]),
    # a place, a body, letters
    ("Полигон устроили у мызы Ольховка.", "Ольховка", []),
    ("Он был председателем Сибревкома.", "Сибревкома", []),
    ("Приказ комиссара Союза С.С.Р.", "С.С.Р", []),
])
def test_ru_persons_spans_that_name_nobody(text: str, span: str, names: list[str]) -> None:
    assert _found(text, span) == names


@pytest.mark.parametrize(("text", "span", "names"), [
    # after a place noun, a word the dictionary reads as a surname and never as a place
    ("Осенью начальник лагеря Зотов уехал в Москву.", "Зотов", ["Зотов"]),
    ("Весной начальник тюрьмы Лавров вызвал меня на допрос.", "Лавров", ["Лавров"]),
    # a place's name stays a place: a city (Geox), a name the dictionary does not know
    ("Начальник лагеря Ростов не упоминал.", "Ростов", []),
    ("Нас перевели в лагерь Бутугычаг.", "Бутугычаг", []),
])
def test_ru_persons_a_surname_after_a_place_noun_is_a_name(text: str, span: str,
                                                           names: list[str]) -> None:
    assert _found(text, span) == names


@pytest.mark.parametrize("text", ["Судьба Сомова известна.", "Биография Сомова Петра Ильича."])
def test_ru_persons_common_noun_before_a_name_is_left_out(text: str) -> None:
    first = text.split()[0]
    names = _found(text, text.rstrip(".").split(" ", 2)[0] + " " + text.split()[1])
    assert len(names) == 1 and first not in names[0]



def _people(ex: Extraction) -> dict[str, Mention]:
    return {m.text: m for m in ex.mentions if m.kind == "person"}


@pytest.mark.slow
def test_ru_persons_common_noun_is_a_name_where_the_text_says_so(extract) -> None:
    """"Ягода" is a common noun in the dictionary; capitalised inside a sentence it is a name,
    and so it is at a sentence start too."""
    text = "Ягода был арестован в 1937 году. Позже Ягода признал вину."
    ex = extract(text)
    people = [m for m in ex.mentions if m.kind == "person"]
    assert [(m.start, m.name) for m in people] == [(0, "Ягода"), (text.rindex("Ягода"), "Ягода")]
    arrests = [c for c in ex.claims if c.type == "arrest"]
    assert [ex.mention(c.subject).start for c in arrests] == [0]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "surface", "family"), [
    ("Сомовы по линии отца были большой семьёй.", "Сомовы", "Сомов"),
    ("Воспоминания о семье Сомовых записаны в 1970 году.", "Сомовых", "Сомов"),
    ("Пётр Сомов работал на заводе. Дом Сомовых сгорел в 1941 году.", "Сомовых", "Сомов"),
])
def test_ru_persons_surname_in_the_plural_is_a_family(extract, text: str, surface: str,
                                                      family: str) -> None:
    ex = extract(text)
    groups = [m for m in ex.mentions if m.kind == "group" and m.text == surface]
    assert [(m.name, m.family) for m in groups] == [(family, True)]
    assert surface not in _people(ex)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "surface", "name", "gender"), [
    ("Ответ: Машинистка отдела Грачёва, которая печатала приказы.", "Грачёва", "Грачёва", "f"),
    ("Ответ: Я передал письмо Грачёва, который служил в отделе.", "Грачёва", "Грачёв", "m"),
])
def test_ru_persons_relative_pronoun_tells_the_gender(extract, text: str, surface: str,
                                                      name: str, gender: str) -> None:
    person = _people(extract(text))[surface]
    assert (person.name, person.gender) == (name, gender)


@pytest.mark.parametrize(("name", "expected"), [
    ("Ежов Н. И.", "Н. И. Ежов"), ("Ежов Н. И", "Н. И. Ежов"), ("Н.И. Ежов", "Н. И. Ежов"),
    ("И.В.Сталин", "И. В. Сталин"),
    ("Н. Ежов", "Н. Ежов"), ("Ежов Н.", "Н. Ежов"), ("Николай Ежов", "Николай Ежов"),
])
def test_ru_persons_initials_come_first_whatever_the_order(name: str, expected: str) -> None:
    assert initials_first(name) == expected


@pytest.mark.parametrize(("text", "span", "case"), [
    ("Письмо Ивану Петровичу Сомову пришло поздно.", "Ивану Петровичу Сомову", "datv"),
    ("Приговор Ивану Петровичу объявили.", "Ивану Петровичу", "datv"),
])
def test_ru_persons_case_is_a_plain_string(text: str, span: str, case: str) -> None:
    # The case a name is read in goes into Mention.attrs: a plain str, not pymorphy's grammeme.
    tokens = _tokens(text)
    start = text.index(span)
    inside = [t.index for t in tokens if start <= t.start and t.end <= start + len(span)]
    people = PersonFinder(text, tokens).find([(inside[0], inside[-1] + 1)])
    assert [type(p.case) for p in people] == [str]
    assert people[0].case == case


def _tagged(text: str, span: str, cases: list[str], head_rel: str) -> list[Tok]:
    """Hand tokens of ``text`` with the tagger's cases on the words of ``span`` (one per word,
    initials included) and UD's flat:name on all but the first of them, as natasha parses a
    name."""
    tokens = _tokens(text)
    start = text.index(span)
    words = [t for t in tokens if start <= t.start < start + len(span) and t.text.isalpha()]
    for n, (t, case) in enumerate(zip(words, cases, strict=True)):
        t.feats = {"Case": case, "Gender": "Masc"}
        t.rel = head_rel if n == 0 else "flat:name"
    return tokens


@pytest.mark.parametrize(("text", "span", "cases", "rel", "name"), [
    # the head initial carries the case the surname's ending fits; the surname is tagged loosely
    ("Сомов сменил Г.Г. Сковороду на посту.", "Г.Г. Сковороду", ["Acc", "Gen", "Gen"], "obj",
     "Г. Г. Сковорода"),
    ("В докладе М.П. Гершинского упоминался Сомов.", "М.П. Гершинского", ["Gen", "Gen", "Nom"],
     "nmod", "М. П. Гершинский"),
    ("Позже И.В.Сомов подписал список.", "И.В.Сомов", ["Nom", "Gen", "Nom"], "nsubj",
     "И. В. Сомов"),
])
def test_ru_persons_initials_and_an_inflected_surname_read_the_case_the_ending_fits(
        text: str, span: str, cases: list[str], rel: str, name: str) -> None:
    tokens = _tagged(text, span, cases, rel)
    start = text.index(span)
    inside = [t.index for t in tokens if start <= t.start and t.end <= start + len(span)]
    people = PersonFinder(text, tokens).find([(inside[0], inside[-1] + 1)])
    assert [p.name for p in people] == [name]


@pytest.mark.parametrize(("text", "span", "name", "gender"), [
    # the relative herself: a possessive before the kinship noun, or a dash after it
    ("Его жена Сомова работала в библиотеке.", "Сомова", "Сомова", "f"),
    ("Жена — Сомова, учительница.", "Сомова", "Сомова", "f"),
    ("Его жена А. С. Сомова тоже работала.", "А. С. Сомова", "А. С. Сомова", "f"),
    # without either, the surname after a kinship noun is the genitive of a man's: Somov's wife
    ("Жена Сомова работала в библиотеке.", "Сомова", "Сомов", "m"),
])
def test_ru_persons_a_surname_after_a_kinship_noun_is_the_relative_or_the_genitive(
        text: str, span: str, name: str, gender: str) -> None:
    tokens = _tokens(text)
    for t in tokens:  # the tagger's features: a nominative kin noun, a genitive-looking name
        if t.text.lower() == "жена":
            t.feats = {"Case": "Nom", "Gender": "Fem"}
        elif t.text == "Сомова":
            t.feats = {"Case": "Gen", "Gender": "Masc"}
    start = text.index(span)
    inside = [t.index for t in tokens if start <= t.start and t.end <= start + len(span)]
    people = PersonFinder(text, tokens).find([(inside[0], inside[-1] + 1)])
    assert [(p.name, p.gender) for p in people] == [(name, gender)]


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("Моего сына, Кузьму Орлова, арестовали в 1937 году.", "Кузьму Орлова", "Кузьма Орлов"),
    ("Нашего соседа, Фому Лагина, взяли весной.", "Фому Лагина", "Фома Лагин"),
    ("Её брата, Никиту Гурова, выслали в Казахстан.", "Никиту Гурова", "Никита Гуров"),
    # a given name the dictionary lacks in the tagger's case stays the tagger's reading
    ("Письмо Христиана Раковского дошло до нас.", "Христиана Раковского",
     "Христиан Раковский"),
])
def test_ru_persons_an_accusative_given_name_after_a_kinship_noun_is_nominative(
        extract, text: str, surface: str, name: str) -> None:
    people = [m for m in extract(text).mentions if m.kind == "person" and m.text == surface]
    assert [m.name for m in people] == [name]
