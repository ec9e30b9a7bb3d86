"""Ingest as a Spark job: ``kartoteka ingest --engine spark`` (``pip install .[spark]``).

The driver hashes each file and skips those already stored, exactly as the sequential path
does; the rest are spread over partitions, and each partition's task extracts its files with
one load of the NLP models (a Python worker keeps them for the partitions that follow). The
analyses come back to the driver one partition at a time, in the order the files were given,
and the driver writes them through the store — the only writer, one transaction a file — so
the card index equals the sequential path's and a crash loses at most the partition in flight.

Files are read by path on the executors, so on a cluster every node must see the folder at the
same path (a shared or network file system) and have kartoteka installed; see docs/scaling.md.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from kartoteka.errors import KartotekaError
from kartoteka.pipeline import FileResult, read_bytes
from kartoteka.store.session import Store
from kartoteka.workers import Extracted, extract_file, failure_reason, hashed, write_extracted

PageCallback = Callable[[int, int], None]  # (pages done, pages of the file), as sources.ocr's

# Files a partition holds: the driver keeps one partition's analyses in memory at a time.
PARTITION_FILES = 32


def spark_session(cores: int = 2, *, app: str = "kartoteka-ingest") -> Any:  # SparkSession
    """A Spark session: ``SPARK_MASTER`` (a cluster's URL) or ``local[cores]``.

    Settings a small machine needs and a cluster may override through ``spark-defaults.conf``
    or ``KARTOTEKA_SPARK_*``: the driver's memory, few shuffle partitions, no web UI, a
    checkpoint directory, and the loopback address when nothing else is set.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:  # the extra is not installed
        raise KartotekaError("--engine spark needs pyspark: pip install 'kartoteka[spark]'"
                             ) from exc
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # Executors run this interpreter (and see this import path) unless the cluster says else.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    master = (os.environ.get("KARTOTEKA_SPARK_MASTER") or os.environ.get("SPARK_MASTER")
              or f"local[{max(cores, 1)}]")
    checkpoints = os.environ.get("KARTOTEKA_SPARK_CHECKPOINT_DIR") or tempfile.mkdtemp(
        prefix="kartoteka-spark-")
    builder = (SparkSession.builder.master(master).appName(app)
               .config("spark.driver.memory",
                       os.environ.get("KARTOTEKA_SPARK_DRIVER_MEMORY", "2g"))
               .config("spark.sql.shuffle.partitions",
                       os.environ.get("KARTOTEKA_SPARK_SHUFFLE_PARTITIONS", str(max(cores, 2))))
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.python.worker.reuse", "true")
               .config("spark.executorEnv.PYTHONPATH", os.pathsep.join(sys.path)))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    spark.sparkContext.setCheckpointDir(checkpoints)
    return spark


def extract_partition(items: Iterable[tuple[str, str]]) -> Iterator[Extracted]:
    """One partition's task: read and extract its files (models load once per worker)."""
    for path, sha in items:
        try:
            raw = read_bytes(Path(path))
        except KartotekaError as exc:
            yield Extracted(path, sha, reason=failure_reason(exc))  # not lasting: it was read
            continue
        yield extract_file(path, raw, sha)


def report_pages(extracted: Extracted, on_page: PageCallback | None) -> None:
    """A scan's OCR pages, reported when its extraction reaches the driver (the executors,
    maybe on other machines, have no way to the progress bar while they read)."""
    if on_page is None or extracted.extraction is None:
        return
    total = len(extracted.extraction.document.scans)
    for done in range(1, total + 1):
        on_page(done, total)


def ingest_spark(
    store: Store, paths: Iterable[Path], *, cores: int = 2,
    on_file: Callable[[FileResult], None] | None = None, spark: Any = None,
    on_page: PageCallback | None = None, retry_failed: bool = False,
) -> list[FileResult]:
    """Ingest ``paths`` with their extraction run as a Spark job; one result a file.

    Files stored already and bytes that failed before (unless ``retry_failed``) are settled
    on the driver, as ``pipeline.ingest`` settles them; ``on_page`` hears of each scanned page.
    """
    results: list[FileResult] = []

    def done(result: FileResult) -> None:
        results.append(result)
        if on_file is not None:
            on_file(result)

    # Only the path and hash travel: executors read the bytes themselves.
    todo = [(path, sha) for path, _raw, sha in hashed(store, paths, done,
                                                       retry_failed=retry_failed)]
    if not todo:
        return results
    own = spark is None
    spark = spark or spark_session(cores)
    try:
        context = spark.sparkContext
        slices = max(cores, -(-len(todo) // PARTITION_FILES))
        rdd = context.parallelize(todo, slices)
        # Waves of as many partitions as the cluster has cores, each computed in parallel
        # while the driver writes the wave before: order kept, memory bounded to two waves.
        wave = max(context.defaultParallelism, 1)
        waves = [list(range(i, min(i + wave, slices))) for i in range(0, slices, wave)]
        with ThreadPoolExecutor(max_workers=1) as ahead:
            coming = ahead.submit(context.runJob, rdd, extract_partition, waves[0])
            for index in range(len(waves)):
                batch = coming.result()
                if index + 1 < len(waves):
                    coming = ahead.submit(context.runJob, rdd, extract_partition,
                                          waves[index + 1])
                for extracted in batch:
                    report_pages(extracted, on_page)
                    done(write_extracted(store, extracted))
    finally:
        if own:
            spark.stop()
    return results


__all__ = ["extract_partition", "ingest_spark", "spark_session"]
