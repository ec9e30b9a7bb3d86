"""pymorphy3's analyser of Russian (OpenCorpora's dictionary), loaded once for the whole
process: the name code (attested surnames, place names) and the Russian extractor ask the same
dictionary, and each analyser holds its own copy of it in memory."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def russian_analyzer() -> Any:
    try:
        import pymorphy3
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ImportError("Russian morphology needs pymorphy3: pip install pymorphy3") from exc
    return pymorphy3.MorphAnalyzer()
