"""export -> import -> export gives the same object, field by field."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kartoteka.curate.actions import merge_entities, set_claim_status
from kartoteka.errors import StoreError
from kartoteka.export.json import export_store
from kartoteka.store.importer import import_export
from kartoteka.store.session import Store
from kartoteka.store.tables import AuthorityLinkRow, ClaimRow, ProfileRow
from tests.helpers import entity_of_name, hand_extraction, store_extraction


def build(db: str) -> Store:
    store = Store(db)
    store_extraction(store, hand_extraction(
        "Nikolai Yezhov was arrested in 1939. The NKVD had been his.",
        [("Nikolai Yezhov", "person", None), ("NKVD", "organization", None)],
        [("arrest", "Nikolai Yezhov", "1939")]))
    store_extraction(store, hand_extraction(
        "Ежов Николай Иванович расстрелян в 1940 году.",
        [("Ежов Николай Иванович", "person", "Ежов Николай Иванович")],
        [("execution", "Ежов Николай Иванович", "1940")], language="ru"))
    store_extraction(store, hand_extraction(
        "Artuzov was shot in 1937. Frauchi was his birth name.",
        [("Artuzov", "person", None), ("Frauchi", "person", None)],
        [("execution", "Artuzov", "1937")]))
    with store.session() as session:
        a = next(iter(entity_of_name(store, "Artuzov")))
        b = next(iter(entity_of_name(store, "Frauchi")))
        merge_entities(session, a, b, user="tester")
        claim = session.query(ClaimRow).filter(ClaimRow.type == "arrest").one()
        set_claim_status(session, claim.id, "accepted", user="tester")
        profile = session.query(ProfileRow).filter(ProfileRow.label == "Artuzov").one()
        session.add(AuthorityLinkRow(profile_key=profile.key, source="memorial", record_id="7",
                                     probability=0.99, decision="linked", features={}))
    return store


def test_importer_round_trip_is_lossless(new_db: Callable[[], str]) -> None:
    with build(new_db()).session() as session:
        first = export_store(session, include_rejected=True)
    second_db = new_db()
    with Store(second_db).session() as session:
        counts = import_export(session, first)
    assert counts["documents"] == 3
    with Store(second_db).session() as session:
        second = export_store(session, include_rejected=True)
    for part in ("documents", "entities", "mentions", "claims"):
        key = (lambda item: item["id"]) if part != "mentions" else (
            lambda item: (item["document"], item["start"], item["end"]))
        assert sorted(first[part], key=key) == sorted(second[part], key=key), part
    assert first["format"] == second["format"]


def test_importer_refuses_a_non_empty_database_or_a_foreign_object(
    new_db: Callable[[], str],
) -> None:
    store = build(new_db())
    with store.session() as session:
        data = export_store(session)
    with pytest.raises(StoreError, match="empty"), store.session() as session:
        import_export(session, data)
    with pytest.raises(StoreError, match="format"), Store(new_db()).session() as s:
        import_export(s, {"format": "something-else"})
    without_text = {**data, "documents": [{k: v for k, v in d.items() if k != "text"}
                                          for d in data["documents"]]}
    with pytest.raises(StoreError, match="no text"), Store(new_db()).session() as s:
        import_export(s, without_text)
