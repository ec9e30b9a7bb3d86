"""Fate constructions of Russian biographies and records, end to end through
kartoteka.extract.ru.claims and its triggers (one natasha load per session). Invented people
and sentences, one per construction of docs/constructions.md (## Russian)."""

from __future__ import annotations

import pytest

from kartoteka.model import Extraction


def _facts(ex: Extraction, *types: str) -> list[tuple[str, str | None, str | None, str]]:
    """(type, subject's name, date, polarity) of the claims of ``types``."""
    names = {m.id: m.name for m in ex.mentions}
    return sorted((c.type, names.get(c.subject), c.date, c.polarity) for c in ex.claims
                  if c.type in types)


RECORD = "Кузьмин Павел Ильич, 1899 г.р., уроженец г. Омск. "
RECORD_F = "Кузьмина Анна Ивановна, 1905 г.р. "


@pytest.mark.parametrize(("text", "types", "expected"), [
    (RECORD + "Арестован 12.05.1937. Расстрелян 3 ноября 1937 г.", ("arrest", "execution"),
     [("arrest", "Кузьмин Павел Ильич", "1937-05-12", "affirmed"),
      ("execution", "Кузьмин Павел Ильич", "1937-11-03", "affirmed")]),
    (RECORD + "Арестован в 1937 г. Осужден ОСО при НКВД СССР к 10 годам ИТЛ.", ("sentence",),
     [("sentence", "Кузьмин Павел Ильич", None, "affirmed")]),
    (RECORD_F + "Арестована осенью 1938. Приговорена к ВМН. Приговор приведён в исполнение "
     "2 ноября 1938 г.", ("arrest", "sentence", "execution"),
     [("arrest", "Кузьмина Анна Ивановна", "1938-23", "affirmed"),
      ("execution", "Кузьмина Анна Ивановна", "1938-11-02", "affirmed"),
      ("sentence", "Кузьмина Анна Ивановна", None, "affirmed")]),
    (RECORD + "Приговорён к высшей мере наказания 20 мая 1938 г.", ("sentence",),
     [("sentence", "Кузьмин Павел Ильич", "1938-05-20", "affirmed")]),
    (RECORD + "Осуждён на 8 лет. Умер в заключении в 1942 г.", ("death",),
     [("death", "Кузьмин Павел Ильич", "1942", "affirmed")]),
    (RECORD + "Умер в лагере 5 марта 1943 г. Реабилитирован посмертно в 1957 г.",
     ("death", "rehabilitation"),
     [("death", "Кузьмин Павел Ильич", "1943-03-05", "affirmed"),
      ("rehabilitation", "Кузьмин Павел Ильич", "1957", "affirmed")]),
])
def test_ru_fates_record_lines(extract, text: str, types: tuple[str, ...],
                               expected: list[tuple[str, str, str | None, str]]) -> None:
    assert _facts(extract(text, kind="record-list"), *types) == expected


def test_ru_fates_sentence_role_of_a_special_board(extract) -> None:
    ex = extract(RECORD + "Арестован в 1937 г. Осужден ОСО при НКВД СССР к 10 годам ИТЛ.",
                 kind="record-list")
    assert [c.role for c in ex.claims if c.type == "sentence"] == ["10 лет ИТЛ"]


@pytest.mark.parametrize(("text", "types", "expected"), [
    ("Павел Ильич Кузьмин погиб на фронте в 1942 году.", ("death",),
     [("death", "Павел Ильич Кузьмин", "1942", "affirmed")]),
    ("Павел Ильич Кузьмин покончил с собой в 1937 году.", ("suicide",),
     [("suicide", "Павел Ильич Кузьмин", "1937", "affirmed")]),
    ("Павел Ильич Кузьмин перешёл границу в 1930 году.", ("defection",),
     [("defection", "Павел Ильич Кузьмин", "1930", "affirmed")]),
    ("Павел Ильич Кузьмин в 1938 году бежал в Японию.", ("defection",),
     [("defection", "Павел Ильич Кузьмин", "1938", "affirmed")]),
    # a flight within the country is no defection
    ("Павел Ильич Кузьмин в 1938 году бежал в Омск.", ("defection",), []),
    ("Павел Ильич Кузьмин (1890—1960) — советский разведчик. С июля 1938 года — невозвращенец.",
     ("defection",), [("defection", "Павел Ильич Кузьмин", "1938-07", "affirmed")]),
    ("Павел Ильич Кузьмин (1890—1960) — советский военачальник. 24 января 1941 года лишён "
     "звания.", ("dismissal",), [("dismissal", "Павел Ильич Кузьмин", "1941-01-24", "affirmed")]),
    ("Павел Ильич Кузьмин был назначен наркомом связи в 1936 году. В 1937 году снят с "
     "должности.", ("appointment", "dismissal"),
     [("appointment", "Павел Ильич Кузьмин", "1936", "affirmed"),
      ("dismissal", "Павел Ильич Кузьмин", "1937", "affirmed")]),
    ("В 1938 году Павел Ильич Кузьмин был освобождён от обязанностей наркома.", ("dismissal",),
     [("dismissal", "Павел Ильич Кузьмин", "1938", "affirmed")]),
])
def test_ru_fates_prose(extract, text: str, types: tuple[str, ...],
                        expected: list[tuple[str, str, str | None, str]]) -> None:
    assert _facts(extract(text, kind="encyclopedia"), *types) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("В 1944 году Павла Ильича Кузьмина депортировали вместе с семьёй.",
     [("expulsion", "Павел Ильич Кузьмин", "1944", "affirmed")]),
    ("Анна Ивановна Кузьмина была сослана в Нарым в 1931 году.",
     [("expulsion", "Анна Ивановна Кузьмина", "1931", "affirmed")]),
    ("Кузьмина не сослали, его оставили в Москве.",
     [("expulsion", "Кузьмин", None, "negated")]),
    # the reflexive verb is another word: "сослался на" is "referred to"
    ("Павел Ильич Кузьмин сослался на болезнь.", []),
])
def test_ru_fates_exile_and_deportation(extract, text: str,
                                         expected: list[tuple[str, str, str | None, str]]
                                         ) -> None:
    assert _facts(extract(text), "expulsion") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a name set off by commas after a kinship noun is the relative itself
    ("Моего отца, Ивана Петровича Кузьмина, арестовали в 1937 году.",
     [("arrest", "Иван Петрович Кузьмин", "1937", "affirmed")]),
    ("Его брат, Павел Ильич Кузьмин, умер в лагере в 1942 году.",
     [("death", "Павел Ильич Кузьмин", "1942", "affirmed")]),
    # without commas the name is the noun's owner: his mother died, not he
    ("Мать Ивана Кузьмина умерла в 1950 году.", [("death", None, "1950", "affirmed")]),
])
def test_ru_fates_a_kin_noun_with_its_name_set_off_is_that_person(
        extract, text: str, expected: list[tuple[str, str | None, str | None, str]]) -> None:
    ex = extract(text)
    assert _facts(ex, "arrest", "death") == expected
    # set off, the named man is nobody's relative here; as an owner, his mother's son
    kin = [c.type for c in ex.claims if c.type in ("parent_of", "sibling_of")]
    assert kin == ([] if "," in text else ["parent_of"])


@pytest.mark.parametrize(("text", "name"), [
    ("Павла Ильича Кузьмина арестовали в 1937 году.", "Павел Ильич Кузьмин"),
    ("Анну Ивановну Кузьмину арестовали в 1937 году.", "Анна Ивановна Кузьмина"),
    # the tagger reads "Прасковью Кузьмину" as a man's dative; the dictionary's accusative of
    # Прасковья wins over it
    ("Прасковью Кузьмину арестовали в 1937 году.", "Прасковья Кузьмина"),
    ("Анна Ивановна Кузьмина жила в Омске. Кузьмину арестовали в 1937 году.",
     "Анна Ивановна Кузьмина"),
])
def test_ru_fates_case_forms_resolve_to_the_nominative(extract, text: str, name: str) -> None:
    ex = extract(text)
    arrests = _facts(ex, "arrest")
    assert [a[2] for a in arrests] == ["1937"]
    # the object's name comes back in the nominative; a bare surname keeps its own
    assert arrests[0][1] in (name, name.split()[-1])


@pytest.mark.parametrize(("text", "expected"), [
    # a loose apposition after a noun of a person, with a possessive or a role noun between
    ("Соседку нашу, Анну Ивановну Кузьмину, арестовали в 1937 году.",
     [("arrest", "Анна Ивановна Кузьмина", "1937", "affirmed")]),
    ("Нашего соседа, старого инженера Павла Кузьмина, арестовали в 1937 году.",
     [("arrest", "Павел Кузьмин", "1937", "affirmed")]),
    ("Мой дядя, инженер Павел Ильич Кузьмин, был расстрелян в 1938 году.",
     [("execution", "Павел Ильич Кузьмин", "1938", "affirmed")]),
    # no comma: the name is the owner (a genitive), and the neighbour nobody named
    ("Соседку Анны Ивановны Кузьминой арестовали в 1937 году.", []),
])
def test_ru_fates_a_name_apposed_to_a_noun_of_a_person_is_that_person(
        extract, text: str, expected: list[tuple[str, str | None, str | None, str]]) -> None:
    assert [f for f in _facts(extract(text), "arrest", "execution") if f[1]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # coordinated active verbs share their object
    ("Павла Ильича Кузьмина арестовали и расстреляли.",
     [("arrest", "Павел Ильич Кузьмин", None, "affirmed"),
      ("execution", "Павел Ильич Кузьмин", None, "affirmed")]),
    ("Павла Ильича Кузьмина объявили врагом народа и расстреляли в 1938 году.",
     [("execution", "Павел Ильич Кузьмин", "1938", "affirmed")]),
    # a verb with its own object shares nothing: the wife is no one named
    ("Иван Сомов арестовал Павла Кузьмина и расстрелял его жену.",
     [("arrest", "Павел Кузьмин", None, "affirmed")]),
])
def test_ru_fates_coordinated_verbs_share_their_object(
        extract, text: str, expected: list[tuple[str, str | None, str | None, str]]) -> None:
    assert [f for f in _facts(extract(text), "arrest", "execution") if f[1]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Павла Ильича Кузьмина убили в лагере в 1942 году.",
     [("death", "Павел Ильич Кузьмин", "1942", "affirmed")]),
    ("Павел Ильич Кузьмин был застрелен при попытке к бегству.",
     [("death", "Павел Ильич Кузьмин", None, "affirmed")]),
    # grief is no death; shooting oneself a suicide
    ("Павел Ильич Кузьмин был убит горем.", []),
    ("Павел Ильич Кузьмин застрелился в 1937 году.", []),
])
def test_ru_fates_killed_is_a_death(
        extract, text: str, expected: list[tuple[str, str | None, str | None, str]]) -> None:
    assert _facts(extract(text), "death", "execution") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ивана Сомова арестовали в 1937 году, а Павла Кузьмина — в 1938 году.",
     [("arrest", "Иван Сомов", "1937", "affirmed"),
      ("arrest", "Павел Кузьмин", "1938", "affirmed")]),
    ("Иван Сомов был арестован в 1937 году, его брат Павел Кузьмин — в 1938-м.",
     [("arrest", "Иван Сомов", "1937", "affirmed"),
      ("arrest", "Павел Кузьмин", "1938", "affirmed")]),
    ("Ивана Сомова расстреляли в 1937 году, а его жену Анну Кузьмину — в 1938 году.",
     [("execution", "Анна Кузьмина", "1938", "affirmed"),
      ("execution", "Иван Сомов", "1937", "affirmed")]),
    # a clause with a verb of its own is no gap; a contrast with a denial is not read
    ("Ивана Сомова арестовали в 1937 году, а Павел Кузьмин уехал в 1938 году.",
     [("arrest", "Иван Сомов", "1937", "affirmed")]),
    ("Ивана Сомова не арестовали в 1937 году, а Павла Кузьмина — в 1938 году.",
     [("arrest", "Иван Сомов", "1937", "negated")]),
    # after a semicolon, where the segmenter ends the sentence
    ("Ивана Сомова арестовали в 1937 году; Павла Кузьмина — в 1938-м.",
     [("arrest", "Иван Сомов", "1937", "affirmed"),
      ("arrest", "Павел Кузьмин", "1938", "affirmed")]),
    ("Ивана Сомова арестовали в 1937 году; Павел Кузьмин — в 1938 году уехал.",
     [("arrest", "Иван Сомов", "1937", "affirmed")]),
])
def test_ru_fates_a_gapped_clause_keeps_its_own_date(
        extract, text: str, expected: list[tuple[str, str | None, str | None, str]]) -> None:
    assert sorted(f for f in _facts(extract(text), "arrest", "execution") if f[1]) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Арестовали его жену Анну Кузьмину.", [("arrest", "Анна Кузьмина", None, "affirmed")]),
    # a man's name in the accusative is also a genitive: the brother, not Ivan
    ("Арестовали брата Ивана Кузьмина.", [("arrest", None, None, "affirmed")]),
])
def test_ru_fates_a_kin_noun_and_a_name_in_its_case(
        extract, text: str, expected: list[tuple[str, str | None, str | None, str]]) -> None:
    assert _facts(extract(text), "arrest") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Многих, в том числе Ивана Сомова и Павла Кузьмина, расстреляли в 1938 году.",
     [("execution", "Иван Сомов", "1938", "affirmed"),
      ("execution", "Павел Кузьмин", "1938", "affirmed")]),
    ("Многие, включая Ивана Сомова, погибли в лагерях.",
     [("death", "Иван Сомов", None, "affirmed")]),
    # exclusion is the opposite
    ("Всех, кроме Ивана Сомова, расстреляли.", []),
])
def test_ru_fates_members_named_after_v_tom_chisle_share_the_fate(
        extract, text: str, expected: list[tuple[str, str | None, str | None, str]]) -> None:
    assert _facts(extract(text), "execution", "death") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the object after a comma before the second verb is that verb's, not the first's
    ("Ивана Сомова расстреляли, Павла Кузьмина — сослали.",
     [("execution", "Иван Сомов", None, "affirmed"),
      ("expulsion", "Павел Кузьмин", None, "affirmed")]),
    ("Ивана Сомова расстреляли, Павла Кузьмина сослали.",
     [("execution", "Иван Сомов", None, "affirmed"),
      ("expulsion", "Павел Кузьмин", None, "affirmed")]),
])
def test_ru_fates_each_clause_keeps_its_own_object(
        extract, text: str, expected: list[tuple[str, str | None, str | None, str]]) -> None:
    assert _facts(extract(text), "execution", "expulsion") == expected


@pytest.mark.parametrize("text", [
    "В 1937 году арестовали Ивана Сомова, а в 1938 году — Павла Кузьмина.",
    "Ивана Сомова арестовали в 1937 году, а Павла Кузьмина в 1938 году.",
])
def test_ru_fates_a_gapped_clause_with_its_date_first_or_without_a_dash(extract,
                                                                       text: str) -> None:
    assert _facts(extract(text), "arrest") == [("arrest", "Иван Сомов", "1937", "affirmed"),
                                                ("arrest", "Павел Кузьмин", "1938", "affirmed")]


def test_ru_fates_a_shooting_by_an_occupying_army_is_an_execution(extract) -> None:
    # the vocabulary's execution is a killing by a state, the occupier's too, as in English
    assert _facts(extract("Павел Ильич Кузьмин был расстрелян немцами в 1942 году."),
                  "execution", "death") == [("execution", "Павел Ильич Кузьмин", "1942",
                                             "affirmed")]


@pytest.mark.parametrize("text", [
    "Павла Кузьмина освободили в 1940 году.",
    "Павла Кузьмина отпустили в 1940 году.",
    "Следователь отпустил Павла Кузьмина в 1940 году.",
])
def test_ru_fates_released_by_an_active_verb(extract, text: str) -> None:
    assert _facts(extract(text), "release") == [("release", "Павел Кузьмин", "1940", "affirmed")]


@pytest.mark.parametrize("text", [
    "Павла Кузьмина освободили от должности в 1936 году.",  # a dismissal, not a release
    "Павла Кузьмина обещали отпустить.",  # a promise
])
def test_ru_fates_not_released(extract, text: str) -> None:
    assert not [f for f in _facts(extract(text), "release") if f[3] == "affirmed"]


@pytest.mark.parametrize(("text", "expected"), [
    # the active participle's object is the agent's victim, not the passive's patient
    ("Арестовавший Павла Кузьмина следователь Иван Сомов был сам расстрелян в 1939 году.",
     [("execution", "Иван Сомов", "1939", "affirmed")]),
    ("Расстрелявшие Павла Кузьмина чекисты были арестованы в 1938 году.", []),
    # a passive participle before the name is the name's own event
    ("Расстрелянный в 1938 году Павел Кузьмин был реабилитирован в 1956 году.",
     [("execution", "Павел Кузьмин", "1938", "affirmed")]),
])
def test_ru_fates_an_active_participle_s_object_is_no_patient(
        extract, text: str, expected: list[tuple[str, str | None, str | None, str]]) -> None:
    assert _facts(extract(text), "execution", "arrest") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Вместе с ним судили Павла Кузьмина и Ивана Сомова. Обоих расстреляли в 1938 году.",
     [("execution", "Иван Сомов", "1938", "affirmed"),
      ("execution", "Павел Кузьмин", "1938", "affirmed")]),
    ("Судили Павла Кузьмина, Ивана Сомова и Петра Орехова. Все обвиняемые были расстреляны.",
     [("execution", "Иван Сомов", None, "affirmed"), ("execution", "Павел Кузьмин", None,
                                                       "affirmed"),
      ("execution", "Петр Орехов", None, "affirmed")]),
    # no trial told of the list; "оба" after three names
    ("Павел Кузьмин, Иван Сомов и Петр Орехов были моими друзьями. Все обвиняемые были "
     "расстреляны.", []),
    ("Судили Павла Кузьмина, Ивана Сомова и Петра Орехова. Обоих расстреляли.", []),
])
def test_ru_fates_the_defendants_or_both_take_the_list_tried(
        extract, text: str, expected: list[tuple[str, str | None, str | None, str]]) -> None:
    assert _facts(extract(text), "execution") == expected


@pytest.mark.parametrize(("text", "kind", "name"), [
    # the memoirs' plain words for an arrest and a trial
    ("Отца, Павла Кузьмина, забрали ночью в 1937 году.", "arrest", "Павел Кузьмин"),
    ("В 1937 году Павла Кузьмина посадили.", "arrest", "Павел Кузьмин"),
    ("Павла Кузьмина судили в 1938 году.", "trial", "Павел Кузьмин"),
    # a body of the state as the subject: the verb agrees with it, neuter or feminine
    ("ОГПУ арестовало Павла Кузьмина в 1931 году.", "arrest", "Павел Кузьмин"),
    ("Тройка приговорила Павла Кузьмина к расстрелу.", "sentence", "Павел Кузьмин"),
    ("Милиция задержала Павла Кузьмина.", "arrest", "Павел Кузьмин"),
    # an accusative the parser took for the subject
    ("Глафиру Щукину расстреляли в 1938 году.", "execution", "Глафира Щукина"),
])
def test_ru_fates_plain_verbs_and_agreement_with_the_agent(extract, text: str, kind: str,
                                                           name: str) -> None:
    assert [(f[0], f[1], f[3]) for f in _facts(extract(text), kind)] == [
        (kind, name, "affirmed")]


@pytest.mark.parametrize("text", [
    "Павла Кузьмина забрали в армию в 1941 году.",
    "Павла Кузьмина забрали с собой.",
    "Павла Кузьмина посадили на поезд.",
    "Павла Кузьмина посадили в машину.",
    "О Павле Кузьмине судили по его книгам.",
])
def test_ru_fates_taken_to_the_army_or_seated_is_no_arrest(extract, text: str) -> None:
    assert not _facts(extract(text), "arrest", "trial")


def test_ru_fates_a_possessive_pronoun_is_no_second_object(extract) -> None:
    # "её мужа расстреляли": her husband was shot, not she
    ex = extract("Анна Кузьмина была арестована в 1937 году, а её мужа Павла расстреляли.")
    assert ("execution", "Анна Кузьмина", None, "affirmed") not in _facts(ex, "execution")
    assert ("arrest", "Анна Кузьмина", "1937", "affirmed") in _facts(ex, "arrest")


@pytest.mark.parametrize(("text", "kind"), [
    ("Павла Кузьмина забили насмерть на допросе.", "death"),
    ("Павла Кузьмина замучили в тюрьме.", "death"),
    ("Павел Кузьмин был найден мёртвым в камере.", "death"),
    ("Павел Кузьмин вернулся из лагеря в 1947 году.", "release"),
    ("Павел Кузьмин вернулся домой из ссылки в 1954 году.", "release"),
    ("Павел Кузьмин был репрессирован в 1937 году.", "arrest"),
])
def test_ru_fates_a_resultative_a_state_found_and_a_return_from_confinement(
        extract, text: str, kind: str) -> None:
    assert [(f[0], f[1], f[3]) for f in _facts(extract(text), kind)] == [
        (kind, "Павел Кузьмин", "affirmed")]


@pytest.mark.parametrize("text", [
    "Павел Кузьмин вернулся из командировки в 1947 году.",
    "Павел Кузьмин вернулся из Москвы.",
    "Павла Кузьмина собирались забить насмерть.",  # an intention, though it ends in "ть"
])
def test_ru_fates_a_return_from_a_journey_or_an_intention_is_no_fate(extract, text: str) -> None:
    assert not [f for f in _facts(extract(text), "release", "death") if f[3] == "affirmed"]


@pytest.mark.parametrize(("text", "role"), [
    ("Павел Кузьмин был приговорён к 10 годам ИТЛ.", "10 лет ИТЛ"),
    ("Павла Кузьмина приговорили к 8 годам лагерей.", "8 лет лагерей"),
    ("Тройка приговорила Павла Кузьмина к 10 годам лагерей.", "10 лет лагерей"),
])
def test_ru_fates_a_term_in_a_sentence_of_prose(extract, text: str, role: str) -> None:
    # the trigger ends on "к": a whole-word boundary after "к " fails on the number
    ex = extract(text)
    names = {m.id: m.name for m in ex.mentions}
    assert [(c.type, names[c.subject], c.role) for c in ex.claims if c.type == "sentence"] == [
        ("sentence", "Павел Кузьмин", role)]


@pytest.mark.parametrize(("text", "kind", "name"), [
    ("Анна Кузьмина была арестована, а её мужа Павла Кузьмина расстреляли.", "execution",
     "Павел Кузьмин"),
    ("Арестовали моего брата Павла Кузьмина.", "arrest", "Павел Кузьмин"),
    # the spoken order: the possessive after the noun, the name set off by commas
    ("Мужа моего, Павла Кузьмина, расстреляли в 1938 году.", "execution", "Павел Кузьмин"),
])
def test_ru_fates_a_possessed_kin_noun_before_a_name_is_that_person(extract, text: str,
                                                                    kind: str,
                                                                    name: str) -> None:
    # a possessive names the owner: the name after the noun is its apposition, not a genitive
    # owner ("брата Павла Кузьмина" alone may be Pavel's brother)
    assert [(f[0], f[1]) for f in _facts(extract(text), kind)] == [(kind, name)]


def test_ru_fates_an_unpossessed_kin_noun_before_a_mans_name_stays_ambiguous(extract) -> None:
    facts = _facts(extract("Арестовали брата Павла Кузьмина."), "arrest")
    assert [f for f in facts if f[1] == "Павел Кузьмин"] == []


@pytest.mark.parametrize(("text", "people", "expected"), [
    # a participle right before the name: the one who did it, named; no event of his own
    ("Арестовавший его Павел Кузьмин служил в НКВД.", ["Павел Кузьмин"], []),
    ("Арестовавший Орлова Павел Кузьмин служил в НКВД.", ["Орлов", "Павел Кузьмин"], []),
    ("Расстрелявший Орлова Семён Гуров получил орден.", ["Орлов", "Семён Гуров"], []),
    # the name's own passive fate stays his
    ("Допрашивавший меня Иван Лагин позже был арестован.", ["Иван Лагин"],
     [("arrest", "Иван Лагин", None, "affirmed")]),
])
def test_ru_fates_an_active_participle_before_a_name_is_no_part_of_it(
        extract, text: str, people: list[str],
        expected: list[tuple[str, str | None, str | None, str]]) -> None:
    ex = extract(text)
    assert sorted(m.name for m in ex.mentions if m.kind == "person") == people
    assert _facts(ex, "execution", "arrest") == expected


@pytest.mark.parametrize(("text", "date"), [
    ("Судили многих, в том числе Петра Орлова, Ивана Лагина и Семёна Гурова. Всех их "
     "расстреляли.", None),
    ("Арестовали многих, включая Петра Орлова, Ивана Лагина и Семёна Гурова. Всех расстреляли "
     "в 1938 году.", "1938"),
    ("Судили многих, в том числе Петра Орлова, Ивана Лагина и Семёна Гурова. Они были "
     "расстреляны в 1938 году.", "1938"),
])
def test_ru_fates_a_group_taken_up_gives_its_fate_to_the_members_it_included(
        extract, text: str, date: str | None) -> None:
    assert _facts(extract(text), "execution") == [
        ("execution", name, date, "affirmed") for name in ("Иван Лагин", "Петр Орлов",
                                                           "Семён Гуров")]


@pytest.mark.parametrize("text", [
    # a person named before the pronoun in its own sentence keeps it; a denial denies
    "Судили многих, в том числе Петра Орлова и Ивана Лагина. Бориса Ильина и их всех "
    "расстреляли.",
    "Судили многих, в том числе Петра Орлова и Ивана Лагина. Их не расстреляли.",
])
def test_ru_fates_included_members_take_no_fate_not_theirs(extract, text: str) -> None:
    assert not [f for f in _facts(extract(text), "execution")
                if f[1] in ("Петр Орлов", "Иван Лагин") and f[3] == "affirmed"]


def test_ru_fates_a_pair_named_with_a_conjunct_on_the_surname(extract) -> None:
    # the parser hangs "Ивана" on "Орлова", the surname of the first name
    facts = _facts(extract("Петра Орлова и Ивана Лагина арестовали в 1937 году."), "arrest")
    assert facts == [("arrest", "Иван Лагин", "1937", "affirmed"),
                     ("arrest", "Петр Орлов", "1937", "affirmed")]


@pytest.mark.parametrize(("text", "role", "date"), [
    # a link verb with a post in the instrumental, as English "became head of"
    ("В 1936 году Пётр Сомов стал начальником управления.", "начальник управления", "1936"),
    ("В 1938 году Пётр Сомов стал народным комиссаром внутренних дел.",
     "народный комиссар внутренних дел", "1938"),
    # took charge of a body
    ("В 1936 году Пётр Сомов возглавил НКВД.", "руководитель", "1936"),
    ("Пётр Сомов стал в 1936 году начальником управления.", "начальник управления", "1936"),
    ("В 1936 году Пётр Сомов встал во главе НКВД.", "руководитель", "1936"),
    ("В 1936 году Пётр Сомов был поставлен во главе НКВД.", "руководитель", "1936"),
])
def test_ru_fates_becoming_a_post_or_taking_charge_is_an_appointment(
        extract, text: str, role: str, date: str) -> None:
    ex = extract(text)
    assert [(c.role, c.date, c.polarity) for c in ex.claims if c.type == "appointment"] == [
        (role, date, "affirmed")]


@pytest.mark.parametrize("text", [
    "В 1937 году Пётр Сомов стал врагом народа.",  # no post
    "Пётр Сомов стал работать на заводе.",
    "Пётр Сомов возглавил колонну.",  # no body
    "Пётр Сомов возглавил колонну НКВД.",  # the body is not what he led
    "Пётр Сомов встал во главе колонны.",
    # the post named before the verb is no complement of it
    "На посту наркома, действуя под руководством Ивана Лагина, Пётр Сомов стал одним из "
    "главных организаторов репрессий.",
])
def test_ru_fates_becoming_no_post_is_no_appointment(extract, text: str) -> None:
    assert not [c for c in extract(text).claims if c.type == "appointment"]


@pytest.mark.parametrize("text", [
    "В 1931 году Павла Кузьмина раскулачили и выслали в Нарым.",
    "Павла Кузьмина раскулачили и сослали в Сибирь.",
])
def test_ru_fates_an_unread_verb_before_a_fate_verb_leaves_its_object(extract,
                                                                      text: str) -> None:
    # the tagger takes the unknown "раскулачили" for a noun and the parse falls apart: the
    # indefinite-personal fate verb takes the accusative person before it
    assert [(f[0], f[1]) for f in _facts(extract(text), "expulsion")] == [
        ("expulsion", "Павел Кузьмин")]


def test_ru_fates_a_nominative_before_an_indefinite_verb_is_no_object(extract) -> None:
    assert not _facts(extract("Павел Кузьмин сказал, что соседей выслали."), "expulsion")


@pytest.mark.parametrize(("text", "confidence"), [
    ("Павел Кузьмин бросился под поезд в 1937 году.", 0.75),
    ("Павел Кузьмин выбросился с балкона.", 0.75),
    ("Павел Кузьмин выпрыгнул из окна кабинета.", 0.55),  # or an escape: for review
])
def test_ru_fates_a_plunge_is_a_suicide(extract, text: str, confidence: float) -> None:
    ex = extract(text)
    assert [(c.type, c.confidence) for c in ex.claims if c.type == "suicide"] == [
        ("suicide", confidence)]


def test_ru_fates_a_jump_over_a_fence_is_no_suicide(extract) -> None:
    assert not _facts(extract("Павел Кузьмин прыгнул через забор."), "suicide")


@pytest.mark.parametrize(("text", "role", "date"), [
    # the post fronted to open the sentence (the rheme first): a bare instrumental
    ("Начальником управления Пётр Сомов стал в 1937 году.", "начальник управления", "1937"),
    ("Наркомом Петра Сомова назначили в 1936 году.", "нарком", "1936"),
    # the parser hangs the subject on the fronted post as its apposition: not the post's
    ("Заместителем наркома Сомов был назначен в 1939 году.", "заместитель наркома", "1939"),
])
def test_ru_fates_a_fronted_instrumental_post_is_the_appointment_s(
        extract, text: str, role: str, date: str) -> None:
    ex = extract(text)
    assert [(c.role.lower() if c.role else None, c.date, c.polarity) for c in ex.claims
            if c.type == "appointment"] == [(role, date, "affirmed")]


@pytest.mark.parametrize("text", [
    "Таким образом Пётр Сомов стал врагом народа в 1937 году.",  # manner, no post
    "Вместе с братом Пётр Сомов стал в 1937 году известен.",  # a preposition's instrumental
    "Начальником управления Пётр Сомов так и не стал.",  # denied
    "Наркомом Петра Сомова собирались назначить в 1936 году.",  # planned
])
def test_ru_fates_a_fronted_instrumental_that_is_no_post_or_not_so_asserts_nothing(
        extract, text: str) -> None:
    assert not [c for c in extract(text).claims
                if c.type == "appointment" and c.polarity == "affirmed"
                and c.attrs.get("modality") in (None, "asserted")]


@pytest.mark.parametrize(("text", "expected"), [
    # dekulakisation with the exile it led to: the exile, with its place
    ("В 1930 году Павел Ильич Кузьмин был раскулачен и выслан с семьёй в Казахстан.",
     [("expulsion", "1930", "Казахстан")]),
    ("Анна Ивановна Кузьмина в 1931 году была направлена на спецпоселение в Нарым.",
     [("expulsion", "1931", "Нарым")]),
    # dekulakisation alone states no exile
    ("В 1930 году Павел Ильич Кузьмин был раскулачен.", []),
])
def test_ru_fates_exile_keeps_its_place_and_dekulakisation_needs_its_words(
        extract, text: str, expected: list[tuple[str, str, str]]) -> None:
    ex = extract(text)
    names = {m.id: m.name for m in ex.mentions}
    assert [(c.type, c.date, names.get(c.place)) for c in ex.claims
            if c.type == "expulsion" and c.polarity == "affirmed"] == expected


@pytest.mark.parametrize("text", [
    # a full participle heading a noun phrase is a noun: a status, not an event of the
    # nearest name, nor dated by its clause
    "Анна Петровна Сомова вела допрос. Расстрелянные были похоронены в Бутово.",
    "Арестованный Иван Лагин показал, что в 1937 году был завербован.",
])
def test_ru_fates_a_substantivised_participle_gives_no_fate(extract, text: str) -> None:
    assert not _facts(extract(text), "execution", "arrest")


def test_ru_fates_a_short_participle_stays_the_predicate(extract) -> None:
    assert _facts(extract("Иван Лагин был арестован в 1937 году."), "arrest") == [
        ("arrest", "Иван Лагин", "1937", "affirmed")]
