"""The rows a curator's decision changes, written by the store (kartoteka.store.curation)."""

from sqlalchemy import select

from kartoteka.store import curation
from kartoteka.store.session import Store
from kartoteka.store.tables import AuthorityLinkRow, ClaimRow, ProfileRow
from tests.helpers import entity_of_name, hand_extraction, store_extraction


def _two_people(db: str) -> tuple[Store, str, str]:
    store = Store(db)
    store_extraction(store, hand_extraction(
        "Genrikh Yagoda was arrested in 1937.", [("Genrikh Yagoda", "person", None)],
        [("arrest", "Genrikh Yagoda", "1937")]))
    store_extraction(store, hand_extraction(
        "Genrikh Lyushkov defected.", [("Genrikh Lyushkov", "person", None)]))
    (yagoda,), (lyushkov,) = (entity_of_name(store, "Genrikh Yagoda"),
                              entity_of_name(store, "Genrikh Lyushkov"))
    return store, yagoda, lyushkov


def test_curation_swap_entity_ids_exchanges_the_profiles(db: str) -> None:
    store, yagoda, lyushkov = _two_people(db)
    with store.session() as session:
        keys = curation.profile_keys_of(session, yagoda)
        assert curation.main_entity_of(session, keys) == yagoda
        curation.swap_entity_ids(session, yagoda, lyushkov)
        assert curation.main_entity_of(session, keys) == lyushkov
        assert curation.profile_keys_of(session, yagoda) != keys
        assert curation.profile_keys_of(session, "nobody") == []


def test_curation_authority_decisions_and_their_undo(db: str) -> None:
    store, yagoda, _ = _two_people(db)
    with store.session() as session:
        keys = curation.profile_keys_of(session, yagoda)
        assert curation.authority_anchor(session, keys, "memorial", "7") == keys[0]
        curation.write_authority_decisions(session, {(keys[0], "memorial", "7"): True})
        row = session.get(AuthorityLinkRow, (keys[0], "memorial", "7"))
        assert row is not None and row.decision == "linked" and row.features == {"by": "hand"}
        curation.write_authority_decisions(session, {(keys[0], "memorial", "7"): False})
        assert session.get(AuthorityLinkRow, (keys[0], "memorial", "7")).decision == "rejected"
        curation.drop_hand_authority_link(session, keys[0], "memorial", "7")
        session.flush()
        assert session.get(AuthorityLinkRow, (keys[0], "memorial", "7")) is None


def test_curation_restore_claim_puts_fields_back(db: str) -> None:
    store, _, _ = _two_people(db)
    with store.session() as session:
        claim = session.scalars(select(ClaimRow)).first()
        assert claim is not None and claim.date == "1937"
        claim.status, claim.date = "accepted", "1938"
        curation.restore_claim(session, claim.id, {"date": "1937"}, reset_status=True)
        assert (claim.status, claim.date) == ("proposed", "1937")
        curation.restore_claim(session, "no-such-claim", {"date": "1"}, reset_status=True)
        assert session.scalars(select(ProfileRow)).first() is not None
