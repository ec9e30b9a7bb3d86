"""CSV tables for spreadsheets and Palladio: one file a kind of record, in a folder or a .zip.

Files are UTF-8 *with* a byte-order mark: Excel reads a CSV without one in the legacy code
page and turns Cyrillic into mojibake, while LibreOffice, Palladio (the browser's decoder),
pandas and R's readr all skip the mark. Read them back in Python with ``encoding="utf-8-sig"``.
Dates get columns of their own in the two forms Palladio reads (``YYYY`` or ``YYYY-MM-DD``)
beside the EDTF value; an open end of an interval is an empty cell.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kartoteka.export.base import ExportView, name_language
from kartoteka.export.tei import FATE_AS_DEATH
from kartoteka.names.script import script_of

ENCODING = "utf-8-sig"
LIST_SEPARATOR = "; "
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # fixed, so the same export gives the same bytes

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents.csv": ("id", "title", "language", "kind", "author", "source_path", "sha256",
                      "length", "mentions", "claims"),
    "persons.csv": ("id", "kind", "label", "names", "gender", "members", "member_labels",
                    "authority", "birth", "death", "fates", "claims", "mentions"),
    "organizations.csv": ("id", "label", "names", "authority", "claims", "mentions"),
    "places.csv": ("id", "label", "names", "authority", "claims", "mentions"),
    "names.csv": ("entity", "entity_kind", "entity_label", "name", "preferred", "script",
                  "language"),
    "claims.csv": ("id", "type", "type_label", "kind", "subject", "subject_label", "object",
                   "object_label", "role", "place", "place_label", "date_edtf", "date_start",
                   "date_end", "date_uncertain", "date_approximate", "polarity",
                   "attributed_to", "attributed_to_label", "hearsay", "status", "confidence",
                   "evidence_document", "evidence_start", "evidence_end", "evidence_text",
                   "evidence_count"),
    "evidence.csv": ("claim", "document", "start", "end", "text"),
    "mentions.csv": ("id", "document", "start", "end", "text", "entity", "entity_label",
                     "entity_kind"),
}


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _joined(values: Iterable[Any]) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values if v not in (None, ""))


class CsvTables:
    def __init__(self, view: ExportView) -> None:
        self.view = view
        self.claim_count = Counter(
            entity for c in view.claims
            for entity in {c["subject"], c.get("object"), c.get("place"), c.get("attributed_to")}
            if entity)
        self.mention_count = Counter(m.get("entity") for m in view.mentions if m.get("entity"))

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        return {
            "documents.csv": self.documents(),
            "persons.csv": self.persons(),
            "organizations.csv": self.named("organization"),
            "places.csv": self.named("place"),
            "names.csv": self.names(),
            "claims.csv": self.claims(),
            "evidence.csv": self.evidence(),
            "mentions.csv": self.mentions(),
        }

    def documents(self) -> list[dict[str, Any]]:
        mentions = Counter(m["document"] for m in self.view.mentions)
        claims = Counter(s["document"] for c in self.view.claims
                         for s in {e["document"]: e for e in c["evidence"]}.values())
        return [{**{k: d.get(k) for k in COLUMNS["documents.csv"]},
                 "mentions": mentions[d["id"]], "claims": claims[d["id"]]}
                for d in self.view.documents]

    def _authority(self, entity: dict[str, Any]) -> str:
        return _joined(f"{a['source']}:{a['id']}" for a in entity.get("authority") or [])

    def _dated(self, claims: list[dict[str, Any]], types: Iterable[str]) -> str:
        wanted = set(types)
        return _joined(self._date_cell(c) for c in claims
                       if c["type"] in wanted and c.get("polarity") != "negated")

    def _date_cell(self, claim: dict[str, Any]) -> str:
        bounds = self.view.dates.get(claim["id"])
        if bounds is None:
            return claim.get("date") or ""
        start, end = bounds.start_text(), bounds.end_text()
        return start if start == end else f"{start or ''}/{end or ''}"

    def persons(self) -> list[dict[str, Any]]:
        rows = []
        fates = set(self.view.vocabulary.fates)
        for entity in self.view.entities_of_kind("person", "group"):
            claims = self.view.claims_by_subject.get(entity["id"], [])
            members = entity.get("members") or []
            rows.append({
                "id": entity["id"], "kind": entity["kind"], "label": entity["label"],
                "names": _joined(self.view.names(entity)), "gender": entity.get("gender"),
                "members": _joined(members),
                "member_labels": _joined(self.view.label(m) for m in members),
                "authority": self._authority(entity),
                "birth": self._dated(claims, ["birth"]),
                "death": self._dated(claims, FATE_AS_DEATH),
                "fates": _joined(
                    ("not " if c.get("polarity") == "negated" else "")
                    + self.view.type_label(c["type"])
                    + (f" {c['date']}" if c.get("date") else "")
                    for c in claims if c["type"] in fates),
                "claims": self.claim_count[entity["id"]],
                "mentions": self.mention_count[entity["id"]],
            })
        return rows

    def named(self, kind: str) -> list[dict[str, Any]]:
        return [{"id": e["id"], "label": e["label"], "names": _joined(self.view.names(e)),
                 "authority": self._authority(e), "claims": self.claim_count[e["id"]],
                 "mentions": self.mention_count[e["id"]]}
                for e in self.view.entities_of_kind(kind)]

    def names(self) -> list[dict[str, Any]]:
        return [{"entity": e["id"], "entity_kind": e["kind"], "entity_label": e["label"],
                 "name": name, "preferred": index == 0, "script": script_of(name),
                 "language": name_language(name)}
                for e in self.view.entities
                for index, name in enumerate(self.view.names(e))]

    def claims(self) -> list[dict[str, Any]]:
        rows = []
        for claim in self.view.claims:
            bounds = self.view.dates.get(claim["id"])
            passages = self.view.passages(claim)
            first = passages[0] if passages else None
            confidence = claim.get("confidence")
            rows.append({
                "id": claim["id"], "type": claim["type"],
                "type_label": self.view.type_label(claim["type"]),
                "kind": "relation" if self.view.is_relation(claim["type"]) else "event",
                "subject": claim["subject"], "subject_label": self.view.label(claim["subject"]),
                "object": claim.get("object"), "object_label": self.view.label(claim.get("object")),
                "role": claim.get("role"),
                "place": claim.get("place"), "place_label": self.view.label(claim.get("place")),
                "date_edtf": claim.get("date"),
                "date_start": bounds.start_text() if bounds else None,
                "date_end": bounds.end_text() if bounds else None,
                "date_uncertain": bounds.uncertain if bounds else None,
                "date_approximate": bounds.approximate if bounds else None,
                "polarity": claim.get("polarity"),
                "attributed_to": claim.get("attributed_to"),
                "attributed_to_label": self.view.label(claim.get("attributed_to")),
                "hearsay": bool(claim.get("hearsay") or claim.get("attributed_to")),
                "status": claim.get("status"),
                "confidence": round(confidence, 4) if isinstance(confidence, float) else confidence,
                "evidence_document": first.document if first else None,
                "evidence_start": first.start if first else None,
                "evidence_end": first.end if first else None,
                "evidence_text": first.text if first else None,
                "evidence_count": len(passages),
            })
        return rows

    def evidence(self) -> list[dict[str, Any]]:
        return [{"claim": c["id"], "document": p.document, "start": p.start, "end": p.end,
                 "text": p.text}
                for c in self.view.claims for p in self.view.passages(c)]

    def mentions(self) -> list[dict[str, Any]]:
        return [{"id": self.view.mention_id(m), "document": m["document"], "start": m["start"],
                 "end": m["end"], "text": m["text"], "entity": m.get("entity"),
                 "entity_label": self.view.label(m.get("entity")),
                 "entity_kind": self.view.kind(m.get("entity"))}
                for m in self.view.mentions]


def render_table(name: str, rows: list[dict[str, Any]]) -> bytes:
    """One table as CSV bytes (BOM, header row, RFC 4180 quoting and line ends)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS[name], extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return buffer.getvalue().encode(ENCODING)


def csv_tables(data: dict[str, Any]) -> dict[str, bytes]:
    """Every table of the export, file name to CSV bytes."""
    return {name: render_table(name, rows)
            for name, rows in CsvTables(ExportView(data)).tables().items()}


def to_csv(data: dict[str, Any], out: Path) -> list[Path]:
    """Write the tables into the folder ``out``, or into a zip when ``out`` ends in .zip."""
    out = Path(out)
    tables = csv_tables(data)
    if out.suffix.lower() == ".zip":
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, payload in tables.items():
                info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, payload)
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, payload in tables.items():
        (out / name).write_bytes(payload)
        written.append(out / name)
    return written
