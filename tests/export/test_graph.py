"""GEXF and GraphML: written with networkx, read back with networkx, facts intact."""

from __future__ import annotations

import io
from typing import Any

import networkx as nx
import pytest
from lxml import etree

from kartoteka.export.graph import FALLBACK_SPAN, build_graph, to_gexf, to_graphml

NODE_KINDS = {"person", "group", "organization"}


def _gexf(data: dict[str, Any]) -> nx.Graph:
    return nx.read_gexf(io.BytesIO(to_gexf(data)))


def _graphml(data: dict[str, Any]) -> nx.MultiDiGraph:
    return nx.read_graphml(io.BytesIO(to_graphml(data)), force_multigraph=True)


def _edge(graph: nx.Graph, claim_id: str) -> tuple[str, str, dict[str, Any]]:
    found = [(u, v, d) for u, v, d in graph.edges(data=True) if d.get("id") == claim_id]
    assert found, claim_id
    return found[0]


@pytest.mark.parametrize("reader", [_gexf, _graphml], ids=["gexf", "graphml"])
def test_graph_nodes_read_back(any_export: dict[str, Any], reader: Any) -> None:
    graph = reader(any_export)
    expected = {e["id"]: e for e in any_export["entities"] if e["kind"] in NODE_KINDS}
    assert set(graph.nodes) == set(expected)
    lyubimov = graph.nodes["p2"]
    assert lyubimov["label"] == "Grigory Lyubimov" and lyubimov["kind"] == "person"
    assert "Любимов" in lyubimov["names"].split("; ")
    assert "not execution" in lyubimov["fates"]


@pytest.mark.parametrize("reader", [_gexf, _graphml], ids=["gexf", "graphml"])
def test_graph_edges_carry_the_claim(sample_export: dict[str, Any], reader: Any) -> None:
    graph = reader(sample_export)
    source, target, post = _edge(graph, "c2")
    assert (source, target) == ("p2", "o1")
    assert post["relation"] == "position" and post["role"] == "deputy head"
    assert post["informant"] == "p3" and post["informant_label"] == "Maria Kravets"
    assert post["hearsay"] is True and post["confidence"] == pytest.approx(0.7)
    assert (post["start"], post["end"]) == ("1936-01-01", "1938-12-31")
    arrest = _edge(graph, "c1")[2]
    assert (arrest["date"], arrest["start"], arrest["end"]) == ("1938-22", "1938-06-01",
                                                               "1938-08-31")
    assert arrest["polarity"] == "affirmed" and arrest["date_clamped"] is False
    membership = [d for u, v, d in graph.edges(data=True) if v == "g1"]
    assert {d["relation"] for d in membership} == {"member_of"} and len(membership) == 2


def test_graph_open_interval_is_clamped_to_the_export_span(sample_export: dict[str, Any],
                                                            ) -> None:
    party = _edge(_gexf(sample_export), "c8")[2]
    # the latest date the export knows is the end of spring 1939 (claim c9)
    assert (party["start"], party["end"]) == ("1920-01-01", "1939-05-31")
    assert party["date_clamped"] is True


def test_graph_open_interval_falls_back_to_fixed_bounds(sample_export: dict[str, Any]) -> None:
    sample_export["claims"] = [c for c in sample_export["claims"] if c["id"] == "c8"]
    party = _edge(_gexf(sample_export), "c8")[2]
    assert party["end"] == FALLBACK_SPAN[1].isoformat()


def test_graph_mutual_relations_go_both_ways(sample_export: dict[str, Any]) -> None:
    graph = _gexf(sample_export)
    assert graph.has_edge("p4", "p1") and graph.has_edge("p1", "p4")  # spouse_of: mutual
    assert graph.has_edge("p2", "o1") and not graph.has_edge("o1", "p2")  # position: directed


def test_graph_rejected_claims_are_left_out(sample_export: dict[str, Any]) -> None:
    next(c for c in sample_export["claims"] if c["id"] == "c4")["status"] = "rejected"
    keys = {k for _, _, k in build_graph(sample_export).edges(keys=True)}
    assert "c4" not in keys and "c5" in keys


def test_graph_gexf_is_dynamic_for_gephi(sample_export: dict[str, Any]) -> None:
    root = etree.fromstring(to_gexf(sample_export))
    graph = root.find("{http://www.gexf.net/1.2draft}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    edge = root.find(".//{http://www.gexf.net/1.2draft}edge[@id='c1']")
    assert (edge.get("start"), edge.get("end")) == ("1938-06-01", "1938-08-31")


def test_graph_parallel_claims_stay_parallel(sample_export: dict[str, Any]) -> None:
    extra = dict(next(c for c in sample_export["claims"] if c["id"] == "c1"), id="c1b",
                 date="1937")
    sample_export["claims"].append(extra)
    graph = _graphml(sample_export)
    assert set(graph["p1"]["o1"]) >= {"c1", "c1b"}
