"""Across documents: a person named by given name and patronymic alone joins the one person of
its document's scene who bears them (``resolve.address_links``). Profiles are made up."""

from __future__ import annotations

from kartoteka.names.parse import parse_person_name
from kartoteka.resolve.address_links import address_join, is_address_form
from kartoteka.resolve.profile import Decisions, Profile


def prof(key: str, doc: str, label: str, **kw: object) -> Profile:
    name = parse_person_name(label)
    return Profile(key=key, document_id=doc, kind="person", label=label, names=[label],
                   surname=name.surname, given=name.given, patronymic=name.patronymic,
                   initials=name.initials, gender=name.gender, **kw)  # type: ignore[arg-type]


def test_address_form_joins_its_bearer_named_in_its_document() -> None:
    form = prof("f", "d2", "Josef Vissarionovich")
    clusters = {"stalin": [prof("a", "d1", "Joseph Vissarionovich Stalin"),
                           prof("b", "d2", "Stalin")],
                "yagoda": [prof("c", "d2", "Yagoda")]}
    found = address_join(form, clusters)
    assert found is not None and found.cluster == "stalin" and found.anchor == "b"
    assert found.evidence["forms"] == ["Josef Vissarionovich", "Joseph Vissarionovich Stalin"]
    assert found.evidence["scene"] == "Stalin"


def test_address_form_across_scripts() -> None:
    form = prof("f", "d2", "Лаврентий Павлович")
    clusters = {"beria": [prof("a", "d1", "Lavrenty Pavlovich Beria"), prof("b", "d2", "Берия")]}
    assert is_address_form(form)
    found = address_join(form, clusters)
    assert found is not None and found.cluster == "beria"


def test_address_form_patronymic_known_by_its_initial() -> None:
    form = prof("f", "d2", "Iosif Vissarionovich")
    clusters = {"stalin": [prof("a", "d1", "Иосиф Сталин"), prof("c", "d3", "И. В. Сталин"),
                           prof("b", "d2", "Stalin")]}
    found = address_join(form, clusters)
    assert found is not None and found.evidence["patronymic"] == "by its initial"
    # the initials alone, with no given name in full, say too little
    clusters = {"stalin": [prof("c", "d3", "И. В. Сталин"), prof("b", "d2", "Stalin")]}
    assert address_join(form, clusters) is None


def test_address_form_needs_the_bearer_in_its_scene() -> None:
    form = prof("f", "d2", "Nikolai Ivanovich")
    clusters = {"yezhov": [prof("a", "d1", "Nikolai Ivanovich Yezhov")],
                "frinovsky": [prof("b", "d2", "Frinovsky")]}
    assert address_join(form, clusters) is None


def test_address_form_between_two_bearers_joins_neither() -> None:
    form = prof("f", "d2", "Nikolai Ivanovich")
    clusters = {"yezhov": [prof("a", "d1", "Nikolai Ivanovich Yezhov"), prof("b", "d2", "Yezhov")],
                "bukharin": [prof("c", "d3", "Nikolai Ivanovich Bukharin"),
                             prof("d", "d2", "Bukharin")]}
    assert address_join(form, clusters) is None
    # a namesake the document does not name is no candidate: the scene's one is meant
    del clusters["bukharin"][1]
    found = address_join(form, clusters)
    assert found is not None and found.cluster == "yezhov"


def test_address_form_refused_on_a_conflict() -> None:
    form = prof("f", "d2", "Anna Ivanovna")
    male = {"orlov": [prof("a", "d1", "Ivan Ivanovich Orlov"), prof("b", "d2", "Orlov")]}
    assert address_join(form, male) is None
    form = prof("f", "d2", "Nikolai Ivanovich")
    other_father = {"orlov": [prof("a", "d1", "Nikolai Petrovich Orlov"),
                              prof("b", "d2", "Orlov")]}
    assert address_join(form, other_father) is None
    bearer = {"orlov": [prof("a", "d1", "Nikolai Ivanovich Orlov"), prof("b", "d2", "Orlov")]}
    assert address_join(form, bearer) is not None
    assert address_join(form, bearer, Decisions(cannot_link=frozenset({("a", "f")}))) is None


def test_address_form_its_document_kept_apart_from_the_full_name() -> None:
    # the document names Nikolai Ivanovich Orlov in full and a Nikolai Ivanovich its grouping
    # did not take for him: two people to it
    form = prof("f", "d2", "Nikolai Ivanovich")
    clusters = {"orlov": [prof("a", "d1", "Orlov"), prof("b", "d2", "Nikolai Ivanovich Orlov")]}
    assert address_join(form, clusters) is None


def test_address_form_needs_a_full_given_name_and_patronymic() -> None:
    assert not is_address_form(prof("f", "d2", "Nikolai"))
    assert not is_address_form(prof("f", "d2", "N. I."))
    assert not is_address_form(prof("f", "d2", "Nikolai I."))
    assert not is_address_form(prof("f", "d2", "Nikolai Ivanovich Orlov"))
    assert is_address_form(prof("f", "d2", "Николай Иванович"))


def test_address_form_in_russian_beside_a_record_order_full_name() -> None:
    form = prof("f", "d2", "Лаврентий Павлович")
    clusters = {"beria": [prof("a", "d1", "Берия Лаврентий Павлович"), prof("b", "d2", "Берия")]}
    found = address_join(form, clusters)
    assert found is not None and found.evidence["patronymic"] == "in full"
