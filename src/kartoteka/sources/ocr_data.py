"""Data of the OCR reader: limits, thresholds, look-alike letters, page-number patterns.

Kept apart from the logic so a threshold can be changed (and reviewed) in one place.
"""

from __future__ import annotations

import re

# --- Rendering and limits -------------------------------------------------------------------
# Tesseract reads best at about 300 dpi (its documentation, "Improving the quality of the
# output"); PDF pages are rasterised at that resolution.
RENDER_DPI = 300
# A page image larger than this (in pixels) is scaled down before OCR: 40 megapixels is an A3
# page at 400 dpi; beyond it time and memory grow with no gain in accuracy.
MAX_PAGE_PIXELS = 40_000_000
# Seconds Tesseract may spend on one page before it is stopped and the page reported; a dense
# A4 typescript page takes 2-4 s on one core of a 2020s machine.
PAGE_TIMEOUT_SECONDS = 60
# Pages read from one file: a 2,000-page scan is a whole archive box, better split; pages beyond
# the cap are reported, not read. A text layer is cheap, so its cap is higher.
MAX_OCR_PAGES = 1000
MAX_TEXT_LAYER_PAGES = 5000
# Stored page images: grayscale JPEG scaled to this width (about 150 dpi for A4), enough to
# read a typescript on screen at a tenth of the 300-dpi file's size.
STORED_IMAGE_WIDTH = 1240
STORED_IMAGE_QUALITY = 70

# --- Page quality ----------------------------------------------------------------------------
# Share of dark pixels under which a page is blank (a page of typescript has 3-10%; dust and
# the scanner's edge stay under 0.2%).
MIN_INK_SHARE = 0.002
# Mid-grey pixels (neither paper nor ink) above this share mean a photograph or a picture, not
# text: a scanned text page is paper and ink, with grey only at the letters' edges.
PHOTO_GREY_SHARE = 0.35
# Mean word confidence (Tesseract's 0-100) under which a page's text is not kept: below it most
# words are wrong and the page needs a human reader.
MIN_PAGE_CONFIDENCE = 45.0
# Median grey step between neighbouring paper pixels above which a page is grainy and is
# smoothed and binarised before OCR (a clean scan's paper steps by 0-1 levels).
NOISY_PAPER_STEP = 3.0
# A page in one script read with both models under this mean confidence is read again with its
# own model alone (good typescript reads at 90-96 either way).
REREAD_CONFIDENCE = 85.0
# Below this mean confidence the page is tried again after asking Tesseract's orientation
# detection (OSD) whether it is upside down or on its side.
RETRY_ORIENTATION_CONFIDENCE = 70.0
# Deskew searches angles within this range (degrees) in these steps; scans are rarely more than
# a few degrees off, and a page turned by 90 degrees is OSD's business.
MAX_SKEW_DEGREES = 8.0
SKEW_STEP_DEGREES = 0.25
# A page counts as written in one script when this share of its letters is in it.
ONE_SCRIPT_SHARE = 0.95

# --- Typewriter and OCR substitutions --------------------------------------------------------
# Latin letters that look the same as Cyrillic ones: the Latin-Cyrillic pairs of Unicode's
# confusables table (UTS #39, confusables.txt). Typists on Latin machines and OCR models
# trained on both scripts put them inside Cyrillic words.
LATIN_TO_CYRILLIC = str.maketrans({
    "A": "А", "a": "а", "B": "В", "C": "С", "c": "с", "E": "Е", "e": "е", "H": "Н",
    "K": "К", "M": "М", "O": "О", "o": "о", "P": "Р", "p": "р", "T": "Т", "X": "Х",
    "x": "х", "y": "у",
})
CYRILLIC_TO_LATIN = str.maketrans({
    "А": "A", "а": "a", "В": "B", "С": "C", "с": "c", "Е": "E", "е": "e", "Н": "H",
    "К": "K", "М": "M", "О": "O", "о": "o", "Р": "P", "р": "p", "Т": "T", "Х": "X",
    "х": "x", "у": "y",
})
# Digits typed or read for the Cyrillic letters they resemble: 3 for З (typewriters without a
# З key), 0 for О; only inside or as a Cyrillic word or initial, never in a number.
DIGIT_TO_CYRILLIC = str.maketrans({"3": "З", "0": "О"})

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
LATIN = re.compile(r"[A-Za-z]")
# A page number alone on a line, as typescripts and printed books set them: "12", "- 12 -",
# "— 12 —", "[12]", "стр. 12", "с. 12", "л. 12", "лист 12", "Page 12", "p. 12", "12 об."
PAGE_NUMBER = re.compile(
    r"^[\s\-–—\[(]*(?:(?:стр|с|л|лист|page|p|pp)\.?\s*)?\d{1,4}(?:\s*об\.?)?[\s\-–—\])]*$",
    re.IGNORECASE,
)
# Hyphens that end a line where a word was broken (hyphen-minus, soft hyphen, the typewriter's
# "¬" and Unicode's hyphen).
LINE_END_HYPHENS = "-\u00ad¬\u2010"
