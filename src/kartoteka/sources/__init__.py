"""Reading sources: files in, ``Document`` objects out (stored text, sha256, metadata).

``read_source(path)`` reads one file (plain text in any common Russian or Unicode encoding,
Markdown, HTML, PDF with a text layer, DOCX, JSON lines) and raises ``SourceError(path,
reason)`` for anything it cannot read: a missing or unreadable file, an unsupported suffix, an
empty or binary file, a file over the size limit, a corrupt or encrypted PDF, a scan without
text. ``iter_source_files(paths)`` expands files and folders into the files to read. The limits
are in ``kartoteka.sources.data``; the readers by suffix in ``kartoteka.sources.formats``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from kartoteka.errors import SourceError
from kartoteka.model import Document
from kartoteka.sources.budget import time_budget
from kartoteka.sources.display import display_path
from kartoteka.sources.formats import FORMATS, SUPPORTED_SUFFIXES, SourceFormat
from kartoteka.sources.walk import OnSkip, read_file_bytes, walk_source_files

__all__ = [
    "SUPPORTED_SUFFIXES", "display_path", "iter_source_files", "read_file_bytes", "read_source",
]


def read_source(path: Path, *, data: bytes | None = None) -> Document:
    """Read one source file into a Document.

    ``data`` gives the file's bytes when they do not come from disk (an upload); ``path`` then
    only names the source and chooses the reader by its suffix. ``source_path`` is the path
    as given, shown safely (``display_path``: a name that is not UTF-8 or holds a newline).
    """
    path = Path(path)
    if data is None:
        _check_file(path)
    source_format = _format_of(path)
    # From disk: checked to be a regular file under the size limit before a byte is read.
    raw = read_file_bytes(path) if data is None else data
    _check_size(path, len(raw), source_format)
    if not raw:
        raise SourceError(str(path), "empty file (0 bytes)")
    try:
        with time_budget(path):
            return source_format.read(path, raw)
    except SourceError:
        raise
    except Exception as exc:
        # A reader's own checks turn bad input into SourceError; this net catches what a parser
        # raised on bytes nobody foresaw, so a batch reports the file instead of crashing.
        raise SourceError(
            str(path), f"could not be read as {source_format.name}: {type(exc).__name__}: {exc}"
        ) from exc


def iter_source_files(paths: Iterable[Path], on_skip: OnSkip | None = None) -> Iterator[Path]:
    """The files to read for these paths, each once (see ``walk_source_files``).

    A file is yielded as given, whatever its suffix (read_source reports an unsupported one); a
    folder yields its files with a supported suffix, recursively, sorted by name. Every file a
    folder holds that is left out (hidden, a README, an unsupported type, a special file, a
    link out of the folder or into a loop) is passed to ``on_skip`` with the reason.
    """
    return walk_source_files(paths, on_skip)


def _check_file(path: Path) -> None:
    if not os.path.lexists(path):
        raise SourceError(str(path), "no such file")
    if os.path.isdir(path):
        raise SourceError(str(path), "a folder, not a file")


def _format_of(path: Path) -> SourceFormat:
    suffix = path.suffix.lower()
    source_format = FORMATS.get(suffix)
    if source_format is None:
        what = f"'{suffix}'" if suffix else "(no suffix)"
        raise SourceError(
            str(path),
            f"unsupported file type {what}; supported: {', '.join(SUPPORTED_SUFFIXES)}",
        )
    return source_format


def _check_size(path: Path, size: int, source_format: SourceFormat) -> None:
    if size > source_format.max_bytes:
        raise SourceError(
            str(path),
            f"too large: {size / 2**20:.1f} MiB, the limit for {source_format.name} is "
            f"{source_format.max_bytes / 2**20:.0f} MiB",
        )
