"""Authority links in the store as ingest decides them: a document that joins an entity later
re-decides the links of the entity's older profiles, so the order of ingest does not change
them, and a curator's decision holds for the whole person (a made-up list: fast)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kartoteka.curate.actions import link_authority
from kartoteka.pipeline import analyse, block_keys, link_new
from kartoteka.relink.authority import import_records
from kartoteka.resolve.authority import AuthorityRecord
from kartoteka.store.session import Store
from kartoteka.store.tables import AuthorityLinkRow, AuthorityRecordRow, DocumentRow, ProfileRow
from kartoteka.store.writer import write_extraction
from tests.helpers import hand_extraction

# Made-up people: Zayonchikov alone in the list, a commissar of justice born in 1890.
RECORDS = [
    AuthorityRecord("t", "1", "Зайончиков Яков Ильич", 1890, 1938,
                    {"execution_date": "1938-03-15", "occupation": "нарком юстиции РСФСР"}),
    AuthorityRecord("t", "2", "Зайончиков Петр Ильич", 1901, 1937,
                    {"execution_date": "1937-10-02", "occupation": "рабочий"}),
]
# The list stands for one of Memorial's size (the chance that a text's person is a given record
# is the real list's): filler records, each in a block of its own made-up surname.
FILLER = 11788 - len(RECORDS)
BARE = "Yakov Zayonchikov was taken from his flat at night."
POST = "Yakov Zayonchikov, People's Commissar of Justice, was born in 1890."


def store_list(store: Store) -> None:
    with store.session(write=True) as session:
        import_records(session, RECORDS)
        session.add_all(AuthorityRecordRow(source="t", record_id=f"f{i}", name=f"Ф{i} Иван",
                                           block_key=f"zz{i}", data={}) for i in range(FILLER))


def add(store: Store, text: str) -> None:
    """Store a hand-made document about Yakov Zayonchikov and link it as ingest does; the second
    text says his post (a claim with a role) and his year of birth."""
    name = "Yakov Zayonchikov"
    claims = [("birth", name, "1890"), ("position", name, None)] if "born" in text else []
    extraction = hand_extraction(text, [(name, "person", None)], claims)
    extraction = replace(extraction, claims=[
        replace(c, role="People's Commissar of Justice") if c.type == "position" else c
        for c in extraction.claims])
    entities, profiles = analyse(extraction)
    with store.session(write=True) as session:
        write_extraction(session, extraction, entities, profiles, block_keys(profiles))
        link_new(session, [e.key for e in entities])


def links(store: Store) -> set[tuple[str, str, str]]:
    """(document text, record id, decision) of every link of the person."""
    with store.session() as session:
        rows = session.query(AuthorityLinkRow, DocumentRow.text).join(
            ProfileRow, ProfileRow.key == AuthorityLinkRow.profile_key).join(
            DocumentRow, DocumentRow.id == ProfileRow.document_id)
        return {(text, link.record_id, link.decision) for link, text in rows}


def entity(store: Store) -> str:
    with store.session() as session:
        found = {p.entity_id for p in session.query(ProfileRow)}
    assert len(found) == 1  # both documents' profiles are one person
    return found.pop()


def test_authority_later_document_redecides_the_older_profiles_link(
        new_db: Callable[[], str]) -> None:
    first_bare, first_post = Store(new_db()), Store(new_db())
    for store, texts in ((first_bare, (BARE, POST)), (first_post, (POST, BARE))):
        store_list(store)
        for text in texts:
            add(store, text)
        entity(store)
    assert links(first_bare) == links(first_post)
    assert (BARE, "1", "linked") in links(first_bare)


def test_authority_bare_name_alone_waits_for_review(db: str) -> None:
    store = Store(db)
    store_list(store)
    add(store, BARE)
    assert links(store) == {(BARE, "1", "review")}  # Petr is another man: not even queued


def test_authority_curators_refusal_holds_for_a_profile_that_joins_later(db: str) -> None:
    store = Store(db)
    store_list(store)
    add(store, BARE)
    with store.session(write=True) as session:
        link_authority(session, entity(store), "t", "1", user="archivist", link=False)
    add(store, POST)
    assert {(text, decision) for text, record, decision in links(store) if record == "1"} == {
        (BARE, "rejected")}


def test_authority_curators_choice_keeps_a_later_link_to_another_record_in_review(
        db: str) -> None:
    store = Store(db)
    store_list(store)
    add(store, BARE)
    with store.session(write=True) as session:
        link_authority(session, entity(store), "t", "2", user="archivist")
    add(store, POST)
    assert (POST, "1", "review") in links(store)
    assert (BARE, "2", "linked") in links(store)

