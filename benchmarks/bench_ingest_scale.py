"""Ingest at the scale users have: N synthetic documents with 1 and 2 workers; the Moscow list
into SQLite and PostgreSQL.

    .venv/bin/python benchmarks/bench_ingest_scale.py [--docs 10000] [--workers 2]
        [--batch 32] [--short] [--pg postgresql://...] [--skip-docs] [--skip-moscow]
        [--moscow-records N]

1. ``--docs`` English testimonies of 1-3 KB each (``synthetic_testimony.py``: an informant, two to
   six relatives and fellow prisoners with years, places, posts and fates; names from the
   synthetic people generator's Zipf-distributed Russian name parts; no source text), or with
   ``--short`` the two-sentence statements of the earlier figures (two people from 17 given
   names and 22 surnames; ``write_documents``), ingested into SQLite by the sequential path (the
   baseline, ``--workers 1``) and by ``--workers N``; prints files per second, the ratio (target
   >= 1.6 with two workers on two free cores), the load average sampled during each pass (a
   shared machine's load moves the wall time), the writer's and each worker's peak resident
   memory, whether the two runs put the same profiles in the same entities, and a progress line
   every tenth of a pass; then the same pair with ``--batch K`` on both sides (1 worker
   against N, one cross-document step per K consecutive files, so both make one index;
   ``--batch 1``: skip; ``--batched-only``: this pair alone, for sizes whose sequential pass
   takes hours); ``--link-at-end``: the pair alone with ``ingest --link-at-end`` on both
   sides (files stored first, every profile linked once at the end; the step's time printed).
2. Memorial's Moscow list (``../shared/corpus/memorial-moscow/records.jsonl``, read at run time)
   ingested into a new SQLite file (the baseline) and a new PostgreSQL database: wall and CPU
   seconds and persons stored (``--moscow-records N``: the first N records only). Without
   ``--pg`` a throwaway server is started with scripts/pg_server.py.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # scripts/ and tests/ helpers when run from a checkout
sys.path.insert(0, str(REPO / "benchmarks"))  # the synthetic generators beside this script

from synthetic_testimony import write_testimonies  # noqa: E402

from kartoteka.pipeline import ingest, iter_source_files, link_everything  # noqa: E402
from kartoteka.store.session import Store  # noqa: E402
from kartoteka.store.tables import DocumentRow, EntityRow, ProfileRow  # noqa: E402
from kartoteka.workers import ingest_parallel, ingest_with  # noqa: E402

MOSCOW = REPO.parent / "shared" / "corpus" / "memorial-moscow" / "records.jsonl"

# ``--short``: common Russian given names and surname stems in the usual English transliteration
# (BGN/PCGN), and the fates testimony reports; combined at random into two-sentence statements
# (the form the figures before the testimony generator were measured with).
GIVEN = ["Ivan", "Pyotr", "Nikolai", "Sergei", "Aleksei", "Mikhail", "Vasily", "Fyodor",
         "Anna", "Maria", "Yelena", "Olga", "Tatyana", "Nina", "Yakov", "Boris", "Grigory"]
STEMS = ["Smirnov", "Kuznetsov", "Popov", "Sokolov", "Lebedev", "Kozlov", "Novikov", "Morozov",
         "Volkov", "Solovyov", "Vasilyev", "Zaitsev", "Pavlov", "Semyonov", "Golubev",
         "Vinogradov", "Bogdanov", "Vorobyov", "Fyodorov", "Mikhailov", "Belyaev", "Tarasov"]
FATES = [("was arrested", 1937), ("was shot", 1938), ("was released", 1940),
         ("was sentenced to ten years in the camps", 1938), ("died in the camp", 1942)]
PLACES = ["Kharkov", "Kiev", "Leningrad", "Tomsk", "Saratov", "Omsk", "Kazan"]


def person(rng: random.Random) -> str:
    given, stem = rng.choice(GIVEN), rng.choice(STEMS)
    female = given in {"Anna", "Maria", "Yelena", "Olga", "Tatyana", "Nina"}
    return f"{given} {stem}{'a' if female else ''}"


def write_documents(root: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for i in range(count):
        a, b = person(rng), person(rng)
        fate, year = rng.choice(FATES)
        place = rng.choice(PLACES)
        (root / f"s{i:05d}.txt").write_text(
            f"Statement {i}.\n\n{a} {fate} in {place} in {year + rng.randint(0, 2)}. "
            f"{b}, who worked with {a.split()[1]} at the factory, told me about it in "
            f"{year + 3}.\n", encoding="utf-8")


class Sampler:
    """Samples, every half second, the resident memory of this process (the writer) and of
    its children (the extraction workers), and the machine's load average."""

    def __init__(self) -> None:
        self.peak: dict[int, int] = {}  # child pid -> peak resident KiB
        self.writer_peak = 0  # KiB
        self.loads: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _rss(pid: int) -> int | None:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return None
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return None

    def _run(self) -> None:
        me = os.getpid()
        tick = 0
        while not self._stop.wait(0.5):
            tick += 1
            if tick % 20 == 1:  # every ten seconds
                self.loads.append(float(Path("/proc/loadavg").read_text().split()[0]))
            self.writer_peak = max(self.writer_peak, self._rss(me) or 0)
            try:
                children = Path(f"/proc/{me}/task/{me}/children").read_text().split()
            except OSError:
                continue
            for pid in map(int, children):
                kib = self._rss(pid)
                if kib is not None:
                    self.peak[pid] = max(self.peak.get(pid, 0), kib)

    def load(self) -> str:
        if not self.loads:
            return "load n/a"
        mean = sum(self.loads) / len(self.loads)
        return f"load {min(self.loads):.1f}-{max(self.loads):.1f} (mean {mean:.1f})"

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def progress(label: str, count: int) -> Callable[[object], None]:
    """Prints a line every tenth of the run: how far, how fast lately (the per-file time grows
    with the index a file is linked against), and this process's CPU time a file over that
    tenth (the sequential path's whole cost, the writer's part with workers): on a shared
    machine the wall time moves with the load, the CPU time much less."""
    step = max(count // 10, 1)
    state = {"done": 0, "last": time.perf_counter(), "cpu": time.process_time()}

    def on_file(_result: object) -> None:
        state["done"] += 1
        if state["done"] % step == 0:
            now, cpu = time.perf_counter(), time.process_time()
            print(f"    {label}: {state['done']:6d} files, the last {step}: "
                  f"{(now - state['last']) / step:.3f} s/file (cpu here "
                  f"{(cpu - state['cpu']) / step:.3f}), load "
                  f"{Path('/proc/loadavg').read_text().split()[0]}", flush=True)
            state["last"], state["cpu"] = now, cpu

    return on_file


def index_of(store: Store) -> list[tuple]:
    """What the index holds, for comparing two runs: entities and the profiles in them."""
    with store.session() as session:
        return sorted(session.query(ProfileRow.key, ProfileRow.entity_id).all())


def timed_run(store: Store, files: list[Path], workers: int, batch: int, label: str,
              link_at_end: bool = False) -> tuple[float, float, Sampler, list[tuple], int]:
    """One pass: wall and CPU seconds (this process's), the sampler, the index, entities."""
    count = len(files)
    start, cpu = time.perf_counter(), time.process_time()
    with Sampler() as sampled:
        if link_at_end:  # as `ingest --link-at-end`: files stored, then one linking step
            ingest_with(store, files, workers=workers, batch=batch, defer_linking=True,
                        on_file=progress(label, count))
            linking = time.perf_counter()
            with store.session(write=True) as session:
                link_everything(session)
            print(f"    {label}: linking every profile at the end: "
                  f"{time.perf_counter() - linking:.1f} s", flush=True)
        elif workers == 1 and batch == 1:
            ingest(store, files, on_file=progress(label, count))
        else:
            ingest_parallel(store, files, workers=workers, batch=batch,
                            on_file=progress(label, count))
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    with store.session() as session:
        entities = session.query(EntityRow).count()
        stored = session.query(DocumentRow).count()
    index = index_of(store)
    store.close()
    if stored != count:
        print(f"  {label}: {stored} of {count} documents stored", flush=True)
    return wall, cpu, sampled, index, entities


def bench_pair(root: Path, files: list[Path], workers: int, batch: int,
               link_at_end: bool = False) -> None:
    """1 worker against ``workers`` workers, both with ``batch`` files a cross-document step
    (batches are consecutive files in input order, so both runs make the same index), or
    both linking at the end."""
    count = len(files)
    one_label = "sequential" if batch == 1 else f"1 worker, --batch {batch}"
    end = ", --link-at-end" if link_at_end else ""
    one_label += end
    one, cpu, sampled, one_index, one_entities = timed_run(
        Store(root / f"one-{batch}{end}.db"), files, 1, batch, one_label, link_at_end)
    print(f"  baseline, {one_label}: {one:8.1f} s  {count / one:6.1f} files/s  "
          f"{one / count:.3f} s/file (cpu {cpu / count:.3f} s/file)  {sampled.load()}  "
          f"peak {sampled.writer_peak / 1024:.0f} MB (the writer"
          f"{', models loaded' if batch == 1 else ''})  entities {one_entities}", flush=True)
    label = f"{workers} workers" + (f", --batch {batch}" if batch > 1 else "") + end
    many, _cpu, sampled, index, entities = timed_run(
        Store(root / f"many-{batch}{end}.db"), files, workers, batch, label, link_at_end)
    peaks = sorted(sampled.peak.values(), reverse=True)[:workers]
    print(f"  {label}: {many:8.1f} s  {count / many:6.1f} files/s  {many / count:.3f} s/file  "
          f"ratio {one / many:.2f} (target >= 1.6)  {sampled.load()}  "
          f"same index: {index == one_index}  entities {entities}")
    print(f"  peak resident memory: writer {sampled.writer_peak / 1024:.0f} MB, workers "
          + ", ".join(f"{kib / 1024:.0f} MB" for kib in peaks), flush=True)


def bench_documents(count: int, workers: int, batch: int, short: bool = False,
                    batched_only: bool = False, link_at_end: bool = False) -> None:
    with tempfile.TemporaryDirectory(prefix="kartoteka-bench-") as tmp:
        root = Path(tmp)
        (root / "in").mkdir()
        (write_documents if short else write_testimonies)(root / "in", count)
        files = list(iter_source_files([root / "in"]))
        size = sum(f.stat().st_size for f in files)
        print(f"{count} synthetic {'two-sentence statements' if short else 'testimonies'} "
              f"({size} bytes, {size / max(count, 1):.0f} a file)", flush=True)
        if link_at_end:
            bench_pair(root, files, workers, 1, link_at_end=True)
            return
        if not batched_only:
            bench_pair(root, files, workers, 1)
        if batch > 1:
            bench_pair(root, files, workers, batch)


def bench_moscow(pg: str | None, records: int | None = None) -> None:
    """The Moscow list (or its first ``records`` lines) into SQLite, then PostgreSQL.

    Wall seconds, and the CPU seconds of this process (on a shared machine the wall time moves
    with the load; the CPU time much less; PostgreSQL's own server time is not in it)."""
    if not MOSCOW.exists():
        print(f"Moscow list: {MOSCOW} is missing; skipped")
        return
    server_dir = None
    if pg is None:
        import importlib.util

        spec = importlib.util.spec_from_file_location("pg_server",
                                                      REPO / "scripts" / "pg_server.py")
        pg_server = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(pg_server)
        server_dir = Path(tempfile.mkdtemp(prefix="kartoteka-bench-pg-"))
        pg = pg_server.start(server_dir)
    from tests.postgres import create_database, drop_database

    database = create_database(pg)
    try:
        with tempfile.TemporaryDirectory(prefix="kartoteka-bench-") as tmp:
            source = MOSCOW
            if records:
                source = Path(tmp) / "part" / "records.jsonl"
                source.parent.mkdir()
                with MOSCOW.open(encoding="utf-8") as whole:
                    lines = list(itertools.islice(whole, records))
                source.write_text("".join(lines), encoding="utf-8")
            print(f"Moscow list ({source.stat().st_size} bytes"
                  f"{f', the first {records} records' if records else ''})")
            for label, db in (("SQLite (baseline)", str(Path(tmp) / "moscow.db")),
                              ("PostgreSQL", database)):
                store = Store(db)
                start, cpu = time.perf_counter(), time.process_time()
                result = ingest(store, [source])[0]
                seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
                with store.session() as session:
                    people = session.query(EntityRow).filter(EntityRow.kind == "person").count()
                store.close()
                print(f"  {label:18} {seconds:7.1f} s  (cpu {cpu:6.1f} s)  {result.status}  "
                      f"{result.reason or ''}  "
                      f"{people} persons", flush=True)
    finally:
        drop_database(pg, database)
        if server_dir is not None:
            pg_server.stop(server_dir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=32,
                        help="also time 1 worker and --workers N, both --batch K (1: skip)")
    parser.add_argument("--link-at-end", action="store_true",
                        help="only the pair with `ingest --link-at-end` on both sides")
    parser.add_argument("--batched-only", action="store_true",
                        help="only the --batch K pair (the sequential pass is the slow one)")
    parser.add_argument("--short", action="store_true",
                        help="the two-sentence statements of the earlier figures")
    parser.add_argument("--pg", help="a PostgreSQL server URL to create a database on")
    parser.add_argument("--skip-docs", action="store_true")
    parser.add_argument("--skip-moscow", action="store_true")
    parser.add_argument("--moscow-records", type=int,
                        help="only the first N records of the Moscow list")
    args = parser.parse_args()
    with open("/proc/loadavg") as handle:
        print(f"load average before the run: {handle.read().split()[0]} on "
              f"{os.cpu_count()} cores", flush=True)
    if not args.skip_docs:
        bench_documents(args.docs, args.workers, args.batch, args.short, args.batched_only,
                        args.link_at_end)
    if not args.skip_moscow:
        bench_moscow(args.pg, args.moscow_records)


if __name__ == "__main__":
    main()
