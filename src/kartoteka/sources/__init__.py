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
from kartoteka.sources.data import FOLDER_NOTE_STEMS
from kartoteka.sources.formats import FORMATS, SUPPORTED_SUFFIXES, SourceFormat

__all__ = ["SUPPORTED_SUFFIXES", "iter_source_files", "read_source"]


def read_source(path: Path, *, data: bytes | None = None) -> Document:
    """Read one source file into a Document.

    ``data`` gives the file's bytes when they do not come from disk (an upload); ``path`` then
    only names the source and chooses the reader by its suffix. ``source_path`` is ``str(path)``
    as given.
    """
    path = Path(path)
    if data is None:
        _check_file(path)
    source_format = _format_of(path)
    if data is None:
        _check_size(path, path.stat().st_size, source_format)
        raw = _read_bytes(path)
    else:
        raw = data
    _check_size(path, len(raw), source_format)
    if not raw:
        raise SourceError(str(path), "empty file (0 bytes)")
    try:
        return source_format.read(path, raw)
    except SourceError:
        raise
    except Exception as exc:
        # A reader's own checks turn bad input into SourceError; this net catches what a parser
        # raised on bytes nobody foresaw, so a batch reports the file instead of crashing.
        raise SourceError(
            str(path), f"could not be read as {source_format.name}: {type(exc).__name__}: {exc}"
        ) from exc


def iter_source_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to read for these paths, each once.

    A file is yielded as given, whatever its suffix (read_source reports an unsupported one); a
    folder yields its files with a supported suffix, recursively, sorted by name, skipping
    hidden files and folders (names starting with ".") and notes about the folder (README,
    LICENSE, PROVENANCE …). A path that does not exist is yielded too, so that read_source
    reports it.
    """
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        found = _walk(path) if path.is_dir() else iter([path])
        for file in found:
            key = file.resolve() if file.exists() else file.absolute()
            if key not in seen:
                seen.add(key)
                yield file


def _walk(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        yield folder  # unreadable folder: read_source reports why
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        entry_path = folder / entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry_path)
        elif _is_source_name(entry.name) and entry.is_file():
            yield entry_path


def _is_source_name(name: str) -> bool:
    stem, dot, suffix = name.rpartition(".")
    if not dot or f".{suffix.lower()}" not in FORMATS:
        return False
    return stem.split(".")[0].lower() not in FOLDER_NOTE_STEMS


def _check_file(path: Path) -> None:
    if not path.exists():
        raise SourceError(str(path), "no such file")
    if path.is_dir():
        raise SourceError(str(path), "a folder, not a file")
    if not path.is_file():
        raise SourceError(str(path), "not a regular file")


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


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError as exc:
        raise SourceError(str(path), "permission denied") from exc
    except OSError as exc:
        raise SourceError(str(path), f"cannot read: {exc.strerror or exc}") from exc
