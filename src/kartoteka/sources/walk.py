"""Walking folders safely, reading a file's bytes safely, and showing any file name safely.

A folder given to ``ingest`` may hold anything: symbolic links out of it or into a loop, FIFOs
and devices, names that are not UTF-8 or that contain a newline. The walk never leaves the
folder, never loops, never opens a special file, and reports every file it leaves out with the
reason, so nothing is skipped without a word.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kartoteka.errors import SourceError
from kartoteka.sources.data import FOLDER_NOTE_STEMS, MAX_CONTAINER_BYTES
from kartoteka.sources.display import display_path
from kartoteka.sources.formats import FORMATS

# Called with a file or folder the walk leaves out and the reason.
OnSkip = Callable[[Path, str], None]

def size_limit(path: Path) -> int:
    """The largest file read for this name (its format's limit; unknown types are refused
    later by their suffix, so they get the largest limit and are never read whole before)."""
    source_format = FORMATS.get(path.suffix.lower())
    return source_format.max_bytes if source_format else MAX_CONTAINER_BYTES


def read_file_bytes(path: Path) -> bytes:
    """A regular file's bytes, checked before reading: never a FIFO or a device, never more
    than the size limit of its format (a 2 GiB file is refused by its size, not read).

    The file is opened non-blocking (a FIFO swapped in after the check cannot block) and
    checked again on the open descriptor; at most limit + 1 bytes are ever read.
    """
    path = Path(path)
    limit = size_limit(path)
    try:
        _check_regular(path, os.stat(path), limit)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise SourceError(str(path), _os_reason(exc)) from exc
    try:
        with os.fdopen(fd, "rb") as handle:
            _check_regular(path, os.fstat(handle.fileno()), limit)
            data = handle.read(limit + 1)
    except OSError as exc:
        raise SourceError(str(path), _os_reason(exc)) from exc
    if len(data) > limit:  # it grew while being read
        raise SourceError(str(path), _too_large(len(data), limit))
    return data


def _check_regular(path: Path, info: os.stat_result, limit: int) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise SourceError(str(path), "a folder, not a file")
    if not stat.S_ISREG(mode):
        raise SourceError(str(path), f"not a regular file ({_file_kind(mode)}); not opened")
    if info.st_size > limit:
        raise SourceError(str(path), _too_large(info.st_size, limit))


def _too_large(size: int, limit: int) -> str:
    return f"too large: {size / 2**20:.1f} MiB, the limit for this type is {limit / 2**20:.0f} MiB"


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file (or a broken symbolic link)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "a symbolic link that loops"
    if exc.errno == errno.EISDIR:
        return "a folder, not a file"
    return f"cannot be read: {exc.strerror or exc}"


def walk_source_files(paths: Iterable[Path], on_skip: OnSkip | None = None) -> Iterator[Path]:
    """The files to read for these paths, each once; every file left out goes to ``on_skip``.

    A path given is yielded as given, whatever it is (read_source reports what is wrong with
    it). A folder yields its files with a supported suffix, recursively, sorted by name. Left
    out, each with its reason: hidden files and folders (names starting with "."), notes about
    the folder (README, LICENSE, PROVENANCE …), unsupported types, special files, unreadable
    folders, and symbolic links that are broken, loop, lead out of the folder or to a folder
    (a link to a file inside the folder is read once, under the first name found).
    """
    skip = on_skip or (lambda _path, _reason: None)
    seen: set[str] = set()
    for path in paths:
        path = Path(path)
        try:
            is_folder = path.is_dir()
        except OSError:
            is_folder = False
        found = _walk(path, _real(path) or path.absolute(), skip) if is_folder else iter([path])
        for file in found:
            key = str(_real(file) or file.absolute())
            if key in seen:
                skip(file, "the same file as one already read (a link or a repeated name)")
                continue
            seen.add(key)
            yield file


def _real(path: Path) -> Path | None:
    """The path with every link resolved; None when a link is broken or loops."""
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return None


def _walk(folder: Path, root: Path, skip: OnSkip) -> Iterator[Path]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        skip(folder, f"folder not read: {_os_reason(exc)}")
        return
    for entry in entries:
        path = folder / entry.name
        try:
            reason = _skip_reason(entry, path, root)
            is_folder = reason is None and entry.is_dir(follow_symlinks=False)
        except OSError as exc:
            reason, is_folder = _os_reason(exc), False
        if reason is not None:
            skip(path, reason)
        elif is_folder:
            yield from _walk(path, root, skip)
        else:
            yield path


def _skip_reason(entry: os.DirEntry[str], path: Path, root: Path) -> str | None:
    """Why a folder entry is left out, or None when it is read (a file) or walked (a folder)."""
    if entry.name.startswith("."):
        return "hidden (name starts with '.')"
    if entry.is_symlink():
        target = _real(path)
        if target is None:
            return "a symbolic link that is broken or loops"
        if not target.is_relative_to(root):
            return "a symbolic link to outside the folder; not followed"
        if target.is_dir():
            return "a symbolic link to a folder; not followed (its files are read in place)"
        mode = target.stat().st_mode
    elif entry.is_dir(follow_symlinks=False):
        return None
    else:
        mode = entry.stat(follow_symlinks=False).st_mode
    if not stat.S_ISREG(mode):
        return f"not a regular file ({_file_kind(mode)}); not opened"
    stem, dot, suffix = entry.name.rpartition(".")
    if not dot or f".{suffix.lower()}" not in FORMATS:
        return f"unsupported file type {display_path('.' + suffix) if dot else '(no suffix)'}"
    if stem.split(".")[0].lower() in FOLDER_NOTE_STEMS:
        return "a note about the folder (README, LICENSE …), not a source"
    return None
