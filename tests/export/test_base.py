"""The export registry and the shared view: every format writes, rejected claims never publish."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kartoteka.export.base import (
    FORMATS,
    ExportFormatError,
    ExportView,
    get_format,
    name_language,
    render_export,
    write_export,
)
from kartoteka.names.script import script_of


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_base_write_export_every_format(sample_export: dict[str, Any], tmp_path: Path,
                                        fmt: str) -> None:
    spec = get_format(fmt)
    out = tmp_path / "sub" / f"export{spec.suffix}"
    written = write_export(sample_export, fmt, out)
    assert written == [out] and out.stat().st_size > 0


@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - {"csv"}))
def test_base_single_file_formats_go_to_stdout(sample_export: dict[str, Any], fmt: str,
                                               capfdbinary: pytest.CaptureFixture[bytes],
                                               ) -> None:
    assert write_export(sample_export, fmt, None) == []
    assert capfdbinary.readouterr().out == render_export(sample_export, fmt)


def test_base_csv_needs_a_path(sample_export: dict[str, Any]) -> None:
    with pytest.raises(ExportFormatError):
        write_export(sample_export, "csv", None)
    with pytest.raises(ExportFormatError):
        render_export(sample_export, "csv")


def test_base_registry_names() -> None:
    assert set(FORMATS) == {"tei", "csv", "gexf", "graphml", "jsonld", "turtle"}
    assert get_format("TEI").name == "tei"
    with pytest.raises(ExportFormatError, match="known: csv"):
        get_format("docx")


def test_base_view_skips_rejected_claims(sample_export: dict[str, Any]) -> None:
    view = ExportView(sample_export)
    assert "c6" not in {c["id"] for c in view.claims}
    assert len(view.claims) == len(sample_export["claims"]) - 1


def test_base_view_names_label_first_once(sample_export: dict[str, Any]) -> None:
    view = ExportView(sample_export)
    group = view.entity_by_id["g1"]  # label "the Orlovs", name form "The Orlovs"
    assert view.names(group) == ["the Orlovs"]
    assert view.names(view.entity_by_id["p2"])[0] == "Grigory Lyubimov"


def test_base_view_passages_quote_the_text(sample_export: dict[str, Any]) -> None:
    view = ExportView(sample_export)
    claim = next(c for c in view.claims if c["id"] == "c3")
    assert [p.text for p in view.passages(claim)] == ["Lyubimov was never executed."]


@pytest.mark.parametrize(("text", "script", "language"), [
    ("Ежов", "Cyrl", "ru"), ("Yezhov", "Latn", "en"), ("Ежов/Yezhov", "Mixed", "ru"),
    ("1937", "Zyyy", "en"),
])
def test_base_script_and_language(text: str, script: str, language: str) -> None:
    assert script_of(text) == script and name_language(text) == language
