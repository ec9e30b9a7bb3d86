"""Builders of real source files for the reader tests: PDFs with fpdf2, DOCX with python-docx."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

PdfMaker = Callable[..., Path]
DocxMaker = Callable[..., Path]


@pytest.fixture
def make_pdf(tmp_path: Path) -> PdfMaker:
    """Write a PDF whose pages hold the given texts (Helvetica, or DejaVu for Cyrillic)."""
    from fpdf import FPDF

    def make(
        pages: Sequence[str],
        *,
        name: str = "doc.pdf",
        title: str | None = None,
        unicode_font: bool = False,
        user_password: str | None = None,
        draw_only: bool = False,
    ) -> Path:
        pdf = FPDF()
        if title:
            pdf.set_title(title)
        if unicode_font:
            if not DEJAVU.exists():
                pytest.skip("DejaVu Sans is not installed (fonts-dejavu-core)")
            pdf.add_font("DejaVu", fname=str(DEJAVU))
            pdf.set_font("DejaVu", size=12)
        else:
            pdf.set_font("Helvetica", size=12)
        for page_text in pages:
            pdf.add_page()
            if draw_only:
                pdf.rect(20, 20, 100, 60, style="F")  # ink without a text layer, as a scan
            else:
                pdf.multi_cell(0, 8, page_text, align="L")
        if user_password is not None:
            pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
        path = tmp_path / name
        pdf.output(str(path))
        return path

    return make


@pytest.fixture
def make_docx(tmp_path: Path) -> DocxMaker:
    """Write a DOCX with paragraphs, then optionally a table, then optionally more paragraphs."""
    import docx

    def make(
        paragraphs: Sequence[str],
        *,
        table: Sequence[Sequence[str]] = (),
        after: Sequence[str] = (),
        title: str | None = None,
        merge_first_row: bool = False,
        name: str = "doc.docx",
    ) -> Path:
        document = docx.Document()
        if title is not None:
            document.core_properties.title = title
        for text in paragraphs:
            document.add_paragraph(text)
        if table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for row, values in zip(grid.rows, table, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
            if merge_first_row:
                first = grid.rows[0].cells
                first[0].merge(first[-1]).text = table[0][0]
        for text in after:
            document.add_paragraph(text)
        path = tmp_path / name
        document.save(str(path))
        return path

    return make
