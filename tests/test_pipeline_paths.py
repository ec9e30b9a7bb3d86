"""Every ingest path (sequential, ``--workers``, ``--engine spark``) behaves alike: a file whose
bytes failed before is not read again unless asked, and OCR's pages are reported."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from kartoteka.pipeline import FileResult, iter_source_files
from kartoteka.store.session import Store
from kartoteka.store.tables import FailureRow
from kartoteka.workers import ingest_with
from tests.corpus import write_folder

pytestmark = pytest.mark.slow

Run = Callable[..., list[FileResult]]


def _needs_spark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        if os.environ.get("KARTOTEKA_REQUIRE_SPARK"):
            pytest.fail("pyspark is missing but KARTOTEKA_REQUIRE_SPARK is set")
        pytest.skip("the spark extra is not installed (pip install '.[spark]')")


@pytest.fixture(params=["sequential", "workers",
                        pytest.param("spark", marks=pytest.mark.spark)])
def run(request: pytest.FixtureRequest) -> Run:
    """``ingest_with`` as the command line calls it for one path."""
    if request.param == "spark":
        _needs_spark()
    options = {"sequential": {}, "workers": {"workers": 2},
               "spark": {"engine": "spark", "workers": 2}}[request.param]

    def call(store: Store, files: list[Path], **kwargs: object) -> list[FileResult]:
        return ingest_with(store, files, **options, **kwargs)

    return call


def test_pipeline_paths_skip_bytes_that_failed_unless_retried(run: Run, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "in", 2, broken=1)
    files = list(iter_source_files([folder]))
    store = Store(tmp_path / "k.db")
    first = {Path(r.path).name: r for r in run(store, files)}
    reason = first["broken0.pdf"].reason
    assert first["broken0.pdf"].status == "failed" and reason
    assert "unchanged since it failed" not in reason

    again = {Path(r.path).name: r for r in run(store, files)}
    assert again["broken0.pdf"].status == "failed"
    assert again["broken0.pdf"].reason == (f"{reason} (unchanged since it failed; "
                                           "--retry-failed reads it again)")
    assert [again[f"t000{i}.txt"].status for i in range(2)] == ["unchanged"] * 2

    retried = {Path(r.path).name: r for r in run(store, files, retry_failed=True)}
    assert retried["broken0.pdf"].reason == reason  # read (and refused) once more
    with store.session() as session:
        assert [f.path for f in session.query(FailureRow)] == [str(folder / "broken0.pdf")]
    store.close()


def test_pipeline_paths_report_ocr_pages(run: Run, tmp_path: Path) -> None:
    from tests.sources.scans import render_text, scanned_pdf

    pages = [render_text("Statement of the witness, taken in the spring. The engineer Ivan "
                         "Frolov was arrested in Kharkov in 1937 at the tractor works where he "
                         "had worked for nine years. His wife was told nothing of his fate for "
                         "two years, and his letters from the camp were few and short."),
             render_text("His neighbour Pyotr Agapov wrote to the procurator in 1939 asking "
                         "for a review of the case. The answer came a year later: the sentence "
                         "stood. Agapov kept the letter in a drawer of his desk at the works "
                         "until he left the town for Tomsk after the war.")]
    scan = scanned_pdf(pages, tmp_path / "scan.pdf")
    seen: list[tuple[int, int]] = []
    store = Store(tmp_path / "k.db")
    [result] = run(store, [scan], on_page=lambda done, total: seen.append((done, total)))
    store.close()
    assert result.status == "stored", result.reason
    assert seen == [(1, 2), (2, 2)]
