"""OCR of page images through Debian's Tesseract (``tesseract-ocr``, ``-rus``, ``-eng``).

``read_pages(images)`` reads each page: grayscale, blank or photo check, deskew, Tesseract's
word boxes and confidences with the Russian and English models together (again with one model
when a page in one script reads poorly), and Tesseract's orientation detection when the
reading is poor. A page that cannot be read (blank, a picture,
under the confidence line, past its time) is kept as ``unreadable`` with its reason; the others
go in. Pages run on ``workers`` threads (each Tesseract is its own process), and ``on_page``
hears of each page as it finishes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar

from PIL import Image

from kartoteka.errors import SourceError
from kartoteka.sources.ocr_data import (
    CYRILLIC,
    LATIN,
    MIN_PAGE_CONFIDENCE,
    ONE_SCRIPT_SHARE,
    PAGE_TIMEOUT_SECONDS,
    REREAD_CONFIDENCE,
    RETRY_ORIENTATION_CONFIDENCE,
)
from kartoteka.sources.ocr_text import PageRead, Word
from kartoteka.sources.scan import (
    blank_or_photo,
    for_ocr,
    rotate,
    skew_angle,
    stored_jpeg,
    to_gray,
)

PageCallback = Callable[[int, int], None]  # (pages done, pages in all)
# Who hears of each page read (the CLI's progress bar); set with ``page_progress``.
_ON_PAGE: ContextVar[PageCallback | None] = ContextVar("kartoteka_ocr_on_page", default=None)
BOTH = "rus+eng"


@contextmanager
def page_progress(callback: PageCallback | None) -> Iterator[None]:
    """Report each OCR page to ``callback`` while inside this block."""
    token = _ON_PAGE.set(callback)
    try:
        yield
    finally:
        _ON_PAGE.reset(token)


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def _tesseract():  # noqa: ANN202
    try:
        import pytesseract
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise SourceError("(ocr)", "pytesseract is not installed") from exc
    return pytesseract


def check_tesseract() -> None:
    """SourceError unless the tesseract program and its Russian and English models are here."""
    tesseract = _tesseract()
    try:
        langs = set(tesseract.get_languages(config=""))
    except (tesseract.TesseractNotFoundError, OSError) as exc:
        raise SourceError("(ocr)", "the tesseract program is not installed "
                          "(Debian: apt-get install tesseract-ocr)") from exc
    missing = {"rus", "eng"} - langs
    if missing:
        raise SourceError("(ocr)", "Tesseract models missing: " + ", ".join(
            f"tesseract-ocr-{m}" for m in sorted(missing)))


def _data(image: Image.Image, lang: str) -> list[Word]:
    """Tesseract's words with boxes and confidences (empty and non-word rows dropped)."""
    tesseract = _tesseract()
    # One thread per Tesseract: pages already run in parallel, and OpenMP inside each process
    # would only fight them for the same cores.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    data = tesseract.image_to_data(image, lang=lang, config="--psm 3",
                                   output_type=tesseract.Output.DICT,
                                   timeout=PAGE_TIMEOUT_SECONDS)
    words = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        words.append(Word(text, (data["left"][i], data["top"][i], data["width"][i],
                                 data["height"][i]), round(conf),
                          (data["block_num"][i], data["par_num"][i], data["line_num"][i])))
    return words


def _mean(words: list[Word]) -> float:
    return sum(w.conf for w in words) / len(words) if words else 0.0


def _one_script(words: list[Word]) -> str | None:
    """"rus" or "eng" when the page's letters are nearly all in one script."""
    text = "".join(w.text for w in words)
    cyr, lat = len(CYRILLIC.findall(text)), len(LATIN.findall(text))
    if cyr + lat == 0:
        return None
    if cyr / (cyr + lat) >= ONE_SCRIPT_SHARE:
        return "rus"
    if lat / (cyr + lat) >= ONE_SCRIPT_SHARE:
        return "eng"
    return None


def _best_reading(image: Image.Image, lang: str | None) -> tuple[list[Word], str]:
    """The page read with both models at once (a page may mix Russian and English), and the
    language(s) found on it. A page in one script that reads poorly, or has stray words in the
    other script (the two-language model reads "an" as Cyrillic "ап"), is read again with its
    own model alone; the more confident reading wins, so a real English name on a Russian page
    keeps its letters. (One pass for a clean page: loading a model is much of Tesseract's time.)
    """
    if lang:
        return _data(image, lang), lang
    words = _data(image, BOTH)
    single = _one_script(words)
    other = LATIN if single == "rus" else CYRILLIC
    if single and (_mean(words) < REREAD_CONFIDENCE
                   or any(other.search(w.text) for w in words)):
        alone = _data(image, single)
        if _mean(alone) > _mean(words):
            words = alone
    return words, single or BOTH


def _orientation(image: Image.Image) -> int:
    """Degrees to turn the page upright, by Tesseract's OSD; 0 when it cannot tell."""
    tesseract = _tesseract()
    try:
        osd = tesseract.image_to_osd(image, timeout=PAGE_TIMEOUT_SECONDS)
    except (tesseract.TesseractError, RuntimeError):
        return 0  # too little text to tell; the page is read as it is
    found = re.search(r"Rotate: (\d+)", osd)
    return int(found.group(1)) if found else 0


def read_page(image: Image.Image, number: int, *, lang: str | None = None) -> PageRead:
    """One page image read; an unreadable page comes back with status and reason set."""
    gray = to_gray(image)
    problem = blank_or_photo(gray)
    if problem:
        return PageRead(number, gray.width, gray.height, image=stored_jpeg(gray),
                        status="unreadable", reason=problem)
    try:
        angle = skew_angle(gray)
        level = rotate(gray, angle)
        words, used = _best_reading(for_ocr(level), lang)
        turned = 0
        if _mean(words) < RETRY_ORIENTATION_CONFIDENCE:
            turned = _orientation(level)
            if turned:
                # OSD's "Rotate" is clockwise; PIL turns counter-clockwise.
                upright = level.rotate(-turned, expand=True)
                again, again_used = _best_reading(for_ocr(upright), lang)
                if _mean(again) > _mean(words):
                    level, words, used = upright, again, again_used
                else:
                    turned = 0
    except RuntimeError as exc:  # pytesseract's timeout
        return PageRead(number, gray.width, gray.height, image=stored_jpeg(gray),
                        status="unreadable",
                        reason=f"OCR stopped after {PAGE_TIMEOUT_SECONDS} s ({exc})")
    confidence = round(_mean(words), 1)
    page = PageRead(number, level.width, level.height, words=words, lang=used,
                    rotation=turned, skew=angle, confidence=confidence)
    page.image = stored_jpeg(level)
    if not words:
        page.status, page.reason = "unreadable", "no words found"
    elif confidence < MIN_PAGE_CONFIDENCE:
        page.status = "unreadable"
        page.reason = (f"mean word confidence {confidence:.0f} is under "
                       f"{MIN_PAGE_CONFIDENCE:.0f}")
    if page.status != "ok":
        page.words = []  # a page under the line gives no text; its image stays for a human
    return page


def read_pages(images: Iterable[tuple[int, Callable[[], Image.Image]]], total: int, *,
               workers: int | None = None, lang: str | None = None) -> list[PageRead]:
    """Read (page number, image loader) pairs; results in page order.

    Loaders are called on the worker threads, so only ``workers`` page images are in memory
    at a time even for a 500-page PDF.
    """
    check_tesseract()
    on_page = _ON_PAGE.get()
    done = 0

    def one(item: tuple[int, Callable[[], Image.Image]]) -> PageRead:
        number, load = item
        try:
            image = load()
        except Exception as exc:  # noqa: BLE001 - a damaged page must cost that page only
            return PageRead(number, status="unreadable",
                            reason=f"page image cannot be decoded: {type(exc).__name__}: {exc}")
        with image:
            return read_page(image, number, lang=lang)

    pages: list[PageRead] = []
    count = workers or default_workers()
    with ThreadPoolExecutor(max_workers=count) as pool:
        for page in pool.map(one, images):
            pages.append(page)
            done += 1
            if on_page is not None:
                on_page(done, total)
    return pages
