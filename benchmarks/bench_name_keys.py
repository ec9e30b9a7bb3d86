"""Name keys of a long list: the keys of this tree against those of an earlier commit.

Reading Latin back into Cyrillic is most of the cost of building linkage records. This script
takes ``names/translit.py`` and ``names/keys.py`` as they were at ``--rev`` (``git show``, the
tables and everything else from this tree), builds the keys of every distinct name form of both
synthetic generators with each, and prints the two times and every form whose readings or keys
differ: a faster reader must read every form as the old one did.

Usage: python benchmarks/bench_name_keys.py [--rev 0916435] [--n 100000]
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_people import generate_profiles  # noqa: E402
from synthetic_registry import generate_records  # noqa: E402

import kartoteka.names.keys as new_keys  # noqa: E402
import kartoteka.names.translit as new_translit  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# The last commit whose reader went letter by letter in Python (before the compiled reader).
BEFORE = "0916435"


def _old_module(rev: str, path: str, name: str, replace: dict[str, str]) -> ModuleType:
    source = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    for old, new in replace.items():
        source = source.replace(old, new)
    spec = importlib.util.spec_from_loader(name, loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    exec(compile(source, f"{rev}:{path}", "exec"), module.__dict__)  # noqa: S102 - our own code
    return module


def _forms(n: int) -> tuple[list[str], list[str]]:
    """Distinct surnames, and distinct given names and patronymics, of both generators."""
    surnames: set[str] = set()
    given: set[str] = set()
    for generate in (generate_records, generate_profiles):
        profiles, _ = generate(n, 7)
        for p in profiles:
            surnames.update(s for s in [p.surname] if s)
            given.update(s for s in (p.given, p.patronymic) if s)
    return sorted(surnames), sorted(given)


def _timed(functions: list[Callable[[str], object]], forms: list[str]) -> tuple[float, list]:
    start = time.process_time()
    out = [tuple(f(form) for f in functions) for form in forms]
    return time.process_time() - start, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default=BEFORE, help="the commit to compare with")
    parser.add_argument("--n", type=int, default=100_000, help="records per generator")
    args = parser.parse_args()
    old_translit = _old_module(args.rev, "src/kartoteka/names/translit.py", "old_translit", {})
    old_keys = _old_module(args.rev, "src/kartoteka/names/keys.py", "old_keys",
                           {"from kartoteka.names.translit import": "from old_translit import"})
    surnames, given = _forms(args.n)
    print(f"{len(surnames):,} distinct surnames, {len(given):,} given names and patronymics")
    failures = 0
    for label, translit, keys in (("before", old_translit, old_keys),
                                  ("now", new_translit, new_keys)):
        surname_fns = [translit.cyrillic_readings, keys.surname_keys, keys.surname_fine_keys,
                       keys.fold]
        given_fns = [translit.cyrillic_readings, keys.given_keys, keys.given_fine_keys]
        s_time, s_out = _timed(surname_fns, surnames)
        g_time, g_out = _timed(given_fns, given)
        print(f"  {label:7s} surnames {s_time:6.2f} CPU s   given names {g_time:6.2f} CPU s",
              flush=True)
        if label == "before":
            before = (s_out, g_out)
            continue
        for forms, old, new in ((surnames, before[0], s_out), (given, before[1], g_out)):
            for form, a, b in zip(forms, old, new, strict=True):
                if a != b:
                    failures += 1
                    if failures <= 20:
                        print(f"  DIFFERS {form!r}: {a} -> {b}")
    print(f"  forms read differently: {failures}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
