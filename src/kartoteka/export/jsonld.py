"""Linked data: JSON-LD (and the same graph as Turtle) with schema.org, PROV-O and Web Annotation.

Persons are ``schema:Person`` (name forms as ``schema:name``/``schema:alternateName`` with a
language tag, authority records as ``schema:sameAs``), organisations ``schema:Organization``,
places ``schema:Place``, groups ``foaf:Group``. Each claim is a resource typed ``ktk:Claim``
plus a class of the kartoteka vocabulary for its type (``ktk:Arrest``, ``ktk:SpouseOf``); its
evidence is ``prov:wasQuotedFrom`` an ``oa:SpecificResource`` (the document plus an
``oa:TextPositionSelector``, and an ``oa:TextQuoteSelector`` when the text is exported); its
teller is ``prov:wasAttributedTo`` (the informant, else the document's author). Dates are EDTF
literals plus ``xsd:date`` bounds. docs/formats.md has the whole mapping.

The JSON-LD is written by hand (nested, readable); Turtle is that JSON-LD read by rdflib, so
the two never disagree.
"""

from __future__ import annotations

import json
import re
import warnings
from typing import Any
from urllib.parse import quote

from kartoteka.export.base import ExportView, name_language

# Not (yet) a registered namespace: a URN says so honestly; a deployment that serves its
# records over HTTP passes its own ``base`` for the instance IRIs.
VOCAB = "urn:kartoteka:vocab#"
DEFAULT_BASE = "urn:kartoteka:"
EDTF_DATATYPE = "http://id.loc.gov/datatypes/edtf/EDTF"
CONTEXT: dict[str, str] = {
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "edtf": "http://id.loc.gov/datatypes/edtf/",
    "ktk": VOCAB,
}
ENTITY_TYPES: dict[str, list[str]] = {
    "person": ["schema:Person", "prov:Agent"],
    "organization": ["schema:Organization", "prov:Agent"],
    "place": ["schema:Place"],
    "group": ["foaf:Group", "prov:Agent"],
}
GENDER = {"m": "schema:Male", "f": "schema:Female"}
# Authority sources whose ids make an IRI; others stay a schema:identifier.
AUTHORITY_IRI = {
    "wikidata": "http://www.wikidata.org/entity/{id}",
    "viaf": "http://viaf.org/viaf/{id}",
    "gnd": "https://d-nb.info/gnd/{id}",
    "geonames": "https://sws.geonames.org/{id}/",
}


def claim_class(claim_type: str) -> str:
    """``suicide_attempt`` → ``ktk:SuicideAttempt``: claim types as classes."""
    return "ktk:" + "".join(part.capitalize() for part in claim_type.split("_"))


class LinkedData:
    def __init__(self, view: ExportView, base: str) -> None:
        self.view = view
        self.base = base
        self.separator = base[-1] if base[-1] in ":/#" else "/"
        if self.separator != base[-1]:
            self.base = base + self.separator

    def iri(self, kind: str, identifier: str) -> str:
        return f"{self.base}{kind}{self.separator}{quote(identifier, safe='-._~')}"

    def ref(self, kind: str, identifier: str) -> dict[str, str]:
        return {"@id": self.iri(kind, identifier)}

    def author_iri(self, document_id: str) -> str:
        return self.iri("document", document_id) + "/author"

    def graph(self) -> list[dict[str, Any]]:
        nodes: list[dict[str, Any]] = []
        for document in self.view.documents:
            nodes.extend(self.document(document))
        nodes.extend(self.entity(e) for e in self.view.entities)
        nodes.extend(self.claim(c) for c in self.view.claims)
        return nodes

    def document(self, document: dict[str, Any]) -> list[dict[str, Any]]:
        node: dict[str, Any] = {
            "@id": self.iri("document", document["id"]),
            "@type": ["schema:CreativeWork", "prov:Entity"],
            "schema:identifier": document["id"],
            "schema:name": document.get("title") or document["id"],
            "ktk:sha256": document["sha256"],
            "ktk:length": document["length"],
            "schema:author": {"@id": self.author_iri(document["id"])},
        }
        if document.get("language"):
            node["schema:inLanguage"] = document["language"]
        if document.get("kind"):
            node["schema:genre"] = document["kind"]
        author = document.get("author")
        agent = {
            "@id": self.author_iri(document["id"]), "@type": "prov:Agent",
            "rdfs:label": author or f"author of {document.get('title') or document['id']}",
        }
        if author:
            agent["schema:name"] = author
        return [node, agent]

    def entity(self, entity: dict[str, Any]) -> dict[str, Any]:
        names = [{"@value": n, "@language": name_language(n)} for n in self.view.names(entity)]
        node: dict[str, Any] = {
            "@id": self.iri("entity", entity["id"]),
            "@type": ENTITY_TYPES.get(entity["kind"], ["schema:Thing"]),
            "schema:identifier": entity["id"],
            "schema:name": names[0],
        }
        if names[1:]:
            node["schema:alternateName"] = names[1:]
        if entity.get("gender") in GENDER:
            node["schema:gender"] = {"@id": GENDER[entity["gender"]]}
        same_as, identifiers = [], []
        for link in entity.get("authority") or []:
            template = AUTHORITY_IRI.get(str(link["source"]).lower())
            if template:
                same_as.append({"@id": template.format(id=quote(str(link["id"]), safe=""))})
            elif re.match(r"^https?://", str(link["id"])):
                same_as.append({"@id": str(link["id"])})
            else:
                identifiers.append(f"{link['source']}:{link['id']}")
        if same_as:
            node["schema:sameAs"] = same_as
        if identifiers:
            node["schema:identifier"] = [entity["id"], *identifiers]
        members = [self.ref("entity", m) for m in entity.get("members") or []
                   if m in self.view.entity_by_id]
        if members:
            node["foaf:member"] = members
        return node

    def claim(self, claim: dict[str, Any]) -> dict[str, Any]:
        iri = self.iri("claim", claim["id"])
        subject, target = claim["subject"], claim.get("object")
        label = f"{self.view.type_label(claim['type'])}: {self.view.label(subject) or subject}"
        if target:
            label += f" → {self.view.label(target) or target}"
        node: dict[str, Any] = {
            "@id": iri,
            "@type": ["ktk:Claim", "prov:Entity", claim_class(claim["type"])],
            "rdfs:label": label,
            "ktk:claimType": claim["type"],
            "ktk:subject": self.ref("entity", subject),
            "ktk:polarity": claim.get("polarity") or "affirmed",
            "ktk:hearsay": bool(claim.get("hearsay") or claim.get("attributed_to")),
        }
        for key in ("object", "place"):
            if claim.get(key):
                node[f"ktk:{key}"] = self.ref("entity", claim[key])
        if claim.get("role"):
            node["ktk:role"] = claim["role"]
        if claim.get("status"):
            node["ktk:status"] = claim["status"]
        if isinstance(claim.get("confidence"), int | float):
            node["ktk:confidence"] = {"@value": str(round(float(claim["confidence"]), 4)),
                                      "@type": "xsd:decimal"}
        node.update(self.dates(claim))
        node["prov:wasQuotedFrom"] = [
            self.passage(iri, index, passage)
            for index, passage in enumerate(self.view.passages(claim))]
        if claim.get("attributed_to"):
            node["prov:wasAttributedTo"] = self.ref("entity", claim["attributed_to"])
        else:
            tellers = dict.fromkeys(e["document"] for e in claim["evidence"])
            node["prov:wasAttributedTo"] = [{"@id": self.author_iri(d)} for d in tellers]
        return node

    def dates(self, claim: dict[str, Any]) -> dict[str, Any]:
        if not claim.get("date"):
            return {}
        out: dict[str, Any] = {"ktk:date": {"@value": claim["date"], "@type": "edtf:EDTF"}}
        bounds = self.view.dates.get(claim["id"])
        if bounds is not None:
            if bounds.start:
                out["ktk:notBefore"] = {"@value": bounds.start.isoformat(), "@type": "xsd:date"}
            if bounds.end:
                out["ktk:notAfter"] = {"@value": bounds.end.isoformat(), "@type": "xsd:date"}
            if bounds.uncertain:
                out["ktk:dateUncertain"] = True
            if bounds.approximate:
                out["ktk:dateApproximate"] = True
        return out

    def passage(self, claim_iri: str, index: int, passage: Any) -> dict[str, Any]:
        def integer(value: int) -> dict[str, str]:
            return {"@value": str(value), "@type": "xsd:nonNegativeInteger"}

        # Named rather than blank nodes, so the same export always gives the same Turtle.
        iri = f"{claim_iri}/evidence/{index}"
        selectors: list[dict[str, Any]] = [{
            "@id": f"{iri}/position", "@type": "oa:TextPositionSelector",
            "oa:start": integer(passage.start), "oa:end": integer(passage.end),
        }]
        if passage.text is not None:
            selectors.append({"@id": f"{iri}/quote", "@type": "oa:TextQuoteSelector",
                              "oa:exact": passage.text})
        return {
            "@id": iri,
            "@type": "oa:SpecificResource",
            "oa:hasSource": self.ref("document", passage.document),
            "oa:hasSelector": selectors,
        }


def to_jsonld(data: dict[str, Any], *, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """The export as a JSON-LD document (a dict ready for ``json.dumps``)."""
    return {"@context": dict(CONTEXT),
            "@graph": LinkedData(ExportView(data), base).graph()}


def to_rdf_graph(data: dict[str, Any], *, base: str = DEFAULT_BASE) -> Any:
    """The same statements as an rdflib Graph (prefixes bound), for Turtle or SPARQL."""
    from rdflib import Graph

    graph = Graph()
    with warnings.catch_warnings():  # rdflib's own JSON-LD parser uses its deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        graph.parse(data=json.dumps(to_jsonld(data, base=base)), format="json-ld")
    for prefix, namespace in CONTEXT.items():
        graph.bind(prefix, namespace, replace=True)
    return graph


def to_turtle(data: dict[str, Any], *, base: str = DEFAULT_BASE) -> str:
    return to_rdf_graph(data, base=base).serialize(format="turtle")
