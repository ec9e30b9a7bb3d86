"""Search across scripts and spellings, through the name index and ``find_entities``."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import ORG_NKVD, entity


def hits(client: TestClient, q: str, **params: object) -> list[str]:
    reply = client.get("/search.json", params={"q": q, **params})
    assert reply.status_code == 200, reply.text
    return [h["id"] for h in reply.json()["hits"]]


@pytest.mark.parametrize(("query", "name"), [
    ("Yezhov", "yezhov"), ("Ezhov", "yezhov"), ("Ежов", "yezhov"), ("Yerov", "yezhov"),
    ("yezhov", "yezhov"), ("Jeschow", "yezhov"), ("Nikolai Yezhov", "yezhov"),
    ("Ягода", "yagoda"), ("Jagoda", "yagoda"), ("Lyushkov", "lyushkov"),
    ("Shpigelglass", "shpigelglas"),
])
def test_search_finds_a_person_in_any_script_or_spelling(client: TestClient, query: str,
                                                         name: str) -> None:
    assert hits(client, query)[0] == entity(name)


@pytest.mark.parametrize("query", ["Berman", "Molotov", "zzzz", "", "   "])
def test_search_finds_nobody_for_other_names(client: TestClient, query: str) -> None:
    assert hits(client, query) == []


def test_search_by_kind(client: TestClient) -> None:
    assert hits(client, "НКВД", kind="organization") == [ORG_NKVD]
    assert hits(client, "NKVD", kind="person") == []
    assert ORG_NKVD in hits(client, "NKVD", kind="any")


def test_search_refuses_an_unknown_kind(client: TestClient) -> None:
    assert client.get("/search.json", params={"q": "x", "kind": "ship"}).status_code == 422


def test_search_page_links_each_hit_to_its_card(client: TestClient) -> None:
    page = client.get("/search", params={"q": "Ezhov"}).text
    link = f'<a href="/persons/{entity("yezhov")}" class="hit"><bdi>Nikolai Yezhov</bdi></a>'
    assert link in page


def test_search_sees_a_rename_at_once(editor_client: tuple[TestClient, str]) -> None:
    client, token = editor_client
    assert hits(client, "Pushkin") == []
    reply = client.post(f"/api/persons/{entity('shpigelglas')}/rename",
                        json={"label": "Pushkin"}, headers={"X-CSRF-Token": token})
    assert reply.status_code == 200, reply.text
    assert hits(client, "Pushkin") == [entity("shpigelglas")]


@pytest.mark.parametrize(("query", "name"), [("Yezh", "yezhov"), ("Lyush", "lyushkov")])
def test_search_finds_a_name_typed_in_part(client: TestClient, query: str, name: str) -> None:
    assert entity(name) in hits(client, query)
