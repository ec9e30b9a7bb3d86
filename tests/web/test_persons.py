"""The persons list with facets and sorting, and the person card."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import MEMOIR, ORG_NKVD, Fixture, entity


def labels(client: TestClient, **params: object) -> list[str]:
    reply = client.get("/persons.json", params=params)
    assert reply.status_code == 200, reply.text
    return [row["label"] for row in reply.json()["rows"]]


def test_persons_list_shows_every_person_by_name(client: TestClient) -> None:
    assert labels(client) == ["Genrikh Lyushkov", "Genrikh Yagoda", "Lushkov",
                              "Nikolai Yezhov", "Shpigelglas"]


@pytest.mark.parametrize(("params", "expected"), [
    ({"fate": "execution"}, ["Nikolai Yezhov"]),
    ({"fate": "defection"}, ["Genrikh Lyushkov"]),
    ({"fate": "arrest", "year": 1937}, ["Genrikh Yagoda"]),
    ({"year": 1939}, ["Lushkov", "Nikolai Yezhov"]),
    ({"institution": ORG_NKVD}, ["Genrikh Lyushkov", "Nikolai Yezhov"]),
    ({"review": "uncertain"}, ["Genrikh Lyushkov", "Lushkov"]),
    ({"q": "genrikh"}, ["Genrikh Lyushkov", "Genrikh Yagoda"]),
])
def test_persons_facets_filter_the_list(client: TestClient, params: dict, expected: list[str]
                                        ) -> None:
    assert labels(client, **params) == expected


def test_persons_filter_by_source_document(client: TestClient, fixture_db: Fixture) -> None:
    assert labels(client, document=fixture_db.record) == ["Genrikh Yagoda", "Nikolai Yezhov"]


def test_persons_facet_counts_follow_the_filters(client: TestClient) -> None:
    facets = client.get("/persons.json", params={"institution": ORG_NKVD}).json()["facets"]
    fates = {v["value"]: v["count"] for v in facets["fate"]}
    assert fates == {"execution": 1, "defection": 1}
    [nkvd] = facets["institution"]
    assert nkvd["value"] == ORG_NKVD and nkvd["selected"] and nkvd["count"] == 2


@pytest.mark.parametrize(("sort", "first"), [
    ("name", "Genrikh Lyushkov"), ("-name", "Shpigelglas"), ("-documents", "Genrikh Yagoda"),
    ("-claims", "Nikolai Yezhov"),
])
def test_persons_sorting(client: TestClient, sort: str, first: str) -> None:
    assert labels(client, sort=sort)[0] == first


def test_persons_pages_through_the_list(client: TestClient) -> None:
    page = client.get("/persons.json", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 5
    assert [r["label"] for r in page["rows"]] == ["Lushkov", "Nikolai Yezhov"]


@pytest.mark.parametrize("params", [{"sort": "age"}, {"review": "maybe"}, {"limit": 0}])
def test_persons_refuse_unknown_options(client: TestClient, params: dict) -> None:
    assert client.get("/persons.json", params=params).status_code == 422


def test_persons_html_page_has_facets_and_rows(client: TestClient) -> None:
    page = client.get("/persons", params={"fate": "execution"}).text
    assert 'data-facet="fate"' in page and 'data-facet="institution"' in page
    assert f'href="/persons/{entity("yezhov")}"' in page
    assert f'href="/persons/{entity("yagoda")}"' not in page


def card(client: TestClient, name: str) -> dict:
    reply = client.get(f"/persons/{entity(name)}.json")
    assert reply.status_code == 200, reply.text
    return reply.json()


def test_card_name_forms_in_both_scripts_with_their_documents(client: TestClient) -> None:
    forms = {f["form"]: f for f in card(client, "yezhov")["name_forms"]}
    assert set(forms) == {"Nikolai Yezhov", "Yerov", "Yezhov", "Николай Ежов", "Ежов"}
    assert forms["Ежов"]["latin"] == "Yezhov"
    assert forms["Yezhov"]["cyrillic"] == "Ежов"
    assert [d["title"] for d in forms["Yerov"]["documents"]] == ["Memoir of a clerk"]
    start = MEMOIR.index("Yerov")
    assert forms["Yerov"]["first_url"].endswith(f"?highlight={start}-{start + 5}#hl")


def test_card_posts_relations_and_timeline(client: TestClient) -> None:
    data = card(client, "yezhov")
    assert [(p["type"], p["date"], p["role"]) for p in data["posts"]] == [
        ("appointment", "1936", "нарком"), ("position", "1937", "head")]
    assert [(r["type"], r["object"]["label"]) for r in data["relations"]] == [
        ("associate_of", "Genrikh Lyushkov")]
    dates = [c["date"] for c in data["timeline"]]
    assert dates == ["1936", "1937", "1939", "1940", None]


def test_card_puts_conflicting_sources_side_by_side(client: TestClient) -> None:
    [clash] = card(client, "yezhov")["disagreements"]
    assert {clash["a"]["date"], clash["b"]["date"]} == {"1939", "1940"}
    assert {clash["a"]["document"]["title"], clash["b"]["document"]["title"]} == {
        "Memoir of a clerk", "Справка"}


def test_card_claims_link_to_their_passage(client: TestClient, fixture_db: Fixture) -> None:
    claims = {c["id"]: c for c in card(client, "yezhov")["timeline"]}
    shot = claims[fixture_db.claims["yezhov-shot-1940"]]
    start = MEMOIR.index("Shpigelglas told")
    end = MEMOIR.index("1940.") + 5
    assert shot["url"] == f"/documents/{fixture_db.memoir}?highlight={start}-{end}#hl"
    assert shot["passage"] == MEMOIR[start:end]
    assert shot["informant"]["label"] == "Shpigelglas" and shot["hearsay"]
    page = client.get(f"/persons/{entity('yezhov')}").text
    assert f'href="{shot["url"]}"' in page


def test_card_shows_authority_records_and_profiles(client: TestClient) -> None:
    data = card(client, "yagoda")
    # the fixture's link keeps no comparisons: nothing to show for what decided it
    assert data["authority"] == [{"source": "wikidata", "id": "Q-test-yagoda",
                                  "decided_by": None}]
    assert sorted(p["document_title"] for p in data["profiles"]) == [
        "Memoir of a clerk", "Справка"]


def test_card_timeline_is_drawn(client: TestClient) -> None:
    page = client.get(f"/persons/{entity('yezhov')}").text
    assert page.count('class="dot') == 4  # the four dated claims


def test_card_unknown_entity_is_404(client: TestClient) -> None:
    assert client.get("/persons/pnothing").status_code == 404
