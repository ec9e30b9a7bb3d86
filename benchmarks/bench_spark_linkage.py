"""Linkage on Spark local beside DuckDB, on the same synthetic profiles in the same run.

    .venv/bin/python benchmarks/bench_spark_linkage.py [--n 100000] [--seed 7]
        [--generator people|registry] [--cores 2]

Each backend runs kartoteka's public ``resolve.across.link_profiles`` (``backend="duckdb"``,
the baseline, then ``backend="spark"``: Splink's Spark backend in ``local[--cores]`` as
``kartoteka resolve --engine spark`` runs it) in a fresh process, so its time and memory are its
own. Prints seconds (profiles in memory to clusters), the Python process's peak RSS and, for
Spark, the peak RSS of the JVM it starts (sampled every half second), pairwise precision and
recall against the generator's truth, and how far the two backends' clusters agree.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_linkage import GENERATORS, pairwise_scores  # noqa: E402


class DescendantMemory:
    """Peak resident memory of this process's descendants (the JVM Spark starts)."""

    def __init__(self) -> None:
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _descendants(self) -> list[int]:
        out, todo = [], [os.getpid()]
        while todo:
            pid = todo.pop()
            try:
                children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                continue
            out += map(int, children)
            todo += map(int, children)
        return out

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            total = 0
            for pid in self._descendants():
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1])
                except OSError:
                    continue
            self.peak_kib = max(self.peak_kib, total)

    def __enter__(self) -> DescendantMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run(backend: str, generator: str, n: int, seed: int, cores: int) -> dict[str, Any]:
    import logging

    os.environ.setdefault("KARTOTEKA_SPARK_MASTER", f"local[{cores}]")
    logging.getLogger("splink").setLevel(logging.ERROR)
    logging.getLogger("py4j").setLevel(logging.ERROR)
    from kartoteka.resolve.across import link_profiles

    profiles, _ = GENERATORS[generator](n, seed)
    with DescendantMemory() as children:
        start = time.perf_counter()
        linkage = link_profiles(profiles, backend=backend)
        seconds = time.perf_counter() - start
    return {"clusters": linkage.clusters, "seconds": seconds, "pairs": len(linkage.pairs),
            "rss_peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "children_peak": children.peak_kib / 1024}


def agreement(a: list[list[str]], b: list[list[str]]) -> float:
    """Share of the pairs clustered together by either backend that both put together."""
    def pairs(clusters: list[list[str]]) -> set[tuple[str, str]]:
        out = set()
        for cluster in clusters:
            keys = sorted(cluster)
            out |= {(x, y) for i, x in enumerate(keys) for y in keys[i + 1:]}
        return out

    left, right = pairs(a), pairs(b)
    union = left | right
    return len(left & right) / len(union) if union else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--generator", choices=list(GENERATORS), default="people")
    parser.add_argument("--cores", type=int, default=2, help="Spark's local[N]")
    args = parser.parse_args()
    with open("/proc/loadavg") as handle:
        print(f"load average before the run: {handle.read().split()[0]} on {os.cpu_count()} "
              f"cores; spark local[{args.cores}], driver memory "
              f"{os.environ.get('KARTOTEKA_SPARK_DRIVER_MEMORY', 'default')}")
    _, truth = GENERATORS[args.generator](args.n, args.seed)
    print(f"{args.generator}: {args.n} profiles of {len(set(truth.values()))} persons "
          f"(seed {args.seed})", flush=True)
    ctx = mp.get_context("spawn")
    results = {}
    for backend in ("duckdb", "spark"):
        with ctx.Pool(1) as pool:
            result = pool.apply(run, (backend, args.generator, args.n, args.seed, args.cores))
        results[backend] = result
        scores = pairwise_scores(result["clusters"], truth)
        jvm = f"  JVM peak {result['children_peak']:6.0f} MB" if backend == "spark" else ""
        label = "duckdb (baseline)" if backend == "duckdb" else "spark local"
        print(f"  {label:18s} {result['seconds']:8.1f} s  python peak "
              f"{result['rss_peak']:6.0f} MB{jvm}  pairs {result['pairs']:>9,}  "
              f"P {scores['precision']:.3f}  R {scores['recall']:.3f}", flush=True)
    ratio = results["spark"]["seconds"] / results["duckdb"]["seconds"]
    print(f"  spark / duckdb time: {ratio:.2f}; clustered pairs both agree on: "
          f"{agreement(results['duckdb']['clusters'], results['spark']['clusters']):.4f}")


if __name__ == "__main__":
    main()
