"""Letting go of the per-name memo tables once a long list's records are built.

The readings, keys and similarities of ``names`` are memoised per distinct name
(``functools.lru_cache`` of thousands of entries): that pays while one list's records are made,
where a surname comes back in many records, but at 100,000 records the tables hold some 70 MB
of forms mostly met once, through a scoring step that needs the memory more. Small tables (the
data files a module loads, at most a few dozen entries) are kept.
"""

from __future__ import annotations

import sys

PER_NAME_MIN_SIZE = 4096  # a memo this large holds names; smaller ones hold loaded data


def clear_name_caches() -> int:
    """Empty every per-name memo of the ``kartoteka.names`` modules loaded; how many."""
    cleared = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("kartoteka.names.") or module is None:
            continue
        for value in vars(module).values():
            parameters = getattr(value, "cache_parameters", None)
            if parameters is None or getattr(value, "__module__", None) != name:
                continue
            size = parameters().get("maxsize")
            if size is not None and size >= PER_NAME_MIN_SIZE:
                value.cache_clear()
                cleared += 1
    return cleared
