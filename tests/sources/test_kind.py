"""Guessing the kind of a source from its lines."""

from __future__ import annotations

import pytest

from kartoteka.sources.kind import guess_kind


@pytest.mark.parametrize(
    ("lines", "kind"),
    [
        (["Вопрос: Где вы служили?", "Ответ: В Москве.", "Вопрос: С кем?", "Ответ: С ним."],
         "interrogation"),
        (["ВОПРОС. Кто вас завербовал?", "ОТВЕТ. Никто.", "ВОПРОС. А Карпенко?", "ОТВЕТ. Нет."],
         "interrogation"),
        (["Q: Where did you serve?", "A: In Kharkov.", "Q: Under whom?", "A: Balitsky."],
         "interrogation"),
        (["Question - who?", "Answer - nobody.", "Question - when?", "Answer - never."],
         "interrogation"),
        (["Иванов Пётр Сергеевич, род. 1899, г. Коломна. Расстрелян 20 сентября 1937 г.",
          "Петров Иван Ильич, род. 1902, слесарь. Арестован 3 мая 1938 г.",
          "Сидорова Мария Петровна, род. 1905. Осуждена на 8 лет ИТЛ в 1938 г."],
         "record-list"),
        (["I have heard that he was taken in the autumn of 1937.", "Nobody knew more."],
         "testimony"),
        # Initials at line starts are not questions and answers.
        (["В. И. Ежова вспоминала об этом.", "О. П. Берзина молчала.",
          "В. А. Фриновский пришёл позже.", "О. И. Карпенко ушла."], "testimony"),
        (["Вопрос: один?", "Ответ: да."], "testimony"),  # one exchange is not a record
    ],
)
def test_kind_guess(lines: list[str], kind: str) -> None:
    assert guess_kind("\n".join(lines)) == kind


def test_kind_record_list_needs_most_lines() -> None:
    record = "Иванов Пётр Сергеевич, род. 1899, г. Коломна."
    prose = "Он долго молчал, потом рассказал о той осени."
    assert guess_kind("\n".join([record] * 3 + [prose] * 3)) == "testimony"
    assert guess_kind("\n".join([record] * 3 + [prose])) == "record-list"
