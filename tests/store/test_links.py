"""Stored links are what the linker last said of the profiles it scored."""

from types import SimpleNamespace

from kartoteka.store.links import save_links
from kartoteka.store.session import Store
from kartoteka.store.tables import LinkRow


def _link(a: str, b: str, p: float, decision: str) -> SimpleNamespace:
    return SimpleNamespace(a=a, b=b, probability=p, decision=decision, features={})


def _stored(store: Store) -> dict[tuple[str, str], str]:
    with store.session() as session:
        return {(r.a, r.b): r.decision for r in session.query(LinkRow)}


def test_links_a_review_item_the_linker_no_longer_returns_leaves_the_queue(db: str) -> None:
    store = Store(db)
    keys = {"k1", "k2", "k3", "k4"}
    with store.session() as session:
        save_links(session, [_link("k1", "k2", 0.97, "linked"), _link("k1", "k3", 0.6, "review"),
                             _link("k2", "k4", 0.7, "review")], keys)
    with store.session() as session:  # a new document moved k1 and k3 apart: not a candidate
        save_links(session, [_link("k1", "k2", 0.97, "linked"), _link("k2", "k4", 0.7, "review")],
                   keys)
    assert _stored(store) == {("k1", "k2"): "linked", ("k2", "k4"): "review"}


def test_links_a_reviewers_decision_stays_when_the_linker_is_silent(db: str) -> None:
    store = Store(db)
    keys = {"k1", "k2", "k3"}
    with store.session() as session:
        save_links(session, [_link("k1", "k2", 0.6, "must-link"),
                             _link("k1", "k3", 0.6, "cannot-link"),
                             _link("k2", "k3", 0.6, "review")], keys)
    with store.session() as session:
        save_links(session, [], keys)
    assert _stored(store) == {("k1", "k2"): "must-link", ("k1", "k3"): "cannot-link"}


def test_links_only_the_pairs_the_linker_scored_are_made_current(db: str) -> None:
    # The incremental linker scores a file's new profile (k9) against its neighbours; the
    # links among the neighbours it did not score, and those of profiles outside the keys,
    # stay as they were.
    store = Store(db)
    with store.session() as session:
        save_links(session, [_link("k1", "k2", 0.6, "review"), _link("k1", "k9", 0.6, "review"),
                             _link("k2", "k9", 0.6, "review"), _link("k5", "k9", 0.6, "review")],
                   {"k1", "k2", "k5", "k9"})
    with store.session() as session:
        save_links(session, [_link("k1", "k9", 0.95, "linked")], {"k1", "k2", "k9"},
                   compared=["k9"])
    assert _stored(store) == {("k1", "k2"): "review", ("k1", "k9"): "linked",
                              ("k5", "k9"): "review"}


def test_links_many_stale_links_of_many_profiles_are_all_dropped(db: str) -> None:
    # More ends than one IN (...) and more stale pairs than one OR of keys holds.
    keys = {f"k{n:05d}" for n in range(6001)}
    chain = [_link(f"k{n:05d}", f"k{n + 1:05d}", 0.6, "review") for n in range(6000)]
    store = Store(db)
    with store.session() as session:
        save_links(session, chain, keys)
    with store.session() as session:
        save_links(session, chain[::1000], keys)
    assert set(_stored(store)) == {(c.a, c.b) for c in chain[::1000]}


def test_links_migration_0009_indexes_the_second_end_of_a_stored_database(db: str) -> None:
    from alembic import command
    from sqlalchemy import inspect

    from kartoteka.store.session import _alembic_config

    store = Store(db)
    with store.session() as session:
        save_links(session, [_link("k1", "k2", 0.6, "review")], {"k1", "k2"})
    config = _alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0008")
        assert "ix_links_b" not in {i["name"] for i in inspect(connection).get_indexes("links")}
    store.close()
    store = Store(db)  # opening it upgrades it
    with store.engine.connect() as connection:
        assert "ix_links_b" in {i["name"] for i in inspect(connection).get_indexes("links")}
    assert _stored(store) == {("k1", "k2"): "review"}


def test_links_a_stored_review_item_under_the_candidate_floor_is_dropped(db: str) -> None:
    """A large collection's linker returns no pair under CANDIDATE_FLOOR: a review item stored
    for such a pair (scored higher before) leaves the queue, a reviewer's decision on one stays,
    and every pair the linker links or queues is stored."""
    from kartoteka.resolve.across import link_profiles
    from kartoteka.resolve.comparisons import load_prior
    from kartoteka.resolve.profile import Decisions
    from kartoteka.resolve.scoring import CANDIDATE_FLOOR, KnownModel
    from tests.resolve.test_scoring import _namesakes

    people = _namesakes()
    keys = {p.key for p in people}
    store = Store(db)
    with store.session() as session:
        save_links(session, [_link("p0", "p3", 0.6, "review"),
                             _link("p2", "p3", 0.6, "cannot-link")], keys)
    linkage = link_profiles(people, known=KnownModel(load_prior()["comparisons"], 1_000),
                            decisions=Decisions(cannot_link=frozenset({("p3", "p2")})))
    returned = {(p.a, p.b): p for p in linkage.pairs}
    assert ("p0", "p3") not in returned  # it scores under the floor now
    assert returned[("p2", "p3")].probability < CANDIDATE_FLOOR  # a reviewer's: returned
    with store.session() as session:
        save_links(session, linkage.pairs, keys)
    stored = _stored(store)
    assert ("p0", "p3") not in stored
    assert stored[("p2", "p3")] == "cannot-link"
    assert stored == {pair: p.decision for pair, p in returned.items()}
    assert any(p.decision in ("linked", "review") for p in returned.values())
    assert all(p.probability >= CANDIDATE_FLOOR for pair, p in returned.items()
               if pair != ("p2", "p3"))
