"""The one place that names a backend: run a Splink model over linkage records.

``score_pairs`` takes records (plain dicts, see ``records.py``), comparisons and blocking rules
(``comparisons.py``) and returns the scored candidate pairs with every level and match weight.
DuckDB is the default and needs nothing; Spark is imported only when asked for and ships as the
``kartoteka[spark]`` extra.
"""

from __future__ import annotations

import copy
import gc
import logging
import os
import pickle
import shutil
import sys
import tempfile
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from kartoteka.resolve.dialect import records_table, select_columns_sql
from kartoteka.resolve.predict import KeepWhere, LevelWeights, level_weights, predict_narrow, widen

BACKENDS = ("duckdb", "spark")
# Reviewers' joins teach m only from this many on: a handful would overfit a few names.
MIN_LABELLED_PAIRS = 20
SEED = 1937  # random sampling for u is seeded: a re-run gives the same model and the same links


@dataclass
class ScoredBatch:
    """Scored candidate pairs and the model that scored them (Splink settings JSON)."""

    pairs: list[dict[str, Any]]
    model: dict[str, Any] = field(default_factory=dict)
    trained: bool = False


# DuckDB's memory for the records it scores: at least DUCKDB_MIN_MEMORY_MB, and this much per
# record from there on. By default DuckDB may take 80% of the machine and keeps what it took.
# Within the limit it spills what it can to a temporary directory, but not all. Since the
# scored pairs are kept narrow (predict.py), 100,000 records score in 80 MB on most runs (the
# candidate pairs, 1.6 million before the threshold, are most of it; two threads' joins make
# the need vary by a fifth from run to run), where the wide table needed 176 to 200 MB. The
# reckoning keeps the floor, and 1.25 KB a record above it. A slice of pairs that needs more is
# scored again with twice as much (_predict_slice), training that needs more is done again with
# four times as much (score_pairs): never refused, only slower.
# KARTOTEKA_DUCKDB_MEMORY (a DuckDB size such as "2GB") overrides the reckoning.
DUCKDB_MIN_MEMORY_MB = 128
DUCKDB_MEMORY_PER_RECORD_KB = 1.25
DUCKDB_MEMORY_ENV = "KARTOTEKA_DUCKDB_MEMORY"
DUCKDB_RETRIES = 2  # a slice again with twice the memory, training with four times


def duckdb_memory_limit(records: int, scale: int = 1) -> str:
    """The DuckDB memory limit for scoring ``records`` records (see DUCKDB_MIN_MEMORY_MB),
    ``scale`` times over when a first try ran out."""
    override = os.environ.get(DUCKDB_MEMORY_ENV, "").strip()
    if override:
        return override
    reckoned = max(DUCKDB_MIN_MEMORY_MB, round(records * DUCKDB_MEMORY_PER_RECORD_KB / 1024))
    return f"{reckoned * scale}MB"


def _duckdb_api(records: int = 0, scale: int = 1) -> Any:
    import duckdb
    from splink import DuckDBAPI

    connection = duckdb.connect()
    try:
        connection.execute(f"SET memory_limit = '{duckdb_memory_limit(records, scale)}'")
    except duckdb.Error as err:
        connection.close()
        raise ValueError(f"{DUCKDB_MEMORY_ENV}: not a DuckDB memory size ({err})") from err
    spill = tempfile.mkdtemp(prefix="kartoteka-duckdb-")
    quoted = spill.replace("'", "''")
    connection.execute(f"SET temp_directory = '{quoted}'")
    api = DuckDBAPI(connection)
    # The spill directory goes with the database (DuckDB removes its files, not the folder):
    # score_pairs closes both as soon as it is done, else they go when the API is collected.
    api.kartoteka_close = weakref.finalize(api, _close_duckdb, connection, spill)
    return api


def _close_duckdb(connection: Any, spill: str) -> None:
    connection.close()
    shutil.rmtree(spill, ignore_errors=True)


# What a local or cluster Spark needs, from the environment (docs/resolution.md, "Backends"):
# the master URL, shuffle partitions (a few per core), the driver's memory (read when the JVM
# starts) and a checkpoint directory Splink uses to cut long query plans.
SPARK_ENV = {
    "master": ("KARTOTEKA_SPARK_MASTER", "local[*]"),
    "shuffle_partitions": ("KARTOTEKA_SPARK_SHUFFLE_PARTITIONS", "8"),
    "driver_memory": ("KARTOTEKA_SPARK_DRIVER_MEMORY", "2g"),
    "checkpoint_dir": ("KARTOTEKA_SPARK_CHECKPOINT_DIR", ""),
}


def spark_settings() -> dict[str, str]:
    """The Spark settings in force: each from its environment variable, else the default."""
    return {name: os.environ.get(var) or default for name, (var, default) in SPARK_ENV.items()}


def _spark_api(records: int = 0, scale: int = 1) -> Any:
    try:
        from pyspark.sql import SparkSession
        from splink import SparkAPI
        from splink.backends.spark import similarity_jar_location
    except ImportError as err:  # pragma: no cover - depends on the optional extra
        raise ImportError(
            "the spark backend needs pyspark: pip install 'kartoteka[spark]'"
        ) from err
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # Python workers run this interpreter with this import path unless the cluster says else;
    # a session made here may be reused by `ingest --engine spark`, whose workers import us.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    conf = spark_settings()
    spark = (
        SparkSession.builder.master(conf["master"])
        .appName("kartoteka-resolve")
        # Splink's similarity functions (Jaro-Winkler among them) ship as a jar of UDFs.
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", conf["shuffle_partitions"])
        .config("spark.driver.memory", conf["driver_memory"])
        .config("spark.executorEnv.PYTHONPATH", os.pathsep.join(sys.path))
        .getOrCreate()
    )
    checkpoints = conf["checkpoint_dir"] or tempfile.mkdtemp(prefix="kartoteka-spark-")
    spark.sparkContext.setCheckpointDir(checkpoints)
    return SparkAPI(spark_session=spark)


_API_FACTORIES: dict[str, Callable[[int, int], Any]] = {"duckdb": _duckdb_api, "spark": _spark_api}


def database_api(backend: str, records: int = 0, scale: int = 1) -> Any:
    """A Splink database API for a backend name (``duckdb`` or ``spark``), sized for scoring
    ``records`` records (DuckDB: ``scale`` times the reckoned memory)."""
    if backend not in _API_FACTORIES:
        raise ValueError(f"unknown linkage backend {backend!r}; expected one of {BACKENDS}")
    return _API_FACTORIES[backend](records, scale)


def score_pairs(
    records: Sequence[Mapping[str, Any]] | pa.Table,
    columns: Mapping[str, str],
    *,
    comparisons: Sequence[Any],
    blocking_rules: Sequence[Any],
    probability_two_random_records_match: float,
    other_records: Sequence[Mapping[str, Any]] | None = None,
    estimate_u: bool = False,
    em_blocking_rules: Sequence[Any] = (),
    term_frequencies: Mapping[str, Mapping[str, float]] | None = None,
    min_probability: float = 0.0,
    backend: str = "duckdb",
    labelled_pairs: Sequence[tuple[str, str]] = (),
    consume: Callable[[dict[str, Any]], Any] | None = None,
    consume_batch: Callable[[pa.RecordBatch], Iterable[Any]] | None = None,
    keep_where: KeepWhere | None = None,
) -> ScoredBatch:
    """Score candidate pairs: within ``records`` (dedupe), or between ``records`` and
    ``other_records`` (link only). With ``estimate_u`` the u probabilities are re-estimated by
    seeded random sampling of the input; the m probabilities always stay as given.
    ``term_frequencies`` (column -> value -> frequency) replaces the frequencies Splink would
    count in the input for the columns whose exact level is term-frequency adjusted.
    ``labelled_pairs`` (dedupe only): pairs reviewers joined; from MIN_LABELLED_PAIRS of them on,
    the m probabilities are estimated from them after EM (Splink's pairwise-label estimate).
    ``consume``: called on each scored pair as it is read, ``pairs`` then holds what it returns
    (pairs are read in chunks, so the database's rows are never all in Python at once).
    ``consume_batch``: instead, called on each chunk of scored pairs as an Arrow record batch,
    ``pairs`` then holds everything it returns (a column at a time is cheaper than a dict a
    row when there are hundreds of thousands of pairs).
    ``keep_where``: given each level's weight and the comparisons adjusted by term frequency,
    an SQL condition the pairs read must meet besides ``min_probability`` (None: no other)."""
    count = records.num_rows if isinstance(records, pa.Table) else len(records)
    sized_for = count + len(other_records or ())

    def predict(scale: int) -> tuple[list[pa.RecordBatch], LevelWeights, Any]:
        """The scored pairs as narrow Arrow batches, each level's weight and the model, from a
        database sized for ``sized_for`` records, ``scale`` times over."""
        from splink import Linker

        api = database_api(backend, sized_for, scale)
        # A caller may hand over the table it made already, and so drop its rows before scoring.
        tables = [api.register(records if isinstance(records, pa.Table)
                               else records_table(records, columns))]
        if other_records is not None:
            tables.append(api.register(records_table(other_records, columns)))
        link_type = "dedupe_only" if other_records is None else "link_only"
        settings, validated = _settings_dict(
            api.sql_dialect.sql_dialect_str, link_type, comparisons, blocking_rules
        )
        settings["probability_two_random_records_match"] = probability_two_random_records_match
        linker = Linker(tables if other_records is not None else tables[0], settings,
                        log_level=None, validate_settings=not validated)
        for column, frequencies in (term_frequencies or {}).items():
            lookup = [{column: value, f"tf_{column}": tf} for value, tf in frequencies.items()]
            linker.table_management.register_term_frequency_lookup(
                api.register(records_table(lookup, {column: "string", f"tf_{column}": "float"})),
                column,
            )
        splink_logger = logging.getLogger("splink")
        previous = splink_logger.level
        splink_logger.setLevel(logging.ERROR)  # Splink warns about sample sizes we chose on purpose
        try:
            if estimate_u:
                linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=SEED)
            for rule in em_blocking_rules:
                _em_round(linker, rule)
            if other_records is None and len(labelled_pairs) >= MIN_LABELLED_PAIRS:
                _learn_from_labels(api, linker, tables[0], labelled_pairs)
            chunks = -(-count // PREDICT_CHUNK) if other_records is None else 1
            batches: list[pa.RecordBatch] = []
            for chunk in range(1, chunks + 1):
                # A long list is scored a slice of its records at a time, each slice's pairs read
                # and its table dropped before the next: DuckDB then holds one slice's scored
                # pairs, and those narrow (predict.py), not all of them.
                predictions = _predict_slice(api, linker, (chunk, chunks), min_probability,
                                             duckdb_memory_limit(sized_for, scale), keep_where)
                batches.extend(_read_pairs(linker, predictions))
                predictions.drop_table_from_database_and_remove_from_cache()
            weights = level_weights(linker)
            model = linker.misc.save_model_to_json()
        finally:
            splink_logger.setLevel(previous)
            # The blocked pairs and training tables: dropped now, not when the linker's cycle
            # is next collected.
            api.delete_tables_created_by_splink_from_db()
        # The database is let go before the pairs become Python objects: DuckDB keeps the memory
        # it took until it closes, and the caller's objects for every pair would come on top of it
        # (at 100,000 records ~130 MB of DuckDB's under ~80 MB of candidates). The pairs wait
        # meanwhile as narrow Arrow batches, ids and numbers only.
        del linker, tables
        close = getattr(api, "kartoteka_close", None)  # DuckDB's connection and spill directory
        if close is not None:
            close()
        del api
        if not gc.isenabled():
            # A caller that paused the cycle collector (across.link_profiles) lets Splink's
            # cycles go here, before the pairs' objects are made (~29,000 objects, 10 MB of the
            # peak at 100,000 records, 0.4 s): only the objects made since the pause are walked.
            gc.collect(0)
        return batches, weights, model

    scale = 1
    for attempt in range(DUCKDB_RETRIES + 1):
        try:
            batches, weights, model = predict(scale)
            break
        except Exception as err:
            # Records whose pairs need more than the reckoned memory are scored again with
            # four times as much: slower, never refused (nothing is consumed before the end).
            overridden = bool(os.environ.get(DUCKDB_MEMORY_ENV, "").strip())
            if (backend != "duckdb" or "Out of Memory" not in str(err) or overridden
                    or attempt == DUCKDB_RETRIES):
                raise
            logger.warning("DuckDB ran out of its %s for %d records: scoring again with more",
                           duckdb_memory_limit(sized_for, scale), count)
            scale *= 4
    pairs: list[Any] = []
    batches.reverse()
    while batches:  # each batch freed as soon as it is consumed
        batch = widen(batches.pop(), weights)
        if consume_batch is not None:
            pairs.extend(consume_batch(batch))
            continue
        rows = batch.to_pylist()
        pairs.extend(rows if consume is None else map(consume, rows))
    return ScoredBatch(pairs=pairs, model=model, trained=estimate_u)


# Splink refuses an m or u below this (it would underflow to 0 in float64): see _em_round.
SPLINK_MIN_PROBABILITY = 1e-300
logger = logging.getLogger(__name__)


def _em_round(linker: Any, rule: Any) -> bool:
    """One EM round; False, with the reason logged, if Splink refused what it estimated.

    When the pairs of a level all score as near-certain non-matches (a weight below -1,000
    bits), EM estimates that level's m as the sum of their match probabilities: 0 or 5e-324,
    which Splink refuses mid-round. Splink trains on a copy of the model and writes it back
    only after a round succeeds, so the model keeps the m it had before the round (the prior,
    or what an earlier round learnt) and linking goes on with it."""
    try:
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=True
        )
    except ValueError as err:
        if "below the minimum allowed" not in str(err):
            raise
        logger.warning("EM round skipped, m kept as before it: Splink refused an estimate "
                       "below %g (%s)", SPLINK_MIN_PROBABILITY, err)
        return False
    return True


# Splink settings as a dict, per dialect, link type and model (the pickled comparisons and
# blocking rules, so two calls share an entry only when what they build is the same). Building
# them from the comparison creators parses and renders every level's SQL: most of the time of a
# call over a handful of profiles, as during ingest, where the writer links after every file.
_SETTINGS: dict[tuple[str, str, bytes], dict[str, Any]] = {}
_SETTINGS_LIMIT = 16


def _settings_dict(
    dialect: str, link_type: str, comparisons: Sequence[Any], blocking_rules: Sequence[Any]
) -> tuple[dict[str, Any], bool]:
    """A fresh copy of the settings for this model, and whether Splink has validated them here
    already (validation only logs, and the columns of ``records_table`` never change)."""
    from splink import SettingsCreator

    try:
        key = (dialect, link_type, pickle.dumps((list(comparisons), list(blocking_rules))))
    except (pickle.PicklingError, TypeError, AttributeError):
        key = None  # a comparison that cannot be pickled cannot be told apart: build afresh
    # One get, no check-then-read: web threads may clear the cache between the two.
    settings = _SETTINGS.get(key) if key is not None else None
    cached = settings is not None
    if settings is None:
        settings = SettingsCreator(
            link_type=link_type,
            comparisons=list(comparisons),
            blocking_rules_to_generate_predictions=list(blocking_rules),
            # predict.py picks the columns it keeps; Splink's own predict would add both sides'
            # values of every compared and blocked-on column
            retain_matching_columns=False,
            retain_intermediate_calculation_columns=True,
        ).create_settings_dict(dialect)
        if key is not None:
            if len(_SETTINGS) >= _SETTINGS_LIMIT:
                _SETTINGS.clear()
            _SETTINGS[key] = settings
    return copy.deepcopy(settings), cached


def _learn_from_labels(
    api: Any, linker: Any, table: Any, pairs: Sequence[tuple[str, str]]
) -> None:
    """Re-estimate m from the pairs reviewers joined: what a true pair looks like in this
    collection, rather than in the prior's reasoning or EM's guess."""
    source = table.templated_name
    rows = [{"source_dataset_l": source, "unique_id_l": a,
             "source_dataset_r": source, "unique_id_r": b} for a, b in sorted(pairs)]
    labels = api.register(records_table(rows, dict.fromkeys(rows[0], "string")))
    linker.training.estimate_m_from_pairwise_labels(labels)


READ_CHUNK = 50_000  # rows fetched at a time when the backend can stream them (DuckDB)
# Records whose pairs are scored at once (dedupe): a longer list is scored in slices of its
# left-hand records (Splink's predict_chunk), the same pairs and scores in less memory.
PREDICT_CHUNK = 200_000


def _predict_slice(api: Any, linker: Any, chunk: tuple[int, int], min_probability: float,
                   limit: str, where: KeepWhere | None = None) -> Any:
    """``predict.predict_narrow`` of one slice. On DuckDB a slice that runs out of memory is
    scored again in the same database with the limit doubled, up to DUCKDB_RETRIES times: the
    model is trained already, only the slice is done again (the limit stays raised for the
    slices after it, which will need about as much)."""
    threshold = min_probability or None
    connection = getattr(api, "duckdb_con", None)
    if connection is None or os.environ.get(DUCKDB_MEMORY_ENV, "").strip():
        return predict_narrow(linker, chunk, threshold, where)
    megabytes = int(limit.removesuffix("MB"))
    for _ in range(DUCKDB_RETRIES):
        try:
            return predict_narrow(linker, chunk, threshold, where)
        except Exception as err:
            if "Out of Memory" not in str(err):
                raise
        megabytes *= 2
        logger.warning("DuckDB ran out of memory scoring pairs: again with %d MB", megabytes)
        connection.execute(f"SET memory_limit = '{megabytes}MB'")
    return predict_narrow(linker, chunk, threshold, where)


def _read_pairs(linker: Any, predictions: Any) -> list[pa.RecordBatch]:
    """The narrow scored pairs (``predict.narrow_columns``) as Arrow batches of READ_CHUNK
    rows."""
    wanted = [column.unquote().name for column in predictions.columns]
    sql = select_columns_sql(predictions.physical_name, wanted)
    result = linker.misc.query_sql(sql, output_type="splink_df")
    relation = getattr(result, "as_duckdbpyrelation", None)
    if relation is None:  # Spark: collected at once
        rows = result.as_record_list()
        return [pa.RecordBatch.from_pylist(rows)] if rows else []
    return list(relation().to_arrow_reader(READ_CHUNK))
