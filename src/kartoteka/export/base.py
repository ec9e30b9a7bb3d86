"""What every publishing format shares: a read-only view of an export, and the format registry.

Each exporter is a pure function of the ``kartoteka-export/1`` object (shared/export-format.md),
so it needs no database. Fields beyond the schema are used when present and never required:
``documents[].text`` (the stored text the offsets index), ``documents[].kind``,
``documents[].source_path``, ``documents[].author``, ``entities[].gender`` ("m"/"f"),
``claims[].confidence``, ``claims[].status`` (rejected claims are never published),
``claims[].hearsay`` and ``mentions[].id``.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from kartoteka.dates import DateRange, edtf_range
from kartoteka.errors import KartotekaError
from kartoteka.names.script import is_cyrillic
from kartoteka.vocabulary import Vocabulary, load_vocabulary

# Relations that hold both ways: published as @mutual in TEI and as mutual edges in Gephi.
MUTUAL_RELATIONS = load_vocabulary().group("mutual")
UNPUBLISHED_STATUSES = frozenset({"rejected"})


class ExportFormatError(KartotekaError):
    """An unknown export format, or an output path the format cannot write."""


def name_language(name: str) -> str:
    """Language tag for a name form: "ru" when it has Cyrillic letters, else "en".

    A Latin form of a Russian name is a transliteration found in an English (or translated)
    source, so it is tagged with the language of the text it was read from.
    """
    return "ru" if is_cyrillic(name) else "en"


@dataclass(frozen=True)
class Passage:
    """One evidence span of a claim, with its quoted text when the export carries the text."""

    document: str
    start: int
    end: int
    text: str | None


class ExportView:
    """Lookups over an export object that every format needs, computed once."""

    def __init__(self, data: dict[str, Any], *, vocabulary: Vocabulary | None = None) -> None:
        self.data = data
        self.vocabulary = vocabulary or load_vocabulary()
        self.documents: list[dict[str, Any]] = list(data.get("documents") or [])
        self.entities: list[dict[str, Any]] = list(data.get("entities") or [])
        self.mentions: list[dict[str, Any]] = list(data.get("mentions") or [])
        self.document_by_id = {d["id"]: d for d in self.documents}
        self.entity_by_id = {e["id"]: e for e in self.entities}

    @cached_property
    def claims(self) -> list[dict[str, Any]]:
        """The claims fit to publish: all but the rejected ones."""
        return [c for c in self.data.get("claims") or []
                if c.get("status") not in UNPUBLISHED_STATUSES]

    @cached_property
    def dates(self) -> dict[str, DateRange | None]:
        return {c["id"]: edtf_range(c.get("date")) for c in self.claims}

    @cached_property
    def mentions_by_document(self) -> dict[str, list[dict[str, Any]]]:
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for mention in self.mentions:
            grouped[mention["document"]].append(mention)
        return grouped

    @cached_property
    def claims_by_subject(self) -> dict[str, list[dict[str, Any]]]:
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for claim in self.claims:
            grouped[claim["subject"]].append(claim)
        return grouped

    def entities_of_kind(self, *kinds: str) -> Iterator[dict[str, Any]]:
        return (e for e in self.entities if e.get("kind") in kinds)

    def label(self, entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        entity = self.entity_by_id.get(entity_id)
        return entity["label"] if entity else None

    def kind(self, entity_id: str | None) -> str | None:
        entity = self.entity_by_id.get(entity_id) if entity_id else None
        return entity["kind"] if entity else None

    def text(self, document_id: str) -> str | None:
        document = self.document_by_id.get(document_id)
        return document.get("text") if document else None

    def passages(self, claim: dict[str, Any]) -> list[Passage]:
        out = []
        for span in claim.get("evidence") or []:
            text = self.text(span["document"])
            quoted = text[span["start"]:span["end"]] if text is not None else None
            out.append(Passage(span["document"], span["start"], span["end"], quoted))
        return out

    def mention_id(self, mention: dict[str, Any]) -> str:
        """The mention's own id, or one derived from its place (stable across runs)."""
        return mention.get("id") or f"{mention['document']}:{mention['start']}-{mention['end']}"

    def type_label(self, claim_type: str) -> str:
        return self.vocabulary[claim_type].en if claim_type in self.vocabulary else claim_type

    def is_relation(self, claim_type: str) -> bool:
        return claim_type in self.vocabulary and self.vocabulary[claim_type].kind == "relation"

    def names(self, entity: dict[str, Any]) -> list[str]:
        """Every name form of an entity, the label first, each once (case aside)."""
        forms: dict[str, str] = {}
        for name in [entity["label"], *(entity.get("names") or [])]:
            if name and name.strip():
                forms.setdefault(name.strip().casefold(), name.strip())
        return list(forms.values())


# --- the registry -------------------------------------------------------------------------

Renderer = Callable[[dict[str, Any]], bytes]
Writer = Callable[[dict[str, Any], Path], list[Path]]


@dataclass(frozen=True)
class ExportFormat:
    """A format the CLI can write: its name, usual file suffix, media type and how to make it.

    A single-file format has a ``renderer`` (export → bytes); a many-file one (csv) a
    ``writer`` (export, path → files written). Each imports its format module when called, so
    choosing one format never imports the libraries of the others (lxml, networkx, rdflib).
    """

    name: str
    suffix: str
    media_type: str
    description: str
    renderer: Renderer | None = None
    writer: Writer | None = None

    def render(self, data: dict[str, Any]) -> bytes:
        if self.renderer is None:
            raise ExportFormatError(f"{self.name} writes several files: give a folder or .zip")
        return self.renderer(data)

    def write(self, data: dict[str, Any], out: Path | None) -> list[Path]:
        if self.writer is not None:
            if out is None:
                raise ExportFormatError(f"{self.name} needs an output folder or .zip file")
            return self.writer(data, out)
        payload = self.render(data)
        if out is None:
            sys.stdout.buffer.write(payload)
            sys.stdout.flush()
            return []
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(payload)
        return [out]


def render_tei(data: dict[str, Any]) -> bytes:
    from kartoteka.export.tei import to_tei
    return to_tei(data)


def render_gexf(data: dict[str, Any]) -> bytes:
    from kartoteka.export.graph import to_gexf
    return to_gexf(data)


def render_graphml(data: dict[str, Any]) -> bytes:
    from kartoteka.export.graph import to_graphml
    return to_graphml(data)


def render_jsonld(data: dict[str, Any]) -> bytes:
    from kartoteka.export.jsonld import to_jsonld
    return json.dumps(to_jsonld(data), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def render_turtle(data: dict[str, Any]) -> bytes:
    from kartoteka.export.jsonld import to_turtle
    return to_turtle(data).encode("utf-8")


def write_csv(data: dict[str, Any], out: Path) -> list[Path]:
    from kartoteka.export.csv import to_csv
    return to_csv(data, out)


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("tei", ".xml", "application/tei+xml",
                 "TEI P5: standOff person/org/place/relation lists and the annotated texts",
                 renderer=render_tei),
    ExportFormat("csv", ".zip", "application/zip",
                 "CSV tables (a folder, or a .zip when the path ends in .zip)",
                 writer=write_csv),
    ExportFormat("gexf", ".gexf", "application/gexf+xml",
                 "GEXF network for Gephi, with dynamic time intervals", renderer=render_gexf),
    ExportFormat("graphml", ".graphml", "application/graphml+xml",
                 "GraphML network (yEd, Cytoscape, igraph, networkx)", renderer=render_graphml),
    ExportFormat("jsonld", ".jsonld", "application/ld+json",
                 "JSON-LD linked data (schema.org, PROV-O, Web Annotation)",
                 renderer=render_jsonld),
    ExportFormat("turtle", ".ttl", "text/turtle", "the same linked data as Turtle",
                 renderer=render_turtle),
)}


def get_format(name: str) -> ExportFormat:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise ExportFormatError(f"unknown export format {name!r} (known: {known})") from None


def render_export(data: dict[str, Any], fmt: str) -> bytes:
    """A single-file format as bytes (every format but csv)."""
    return get_format(fmt).render(data)


def write_export(data: dict[str, Any], fmt: str, out_path: Path | str | None) -> list[Path]:
    """Write ``data`` in format ``fmt`` to ``out_path`` (standard output when None, for the
    single-file formats); returns the files written."""
    return get_format(fmt).write(data, Path(out_path) if out_path is not None else None)
