"""The class a Russian fate verb stands in (kartoteka.extract.ru.modality), and what the gate
makes of it in the pipeline. Invented sentences, one per construction."""

from __future__ import annotations

import pytest

from kartoteka.extract.modality import REPORTED_CONFIDENCE, Modality
from kartoteka.extract.ru.modality import modality_of
from kartoteka.model import Claim, Extraction


def _class(sentence: str, trigger: str, **flags: bool) -> Modality:
    start = sentence.index(trigger)
    return modality_of(sentence, (0, len(sentence)), (start, start + len(trigger)), **flags)


@pytest.mark.parametrize(("sentence", "trigger", "expected"), [
    ("Сомов был арестован в 1937 году.", "арестован", Modality.ASSERTED),
    ("Сомов мог быть арестован ещё весной.", "арестован", Modality.HYPOTHETICAL),
    ("Если бы его арестовали, семья бы пострадала.", "арестовали", Modality.HYPOTHETICAL),
    ("Его арестовали бы, не уедь он вовремя.", "арестовали", Modality.HYPOTHETICAL),
    ("Он уехал, чтобы не быть арестованным.", "арестованным", Modality.HYPOTHETICAL),
    ("Сомова собирались расстрелять, но обменяли.", "расстрелять", Modality.INTENDED),
    ("Его хотели арестовать прямо на заводе.", "арестовать", Modality.INTENDED),
    ("Сомов боялся быть арестованным.", "арестованным", Modality.FEARED),
    ("Сомов ждал, что его арестуют со дня на день, и был арестован.", "был арестован",
     Modality.ASSERTED),
    ("Нарком приказал расстрелять пленных.", "расстрелять", Modality.ORDERED),
    ("Сомов обвинялся в том, что расстрелял заложников.", "расстрелял", Modality.CHARGED),
    ("Сомов обвинён в шпионаже и расстрелян.", "расстрелян", Modality.ASSERTED),
    ("По обвинению в шпионаже арестован в 1937 году.", "арестован", Modality.ASSERTED),
    ("Официально сообщалось, что он умер от воспаления лёгких.", "умер", Modality.REPORTED),
    ("По другим данным, расстрелян в 1938 году.", "расстрелян", Modality.REPORTED),
    # the authorities' notice to the family
    ("Мать получила справку, что он умер в 1942 году.", "умер", Modality.REPORTED),
    ("В свидетельстве о смерти было указано, что он умер от пневмонии.", "умер",
     Modality.REPORTED),
    ("Пришло извещение о том, что он погиб.", "погиб", Modality.REPORTED),
    ("Семье сообщили, что он осуждён на десять лет без права переписки.", "осуждён",
     Modality.REPORTED),
    ("Он умер в 1942 году, справку выдали в 1956 году.", "умер", Modality.ASSERTED),
    ("НКВД сообщило, что он умер от сердечного приступа.", "умер", Modality.REPORTED),
    ("Прокуратура ответила, что он умер в 1942 году.", "умер", Modality.REPORTED),
    # a frame that calls its clause false
    ("Неправда, что его расстреляли.", "расстреляли", Modality.REFUTED_RUMOUR),
    ("Это миф, что он был расстрелян в 1938 году.", "расстрелян", Modality.REFUTED_RUMOUR),
    ("Это правда, что его расстреляли.", "расстреляли", Modality.ASSERTED),
    # a confession is the charge signed under interrogation
    ("Сомов признался, что расстрелял заложников.", "расстрелял", Modality.CHARGED),
    ("Ошибочно считается, что он был расстрелян.", "расстрелян", Modality.REFUTED_RUMOUR),
    ("Был ли он расстрелян?", "расстрелян", Modality.QUESTION),
    ("Сомов был расстрелян ли в тот год", "расстрелян", Modality.QUESTION),
    ("В должности начальника отдела был арестован.", "арестован", Modality.ASSERTED),
])
def test_ru_modality_class_of_a_fate_verb(sentence: str, trigger: str,
                                          expected: Modality) -> None:
    assert _class(sentence, trigger) is expected


def test_ru_modality_negation_denies_and_rumour_hedges() -> None:
    sentence = "Сомов не был арестован."
    assert _class(sentence, "арестован", negated=True) is Modality.DENIED
    assert _class("Говорили, что его арестовали.", "арестовали", rumour=True) is Modality.RUMOUR
    # an infinitive with nothing before it says nothing happened
    assert _class("Арестовать его не удалось.", "Арестовать", infinitive=True) is (
        Modality.INTENDED)


# -- the whole pipeline (one natasha load per session) ---------------------------------------


def _fates(ex: Extraction, *types: str) -> list[Claim]:
    return [c for c in ex.claims if c.type in types]


@pytest.mark.parametrize("text", [
    "Пётр Сомов работал на заводе. Пётр Сомов мог быть арестован в 1937 году.",
    "Пётр Сомов работал на заводе. Петра Сомова собирались расстрелять в 1938 году.",
    "Пётр Сомов работал на заводе. Пётр Сомов боялся быть арестованным.",
    "Пётр Сомов работал на заводе. Был ли Пётр Сомов арестован в 1937 году?",
])
def test_ru_modality_unreal_fates_make_no_claim(extract, text: str) -> None:
    assert _fates(extract(text), "arrest", "execution") == []


def test_ru_modality_denied_arrest_is_negated(extract) -> None:
    ex = extract("Пётр Сомов работал на заводе. Пётр Сомов не был арестован в 1937 году.")
    assert [(c.polarity, c.attrs.get("modality")) for c in _fates(ex, "arrest")] == [
        ("negated", "denied")]


def test_ru_modality_rumour_is_hedged_under_the_review_line(extract) -> None:
    ex = extract("Пётр Сомов работал на заводе. Ходили слухи, что Сомова расстреляли в 1939 году.")
    claims = _fates(ex, "execution")
    assert [(c.polarity, c.attrs.get("modality")) for c in claims] == [("affirmed", "rumour")]
    assert claims[0].confidence <= REPORTED_CONFIDENCE


def test_ru_modality_other_data_is_a_second_claim_beside_the_first(extract) -> None:
    ex = extract("Пётр Сомов работал на заводе. Пётр Сомов расстрелян 3 мая 1938 г. "
                 "(по другим данным — в 1939 г.).")
    claims = sorted(_fates(ex, "execution"), key=lambda c: c.date or "")
    assert [(c.date, c.polarity, c.attrs.get("modality")) for c in claims] == [
        ("1938-05-03", "affirmed", None), ("1939", "affirmed", "reported")]
    assert claims[0].confidence > REPORTED_CONFIDENCE >= claims[1].confidence


@pytest.mark.parametrize("text", [
    "Кузьмин Павел Ильич, вероятно, был расстрелян в 1938 году.",
    "Кузьмин Павел Ильич, по-видимому, был расстрелян в 1938 году.",
    "Возможно, Кузьмин Павел Ильич был расстрелян в 1938 году.",
])
def test_ru_modality_narrator_doubt_is_hedged_like_english_probably(extract, text: str) -> None:
    from kartoteka.extract.modality import HEDGE_CONFIDENCE, REPORTED_CONFIDENCE

    claims = [c for c in extract(text).claims if c.type == "execution"]
    assert [(c.date, c.polarity, c.attrs.get("hedged")) for c in claims] == [
        ("1938", "affirmed", True)]
    assert REPORTED_CONFIDENCE < claims[0].confidence <= HEDGE_CONFIDENCE
    assert "modality" not in claims[0].attrs  # asserted, not reported


@pytest.mark.parametrize(("sentence", "trigger", "expected"), [
    # an indirect question: "ли" after the word asked about, before the fate verb
    ("Никто не знает, был ли Сомов расстрелян.", "расстрелян", Modality.QUESTION),
    ("Неизвестно, успели ли его арестовать до войны.", "арестовать", Modality.QUESTION),
    # a near miss: the event came close and did not happen
    ("Сомова чуть не расстреляли в 1938 году.", "расстреляли", Modality.HYPOTHETICAL),
    ("Сомов едва не был арестован.", "арестован", Modality.HYPOTHETICAL),
    ("Сомова чуть было не арестовали.", "арестовали", Modality.HYPOTHETICAL),
    # neither: "или" is no "ли"; "едва" without "не" is "hardly", "чуть" a measure
    ("Сомов или Орлов был арестован в 1937 году.", "арестован", Modality.ASSERTED),
    ("Едва приехав в Москву, Сомов был арестован.", "арестован", Modality.ASSERTED),
])
def test_ru_modality_indirect_question_and_near_miss(sentence: str, trigger: str,
                                                     expected: Modality) -> None:
    assert _class(sentence, trigger) is expected


@pytest.mark.parametrize("text", [
    "Пётр Сомов работал на заводе. Никто не знает, был ли Пётр Сомов расстрелян.",
    "Пётр Сомов работал на заводе. Петра Сомова чуть не расстреляли в 1938 году.",
])
def test_ru_modality_indirect_question_and_near_miss_make_no_claim(extract, text: str) -> None:
    assert _fates(extract(text), "arrest", "execution") == []
