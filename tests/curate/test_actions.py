"""Human decisions: recorded append-only, undoable, and kept through re-resolution."""

from pathlib import Path

import pytest

from kartoteka.curate.actions import (
    CurationError,
    merge_entities,
    set_claim_status,
    split_entity,
    undo,
)
from kartoteka.curate.edits import all_edits
from kartoteka.relink import resolve_profiles
from kartoteka.store.session import Store
from kartoteka.store.tables import ClaimRow, EditRow, ProfileRow
from tests.helpers import entity_of_name, hand_extraction, store_extraction


@pytest.fixture
def two_people(db_path: Path) -> Store:
    store = Store(db_path)
    store_extraction(store, hand_extraction(
        "Artur Artuzov was shot in 1937.", [("Artur Artuzov", "person", None)],
        [("execution", "Artur Artuzov", "1937")]))
    store_extraction(store, hand_extraction(
        "Jan Berzin was shot in 1938.", [("Jan Berzin", "person", None)],
        [("execution", "Jan Berzin", "1938")]))
    return store


def only(ids: set[str]) -> str:
    assert len(ids) == 1
    return next(iter(ids))


def test_actions_merge_then_undo_restores_both(two_people: Store) -> None:
    a = only(entity_of_name(two_people, "Artur Artuzov"))
    b = only(entity_of_name(two_people, "Jan Berzin"))
    with two_people.session() as session:
        edit = merge_entities(session, a, b, user="tester")
    assert entity_of_name(two_people, "Artur Artuzov") == entity_of_name(two_people,
                                                                         "Jan Berzin")
    with two_people.session() as session:
        undo(session, edit.id, user="tester")
    assert only(entity_of_name(two_people, "Artur Artuzov")) != only(
        entity_of_name(two_people, "Jan Berzin"))
    with two_people.session() as session:
        assert [e.action for e in all_edits(session)] == ["merge", "undo"]


def test_actions_merge_survives_reresolution(two_people: Store) -> None:
    a = only(entity_of_name(two_people, "Artur Artuzov"))
    b = only(entity_of_name(two_people, "Jan Berzin"))
    with two_people.session() as session:
        merge_entities(session, a, b, user="tester")
    with two_people.session() as session:
        resolve_profiles(session)
    assert entity_of_name(two_people, "Artur Artuzov") == entity_of_name(two_people,
                                                                         "Jan Berzin")


def test_actions_split_is_kept_against_a_perfect_name_match(db_path: Path) -> None:
    store = Store(db_path)
    store_extraction(store, hand_extraction(
        "Ivan Orlov was a sailor.", [("Ivan Orlov", "person", None)]))
    store_extraction(store, hand_extraction(
        "Ivan Orlov was a painter.", [("Ivan Orlov", "person", None)]))
    eid = only(entity_of_name(store, "Ivan Orlov"))
    with store.session() as session:
        keys = [p.key for p in session.query(ProfileRow).filter(ProfileRow.entity_id == eid)]
        split_entity(session, eid, keys[:1], user="tester")
    assert len(entity_of_name(store, "Ivan Orlov")) == 2
    with store.session() as session:
        resolve_profiles(session)
    assert len(entity_of_name(store, "Ivan Orlov")) == 2


def test_actions_rejected_claim_stays_rejected_after_reresolution(two_people: Store) -> None:
    with two_people.session() as session:
        claim = session.query(ClaimRow).first()
        set_claim_status(session, claim.id, "rejected", user="tester")
    with two_people.session() as session:
        resolve_profiles(session)
        assert session.get(ClaimRow, claim.id).status == "rejected"


def test_actions_refuse_unknown_targets(two_people: Store) -> None:
    with two_people.session() as session, pytest.raises(CurationError):
        merge_entities(session, "nope", "nada", user="tester")
    with two_people.session() as session:
        assert session.query(EditRow).count() == 0


def test_actions_merge_and_rejection_survive_a_new_document(db_path: Path) -> None:
    """A hand merge of two names the model would never join (a birth name) holds when a new
    document mentions one of them; a rejected claim stays rejected."""
    store = Store(db_path)
    store_extraction(store, hand_extraction(
        "Artuzov was shot in 1937.", [("Artuzov", "person", None)],
        [("execution", "Artuzov", "1937")]))
    store_extraction(store, hand_extraction(
        "Artur Frauchi studied in Petersburg.", [("Artur Frauchi", "person", None)]))
    a, b = only(entity_of_name(store, "Artuzov")), only(entity_of_name(store, "Artur Frauchi"))
    assert a != b
    with store.session() as session:
        merge_entities(session, a, b, user="tester")
        claim = session.query(ClaimRow).first()
        set_claim_status(session, claim.id, "rejected", user="tester")
    store_extraction(store, hand_extraction(
        "Artur Frauchi was born in 1891.", [("Artur Frauchi", "person", None)]))
    assert len(entity_of_name(store, "Artuzov") | entity_of_name(store, "Artur Frauchi")) == 1
    with store.session() as session:
        assert session.get(ClaimRow, claim.id).status == "rejected"


def test_actions_a_later_split_overrides_an_earlier_merge(two_people: Store
                                                                      ) -> None:
    a = only(entity_of_name(two_people, "Artur Artuzov"))
    b = only(entity_of_name(two_people, "Jan Berzin"))
    with two_people.session() as session:
        merge_entities(session, a, b, user="tester")
    merged = only(entity_of_name(two_people, "Artur Artuzov"))
    with two_people.session() as session:
        keys = [p.key for p in session.query(ProfileRow).filter(ProfileRow.entity_id == merged)]
        split_entity(session, merged, keys[:1], user="tester")
    assert len(entity_of_name(two_people, "Artur Artuzov") | entity_of_name(
        two_people, "Jan Berzin")) == 2


def test_actions_merge_and_undo_keep_each_persons_id(two_people: Store) -> None:
    a = only(entity_of_name(two_people, "Artur Artuzov"))
    b = only(entity_of_name(two_people, "Jan Berzin"))
    with two_people.session() as session:
        edit = merge_entities(session, b, a, user="tester")
    assert entity_of_name(two_people, "Artur Artuzov") == {b}
    with two_people.session() as session:
        undo(session, edit.id, user="tester")
    assert entity_of_name(two_people, "Artur Artuzov") == {a}
    assert entity_of_name(two_people, "Jan Berzin") == {b}
