"""The network graph and the institution page."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import ORG_NKVD, PLACE_JAPAN, entity


def graph(client: TestClient, **params: object) -> dict:
    reply = client.get("/graph.json", params=params)
    assert reply.status_code == 200, reply.text
    return reply.json()


def ties(data: dict) -> set[tuple[str, str, str]]:
    return {(e["source"], e["target"], e["type"]) for e in data["edges"]}


def test_graph_draws_relations_between_people_and_institutions(client: TestClient) -> None:
    data = graph(client)
    assert ties(data) == {
        (entity("yezhov"), ORG_NKVD, "position"),
        (entity("lyushkov"), ORG_NKVD, "position"),
        (entity("yezhov"), entity("lyushkov"), "associate_of"),
    }
    kinds = {n["id"]: n["kind"] for n in data["nodes"]}
    assert kinds[ORG_NKVD] == "organization" and kinds[entity("yezhov")] == "person"
    for node in data["nodes"]:
        assert 0 <= node["x"] <= 1000 and 0 <= node["y"] <= 700


@pytest.mark.parametrize(("year", "expected"), [
    (1937, {"position", "associate_of"}),  # the undated ties stay
    (1950, {"position", "associate_of"}),
])
def test_graph_year_filter_keeps_undated_ties(client: TestClient, year: int,
                                              expected: set[str]) -> None:
    data = graph(client, year=year)
    assert {t for _, _, t in ties(data)} == expected
    dated = [e for e in data["edges"] if e["date"]]
    assert all(e["date"].startswith(str(year)) for e in dated)


def test_graph_year_filter_drops_ties_of_other_years(client: TestClient) -> None:
    assert (entity("yezhov"), ORG_NKVD, "position") in ties(graph(client, year=1937))
    assert (entity("yezhov"), ORG_NKVD, "position") not in ties(graph(client, year=1950))


def test_graph_types_choose_the_edges(client: TestClient) -> None:
    data = graph(client, types=["defection"])
    assert ties(data) == {(entity("lyushkov"), PLACE_JAPAN, "defection")}


def test_graph_focus_shows_a_neighbourhood(client: TestClient) -> None:
    data = graph(client, focus=entity("lyushkov"), types=["associate_of"])
    assert data["focus"]["label"] == "Genrikh Lyushkov"
    assert {n["id"] for n in data["nodes"]} == {entity("lyushkov"), entity("yezhov")}


@pytest.mark.parametrize(("params", "status"), [
    ({"types": ["not_a_type"]}, 422), ({"types": ["birth"]}, 422), ({"focus": "nobody"}, 404),
])
def test_graph_refuses_bad_requests(client: TestClient, params: dict, status: int) -> None:
    assert client.get("/graph.json", params=params).status_code == status


def test_graph_page_is_an_svg_with_one_line_an_edge(client: TestClient) -> None:
    page = client.get("/graph").text
    assert page.count('class="edge t-') == 3
    assert len(re.findall(r'<a href="/(?:persons|institutions)/\w+" class="node', page)) == 3


def test_institution_lists_its_people_and_their_fates(client: TestClient) -> None:
    data = client.get(f"/institutions/{ORG_NKVD}.json").json()
    people = {row["person"]["label"]: row for row in data["people"]}
    assert set(people) == {"Nikolai Yezhov", "Genrikh Lyushkov"}
    assert [(p["type"], p["role"]) for p in people["Nikolai Yezhov"]["posts"]] == [
        ("appointment", "нарком"), ("position", "head")]
    assert {f["type"] for f in people["Genrikh Lyushkov"]["fates"]} == {"defection"}
    counts = {c["type"]: c["count"] for c in data["fate_counts"]}
    assert counts == {"execution": 1, "defection": 1}
    assert data["summary"] == ("Of the 2 people of NKVD in these sources: 1 defection, "
                               "1 execution.")


def test_institution_page_draws_a_bar_a_fate(client: TestClient) -> None:
    page = client.get(f"/institutions/{ORG_NKVD}").text
    assert 'id="fate-chart"' in page
    assert len(re.findall(r'<rect [^>]*class="bar t-(\w+)"', page)) == 2


def test_institutions_list_counts_people(client: TestClient) -> None:
    rows = client.get("/institutions.json").json()["institutions"]
    assert [(r["label"], r["people"]) for r in rows] == [("NKVD", 2)]
