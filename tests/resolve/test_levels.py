"""The cheaper SQL of levels.py holds for exactly the pairs Splink's own SQL holds for."""

from __future__ import annotations

import itertools
import random
from typing import Any

import duckdb
import pytest
import splink.comparison_level_library as cll
from splink.internals.dialects import SplinkDialect

from kartoteka.resolve.levels import OneEditLevel, SharedElementLevel
from kartoteka.resolve.pair_scores import _level_holds


def _holds(level: Any, pairs: list[tuple[Any, Any]], kind: str) -> list[bool | None]:
    """The level's DuckDB condition evaluated on each pair (x_l, x_r), NULL as None."""
    sql = level.create_sql(SplinkDialect.from_string("duckdb"))
    connection = duckdb.connect()
    connection.execute(f"create table t (i int, x_l {kind}, x_r {kind})")
    connection.executemany("insert into t values (?, ?, ?)",
                           [(i, left, right) for i, (left, right) in enumerate(pairs)])
    return [row[0] for row in connection.execute(f"select {sql} from t order by i").fetchall()]


def _truthy(values: list[bool | None]) -> list[bool]:
    return [bool(v) for v in values]  # a CASE takes a level only when its condition is true


def _edits(word: str, rng: random.Random) -> str:
    """The word with one random edit: a substitution, insertion, deletion or swap."""
    i = rng.randrange(len(word) + 1)
    letter = rng.choice("abkrst")
    kind = rng.randrange(4)
    if kind == 0 and i < len(word):
        return word[:i] + letter + word[i + 1:]
    if kind == 1:
        return word[:i] + letter + word[i:]
    if kind == 2 and i < len(word):
        return word[:i] + word[i + 1:]
    if kind == 3 and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word


def test_one_edit_level_holds_where_damerau_levenshtein_does() -> None:
    rng = random.Random(5)
    words = ["", "a", "ab", "ba", "abc", "bca", "krst", "krts", "srkt", "abcde", "bacde", "abced",
             "xbcde", "abcd", "bcde", "abcdef", "zyx", "мрк", "мкр", "ёж", "жё"]
    pairs: list[tuple[Any, Any]] = list(itertools.product(words, repeat=2))
    for _ in range(3000):  # random words and their one- and two-edit neighbours
        word = "".join(rng.choice("abkrst") for _ in range(rng.randrange(1, 8)))
        once = _edits(word, rng)
        pairs += [(word, once), (_edits(once, rng), word)]
    pairs += [(None, "abc"), ("abc", None), (None, None)]
    ours = _truthy(_holds(OneEditLevel("x"), pairs, "varchar"))
    splinks = _truthy(_holds(cll.DamerauLevenshteinLevel("x", 1), pairs, "varchar"))
    assert ours == splinks
    assert 0 < sum(ours) < len(pairs)  # both kinds of pair were met


@pytest.mark.parametrize("pair", [
    (["ivan"], ["ivan", "ioann"]), (["a", "b"], ["c"]), ([], ["a"]), ([], []),
    (None, ["a"]), (["a"], None), (["b", "a"], ["a", "b"]), (["ab"], ["a", "b"]),
])
def test_shared_element_level_holds_where_array_intersection_does(pair: Any) -> None:
    ours = _holds(SharedElementLevel("x"), [pair], "varchar[]")
    splinks = _holds(cll.ArrayIntersectLevel("x", 1), [pair], "varchar[]")
    assert _truthy(ours) == _truthy(splinks)


def test_levels_keep_splink_sql_elsewhere_and_python_reads_them_as_splink_levels() -> None:
    spark = SplinkDialect.from_string("spark")
    assert OneEditLevel("x").create_sql(spark) == cll.DamerauLevenshteinLevel(
        "x", 1).create_sql(spark)
    assert SharedElementLevel("x").create_sql(spark) == cll.ArrayIntersectLevel(
        "x", 1).create_sql(spark)
    # incremental linking (pair_scores) evaluates them in Python as the Splink level they are
    assert _level_holds(OneEditLevel("x"), {"x": "abcde"}, {"x": "bacde"})
    assert not _level_holds(OneEditLevel("x"), {"x": "abcde"}, {"x": "badce"})
    assert _level_holds(SharedElementLevel("x"), {"x": ["a", "b"]}, {"x": ["b"]})
    assert not _level_holds(SharedElementLevel("x"), {"x": ["a"]}, {"x": ["b"]})


def test_coded_set_columns_share_elements_exactly_where_the_strings_do() -> None:
    from kartoteka.resolve.dialect import columns_table

    lists = [["erv", "ezv"], None, ["ezv"], ["kln"], [], ["kln", "erv"]]
    table = columns_table({"x": lists, "y": ["a", "b", "c", "d", "e", "f"]},
                          {"x": "strings", "y": "string"}, coded=("x",))
    coded = table.column("x").to_pylist()
    assert table.column("y").to_pylist() == ["a", "b", "c", "d", "e", "f"]  # others as they are
    assert [c is None for c in coded] == [v is None for v in lists]
    assert [len(c) for c in coded if c is not None] == [len(v) for v in lists if v is not None]
    for i, j in itertools.combinations(range(len(lists)), 2):
        if lists[i] is not None and lists[j] is not None:
            assert bool(set(coded[i]) & set(coded[j])) == bool(set(lists[i]) & set(lists[j]))
    with pytest.raises(ValueError, match="only lists"):
        columns_table({"y": ["a"]}, {"y": "string"}, coded=("y",))


def test_set_columns_are_only_tested_for_a_shared_element() -> None:
    """The list columns go to the database as numbers (records.SET_COLUMNS): a level that read
    their strings (a Jaro-Winkler on an element, say) would compare numbers instead."""
    from kartoteka.resolve.comparisons import _levels
    from kartoteka.resolve.records import SET_COLUMNS

    def reads(level: Any) -> list[Any]:
        if hasattr(level, "comparison_levels"):  # And, Or, Not
            return [x for sub in level.comparison_levels for x in reads(sub)]
        return [level] if hasattr(level, "col_expression") else []

    levels = _levels(surname_tf=True, given_tf=True, variant_tf=True, initial_tf=True)
    on_sets = [lv for comparison in levels.values() for level in comparison for lv in reads(level)
               if lv.col_expression.raw_sql_expression in SET_COLUMNS]
    assert on_sets  # the surname keys, name groups, letters, places...
    assert all(isinstance(lv, (cll.NullLevel, cll.ArrayIntersectLevel)) for lv in on_sets)
