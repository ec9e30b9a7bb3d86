"""Precision, recall and F1 of surname matchers on tests/names/data/variant_pairs.tsv.

Compares kartoteka's surname_key equality, its blocking keys (any shared key from name_keys),
surname_similarity at its threshold, and baselines: rapidfuzz Jaro-Winkler >= 0.85 on lowercase
Latin (Cyrillic written with our BGN table), and jellyfish's metaphone, NYSIIS and Soundex when
jellyfish is installed. Run: .venv/bin/python benchmarks/bench_name_variants.py [--misses]
"""

from __future__ import annotations

import argparse
import csv
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz.distance import JaroWinkler

from kartoteka.names import fold, name_keys, parse_person_name, surname_key, surname_similarity
from kartoteka.names.similarity import SURNAME_THRESHOLD

DATA = Path(__file__).resolve().parents[1] / "tests" / "names" / "data"
PAIRS_PATH = DATA / "variant_pairs.tsv"
# Written after the costs and thresholds were tuned on variant_pairs.tsv, and not tuned on since.
HOLDOUT_PATH = DATA / "variant_pairs_holdout.tsv"

Matcher = Callable[[str, str], bool]


def load_pairs(path: Path = PAIRS_PATH) -> list[tuple[str, str, bool, str]]:
    with path.open(encoding="utf-8") as handle:
        return [(r["a"], r["b"], r["same"] == "1", r["why"])
                for r in csv.DictReader(handle, delimiter="\t")]


def _latin(text: str) -> str:
    return fold(text).replace(" ", "")


def _shared_block(a: str, b: str) -> bool:
    keys_a = {k for k in name_keys(parse_person_name(a)) if "|" not in k}
    keys_b = {k for k in name_keys(parse_person_name(b)) if "|" not in k}
    return bool(keys_a & keys_b)


def matchers() -> dict[str, Matcher]:
    found: dict[str, Matcher] = {
        "surname_key equality": lambda a, b: surname_key(a) == surname_key(b),
        "name_keys shared (blocking)": _shared_block,
        f"surname_similarity >= {SURNAME_THRESHOLD}": (
            lambda a, b: surname_similarity(a, b) >= SURNAME_THRESHOLD
        ),
        "Jaro-Winkler >= 0.85 (rapidfuzz)": (
            lambda a, b: JaroWinkler.similarity(_latin(a), _latin(b)) >= 0.85
        ),
    }
    try:
        import jellyfish
    except ImportError:
        return found
    for label, code in (("metaphone", jellyfish.metaphone), ("NYSIIS", jellyfish.nysiis),
                        ("Soundex", jellyfish.soundex)):
        found[f"{label} equality (jellyfish)"] = (
            lambda a, b, code=code: code(_latin(a)) == code(_latin(b))
        )
    return found


def score(matcher: Matcher, pairs: list[tuple[str, str, bool, str]]) -> dict[str, object]:
    tp = fp = fn = 0
    misses: list[str] = []
    for a, b, same, _why in pairs:
        predicted = matcher(a, b)
        tp += predicted and same
        fp += predicted and not same
        fn += same and not predicted
        if predicted != same:
            misses.append(f"{'FN' if same else 'FP'} {a} / {b}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "misses": misses}


def report(title: str, pairs: list[tuple[str, str, bool, str]], show_misses: bool) -> None:
    same = sum(1 for pair in pairs if pair[2])
    print(f"\n{title}: {len(pairs)} pairs, {same} same, {len(pairs) - same} different")
    print(f"{'method':40} {'P':>6} {'R':>6} {'F1':>6} {'ms':>7}")
    for label, matcher in matchers().items():
        started = time.perf_counter()
        result = score(matcher, pairs)
        elapsed = (time.perf_counter() - started) * 1000
        print(f"{label:40} {result['precision']:6.3f} {result['recall']:6.3f} "
              f"{result['f1']:6.3f} {elapsed:7.1f}")
        if show_misses:
            for miss in result["misses"]:
                print(f"    {miss}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list the wrong decisions")
    args = parser.parse_args()
    report("tuning set (variant_pairs.tsv)", load_pairs(PAIRS_PATH), args.misses)
    report("holdout set (variant_pairs_holdout.tsv)", load_pairs(HOLDOUT_PATH), args.misses)


if __name__ == "__main__":
    main()
