"""The pure part of a Reconciliation Service API 0.2 endpoint (what OpenRefine speaks).

OpenRefine sends a column of names; the service answers, for each, candidates from the card
index with a score (0–100) and a ``match`` flag for the ones sure enough to accept unseen.
The candidates come from the store's one entity search (``kartoteka.store.search``: the same
name keys the web UI's search box looks up); this module only ranks them. A query is parsed as
a personal name and compared with every name form of a candidate (``compare_names``), so
"Ljubimow", "G. Lubimov" and "Любимов Григорий" all find Grigory Lyubimov, while "Anna Orlova"
does not take Pavel Orlov (the given name and the gender disagree). Organisations are compared
as transliterated strings. The web router (``kartoteka.web.routers.reconcile``) only parses
requests and calls these functions.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from kartoteka.export.base import ExportView
from kartoteka.names import (
    PersonName,
    compare_names,
    fold,
    latin_variants,
    parse_person_name,
    to_cyrillic,
)
from kartoteka.names.script import is_cyrillic
from kartoteka.store.search import NameKeys, name_keys_of, search_candidates

TYPES: dict[str, dict[str, str]] = {
    "person": {"id": "person", "name": "Person"},
    "organization": {"id": "organization", "name": "Organization"},
}
DEFAULT_LIMIT = 5
# A candidate is a sure match when it scores this high (a surname alone gives 80 at most, so
# a given name or initial must agree) and leads the next candidate by this margin.
MATCH_SCORE = 88.0
MATCH_MARGIN = 8.0
EXACT_BONUS = 0.05  # the very spelling of a known form beats a variant of equal score


@dataclass
class IndexEntry:
    id: str
    kind: str
    label: str
    names: list[str]
    parsed: list[PersonName]
    folded: list[str]
    description: str


@dataclass
class ReconcileIndex:
    """Person and organisation entities with their name forms, parsed and keyed once."""

    entries: dict[str, IndexEntry] = field(default_factory=dict)
    keys: NameKeys = field(default_factory=NameKeys)

    def __len__(self) -> int:
        return len(self.entries)


def _describe(view: ExportView, entity: dict[str, Any], names: list[str]) -> str:
    """A line to tell namesakes apart: the first few posts and events, else other names."""
    parts = []
    for claim in view.claims_by_subject.get(entity["id"], [])[:3]:
        part = claim.get("role") or view.type_label(claim["type"])
        if claim.get("polarity") == "negated":
            part = f"not {part}"
        parts.append(f"{part} {claim['date']}" if claim.get("date") else part)
    return "; ".join(parts) or ", ".join(names[1:4])


def build_index(data: dict[str, Any]) -> ReconcileIndex:
    """Index the person and organisation entities of an export for reconciliation."""
    view = ExportView(data)
    index = ReconcileIndex()
    for entity in view.entities_of_kind(*TYPES):
        names = view.names(entity)
        parsed = [parse_person_name(n) for n in names] if entity["kind"] == "person" else []
        entry = IndexEntry(
            id=entity["id"], kind=entity["kind"], label=entity["label"], names=names,
            parsed=parsed, folded=[fold(n) for n in names],
            description=_describe(view, entity, names),
        )
        index.entries[entry.id] = entry
    index.keys = name_keys_of((e.id, e.label, e.names) for e in index.entries.values())
    return index


def _wanted_kinds(query: dict[str, Any]) -> set[str]:
    wanted = query.get("type")
    if not wanted:
        return set(TYPES)
    wanted = [wanted] if isinstance(wanted, str) else list(wanted)
    return {w for w in wanted if w in TYPES}


def _score(entry: IndexEntry, text: str, parsed: PersonName, folded: str) -> float:
    """0..1: the best agreement between the query and any name form of the entry."""
    best = 0.0
    for index, form in enumerate(entry.names):
        exact = folded and folded == entry.folded[index]
        if entry.kind == "person":
            score = compare_names(parsed, entry.parsed[index]).score
        else:
            score = fuzz.token_sort_ratio(folded, entry.folded[index]) / 100
        if exact or text.casefold() == form.casefold():
            score = min(1.0, score + EXACT_BONUS) if entry.kind == "person" else 1.0
        best = max(best, score)
    return best


def reconcile_query(index: ReconcileIndex, query: dict[str, Any]) -> list[dict[str, Any]]:
    """Candidates for one query, best first (Reconciliation API 0.2 result objects)."""
    text = str(query.get("query") or "").strip()
    if not text:
        return []
    limit = query.get("limit")
    limit = int(limit) if isinstance(limit, int | float) and limit > 0 else DEFAULT_LIMIT
    kinds = _wanted_kinds(query)
    parsed, folded = parse_person_name(text), fold(text)
    scored = []
    for entity_id in search_candidates(index.keys, text):
        entry = index.entries[entity_id]
        if entry.kind in kinds:
            score = round(100 * _score(entry, text, parsed, folded), 1)
            if score > 0:
                scored.append((score, entry))
    scored.sort(key=lambda pair: (-pair[0], pair[1].label, pair[1].id))
    results = []
    for rank, (score, entry) in enumerate(scored[:limit]):
        runner_up = scored[rank + 1][0] if rank + 1 < len(scored) else 0.0
        results.append({
            "id": entry.id, "name": entry.label, "description": entry.description,
            "score": score,
            "match": rank == 0 and score >= MATCH_SCORE and score - runner_up >= MATCH_MARGIN,
            "type": [TYPES[entry.kind]],
            "features": [{"id": "name_similarity", "value": score / 100}],
        })
    return results


def reconcile_batch(index: ReconcileIndex, queries: dict[str, Any]) -> dict[str, Any]:
    """Answer a batch ``{"q0": {"query": "…", "type": …, "limit": …}, …}``."""
    return {key: {"result": reconcile_query(index, query if isinstance(query, dict) else {})}
            for key, query in queries.items()}


def _prefix_forms(prefix: str) -> set[str]:
    forms = {prefix.casefold(), fold(prefix)}
    if not is_cyrillic(prefix):
        forms.add(to_cyrillic(prefix).casefold())
    return {f for f in forms if f}


def _spellings(entry: IndexEntry) -> Iterable[str]:
    for name in entry.names:
        yield name.casefold()
        yield from (variant.casefold() for variant in latin_variants(name))
    yield from entry.folded


def suggest_entities(index: ReconcileIndex, prefix: str, *, limit: int = 10) -> dict[str, Any]:
    """Entities with a name word that starts with ``prefix``, in either script."""
    wanted = _prefix_forms(prefix.strip())
    result = []
    if wanted:
        for entry in index.entries.values():
            words = {word for spelling in _spellings(entry) for word in spelling.split()}
            if any(word.startswith(p) for word in words for p in wanted):
                result.append({"id": entry.id, "name": entry.label,
                               "description": entry.description,
                               "notable": [TYPES[entry.kind]]})
            if len(result) >= limit:
                break
    return {"result": result}


def preview_html(index: ReconcileIndex, entity_id: str) -> str | None:
    """A small HTML card for OpenRefine's preview pane; None for an unknown id."""
    entry = index.entries.get(entity_id)
    if entry is None:
        return None
    names = ", ".join(html.escape(n) for n in entry.names[1:])
    lines = [
        f"<strong>{html.escape(entry.label)}</strong> "
        f"<small>({html.escape(TYPES[entry.kind]['name'])} {html.escape(entry.id)})</small>",
    ]
    if names:
        lines.append(f"<div>Also: {names}</div>")
    if entry.description:
        lines.append(f"<div>{html.escape(entry.description)}</div>")
    return ("<div style=\"font: 13px sans-serif; margin: 4px\">"
            + "".join(lines) + "</div>")


def manifest(base_url: str, *, view_url: str | None = None,
             name: str = "kartoteka") -> dict[str, Any]:
    """The service manifest; ``base_url`` is the endpoint itself (…/reconcile).

    ``view_url`` is the page of an entity in the web app, with ``{{id}}``; by default the
    ``/entities/{{id}}`` page beside the endpoint.
    """
    base = base_url.rstrip("/")
    root = base[: -len("/reconcile")] if base.endswith("/reconcile") else base
    return {
        "versions": ["0.2"],
        "name": name,
        "identifierSpace": f"{root}/entities/",
        "schemaSpace": f"{root}/vocabulary/",
        "defaultTypes": list(TYPES.values()),
        "view": {"url": view_url or f"{root}/entities/{{{{id}}}}"},
        "preview": {"url": f"{base}/preview?id={{{{id}}}}", "width": 420, "height": 140},
        "suggest": {"entity": {"service_url": base, "service_path": "/suggest/entity"}},
    }
