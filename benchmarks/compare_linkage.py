"""Two source trees' person linkage of the same synthetic records, pair by pair.

A change meant only to make linking faster must leave its decisions as they were. Each tree
links the records (``bench_linkage.py``'s generators, from this tree's ``benchmarks``) in its
own process, imported from ``<tree>/src``; this script then compares:

- the clusters, as sets of keys;
- every pair both return: probability (to 1e-9), decision and features;
- the pairs only one returns: the new tree may leave out pairs scoring below
  ``scoring.CANDIDATE_FLOOR`` (none of them a link's or a review's), nothing else.

Usage: python benchmarks/compare_linkage.py --old /tmp/sp-base --new . [--n 20000]
       [--generator both]; exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TOLERANCE = 1e-9

# Run in the tree's own interpreter process: link and pickle what is compared.
_LINK = """
import pickle, sys
sys.path.insert(0, {benchmarks!r})
from bench_linkage import GENERATORS
from kartoteka.resolve.across import link_profiles
profiles, _ = GENERATORS[{generator!r}]({n}, {seed})
linkage = link_profiles(profiles)
pairs = {{(p.a, p.b): (p.probability, p.decision, p.features) for p in linkage.pairs}}
with open({out!r}, "wb") as f:
    pickle.dump((sorted(sorted(c) for c in linkage.clusters), pairs), f)
"""


def link_with(tree: Path, generator: str, n: int, seed: int, out: str) -> None:
    env = {**os.environ, "PYTHONPATH": f"{tree / 'src'}{os.pathsep}{tree}"}
    code = _LINK.format(benchmarks=str(HERE), generator=generator, n=n, seed=seed, out=out)
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def compare(old: tuple[list[list[str]], dict[Any, Any]],
            new: tuple[list[list[str]], dict[Any, Any]], floor: float) -> list[str]:
    """What differs, one line each (empty: the same decisions)."""
    problems: list[str] = []
    if old[0] != new[0]:
        problems.append(f"clusters differ: {len(old[0])} vs {len(new[0])}")
    old_pairs, new_pairs = old[1], new[1]
    for pair in new_pairs.keys() - old_pairs.keys():
        problems.append(f"new pair {pair}: {new_pairs[pair][:2]}")
    dropped: Counter[str] = Counter()
    for pair in old_pairs.keys() - new_pairs.keys():
        probability, decision, _ = old_pairs[pair]
        dropped[decision] += 1
        if probability >= floor or decision not in ("kept-apart", "linked"):
            problems.append(f"pair {pair} left out: {probability} {decision}")
    for pair in old_pairs.keys() & new_pairs.keys():
        (p, d, f), (q, e, g) = old_pairs[pair], new_pairs[pair]
        if abs(p - q) > TOLERANCE or d != e or f != g:
            problems.append(f"pair {pair}: {p} {d} -> {q} {e}" + ("" if f == g else " features"))
    print(f"    clusters {len(new[0]):,}, pairs old {len(old_pairs):,}, new {len(new_pairs):,}, "
          f"left out below {floor}: {dict(dropped)}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True)
    parser.add_argument("--new", type=Path, default=HERE.parent)
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--generator", choices=("people", "registry", "both"), default="both")
    parser.add_argument("--floor", type=float, default=0.1,
                        help="pairs below this may be left out by the new tree")
    args = parser.parse_args()
    generators = ["people", "registry"] if args.generator == "both" else [args.generator]
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for generator in generators:
            results = []
            for tree in (args.old, args.new):
                out = os.path.join(tmp, f"{generator}-{len(results)}.pickle")
                link_with(tree.resolve(), generator, args.n, args.seed, out)
                with open(out, "rb") as f:
                    results.append(pickle.load(f))
            print(f"{generator}, {args.n:,} records:")
            problems = compare(results[0], results[1], args.floor)
            print("    the same decisions" if not problems else "\n".join(
                f"    {line}" for line in problems[:40]) + f"\n    {len(problems)} differences")
            failed |= bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
