"""Scans made by the tests: known text rendered with Debian's fonts, then spoilt as scanners and
typewriters spoil it (a few degrees of skew, blur, noise, a stamp), and the character error
rate of what OCR reads back.

The texts are written for these tests (an invented family and invented dates).
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from rapidfuzz.distance import Levenshtein

FONTS = {
    # A typewriter-like monospaced face (fonts-liberation: metric-compatible with Courier New).
    "typewriter": Path("/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf"),
    "serif": Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),  # fonts-dejavu-core
    "sans": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
}
A4_300DPI = (2480, 3508)

RU_TEXT = (
    "Допрошенный Соколов Петр Ильич, 1899 года рождения, уроженец города Тулы, показал: "
    "в марте 1938 года мой брат Соколов Андрей Ильич был арестован органами НКВД. Позднее "
    "я узнал, что он был расстрелян в октябре того же года. Его жена Анна Сергеевна "
    "Соколова была выслана в Казахстан вместе с детьми."
)
EN_TEXT = (
    "Statement of Helen Warren. My father, Thomas Warren, an engineer at the tractor works, "
    "was arrested on 12 May 1937. In the autumn we were told that he had been sentenced to "
    "ten years without the right of correspondence. In 1956 we learned that he had been "
    "shot in November 1937."
)


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    path = FONTS[name]
    if not path.exists():
        pytest.skip(f"{path.name} is not installed (make ocr installs the fonts)")
    return ImageFont.truetype(str(path), size)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and face.getlength(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def render(lines: list[str], *, face: str = "typewriter", size: int = 42,
           page: tuple[int, int] = A4_300DPI, top: int = 300, left: int = 250,
           spacing: float = 1.6) -> Image.Image:
    """A white page with ``lines`` set in black; a line of "" leaves a blank line."""
    image = Image.new("L", page, 255)
    draw = ImageDraw.Draw(image)
    face_obj = font(face, size)
    y = top
    for line in lines:
        draw.text((left, y), line, font=face_obj, fill=0)
        y += int(size * spacing)
    return image


# The upper part of an A4 page at 300 dpi: the OCR tests' texts fill a third of a page, and
# Tesseract's time grows with the paper it has to look at.
HALF_A4 = (2480, 1500)


def render_text(text: str, *, face: str = "typewriter", size: int = 42,
                width: int = 1980, page: tuple[int, int] = HALF_A4) -> Image.Image:
    return render(wrap(text, font(face, size), width), face=face, size=size, page=page)


def spoil(image: Image.Image, *, angle: float = 0.0, blur: float = 0.0, noise: float = 0.0,
          seed: int = 7) -> Image.Image:
    """The page skewed by ``angle`` degrees, blurred and with Gaussian noise (sigma in grey
    levels), as a cheap flatbed scan of a carbon copy looks."""
    out = image
    if angle:
        out = out.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if blur:
        out = out.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        import numpy as np

        rng = np.random.default_rng(seed)
        pixels = np.asarray(out, dtype=np.float32) + rng.normal(0, noise, (out.height, out.width))
        out = Image.fromarray(np.clip(pixels, 0, 255).astype("uint8"), "L")
    return out


def stamp(image: Image.Image, *, centre: tuple[int, int], radius: int = 230) -> Image.Image:
    """A round office stamp, grey and a little smudged, pressed over the page."""
    layer = Image.new("L", image.size, 0)
    draw = ImageDraw.Draw(layer)
    x, y = centre
    for r in (radius, radius - 22):
        draw.ellipse((x - r, y - r, x + r, y + r), outline=255, width=9)
    draw.text((x - radius // 2, y - 30), "ОТДЕЛ", font=font("sans", 52), fill=255)
    random.seed(3)
    for _ in range(40):  # ink blots
        bx, by = x + random.randint(-radius, radius), y + random.randint(-radius, radius)
        s = random.randint(4, 14)
        draw.ellipse((bx - s, by - s, bx + s, by + s), fill=255)
    layer = layer.filter(ImageFilter.GaussianBlur(2))
    ink = Image.new("L", image.size, 110)  # a stamp's violet ink scans as mid grey
    return Image.composite(ink, image, layer)


def cer(read: str, truth: str) -> float:
    """Character error rate: edit distance over the length of the truth, spaces collapsed."""
    a, b = " ".join(read.split()), " ".join(truth.split())
    return Levenshtein.distance(a, b) / max(1, len(b))


def image_bytes(image: Image.Image, fmt: str, **save: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **save)
    return out.getvalue()


def scanned_pdf(pages: list[Image.Image], path: Path) -> Path:
    """A PDF whose pages are images only (no text layer), as a scanner writes them."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    for image in pages:
        pdf.add_page()
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        buffer.seek(0)
        # Full width, the image's own proportions (a stretched scan would read worse).
        pdf.image(buffer, x=0, y=0, w=pdf.w, h=pdf.w * image.height / image.width)
    pdf.output(str(path))
    return path


# A two-page interrogation protocol, as typed (page furniture apart) and as its scan shows it:
# a running header, page numbers, a word broken at a line end, and the typewriter's "3" for the
# initial "З". Invented people and dates.
PROTOCOL_PAGES = [
    ["Дело № 4471", "", "ПРОТОКОЛ ДОПРОСА", "",
     "Громов Василий Петрович, 1896 года рождения, уро-",
     "женец города Калуги, бывший начальник отдела треста,",
     "арестован 16 апреля 1938 года.", "",
     "Ответ: Я знаю инженера Лаврова Николая Степановича и его",
     "заместителя В. 3. Орлова. Лавров был арестован в январе",
     "1938 года.", "", "", "- 1 -"],
    ["Дело № 4471", "",
     "Ответ: Мне сказали, что Лавров был расстрелян в мае",
     "1938 года, а Орлов осужден к десяти годам лагерей.", "",
     "Протокол записан с моих слов верно. Громов.", "", "", "- 2 -"],
]
PROTOCOL_TYPED = (
    "ПРОТОКОЛ ДОПРОСА\n\n"
    "Громов Василий Петрович, 1896 года рождения, уроженец города Калуги, бывший начальник "
    "отдела треста, арестован 16 апреля 1938 года.\n\n"
    "Ответ: Я знаю инженера Лаврова Николая Степановича и его заместителя В. З. Орлова. "
    "Лавров был арестован в январе 1938 года.\n\n"
    "Ответ: Мне сказали, что Лавров был расстрелян в мае 1938 года, а Орлов осужден к десяти "
    "годам лагерей.\n\n"
    "Протокол записан с моих слов верно. Громов."
)


def protocol_scan(path: Path) -> Path:
    """The protocol as a scanned PDF: typewriter face, skewed, grainy, a stamp on page 2."""
    pages = []
    for number, lines in enumerate(PROTOCOL_PAGES):
        page = render(lines, size=42, page=(2480, 1500 if number else 1700), top=120)
        if number:
            page = stamp(page, centre=(1900, 1050), radius=200)
        pages.append(spoil(page, angle=1.5 if number else -1.0, blur=0.8, noise=12,
                           seed=number))
    return scanned_pdf(pages, path)
