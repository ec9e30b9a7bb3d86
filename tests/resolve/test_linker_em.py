"""An EM round whose estimate Splink refuses (an m that underflows to 0) is skipped with a
logged reason; the model keeps the m it had and the pairs are still scored."""

from __future__ import annotations

import logging

import pytest
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import block_on

from kartoteka.resolve.linker import score_pairs

COLUMNS = [f"x{i}" for i in range(36)]
PRIOR_M = [0.999999, 1e-9]


def _comparison(column: str) -> cl.CustomComparison:
    comparison = cl.CustomComparison(output_column_name=column, comparison_levels=[
        cll.NullLevel(column), cll.ExactMatchLevel(column), cll.ElseLevel()])
    comparison.configure(m_probabilities=PRIOR_M, u_probabilities=[0.01, 0.99])
    return comparison


def _records() -> list[dict[str, str]]:
    """Thirty pairs equal on every column, thirty records unlike any other on every column:
    the latter's pairs disagree on 36 comparisons of -30 bits each, a match probability of
    about 2^-1080, and EM's m of "else" is their sum, 0."""
    out = [{"unique_id": f"t{g}-{copy}", "block": "b", **{c: f"v{g}" for c in COLUMNS}}
           for g in range(30) for copy in range(2)]
    out += [{"unique_id": f"o{g}", "block": "b", **{c: f"o{g}-{c}" for c in COLUMNS}}
            for g in range(30)]
    return out


def test_linker_em_round_refused_by_splink_is_skipped(caplog: pytest.LogCaptureFixture) -> None:
    columns = {"unique_id": "string", "block": "string", **dict.fromkeys(COLUMNS, "string")}
    with caplog.at_level(logging.WARNING, logger="kartoteka.resolve.linker"):
        batch = score_pairs(
            _records(), columns, comparisons=[_comparison(c) for c in COLUMNS],
            blocking_rules=[block_on("block")], probability_two_random_records_match=0.01,
            em_blocking_rules=[block_on("block")], min_probability=0.5)
    assert "EM round skipped" in caplog.text and "below" in caplog.text
    kept = batch.model["comparisons"][0]["comparison_levels"]
    assert [level["m_probability"] for level in kept if "m_probability" in level] == PRIOR_M
    linked = {tuple(sorted((p["unique_id_l"], p["unique_id_r"]))) for p in batch.pairs}
    assert linked == {(f"t{g}-0", f"t{g}-1") for g in range(30)}
