"""Russian throughput: Memorial's Moscow list end to end, and prose against bare natasha.

    .venv/bin/python benchmarks/bench_russian.py [--words 20000]

1. records per second for the whole Moscow list through ``read_source`` and ``extract`` (parse,
   mentions, claims);
2. words per second of ``kartoteka.extract.extract`` (normalised view, Russian pipeline) on
   the Russian development texts repeated to about 20,000 words, against bare natasha
   (segment, morphology, syntax, NER) on the same texts in the same run, and the ratio (the
   target is at least 0.5).

Reads ../shared/corpus at run time; exits quietly when it is missing.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
MOSCOW = SHARED / "corpus" / "memorial-moscow" / "records.jsonl"
TEXTS = SHARED / "corpus" / "dev" / "texts"


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def bench_memorial() -> None:
    from kartoteka.extract import extract
    from kartoteka.sources import read_source

    start = time.perf_counter()
    extraction = extract(read_source(MOSCOW))
    seconds = time.perf_counter() - start
    records = extraction.document.meta["records"]
    print(f"memorial-moscow: {records} records in {seconds:.1f} s = {records / seconds:.0f} "
          f"records/s ({len(extraction.mentions)} mentions, {len(extraction.claims)} claims)")


def corpus(target_words: int) -> list[str]:
    """The Russian texts repeated to ``target_words``; each copy is a distinct text (a header
    line of its own) so that no per-text cache serves a repeat."""
    base = [p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("ru-*.txt"))]
    total = sum(words(t) for t in base)
    copies = max(1, round(target_words / total))
    return [f"Копия {n}.\n\n{text}" for n in range(copies) for text in base]


def bench_prose(texts: list[str]) -> None:
    from kartoteka.extract import extract
    from kartoteka.extract.ru.models import natasha_models
    from kartoteka.model import Document

    models = natasha_models()
    warm = Document(sha256="0" * 64, text=texts[0], language="ru")
    extract(warm)  # loads natasha and pymorphy3 once, outside the timings
    n_words = sum(words(t) for t in texts)
    docs = [Document(sha256=hashlib.sha256(t.encode()).hexdigest(), text=t, language="ru")
            for t in texts]
    # Interleaved, text by text, so that a change in the machine's load (other processes on
    # its two cores) falls on both measurements alike.
    bare_seconds = ours_seconds = 0.0
    claims = 0
    for doc in docs:
        start = time.perf_counter()
        models.parse(doc.text)
        middle = time.perf_counter()
        claims += len(extract(doc).claims)  # as ingest reads it: normalised view and all
        bare_seconds += middle - start
        ours_seconds += time.perf_counter() - middle
    bare, ours = n_words / bare_seconds, n_words / ours_seconds

    print(f"Russian prose: {n_words} words in {len(texts)} texts")
    print(f"  bare natasha (segment+morph+syntax+NER): {bare:.0f} words/s")
    print(f"  kartoteka extract (ru):                  {ours:.0f} words/s ({claims} claims)")
    print(f"  ratio: {ours / bare:.2f} (target >= 0.5)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=20_000)
    args = parser.parse_args()
    if not MOSCOW.is_file() or not TEXTS.is_dir():
        print(f"bench_russian: {SHARED / 'corpus'} is missing; nothing measured")
        return 0
    bench_memorial()
    bench_prose(corpus(args.words))
    return 0


if __name__ == "__main__":
    sys.exit(main())
