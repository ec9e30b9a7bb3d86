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
U = TypeVar("U")


def can_fork() -> bool:
    """A fork is safe and useful: two cores or more, no other Python thread (a fork copies
    none, and a lock one holds would stay held in the child) and not inside a daemonic
    process (which multiprocessing forbids to have children: a pool's worker)."""
    return ((os.cpu_count() or 1) >= 2 and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods()
            and not multiprocessing.current_process().daemon)


def beside(child: Callable[[], list[T]], own: Callable[[], U]) -> tuple[list[T], U]:
    """``child()`` and ``own()``, the first in a forked process while this one runs the second
    (both here, one after the other, without a safe fork). ``child`` must have no effect the
    parent needs (the child's memory goes with it); only its list comes back, pickled, so it
    should be compact: sending Python objects costs about what making them does."""
    global _JOB
    if not can_fork():
        return child(), own()
    # The child finds its work where the fork left it: a closure is never pickled.
    _JOB = child
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            theirs = pool.apply_async(_run_job)
            mine = own()
            return theirs.get(), mine
    finally:
        _JOB = None


def map_in_halves(work: Callable[[Sequence[Any]], list[T]], items: Sequence[Any]) -> list[T]:
    """``work(items)``, computed as ``work`` of the first half here and of the second in a
    forked process (``beside``), concatenated: ``work`` must map each item on its own."""
    if len(items) < 2:
        return work(items)
    half = len(items) // 2
    theirs, mine = beside(lambda: work(items[half:]), lambda: work(items[:half]))
    return mine + theirs


_JOB: Callable[[], list[Any]] | None = None


def _run_job() -> list[Any]:
    assert _JOB is not None, "beside sets the job before it forks"
    return _JOB()
