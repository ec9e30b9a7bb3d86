"""Rumours and denials (kartoteka.extract.ru.rumours): a fate told as a rumour is hedged, and a
denial after it makes it a negated claim, never an affirmed one. Invented sentences."""

from __future__ import annotations

import pytest

from kartoteka.extract.modality import REPORTED_CONFIDENCE
from kartoteka.extract.ru.rumours import denial_in, denies_previous, rumour_before
from kartoteka.model import Claim, Extraction


def _around(sentence: str, trigger: str) -> tuple[int, int]:
    start = sentence.index(trigger)
    return start, start + len(trigger)


@pytest.mark.parametrize(("sentence", "trigger", "marker"), [
    ("В лагере говорили, будто Сомова расстреляли в 1939 году.", "расстреляли",
     "говорили, будто"),
    ("Сомова, как будто, расстреляли в 1939 году.", "расстреляли", "будто"),
    ("По слухам, Сомов был арестован весной 1938 года.", "арестован", "По слухам"),
    ("Ходили слухи, что Грачёву освободили.", "освободили", "Ходили слухи"),
    ("Сомов якобы застрелился в 1937 году.", "застрелился", "якобы"),
    ("Сомова расстреляли, якобы, в 1939 году.", "расстреляли", "якобы"),
    ("Соседи говорят, что его арестовали.", "арестовали", "говорят, что"),
    ("Сомов был арестован в 1937 году.", "арестован", None),
    # the noun of rumour with its content clause
    ("Слух о том, что Сомова расстреляли, дошёл до нас весной.", "расстреляли",
     "Слух о том, что"),
    ("Был слух, будто Сомова арестовали.", "арестовали", "слух, будто"),
    # what is written or held, unvouched
    ("Часто пишут, что Сомова расстреляли в 1938 году.", "расстреляли", "пишут, что"),
    ("Считается, что Сомов был расстрелян в 1938 году.", "расстрелян", "Считается, что"),
    # a contrast between the marker and the trigger: that clause is the narrator's
    ("Говорили, что Сомова расстреляли, однако он вернулся из лагеря.", "вернулся", None),
    ("Говорили, что Сомова арестовали и расстреляли.", "расстреляли", "Говорили, что"),
    # a correction between the marker and the trigger: that clause is told as fact
    ("Пишут, что Сомова расстреляли, но на самом деле он умер на Колыме.", "умер", None),
    # accounts that compete, or the official one
    ("Ходили две версии: одна — что Сомова застрелилась, другая — что её застрелили.",
     "застрелилась", "две версии"),
    ("Есть разные рассказы: по одним, Сомова расстреляли в 1938 году.", "расстреляли",
     "разные рассказы"),
    ("По одной из версий, Сомов умер в лагере в 1942 году.", "умер", "По одной из версий"),
    ("Сомова расстреляли в 1938 году. Позже родным рассказали две версии.", "расстреляли",
     None),
    # the marker governs what follows it, not a fate told before it
    ("Сомов был арестован в 1937 году, а говорили, будто его расстреляли.", "арестован", None),
])
def test_ru_rumours_marker_before_the_trigger(sentence: str, trigger: str,
                                              marker: str | None) -> None:
    start, end = _around(sentence, trigger)
    assert rumour_before(sentence, 0, start, end, len(sentence)) == marker


@pytest.mark.parametrize(("sentence", "hedged", "denies"), [
    ("Это оказалось неправдой: он был расстрелян в 1940 году.", False, True),
    ("Это неправда.", False, True),
    ("Но эти слухи не подтвердились.", False, True),
    ("Однако это было ложью.", True, True),
    # forward: the denial is of what follows
    ("Это неправда, что его арестовали.", False, False),
    ("Это неправда, будто он бежал.", True, False),
    # a correction answers a rumour only
    ("На самом деле его расстреляли в 1940 году.", True, True),
    ("На самом деле его расстреляли в 1940 году.", False, False),
    ("Его расстреляли в 1940 году.", True, False),
])
def test_ru_rumours_denial_of_the_sentence_before(sentence: str, hedged: bool,
                                                  denies: bool) -> None:
    assert denies_previous(sentence, 0, len(sentence), hedged=hedged) is denies


@pytest.mark.parametrize(("rest", "denied"), [
    (" в 1939 году, но это оказалось неправдой.", True),
    (" в 1939 году; это не соответствует действительности.", True),
    (" в 1939 году, и это известно точно.", False),
])
def test_ru_rumours_denial_in_the_same_sentence(rest: str, denied: bool) -> None:
    assert denial_in(rest, 0, len(rest)) is denied


@pytest.mark.parametrize(("rest", "hedged", "denied"), [
    # "Слух о том, что его расстреляли, оказался ложным": the rumour noun is the subject
    (", оказался ложным.", True, True),
    (", не подтвердились.", True, True),
    (" оказалось ошибкой.", True, True),
    # a plain fact: "арестовали по доносу, который оказался ложным" denies the denunciation
    (" по доносу, который оказался ложным.", False, False),
])
def test_ru_rumours_a_bare_denial_answers_a_rumour_only(rest: str, hedged: bool,
                                                          denied: bool) -> None:
    assert denial_in(rest, 0, len(rest), hedged=hedged) is denied


@pytest.mark.slow
def test_ru_rumours_a_rumour_nouns_clause_refuted_in_its_sentence(extract) -> None:
    ex = extract("Пётр Сомов работал на заводе. Слух о том, что Сомова расстреляли, оказался "
                 "ложным.")
    assert [(c.polarity, c.attrs.get("denied")) for c in _fates(ex, "execution")] == [
        ("negated", True)]


# -- the whole pipeline --------------------------------------------------------------------



def _fates(ex: Extraction, type_: str) -> list[Claim]:
    return [c for c in ex.claims if c.type == type_]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Пётр Сомов работал на заводе. В городе говорили, будто Сомова расстреляли в 1939 году.",
    "Пётр Сомов работал на заводе. По слухам, Пётр Сомов был расстрелян в 1939 году.",
    "Пётр Сомов работал на заводе. Пётр Сомов якобы был расстрелян в 1939 году.",
])
def test_ru_rumours_hedged_claim_has_low_confidence(extract, text: str) -> None:
    claims = _fates(extract(text), "execution")
    assert [(c.date, c.polarity, c.attrs.get("hedged")) for c in claims] == [
        ("1939", "affirmed", True)]
    assert claims[0].confidence <= REPORTED_CONFIDENCE


@pytest.mark.slow
@pytest.mark.parametrize(("text", "denial"), [
    ("Пётр Сомов работал на заводе. В городе говорили, будто Сомова расстреляли в 1939 году. "
     "Это оказалось неправдой: Сомов умер в лагере в 1944 году.", "Это оказалось неправдой"),
    ("Пётр Сомов работал на заводе. Ходили слухи, что Сомова расстреляли в 1939 году. "
     "На самом деле он умер в лагере в 1944 году.", "На самом деле"),
    ("Пётр Сомов работал на заводе. Говорили, будто Сомова расстреляли в 1939 году, но это "
     "оказалось неправдой.", None),
])
def test_ru_rumours_denied_rumour_is_negated(extract, text: str, denial: str | None) -> None:
    ex = extract(text)
    executions = _fates(ex, "execution")
    assert [(c.date, c.polarity, c.attrs.get("denied")) for c in executions] == [
        ("1939", "negated", True)]
    spans = [ex.document.text[e.start:e.end] for e in executions[0].evidence]
    assert any("расстреляли" in s for s in spans)
    if denial:
        assert any(s.startswith(denial) for s in spans)
    # the fate the narrator gives instead stands
    assert all(c.polarity == "affirmed" for c in _fates(ex, "death"))


@pytest.mark.slow
def test_ru_rumours_plain_fact_before_a_forward_denial_stands(extract) -> None:
    ex = extract("Пётр Сомов был арестован в 1937 году. Это неправда, что он был шпионом.")
    assert [(c.date, c.polarity) for c in _fates(ex, "arrest")] == [("1937", "affirmed")]


@pytest.mark.slow
def test_ru_rumours_denial_in_a_new_paragraph_answers_nothing(extract) -> None:
    ex = extract("Пётр Сомов работал на заводе. Говорили, будто Сомова арестовали в 1937 году."
                 "\n\nНа самом деле завод закрыли в 1938 году.")
    assert [(c.polarity, c.attrs.get("hedged")) for c in _fates(ex, "arrest")] == [
        ("affirmed", True)]


@pytest.mark.parametrize(("text", "polarity"), [
    ("Говорили, что Петра Сомова расстреляли, но он был жив.", "negated"),
    ("Ходили слухи, что Петра Сомова расстреляли, но на самом деле он остался жив.", "negated"),
    ("Ходили слухи, что Петра Сомова расстреляли. Он был жив.", "negated"),
    # someone else alive answers nothing; a fact is not refuted by a later "жив"
    ("Ходили слухи, что Петра Сомова расстреляли, а его жена выжила.", "affirmed"),
    ("Петра Сомова расстреляли в 1938 году. Он был жив ещё в 1937 году.", "affirmed"),
])
def test_ru_rumours_one_said_to_be_alive_refutes_the_rumour(extract, text: str,
                                                           polarity: str) -> None:
    claims = [c for c in extract(text).claims if c.type == "execution"]
    assert [c.polarity for c in claims] == [polarity]


@pytest.mark.parametrize(("text", "modality"), [
    ("Петра Сомова, как говорили, расстреляли в 1938 году.", "rumour"),
    ("Пётр Сомов, как рассказывали, был расстрелян в 1938 году.", "rumour"),
    ("Петра Сомова, как известно, расстреляли в 1938 году.", None),
])
def test_ru_rumours_a_parenthetical_verb_of_saying_marks_a_rumour(extract, text: str,
                                                                  modality: str | None) -> None:
    claims = [c for c in extract(text).claims if c.type == "execution"]
    assert [c.attrs.get("modality") for c in claims] == [modality]


def test_ru_rumours_a_correction_in_the_same_sentence_refutes_the_rumour() -> None:
    text = "Пишут, что Сомова расстреляли, но на самом деле он умер на Колыме."
    assert denial_in(text, text.index("расстреляли") + 11, len(text), hedged=True)
    assert not denial_in(text, text.index("расстреляли") + 11, len(text), hedged=False)


@pytest.mark.parametrize(("sentence", "trigger", "marker"), [
    # an indefinite-personal verb of saying as a parenthesis, before or right after the verb
    ("Обоих, говорят, расстреляли в 1938 году.", "расстреляли", "говорят,"),
    ("Говорят, Сомова расстреляли в 1939 году.", "расстреляли", "Говорят,"),
    ("Сомова расстреляли, рассказывают, в 1939 году.", "расстреляли", "рассказывают"),
    # a speaker named: the verb takes its clause with "что" (reported, see above), no parenthesis
    ("Сомова расстреляли в 1939 году, и мы говорили об этом.", "расстреляли", None),
])
def test_ru_rumours_a_parenthetical_indefinite_verb_of_saying(sentence: str, trigger: str,
                                                              marker: str | None) -> None:
    start, end = _around(sentence, trigger)
    assert rumour_before(sentence, 0, start, end, len(sentence)) == marker


def test_ru_rumours_both_they_say_were_shot_is_a_rumour_for_the_pair(extract) -> None:
    ex = extract("Петра Орлова и Ивана Лагина арестовали в 1937 году. Обоих, говорят, "
                 "расстреляли.")
    claims = _fates(ex, "execution")
    assert len(claims) == 2
    assert all(c.attrs.get("hedged") and c.confidence <= REPORTED_CONFIDENCE for c in claims)
