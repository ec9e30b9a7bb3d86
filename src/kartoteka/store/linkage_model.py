"""The stored linkage model: what the last full run computed, for ingest to link with.

``kartoteka resolve`` trains the person model on the whole collection (u by sampling, EM, name
frequencies) and learns from reviewers' decisions; ``relink`` hands the result here and ingest's
incremental linking reads it back instead of the prior. One row a kind of model in
``linkage_models`` (its Splink settings with m and u, the picture of it the review page shows,
its link threshold, when and on how many profiles), and its name frequencies in
``linkage_term_frequencies``, read a few values at a time. Writing a model replaces the one
before it; the store decides nothing about what is in it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from kartoteka.store.tables import LinkageModelRow, TermFrequencyRow

PERSON = "person"
MAX_VALUE_LENGTH = 200  # longer values are junk names, unique anyway: left out, as unknown
_CHUNK = 500  # values a query carries at a time
_INSERT_CHUNK = 50_000  # rows an insert carries (the driver batches them further)


@dataclass(frozen=True)
class StoredModel:
    kind: str
    settings: dict[str, Any]  # Splink settings JSON, with the trained m and u
    model: dict[str, Any]  # resolve.learning.LearntModel.to_dict()
    link_threshold: float
    profiles: int
    computed_at: datetime


def save_model(session: Session, kind: str, *, settings: Mapping[str, Any],
               model: Mapping[str, Any], link_threshold: float, profiles: int,
               term_frequencies: Mapping[str, Mapping[str, float]],
               computed_at: datetime | None = None) -> None:
    """Replace the stored model of this kind, and its name frequencies, with these."""
    session.execute(delete(TermFrequencyRow).where(TermFrequencyRow.kind == kind))
    row = LinkageModelRow(kind=kind, settings=dict(settings), model=dict(model),
                          link_threshold=link_threshold, profiles=profiles)
    if computed_at is not None:
        row.computed_at = computed_at
    session.merge(row)
    rows = [{"kind": kind, "field": field, "value": value, "frequency": float(frequency)}
            for field, values in sorted(term_frequencies.items())
            for value, frequency in sorted(values.items())
            if value and len(value) <= MAX_VALUE_LENGTH]
    for start in range(0, len(rows), _INSERT_CHUNK):
        session.execute(insert(TermFrequencyRow), rows[start:start + _INSERT_CHUNK])
    session.flush()


def stored_model(session: Session, kind: str = PERSON) -> StoredModel | None:
    """The model of this kind the last full run stored, or None (the prior is in use)."""
    row = session.get(LinkageModelRow, kind)
    if row is None:
        return None
    return StoredModel(row.kind, row.settings or {}, row.model or {}, row.link_threshold,
                       row.profiles, row.computed_at)


def term_frequencies(session: Session, wanted: Mapping[str, Collection[str]],
                     kind: str = PERSON) -> dict[str, dict[str, float]]:
    """The stored frequencies of these values (field -> values); a value not stored is left
    out. Every field asked for is in the answer, with what was found."""
    out: dict[str, dict[str, float]] = {}
    for field, values in sorted(wanted.items()):
        found = out.setdefault(field, {})
        chosen = sorted({v for v in values if v and len(v) <= MAX_VALUE_LENGTH})
        for start in range(0, len(chosen), _CHUNK):
            query = select(TermFrequencyRow.value, TermFrequencyRow.frequency).where(
                TermFrequencyRow.kind == kind, TermFrequencyRow.field == field,
                TermFrequencyRow.value.in_(chosen[start:start + _CHUNK]))
            found.update((value, float(frequency)) for value, frequency in session.execute(query))
    return out


__all__ = ["PERSON", "StoredModel", "save_model", "stored_model", "term_frequencies"]
