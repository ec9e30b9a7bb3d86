"""The stored linkage model: one row a kind, replaced whole, name frequencies read by value."""

from __future__ import annotations

from datetime import UTC, datetime

from kartoteka.store.linkage_model import (
    MAX_VALUE_LENGTH,
    PERSON,
    save_model,
    stored_model,
    term_frequencies,
)
from kartoteka.store.session import Store


def test_linkage_model_round_trips_and_is_replaced_whole(db: str) -> None:
    store = Store(db)
    with store.session() as session:
        assert stored_model(session) is None
        save_model(session, PERSON, settings={"comparisons": [{"output_column_name": "x"}]},
                   model={"learnt": ["m"], "trained": True}, link_threshold=0.95,
                   profiles=1200, computed_at=datetime(2026, 12, 1, tzinfo=UTC),
                   term_frequencies={"surname_key": {"orlov": 0.01, "ezhov": 0.002,
                                                     "x" * (MAX_VALUE_LENGTH + 1): 0.5},
                                     "given_key": {"ivan": 0.1}})
    with store.session() as session:
        model = stored_model(session)
        assert model is not None and model.link_threshold == 0.95 and model.profiles == 1200
        assert model.settings["comparisons"][0]["output_column_name"] == "x"
        assert model.model["learnt"] == ["m"] and model.computed_at.year == 2026
        found = term_frequencies(session, {"surname_key": {"orlov", "kirov", "x" * 300},
                                           "patronymic_key": {"ivanovich"}})
        assert found == {"surname_key": {"orlov": 0.01}, "patronymic_key": {}}
        save_model(session, PERSON, settings={}, model={"learnt": []}, link_threshold=0.9,
                   profiles=5, term_frequencies={"surname_key": {"kirov": 0.2}})
    with store.session() as session:
        model = stored_model(session)
        assert model is not None and (model.link_threshold, model.profiles) == (0.9, 5)
        found = term_frequencies(session, {"surname_key": {"orlov", "kirov"}})
        assert found == {"surname_key": {"kirov": 0.2}}  # the old frequencies are gone


def test_linkage_model_reads_many_values_in_chunks(db: str) -> None:
    store = Store(db)
    values = {f"name{i}": i / 10_000 for i in range(1, 1301)}
    with store.session() as session:
        save_model(session, PERSON, settings={}, model={}, link_threshold=0.9, profiles=1300,
                   term_frequencies={"surname_folded": values})
    with store.session() as session:
        found = term_frequencies(session, {"surname_folded": set(values) | {"absent"}})
    assert found == {"surname_folded": values}
