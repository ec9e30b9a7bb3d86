"""Work over a long list split between this process and a forked one."""

from __future__ import annotations

import os
import threading

import pytest

from kartoteka.resolve.forked import can_fork, map_in_halves


def _squares_with_pid(items: list[int]) -> list[tuple[int, int]]:
    return [(x * x, os.getpid()) for x in items]


def test_forked_map_in_halves_gives_the_plain_list_in_order() -> None:
    items = list(range(101))
    result = map_in_halves(_squares_with_pid, items)
    assert [value for value, _ in result] == [x * x for x in items]
    pids = {pid for _, pid in result}
    if not can_fork():
        pytest.skip("no safe fork here")
    assert os.getpid() in pids and len(pids) == 2  # the second half came from the child


def test_forked_map_in_halves_takes_a_closure_and_its_captured_state() -> None:
    offsets = {"add": 7}

    def shifted(items: list[int]) -> list[int]:  # a closure: cannot be pickled
        return [x + offsets["add"] for x in items]

    assert map_in_halves(shifted, [1, 2, 3, 4, 5]) == [8, 9, 10, 11, 12]
    assert map_in_halves(shifted, []) == []


def test_forked_no_fork_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        result = map_in_halves(_squares_with_pid, [1, 2, 3, 4])
        assert result == [(x * x, os.getpid()) for x in (1, 2, 3, 4)]  # all computed here
    finally:
        stop.set()
        thread.join()
