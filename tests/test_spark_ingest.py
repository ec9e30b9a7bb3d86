"""kartoteka ingest --engine spark: a real Spark in local[2] gives the sequential path's index."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kartoteka.export.json import export_store
from kartoteka.pipeline import ingest, iter_source_files
from kartoteka.store.session import Store
from kartoteka.store.tables import FailureRow
from tests.corpus import write_folder

pytestmark = [pytest.mark.spark, pytest.mark.slow]


def test_spark_ingest_equals_the_sequential_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        if os.environ.get("KARTOTEKA_REQUIRE_SPARK"):  # make test: the lock installs it
            pytest.fail("pyspark is missing but KARTOTEKA_REQUIRE_SPARK is set")
        pytest.skip("the spark extra is not installed (pip install '.[spark]')")
    from kartoteka import spark_ingest
    from kartoteka.spark_ingest import ingest_spark

    # Four files a partition: 13 files make four partitions, two waves of local[2]'s two tasks.
    monkeypatch.setattr(spark_ingest, "PARTITION_FILES", 4)
    folder = write_folder(tmp_path / "in", 12, broken=1)
    files = list(iter_source_files([folder]))
    plain, spark = Store(tmp_path / "plain.db"), Store(tmp_path / "spark.db")
    expected = ingest(plain, files)
    seen = []
    got = ingest_spark(spark, files, cores=2, on_file=seen.append)
    assert [(r.path, r.status, r.reason) for r in got] == [
        (r.path, r.status, r.reason) for r in expected]
    assert seen == got
    with plain.session() as a, spark.session() as b:
        assert export_store(a) == export_store(b)
        assert [f.path for f in b.query(FailureRow)] == [str(folder / "broken0.pdf")]
    # A re-run hashes the files on the driver and starts no Spark job for stored ones.
    stored = [f for f in files if f.suffix == ".txt"]
    again = ingest_spark(spark, stored, cores=2, spark=object())
    assert [r.status for r in again] == ["unchanged"] * 12
