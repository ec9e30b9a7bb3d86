"""Transliteration of Russian names between Cyrillic and Latin script.

``to_latin`` writes a Cyrillic name in one of the standard schemes (tables in
``translit_tables``). ``to_cyrillic`` reads a Latin spelling back into Cyrillic; because the same
Latin letters mean different things in English, German and French spellings ("ch" is ч, х or ш),
``cyrillic_readings`` returns the reading under each family of schemes and ``guess_scheme`` picks
the most likely one from tell-tale letter groups.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kartoteka.names.script import CYRILLIC_WORD_RE, is_cyrillic
from kartoteka.names.translit_tables import (
    CYR_TO_LAT,
    CYRILLIC_VOWELS,
    DIACRITIC_LETTERS,
    ENDINGS,
    HUSHING,
    HUSHING_YO,
    IOTATED_E,
    IOTATING_CONTEXT,
    LAT_TO_CYR,
    POPULAR_ENDINGS,
    SOFT_MARKS,
)

SCHEMES = ("bgn", "iso9", "alalc", "german", "french", "scholarly")
READERS = ("base", "german", "french", "scholarly", "polish", "iso9")

_WORD_RE = re.compile(r"[^\W\d_]+(?:[" + re.escape(SOFT_MARKS) + r"][^\W\d_]+)*", re.UNICODE)
_LATIN_VOWELS = frozenset("aeiouy")


def _restore_case(source: str, result: str) -> str:
    if not result:
        return result
    if len(source) > 1 and source.isupper():
        return result.upper()
    if source[:1].isupper():
        return result[:1].upper() + result[1:]
    return result


def _word_to_latin(word: str, scheme: str, endings: dict[str, str]) -> str:
    table = CYR_TO_LAT[scheme]
    lower = word.lower()
    stem, tail = lower, ""
    for ending, spelled in endings.items():
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            stem, tail = lower[: -len(ending)], spelled
            break
    out: list[str] = []
    for index, letter in enumerate(stem):
        previous = stem[index - 1] if index else ""
        following = stem[index + 1] if index + 1 < len(stem) else ""
        if letter == "е" and scheme in IOTATED_E and (not previous or previous in IOTATING_CONTEXT):
            out.append(IOTATED_E[scheme])
        elif letter == "ё" and previous in HUSHING and scheme in HUSHING_YO:
            out.append(HUSHING_YO[scheme])
        elif letter == "с" and scheme in ("german", "french") and (
            previous in CYRILLIC_VOWELS and following in CYRILLIC_VOWELS
        ):
            out.append("ss")
        elif letter == "г" and scheme == "french" and following in "еиыэ" and following:
            out.append("gu")
        elif letter == "й" and scheme == "german" and following in CYRILLIC_VOWELS and following:
            out.append("j")
        elif letter == "й" and scheme == "french" and previous not in CYRILLIC_VOWELS:
            out.append("i")
        else:
            out.append(table.get(letter, letter))
    return _restore_case(word, "".join(out) + tail)


def to_latin(text: str, scheme: str = "bgn") -> str:
    """Write Cyrillic text in Latin script under ``scheme`` (one of ``SCHEMES``).

    Latin text passes through unchanged. ``scheme="popular"`` gives the common English press
    form (Tukhachevsky, Trotsky), which is BGN with -ий/-ый written -y.
    """
    if scheme not in SCHEMES and scheme != "popular":
        raise ValueError(f"unknown transliteration scheme {scheme!r}; expected one of {SCHEMES}")
    if not is_cyrillic(text):
        return text
    table_scheme = "bgn" if scheme == "popular" else scheme
    endings = POPULAR_ENDINGS if scheme == "popular" else ENDINGS.get(scheme, {})
    return CYRILLIC_WORD_RE.sub(
        lambda match: _word_to_latin(match.group(0), table_scheme, endings), text
    )


def latin_variants(text: str) -> set[str]:
    """Every Latin spelling of a Cyrillic name under ``SCHEMES`` plus the popular English form.

    A Latin name yields itself only.
    """
    if not is_cyrillic(text):
        return {text}
    return {to_latin(text, scheme) for scheme in (*SCHEMES, "popular")}


@lru_cache(maxsize=16)
def _compiled_reader(reader: str) -> list[tuple[str, str, str]]:
    """(letters, cyrillic, condition) sorted longest first; condition is '', '^', '$' or 'V'."""
    rules: list[tuple[str, str, str]] = []
    for pattern, cyrillic in LAT_TO_CYR[reader].items():
        condition = ""
        if pattern.startswith("^"):
            condition, pattern = "^", pattern[1:]
        elif pattern.endswith("$"):
            condition, pattern = "$", pattern[:-1]
        elif pattern[0] in "VC":
            condition, pattern = pattern[0], pattern[1:]
        rules.append((pattern, cyrillic, condition))
    # Longer patterns first; at equal length the conditional rules before the plain ones.
    # A look-behind beats an end-of-word rule ("Nikolay" is -ай, "Trotsky" is -ий).
    rules.sort(key=lambda rule: (-len(rule[0]), rule[2] == "", rule[2] not in "VC"))
    return rules


@lru_cache(maxsize=16)
def _reader_by_first(reader: str) -> dict[str, list[tuple[str, str, str]]]:
    """The reader's rules grouped by their first letter, in the same order: a word is read in
    time proportional to its length, not to its length times the number of rules."""
    grouped: dict[str, list[tuple[str, str, str]]] = {}
    for rule in _compiled_reader(reader):
        grouped.setdefault(rule[0][0], []).append(rule)
    return grouped


# The letters a prepared word may hold for the compiled reader (``_reader_pattern``): Latin
# and Cyrillic lowercase. Only for these is "a letter that is no vowel" the same test in a
# regular expression as in ``_read_by_rules``; any other text is read by the rules loop.
_PLAIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz" "абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_ASCII_SOFT_MARKS = str.maketrans({mark: "ь" for mark in SOFT_MARKS if mark.isascii()})
_CYRILLIC_VOWELS_READ = "аеиоуыэюяё"


@lru_cache(maxsize=4096)
def _prepare_letter(letter: str) -> str:
    if letter in DIACRITIC_LETTERS:
        return DIACRITIC_LETTERS[letter]
    if letter in SOFT_MARKS:
        return "ь"
    decomposed = unicodedata.normalize("NFKD", letter)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _prepare_latin(word: str) -> str:
    """Lowercase; ISO/scholarly diacritic letters to Cyrillic, soft marks to ь; strip accents."""
    lower = word.lower()
    if lower.isascii():  # no diacritics to map or strip: only the ASCII soft marks change
        return lower.translate(_ASCII_SOFT_MARKS)
    return "".join(_prepare_letter(letter) for letter in lower.replace("šč", "щ"))  # scholarly щ


def _read_by_rules(text: str, reader: str) -> str:
    """Read a prepared word rule by rule, longest match first (the reference reading)."""
    by_first = _reader_by_first(reader)
    out: list[str] = []
    index = 0
    while index < len(text):
        previous = text[index - 1] if index else ""
        for letters, cyrillic, condition in by_first.get(text[index], ()):
            end = index + len(letters)
            if text.startswith(letters, index) and (
                not condition
                or (condition == "^" and index == 0)
                or (condition == "$" and end == len(text))
                # At the start of a word "" is "in" the vowel string: the rule applies there.
                or (condition == "V" and (previous in _LATIN_VOWELS
                                          or previous in _CYRILLIC_VOWELS_READ))
                or (condition == "C" and previous.isalpha() and previous not in _LATIN_VOWELS
                    and previous not in _CYRILLIC_VOWELS_READ)
            ):
                out.append(cyrillic)
                index = end
                break
        else:
            out.append(text[index])
            index += 1
    return "".join(out)


@lru_cache(maxsize=16)
def _reader_pattern(reader: str) -> tuple[re.Pattern[str], tuple[str, ...], dict[int, str]]:
    """The reader's rules as one regular expression, one alternative per rule in the rules'
    order, each ending in an empty group that names its rule; and the table of the rules of one
    letter and no condition, which ``str.translate`` applies to what the expression left.

    A scan for the leftmost match, trying the alternatives in order, consumes a word exactly as
    ``_read_by_rules`` does (the first rule that fits at a position wins), but in C rather than
    a Python loop per letter: reading Latin back into Cyrillic is most of the time of building
    keys for a long list of names. A letter no longer or conditional rule takes is left to the
    table, which is what the rules loop gives it too (its plain rule comes last among the rules
    for that letter); the table touches no rule's output, all of them Cyrillic. Every
    alternative opens with its first letter, so the engine skips a rule at a glance; the
    conditions look back from behind that letter: "^" no character before it, "V" none or a
    vowel, "C" a letter that is no vowel."""
    vowels = "aeiouy" + _CYRILLIC_VOWELS_READ
    alternatives: list[str] = []
    outputs: list[str] = []
    single: dict[int, str] = {}
    for letters, cyrillic, condition in _compiled_reader(reader):
        if len(letters) == 1 and not condition:
            single[ord(letters)] = cyrillic
            continue
        first, rest = re.escape(letters[0]), re.escape(letters[1:])
        look = {
            "^": f"(?<![\\s\\S]{first})",
            "V": f"(?<![^{vowels}]{first})",
            "C": f"(?<=[^\\W\\d_]{first})(?<![{vowels}]{first})",
        }.get(condition, "")
        end = r"\Z" if condition == "$" else ""
        alternatives.append(f"{first}{look}{rest}{end}()")
        outputs.append(cyrillic)
    if any(letter.isascii() for output in outputs for letter in output):
        raise ValueError(f"reader {reader!r}: a rule's output holds a Latin letter")
    return re.compile("|".join(alternatives)), tuple(outputs), single


@lru_cache(maxsize=262144)
def _read_word(word: str, reader: str) -> str:
    text = _prepare_latin(word)
    return _read_prepared(text, _PLAIN_LETTERS.issuperset(text), reader)


def _read_prepared(text: str, plain: bool, reader: str) -> str:
    """Read a prepared word (``_prepare_latin``); ``plain``: it holds only _PLAIN_LETTERS."""
    if not plain:
        return _read_by_rules(text, reader)
    pattern, outputs, single = _reader_pattern(reader)
    read = pattern.sub(lambda match: outputs[match.lastindex - 1], text)  # type: ignore[operator]
    return read.translate(single)


def read_latin(text: str, reader: str = "base") -> str:
    """Read a Latin spelling as Cyrillic under one family of schemes (one of ``READERS``)."""
    if reader not in READERS:
        raise ValueError(f"unknown reader {reader!r}; expected one of {READERS}")
    if _WORD_RE.fullmatch(text):  # one word, as most names are: no scan for words
        return _restore_case(text, _read_word(text, reader))
    return _WORD_RE.sub(lambda match: _restore_case(
        match.group(0), _read_word(match.group(0), reader)), text)


# Letter groups that betray a family of schemes. Plain "y" or "j" betray nothing: French and
# English share y, German and ISO share j; "j" is read as ж only on French evidence.
_GERMAN_SIGNS = re.compile(r"w|sch|tz|^j[aeou]")
_FRENCH_SIGNS = re.compile(r"ou|(?<!s)tch|^ie|dj|j(?=[^aeouy])|ine$")
# "rz" alone is no sign (Latvian Bērziņš, German Hertz); sz, cz, ł and ż occur in no other
# scheme, so they count three times against German, whose "w" Polish shares; -owicz and -owski
# once (German writes -owski too: Tuchatschewski).
_POLISH_LETTERS = re.compile(r"sz|cz|ł|ż")
_POLISH_ENDINGS = re.compile(r"wicz$|(?<=[ow])[cs]ki$")
_ENGLISH_SIGNS = re.compile(r"zh|kh|(?<!c)sh|ts(?!ch)|iy$|y[aeuo]")


def guess_scheme(text: str) -> str:
    """Guess which family of schemes a Latin spelling follows: one of ``READERS``. Polish
    signs (sz, cz, -owicz, -ski, ł) are weighed on the raw text, before accents are dropped."""
    raw = text.lower()
    if raw.isascii():  # no diacritic letter (all are non-ASCII) and no accent to strip
        plain = raw
    else:
        if any(letter in DIACRITIC_LETTERS for letter in raw) and "x" in raw:
            return "scholarly"
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", raw) if not unicodedata.combining(c)
        )
    german = len(_GERMAN_SIGNS.findall(plain)) + sum(raw.count(u) for u in "äöü")
    french = len(_FRENCH_SIGNS.findall(plain)) + raw.count("ï")
    english = len(_ENGLISH_SIGNS.findall(plain))
    polish = 3 * len(_POLISH_LETTERS.findall(raw)) + len(_POLISH_ENDINGS.findall(raw))
    if polish and polish > max(german, french, english):
        return "polish"
    if german and german > max(french, english):
        return "german"
    if french and french > english:
        return "french"
    return "base"


def cyrillic_readings(text: str) -> tuple[str, ...]:
    """Distinct Cyrillic readings of a name, the most likely first; Cyrillic text returns itself."""
    if is_cyrillic(text) and not re.search(r"[A-Za-z]", text):
        return (text,)
    first = guess_scheme(text)
    if not _WORD_RE.fullmatch(text):
        readings = [read_latin(text, first)]
        for reader in READERS:
            reading = read_latin(text, reader)
            if reading not in readings:
                readings.append(reading)
        return tuple(readings)
    # One word, as most names are (read_latin's own shortcut): prepared once for every reader;
    # the readers mostly agree, so each distinct reading has its case restored once.
    prepared = _prepare_latin(text)
    plain = _PLAIN_LETTERS.issuperset(prepared)
    read = {reader: _read_prepared(prepared, plain, reader) for reader in READERS}
    words = dict.fromkeys([read[first] if first in read else _read_prepared(prepared, plain, first),
                           *read.values()])
    return tuple(dict.fromkeys(_restore_case(text, word) for word in words))


def to_cyrillic(text: str) -> str:
    """Best-guess Cyrillic spelling of a Latin name, for search; Cyrillic passes through."""
    return cyrillic_readings(text)[0]
