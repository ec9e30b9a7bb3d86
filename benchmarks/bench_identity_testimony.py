"""Who is who across synthetic testimonies whose truth is known: kartoteka end to end against
the grouping a careful user gets without it.

Each statement (``synthetic_testimony.py``) names an informant, one to three relatives who bear
the informant's surname, and one to three prisoners drawn, Zipf-distributed, from a pool as
large as the collection, so the same prisoner recurs across statements, written as a full name
with patronymic, a given name and surname, or initials. The surnames follow the same Zipf law,
so namesakes are many: two different Ivan Orlovs are common, and told apart only by their
patronymics or years. No name comes from any source text.

The statements are ingested with the command line (``kartoteka ingest --link-at-end``, then
``kartoteka export``), as a user would, and each person's first naming in each statement is
looked up among the exported mentions. Scores are pairwise over those namings, within and across
statements: precision (of the namings put on one card, how many are one person), recall, F1,
and the cards that hold two people, with their names.

The baseline is what an archivist can do without the tool: one card per name as written (the
same given name, patronymic or initials, and surname), which cannot join "Ivan Orlov" to "Ivan
Petrovich Orlov" and joins every two Ivan Orlovs.

Usage: python benchmarks/bench_identity_testimony.py [--docs 500] [--seed 7] [--show 10]
       [--language ru]  (Russian statements: synthetic_testimony_ru.py, the same people)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic_testimony  # noqa: E402
import synthetic_testimony_ru  # noqa: E402

WRITERS = {"en": synthetic_testimony.write_testimonies,
           "ru": synthetic_testimony_ru.write_testimonies}


def pairwise(labels: list[tuple[int, object]]) -> dict[str, float]:
    """Precision, recall and F1 over pairs of namings: (true person, predicted card) each."""
    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    together = pairs(Counter(labels))
    predicted = pairs(Counter(card for _, card in labels))
    true = pairs(Counter(pid for pid, _ in labels))
    precision = together / predicted if predicted else 1.0
    recall = together / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def cards_of(export: dict, truth: list[dict]) -> list[tuple[int, object, str]]:
    """(person, card, name) for each truth naming found among the exported person mentions;
    the card is the entity of the mention that overlaps the naming most."""
    documents = {Path(d["source_path"]).name: d["id"] for d in export["documents"]}
    kinds = {e["id"]: e.get("kind") for e in export["entities"]}
    spans = defaultdict(list)
    for m in export["mentions"]:
        if kinds.get(m.get("entity")) == "person":
            spans[m["document"]].append(m)
    found = []
    for t in truth:
        hits = [m for m in spans.get(documents.get(t["file"]), [])
                if m["start"] < t["end"] and t["start"] < m["end"]]
        if hits:
            best = max(hits, key=lambda m: min(t["end"], m["end"]) - max(t["start"], m["start"]))
            found.append((t["pid"], best["entity"], t["name"]))
    return found


def run(docs: int, seed: int, show: int, language: str = "en") -> None:
    with tempfile.TemporaryDirectory(prefix="kartoteka-identity-") as tmp:
        root = Path(tmp)
        (root / "in").mkdir()
        truth = WRITERS[language](root / "in", docs, seed)
        cli = [sys.executable, "-m", "kartoteka.cli"]
        database, exported = root / "index.db", root / "export.json"
        people = len({t["pid"] for t in truth})
        print(f"{docs} statements ({language}), {len(truth)} namings of {people} people "
              f"(seed {seed}); ingesting with --link-at-end...", flush=True)
        start = time.perf_counter()
        subprocess.run([*cli, "ingest", str(root / "in"), "--db", str(database),
                        "--link-at-end", "-q"], check=True, env=os.environ.copy())
        seconds = time.perf_counter() - start
        subprocess.run([*cli, "export", "--db", str(database), "-o", str(exported)],
                       check=True, stdout=subprocess.DEVNULL)
        export = json.loads(exported.read_text(encoding="utf-8"))
    found = cards_of(export, truth)
    ours = pairwise([(pid, card) for pid, card, _ in found])
    written = pairwise([(t["pid"], t["name"]) for t in truth])
    print(f"  namings found among the mentions: {len(found)}/{len(truth)}; ingest {seconds:.0f} s")
    for label, score in (("kartoteka", ours), ("one card per name as written", written)):
        print(f"  {label:30} P {score['precision']:.4f}  R {score['recall']:.4f}  "
              f"F1 {score['f1']:.4f}")
    people_on = defaultdict(set)
    names_on = defaultdict(set)
    for pid, card, name in found:
        people_on[card].add(pid)
        names_on[card].add(name)
    shared = [card for card, pids in people_on.items() if len(pids) > 1]
    print(f"  cards holding two or more people: {len(shared)} of {len(people_on)}")
    for card in shared[:show]:
        print(f"    {card}: {sorted(names_on[card])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500, help="number of statements")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=10, help="cards of two people to print")
    parser.add_argument("--language", choices=sorted(WRITERS), default="en",
                        help="the statements' language (ru: synthetic_testimony_ru.py)")
    args = parser.parse_args()
    run(args.docs, args.seed, args.show, args.language)


if __name__ == "__main__":
    main()
