"""Page preparation before OCR: deskew, blank and photo pages, grain (no Tesseract needed)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from kartoteka.sources.scan import blank_or_photo, for_ocr, skew_angle, stored_jpeg, to_gray
from tests.sources.scans import RU_TEXT, render_text, spoil


@pytest.mark.parametrize("angle", [-3.0, -1.5, 0.0, 2.0, 4.5])
def test_scan_skew_angle_levels_the_lines(angle: float) -> None:
    page = to_gray(spoil(render_text(RU_TEXT), angle=angle))
    assert abs(skew_angle(page) + angle) <= 0.3


def test_scan_blank_and_photo_pages_are_told_apart_from_text() -> None:
    text = to_gray(render_text(RU_TEXT))
    blank = to_gray(Image.new("L", (1200, 1600), 250))
    ramp = np.tile(np.linspace(40, 220, 1200, dtype=np.float32), (1600, 1))
    photo = to_gray(Image.fromarray(ramp.astype("uint8"), "L"))
    assert blank_or_photo(text) is None
    assert "blank" in (blank_or_photo(blank) or "")
    assert "photograph" in (blank_or_photo(photo) or "")


def test_scan_only_a_grainy_page_is_binarised() -> None:
    clean = to_gray(render_text(RU_TEXT))
    grainy = to_gray(spoil(render_text(RU_TEXT), noise=25))
    assert for_ocr(clean) is clean
    levels = set(np.unique(np.asarray(for_ocr(grainy))))
    assert levels <= {0, 255}


def test_scan_stored_image_is_a_small_grayscale_jpeg() -> None:
    data = stored_jpeg(to_gray(render_text(RU_TEXT)))
    import io

    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.mode == "L" and image.width == 1240
