"""Person pairs as the model scores them: name frequencies counted over the records."""

from __future__ import annotations

from typing import Any

from kartoteka.resolve.scoring import column_frequencies


def _reference_frequencies(columns: dict[str, list[Any]], column: str) -> dict[str, float]:
    """The definition, record by record: a name's records less one bearer's share, / n."""
    others = [name for name in ("surname_key", "given_key", "patronymic_key") if name != column]
    n = len(columns[column])
    out = {}
    for value in {v for v in columns[column] if v}:
        rows = [i for i, v in enumerate(columns[column]) if v == value]
        bearers = {tuple(columns[o][i] for o in others) for i in rows}
        bearers = {b for b in bearers if any(b)}
        out[value] = max(len(rows) * (1.0 - 1.0 / max(len(bearers), 1)), 1.0) / n
    return out


def test_scoring_column_frequencies_leave_one_bearers_share_out() -> None:
    columns = {
        "surname_key": ["orlov", "orlov", "orlov", "orlov", "ejov", None, "", "ejov"],
        "given_key": ["ivan", "ivan", "petr", None, "nikolai", "ivan", None, None],
        "patronymic_key": [None, None, "ivanovic", None, None, None, None, None],
    }
    for column in ("surname_key", "given_key"):
        assert column_frequencies(columns, column) == _reference_frequencies(columns, column)
    # Orlov: four records, two bearers (Ivan, Pyotr Ivanovich) and one bare: half are another's.
    assert column_frequencies(columns, "surname_key")["orlov"] == 2 / 8
    # Ezhov: one bearer named and one bare record: no other person's; at least 1 / n.
    assert column_frequencies(columns, "surname_key")["ejov"] == 1 / 8
    assert "" not in column_frequencies(columns, "surname_key")
