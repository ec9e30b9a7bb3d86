"""Cross-document entities in the store: profiles linked, decisions honoured, ids kept."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from kartoteka.relink import resolve_profiles
from kartoteka.store.session import Store
from kartoteka.store.tables import EntityRow
from tests.helpers import entity_of_name, hand_extraction, store_extraction


def _counting_store(path: Path) -> tuple[Store, list[object], Callable[[str], object]]:
    """A new engine on ``path`` whose JSON decoding counts what it decodes (set before its
    first use), the list it counts into, and the counting decoder."""
    decoded: list[object] = []

    def counting(text: str) -> object:
        decoded.append(value := json.loads(text))
        return value

    store = Store(path)
    store.engine.dialect._json_deserializer = counting
    return store, decoded, counting


def test_entities_join_one_person_across_documents_and_scripts(db: str) -> None:
    store = Store(db)
    store_extraction(store, hand_extraction(
        "Nikolai Yezhov was arrested in 1939.", [("Nikolai Yezhov", "person", None)],
        [("arrest", "Nikolai Yezhov", "1939")]))
    store_extraction(store, hand_extraction(
        "Ежов Николай Иванович расстрелян в 1940 году.",
        [("Ежов Николай Иванович", "person", "Ежов Николай Иванович")],
        [("execution", "Ежов Николай Иванович", "1940")], language="ru"))
    latin, cyrillic = entity_of_name(store, "Nikolai Yezhov"), entity_of_name(
        store, "Ежов Николай Иванович")
    assert len(latin) == 1 and latin == cyrillic


def test_entities_keep_two_people_with_one_given_name_apart(db: str) -> None:
    store = Store(db)
    store_extraction(store, hand_extraction(
        "Genrikh Yagoda was arrested.", [("Genrikh Yagoda", "person", None)]))
    store_extraction(store, hand_extraction(
        "Genrikh Lyushkov defected.", [("Genrikh Lyushkov", "person", None)]))
    assert entity_of_name(store, "Genrikh Yagoda") != entity_of_name(store, "Genrikh Lyushkov")


def test_entities_organisations_share_one_entity_by_name(db: str) -> None:
    store = Store(db)
    store_extraction(store, hand_extraction("The NKVD grew.", [("NKVD", "organization", None)]))
    store_extraction(store, hand_extraction("The NKVD shot many.",
                                            [("NKVD", "organization", None)]))
    with store.session() as session:
        orgs = session.query(EntityRow).filter(EntityRow.kind == "organization").all()
    assert len(orgs) == 1


def test_entities_ids_survive_a_full_reresolution(db: str) -> None:
    store = Store(db)
    store_extraction(store, hand_extraction(
        "Matvei Berman headed the camps. Berman was shot.", [("Matvei Berman", "person", None)]))
    store_extraction(store, hand_extraction(
        "Matvei Berman was arrested in 1938.", [("Matvei Berman", "person", None)]))
    before = entity_of_name(store, "Matvei Berman")
    with store.session() as session:
        resolve_profiles(session)
    assert entity_of_name(store, "Matvei Berman") == before


def test_entities_spellings_with_different_likeliest_readings_still_meet(db: str) -> None:
    """Ulrich (first read as Ульрич) and Ulrikh (Ульрих) are stored under different blocks;
    whichever comes second still finds the other."""
    store = Store(db)
    store_extraction(store, hand_extraction(
        "Ivan Ulrich presided over the court.", [("Ivan Ulrich", "person", None)]))
    store_extraction(store, hand_extraction(
        "Ivan Ulrikh signed the sentence.", [("Ivan Ulrikh", "person", None)]))
    assert entity_of_name(store, "Ivan Ulrich") == entity_of_name(store, "Ivan Ulrikh")


def test_entities_refresh_reads_the_name_parts_not_each_profiles_json(tmp_path) -> None:  # noqa: ANN001
    # An entity named in many statements is rebuilt each time one more joins it: what it
    # shows (the fullest name for a label) comes from the name parts the database reads out
    # of each profile's JSON, not from decoding every member's whole profile again.

    from kartoteka.relink import refresh_entities
    from kartoteka.store.tables import ProfileRow

    store = Store(tmp_path / "k.db")
    store_extraction(store, hand_extraction(
        "Yezhov was arrested.", [("Yezhov", "person", None)]))
    store_extraction(store, hand_extraction(
        "Nikolai Yezhov was arrested in 1939.", [("Nikolai Yezhov", "person", None)]))
    entity = entity_of_name(store, "Nikolai Yezhov")
    assert entity == entity_of_name(store, "Yezhov")
    store, decoded, _ = _counting_store(tmp_path / "k.db")
    with store.session() as session:
        session.query(EntityRow).update({EntityRow.label: "?"})
        refresh_entities(session, entity)
        assert session.get(EntityRow, next(iter(entity))).label == "Nikolai Yezhov"
        assert session.query(ProfileRow).filter(ProfileRow.entity_id.in_(entity)).count() == 2
    # the only documents decoded are the entity's own summary, never a profile's fields
    assert decoded and all(set(v) == {"count", "names", "best", "genders"}
                           for v in decoded if isinstance(v, dict))


def test_entities_save_links_rewrites_only_the_links_that_changed(db: str) -> None:
    # Relinking a neighbourhood scores every pair in it again; a link whose probability,
    # decision and features are the stored ones is not written again, a changed one is.
    from types import SimpleNamespace

    from sqlalchemy import event

    from kartoteka.store.links import save_links
    from kartoteka.store.tables import LinkRow

    def link(a: str, b: str, p: float, decision: str) -> SimpleNamespace:
        return SimpleNamespace(a=a, b=b, probability=p, decision=decision,
                               features={"surname": {"level": "exact", "weight": 3.5}})

    store = Store(db)
    keys = {"k1", "k2", "k3"}
    with store.session() as session:
        save_links(session, [link("k1", "k2", 0.97, "linked"), link("k1", "k3", 0.4, "review")],
                   keys)
    updates: list[object] = []  # a row's parameters an UPDATE writes

    def count(_conn, _cursor, statement, parameters, _context, many) -> None:  # noqa: ANN001
        if statement.lstrip().upper().startswith("UPDATE"):
            updates.extend(parameters if many else [parameters])

    event.listen(store.engine, "before_cursor_execute", count)
    with store.session() as session:
        save_links(session, [link("k1", "k2", 0.97, "linked"), link("k1", "k3", 0.6, "review")],
                   keys)
    with store.session() as session:
        stored = {(r.a, r.b): (r.probability, r.features) for r in session.query(LinkRow)}
    assert len(updates) == 1  # the one whose probability moved
    assert stored[("k1", "k3")][0] == 0.6 and stored[("k1", "k2")][0] == 0.97
    assert stored[("k1", "k2")][1] == {"surname": {"level": "exact", "weight": 3.5}}


def test_entities_refresh_reads_alike_profiles_once(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    # An organisation named in every statement has a profile a statement, nearly all alike:
    # rebuilding it each time one more joins must not read (and decode) every one of them.

    import kartoteka.store.entities as entities
    from kartoteka.relink import refresh_entities

    store = Store(tmp_path / "k.db")
    for n in range(6):
        store_extraction(store, hand_extraction(f"The NKVD arrested {n} men.",
                                                [("NKVD", "organization", None)]))
    (entity,) = entity_of_name(store, "NKVD")
    store, decoded, counting = _counting_store(tmp_path / "k.db")
    monkeypatch.setattr(entities, "json", type("J", (), {"loads": staticmethod(counting),
                                                          "dumps": staticmethod(json.dumps)}))
    with store.session() as session:
        session.query(EntityRow).update({EntityRow.label: "?", EntityRow.names: []})
        refresh_entities(session, [entity])
        row = session.get(EntityRow, entity)
        assert (row.label, row.names) == ("NKVD", ["NKVD"])
    # the alike profiles' names once, and the entity's own, not each of the six profiles'
    assert decoded.count(["NKVD"]) <= 2


def test_entities_refresh_shows_what_each_profile_would(db: str) -> None:
    """Label, names and gender of an entity from alike and different profiles: the fullest
    label first stored, names in key order, the commonest gender (the first stored on a tie),
    a name given by hand over all."""
    from collections import Counter

    from sqlalchemy import select

    from kartoteka.store.entities import refresh_entities
    from kartoteka.store.tables import ProfileRow

    store = Store(db)
    texts = [("Ivan Orlov was arrested.", "Ivan Orlov"), ("Ivan Orlov was shot.", "Ivan Orlov"),
             ("Orlov was tried.", "Orlov"), ("Ivan Orlof was freed.", "Ivan Orlof"),
             ("Иван Орлов умер.", "Иван Орлов"), ("Ivan Orlof was shot.", "Ivan Orlof")]
    for text, name in texts:
        store_extraction(store, hand_extraction(text, [(name, "person", None)]))
    with store.session() as session:
        rows = list(session.scalars(select(ProfileRow).where(ProfileRow.kind == "person")
                                    .order_by(ProfileRow.document_id)))
        for row, gender in zip(rows, ["m", "f", None, "f", "m", None], strict=True):
            row.entity_id, row.gender = "e1", gender
        session.flush()
        # stored order: SQLite's rowid; PostgreSQL keeps none, so the keys' order
        in_order = sorted(rows, key=lambda r: r.key)
        if store.engine.dialect.name == "sqlite":
            by_key = {r.key: r for r in rows}
            in_order = [by_key[k] for (k,) in session.execute(select(ProfileRow.key).where(
                ProfileRow.entity_id == "e1").order_by(literal_rowid()))]
        names: list[str] = []
        for r in sorted(rows, key=lambda r: r.key):
            for n in [*r.names, r.label]:
                if n and n not in names:
                    names.append(n)
        genders = Counter(r.gender for r in in_order if r.gender)
        fullest = max(in_order, key=lambda r: (sum(bool((r.data or {}).get(p)) for p in (
            "given", "patronymic", "surname")), r.label.isascii(), len(r.names), -len(r.label)))
        refresh_entities(session, ["e1"])
        entity = session.get(EntityRow, "e1")
        assert (entity.label, entity.names, entity.gender) == (
            fullest.label, names, genders.most_common(1)[0][0])
        refresh_entities(session, ["e1"], {rows[2].key: "Orlov (by hand)"})
        assert session.get(EntityRow, "e1").label == "Orlov (by hand)"


def literal_rowid():  # noqa: ANN201
    from sqlalchemy import literal_column

    return literal_column("rowid")
