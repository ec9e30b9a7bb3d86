"""Features of scored pairs built a batch at a time equal those pair_features gives."""

from __future__ import annotations

import math
import random

import pyarrow as pa

from kartoteka.resolve.comparisons import LEVELS, batch_features, pair_features


def _random_rows(count: int, seed: int) -> list[dict]:
    """Rows as Splink returns them: a gamma and a weight per comparison, a frequency share for
    some, missing values, repeated weights (most pairs share a level's weight) and extremes."""
    rng = random.Random(seed)
    shared = [rng.uniform(-12, 12) for _ in range(6)]
    rows = []
    for i in range(count):
        row: dict = {"unique_id_l": f"p{i}", "unique_id_r": f"q{i}",
                     "match_probability": rng.random()}
        for name, levels in LEVELS.items():
            row[f"gamma_{name}"] = rng.randint(-1, len(levels) - 1)
            row[f"mw_{name}"] = rng.choice([*shared, rng.uniform(-30, 30), -math.inf, 250.0,
                                            None, 0.0])
            if name in ("surname", "given", "patronymic"):
                row[f"mw_tf_adj_{name}"] = rng.choice([None, 0.0, rng.uniform(-3, 3)])
        row["match_weight"] = rng.uniform(-40, 40)
        rows.append(row)
    return rows


def test_comparisons_batch_features_equal_pair_features() -> None:
    rows = _random_rows(3000, seed=12)
    batch = pa.RecordBatch.from_pylist(rows)
    made = batch_features(batch)
    expected = []
    for row in rows:
        features = pair_features(row, ())
        del features["conflicts"]
        expected.append(features)
    assert made == expected
    assert [list(f) for f in made[:3]] == [list(f) for f in expected[:3]]  # the same key order


def test_comparisons_batch_features_read_a_missing_weight_as_zero() -> None:
    rows = _random_rows(50, seed=3)
    for row in rows:
        del row["mw_tf_adj_given"]
    made = batch_features(pa.RecordBatch.from_pylist(rows))
    assert made == [{k: v for k, v in pair_features(row, ()).items() if k != "conflicts"}
                    for row in rows]


def test_comparisons_batch_features_read_columns_without_a_type() -> None:
    """Spark's rows come back as dicts; a column null in every row has no type of its own."""
    rows = _random_rows(20, seed=5)
    for row in rows:
        row["gamma_roles"] = None
        row["mw_tf_adj_surname"] = None
    batch = pa.RecordBatch.from_pylist(rows)
    assert batch.schema.field("gamma_roles").type == pa.null()
    made = batch_features(batch)
    assert [f["roles"]["level"] for f in made] == ["null"] * 20
    assert made == [{k: v for k, v in pair_features(row, ()).items() if k != "conflicts"}
                    for row in rows]
