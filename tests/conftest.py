"""Shared fixtures: the ../shared folder beside the repository, fresh databases."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "corpus" / "000_631d22f20abd596a.txt"
SEED_GOLD = SHARED / "gold" / "000_631d22f20abd596a.gold.yaml"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"
