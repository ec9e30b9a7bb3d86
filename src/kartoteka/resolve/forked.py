"""Pure work over a long list split in two: half here, half in a forked process.

Splink's database scores on every core, while kartoteka's own steps (the records' name keys,
the scored pairs' features) run in Python on one. Where such a step maps many independent
items, a fork (which copies the process's memory lazily, models and memo tables included)
takes half of them: the result is the same list, in the same order (tested), in about half
the wall time on two cores, for the cost of sending the child's half of the results back.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """A fork is safe and useful: two cores or more, no other Python thread (a fork copies
    none, and a lock one holds would stay held in the child) and not inside a daemonic
    process (which multiprocessing forbids to have children: a pool's worker)."""
    return ((os.cpu_count() or 1) >= 2 and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods()
            and not multiprocessing.current_process().daemon)


def map_in_halves(work: Callable[[Sequence[Any]], list[T]], items: Sequence[Any]) -> list[T]:
    """``work(items)``, computed as ``work`` of the first half here and of the second in a
    forked process, concatenated (``work`` must map each item on its own, with no effect
    the parent needs: the child's memory goes with it). Without a safe fork, all here."""
    global _JOB
    if len(items) < 2 or not can_fork():
        return work(items)
    half = len(items) // 2
    # The child finds the work and its items where the fork left them: neither is pickled (a
    # closure cannot be), only the child's results come back.
    _JOB = (work, items)
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            theirs = pool.apply_async(_second_half, (half,))
            mine = work(items[:half])
            mine.extend(theirs.get())
    finally:
        _JOB = None
    return mine


_JOB: tuple[Callable[[Sequence[Any]], list[Any]], Sequence[Any]] | None = None


def _second_half(start: int) -> list[Any]:
    assert _JOB is not None, "map_in_halves sets the job before it forks"
    work, items = _JOB
    return work(items[start:])
