"""Data of the reading stage: limits, letter frequencies, line patterns, HTML tag sets.

Kept apart from the logic so a limit or a pattern can be changed (and reviewed) in one place.
"""

from __future__ import annotations

import re

# --- Limits -------------------------------------------------------------------------------
# A text file larger than this is not a testimony but a dump (a whole database, a log): 20 MiB
# is about 3 million words of Russian in UTF-8, far beyond the longest memoir.
MAX_TEXT_BYTES = 20 * 1024 * 1024
# PDF and DOCX files carry images and fonts beside their text, so they may be larger.
MAX_CONTAINER_BYTES = 100 * 1024 * 1024
# A DOCX is a zip archive: its parts are unpacked whole into memory by python-docx, so the
# archive's own directory is checked first. Unpacked, a DOCX may hold at most this much (images
# included; the largest Word memoirs are tens of MiB), at most this many parts, and no large
# part may have shrunk more than MAX_COMPRESSION_RATIO times: text XML deflates about 5–20
# times, a zip bomb (repeated bytes) about 1,000 times.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 10_000
MAX_COMPRESSION_RATIO = 100
# Parts smaller than this are not held to the ratio: a tiny repetitive part costs nothing.
RATIO_CHECK_MIN_BYTES = 1024 * 1024
# A JSON-lines record list is a database export, not a testimony: Memorial's Moscow list is ~5 MiB
# for ~4,000 records, so this allows lists of a few hundred thousand records.
MAX_RECORD_LIST_BYTES = 500 * 1024 * 1024
# A "line" this long is minified data or a binary blob, not prose (the longest paragraph of the
# seed corpus is ~2,000 characters).
MAX_LINE_CHARS = 1_000_000
# Below this share of printable characters a decoded text is binary junk or a wrong decoding.
MIN_PRINTABLE_SHARE = 0.95
# Titles are labels for lists and cards, not text: longer first lines are cut.
MAX_TITLE_CHARS = 200

# Characters that no text document contains in number: C0/C1 controls (except tab, line feed,
# vertical tab, form feed, carriage return), surrogates, the private use area and U+FFFD, the
# mark a decoder leaves where bytes made no sense.
NON_PRINTABLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd]"
)

# --- Decoding -----------------------------------------------------------------------------
# Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one). The codec
# named here decodes the whole file, mark included, to the stored text (the mark is dropped).
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

# Single-byte Cyrillic code pages that compete for a file that is not UTF-8. CP1251 (Windows)
# and KOI8-R (Unix, early Russian web) are common; CP866 is DOS-era archives.
CYRILLIC_CODEPAGES: tuple[str, ...] = ("cp1251", "koi8-r", "cp866")

# Letter frequencies of Russian prose (share of all letters, lower case; ё counted with е in
# most corpora, so it gets a small share of its own). Used to tell which code page gives
# Russian and which gives letter salad.
RUSSIAN_LETTER_FREQUENCY: dict[str, float] = {
    "о": 0.1097, "е": 0.0845, "а": 0.0801, "и": 0.0735, "н": 0.0670, "т": 0.0626,
    "с": 0.0547, "р": 0.0473, "в": 0.0454, "л": 0.0440, "к": 0.0349, "м": 0.0321,
    "д": 0.0298, "п": 0.0281, "у": 0.0262, "я": 0.0201, "ы": 0.0190, "ь": 0.0174,
    "г": 0.0170, "з": 0.0165, "б": 0.0159, "ч": 0.0144, "й": 0.0121, "х": 0.0097,
    "ж": 0.0094, "ш": 0.0073, "ю": 0.0064, "ц": 0.0048, "щ": 0.0036, "э": 0.0032,
    "ф": 0.0026, "ъ": 0.0004, "ё": 0.0004,
}
# Log-probability given to a Cyrillic letter outside the table (Ukrainian і, ї, є, ґ, Serbian
# ђ …): rarer than any Russian letter.
RARE_LETTER_LOG_PROBABILITY = -9.0
# Log-probability given to a non-letter character decoded from a byte ≥ 0x80 (box drawing,
# currency signs): a wrong code page turns letters into these.
NON_LETTER_LOG_PROBABILITY = -12.0
# Weight of the case signal: Russian prose is mostly lower case with capitals at word starts;
# CP1251 read as KOI8-R (and back) swaps the cases and gives "еЖОВ" instead of "Ежов".
CASE_PATTERN_WEIGHT = 2.0
# In Russian, bytes ≥ 0x80 make whole words, bounded by spaces and punctuation; in French or
# German in a Western code page they sit inside Latin words (é in "café", ü in "für"). Above this
# share of such bytes touching an ASCII letter, a file is not read as single-byte Cyrillic.
MAX_LATIN_WORD_SHARE = 0.5
# The best Cyrillic reading must score at least this (Russian prose scores about -3 to -1 with
# its case term, letter salad below -6); else the file is in some other code page.
MIN_RUSSIAN_SCORE = -6.0

# UTF-16 without a byte-order mark: ASCII characters (spaces, digits, punctuation, Latin
# letters) have a NUL high byte. A file is taken as UTF-16 when at least this share of the
# bytes on one side (even or odd offsets) are NUL and almost none on the other.
MIN_UTF16_NUL_SHARE = 0.05
MAX_UTF16_OTHER_SIDE_NUL_SHARE = 0.01

# --- Kinds of source ----------------------------------------------------------------------
# Lines of a question-and-answer record: "Вопрос:", "Ответ.", "Question —", "Q:", "A:". A
# single letter counts only with a colon: "В. И. Ежов" and "A. Smith" start with initials.
QUESTION_LINE = re.compile(r"^\s*(?:(?:вопрос|question)\s*[:.\-–—]|(?:в|q)\s*:)", re.IGNORECASE)
ANSWER_LINE = re.compile(r"^\s*(?:(?:ответ|answer)\s*[:.\-–—]|(?:о|a)\s*:)", re.IGNORECASE)
# At least this many question lines and as many answer lines make an interrogation record.
MIN_INTERROGATION_PAIRS = 2

# A line of a list of victims (Memorial's "Книги памяти" and the like): a name, a comma, then a
# year of birth or a date of arrest or death on the same line.
RECORD_LINE = re.compile(
    r"^\s*[A-ZА-ЯЁ][\w’'\-]+(?:\s+\(?[A-ZА-ЯЁ][\w’'\-.)]*){1,3}\s*[,.]"  # Surname Given Patronymic,
    r".*?\b(?:1[89]\d\d)\b",  # … a year
)
# At least this many lines, and this share of the non-empty lines, must be records.
MIN_RECORD_LINES = 3
MIN_RECORD_LINE_SHARE = 0.6

# --- Folders ------------------------------------------------------------------------------
# Files that describe a folder rather than being a source in it; skipped when a folder is
# walked (a file named on the command line is always read).
FOLDER_NOTE_STEMS: frozenset[str] = frozenset(
    {"readme", "license", "licence", "changelog", "provenance", "contributing"}
)

# --- HTML ---------------------------------------------------------------------------------
# Elements whose content is never text of the source: code, styling, navigation, embedded
# objects. Their content is dropped, never stored and never run.
HTML_DROPPED_TAGS: frozenset[str] = frozenset(
    {
        "script", "style", "nav", "noscript", "template", "head", "iframe", "object",
        "embed", "svg", "canvas", "button", "select", "textarea",
    }
)
# Blocks that stand apart as paragraphs: a blank line before and after.
HTML_PARAGRAPH_TAGS: frozenset[str] = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol",
        "dl", "figure", "address", "hr", "section", "article", "header", "footer", "main",
        "aside", "form", "fieldset", "details", "caption",
    }
)
# Blocks that only start a new line.
HTML_LINE_TAGS: frozenset[str] = frozenset(
    {"div", "li", "tr", "dt", "dd", "figcaption", "summary", "legend", "center", "body"}
)
# Table cells are separated by a tab, so a row stays one line.
HTML_CELL_TAGS: frozenset[str] = frozenset({"td", "th"})
