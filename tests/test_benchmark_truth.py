"""The identity benchmark's truth: where each synthetic statement names each person, and the
pairwise score it is judged by (benchmarks/bench_identity_testimony.py)."""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import pytest  # noqa: E402
from bench_identity_testimony import WRITERS, pairwise  # noqa: E402


@pytest.mark.parametrize("language", sorted(WRITERS))
def test_benchmark_truth_spans_name_their_people(tmp_path: Path, language: str) -> None:
    truth = WRITERS[language](tmp_path, 20, 3)
    assert len({t["file"] for t in truth}) == 20
    for t in truth:
        text = (tmp_path / str(t["file"])).read_text(encoding="utf-8")
        assert text[int(t["start"]):int(t["end"])] == t["name"]
    # prisoners recur across statements; relatives and informants do not
    files_of: dict[object, set[object]] = {}
    for t in truth:
        files_of.setdefault(t["pid"], set()).add(t["file"])
    assert any(len(files) > 1 for files in files_of.values())


def test_benchmark_pairwise_scores() -> None:
    # persons 1,1,2 on cards a,a,a: one right pair of three joined; every true pair found
    assert pairwise([(1, "a"), (1, "a"), (2, "a")]) == {
        "precision": 1 / 3, "recall": 1.0, "f1": 0.5}
    assert pairwise([(1, "a"), (1, "b")])["recall"] == 0.0
