"""The narrow prediction: the same pairs and scores as Splink's full output, in fewer columns."""

from __future__ import annotations

import math

import pyarrow as pa
import pytest

from kartoteka.resolve import linker as linker_module
from kartoteka.resolve.comparisons import person_blocking_rules, person_comparisons
from kartoteka.resolve.dialect import records_table
from kartoteka.resolve.predict import level_weights, narrow_columns, predict_narrow, widen
from kartoteka.resolve.profile import Profile
from kartoteka.resolve.records import PERSON_COLUMNS, bound_blocks, person_row

# Made-up people: one man in three spellings and two scripts, namesakes, a shared rare
# surname and a common one, so that levels, nulls and frequency adjustments all occur.
PEOPLE = [
    ("a", "Yezhov", "Nikolai", 1895), ("b", "Ежов", "Николай", 1895), ("c", "Jeschow", None, None),
    ("d", "Orlov", "Ivan", 1890), ("e", "Орлов", "Пётр", 1890), ("f", "Orloff", "Pyotr", 1891),
    ("g", "Orlov", "Ivan", 1902), ("h", "Smirnov", "Ivan", None), ("i", "Smirnow", "Iwan", 1890),
]


def _records() -> list[dict]:
    records = [person_row(Profile(key=k, document_id="d", kind="person", label=s, names=[s],
                                  surname=s, given=g, birth_year=y))
               for k, s, g, y in PEOPLE]
    bound_blocks(records)
    return records


def _linker(records: list[dict]):  # a Splink linker set up as score_pairs sets it up
    from splink import Linker

    api = linker_module.database_api("duckdb", len(records))
    table = api.register(records_table(records, PERSON_COLUMNS))
    settings, _ = linker_module._settings_dict(
        "duckdb", "dedupe_only",
        person_comparisons(surname_tf=True, given_tf=True), person_blocking_rules())
    settings["probability_two_random_records_match"] = 0.05
    settings["retain_matching_columns"] = True  # Splink's full output has the levels with these
    splink = Linker(table, settings, log_level=None)
    # Surname frequencies of our own, so the adjustment columns are not all zero.
    lookup = [{"surname_folded": r["surname_folded"], "tf_surname_folded": 0.01 * (i + 1)}
              for i, r in enumerate(records) if r["surname_folded"]]
    splink.table_management.register_term_frequency_lookup(
        api.register(records_table(
            list({row["surname_folded"]: row for row in lookup}.values()),
            {"surname_folded": "string", "tf_surname_folded": "float"})),
        "surname_folded")
    return api, splink


def _by_pair(rows: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["unique_id_l"], r["unique_id_r"]): r for r in rows}


@pytest.mark.parametrize("chunks", [1, 3])
def test_predict_narrow_gives_the_scores_of_the_full_output(chunks: int) -> None:
    records = _records()
    api, splink = _linker(records)
    full = _by_pair(splink.inference.predict(warning_mode="never").as_record_list())
    weights = level_weights(splink)
    narrow: list[dict] = []
    for chunk in range(1, chunks + 1):
        table = predict_narrow(splink, (chunk, chunks), None)
        narrow += widen(pa.RecordBatch.from_pylist(table.as_record_list()), weights).to_pylist()
    api.kartoteka_close()
    assert len(full) >= 6 and len(narrow) == len(full)
    narrow_by_pair = _by_pair(narrow)
    assert set(narrow_by_pair) == set(full)
    columns = set(narrow[0])
    assert {"match_weight", "match_probability", "gamma_surname", "mw_surname",
            "mw_tf_adj_surname", "mw_birth_year"} <= columns
    assert any(row["mw_tf_adj_surname"] for row in narrow)
    for pair, row in narrow_by_pair.items():
        for column in columns:  # every column the narrow output has, to the last bit
            assert row[column] == full[pair][column], (pair, column)


def test_predict_narrow_keeps_what_the_threshold_keeps() -> None:
    records = _records()
    api, splink = _linker(records)
    full = splink.inference.predict(warning_mode="never").as_record_list()
    floor = sorted(r["match_probability"] for r in full)[len(full) // 2]
    kept = predict_narrow(splink, (1, 1), floor).as_record_list()
    api.kartoteka_close()
    expected = {(r["unique_id_l"], r["unique_id_r"]) for r in full
                if r["match_probability"] >= floor}
    assert 0 < len(kept) < len(full)
    assert {(r["unique_id_l"], r["unique_id_r"]) for r in kept} == expected


def test_predict_narrow_columns_are_ids_scores_levels_and_frequency_shares() -> None:
    records = _records()
    api, splink = _linker(records)
    columns = narrow_columns(splink._settings_obj)
    api.kartoteka_close()
    plain = [c.split(" as ")[-1] for c in columns]
    assert plain[:4] == ["unique_id_l", "unique_id_r", "match_weight", "match_probability"]
    assert "gamma_gender" in plain and "mw_gender" not in plain  # derived from the level
    assert "mw_tf_adj_surname" in plain and not any(c.endswith(("_l", "_r")) for c in plain[2:])


def test_predict_widen_puts_each_levels_weight_back() -> None:
    batch = pa.RecordBatch.from_pydict({
        "unique_id_l": ["a", "b", "c"], "unique_id_r": ["x", "y", "z"],
        "gamma_year": pa.array([-1, 0, 2], type=pa.int8()),
    })
    wide = widen(batch, {"year": {-1: 0.0, 0: -math.pi, 1: 1.5, 2: 7.25}})
    assert wide.column("mw_year").to_pylist() == [0.0, -math.pi, 7.25]
    assert wide.column("gamma_year").type == pa.int32()
    assert wide.column("unique_id_l").to_pylist() == ["a", "b", "c"]


def test_predict_level_weights_are_the_models() -> None:
    records = _records()
    api, splink = _linker(records)
    weights = level_weights(splink)
    api.kartoteka_close()
    gender = next(c for c in splink._settings_obj.comparisons
                  if c.output_column_name == "gender")
    for level in gender.comparison_levels:
        expected = 0.0 if level.is_null_level else math.log2(
            level.m_probability / level.u_probability)
        assert weights["gender"][level.comparison_vector_value] == pytest.approx(expected)


def test_predict_narrow_joins_only_the_compared_columns() -> None:
    records = _records()
    api, splink = _linker(records)
    table = predict_narrow(splink, (1, 1), None)
    sql = table.sql_used_to_create
    api.kartoteka_close()
    # The blocking rules' own columns (block keys) are not carried into the scoring joins.
    assert '"l"."block_keys"' not in sql and '"r"."pair_block_key"' not in sql
    assert '"l"."surname_folded"' in sql
