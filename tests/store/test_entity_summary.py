"""Entities brought up to date from their summary and the profiles that joined them show what
a rebuild from all their profiles shows, curators' names, merges and splits included."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

import kartoteka.store.entities as entities
from kartoteka.curate.actions import merge_entities, rename_entity, split_entity
from kartoteka.relink import refresh_entities
from kartoteka.store.session import Store
from kartoteka.store.tables import EntityRow, ProfileRow
from tests.helpers import entity_of_name, hand_extraction, store_extraction

# Made-up statements about one recurring man in several written forms, an organisation named
# in each, and a second man, so entities gain profiles of different fullness and scripts.
STATEMENTS = [
    ("Orlov was arrested by the NKVD.", [("Orlov", "person", None)]),
    ("Ivan Orlov was taken by the NKVD in 1937.", [("Ivan Orlov", "person", None)]),
    ("The NKVD shot Ivan Petrovich Orlov.", [("Ivan Petrovich Orlov", "person", None)]),
    ("Иван Орлов was named by the NKVD.", [("Иван Орлов", "person", "Иван Орлов")]),
    ("Semyon Gurov met Ivan Orlov; the NKVD watched.",
     [("Semyon Gurov", "person", None), ("Ivan Orlov", "person", None)]),
    ("Gurov and Orlov wrote to the NKVD.",
     [("Gurov", "person", None), ("Orlov", "person", None)]),
]


def _shown(session) -> dict[str, tuple[Any, ...]]:  # noqa: ANN001
    return {e.id: (e.kind, e.label, list(e.names), e.gender, list(e.members))
            for e in session.scalars(select(EntityRow))}


def _rebuilt(store: Store) -> dict[str, tuple[Any, ...]]:
    """What a rebuild of every entity from all its profiles shows (rolled back after)."""
    with store.session() as session:
        ids = [e for (e,) in session.execute(select(EntityRow.id))]
        refresh_entities(session, ids)
        shown = _shown(session)
        session.rollback()
    return shown


def _store(store: Store, text: str, names: list) -> None:  # noqa: ANN001
    store_extraction(store, hand_extraction(text, names))


def test_entity_summary_extends_as_a_rebuild_would(db: str, monkeypatch) -> None:  # noqa: ANN001
    rebuilt: list[str] = []
    groups = entities._member_groups

    def counting(session, ids):  # noqa: ANN001, ANN202
        rebuilt.extend(ids)
        return groups(session, ids)

    monkeypatch.setattr(entities, "_member_groups", counting)
    store = Store(db)
    for text, names in STATEMENTS:
        _store(store, text, [*names, ("NKVD", "organization", None)])
        with store.session() as session:
            assert _shown(session) == _rebuilt(store)
    (nkvd,) = entity_of_name(store, "NKVD")
    rebuilt.clear()
    _store(store, "The NKVD closed the case.", [("NKVD", "organization", None)])
    assert nkvd not in rebuilt  # brought up to date from its summary, not its members
    with store.session() as session:
        assert session.get(EntityRow, nkvd).summary["count"] == len(STATEMENTS) + 1


def test_entity_summary_keeps_a_curators_name_merge_and_split(db: str) -> None:
    store = Store(db)
    for text, names in STATEMENTS[:5]:
        _store(store, text, names)
    (orlov,) = entity_of_name(store, "Ivan Petrovich Orlov")
    (gurov,) = entity_of_name(store, "Semyon Gurov")
    with store.session() as session:
        rename_entity(session, orlov, "Orlov, Ivan Petrovich (1899-1938)", user="ada")
    _store(store, "Ivan Orlov was tried again.", [("Ivan Orlov", "person", None)])
    with store.session() as session:
        assert session.get(EntityRow, orlov).label == "Orlov, Ivan Petrovich (1899-1938)"
        assert _shown(session) == _rebuilt(store)
    with store.session() as session:
        merge_entities(session, orlov, gurov, user="ada")
    _store(store, "Semyon Gurov was freed.", [("Semyon Gurov", "person", None)])
    with store.session() as session:
        assert _shown(session) == _rebuilt(store)
        kept = [r.key for r in session.scalars(select(ProfileRow).where(
            ProfileRow.entity_id == orlov, ProfileRow.label.like("%Gurov%")))]
        assert kept
        split_entity(session, orlov, kept, user="ada")
    _store(store, "Ivan Orlov and Semyon Gurov were named.",
           [("Ivan Orlov", "person", None), ("Semyon Gurov", "person", None)])
    with store.session() as session:
        assert _shown(session) == _rebuilt(store)
        assert session.get(EntityRow, orlov).label == "Orlov, Ivan Petrovich (1899-1938)"


def test_entity_summary_out_of_step_is_rebuilt_from_the_members(db: str) -> None:
    # A profile moved out of an entity without its rebuild: the count in the summary no longer
    # matches, so the next profile to join makes the rebuild read every member.
    store = Store(db)
    for text, names in STATEMENTS[:3]:
        _store(store, text, [*names, ("NKVD", "organization", None)])
    (nkvd,) = entity_of_name(store, "NKVD")
    with store.session() as session:
        row = session.scalars(select(ProfileRow).where(ProfileRow.entity_id == nkvd)).first()
        row.entity_id = None
    _store(store, "The NKVD closed the case.", [("NKVD", "organization", None)])
    with store.session() as session:
        assert session.get(EntityRow, nkvd).summary["count"] == 3
        assert _shown(session) == _rebuilt(store)




def test_entity_summary_migration_0008_upgrades_a_database_with_entities(db: str) -> None:
    """A database made before summaries: its entities have none, get one when next rebuilt,
    and the person block keys' index is made."""
    from alembic import command
    from sqlalchemy import inspect

    from kartoteka.store.session import _alembic_config

    store = Store(db)
    for text, names in STATEMENTS[:2]:
        _store(store, text, [*names, ("NKVD", "organization", None)])
    config = _alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
        assert "summary" not in {c["name"] for c in inspect(connection).get_columns("entities")}
    store.close()
    store = Store(db)
    with store.engine.connect() as connection:
        indexes = {i["name"] for i in inspect(connection).get_indexes("profiles")}
    assert "ix_profiles_kind_block_key" in indexes
    (nkvd,) = entity_of_name(store, "NKVD")
    with store.session() as session:
        assert session.get(EntityRow, nkvd).summary is None
    _store(store, "The NKVD closed the case.", [("NKVD", "organization", None)])
    with store.session() as session:
        assert session.get(EntityRow, nkvd).summary["count"] == 3
        assert _shown(session) == _rebuilt(store)


def test_entity_summary_save_links_finds_each_stored_pair_of_many(db: str) -> None:
    # Many pairs at once (more than one statement's worth), some stored, some new, one
    # changed: each stored one is found by its key, each new one inserted once.
    from types import SimpleNamespace

    from kartoteka.store.links import save_links
    from kartoteka.store.tables import LinkRow

    def link(n: int, p: float) -> SimpleNamespace:
        return SimpleNamespace(a=f"k{n:04d}", b=f"k{n + 1:04d}", probability=p,
                               decision="linked" if p > 0.9 else "review", features={})

    keys = {f"k{n:04d}" for n in range(702)}
    store = Store(db)
    with store.session() as session:
        save_links(session, [link(n, 0.95) for n in range(0, 700, 2)], keys)
    with store.session() as session:
        save_links(session, [link(n, 0.5 if n == 10 else 0.95) for n in range(700)], keys)
        stored = {(r.a, r.b): r.probability for r in session.query(LinkRow)}
    assert len(stored) == 700 and stored[("k0010", "k0011")] == 0.5
    assert stored[("k0012", "k0013")] == 0.95
