"""Bytes to text: byte-order marks, UTF-8, UTF-16 without a mark, single-byte Cyrillic.

``decode(raw)`` returns ``(text, encoding)`` where ``encoding`` is a Python codec name and
``raw.decode(encoding) == text`` (with ``errors="replace"`` for a UTF-8 file with a few damaged
bytes, the only case that does not decode strictly), except for a file of mixed lines: a
Cyrillic code page with lines pasted in UTF-8 is decoded line by line and its encoding is
named "cp1251+utf-8" (each line in the encoding it is in, never all of it as KOI8-R garbage).
A byte-order mark is not part of the text: ``utf-8-sig``, ``utf-16`` and ``utf-32`` drop it, so
offsets count code points of the text after the mark.

CP1251 and KOI8-R are told apart by our own score, not charset-normalizer's guess, which
confuses them on short Russian texts: each decoding is scored by how Russian its letters are
(letter frequencies) and by its case pattern (capitals start words; "еЖОВ" is a wrong guess).
"""

from __future__ import annotations

import math
import re

import charset_normalizer

from kartoteka.sources.data import (
    BYTE_ORDER_MARKS,
    CASE_PATTERN_WEIGHT,
    CYRILLIC_CODEPAGES,
    MAX_LATIN_WORD_SHARE,
    MAX_UTF16_OTHER_SIDE_NUL_SHARE,
    MIN_RUSSIAN_SCORE,
    MIN_UTF16_NUL_SHARE,
    NON_LETTER_LOG_PROBABILITY,
    RARE_LETTER_LOG_PROBABILITY,
    RUSSIAN_LETTER_FREQUENCY,
)

# The code-page decision looks at the start of a file only: 64 KiB is thousands of words.
SCORING_SAMPLE_BYTES = 64 * 1024
# A file that fails strict UTF-8 is still UTF-8 when its valid multi-byte characters outnumber
# the damaged sequences this many times (a file cut mid-character, one stray byte).
DAMAGED_UTF8_RATIO = 20
# Lines not in UTF-8 are read in a Cyrillic code page only when they hold at least this many
# bytes ≥ 0x80: fewer is a damaged byte or two in a UTF-8 file, too little to score a code page.
MIN_MIXED_HIGH_BYTES = 8

_LOG_PROBABILITY = {letter: math.log(p) for letter, p in RUSSIAN_LETTER_FREQUENCY.items()}
_HIGH_BYTE_RUN = re.compile(rb"[\x80-\xff]+")
_CYRILLIC_PAIR = re.compile(r"(?=([\u0400-\u04ff])([\u0400-\u04ff]))")


class DecodeError(ValueError):
    """The bytes are not text in any encoding we read; the message says why."""


def decode(raw: bytes) -> tuple[str, str]:
    """Decode a plain-text file; raise DecodeError for binary data or no fitting encoding."""
    for mark, codec in BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            return _strict(raw, codec), codec
    if b"\x00" in raw:
        codec = utf16_without_mark(raw)
        if codec is None:
            raise DecodeError("binary data (contains NUL bytes), not a text file")
        return _strict(raw, codec), codec
    mixed = _mixed_lines(raw)
    if mixed is not None:
        return mixed
    utf8 = _utf8(raw)
    if utf8 is not None:
        return utf8, "utf-8"
    if latin_word_share(raw) < MAX_LATIN_WORD_SHARE:
        codec = best_cyrillic_codepage(raw)
        if codec is not None:
            return raw.decode(codec), codec
    return _other_codepage(raw)


def utf16_without_mark(raw: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when NUL bytes sit on one side only, else None."""
    if len(raw) < 2 or len(raw) % 2:
        return None
    even, odd = raw[0::2], raw[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= MIN_UTF16_NUL_SHARE and even_nul <= MAX_UTF16_OTHER_SIDE_NUL_SHARE:
        return "utf-16-le"
    if even_nul >= MIN_UTF16_NUL_SHARE and odd_nul <= MAX_UTF16_OTHER_SIDE_NUL_SHARE:
        return "utf-16-be"
    return None


def latin_word_share(raw: bytes) -> float:
    """Share of bytes ≥ 0x80 that touch an ASCII letter: "é" in "café", not "Ежов" alone."""
    sample = raw[:SCORING_SAMPLE_BYTES]
    total = in_latin_words = 0
    for run in _HIGH_BYTE_RUN.finditer(sample):
        length = run.end() - run.start()
        total += length
        before = sample[run.start() - 1 : run.start()]
        after = sample[run.end() : run.end() + 1]
        if before.isalpha() or after.isalpha():  # bytes.isalpha is ASCII letters only
            in_latin_words += length
    return in_latin_words / total if total else 0.0


def best_cyrillic_codepage(raw: bytes) -> str | None:
    """The single-byte Cyrillic code page under which the file reads most like Russian.

    None when no code page gives anything like Russian (Greek or Hebrew in a code page of
    their own), so that another guess is made.
    """
    sample = raw[:SCORING_SAMPLE_BYTES]
    scored: list[tuple[float, str]] = []
    for codec in CYRILLIC_CODEPAGES:
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            continue  # a byte this code page leaves undefined (0x98 in CP1251)
        scored.append((russian_score(sample.decode(codec)), codec))
    if not scored:
        return None
    # Ties go to the first code page listed, CP1251.
    score, codec = max(scored, key=lambda item: item[0])
    return codec if score >= MIN_RUSSIAN_SCORE else None


def russian_score(text: str) -> float:
    """How much a decoded text reads like Russian: higher is better, comparable across guesses.

    Mean log-frequency of the characters outside ASCII (letters by Russian letter frequency,
    anything else heavily penalised) plus a case term: +1 for a capital followed by a small
    letter, -1 for a small letter followed by a capital, per pair of Cyrillic letters.
    """
    log_sum = 0.0
    count = 0
    for char in text:
        if char < "\x80":
            continue
        count += 1
        if char.isalpha():
            log_sum += _LOG_PROBABILITY.get(char.lower(), RARE_LETTER_LOG_PROBABILITY)
        else:
            log_sum += NON_LETTER_LOG_PROBABILITY
    if not count:
        return 0.0
    pairs = good = bad = 0
    for first, second in _CYRILLIC_PAIR.findall(text):
        pairs += 1
        if first.isupper() and second.islower():
            good += 1
        elif first.islower() and second.isupper():
            bad += 1
    case_term = (good - bad) / pairs if pairs else 0.0
    return log_sum / count + CASE_PATTERN_WEIGHT * case_term


def _mixed_lines(raw: bytes) -> tuple[str, str] | None:
    """A file whose lines are in two encodings (CP1251 with a line pasted in UTF-8): each line
    that is valid UTF-8 read as UTF-8, the others in the Cyrillic code page that fits them.

    The encoding returned names both, "cp1251+utf-8". None when the file is not such a mix: no
    line is UTF-8 with letters beyond ASCII, or the other lines hold too few bytes ≥ 0x80 to
    judge (a UTF-8 file with a stray damaged byte, left to ``_utf8``), or they read as no
    Cyrillic code page.
    """
    lines = raw.splitlines(keepends=True)  # bytes split at \n, \r and \r\n only
    in_utf8: list[bool] = []
    for line in lines:
        try:
            in_utf8.append(not line.isascii() and bool(line.decode("utf-8")))
        except UnicodeDecodeError:
            in_utf8.append(False)
    others = b"".join(line for line, utf8 in zip(lines, in_utf8, strict=True) if not utf8)
    high_bytes = sum(len(run) for run in _HIGH_BYTE_RUN.findall(others))
    if not any(in_utf8) or high_bytes < MIN_MIXED_HIGH_BYTES:
        return None
    if latin_word_share(others) >= MAX_LATIN_WORD_SHARE:
        return None
    codec = best_cyrillic_codepage(others)
    if codec is None:
        return None
    text = "".join(line.decode("utf-8" if utf8 else codec)
                   for line, utf8 in zip(lines, in_utf8, strict=True))
    return text, f"{codec}+utf-8"


def _strict(raw: bytes, codec: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not valid {codec}: {exc.reason} at byte {exc.start}") from exc


def _utf8(raw: bytes) -> str | None:
    """The UTF-8 reading of the bytes, tolerating a few damaged sequences; None if not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    valid_multibyte = sum(1 for char in text if char > "\x7f") - damaged
    if valid_multibyte >= DAMAGED_UTF8_RATIO * damaged:
        return text
    return None


def _other_codepage(raw: bytes) -> tuple[str, str]:
    """A non-Cyrillic single-byte file: CP1252 (Western Europe) if it fits, else the library's
    guess (charset-normalizer reads French CP1252 as CP1250, so it is not asked first)."""
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(raw[:SCORING_SAMPLE_BYTES]).best()
    if best is None:
        raise DecodeError("not text: no encoding fits these bytes")
    codec = best.encoding
    try:
        return raw.decode(codec), codec
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeError(f"not text: no encoding fits these bytes ({codec} fails)") from exc
