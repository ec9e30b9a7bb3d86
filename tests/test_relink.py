"""Ingest's cross-document step through incremental linking: entities and decisions hold."""

from __future__ import annotations

from collections.abc import Callable

from kartoteka.curate.actions import merge_entities, split_entity
from kartoteka.pipeline import analyse, block_keys, link_new
from kartoteka.relink import resolve_profiles
from kartoteka.store.session import Store
from kartoteka.store.tables import EntityRow, LinkRow, ProfileRow
from kartoteka.store.writer import write_extraction
from tests.helpers import entity_of_name, hand_extraction


def add(store: Store, text: str, *names: str, full: bool = False, path: str | None = None,
        born: str | None = None) -> list[str]:
    """Store a hand-made document (from file ``path``) and link it as ingest does
    (incrementally), or, with ``full``, through the neighbourhood linker; returns its profile
    keys."""
    claims = [("birth", names[0], born)] if born else []
    extraction = hand_extraction(text, [(n, "person", None) for n in names], claims,
                                 source_path=path)
    entities, profiles = analyse(extraction)
    keys = [e.key for e in entities]
    with store.session() as session:
        write_extraction(session, extraction, entities, profiles, block_keys(profiles))
        if full:
            resolve_profiles(session, changed=keys)
        else:
            link_new(session, keys)
    return keys


def partition(store: Store) -> set[frozenset[str]]:
    with store.session() as session:
        groups: dict[str, set[str]] = {}
        for p in session.query(ProfileRow):
            groups.setdefault(p.entity_id, set()).add(p.label)
        return {frozenset(g) for g in groups.values()}


DOCUMENTS = [
    ("Ivan Petrovich Orlov was arrested in 1937.", "Ivan Petrovich Orlov"),
    ("Глеб Бокий был расстрелян.", "Глеб Бокий"),
    ("Ivan Orlov, a sailor, was shot.", "Ivan Orlov"),
    ("Gleb Bokii headed the special department.", "Gleb Bokii"),
    ("Pyotr Orlov was released in 1940.", "Pyotr Orlov"),
    ("Yakov Agranov signed the order.", "Yakov Agranov"),
]


def test_relink_incremental_builds_the_neighbourhood_linkers_index(
        new_db: Callable[[], str]) -> None:
    incremental, full = Store(new_db()), Store(new_db())
    for text, name in DOCUMENTS:
        add(incremental, text, name)
        add(full, text, name, full=True)
    assert partition(incremental) == partition(full)
    assert entity_of_name(incremental, "Ivan Orlov") == entity_of_name(
        incremental, "Ivan Petrovich Orlov")
    assert entity_of_name(incremental, "Gleb Bokii") == entity_of_name(incremental, "Глеб Бокий")
    assert entity_of_name(incremental, "Pyotr Orlov") != entity_of_name(incremental, "Ivan Orlov")
    with incremental.session() as session:
        linked = session.query(LinkRow).filter(LinkRow.decision == "linked").count()
        entities = session.query(EntityRow).filter(EntityRow.kind == "person").count()
    assert linked == 2
    assert entities == 4


def test_relink_incremental_keeps_a_hand_split(db: str) -> None:
    store = Store(db)
    first = add(store, "Ivan Orlov was a sailor.", "Ivan Orlov")
    add(store, "Ivan Orlov was a painter.", "Ivan Orlov")
    (eid,) = entity_of_name(store, "Ivan Orlov")
    with store.session() as session:
        split_entity(session, eid, first, user="tester")
    assert len(entity_of_name(store, "Ivan Orlov")) == 2
    add(store, "Ivan Orlov lived in Kazan.", "Ivan Orlov")
    add(store, "Иван Орлов жил в Казани.", "Иван Орлов")
    with store.session() as session:
        sailor = session.get(ProfileRow, first[0]).entity_id
        others = {p.entity_id for p in session.query(ProfileRow)
                  if p.kind == "person" and p.key != first[0]}
    assert sailor not in others  # the profile split off by hand stays apart


def test_relink_incremental_keeps_a_hand_merge(db: str) -> None:
    """A merge of two names the model would never join (a birth name) holds while new
    documents naming each of them go in."""
    store = Store(db)
    add(store, "Artur Artuzov was shot in 1937.", "Artur Artuzov")
    add(store, "Artur Frauchi studied in Petersburg.", "Artur Frauchi")
    (a,), (b,) = entity_of_name(store, "Artur Artuzov"), entity_of_name(store, "Artur Frauchi")
    assert a != b
    with store.session() as session:
        merge_entities(session, a, b, user="tester")
    add(store, "Artur Frauchi was born in 1891.", "Artur Frauchi")
    add(store, "Artur Artuzov headed the counter-intelligence.", "Artur Artuzov")
    assert len(entity_of_name(store, "Artur Artuzov") | entity_of_name(store,
                                                                       "Artur Frauchi")) == 1


def test_relink_neighbourhood_rebuilds_only_the_entities_a_profile_joined_or_left(
        db: str, monkeypatch) -> None:  # noqa: ANN001
    # Relinking the Orlovs' neighbourhood for a new Sergei Orlov leaves Ivan's and Pyotr's
    # profiles where they were: their entities are not rebuilt (a common surname's
    # neighbourhood grows with the index), the new one's is.
    from kartoteka.store import entities

    store = Store(db)
    for text, name in DOCUMENTS:
        add(store, text, name)
    (ivan,), (pyotr,) = entity_of_name(store, "Ivan Orlov"), entity_of_name(store, "Pyotr Orlov")
    rebuilt: list[str] = []
    real = entities.refresh_entities
    monkeypatch.setattr(entities, "refresh_entities",
                        lambda session, ids, labels=None: rebuilt.extend(ids)
                        or real(session, ids, labels))
    add(store, "Sergei Orlov was arrested in 1938.", "Sergei Orlov", full=True)
    (sergei,) = entity_of_name(store, "Sergei Orlov")
    assert sergei in rebuilt and ivan not in rebuilt and pyotr not in rebuilt
    with store.session() as session:
        labels = {e.id: e.label for e in session.query(EntityRow)}
    assert labels[ivan] == "Ivan Petrovich Orlov" and labels[sergei] == "Sergei Orlov"
    assert entity_of_name(store, "Ivan Petrovich Orlov") == {ivan}


def test_relink_a_files_new_version_takes_its_old_names_off_the_entities(db: str) -> None:
    # A corrected file no longer names Ivan Orlov "the sailor Orlov": his entity, whose other
    # profiles stay as they were, stops showing the name only the old version gave him.
    store = Store(db)
    add(store, "Ivan Petrovich Orlov was arrested in 1937.", "Ivan Petrovich Orlov")
    add(store, "Ivan Orlov, a sailor, was shot.", "Ivan Orlov", path="orlov.txt")
    (ivan,) = entity_of_name(store, "Ivan Petrovich Orlov")
    assert entity_of_name(store, "Ivan Orlov") == {ivan}
    add(store, "Gleb Bokii headed the special department.", "Gleb Bokii", path="orlov.txt")
    with store.session() as session:
        entity = session.get(EntityRow, ivan)
        assert "Ivan Orlov" not in entity.names and "Ivan Petrovich Orlov" in entity.names


COMPANY = "Ivan Sorokin, Pyotr Lebedev and Anna Grekova"


def test_relink_ingest_meets_a_stored_name_by_its_channel_key(db: str) -> None:
    # Mezhenov and a chapter's Megenov (ж read as a soft g) share no transliteration key; in
    # the same company ingest joins them as `kartoteka resolve` would, whichever came first
    store = Store(db)
    add(store, f"Nikolai Mezhenov met {COMPANY}.", "Nikolai Mezhenov", "Ivan Sorokin",
        "Pyotr Lebedev", "Anna Grekova")
    add(store, f"Megenov met {COMPANY}.", "Megenov", "Ivan Sorokin", "Pyotr Lebedev",
        "Anna Grekova")
    assert entity_of_name(store, "Megenov") == entity_of_name(store, "Nikolai Mezhenov")


def test_relink_a_channel_key_alone_joins_no_one(db: str) -> None:
    # the same two spellings in different company: the channel key only brings them together
    store = Store(db)
    add(store, f"Nikolai Mezhenov met {COMPANY}.", "Nikolai Mezhenov", "Ivan Sorokin",
        "Pyotr Lebedev", "Anna Grekova")
    add(store, "Megenov met Boris Zimin and Gleb Orekhov.", "Megenov", "Boris Zimin",
        "Gleb Orekhov")
    assert entity_of_name(store, "Megenov") != entity_of_name(store, "Nikolai Mezhenov")


def test_relink_incremental_bridge_joins_two_entities_as_the_neighbourhood_linker_does(
        new_db: Callable[[], str], monkeypatch) -> None:  # noqa: ANN001
    """Ivan Ivanovich Orlov and an Ivan Orlov born in 1894 are stored apart (as when they
    were linked in a larger collection, where a match is less likely); a full Ivan Ivanovich
    Orlov born in 1894 fits both and joins them, with the links the neighbourhood linker
    writes, and without handing them to it."""
    import kartoteka.relink as relink
    from kartoteka.relink import refresh_entities

    def held_apart(store: Store) -> None:
        with store.session() as session:
            row = session.query(ProfileRow).filter(ProfileRow.label == "Ivan Orlov").one()
            before, row.entity_id = row.entity_id, "p-apart"
            session.flush()
            refresh_entities(session, [before, "p-apart"])

    bridged = [("Ivan Ivanovich Orlov was arrested.", "Ivan Ivanovich Orlov", None),
               ("Ivan Orlov was born in 1894.", "Ivan Orlov", "1894"),
               ("Ivan Ivanovich Orlov was born in 1894.", "Ivan Ivanovich Orlov", "1894")]
    incremental, full = Store(new_db()), Store(new_db())
    for text, name, born in bridged[:2]:
        add(incremental, text, name, born=born)
        add(full, text, name, full=True, born=born)
    held_apart(incremental)
    held_apart(full)
    assert len(partition(full)) == 2
    handed: list[object] = []
    real = relink.resolve_profiles
    monkeypatch.setattr(relink, "resolve_profiles",
                        lambda *a, **k: handed.append(k.get("changed")) or real(*a, **k))
    text, name, born = bridged[2]
    add(incremental, text, name, born=born)
    assert handed == []
    add(full, text, name, full=True, born=born)
    assert partition(incremental) == partition(full)
    assert len(partition(incremental)) == 1

    def links(store: Store) -> set[tuple[str, str, str]]:
        with store.session() as session:
            return {(r.a, r.b, r.decision) for r in session.query(LinkRow)}

    assert links(incremental) == links(full)


def test_relink_incremental_bridge_moves_members_under_other_blocks_too(
        new_db: Callable[[], str]) -> None:
    """Two stored Orlov entities each hold a member under another block (as a curator's merge
    leaves them); a new profile that bridges the two joins them whole: no member keeps the
    id of the entity that was joined into the other."""
    from kartoteka.relink import refresh_entities

    store = Store(new_db())
    add(store, "Ivan Ivanovich Orlov was arrested.", "Ivan Ivanovich Orlov")
    add(store, "Ivan Orlov was born in 1894.", "Ivan Orlov", born="1894")
    add(store, "Gleb Bokii headed the special department.", "Gleb Bokii")
    add(store, "Yakov Agranov signed the order.", "Yakov Agranov")
    with store.session() as session:
        rows = {r.label: r for r in session.query(ProfileRow)}
        before = {r.entity_id for r in rows.values()}
        rows["Ivan Orlov"].entity_id = rows["Gleb Bokii"].entity_id = "p-apart"
        rows["Yakov Agranov"].entity_id = rows["Ivan Ivanovich Orlov"].entity_id
        session.flush()
        refresh_entities(session, before | {"p-apart"})
    assert len(partition(store)) == 2
    add(store, "Ivan Ivanovich Orlov was born in 1894.", "Ivan Ivanovich Orlov", born="1894")
    assert partition(store) == {frozenset({"Ivan Ivanovich Orlov", "Ivan Orlov", "Gleb Bokii",
                                           "Yakov Agranov"})}
    with store.session() as session:
        held = {r.entity_id for r in session.query(ProfileRow)}
        assert {e.id for e in session.query(EntityRow)} == held, [
            (e.id, e.kind, e.label) for e in session.query(EntityRow)]
