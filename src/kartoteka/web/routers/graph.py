"""The network of people and institutions: claims that tie two entities, laid out server-side.

Positions come from networkx's spring layout with a fixed seed, so the same data always draws
the same picture and the page needs no script to show it.
"""

from __future__ import annotations

from typing import Annotated

import networkx as nx
from fastapi import APIRouter, Depends, HTTPException, Query, Request

from kartoteka.store.webqueries import entity_kinds, entity_labels, relation_edges
from kartoteka.vocabulary import load_vocabulary
from kartoteka.web.auth import reader
from kartoteka.web.facets import busiest
from kartoteka.web.pages import page
from kartoteka.web.present import entity_url
from kartoteka.web.schemas import EntityRef, Graph, GraphEdge, GraphNode
from kartoteka.web.settings import DbSession, web

router = APIRouter(tags=["graph"], dependencies=[Depends(reader)])

WIDTH, HEIGHT, MARGIN = 1000.0, 700.0, 40.0
EDGE_LIMIT = 3000


def tie_types() -> list[str]:
    """Claim types that can join two entities: relations and events with an object."""
    vocab = load_vocabulary()
    return [t.id for t in vocab.claim_types.values() if t.object]


def default_types() -> list[str]:
    return load_vocabulary().relations


def _layout(nodes: list[str], edges: list[GraphEdge]) -> dict[str, tuple[float, float]]:
    if not nodes:  # nothing tied (a small limit, a year without ties)
        return {}
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((e.source, e.target) for e in edges)
    if len(nodes) == 1:
        return {nodes[0]: (WIDTH / 2, HEIGHT / 2)}
    # A wider spacing than the default (1/sqrt(n)) keeps dense clusters readable.
    raw = nx.spring_layout(graph, seed=7, iterations=100, k=2.5 / len(nodes) ** 0.5)
    xs = [p[0] for p in raw.values()] or [0.0]
    ys = [p[1] for p in raw.values()] or [0.0]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    return {n: (MARGIN + (p[0] - min(xs)) / span_x * (WIDTH - 2 * MARGIN),
                MARGIN + (p[1] - min(ys)) / span_y * (HEIGHT - 2 * MARGIN))
            for n, p in raw.items()}


@page(router, "/graph", "graph.html", model=Graph,
      summary="People and institutions tied by claims, with positions for drawing")
def network(
    request: Request,
    session: DbSession,
    year: Annotated[int | None, Query(ge=1, le=2999, description="only ties of this year "
                                      "(undated ties stay)")] = None,
    types: Annotated[list[str] | None, Query(max_length=100,
                                             description="claim types drawn as edges")] = None,
    focus: Annotated[str | None, Query(max_length=64, description="an entity: its ties and "
                                       "its neighbours' ties")] = None,
    limit: Annotated[int, Query(ge=2, le=500, description="at most this many nodes")] = 120,
) -> Graph:
    known = tie_types()
    # ``?types=`` (empty) means the default, as no ``types`` does.
    chosen = [t for t in (types or []) if t] or default_types()
    unknown = sorted(set(chosen) - set(known))
    if unknown:
        raise HTTPException(422, f"not tie types: {', '.join(unknown)}")
    focus_ref = None
    if focus:
        labels = entity_labels(session, [focus])
        if focus not in labels:
            raise HTTPException(404, f"no entity {focus!r}")
        focus_ref = EntityRef(id=focus, label=labels[focus])
        first = relation_edges(session, types=chosen, year=year, around=[focus],
                               limit=EDGE_LIMIT)
        around = {focus} | {e.source for e in first} | {e.target for e in first}
        ranked = [focus] + sorted(around - {focus})
    else:
        ranked = busiest(web(request).facets.facts(session), chosen, limit + 1)
    keep = set(ranked[:limit])
    edges = relation_edges(session, types=chosen, year=year, around=keep, within=True,
                           limit=EDGE_LIMIT)
    truncated = len(ranked) > limit
    ends = {e.source for e in edges} | {e.target for e in edges}
    used = [n for n in ranked[:limit] if n == focus or n in ends]
    labels = entity_labels(session, used)
    kinds = entity_kinds(session, used)
    out_edges = [GraphEdge(source=e.source, target=e.target, type=e.type, date=e.date,
                           role=e.role, claim=e.claim_id) for e in edges]
    positions = _layout(used, out_edges)
    degree = {n: 0 for n in used}
    for e in out_edges:
        degree[e.source] += 1
        degree[e.target] += 1
    nodes = [GraphNode(id=n, label=labels.get(n, n), kind=kinds.get(n, "person"),
                       degree=degree[n], x=round(positions[n][0], 1),
                       y=round(positions[n][1], 1), url=entity_url(n, kinds.get(n)))
             for n in used]
    return Graph(year=year, focus=focus_ref, types=chosen, all_types=known, nodes=nodes,
                 edges=out_edges, truncated=truncated)
