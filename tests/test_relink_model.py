"""``kartoteka resolve`` stores the person model it linked with, and ingest links with it:
reviewers' merges and splits reach the next ingest through it."""

from __future__ import annotations

from collections.abc import Callable

from kartoteka.curate.edits import record_edit
from kartoteka.relink import resolve_profiles
from kartoteka.resolve.incremental import frequency_values
from kartoteka.resolve.learning import MIN_LABELLED_PAIRS
from kartoteka.resolve.profile import Profile
from kartoteka.store.linkage_model import PERSON, save_model, stored_model
from kartoteka.store.session import Store
from kartoteka.store.tables import LinkRow
from tests.test_relink import add

# Common Russian surnames: one made-up person each, named in full in one document and by an
# initial in another.
SURNAMES = ["Petrov", "Sidorov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Sokolov",
            "Mikhailov", "Novikov", "Fedorov", "Morozov", "Volkov", "Alekseev", "Lebedev",
            "Semenov", "Egorov", "Pavlov", "Kozlov", "Stepanov", "Nikolaev", "Orlov", "Andreev",
            "Makarov", "Nikitin"]
DECIDED = MIN_LABELLED_PAIRS + 2


def collection(db: str, action: str | None) -> Store:
    """The people ingested; reviewers merge (or split) the first DECIDED of them; then
    ``kartoteka resolve``. The pairs of profiles are kept on the store, as ``pairs``."""
    store = Store(db)
    pairs = [(add(store, f"Ivan {s} was arrested.", f"Ivan {s}")[0],
              add(store, f"I. {s} was shot.", f"I. {s}")[0]) for s in SURNAMES]
    with store.session() as session:
        for full, initial in pairs[:DECIDED] if action else ():
            payload = ({"profiles_a": [full], "profiles_b": [initial]} if action == "merge"
                       else {"moved": [initial], "kept": [full]})
            record_edit(session, user="reviewer", action=action, target=full, payload=payload)
        resolve_profiles(session)
    store.pairs = pairs  # type: ignore[attr-defined]
    return store


def new_pair(store: Store) -> LinkRow:
    """A person not seen before, ingested in two documents: the link ingest scored."""
    (full,) = add(store, "Ivan Zakharov was a clerk.", "Ivan Zakharov")
    (initial,) = add(store, "I. Zakharov was released.", "I. Zakharov")
    with store.session() as session:
        row = session.get(LinkRow, tuple(sorted((full, initial))))
        assert row is not None
        session.expunge(row)
        return row


def test_relink_model_resolve_stores_it_and_ingest_scores_with_its_m(
        new_db: Callable[[], str]) -> None:
    plain, merged = collection(new_db(), None), collection(new_db(), "merge")
    with plain.session() as session:
        prior = stored_model(session)
    with merged.session() as session:
        learnt = stored_model(session)
    assert prior is not None and learnt is not None
    assert prior.profiles == learnt.profiles == 2 * len(SURNAMES)
    assert prior.model["learnt"] == [] and learnt.model["learnt"] == ["m"]
    assert learnt.model["accepted"] == DECIDED
    m = learnt.model["comparisons"]["given"]["initial"][0]
    assert m > prior.model["comparisons"]["given"]["initial"][0]
    # The same pair ingested into both: the merges' m makes it likelier where they were made.
    assert new_pair(merged).probability > new_pair(plain).probability
    with plain.session() as session:  # the next resolve replaces the stored model
        resolve_profiles(session)
        again = stored_model(session)
    assert again is not None and again.profiles == prior.profiles + 2
    assert again.computed_at >= prior.computed_at


def test_relink_model_rejections_reach_ingest_through_the_threshold(
        new_db: Callable[[], str]) -> None:
    plain, split = collection(new_db(), None), collection(new_db(), "split")
    with split.session() as session:
        model = stored_model(session)
    assert model is not None and model.model["learnt"] == ["threshold"]
    assert model.model["rejected"] == DECIDED and model.link_threshold > 0.9
    assert new_pair(plain).decision == "linked"
    after = new_pair(split)
    # Above the default line, but no more evidence than the refused pairs had: reviewed.
    assert after.decision == "review" and after.probability > 0.9
    undecided = sorted(split.pairs[-1])  # type: ignore[attr-defined]
    with split.session() as session:  # the neighbourhood linker keeps the learnt line too
        resolve_profiles(session, changed=undecided)
        assert session.get(LinkRow, tuple(undecided)).decision == "review"
    with split.session() as session:  # human decisions hold through it all
        split_pairs = session.query(LinkRow).filter(LinkRow.decision == "cannot-link").count()
    assert split_pairs == DECIDED


def test_relink_model_ingest_weighs_names_by_the_stored_frequencies(
        new_db: Callable[[], str]) -> None:
    """A model trained on a large collection (stored here as a resolve of 5,000 profiles
    would store it) weighs a shared name by how common the collection found it."""
    names = [Profile(key=k, document_id=k, kind="person", label=label, names=[label],
                     surname="Zakharov", given=given, initials=initials)
             for k, label, given, initials in (("f", "Ivan Zakharov", "Ivan", ()),
                                               ("i", "I. Zakharov", None, ("I.",)))]
    scored = {}
    for frequency in (0.05, 1e-5):
        store = Store(new_db())
        with store.session() as session:
            save_model(session, PERSON, settings={}, model={"trained": True},
                       link_threshold=0.9, profiles=5000, term_frequencies={
                           column: dict.fromkeys(values, frequency)
                           for column, values in frequency_values(names).items()})
        scored[frequency] = new_pair(store).probability
    assert scored[0.05] < scored[1e-5]


def test_relink_model_from_other_comparison_levels_is_not_read_a_level_off(
        new_db: Callable[[], str]) -> None:
    """A model stored by a version with a surname level fewer (Splink's settings give levels
    by position): ingest scores with the prior, as if none were stored, rather than reading
    each m and u one level off, or failing on the level the old model lacks."""
    from kartoteka.resolve.comparisons import LEVELS, load_prior

    prior = load_prior()["comparisons"]
    older = {name: {level: mu for level, mu in prior[name].items()
                    if (name, level) != ("surname", LEVELS["surname"][-2])} for name in prior}
    levels = [{"is_null_level": True}] + [{"m_probability": 0.01, "u_probability": 0.9}] * (
        len(LEVELS["surname"]) - 1)
    none, old = Store(new_db()), Store(new_db())
    with old.session() as session:
        save_model(session, PERSON, link_threshold=0.9, profiles=48, term_frequencies={},
                   settings={"comparisons": [{"output_column_name": "surname",
                                              "comparison_levels": levels}]},
                   model={"comparisons": older, "trained": False, "learnt": []})
    assert new_pair(old).probability == new_pair(none).probability
