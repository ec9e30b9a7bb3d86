"""Ingest of a folder with 10% hostile files against the same good files alone; long texts.

    .venv/bin/python benchmarks/bench_hostile.py [--files 1000] [--long]

1. builds a folder of ``--files`` files: 90% good made-up testimonies (.txt, .md, .docx, .pdf)
   and 10% hostile ones (tests/hostile.py: random bytes under every suffix, truncated and
   looping PDFs, DOCX zip and entity bombs, a 3 MB line, NUL bytes, a sparse 2 GiB file,
   symbolic-link loops and a link to /etc/passwd, a FIFO, names that are not UTF-8 or hold a
   newline); and a baseline folder of the same good files alone;
2. ingests each with ``kartoteka ingest`` in a fresh process and prints wall time and peak
   memory (maximum resident set size of the process) side by side, then the checks: every
   good file stored once, the run finished with exit status 1 (some files failed), and
   ``kartoteka check`` passes;
3. with ``--long``: one English text of 1.2 million characters and one Russian text of 3 MB
   (the development texts repeated, read from ../shared at run time), each ingested alone, with
   its time and peak memory beside those of one copy of the same texts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile import build_hostile  # noqa: E402 - the repository root is on the path now

SHARED = ROOT.parent / "shared"
DEV_TEXTS = SHARED / "corpus" / "dev" / "texts"
# Hostile and good-named files one build_hostile copy makes (see tests/hostile.py).
HOSTILE_PER_COPY = 25
GOOD_PER_COPY = 3

VERBS = ("was arrested", "was shot", "was exiled", "was released", "was sentenced to ten years")
PLACES = ("Moscow", "Kharkov", "Tomsk", "Kiev", "Leningrad", "Omsk", "Kazan")
GIVEN = ("Pavel", "Ivan", "Anna", "Boris", "Olga", "Semyon", "Maria", "Yakov", "Nina", "Lev")
SURNAMES = ("Orlov", "Lidin", "Karin", "Voronov", "Belova", "Zhukov", "Frolova", "Gusev")


def good_texts(count: int) -> list[str]:
    """Made-up testimonies of a few sentences, each naming different people."""
    texts = []
    for i in range(count):
        lines = []
        for j in range(4):
            k = i * 4 + j
            lines.append(f"The witness said that {GIVEN[k % len(GIVEN)]} "
                         f"{SURNAMES[k // len(GIVEN) % len(SURNAMES)]}-{i} {VERBS[k % len(VERBS)]}"
                         f" in {PLACES[k % len(PLACES)]} in {1930 + k % 11}.")
        texts.append("\n\n".join(lines) + "\n")
    return texts


def ingest(folder: Path, db: Path) -> tuple[int, float, float]:
    """(exit status, seconds, peak MiB) of ``kartoteka ingest FOLDER`` in its own process."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "kartoteka.cli", "ingest", str(folder),
                             "--db", str(db), "-q"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss / 1024


def stored_count(db: Path) -> int:
    from kartoteka.store.session import Store
    from kartoteka.store.tables import DocumentRow

    store = Store(db)
    with store.session() as session:
        count = session.query(DocumentRow).count()
    store.close()
    return count


def bench_folder(total: int, work: Path) -> None:
    copies = max(1, round(total * 0.1 / HOSTILE_PER_COPY))
    texts = good_texts(total - copies * (HOSTILE_PER_COPY + GOOD_PER_COPY))
    folder = build_hostile(work / "hostile", texts, copies=copies)
    baseline = work / "good"
    for path in folder.good:
        if path.parent.name in ("text", "docx", "pdf"):
            target = baseline / path.relative_to(folder.root)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    files = len(folder.good) + len(folder.bad) + len(folder.harmless)
    print(f"folder: {files} files, {len(folder.good)} good, {len(folder.bad)} hostile "
          f"(+{len(folder.harmless)} defused); baseline: {len(texts)} good files alone")
    base_code, base_s, base_mb = ingest(baseline, work / "good.db")
    code, seconds, mb = ingest(folder.root, work / "hostile.db")
    print(f"{'':24}{'time':>10}{'peak memory':>14}{'exit':>6}")
    print(f"{'baseline (good alone)':24}{base_s:9.1f}s{base_mb:11.0f} MiB{base_code:>6}")
    print(f"{'with 10% hostile':24}{seconds:9.1f}s{mb:11.0f} MiB{code:>6}")
    stored = stored_count(work / "hostile.db")
    check = subprocess.run([sys.executable, "-m", "kartoteka.cli", "check", "--db",
                            str(work / "hostile.db")], capture_output=True, text=True)
    print(f"good files {len(folder.good)}, stored {stored} (+ defused stored: "
          f"{stored - len(folder.good)}); baseline stored {stored_count(work / 'good.db')}; "
          f"kartoteka check exit {check.returncode}")


def bench_long(work: Path) -> None:
    if not DEV_TEXTS.exists():
        print(f"--long: no development texts under {DEV_TEXTS}; skipped")
        return
    for lang, size, unit in (("en", 1_200_000, "characters"), ("ru", 3_000_000, "bytes")):
        base = "\n\n".join(path.read_text(encoding="utf-8")
                           for path in sorted(DEV_TEXTS.glob(f"{lang}-*.txt")))
        one = work / f"{lang}-once" / f"{lang}-once.txt"
        one.parent.mkdir()
        one.write_text(base, encoding="utf-8")
        text = base
        while (len(text) if unit == "characters" else len(text.encode())) < size:
            text += "\n\n" + base
        long = work / f"{lang}-long" / f"{lang}-long.txt"
        long.parent.mkdir()
        long.write_text(text, encoding="utf-8")
        code1, s1, mb1 = ingest(one.parent, work / f"{lang}-once.db")
        code2, s2, mb2 = ingest(long.parent, work / f"{lang}-long.db")
        print(f"{lang}: {len(base):,} chars once: {s1:.1f} s, {mb1:.0f} MiB (exit {code1}); "
              f"{len(text):,} chars ({len(text.encode()):,} bytes): {s2:.1f} s, {mb2:.0f} MiB "
              f"(exit {code2})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--long", action="store_true", help="also the long-text runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kartoteka-hostile-") as tmp:
        bench_folder(args.files, Path(tmp))
        if args.long:
            bench_long(Path(tmp))


if __name__ == "__main__":
    main()
