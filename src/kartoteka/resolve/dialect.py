"""What the backend receives: typed tables of linkage records.

Keys are computed in Python (``records.py``), so the only thing a backend must agree on is the
shape of the table. Column kinds are declared once, as data (``records.PERSON_COLUMNS``), and
turned into an Arrow table here; DuckDB and Spark both read Arrow natively, so nothing in the
linkage code asks which engine runs it. SQL of our own, should any be needed, is written here in
Splink's neutral form and handed to Splink to translate, never branched on a backend name.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "strings": pa.list_(pa.string()),
    "int": pa.int32(),
    "float": pa.float64(),
}


def arrow_schema(columns: Mapping[str, str], extra: Mapping[str, str] | None = None) -> pa.Schema:
    fields = {**columns, **(extra or {})}
    unknown = {kind for kind in fields.values() if kind not in ARROW_TYPES}
    if unknown:
        raise ValueError(f"unknown column kinds {sorted(unknown)}; known: {sorted(ARROW_TYPES)}")
    return pa.schema([(name, ARROW_TYPES[kind]) for name, kind in fields.items()])


def records_table(
    rows: Iterable[Mapping[str, Any]],
    columns: Mapping[str, str],
    extra: Mapping[str, str] | None = None,
) -> pa.Table:
    """An Arrow table of linkage records with exactly the declared columns and types."""
    schema = arrow_schema(columns, extra)
    names = schema.names
    data: dict[str, list[Any]] = {name: [] for name in names}
    for row in rows:
        for name in names:
            data[name].append(row.get(name))
    return pa.table(data, schema=schema)


def columns_table(columns: Mapping[str, Sequence[Any]], kinds: Mapping[str, str],
                  coded: Collection[str] = ()) -> pa.Table:
    """The same table from values already held by column (``records.record_columns``).

    ``coded``: "strings" columns whose lists go as numbers, each string as its place among the
    column's distinct strings. Two lists share an element, and two records a block key, exactly
    when their numbers do, so a column that is only tested for shared elements or blocked on
    may be coded; the database then joins and compares small integers instead of strings
    (a sixth less CPU time scoring 100,000 records). Codes are the table's own: two tables
    coded apart cannot be compared."""
    schema = arrow_schema(kinds)
    arrays = []
    for name in schema.names:
        array = pa.array(columns[name], type=schema.field(name).type)
        if name in coded:
            if kinds[name] != "strings":
                raise ValueError(f"only lists of strings are coded, not {name!r}")
            array = pa.ListArray.from_arrays(
                array.offsets, pc.dictionary_encode(array.values).indices, mask=array.is_null())
        arrays.append(array)
    return pa.table(arrays, names=schema.names)


def select_columns_sql(table: str, columns: Sequence[str], order_by: Sequence[str] = ()) -> str:
    """Read back only the named columns of a result table, in a stable order."""
    # Plain identifiers stay unquoted: DuckDB reads "x" as a column, Spark as a string literal.
    unsafe = [name for name in columns if not name.replace("_", "").isalnum()]
    if unsafe:
        raise ValueError(f"column names must be plain identifiers: {unsafe}")
    quoted = ", ".join(columns)
    order = f" ORDER BY {', '.join(order_by)}" if order_by else ""
    return f"SELECT {quoted} FROM {table}{order}"
