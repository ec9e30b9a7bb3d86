"""Fixtures for the exporter tests: the invented sample export, with and without its texts."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.export.sample import build_sample_export, without_texts

SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "export.schema.json"


@pytest.fixture
def sample_export() -> dict[str, Any]:
    return build_sample_export()


@pytest.fixture(params=["with_texts", "schema_only"])
def any_export(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The sample as the lead's export writes it, and as the bare schema allows it."""
    data = build_sample_export()
    return data if request.param == "with_texts" else without_texts(data)


@cache
def export_schema() -> dict[str, Any] | None:
    return json.loads(SCHEMA.read_text(encoding="utf-8")) if SCHEMA.is_file() else None
