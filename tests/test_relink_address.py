"""Stored address forms (given name and patronymic alone) join their bearer whichever document
comes first, and stay with him when a relink reads his entity again (``relink.address``)."""

from __future__ import annotations

from kartoteka.relink import resolve_profiles
from kartoteka.store.session import Store
from kartoteka.store.tables import LinkRow
from tests.helpers import entity_of_name
from tests.test_relink import add

FULL = ("Iosif Vissarionovich Stalin was born in Gori.", "Iosif Vissarionovich Stalin")
SCENE = ("Stalin looked up. 'Certainly, Joseph Vissarionovich,' Frinovsky said.",
         "Stalin", "Joseph Vissarionovich", "Frinovsky")


def test_relink_address_form_joins_a_bearer_stored_before(db: str) -> None:
    store = Store(db)
    add(store, *FULL)
    add(store, *SCENE)
    stalin = entity_of_name(store, "Iosif Vissarionovich Stalin")
    assert entity_of_name(store, "Joseph Vissarionovich") == stalin
    assert entity_of_name(store, "Frinovsky") != stalin
    with store.session() as session:
        rules = [link.features.get("rule") for link in session.query(LinkRow)]
    assert "given name and patronymic named beside their bearer" in rules


def test_relink_address_form_waits_for_its_bearer(db: str) -> None:
    store = Store(db)
    add(store, *SCENE)
    assert entity_of_name(store, "Joseph Vissarionovich") != entity_of_name(store, "Stalin")
    keys = add(store, *FULL)
    stalin = entity_of_name(store, "Iosif Vissarionovich Stalin")
    assert entity_of_name(store, "Joseph Vissarionovich") == stalin
    # a relink of the bearer's neighbourhood leaves the form with him
    with store.session() as session:
        resolve_profiles(session, changed=keys)
    assert entity_of_name(store, "Joseph Vissarionovich") == stalin


def test_relink_address_form_with_no_bearer_in_its_scene_stays_alone(db: str) -> None:
    store = Store(db)
    add(store, *FULL)
    add(store, "'Certainly, Joseph Vissarionovich,' Frinovsky said.",
        "Joseph Vissarionovich", "Frinovsky")
    assert entity_of_name(store, "Joseph Vissarionovich") != entity_of_name(
        store, "Iosif Vissarionovich Stalin")
