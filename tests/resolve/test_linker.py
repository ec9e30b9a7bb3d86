"""The backend seam: one function, backends chosen by name and imported lazily."""

from __future__ import annotations

import copy
import importlib.util
import tempfile
from pathlib import Path

import pytest

from kartoteka.resolve import linker
from kartoteka.resolve.comparisons import load_prior, person_blocking_rules, person_comparisons
from kartoteka.resolve.linker import database_api, score_pairs
from kartoteka.resolve.profile import Profile
from kartoteka.resolve.records import PERSON_COLUMNS, person_row


def rows() -> list[dict]:
    labels = [("a", "Yezhov", None), ("b", "Ежов", "Николай"), ("c", "Orlov", "Ivan")]
    return [
        person_row(Profile(key=k, document_id="d", kind="person", label=s, names=[s],
                           surname=s, given=g))
        for k, s, g in labels
    ]


def test_linker_unknown_backend_is_refused() -> None:
    with pytest.raises(ValueError, match="backend"):
        database_api("oracle")


@pytest.mark.skipif(importlib.util.find_spec("pyspark") is not None, reason="pyspark installed")
def test_linker_spark_without_pyspark_names_the_extra() -> None:
    with pytest.raises(ImportError, match=r"kartoteka\[spark\]"):
        database_api("spark")


def test_linker_scores_blocked_pairs_only() -> None:
    batch = score_pairs(rows(), PERSON_COLUMNS, comparisons=person_comparisons(),
                        blocking_rules=person_blocking_rules(),
                        probability_two_random_records_match=0.3)
    pairs = {tuple(sorted((r["unique_id_l"], r["unique_id_r"]))) for r in batch.pairs}
    assert pairs == {("a", "b")}
    row = batch.pairs[0]
    assert 0.0 <= row["match_probability"] <= 1.0
    assert {"gamma_surname", "mw_surname", "gamma_given"} <= set(row)
    assert batch.model["link_type"] == "dedupe_only"


def test_linker_links_two_tables() -> None:
    left, right = rows()[:1], rows()[1:]
    batch = score_pairs(left, PERSON_COLUMNS, other_records=right,
                        comparisons=person_comparisons(), blocking_rules=person_blocking_rules(),
                        probability_two_random_records_match=0.3)
    assert [(r["unique_id_l"], r["unique_id_r"]) for r in batch.pairs] == [("a", "b")]


@pytest.mark.spark
def test_linker_spark_scores_as_duckdb_does(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    pytest.importorskip("pyspark")
    monkeypatch.setenv("KARTOTEKA_SPARK_MASTER", "local[2]")
    monkeypatch.setenv("KARTOTEKA_SPARK_SHUFFLE_PARTITIONS", "2")
    monkeypatch.setenv("KARTOTEKA_SPARK_CHECKPOINT_DIR", str(tmp_path))
    more = [
        person_row(Profile(key=k, document_id="d", kind="person", label=s, names=[s],
                           surname=s, given=g, birth_year=y))
        for k, s, g, y in [("d", "Orlow", "Iwan", 1890), ("e", "Орлов", "Пётр", 1890),
                           ("f", "Yezhov", "Nikolai", None)]
    ]

    def scored(backend: str) -> dict[tuple[str, str], float]:
        batch = score_pairs(rows() + more, PERSON_COLUMNS, comparisons=person_comparisons(),
                            blocking_rules=person_blocking_rules(),
                            probability_two_random_records_match=0.3, backend=backend)
        return {tuple(sorted((r["unique_id_l"], r["unique_id_r"]))): round(
            float(r["match_probability"]), 6) for r in batch.pairs}

    duck = scored("duckdb")
    assert len(duck) >= 4
    assert scored("spark") == duck


def test_linker_reviewers_joins_teach_m() -> None:
    from kartoteka.resolve.linker import MIN_LABELLED_PAIRS
    from kartoteka.resolve.records import bound_blocks

    cyrillic = "абвгдежзийклмнопрстуфхцчшщыэюя"
    labelled = []
    people = []
    for i in range(MIN_LABELLED_PAIRS + 2):
        # One person written twice, in two scripts, birth years always one apart.
        people += [(f"{i}-0", f"Orlov{'abcdefghijklmnopqrstuvwxyz'[i]}", "Ivan", 1890 + i),
                   (f"{i}-1", f"Орлов{cyrillic[i]}", "Иван", 1891 + i)]
        labelled.append((f"{i}-0", f"{i}-1"))
    records = [person_row(Profile(key=k, document_id="d", kind="person", label=s, names=[s],
                                  surname=s, given=g, birth_year=y)) for k, s, g, y in people]
    bound_blocks(records)

    def m_within_one_year(labels: list[tuple[str, str]]) -> float:
        batch = score_pairs(records, PERSON_COLUMNS, comparisons=person_comparisons(),
                            blocking_rules=person_blocking_rules(),
                            probability_two_random_records_match=0.01, labelled_pairs=labels)
        years = next(c for c in batch.model["comparisons"]
                     if c["output_column_name"] == "birth_year")
        return years["comparison_levels"][2]["m_probability"]

    assert m_within_one_year([]) < 0.5
    assert m_within_one_year(labelled) > 0.9
    assert m_within_one_year(labelled[: MIN_LABELLED_PAIRS - 1]) < 0.5  # too few to learn from


def _scores(comparisons: list, probability: float) -> tuple[dict, dict]:
    batch = score_pairs(rows(), PERSON_COLUMNS, comparisons=comparisons,
                        blocking_rules=person_blocking_rules(),
                        probability_two_random_records_match=probability)
    return {(r["unique_id_l"], r["unique_id_r"]): r["match_weight"] for r in batch.pairs}, \
        batch.model


def test_linker_settings_reused_score_as_built_afresh() -> None:
    linker._SETTINGS.clear()
    fresh, _ = _scores(person_comparisons(), 0.3)
    assert fresh
    again, model = _scores(person_comparisons(), 0.3)  # the cached settings, a new Linker
    assert again == fresh
    other, model = _scores(person_comparisons(), 0.01)  # the prior is the caller's, each call
    assert model["probability_two_random_records_match"] == 0.01
    assert all(other[pair] < fresh[pair] for pair in fresh)


def test_linker_settings_cache_tells_models_apart() -> None:
    _scores(person_comparisons(), 0.3)
    prior = copy.deepcopy(load_prior())
    # A different m for a surname written in two scripts: a different model, its own settings.
    for level, mu in prior["comparisons"]["surname"].items():
        prior["comparisons"]["surname"][level] = [mu[0] / 2, mu[1]]
    default, _ = _scores(person_comparisons(), 0.3)
    halved, _ = _scores(person_comparisons(prior), 0.3)
    assert default
    assert all(halved[pair] < default[pair] for pair in default)


def test_linker_streams_pairs_in_batches_into_the_consumer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Batches of one row: every pair must still arrive once, as the plain read gives it.
    more = [person_row(Profile(key=f"e{i}", document_id="d", kind="person", label="Jeschow",
                               names=["Jeschow"], surname="Jeschow", given=given))
            for i, given in enumerate(("Nikolai", "Ivan", "Pyotr"))]
    kwargs = dict(comparisons=person_comparisons(), blocking_rules=person_blocking_rules(),
                  probability_two_random_records_match=0.3)
    plain = score_pairs(rows() + more, PERSON_COLUMNS, **kwargs).pairs
    monkeypatch.setattr(linker, "READ_CHUNK", 1)
    seen: list[dict] = []
    consumed = score_pairs(rows() + more, PERSON_COLUMNS, consume=lambda row: (
        seen.append(row) or (row["unique_id_l"], row["unique_id_r"])), **kwargs).pairs
    assert len(plain) > 2
    assert sorted(consumed) == sorted((r["unique_id_l"], r["unique_id_r"]) for r in plain)
    assert sorted(seen, key=repr) == sorted(plain, key=repr)


def test_linker_scores_a_long_list_in_slices_as_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    names = [("Yezhov", "Nikolai"), ("Ежов", "Николай"), ("Jeschow", None), ("Orlov", "Ivan"),
             ("Орлов", "Иван"), ("Orloff", "Pyotr"), ("Ezhov", "N."), ("Smirnov", "Ivan")]
    records = [person_row(Profile(key=f"k{i}", document_id="d", kind="person",
                                  label=f"{s} {g or ''}".strip(), names=[s], surname=s, given=g))
               for i, (s, g) in enumerate(names)]

    def scored() -> list[tuple]:
        batch = score_pairs(records, PERSON_COLUMNS, comparisons=person_comparisons(),
                            blocking_rules=person_blocking_rules(),
                            probability_two_random_records_match=0.3)
        return sorted((min(r["unique_id_l"], r["unique_id_r"]), max(r["unique_id_l"],
                       r["unique_id_r"]), round(r["match_probability"], 12))
                      for r in batch.pairs)

    whole = scored()
    monkeypatch.setattr(linker, "PREDICT_CHUNK", 3)  # three slices of three, three and two
    assert len(whole) >= 4
    assert scored() == whole


def test_linker_duckdb_memory_limit_grows_with_the_records(monkeypatch) -> None:
    monkeypatch.delenv(linker.DUCKDB_MEMORY_ENV, raising=False)
    floor = f"{linker.DUCKDB_MIN_MEMORY_MB}MB"
    assert linker.duckdb_memory_limit(10) == floor
    big = linker.duckdb_memory_limit(2_000_000)
    assert big != floor and int(big.removesuffix("MB")) > linker.DUCKDB_MIN_MEMORY_MB
    monkeypatch.setenv(linker.DUCKDB_MEMORY_ENV, "3GB")
    assert linker.duckdb_memory_limit(10) == "3GB"


def test_linker_duckdb_connection_has_the_limit_and_a_spill_directory(monkeypatch) -> None:
    monkeypatch.setenv(linker.DUCKDB_MEMORY_ENV, "300MB")
    api = database_api("duckdb", 5)
    con = api.duckdb_con
    limit = con.sql("SELECT current_setting('memory_limit')").fetchall()[0][0]
    spill = con.sql("SELECT current_setting('temp_directory')").fetchall()[0][0]
    assert limit.replace(" ", "").startswith(("286", "300"))  # DuckDB reports MiB
    assert "kartoteka-duckdb-" in spill
    assert Path(spill).is_dir()
    api.kartoteka_close()  # what score_pairs does when done
    assert not Path(spill).exists()


def test_linker_scoring_leaves_no_spill_directory(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    score_pairs(rows(), PERSON_COLUMNS, comparisons=person_comparisons(),
                blocking_rules=person_blocking_rules(), probability_two_random_records_match=0.3)
    monkeypatch.setenv(linker.DUCKDB_MEMORY_ENV, "lots")
    with pytest.raises(ValueError):
        database_api("duckdb", 5)
    assert list(tmp_path.iterdir()) == []


def test_linker_bad_duckdb_memory_setting_names_the_variable(monkeypatch) -> None:
    monkeypatch.setenv(linker.DUCKDB_MEMORY_ENV, "lots")
    with pytest.raises(ValueError, match=linker.DUCKDB_MEMORY_ENV):
        database_api("duckdb", 5)


def test_linker_out_of_memory_is_scored_again_with_more(monkeypatch, caplog) -> None:
    monkeypatch.delenv(linker.DUCKDB_MEMORY_ENV, raising=False)
    monkeypatch.setattr(linker, "DUCKDB_MIN_MEMORY_MB", 1)  # too little for any prediction
    monkeypatch.setattr(linker, "DUCKDB_MEMORY_PER_RECORD_KB", 0)
    monkeypatch.setattr(linker, "DUCKDB_RETRIES", 4)  # 1, 4, 16, 64, 256 MB
    batch = score_pairs(rows(), PERSON_COLUMNS, comparisons=person_comparisons(),
                        blocking_rules=person_blocking_rules(),
                        probability_two_random_records_match=0.3)
    assert {(p["unique_id_l"], p["unique_id_r"]) for p in batch.pairs} == {("a", "b")}
    assert "ran out" in caplog.text


def test_linker_out_of_memory_with_a_set_limit_is_not_retried(monkeypatch) -> None:
    monkeypatch.setenv(linker.DUCKDB_MEMORY_ENV, "1MB")
    with pytest.raises(Exception, match="Out of Memory"):
        score_pairs(rows(), PERSON_COLUMNS, comparisons=person_comparisons(),
                    blocking_rules=person_blocking_rules(),
                    probability_two_random_records_match=0.3)


def test_linker_slice_out_of_memory_is_scored_again_without_training_again(
    monkeypatch, caplog
) -> None:
    monkeypatch.delenv(linker.DUCKDB_MEMORY_ENV, raising=False)
    opened: list[int] = []
    real_api, real_predict = linker.database_api, linker.predict_narrow

    def counted_api(*args):
        opened.append(1)
        return real_api(*args)

    failures = iter([True])

    def failing_once(*args):
        if next(failures, False):
            raise RuntimeError("Out of Memory Error: failed to pin block")
        return real_predict(*args)

    monkeypatch.setattr(linker, "database_api", counted_api)
    monkeypatch.setattr(linker, "predict_narrow", failing_once)
    batch = score_pairs(rows(), PERSON_COLUMNS, comparisons=person_comparisons(),
                        blocking_rules=person_blocking_rules(),
                        probability_two_random_records_match=0.3)
    assert {(p["unique_id_l"], p["unique_id_r"]) for p in batch.pairs} == {("a", "b")}
    assert opened == [1]  # one database, the model not trained twice
    assert f"again with {2 * linker.DUCKDB_MIN_MEMORY_MB} MB" in caplog.text


def test_linker_lets_splinks_cycles_go_when_the_collector_is_paused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the cycle collector paused by the caller (link_profiles), the Splink linker made
    for the run (it holds cycles) is gone by the time the pairs come back, and the collector
    stays paused."""
    import gc
    import weakref

    import splink

    made: list[weakref.ref] = []

    class Watched(splink.Linker):  # type: ignore[misc]
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            made.append(weakref.ref(self))

    monkeypatch.setattr(splink, "Linker", Watched)
    gc.disable()
    try:
        score_pairs(rows(), PERSON_COLUMNS, comparisons=person_comparisons(),
                    blocking_rules=person_blocking_rules(),
                    probability_two_random_records_match=0.3)
        assert not gc.isenabled()
        assert made and all(ref() is None for ref in made)
    finally:
        gc.enable()
