"""The shipped examples: each reads, with the encoding, language and kind it was made with."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from kartoteka.sources import SUPPORTED_SUFFIXES, iter_source_files, read_source

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

# How each example was written (see examples/README.md): encoding, language, kind.
MADE_AS = {
    "en-typist-memoir.txt": ("utf-8", "en", "testimony"),
    "ru-dopros-1939-cp1251.txt": ("cp1251", "ru", "interrogation"),
    "ru-spisok-zhertv.txt": ("utf-8", "ru", "record-list"),
    "en-house-on-kaluzhskaya.html": ("utf-8", "en", "testimony"),
    "en-statement-sokolova.pdf": (None, "en", "testimony"),
    "ru-vospominaniya-lapina.docx": (None, "ru", "testimony"),
}


def _make_examples_script() -> ModuleType:
    script = ROOT / "scripts" / "make_examples.py"
    spec = importlib.util.spec_from_file_location("make_examples", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_examples_folder_holds_exactly_the_examples() -> None:
    found = sorted(path.name for path in iter_source_files([EXAMPLES]))
    assert found == sorted(MADE_AS)  # README.md is a note, not a source


@pytest.mark.parametrize("name", sorted(MADE_AS))
def test_examples_read_as_made(name: str) -> None:
    document = read_source(EXAMPLES / name)
    assert (document.encoding, document.language, document.kind) == MADE_AS[name]
    assert document.title


def test_examples_cover_every_format_but_markdown() -> None:
    # JSON-lines record lists are tested with invented records in tests/extract/ru/
    # test_ru_records.py; the examples stay the prose sources the demo ingests.
    covered = {Path(name).suffix for name in MADE_AS}
    # Scans are made by the OCR tests themselves (tests/sources/scans.py), not shipped.
    images = {".tif", ".tiff", ".jpg", ".jpeg", ".png"}
    assert covered == set(SUPPORTED_SUFFIXES) - {".md", ".markdown", ".htm", ".jsonl"} - images


def test_examples_html_script_is_never_stored() -> None:
    text = read_source(EXAMPLES / "en-house-on-kaluzhskaya.html").text
    assert "localStorage" not in text and "document.write" not in text and "<" not in text


@pytest.mark.parametrize("maker", ["make_pdf", "make_docx"])
def test_examples_binaries_match_their_script(tmp_path: Path, maker: str) -> None:
    script = _make_examples_script()
    name = script.PDF_NAME if maker == "make_pdf" else script.DOCX_NAME
    if maker == "make_pdf" and not any(font.exists() for font in script.DEJAVU_CANDIDATES):
        pytest.skip("the shipped PDF is set in DejaVu Sans, which is not installed here")
    getattr(script, maker)(tmp_path / name)
    regenerated = read_source(tmp_path / name)
    shipped = read_source(EXAMPLES / name)
    assert regenerated.text == shipped.text
    assert regenerated.title == shipped.title
