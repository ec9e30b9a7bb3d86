"""Words per second of English extraction (extract + within) against the bare spaCy pipeline.

    .venv/bin/python benchmarks/bench_ingest_en.py [--words 50000]

Reads the seed testimony and the English development texts from ../shared at run time (nothing
is copied into the repository), repeats them to about ``--words`` words, then times in one run:
1. spaCy alone: ``nlp.pipe`` over the texts (the model the pipeline uses);
2. ours: ``Pipeline.extract`` on each text (parse included) and ``within`` on the result.
Prints both rates and their ratio; the target is ours >= 0.5 x spaCy.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from kartoteka.extract.en import Pipeline
from kartoteka.model import Document
from kartoteka.resolve.within import within

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def load_texts(target_words: int) -> list[str]:
    files = [SHARED / "corpus/000_631d22f20abd596a.txt",
             *sorted((SHARED / "corpus/dev/texts").glob("en-*.txt"))]
    base = [f.read_text(encoding="utf-8") for f in files if f.exists()]
    if not base:
        raise SystemExit(f"no English texts under {SHARED}")
    texts: list[str] = []
    words = 0
    while words < target_words:
        for text in base:
            texts.append(text)
            words += len(text.split())
            if words >= target_words:
                break
    return texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=50_000)
    args = ap.parse_args()
    texts = load_texts(args.words)
    words = sum(len(t.split()) for t in texts)
    pipeline = Pipeline()
    nlp = pipeline.nlp
    pipeline.extract(Document(sha256="0" * 64, text=texts[0], language="en"))  # warm up

    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    spacy_rate = words / (time.perf_counter() - start)

    start = time.perf_counter()
    mentions = claims = 0
    for text in texts:
        doc = Document(sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
                       language="en")
        extraction = pipeline.extract(doc)
        within(extraction)
        mentions += len(extraction.mentions)
        claims += len(extraction.claims)
    ours_rate = words / (time.perf_counter() - start)

    ratio = ours_rate / spacy_rate
    print(f"texts: {len(texts)}, words: {words}, mentions: {mentions}, claims: {claims}")
    print(f"spaCy pipeline ({pipeline.nlp.meta.get('name')}): {spacy_rate:,.0f} words/s")
    print(f"kartoteka extract+within: {ours_rate:,.0f} words/s")
    print(f"ratio: {ratio:.2f} (target >= 0.50)")
    return 0 if ratio >= 0.5 else 1


if __name__ == "__main__":
    sys.exit(main())
