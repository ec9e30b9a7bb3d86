"""The network of people and institutions for Gephi (GEXF) and other graph tools (GraphML).

Nodes are the persons, groups and organisations; every published claim whose subject and
object are both nodes is an edge (a multigraph: two claims, two edges), keyed by the claim id,
plus one ``member_of`` edge from each member of a group to the group. Edges carry the claim's
type, role, EDTF date and its bounds, polarity, confidence, review status, informant and
evidence; docs/formats.md lists the attributes.

Time: a dated edge gets ``start``/``end`` (ISO days), which GEXF writes as a dynamic interval
Gephi's timeline reads. An open end (``1920/..``) is clamped to the span of the dates the
export speaks of (claims, and documents' own dates when given), or, when that span does not
reach past the known end, to 1900-01-01 / 1960-12-31; such edges are flagged ``date_clamped``.
Undated edges have no interval: Gephi shows them at every moment.
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import date
from typing import Any

import networkx as nx

from kartoteka.dates import data_date_span, edtf_range
from kartoteka.export.base import MUTUAL_RELATIONS, ExportView

NODE_KINDS = ("person", "group", "organization")
FALLBACK_SPAN = (date(1900, 1, 1), date(1960, 12, 31))
LIST_SEPARATOR = "; "


def _node_attributes(view: ExportView, entity: dict[str, Any],
                     mentions: Counter[str]) -> dict[str, Any]:
    fates = set(view.vocabulary.fates)
    attrs: dict[str, Any] = {
        "label": entity["label"],
        "kind": entity["kind"],
        "names": LIST_SEPARATOR.join(view.names(entity)),
        "mentions": mentions[entity["id"]],
        "fates": LIST_SEPARATOR.join(
            ("not " if c.get("polarity") == "negated" else "") + view.type_label(c["type"])
            + (f" {c['date']}" if c.get("date") else "")
            for c in view.claims_by_subject.get(entity["id"], []) if c["type"] in fates),
    }
    if entity.get("gender") in ("m", "f"):
        attrs["gender"] = entity["gender"]
    authority = [f"{a['source']}:{a['id']}" for a in entity.get("authority") or []]
    if authority:
        attrs["authority"] = LIST_SEPARATOR.join(authority)
    return attrs


def _clamp_start(end: date, span: tuple[date, date] | None) -> date:
    """Where an interval open at the start begins: the export's first date, else 1900."""
    if span and span[0] < end:
        return span[0]
    return min(FALLBACK_SPAN[0], end)


def _clamp_end(start: date, span: tuple[date, date] | None) -> date:
    """Where an interval open at the end stops: the export's last date, else 1960."""
    if span and span[1] > start:
        return span[1]
    return max(FALLBACK_SPAN[1], start)


def _export_span(view: ExportView) -> tuple[date, date] | None:
    """The dates the export speaks of: its claims' bounds and any documents' own dates."""
    ranges = list(view.dates.values())
    ranges.extend(edtf_range(d.get("date")) for d in view.documents if d.get("date"))
    return data_date_span(ranges)


def _edge_attributes(view: ExportView, claim: dict[str, Any],
                     span: tuple[date, date] | None) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "id": claim["id"],
        "label": view.type_label(claim["type"]),
        "relation": claim["type"],
        "claim_kind": "relation" if view.is_relation(claim["type"]) else "event",
        "polarity": claim.get("polarity") or "affirmed",
        "mutual": claim["type"] in MUTUAL_RELATIONS,
        "hearsay": bool(claim.get("hearsay") or claim.get("attributed_to")),
        "evidence": LIST_SEPARATOR.join(
            f"{e['document']}:{e['start']}-{e['end']}" for e in claim["evidence"]),
    }
    for key in ("role", "status"):
        if claim.get(key):
            attrs[key] = str(claim[key])
    if isinstance(claim.get("confidence"), int | float):
        attrs["confidence"] = float(claim["confidence"])
    informant = claim.get("attributed_to")
    if informant:
        attrs["informant"] = informant
        attrs["informant_label"] = view.label(informant) or informant
    bounds = view.dates.get(claim["id"])
    if claim.get("date"):
        attrs["date"] = claim["date"]
    if bounds is not None:
        attrs["date_uncertain"] = bounds.uncertain
        attrs["date_approximate"] = bounds.approximate
        attrs["date_clamped"] = bounds.start is None or bounds.end is None
        start = bounds.start or _clamp_start(bounds.end, span)
        end = bounds.end or _clamp_end(bounds.start, span)
        attrs["start"], attrs["end"] = start.isoformat(), end.isoformat()
    return attrs


def build_graph(data: dict[str, Any]) -> nx.MultiDiGraph:
    """The export as a networkx multigraph (nodes by entity id, edges keyed by claim id)."""
    view = ExportView(data)
    graph = nx.MultiDiGraph(name="kartoteka")
    mentions = Counter(m["entity"] for m in view.mentions if m.get("entity"))
    for entity in view.entities_of_kind(*NODE_KINDS):
        graph.add_node(entity["id"], **_node_attributes(view, entity, mentions))
    span = _export_span(view)
    for claim in view.claims:
        subject, target = claim["subject"], claim.get("object")
        if subject in graph and target in graph and subject != target:
            graph.add_edge(subject, target, key=claim["id"],
                           **_edge_attributes(view, claim, span))
    for group in view.entities_of_kind("group"):
        for member in group.get("members") or []:
            if member in graph:
                key = f"member-{group['id']}-{member}"
                graph.add_edge(member, group["id"], key=key, id=key, label="member of",
                               relation="member_of", claim_kind="membership",
                               polarity="affirmed", mutual=False, hearsay=False)
    return graph


def to_gexf(data: dict[str, Any]) -> bytes:
    """GEXF 1.2 for Gephi: dynamic edge intervals, mutual relations as ``type="mutual"``."""
    graph = build_graph(data)
    for _, _, attrs in graph.edges(data=True):
        attrs["type"] = "mutual" if attrs["mutual"] else "directed"
    buffer = io.BytesIO()
    nx.write_gexf(graph, buffer)
    return buffer.getvalue()


def to_graphml(data: dict[str, Any]) -> bytes:
    """GraphML: the same nodes and edges, the interval as plain ``start``/``end`` attributes."""
    buffer = io.BytesIO()
    nx.write_graphml(build_graph(data), buffer, encoding="utf-8")
    return buffer.getvalue()
