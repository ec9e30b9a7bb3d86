"""Expanding files and folders into the files to read."""

from __future__ import annotations

from pathlib import Path

import pytest

from kartoteka.sources import iter_source_files


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in [
        "b.txt", "a.md", "c/z.pdf", "c/d/e.docx", "c/a.html", "B.htm",
        ".hidden.txt", ".git/config.txt", "c/.cache/x.txt", "notes.xlsx", "photo.heic",
        "README.md", "c/PROVENANCE.md", "LICENSE.txt", "readme.ru.txt",
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    return tmp_path


def test_iter_source_files_walks_sorted_skipping_hidden_and_notes(tree: Path) -> None:
    found = [path.relative_to(tree).as_posix() for path in iter_source_files([tree])]
    assert found == ["B.htm", "a.md", "b.txt", "c/a.html", "c/d/e.docx", "c/z.pdf"]


@pytest.mark.parametrize("name", ["photo.heic", ".hidden.txt", "README.md", "missing.txt"])
def test_iter_source_files_yields_named_files_as_given(tree: Path, name: str) -> None:
    assert list(iter_source_files([tree / name])) == [tree / name]


def test_iter_source_files_keeps_given_order_and_yields_each_once(tree: Path) -> None:
    paths = [tree / "c", tree / "b.txt", tree / "c" / "z.pdf", tree / "b.txt"]
    found = [path.relative_to(tree).as_posix() for path in iter_source_files(paths)]
    assert found == ["c/a.html", "c/d/e.docx", "c/z.pdf", "b.txt"]


def test_iter_source_files_does_not_follow_folder_links(tree: Path) -> None:
    (tree / "c" / "loop").symlink_to(tree, target_is_directory=True)
    found = list(iter_source_files([tree]))
    assert len(found) == len(set(found)) == 6


def test_iter_source_files_accepts_strings_and_generators(tree: Path) -> None:
    found = list(iter_source_files(str(p) for p in [tree / "a.md"]))  # type: ignore[misc]
    assert found == [tree / "a.md"]
