"""A small card index built row by row (no NLP model, no linker), and clients to drive the app.

Three documents: an English memoir (Yezhov spelled Yezhov and Yerov, hearsay from an informant,
a ``<script>`` written into the source), a Russian record (Ежов, with a different execution
year: a disagreement) and a letter (Lushkov, an uncertain match for Lyushkov in the review
queue). The sentences are written for these tests.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kartoteka.model import stable_id
from kartoteka.names.keys import surname_key
from kartoteka.resolve.profile import Profile
from kartoteka.store.entities import refresh_entities
from kartoteka.store.session import Store
from kartoteka.store.tables import (
    AuthorityLinkRow,
    AuthorityRecordRow,
    ClaimRow,
    DocumentRow,
    EvidenceRow,
    LinkRow,
    MentionRow,
    ProfileRow,
)
from kartoteka.store.users import create_user
from kartoteka.web.app import WebSettings, create_app
from tests import postgres
from tests.conftest import BACKENDS

MEMOIR = (
    "Memoir of a clerk\n\n"
    "In 1937 Nikolai Yezhov was made head of the NKVD. Yerov, as the translation calls him, "
    "trusted Genrikh Lyushkov. Lyushkov served in the NKVD in the Far East.\n\n"
    "Shpigelglas told me that Yezhov was shot in 1940. Lyushkov fled to Japan in 1938. "
    "Genrikh Yagoda was arrested in 1937.\n\n"
    "Someone wrote <script>alert('owned')</script> on the wall of the cell."
)
RECORD = ("Николай Ежов был назначен наркомом НКВД в 1936 году. Ежов был расстрелян в 1939 "
          "году. Генрих Ягода был арестован в 1937 году.")
LETTER = "Lushkov wrote to his wife from Tokyo in 1939."

PASSWORDS = {"ada": "admin-password", "eddie": "editor-password", "vera": "viewer-password"}
ROLES = {"ada": "admin", "eddie": "editor", "vera": "viewer"}


def entity(name: str) -> str:
    return stable_id("p", "web-test", name)


ORG_NKVD = stable_id("o", "web-test", "nkvd")
PLACE_JAPAN = stable_id("l", "web-test", "japan")


@dataclass
class Builder:
    """Adds one document's rows; ``mention`` and ``claim`` find spans by their text."""

    session: object
    text: str
    title: str
    language: str
    doc_id: str = ""
    mentions: dict[tuple[str, int], str] = field(default_factory=dict)
    profiles: dict[str, ProfileRow] = field(default_factory=dict)
    _cursor: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        sha = hashlib.sha256(self.text.encode()).hexdigest()
        self.doc_id = "d" + sha[:16]
        self.session.add(DocumentRow(id=self.doc_id, sha256=sha, title=self.title,
                                     language=self.language, text=self.text, meta={}))
        self.session.flush()

    def span(self, needle: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(needle, start + 1)
        return start, start + len(needle)

    def profile(self, entity_id: str, kind: str, label: str, *, surname: str | None = None,
                given: str | None = None) -> str:
        key = stable_id("x", self.doc_id, entity_id)
        data = Profile(key=key, document_id=self.doc_id, kind=kind, label=label, names=[label],
                       surname=surname, given=given, language=self.language).to_dict()
        row = ProfileRow(key=key, document_id=self.doc_id, entity_id=entity_id, kind=kind,
                         label=label, names=[label], members=[], data=data,
                         block_key=surname_key(surname) if surname else None)
        self.session.add(row)
        self.profiles[entity_id] = row
        return key

    def mention(self, entity_id: str, surface: str, nth: int = 0) -> str:
        start, end = self.span(surface, nth)
        row = self.profiles[entity_id]
        mid = stable_id("m", self.doc_id, start, end)
        self.session.add(MentionRow(id=mid, document_id=self.doc_id, profile_key=row.key,
                                    start=start, end=end, text=surface, kind=row.kind,
                                    name=surface, attrs={}))
        if surface not in row.names:
            row.names = [*row.names, surface]
            row.data = {**row.data, "names": row.names}
        self.mentions[(surface, nth)] = mid
        return mid

    def claim(self, ctype: str, subject: tuple[str, int], passage: str, *,
              obj: tuple[str, int] | None = None, informant: tuple[str, int] | None = None,
              date: str | None = None, role: str | None = None, confidence: float = 0.8,
              hearsay: bool = False, polarity: str = "affirmed") -> str:
        start, end = self.span(passage)
        cid = stable_id("c", self.doc_id, ctype, subject, obj, start)
        self.session.add(ClaimRow(
            id=cid, document_id=self.doc_id, type=ctype, subject_mention=self.mentions[subject],
            object_mention=self.mentions[obj] if obj else None,
            informant_mention=self.mentions[informant] if informant else None,
            role=role, date=date, polarity=polarity, confidence=confidence, hearsay=hearsay,
            status="proposed", attrs={}))
        self.session.add(EvidenceRow(claim_id=cid, document_id=self.doc_id, start=start,
                                     end=end))
        return cid


@dataclass
class Fixture:
    path: str | Path  # a SQLite file or a PostgreSQL URL
    memoir: str
    record: str
    letter: str
    claims: dict[str, str]
    profiles: dict[str, str]


def build_database(path: str | Path) -> Fixture:
    """The three documents, their entities and claims, a review queue and three users."""
    store = Store(path)
    yezhov, lyushkov, yagoda = entity("yezhov"), entity("lyushkov"), entity("yagoda")
    shpigelglas, lushkov = entity("shpigelglas"), entity("lushkov")
    claims: dict[str, str] = {}
    profiles: dict[str, str] = {}
    with store.session() as session:
        en = Builder(session, MEMOIR, "Memoir of a clerk", "en")
        profiles["memoir-yezhov"] = en.profile(yezhov, "person", "Nikolai Yezhov",
                                               surname="Yezhov", given="Nikolai")
        profiles["memoir-lyushkov"] = en.profile(lyushkov, "person", "Genrikh Lyushkov",
                                                 surname="Lyushkov", given="Genrikh")
        profiles["memoir-yagoda"] = en.profile(yagoda, "person", "Genrikh Yagoda",
                                               surname="Yagoda", given="Genrikh")
        en.profile(shpigelglas, "person", "Shpigelglas", surname="Shpigelglas")
        en.profile(ORG_NKVD, "organization", "NKVD")
        en.profile(PLACE_JAPAN, "place", "Japan")
        session.flush()
        en.mention(yezhov, "Nikolai Yezhov")
        en.mention(ORG_NKVD, "NKVD")
        en.mention(yezhov, "Yerov")
        en.mention(lyushkov, "Genrikh Lyushkov")
        en.mention(lyushkov, "Lyushkov", 1)
        en.mention(ORG_NKVD, "NKVD", 1)
        en.mention(shpigelglas, "Shpigelglas")
        en.mention(yezhov, "Yezhov", 1)
        en.mention(lyushkov, "Lyushkov", 2)
        en.mention(PLACE_JAPAN, "Japan")
        en.mention(yagoda, "Genrikh Yagoda")
        session.flush()
        claims["yezhov-head"] = en.claim(
            "position", ("Nikolai Yezhov", 0), "In 1937 Nikolai Yezhov was made head of the NKVD.",
            obj=("NKVD", 0), date="1937", role="head", confidence=0.9)
        claims["trust"] = en.claim(
            "associate_of", ("Yerov", 0), "Yerov, as the translation calls him, trusted Genrikh "
            "Lyushkov.", obj=("Genrikh Lyushkov", 0), confidence=0.4)
        claims["lyushkov-post"] = en.claim(
            "position", ("Lyushkov", 1), "Lyushkov served in the NKVD in the Far East.",
            obj=("NKVD", 1), role="Far East")
        claims["yezhov-shot-1940"] = en.claim(
            "execution", ("Yezhov", 1), "Shpigelglas told me that Yezhov was shot in 1940.",
            informant=("Shpigelglas", 0), date="1940", hearsay=True, confidence=0.7)
        claims["lyushkov-fled"] = en.claim(
            "defection", ("Lyushkov", 2), "Lyushkov fled to Japan in 1938.",
            obj=("Japan", 0), date="1938")
        claims["yagoda-arrest"] = en.claim(
            "arrest", ("Genrikh Yagoda", 0), "Genrikh Yagoda was arrested in 1937.", date="1937")

        ru = Builder(session, RECORD, "Справка", "ru")
        profiles["record-yezhov"] = ru.profile(yezhov, "person", "Николай Ежов",
                                               surname="Ежов", given="Николай")
        ru.profile(ORG_NKVD, "organization", "НКВД")
        profiles["record-yagoda"] = ru.profile(yagoda, "person", "Генрих Ягода",
                                               surname="Ягода", given="Генрих")
        session.flush()
        ru.mention(yezhov, "Николай Ежов")
        ru.mention(ORG_NKVD, "НКВД")
        ru.mention(yezhov, "Ежов", 1)
        ru.mention(yagoda, "Генрих Ягода")
        session.flush()
        claims["ezhov-appointed"] = ru.claim(
            "appointment", ("Николай Ежов", 0),
            "Николай Ежов был назначен наркомом НКВД в 1936 году.", obj=("НКВД", 0),
            date="1936", role="нарком")
        claims["ezhov-shot-1939"] = ru.claim(
            "execution", ("Ежов", 1), "Ежов был расстрелян в 1939 году.", date="1939")
        claims["ягода-arrest"] = ru.claim(
            "arrest", ("Генрих Ягода", 0), "Генрих Ягода был арестован в 1937 году.",
            date="1937")

        letter = Builder(session, LETTER, "A letter", "en")
        profiles["letter-lushkov"] = letter.profile(lushkov, "person", "Lushkov",
                                                    surname="Lushkov")
        session.flush()
        letter.mention(lushkov, "Lushkov")
        session.flush()
        claims["lushkov-letter"] = letter.claim(
            "escape", ("Lushkov", 0), LETTER, date="1939", confidence=0.3)

        a, b = sorted((profiles["memoir-lyushkov"], profiles["letter-lushkov"]))
        session.add(LinkRow(a=a, b=b, probability=0.62, decision="review",
                            features={"surname": "Jaro-Winkler 0.93", "given": "missing"}))
        session.add(AuthorityRecordRow(source="wikidata", record_id="Q-test-yezhov",
                                       name="Nikolai Yezhov", data={}))
        session.add(AuthorityLinkRow(profile_key=profiles["memoir-yezhov"], source="wikidata",
                                     record_id="Q-test-yezhov", probability=0.7,
                                     decision="review", features={"name": "exact"}))
        session.add(AuthorityLinkRow(profile_key=profiles["memoir-yagoda"], source="wikidata",
                                     record_id="Q-test-yagoda", probability=1.0,
                                     decision="linked", features={}))
        session.flush()
        refresh_entities(session, {yezhov, lyushkov, yagoda, shpigelglas, lushkov, ORG_NKVD,
                                   PLACE_JAPAN})
        for name, password in PASSWORDS.items():
            create_user(session, name, password, ROLES[name])
        fixture = Fixture(path, en.doc_id, ru.doc_id, letter.doc_id, claims, profiles)
    store.close()
    return fixture


@pytest.fixture(scope="session", params=BACKENDS)
def template_db(request: pytest.FixtureRequest,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixture]:
    """The database built once per backend: a SQLite file or a PostgreSQL database."""
    if request.param == "sqlite":
        yield build_database(tmp_path_factory.mktemp("web-template") / "template.db")
        return
    server = request.getfixturevalue("postgres_server")
    url = postgres.create_database(server)
    try:
        yield build_database(url)
    finally:
        postgres.drop_database(server, url)


@pytest.fixture
def fixture_db(template_db: Fixture, tmp_path: Path,
               request: pytest.FixtureRequest) -> Iterator[Fixture]:
    """A fresh copy of the built database for each test (tests may edit it)."""
    server = ""
    if isinstance(template_db.path, Path):
        path: str | Path = tmp_path / "web.db"
        shutil.copy(template_db.path, path)
    else:  # PostgreSQL copies a database whole with CREATE DATABASE ... TEMPLATE
        server = request.getfixturevalue("postgres_server")
        path = postgres.create_database(server, template=template_db.path)
    yield Fixture(path, template_db.memoir, template_db.record, template_db.letter,
                  template_db.claims, template_db.profiles)
    if server:
        postgres.drop_database(server, str(path))


def make_client(db: str | Path, **settings: object) -> TestClient:
    return TestClient(create_app(WebSettings(db=str(db), **settings)))


@pytest.fixture
def client(fixture_db: Fixture) -> Iterator[TestClient]:
    """Anonymous visitors may read."""
    with make_client(fixture_db.path, allow_anonymous=True) as test_client:
        yield test_client


def csrf_of(client: TestClient) -> str:
    return client.get("/api/session").json()["csrf_token"]


def login(client: TestClient, user: str) -> str:
    """Log ``user`` in; returns the new session's CSRF token."""
    reply = client.post("/login", json={"username": user, "password": PASSWORDS[user]},
                        headers={"X-CSRF-Token": csrf_of(client)})
    assert reply.status_code == 200, reply.text
    return reply.json()["csrf_token"]


@pytest.fixture
def editor_client(client: TestClient) -> tuple[TestClient, str]:
    return client, login(client, "eddie")
