"""Adding 1,000 person profiles to 100,000 linked ones: incrementally, against relinking all.

    .venv/bin/python benchmarks/bench_incremental.py [--stored 100000] [--new 1000] [--seed 7]

Profiles come from ``synthetic_people.py`` (testimony-like: Cyrillic and six romanisations,
initials, bare surnames), shuffled with a seed; the last ``--new`` are the batch. Profiles
without a surname are left out: the store never links them (``store.entities
.is_linkable_person``). Each method runs in a fresh process, so its time and peak memory are
its own:

- **baseline: relink all** (what ``kartoteka resolve`` does): ``link_profiles`` over all
  stored and new profiles (Splink on DuckDB, u sampled, EM, surname frequencies).
- **incremental** (what ingest does, ``resolve/incremental.py``): the state a previous
  ``resolve`` of the stored profiles left (their entities, its trained model, its surname
  frequencies) is loaded first (not timed: it is the store); then, timed, the stored profiles
  of the blocks the new ones touch are selected as ``relink`` selects them (the same coarse
  surname key), ``attach_profiles`` scores and attaches the batch, and the few new profiles
  that would join two stored entities go to the neighbourhood linker over their blocks, as
  ``relink.link_new_profiles`` sends them.

Prints seconds, peak RSS (and RSS with the data alone), pairwise precision / recall / F1 of the
links that involve a new profile against the generator's truth, and how far the two agree.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import pickle
import random
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_people import generate_profiles  # noqa: E402


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def batch(stored: int, new: int, seed: int) -> tuple[list[Any], list[Any], dict[str, int]]:
    """Stored and new profiles (with a surname), and key -> person id."""
    profiles, truth = generate_profiles(int((stored + new) * 1.25), seed)
    profiles = [p for p in profiles if p.surname]
    random.Random(seed).shuffle(profiles)
    profiles = profiles[:stored + new]
    return profiles[:stored], profiles[stored:], truth


def run_full(stored: int, new: int, seed: int) -> dict[str, Any]:
    from kartoteka.resolve.across import link_profiles

    old, fresh, _ = batch(stored, new, seed)
    rss_data = _peak_rss_mb()
    start = time.perf_counter()
    linkage = link_profiles([*old, *fresh])
    return {"clusters": linkage.clusters, "seconds": time.perf_counter() - start,
            "rss_data": rss_data, "rss_peak": _peak_rss_mb()}


def make_state(stored: int, new: int, seed: int, path: str) -> dict[str, Any]:
    """The previous ``resolve`` of the stored profiles: entities, model, frequencies."""
    from kartoteka.resolve.across import TF_COLUMNS, link_profiles, surname_frequencies
    from kartoteka.resolve.records import person_row

    old, _, _ = batch(stored, new, seed)
    start = time.perf_counter()
    linkage = link_profiles(old)
    seconds = time.perf_counter() - start
    rows = [person_row(p) for p in old]
    state = {
        "entity_of": {k: f"e{i}" for i, c in enumerate(linkage.clusters) for k in c},
        "model": linkage.model,
        "tf": {c: surname_frequencies(rows, c) for c in TF_COLUMNS},
    }
    with open(path, "wb") as handle:
        pickle.dump(state, handle)
    return {"seconds": seconds}


def neighbourhood(new: list[Any], by_coarse: dict[str, list[Any]]) -> list[Any]:
    """The stored profiles ``relink`` compares new ones with: every block whose coarse key
    (``names.keys.neighbour_key``) matches any reading of a new profile's surname."""
    from kartoteka.names.keys import neighbour_key, surname_key, surname_keys

    wanted: set[str] = set()
    for p in new:
        wanted.add(neighbour_key(surname_key(p.surname)))
        wanted.update(neighbour_key(k) for k in surname_keys(p.surname))
    return [q for key in sorted(wanted) for q in by_coarse.get(key, ())]


def run_incremental(stored: int, new: int, seed: int, path: str) -> dict[str, Any]:
    from kartoteka.names.keys import neighbour_key, surname_key
    from kartoteka.resolve.across import link_profiles
    from kartoteka.resolve.incremental import attach_profiles

    old, fresh, _ = batch(stored, new, seed)
    with open(path, "rb") as handle:
        state = pickle.load(handle)
    by_coarse: dict[str, list[Any]] = defaultdict(list)  # the store's index on block_key
    for p in old:
        by_coarse[neighbour_key(surname_key(p.surname))].append(p)
    rss_data = _peak_rss_mb()
    start = time.perf_counter()
    near = neighbourhood(fresh, by_coarse)
    attached = attach_profiles(fresh, near, state["entity_of"], model=state["model"],
                               population=stored + new, term_frequencies=state["tf"])
    members: dict[str, list[str]] = defaultdict(list)
    for key, entity in state["entity_of"].items():
        members[entity].append(key)
    clusters = []
    for group in attached.groups:
        entity = attached.entity_of[group[0]]
        clusters.append(group + (members.pop(entity) if entity else []))
    clusters += list(members.values())
    if attached.bridges:  # as relink does: the neighbourhood linker over their blocks
        bridging = [p for p in fresh if p.key in attached.bridges]
        for p in fresh:
            if p.key not in attached.bridges:
                by_coarse[neighbour_key(surname_key(p.surname))].append(p)
        local = link_profiles([*neighbourhood(bridging, by_coarse), *bridging]).clusters
        moved = {key for cluster in local for key in cluster}
        clusters = [kept for kept in ([k for k in c if k not in moved] for c in clusters) if kept]
        clusters += local
    seconds = time.perf_counter() - start
    return {"clusters": clusters, "seconds": seconds, "rss_data": rss_data,
            "rss_peak": _peak_rss_mb(), "neighbourhood": len(near),
            "bridges": len(attached.bridges), "pairs": len(attached.pairs)}


def new_pairs(clusters: list[list[str]], new: set[str]) -> set[tuple[str, str]]:
    """Pairs of profiles in one cluster of which at least one is new."""
    out = set()
    for cluster in clusters:
        if new.isdisjoint(cluster):
            continue
        for i, a in enumerate(cluster):
            for b in cluster[i + 1:]:
                if a in new or b in new:
                    out.add((a, b) if a < b else (b, a))
    return out


def scores(pairs: set[tuple[str, str]], true: set[tuple[str, str]]) -> str:
    correct = len(pairs & true)
    precision = correct / len(pairs) if pairs else 1.0
    recall = correct / len(true) if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with open("/proc/loadavg") as handle:
        print(f"load average before the run: {handle.read().split()[0]}", flush=True)
    old, fresh, truth = batch(args.stored, args.new, args.seed)
    keys = {p.key for p in fresh}
    everyone = [p.key for p in [*old, *fresh]]
    by_person: dict[int, list[str]] = defaultdict(list)
    for key in everyone:
        by_person[truth[key]].append(key)
    true = new_pairs(list(by_person.values()), keys)
    print(f"{len(old)} stored and {len(fresh)} new profiles (seed {args.seed}); "
          f"{len(true)} true pairs with a new profile", flush=True)
    ctx = mp.get_context("spawn")
    task = (args.stored, args.new, args.seed)
    with tempfile.TemporaryDirectory(prefix="kartoteka-bench-") as tmp:
        state = str(Path(tmp) / "state.pickle")
        with ctx.Pool(1) as pool:
            made = pool.apply(make_state, (*task, state))
        print(f"  (the previous resolve of the {len(old)} stored: {made['seconds']:.1f} s)",
              flush=True)
        with ctx.Pool(1) as pool:
            inc = pool.apply(run_incremental, (*task, state))
    with ctx.Pool(1) as pool:
        full = pool.apply(run_full, task)
    full_pairs, inc_pairs = new_pairs(full["clusters"], keys), new_pairs(inc["clusters"], keys)
    for name, result, pairs in (("relink all (baseline)", full, full_pairs),
                                ("incremental", inc, inc_pairs)):
        print(f"  {name:22s} {result['seconds']:8.1f} s  peak RSS {result['rss_peak']:6.0f} MB"
              f" (data alone {result['rss_data']:.0f} MB)  links with a new profile "
              f"{len(pairs):6d}  {scores(pairs, true)}", flush=True)
    both = len(full_pairs & inc_pairs)
    print(f"  incremental: {inc['neighbourhood']} stored profiles in the neighbourhood, "
          f"{inc['pairs']} pairs kept, {inc['bridges']} new profiles bridge two entities "
          f"(the neighbourhood linker decided them)")
    print(f"  agreement: {both} links in both, {len(full_pairs - inc_pairs)} only in the "
          f"full relink, {len(inc_pairs - full_pairs)} only incremental "
          f"(Jaccard {both / max(len(full_pairs | inc_pairs), 1):.3f}); "
          f"speed-up {full['seconds'] / inc['seconds']:.0f}x")


if __name__ == "__main__":
    main()
