"""The seed testimony scored by shared/eval/score.py (read at run time; skipped without it)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from kartoteka.export.json import export_extraction
from kartoteka.resolve.within import within
from kartoteka.sources import read_source

pytestmark = pytest.mark.slow

REPO = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").exists())
SHARED = REPO.parent / "shared"
SEED = SHARED / "corpus/000_631d22f20abd596a.txt"
GOLD = SHARED / "gold/000_631d22f20abd596a.gold.yaml"
SCORER = SHARED / "eval/score.py"

AT_LEAST = {"mention_recall": 1.0, "event_recall": 0.875, "event_precision": 0.9,
            "relation_recall": 0.75, "attribution": 1.0, "cluster_f1": 1.0}
AT_MOST = {"spurious": 0, "forbidden": 0, "offset_problems": 0}


@pytest.fixture(scope="module")
def summary(en_pipeline) -> dict[str, float]:
    if not (SEED.exists() and GOLD.exists() and SCORER.exists()):
        pytest.skip(f"shared seed, gold or scorer missing under {SHARED}")
    spec = importlib.util.spec_from_file_location("kartoteka_seed_score", SCORER)
    assert spec is not None and spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    doc = read_source(SEED)
    extraction = en_pipeline.extract(doc)
    export = export_extraction(extraction, within(extraction))
    raw = SEED.read_bytes()
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    scorer = score.Scorer(gold, raw.decode("utf-8"), raw, export)
    return scorer.run()


@pytest.mark.parametrize(("measure", "floor"), sorted(AT_LEAST.items()))
def test_en_seed_reaches_target(summary, measure, floor):
    assert summary[measure] >= floor, summary


@pytest.mark.parametrize(("measure", "ceiling"), sorted(AT_MOST.items()))
def test_en_seed_stays_under_limit(summary, measure, ceiling):
    assert summary[measure] <= ceiling, summary
