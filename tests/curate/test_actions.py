"""Human decisions: recorded append-only, undoable, and kept through re-resolution."""

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kartoteka.curate.actions import (
    CurationError,
    EditConflict,
    merge_entities,
    set_claim_status,
    split_entity,
    undo,
)
from kartoteka.curate.edits import all_edits, edit_states
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


def test_actions_concurrent_undos_give_one_success(two_people: Store, db_path: Path) -> None:
    """Eight workers (each its own engine) undo one edit at the same moment."""
    a = only(entity_of_name(two_people, "Artur Artuzov"))
    b = only(entity_of_name(two_people, "Jan Berzin"))
    with two_people.session() as session:
        edit_id = merge_entities(session, a, b, user="tester").id
    workers = [Store(db_path) for _ in range(8)]
    start = threading.Barrier(len(workers))

    def race(store: Store) -> str:
        start.wait()
        try:
            with store.session() as session:
                undo(session, edit_id, user="racer")
            return "done"
        except EditConflict:
            return "conflict"

    with ThreadPoolExecutor(len(workers)) as pool:
        results = list(pool.map(race, workers))
    for store in workers:
        store.close()
    assert sorted(results) == ["conflict"] * 7 + ["done"]
    with two_people.session() as session:
        undos = [e for e in all_edits(session) if e.action == "undo"]
        assert [(e.reverts, e.undo_round) for e in undos] == [(edit_id, 0)]


def test_actions_undo_of_an_undo_follows_the_same_rule(two_people: Store) -> None:
    a = only(entity_of_name(two_people, "Artur Artuzov"))
    b = only(entity_of_name(two_people, "Jan Berzin"))
    with two_people.session() as session:
        merge = merge_entities(session, a, b, user="tester")
        first = undo(session, merge.id, user="tester")
        redo = undo(session, first.id, user="tester")  # the merge is in force again
        with pytest.raises(EditConflict):
            undo(session, first.id, user="tester")  # that undo is already undone
        states = edit_states(all_edits(session))
        assert states[merge.id] and not states[first.id] and states[redo.id]
        again = undo(session, merge.id, user="tester")  # a second round of undoing the merge
        assert again.undo_round == 1
    assert only(entity_of_name(two_people, "Artur Artuzov")) != only(
        entity_of_name(two_people, "Jan Berzin"))


def test_actions_undo_of_an_unknown_or_huge_id_is_refused(two_people: Store) -> None:
    with two_people.session() as session:
        for edit_id in (10**30, 0, 12345):
            with pytest.raises(CurationError, match="no edit"):
                undo(session, edit_id, user="tester")
