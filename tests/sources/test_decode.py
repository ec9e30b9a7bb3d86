"""Decoding plain-text bytes: byte-order marks, UTF-16 without one, the Russian code pages."""

from __future__ import annotations

import pytest

from kartoteka.sources.decode import DecodeError, decode, russian_score

# Russian samples of our own: one word, one line, a short record.
RUSSIAN = {
    "word": "Ежов",
    "line": "Вопрос: Где вы были осенью 1937 года?",
    "record": (
        "Протокол допроса обвиняемого Журавлёва Семёна Ильича.\n"
        "Вопрос: Когда вас приняли на службу в управление?\n"
        "Ответ: Весной 1934 года, по рекомендации начальника отдела.\n"
        "Вопрос: Что вы знаете о совещании у Фриновского в июле 1937 года?\n"
        "Ответ: Сам я на нём не был, об этом мне рассказывал сосед по кабинету.\r\n"
        "ПРОТОКОЛ С МОИХ СЛОВ ЗАПИСАН ВЕРНО. Подпись - Журавлёв.\n"
    ),
}
# Words of our own for the many-short-texts test of the code-page decision.
RUSSIAN_WORDS = (
    "меня вызвали в кабинет поздно вечером следователь долго молчал и перелистывал папку "
    "осенью забрали соседа по квартире жена узнала об аресте через неделю письма от брата "
    "перестали приходить в декабре нас выселили из дома Ежов подписал приказ Фриновский "
    "требовал ускорить следствие мать хранила его фотографию справку выдали только потом"
).split()


@pytest.mark.parametrize("sample", sorted(RUSSIAN), ids=str)
@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),  # with a byte-order mark
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("cp1251", "cp1251"),
        ("koi8-r", "koi8-r"),
        ("cp866", "cp866"),
    ],
)
def test_decode_round_trips_russian(sample: str, codec: str, expected: str) -> None:
    text = RUSSIAN[sample]
    if expected.startswith("utf-16-") and sample == "word":
        pytest.skip("a word without spaces has no NUL byte: UTF-16 without a mark is unknowable")
    raw = text.encode(codec)
    decoded, encoding = decode(raw)
    assert decoded == text
    assert encoding == expected
    assert raw.decode(encoding) == decoded  # the recorded codec reproduces the stored text


@pytest.mark.parametrize(
    ("mark", "codec"),
    [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")],
)
def test_decode_drops_byte_order_mark(mark: bytes, codec: str) -> None:
    text = "Ежов (Yezhov)\n"
    decoded, _ = decode(mark + text.encode(codec))
    assert decoded == text
    assert not decoded.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_english_utf16_without_mark(codec: str) -> None:
    text = "Yezhov was removed in November 1938."
    assert decode(text.encode(codec)) == (text, codec)


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r", "cp866"])
@pytest.mark.parametrize("words", [1, 2, 3, 8])
def test_decode_picks_code_page_of_short_texts(codec: str, words: int) -> None:
    texts = [
        " ".join(RUSSIAN_WORDS[start : start + words]).capitalize()
        for start in range(0, len(RUSSIAN_WORDS) - words, 2)
    ]
    right = sum(decode(text.encode(codec))[0] == text for text in texts)
    # One-word texts are sometimes ambiguous; from three words on, every guess must be right.
    assert right / len(texts) >= (0.85 if words < 3 else 1.0)


@pytest.mark.parametrize("wrong", ["koi8-r", "cp866"])
def test_decode_russian_score_prefers_right_code_page(wrong: str) -> None:
    raw = RUSSIAN["record"].encode("cp1251")
    assert russian_score(raw.decode("cp1251")) > russian_score(raw.decode(wrong))


@pytest.mark.parametrize(
    "text", ["Jeschow kam aus München; für die Größe", "L'été à Paris, où il était déjà arrivé"]
)
def test_decode_western_text_is_not_read_as_cyrillic(text: str) -> None:
    assert decode(text.encode("cp1252")) == (text, "cp1252")


def test_decode_keeps_utf8_with_a_damaged_byte() -> None:
    text = "Фриновский, Frinovsky, Фриновского. " * 5
    raw = text.encode("utf-8")[:-1] + b"\xd0"  # cut in the middle of a character
    decoded, encoding = decode(raw)
    assert encoding == "utf-8"
    assert decoded.startswith("Фриновский")
    assert decoded.endswith("\ufffd")


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        bytes(range(256)) * 4,
        b"text\x00with one nul",
    ],
    ids=["png", "all-bytes", "one-nul"],
)
def test_decode_refuses_binary(raw: bytes) -> None:
    with pytest.raises(DecodeError, match="NUL"):
        decode(raw)


def test_decode_refuses_invalid_utf16_after_mark() -> None:
    with pytest.raises(DecodeError, match="utf-16"):
        decode(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate


# Made-up lines: a record in a code page with one line pasted in from a UTF-8 source.
MIXED_LINES = ("Протокол допроса обвиняемого Семёнова Петра Ильича.\n",
               "Шишкин и Щербаков — свидетели, жители Харькова.\n",
               "Обвиняемый виновным себя не признал.\n")


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r"])
def test_decode_codepage_file_with_a_utf8_line_is_read_line_by_line(codec: str) -> None:
    first, pasted, last = MIXED_LINES
    raw = first.encode(codec) + pasted.encode("utf-8") + last.encode(codec)
    text, encoding = decode(raw)
    assert text == first + pasted + last
    assert encoding == f"{codec}+utf-8"


def test_decode_utf8_file_with_a_stray_byte_stays_utf8() -> None:
    raw = "".join(MIXED_LINES).encode("utf-8") + b"\xff\n"
    text, encoding = decode(raw)
    assert encoding == "utf-8"
    assert text.startswith(MIXED_LINES[0])
