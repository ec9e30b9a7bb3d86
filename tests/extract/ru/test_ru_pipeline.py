"""The Russian pipeline on invented sentences: names in the nominative, Карина read as Карин's
genitive, negation, every date form, interrogation answers attributed to the questioned man."""

from __future__ import annotations

import hashlib

import pytest

from kartoteka.model import Claim, Document, Extraction, Mention

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline():  # noqa: ANN201 - the Russian Pipeline, natasha loaded once for the module
    pytest.importorskip("natasha")
    from kartoteka.extract.ru import Pipeline

    return Pipeline()


@pytest.fixture(scope="module")
def extract(pipeline):  # noqa: ANN001, ANN201
    def run(text: str) -> Extraction:
        doc = Document(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
                       language="ru")
        return pipeline.extract(doc)
    return run


def _named(ex: Extraction) -> dict[str, Mention]:
    return {m.text: m for m in ex.mentions if m.kind == "person" and m.name}


def _claims(ex: Extraction, type_: str) -> list[Claim]:
    return [c for c in ex.claims if c.type == type_]


def _subject(ex: Extraction, claim: Claim) -> Mention:
    return ex.mention(claim.subject)


@pytest.mark.parametrize(("text", "surface", "name", "gender"), [
    ("Показания Ягоды были переданы следователю.", "Ягоды", "Ягода", "m"),
    ("Протокол передали Молчанову в тот же день.", "Молчанову", "Молчанов", "m"),
    ("Суд приговорил Прокофьева Георгия Евгеньевича к расстрелу.",
     "Прокофьева Георгия Евгеньевича", "Прокофьев Георгий Евгеньевич", "m"),
    ("Письмо Глебу Бокию так и не дошло.", "Глебу Бокию", "Глеб Бокий", "m"),
    ("Дело Тухачевского рассматривали закрыто.", "Тухачевского", "Тухачевский", "m"),
    ("Встреча с Анной Петровной Волковой не состоялась.", "Анной Петровной Волковой",
     "Анна Петровна Волкова", "f"),
])
def test_ru_pipeline_inflected_names_in_the_nominative(extract, text: str, surface: str,
                                                       name: str, gender: str) -> None:
    ex = extract(text)
    mention = _named(ex)[surface]
    assert (mention.name, mention.gender) == (name, gender)
    assert text[mention.start:mention.end] == mention.text
    assert mention.document_id == ex.document.id


def test_ru_pipeline_karina_is_the_genitive_of_karin(extract) -> None:
    ex = extract("Фёдор Карин работал в разведке. Брат Карина бежал за границу в 1931 году.")
    karin = [m for m in ex.mentions if m.text == "Карина"]
    assert [(m.name, m.gender) for m in karin] == [("Карин", "m")]
    defection = _claims(ex, "defection")
    assert len(defection) == 1 and defection[0].date == "1931"
    brother = _subject(ex, defection[0])
    assert brother.name is None and brother.descriptor.startswith("брат")
    sibling = _claims(ex, "sibling_of")
    assert [(c.subject, c.object) for c in sibling] == [(brother.id, karin[0].id)]


def test_ru_pipeline_karina_with_a_patronymic_stays_a_woman(extract) -> None:
    ex = extract("Карина Ивановна Смирнова была арестована в 1938 году.")
    mention = _named(ex)["Карина Ивановна Смирнова"]
    assert (mention.name, mention.gender) == ("Карина Ивановна Смирнова", "f")
    assert [(_subject(ex, c).id, c.date) for c in _claims(ex, "arrest")] == [(mention.id, "1938")]


@pytest.mark.parametrize(("text", "type_", "polarity"), [
    ("Генрих Ягода не был расстрелян в 1937 году.", "execution", "negated"),
    ("Генрих Ягода был расстрелян в 1938 году.", "execution", "affirmed"),
    ("Николай Ежов не был арестован в 1937 году.", "arrest", "negated"),
])
def test_ru_pipeline_negation(extract, text: str, type_: str, polarity: str) -> None:
    claims = _claims(extract(text), type_)
    assert [c.polarity for c in claims] == [polarity]


@pytest.mark.parametrize(("phrase", "edtf"), [
    ("25 апреля 1937 г.", "1937-04-25"),
    ("весной 1937 года", "1937-21"),
    ("в 1933-1934 гг.", "1933/1934"),
    ("21.08.1937", "1937-08-21"),
    ("в ноябре 1936", "1936-11"),
    ("в 1937 году", "1937"),
])
def test_ru_pipeline_claim_dates_in_every_form(extract, phrase: str, edtf: str) -> None:
    ex = extract(f"Иван Петров был арестован {phrase} в Москве.")
    arrests = _claims(ex, "arrest")
    assert [(_subject(ex, c).name, c.date) for c in arrests] == [("Иван Петров", edtf)]
    assert "old_style_possible" not in arrests[0].attrs


def test_ru_pipeline_old_style_dates_flagged_unless_new_style_given(extract) -> None:
    ex = extract("Степан Орлов (2 [14] января 1896 — 4 февраля 1940) — советский чекист. "
                 "Степан Орлов был арестован в ноябре 1917 года.")
    birth = _claims(ex, "birth")
    assert [(c.date, c.attrs.get("old_style_possible")) for c in birth] == [("1896-01-14", None)]
    assert [c.date for c in _claims(ex, "death")] == ["1940-02-04"]
    arrest = _claims(ex, "arrest")
    assert [(c.date, c.attrs.get("old_style_possible")) for c in arrest] == [("1917-11", True)]


@pytest.mark.parametrize(("text", "type_", "role", "body"), [
    ("Иван Петров был осуждён тройкой НКВД 10 октября 1937 г.", "trial", None, "troika"),
    ("Иван Петров был приговорён к высшей мере наказания 1 ноября 1937 г.", "sentence", "ВМН",
     None),
    ("В 1936 году Николай Ежов был назначен наркомом внутренних дел.", "appointment",
     "нарком внутренних дел", None),
])
def test_ru_pipeline_roles_and_bodies(extract, text: str, type_: str, role: str | None,
                                      body: str | None) -> None:
    ex = extract(text)
    claims = _claims(ex, type_)
    assert len(claims) == 1 and claims[0].role == role
    if body:
        assert ex.mention(claims[0].object).attrs.get("org_id") == body


@pytest.mark.parametrize(("text", "type_", "date"), [
    ("Ян Гамарник застрелился 31 мая 1937 года.", "suicide", "1937-05-31"),
    ("Сергей Волков покончил с собой 21.08.1937.", "suicide", "1937-08-21"),
    ("Анна Волкова умерла в 1934 году.", "death", "1934"),
    ("Инженер Павел Смирнов перешёл границу весной 1930 года.", "defection", "1930-21"),
    ("Степан Орлов был снят с должности в ноябре 1938 г.", "dismissal", "1938-11"),
    ("Степан Орлов был освобождён 5 мая 1940 г.", "release", "1940-05-05"),
    ("Степан Орлов был реабилитирован в 1956 году.", "rehabilitation", "1956"),
    ("Степан Орлов родился 3 марта 1898 года.", "birth", "1898-03-03"),
])
def test_ru_pipeline_fates(extract, text: str, type_: str, date: str) -> None:
    ex = extract(text)
    claims = _claims(ex, type_)
    assert [c.date for c in claims] == [date]
    sentence = claims[0].evidence[0]
    assert (sentence.start, sentence.end) == (0, len(text))


def test_ru_pipeline_subjectless_sentence_is_about_the_article(extract) -> None:
    ex = extract("Орлов, Степан Петрович\n\nСтепан Петрович Орлов — советский чекист. "
                 "Расстрелян в 1938 году.")
    executions = _claims(ex, "execution")
    assert [(_subject(ex, c).name, c.date) for c in executions] == [
        ("Степан Петрович Орлов", "1938")]


def test_ru_pipeline_group_gets_no_invented_person(extract) -> None:
    ex = extract("Все обвиняемые были расстреляны в 1937 году.")
    assert _claims(ex, "execution") == []


INTERROGATION = """ПРОТОКОЛ ДОПРОСА обвиняемого Ягоды Генриха Григорьевича
Вопрос: Был ли арестован Паукер?
Ответ: Я был арестован 28 марта 1937 года. Паукер не был арестован в 1936 году.
Вопрос: Кто расстрелян в 1938 году?
"""


def test_ru_pipeline_interrogation_answers_attributed_to_the_questioned(extract) -> None:
    ex = extract(INTERROGATION)
    heading = [m for m in ex.mentions if m.attrs.get("role") == "interrogated"]
    assert [m.name for m in heading] == ["Ягода Генрих Григорьевич"]
    arrests = _claims(ex, "arrest")
    assert {c.attributed_to for c in arrests} == {heading[0].id}
    own = [c for c in arrests if c.polarity == "affirmed"]
    assert [(_subject(ex, c).name, c.date) for c in own] == [
        ("Ягода Генрих Григорьевич", "1937-03-28")]
    pauker = [c for c in arrests if c.polarity == "negated"]
    assert [(_subject(ex, c).name, c.date) for c in pauker] == [("Паукер", "1936")]
    # the questions assert nothing
    assert _claims(ex, "execution") == []


def test_ru_pipeline_claims_point_at_mentions_of_the_document(extract) -> None:
    ex = extract("Иван Петров был осуждён тройкой НКВД и расстрелян 10 октября 1937 г.")
    ids = {m.id for m in ex.mentions}
    assert ex.claims
    for claim in ex.claims:
        assert claim.document_id == ex.document.id
        assert {claim.subject, claim.object, claim.place, claim.attributed_to} - {None} <= ids


@pytest.mark.parametrize("name", ["inflected names", "genitive of Карин", "negation", "dates",
                                  "old and new style", "appointment", "suicide", "interrogation"])
def test_ru_pipeline_examples_give_claims_or_people(extract, name: str) -> None:
    from kartoteka.extract.ru.examples import SENTENCES

    ex = extract(SENTENCES[name])
    people = [m for m in ex.mentions if m.kind == "person"]
    assert people and all(m.name or m.descriptor for m in people)
    for m in ex.mentions:
        assert ex.document.text[m.start:m.end] == m.text


@pytest.mark.parametrize(("text", "informant", "hearsay"), [
    ("По словам Михаила Фриновского, Николай Ежов был арестован весной 1939 года.",
     "Михаил Фриновский", False),
    ("Буланов показал, что Генрих Ягода был расстрелян в 1938 году.", "Буланов", False),
    ("Со слов Анны Петровой, Иван Петров умер в 1942 году.", "Анна Петрова", True),
])
def test_ru_pipeline_informant_is_who_says_it(extract, text: str, informant: str,
                                              hearsay: bool) -> None:
    ex = extract(text)
    claims = [c for c in ex.claims if c.type in ("arrest", "execution", "death")]
    assert len(claims) == 1
    assert ex.mention(claims[0].attributed_to).name == informant
    assert claims[0].hearsay is hearsay


def test_ru_pipeline_list_lines_each_their_own_person(extract) -> None:
    ex = extract("ЕЖОВ Николай Иванович, 1895 г.р., арестован 10.04.1939, расстрелян "
                 "4.02.1940.\nФРИНОВСКИЙ Михаил Петрович, 1898 г.р., арестован 6.04.1939.")
    got = sorted((_subject(ex, c).name, c.type, c.date) for c in ex.claims)
    assert got == [
        ("Ежов Николай Иванович", "arrest", "1939-04-10"),
        ("Ежов Николай Иванович", "birth", "1895"),
        ("Ежов Николай Иванович", "execution", "1940-02-04"),
        ("Фриновский Михаил Петрович", "arrest", "1939-04-06"),
        ("Фриновский Михаил Петрович", "birth", "1898"),
    ]


def test_ru_pipeline_ezhova_subject_of_a_feminine_verb_is_a_woman(extract) -> None:
    ex = extract("Николай Ежов был наркомом. Ежова была арестована в 1938 году. "
                 "Ежова арестовали в 1939 году.")
    got = sorted((_subject(ex, c).name, _subject(ex, c).gender, c.date)
                 for c in _claims(ex, "arrest"))
    assert got == [("Ежов", "m", "1939"), ("Ежова", "f", "1938")]


def test_ru_pipeline_kin_noun_in_apposition_is_the_named_person(extract) -> None:
    ex = extract("Его жена Евгения Ежова покончила с собой в 1938 году.")
    assert [(_subject(ex, c).name, c.date) for c in _claims(ex, "suicide")] == [
        ("Евгения Ежова", "1938")]
    assert _claims(ex, "spouse_of") == []


def test_ru_pipeline_second_trigger_takes_no_date_of_the_first(extract) -> None:
    """"Арестована 2 ноября 1937 г., осуждена на 8 лет": the date is the arrest's alone; the
    term after "осуждена на" is the sentence."""
    ex = extract("Ольга Грачёва была арестована 2 ноября 1937 г., осуждена на 8 лет ИТЛ.")
    got = sorted((c.type, c.date, c.role) for c in ex.claims)
    assert got == [("arrest", "1937-11-02", None), ("sentence", None, "8 лет ИТЛ"),
                   ("trial", None, None)]

