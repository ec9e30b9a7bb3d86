"""OCR words to stored text: typewriter look-alikes, line-end hyphens, page furniture, offsets.

Words are built by hand (no Tesseract), each with a made-up box, so the rules are tested alone.
"""

from __future__ import annotations

import pytest

from kartoteka.sources.ocr_text import PageRead, Word, assemble, fix_word


@pytest.mark.parametrize(("word", "before", "after", "fixed"), [
    ("Koбулов", None, None, "Кобулов"),  # Latin K and o inside a Cyrillic word
    ("пpoтокол", None, None, "протокол"),
    ("3ахарович", "Богдан", None, "Захарович"),  # a typewriter's 3 for З
    ("3.", "Б.", "Кобулов", "З."),  # an initial between Cyrillic words
    ("(3.", "Б.", "Кобулов", "(З."),
    ("B", "сослан", "Казахстан", "В"),  # an all-look-alike Latin word between Cyrillic ones
    ("Thomаs", None, None, "Thomas"),  # a Cyrillic а in a Latin word
])
def test_ocr_text_fix_word_puts_look_alikes_right(word: str, before: str | None,
                                                  after: str | None, fixed: str) -> None:
    assert fix_word(word, before, after) == fixed
    assert len(fix_word(word, before, after)) == len(word)  # offsets never move


@pytest.mark.parametrize(("word", "before", "after"), [
    ("1937", "в", "году"),  # a number stays a number
    ("1937г.", None, None),
    ("3", "пункт", "статьи"),  # a digit, not an initial
    ("3.", "John", "Smith"),  # an initial among Latin words is no Cyrillic З
    ("KGB", "the", "files"),
    ("B", "Room", "12"),
    ("NKVD", "органы", "арестовали"),  # a Latin word with letters Cyrillic lacks
])
def test_ocr_text_fix_word_leaves_real_words(word: str, before: str | None,
                                             after: str | None) -> None:
    assert fix_word(word, before, after) == word


def _words(lines: list[str], *, block: int = 1, top: int = 100) -> list[Word]:
    out = []
    for n, line in enumerate(lines, start=1):
        x = 100
        for text in line.split():
            out.append(Word(text, (x, top + 60 * n, 20 * len(text), 40), 95, (block, 1, n)))
            x += 20 * len(text) + 20
    return out


def test_ocr_text_assemble_joins_hyphenated_words_and_maps_offsets() -> None:
    page = PageRead(1, 2000, 3000, words=_words(["Громов был аресто-", "ван в 1938 году."]))
    text, starts, scans = assemble([page])
    assert text == "Громов был арестован в 1938 году."
    assert starts == [0]
    spans = [(w[0], w[1]) for w in scans[0].words]
    # Each half of the broken word keeps its own box and the part of the word it shows.
    assert text[spans[2][0]:spans[2][1]] == "аресто"
    assert text[spans[3][0]:spans[3][1]] == "ван"
    for (a, b), word in zip(spans, page.words, strict=True):
        assert text[a:b] == word.text.rstrip("-")


def test_ocr_text_assemble_keeps_a_hyphen_before_a_capital() -> None:
    page = PageRead(1, 2000, 3000, words=_words(["Ежов был в Ново-", "Николаевске."]))
    assert assemble([page])[0] == "Ежов был в Ново- Николаевске."


def test_ocr_text_page_numbers_and_running_headers_stay_out_of_the_prose() -> None:
    pages = [
        PageRead(1, 2000, 3000, words=_words(["Дело № 12", "Лавров был арестован.", "- 1 -"])),
        PageRead(2, 2000, 3000, words=_words(["Дело № 12", "Орлов был освобожден.", "стр. 2"])),
    ]
    text, starts, scans = assemble(pages)
    assert text == "Лавров был арестован.\n\nОрлов был освобожден."
    assert text[starts[1]:].startswith("Орлов")
    furniture = [w for scan in scans for w in scan.words if w[0] == -1]
    assert len(furniture) == 2 * 3 + 3 + 2  # both headers' words and both page numbers' words


def test_ocr_text_a_first_line_repeated_on_one_page_only_is_prose() -> None:
    pages = [PageRead(1, 2000, 3000, words=_words(["Протокол допроса", "Лавров показал."])),
             PageRead(2, 2000, 3000, words=_words(["Орлов показал.", "Конец."])),
             PageRead(3, 2000, 3000, words=_words(["Ефимов показал.", "Конец."]))]
    text = assemble(pages)[0]
    assert text.startswith("Протокол допроса")
    assert "Конец" not in text  # the same last line on two of three pages is a footer


def test_ocr_text_paragraphs_are_separated_by_a_blank_line() -> None:
    words = _words(["Лавров был арестован."]) + _words(["Орлов был освобожден."], block=2)
    assert assemble([PageRead(1, 2000, 3000, words=words)])[0] == (
        "Лавров был арестован.\n\nОрлов был освобожден.")


def test_ocr_text_text_layer_pages_pass_through() -> None:
    pages = [PageRead(1, text_layer="Typed page."),
             PageRead(2, 2000, 3000, words=_words(["Scanned", "page."]))]
    text, starts, scans = assemble(pages)
    assert text == "Typed page.\n\nScanned page."
    assert [s.number for s in scans] == [2]
