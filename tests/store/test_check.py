"""kartoteka check: a consistent database passes, each kind of damage is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from kartoteka.store.check import check_store
from kartoteka.store.session import Store
from kartoteka.store.tables import (
    ClaimRow,
    DocumentRow,
    EditRow,
    EntityRow,
    EvidenceRow,
    MentionRow,
    ProfileRow,
)

TEXT = "Ivan Karin was arrested in 1937. Olga Karina was his wife."


def good_rows() -> list[object]:
    return [
        DocumentRow(id="d1", sha256="1" * 64, text=TEXT, source_path="a.txt"),
        EntityRow(id="e1", kind="person", label="Ivan Karin"),
        ProfileRow(key="p1", document_id="d1", entity_id="e1", kind="person", label="Ivan"),
        MentionRow(id="m1", document_id="d1", profile_key="p1", start=0, end=10,
                   text="Ivan Karin", kind="person"),
        MentionRow(id="m2", document_id="d1", start=33, end=44, text="Olga Karina",
                   kind="person"),
        ClaimRow(id="c1", document_id="d1", type="arrest", subject_mention="m1"),
        EvidenceRow(claim_id="c1", document_id="d1", start=0, end=32),
        EditRow(user="u", action="merge", target="e1", payload={}),
        EditRow(user="u", action="undo", target="e1", payload={}, reverts=1),
        EditRow(user="u", action="undo", target="e1", payload={}, reverts=2),  # a redo
        EditRow(user="u", action="undo", target="e1", payload={}, reverts=1),  # undone again
    ]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database built once (migrations take a while); each test damages a copy."""
    path = tmp_path_factory.mktemp("check") / "template.db"
    store = Store(path)
    with store.session() as session:
        for row in good_rows():  # one at a time: rows before the rows that point at them
            session.add(row)
            session.flush()
    store.close()
    return path


@pytest.fixture
def store(template: Path, tmp_path: Path) -> Store:
    copy = tmp_path / "k.db"
    copy.write_bytes(template.read_bytes())
    return Store(copy)


def damage(store: Store, *statements: str) -> list[str]:
    with store.sessions() as session:
        session.execute(text("PRAGMA foreign_keys=OFF"))  # damage foreign keys would refuse
        for statement in statements:
            session.execute(text(statement))
        session.commit()
    with store.session() as session:
        return [problem.check for problem in check_store(session)]


def test_check_consistent_database_has_no_problem(store: Store) -> None:
    with store.session() as session:
        assert check_store(session) == []


@pytest.mark.parametrize(("statement", "check"), [
    ("UPDATE mentions SET \"end\" = 500 WHERE id = 'm1'",
     "every mention inside its document's text"),
    ("UPDATE mentions SET start = 1 WHERE id = 'm1'",
     "every mention's text is the text at its offsets"),
    ("UPDATE evidence SET \"end\" = 9999", "every claim's evidence inside the text"),
    ("UPDATE evidence SET start = 5, \"end\" = 5", "every claim's evidence inside the text"),
    ("DELETE FROM evidence", "every claim has evidence"),
    ("UPDATE claims SET subject_mention = 'gone'",
     "every claim's subject is a mention of its document"),
    ("UPDATE claims SET object_mention = 'gone'",
     "every claim's object is a mention of its document"),
    ("UPDATE profiles SET entity_id = 'e404'", "every profile's entity exists"),
    ("DELETE FROM profiles", "every mention's profile exists"),
    ("UPDATE mentions SET document_id = 'd404' WHERE id = 'm2'",
     "every mention's document exists"),
    ("INSERT INTO links (a, b, probability, decision, features) "
     "VALUES ('p1', 'p404', 0.5, 'review', '{}')", "every scored pair's profiles exist"),
    ("UPDATE edits SET reverts = 99 WHERE id = 2",
     "every undo reverts an earlier edit that exists"),
    ("UPDATE edits SET reverts = NULL WHERE id = 2", "every undo names the edit it reverts"),
    ("UPDATE edits SET reverts = 1 WHERE id = 1", "only an undo reverts an edit"),
    ("UPDATE edits SET reverts = 1 WHERE id = 3", "no edit undone twice by undos in force"),
])
def test_check_names_each_kind_of_damage(store: Store, statement: str, check: str) -> None:
    assert check in damage(store, statement)


def test_check_two_current_versions_of_one_file(store: Store) -> None:
    found = damage(store, "INSERT INTO documents (id, sha256, text, source_path, kind, "
                   "media_type, meta, version, superseded, ingested_at) VALUES ('d2', '"
                   + "2" * 64 + "', 'x', 'a.txt', 'testimony', 'text/plain', '{}', 2, 0, "
                   "'2026-01-01')")
    assert found == ["one current version per file"]
