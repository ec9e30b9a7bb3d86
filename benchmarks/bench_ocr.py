"""OCR throughput: pages per second of kartoteka's page reader on one and two workers, beside
bare Tesseract (``pytesseract.image_to_string`` with both models, the same pages, the same
worker counts), and the character error rate of each.

The pages are made here: full A4 pages at 300 dpi of invented Russian and English typescript
(Liberation Mono, Debian's fonts-liberation), skewed 1-3 degrees, some blurred or grainy.
kartoteka's reader does more per page than the baseline (deskew, blank and photo checks, word
boxes, a second pass for a poor one-script page, the stored JPEG), so it may be slower; the
baseline reads the skewed pages as they are.
Usage: python benchmarks/bench_ocr.py [--pages 6]
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image  # noqa: E402

from kartoteka.sources.ocr import read_pages  # noqa: E402
from kartoteka.sources.ocr_text import assemble  # noqa: E402
from tests.sources.scans import EN_TEXT, RU_TEXT, cer, font, render, spoil, wrap  # noqa: E402


def make_pages(count: int) -> list[tuple[Image.Image, str]]:
    pages = []
    for n in range(count):
        base = RU_TEXT if n % 2 == 0 else EN_TEXT
        truth = " ".join([base] * 3)  # about 40 lines: a full typescript page
        lines = wrap(truth, font("typewriter", 40), 1980)
        image = render(lines, size=40, spacing=1.9)
        image = spoil(image, angle=(1.0, -2.0, 3.0)[n % 3], blur=0.8 if n % 3 == 1 else 0,
                      noise=15 if n % 3 == 2 else 0, seed=n)
        pages.append((image, truth))
    return pages


def ours(pages: list[tuple[Image.Image, str]], workers: int) -> tuple[float, float]:
    start = time.perf_counter()
    read = read_pages(((i + 1, (lambda im=im: im.copy())) for i, (im, _) in enumerate(pages)),
                      len(pages), workers=workers)
    elapsed = time.perf_counter() - start
    errors = [cer(assemble([page])[0], truth) for page, (_, truth) in zip(read, pages,
                                                                          strict=True)]
    return len(pages) / elapsed, sum(errors) / len(errors)


def baseline(pages: list[tuple[Image.Image, str]], workers: int) -> tuple[float, float]:
    import pytesseract

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        texts = list(pool.map(lambda p: pytesseract.image_to_string(p[0], lang="rus+eng"),
                              pages))
    elapsed = time.perf_counter() - start
    errors = [cer(text, truth) for text, (_, truth) in zip(texts, pages, strict=True)]
    return len(pages) / elapsed, sum(errors) / len(errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=6)
    args = parser.parse_args()
    pages = make_pages(args.pages)
    print(f"{args.pages} A4 pages at 300 dpi (~40 typed lines each)")
    print(f"{'reader':<34} {'workers':>7} {'pages/s':>8} {'mean CER':>9}")
    for workers in (1, 2):
        for name, run in (("kartoteka read_pages", ours),
                          ("baseline pytesseract rus+eng", baseline)):
            rate, error = run(pages, workers)
            print(f"{name:<34} {workers:>7} {rate:>8.2f} {error:>9.2%}")


if __name__ == "__main__":
    main()
