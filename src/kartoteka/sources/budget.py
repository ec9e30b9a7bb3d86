"""A time budget for reading one file: a reader stuck on a pathological file is stopped.

The size checks bound memory before a reader starts; this bounds its time. It works by an
alarm signal, so only in the main thread (the command line) and only where a reader returns
to Python code now and then (pypdf, python-docx, the HTML text walk); elsewhere it does
nothing and the size limits are the only bound.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kartoteka.errors import SourceError

# Reading is decoding and parsing, not extraction: the largest legitimate file (20 MiB of text,
# a 100 MiB PDF) reads in well under a minute; a reader that takes longer is looping.
READ_SECONDS = 120.0


class _OutOfTime(BaseException):
    """Raised by the alarm; a BaseException so that no reader's ``except Exception`` eats it."""


@contextmanager
def time_budget(path: Path, seconds: float | None = None) -> Iterator[None]:
    """Raise SourceError naming ``path`` when the block takes longer than ``seconds``."""
    seconds = READ_SECONDS if seconds is None else seconds
    if threading.current_thread() is not threading.main_thread() or not hasattr(
            signal, "setitimer"):
        yield
        return

    def out_of_time(_signum: int, _frame: object) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, out_of_time)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _OutOfTime:
        raise SourceError(str(path), f"reading took over {seconds:g} s; stopped (a file "
                          "built to make readers loop?)") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
