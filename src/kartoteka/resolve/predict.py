"""Splink's prediction, kept narrow: what the links and their explanations need, nothing more.

Splink's ``predict`` makes a table of every scored pair with both sides' matching columns and
every level, frequency and weight (74 columns for the person model), and the level (gamma)
columns come only with the matching columns (``retain_matching_columns``). At 100,000 records
that table took 92 MB of the database's memory for 125,000 pairs, and the database must be
allowed that much on top of what the joins need. Here the same SQL (Splink's own, step by step
as Splink 5.0's ``predict_chunk`` runs it) ends in one more step that keeps the ids, the total
weight and probability, each comparison's level as a small integer and the term-frequency
share of a weight: the database plans the wide columns away and stores ~50 bytes a pair.

A level's own weight is the same for every pair at that level, so it is not read per pair:
``level_weights`` evaluates Splink's literal for each level once, in the same engine, and
``widen`` puts the ``mw_`` columns back on each batch after the database is closed, so what
callers read is what Splink's full output holds (tested).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pyarrow as pa

# gamma_X, mw_X, mw_tf_adj_X: Splink's column names for a comparison named X.
PAIR_ID_COLUMNS = ("unique_id_l", "unique_id_r")
SCORE_COLUMNS = ("match_weight", "match_probability")
NARROW_TABLE = "__kartoteka_predict_narrow"

# Per comparison output name: the weight (bits) of each gamma value, as the backend computes it.
LevelWeights = dict[str, dict[int, float]]
# Which scored pairs to read, from the levels' weights and the comparisons adjusted by term
# frequency: an SQL condition, or None for every pair.
KeepWhere = Callable[[LevelWeights, frozenset[str]], "str | None"]


def narrow_columns(settings: Any) -> list[str]:
    """The SQL select list of the narrow table: ids, total weight and probability, every
    comparison's gamma (as a one-byte integer: levels are few) and, where the comparison is
    adjusted by term frequency, that adjustment (it differs from pair to pair)."""
    columns = [*PAIR_ID_COLUMNS, *SCORE_COLUMNS]
    for comparison in settings.core_model_settings.comparisons:
        gamma = comparison._gamma_column_name
        columns.append(f"cast({gamma} as tinyint) as {gamma}")
        if comparison._has_tf_adjustments:
            columns.append(comparison._mw_tf_adj_column_name)
    return columns


def predict_narrow(linker: Any, left_chunk: tuple[int, int], threshold: float | None,
                   keep_where: KeepWhere | None = None) -> Any:
    """Score the blocked pairs of one slice of the left-hand records (``left_chunk``: its
    number and the count of slices, (1, 1) for all) above ``threshold``, and keep only
    ``narrow_columns`` of the pairs that meet what ``keep_where`` returns (an SQL condition on
    Splink's prediction columns, ``gamma_X`` and ``match_probability`` among them; given each
    level's weight and the comparisons a term frequency adjusts): a Splink dataframe."""
    from splink.internals.comparison_vector_values import (
        compute_comparison_vector_values_from_id_pairs_sqls,
    )
    from splink.internals.dialects import SplinkDialect
    from splink.internals.pipeline import CTEPipeline
    from splink.internals.predict import predict_from_comparison_vectors_sqls
    from splink.internals.settings import Settings
    from splink.internals.vertically_concatenate import enqueue_df_concat_with_tf

    settings = linker._settings_obj
    blocked, cached = linker.inference._get_or_compute_blocked_pairs_for_predict_chunk(
        left_chunk=left_chunk, right_chunk=(1, 1))
    # Splink on DuckDB first keeps the records a slice's pairs name (source pruning): joining
    # the slice's pairs to every record is what its planner does badly.
    pruned = linker._sql_dialect_str == "duckdb" and left_chunk[1] > 1
    inputs: list[Any] = []
    try:
        if pruned:
            from splink.internals.duckdb.pruned_prediction import (
                _enqueue_pruned_inputs_with_tf,
                _materialise_pruned_predict_input,
            )

            inputs = [_materialise_pruned_predict_input(linker, blocked, side)
                      for side in ("l", "r")]
            pipeline = CTEPipeline([blocked, *inputs])
            left, right = _enqueue_pruned_inputs_with_tf(linker, pipeline, *inputs)
        else:
            pipeline = CTEPipeline([blocked])
            enqueue_df_concat_with_tf(linker, pipeline)
            left = right = "__splink__df_concat_with_tf"
        columns = settings.column_info_settings
        ids, comparisons = columns.unique_id_input_columns, settings.comparisons
        # Each side brings only what the comparisons read (not the blocking rules' columns),
        # and the levels are computed without carrying those values along.
        pipeline.enqueue_list_of_sqls(compute_comparison_vector_values_from_id_pairs_sqls(
            [*(name for column in ids for name in column.l_r_names_as_l_r),
             *(name for comparison in comparisons
               for name in comparison._columns_to_select_for_blocking())],
            Settings.columns_to_select_for_comparison_vector_values(
                ids, comparisons, retain_matching_columns=False,
                additional_columns_to_retain=[]),
            input_tablename_l=left, input_tablename_r=right,
            source_dataset_input_column=columns.source_dataset_input_column,
            unique_id_input_column=columns.unique_id_input_column,
            link_type=settings._link_type, sql_dialect_str=linker._sql_dialect_str,
        ))
        # Splink's scoring SQL; "training mode" is what makes it keep the levels (gamma) without
        # the matching columns.
        pipeline.enqueue_list_of_sqls(predict_from_comparison_vectors_sqls(
            ids, settings.core_model_settings,
            SplinkDialect.from_string(settings._sql_dialect_str), threshold, None,
            retain_matching_columns=False, retain_intermediate_calculation_columns=True,
            training_mode=True))
        select = ", ".join(narrow_columns(settings))
        where = keep_where(level_weights(linker), tf_adjusted(linker)) if keep_where else None
        condition = f" where {where}" if where else ""
        pipeline.enqueue_sql(f"select {select} from __splink__df_predict{condition}",
                             NARROW_TABLE)
        return linker._db_api.sql_pipeline_to_splink_dataframe(pipeline)
    finally:
        for table in inputs:
            table.drop_table_from_database_and_remove_from_cache()
        if not cached:
            blocked.drop_table_from_database_and_remove_from_cache()


def tf_adjusted(linker: Any) -> frozenset[str]:
    """The comparisons (output names) whose weights a term frequency adjusts pair by pair."""
    return frozenset(comparison.output_column_name
                     for comparison in linker._settings_obj.core_model_settings.comparisons
                     if comparison._has_tf_adjustments)


def level_weights(linker: Any) -> LevelWeights:
    """Each comparison level's weight as the prediction SQL computes it: Splink's own
    ``WHEN gamma = v THEN cast(weight as float8)`` evaluated once by the backend, so the value
    is the backend's reading of the literal to the last bit (a decimal literal is not always
    read as Python reads it)."""
    expressions: list[str] = []
    keys: list[tuple[str, int]] = []
    for comparison in linker._settings_obj.core_model_settings.comparisons:
        for level in comparison.comparison_levels:
            value = level.comparison_vector_value
            expressions.append(f"CASE {level._match_weight_sql(str(value))} END "
                               f"as w{len(keys)}")
            keys.append((comparison.output_column_name, value))
    result = linker.misc.query_sql(f"select {', '.join(expressions)}", output_type="splink_df")
    try:
        [row] = result.as_record_list()
    finally:
        result.drop_table_from_database_and_remove_from_cache()
    out: LevelWeights = {}
    for index, (name, value) in enumerate(keys):
        out.setdefault(name, {})[value] = float(row[f"w{index}"])
    return out


def widen(batch: pa.RecordBatch, weights: Mapping[str, Mapping[int, float]]) -> pa.RecordBatch:
    """A narrow batch with each comparison's ``mw_`` column put back (the weight of the pair's
    level) and ``gamma_`` as Splink gives it (int32), in the columns Splink's output has."""
    names = batch.schema.names
    arrays = {name: batch.column(name) for name in names}
    for name, by_gamma in weights.items():
        gamma_name = f"gamma_{name}"
        if gamma_name not in arrays:
            continue
        gammas = arrays[gamma_name].to_numpy(zero_copy_only=False).astype(np.int64)
        values = np.array(sorted(by_gamma), dtype=np.int64)
        table = np.array([by_gamma[v] for v in sorted(by_gamma)], dtype=np.float64)
        # gammas run from -1 up: searchsorted finds each one's position among the levels
        arrays[f"mw_{name}"] = pa.array(table[np.searchsorted(values, gammas)])
        arrays[gamma_name] = arrays[gamma_name].cast(pa.int32())
    return pa.RecordBatch.from_pydict(arrays)
