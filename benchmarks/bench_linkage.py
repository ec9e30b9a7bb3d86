"""Cross-document linkage of synthetic person profiles: kartoteka against bare Splink.

Generates N profiles (about two a person; Russian names in Cyrillic and five transliteration
schemes, l/r noise, initials, bare surnames; see synthetic_people.py) and links them twice in the
same run, each method in a fresh process so its time and peak memory are its own:

- kartoteka: ``link_profiles`` (transliteration-aware blocking keys, comparisons of
  resolve/comparisons.py, constrained clustering);
- bare Splink: blocking on the raw surname, Splink's library comparisons, the usual training
  (u by random sampling, EM on surname and on given name + patronymic blocks), the same prior
  chance of a match as kartoteka's, clustering at 0.9.

Prints seconds, peak RSS and pairwise precision / recall / F1 against the generator's truth.
Usage: python benchmarks/bench_linkage.py [--n 100000] [--seed 7]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_people import generate_profiles  # noqa: E402


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_kartoteka(n: int, seed: int) -> dict[str, Any]:
    from kartoteka.resolve.across import link_profiles

    profiles, _ = generate_profiles(n, seed)
    rss_data = _peak_rss_mb()
    start = time.perf_counter()
    linkage = link_profiles(profiles)
    seconds = time.perf_counter() - start
    decisions = Counter(p.decision for p in linkage.pairs)
    return {"clusters": linkage.clusters, "seconds": seconds, "rss_data": rss_data,
            "rss_peak": _peak_rss_mb(), "pairs": len(linkage.pairs), "decisions": dict(decisions)}


def run_bare_splink(n: int, seed: int) -> dict[str, Any]:
    import logging

    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    logging.getLogger("splink").setLevel(logging.ERROR)
    profiles, _ = generate_profiles(n, seed)
    rows = [
        {
            "unique_id": p.key, "surname": p.surname,
            "given": p.given or (p.initials[0] if p.initials else None),
            "patronymic": p.patronymic, "gender": p.gender,
            "birth_year": p.birth_year, "death_year": p.death_year,
        }
        for p in profiles
    ]
    rss_data = _peak_rss_mb()
    start = time.perf_counter()
    api = DuckDBAPI()
    table = api.register(rows)
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.NameComparison("surname"), cl.NameComparison("given"),
            cl.NameComparison("patronymic"), cl.ExactMatch("gender"),
            cl.ExactMatch("birth_year"), cl.ExactMatch("death_year"),
        ],
        blocking_rules_to_generate_predictions=[block_on("surname")],
        # The prior kartoteka uses too (two profiles a person). Splink's own estimate from
        # deterministic rules on raw names finds ten times fewer matches and halves its recall.
        probability_two_random_records_match=1 / (len(rows) - 1),
    )
    linker = Linker(table, settings, log_level=None)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("surname"))
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("given", "patronymic")
    )
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clustered = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.9)
    by_cluster: dict[str, list[str]] = {}
    for row in clustered.as_record_list():
        by_cluster.setdefault(row["cluster_id"], []).append(row["unique_id"])
    seconds = time.perf_counter() - start
    return {"clusters": list(by_cluster.values()), "seconds": seconds, "rss_data": rss_data,
            "rss_peak": _peak_rss_mb(), "pairs": predictions.as_duckdbpyrelation().shape[0]}


def pairwise_scores(clusters: list[list[str]], truth: dict[str, int]) -> dict[str, float]:
    """Precision, recall and F1 over pairs of profiles put in one cluster."""
    def pairs(count: int) -> int:
        return count * (count - 1) // 2

    predicted = sum(pairs(len(c)) for c in clusters)
    correct = sum(
        pairs(k) for c in clusters for k in Counter(truth[key] for key in c).values()
    )
    true = sum(pairs(k) for k in Counter(truth.values()).values())
    precision = correct / predicted if predicted else 1.0
    recall = correct / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="number of profiles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", choices=("kartoteka", "splink"), default=None)
    args = parser.parse_args()
    _, truth = generate_profiles(args.n, args.seed)
    print(f"{args.n} profiles of {len(set(truth.values()))} persons (seed {args.seed})")
    ctx = mp.get_context("spawn")
    methods = {"kartoteka": run_kartoteka, "bare splink": run_bare_splink}
    if args.only:
        methods = {k: v for k, v in methods.items() if k.endswith(args.only)}
    for name, method in methods.items():
        with ctx.Pool(1) as pool:
            result = pool.apply(method, (args.n, args.seed))
        scores = pairwise_scores(result["clusters"], truth)
        print(
            f"{name:12s} {result['seconds']:7.1f} s  peak RSS {result['rss_peak']:7.0f} MB "
            f"(data alone {result['rss_data']:.0f} MB)  pairs {result['pairs']:>9,}  "
            f"P {scores['precision']:.3f}  R {scores['recall']:.3f}  F1 {scores['f1']:.3f}"
            + (f"  {result['decisions']}" if "decisions" in result else "")
        )


if __name__ == "__main__":
    main()
