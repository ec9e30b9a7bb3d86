"""The reader: escaped text, mentions linked to cards, hearsay, highlighted passages."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import MEMOIR, ORG_NKVD, Fixture, entity


def test_documents_list_has_every_document(client: TestClient, fixture_db: Fixture) -> None:
    ids = {d["id"] for d in client.get("/documents.json").json()["documents"]}
    assert ids == {fixture_db.memoir, fixture_db.record, fixture_db.letter}


def test_documents_source_script_renders_as_text(client: TestClient, fixture_db: Fixture
                                                 ) -> None:
    page = client.get(f"/documents/{fixture_db.memoir}")
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;" in page.text
    # The only scripts are our own file.
    assert re.findall(r"<script[^>]*>", page.text) == ['<script src="/static/app.js" defer>']


def test_documents_pages_forbid_inline_scripts(client: TestClient, fixture_db: Fixture
                                              ) -> None:
    policy = client.get(f"/documents/{fixture_db.memoir}").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_documents_json_twin_returns_the_raw_text(client: TestClient, fixture_db: Fixture
                                                 ) -> None:
    data = client.get(f"/documents/{fixture_db.memoir}.json").json()
    assert data["text"] == MEMOIR
    for m in data["mentions"]:
        assert MEMOIR[m["start"]:m["end"]] == m["text"]


@pytest.mark.parametrize(("surface", "entity_id", "base"), [
    ("Yerov", entity("yezhov"), "/persons/"),
    ("Genrikh Lyushkov", entity("lyushkov"), "/persons/"),
    ("NKVD", ORG_NKVD, "/institutions/"),
])
def test_documents_mentions_link_to_their_cards(client: TestClient, fixture_db: Fixture,
                                                surface: str, entity_id: str, base: str) -> None:
    page = client.get(f"/documents/{fixture_db.memoir}").text
    link = re.search(rf'<a href="([^"]+)" dir="auto" class="m [^"]*" data-e="([^"]+)"'
                     rf'[^>]*>{surface}</a>', page)
    assert link is not None
    assert link.group(2) == entity_id
    assert link.group(1) == base + entity_id


def test_documents_hearsay_is_marked_with_its_informant(client: TestClient,
                                                        fixture_db: Fixture) -> None:
    data = client.get(f"/documents/{fixture_db.memoir}.json").json()
    [told] = data["hearsay"]
    assert told["informant"]["label"] == "Shpigelglas"
    assert MEMOIR[told["start"]:told["end"]].startswith("Shpigelglas told me")
    page = client.get(f"/documents/{fixture_db.memoir}").text
    assert '<span class="told-by">told by <bdi>Shpigelglas</bdi>:</span>' in page


def test_documents_highlight_marks_the_passage(client: TestClient, fixture_db: Fixture) -> None:
    start = MEMOIR.index("Lyushkov fled")
    end = MEMOIR.index("1938.") + 5
    page = client.get(f"/documents/{fixture_db.memoir}?highlight={start}-{end}").text
    reader = page[page.index('<div class="reader">'):]
    lit = re.findall(r'class="[^"]*\bhl\b[^"]*"[^>]*>([^<]*)<', reader)
    assert "".join(lit) == MEMOIR[start:end]
    assert page.count('id="hl"') == 1


@pytest.mark.parametrize("bad", ["5", "x-y", "40-10", "0-999999"])
def test_documents_refuse_a_bad_highlight(client: TestClient, fixture_db: Fixture, bad: str
                                         ) -> None:
    assert client.get(f"/documents/{fixture_db.memoir}.json?highlight={bad}").status_code == 422


def test_documents_sentences_list_the_claims_they_yield(client: TestClient,
                                                       fixture_db: Fixture) -> None:
    data = client.get(f"/documents/{fixture_db.memoir}.json").json()
    by_sentence = {MEMOIR[s["start"]:s["end"]].strip(): s["claims"] for s in data["sentences"]}
    shot = by_sentence["Shpigelglas told me that Yezhov was shot in 1940."]
    assert shot == [fixture_db.claims["yezhov-shot-1940"]]
    assert by_sentence["Someone wrote <script>alert('owned')</script> on the wall of the cell."] \
        == []
    page = client.get(f"/documents/{fixture_db.memoir}").text
    assert page.count('<a class="yield"') == sum(1 for s in data["sentences"] if s["claims"])


def test_documents_unknown_id_is_404(client: TestClient) -> None:
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/documents/nope.json").json() == {"detail": "no document 'nope'"}
