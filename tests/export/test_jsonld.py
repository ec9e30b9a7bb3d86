"""JSON-LD and Turtle: parsed with rdflib, the triples say what the export says."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib import namespace as rdf_namespaces
from rdflib.compare import isomorphic

from kartoteka.export.jsonld import EDTF_DATATYPE, VOCAB, to_jsonld, to_turtle

SDO = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
KTK = Namespace(VOCAB)
pytestmark = pytest.mark.filterwarnings(
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
# Closed rdflib namespaces warn when pytest probes module attributes: keep them off the module.
RDF_TYPE = rdf_namespaces.RDF.type
XSD_DATE = rdf_namespaces.XSD.date
XSD_NON_NEGATIVE = rdf_namespaces.XSD.nonNegativeInteger
BASE = "urn:kartoteka:"


def _iri(kind: str, identifier: str) -> URIRef:
    return URIRef(f"{BASE}{kind}:{identifier}")


def _parse_jsonld(data: dict[str, Any]) -> Graph:
    return Graph().parse(data=json.dumps(to_jsonld(data)), format="json-ld")


@pytest.fixture
def graph(sample_export: dict[str, Any]) -> Graph:
    return _parse_jsonld(sample_export)


def test_jsonld_persons_are_schema_persons(graph: Graph) -> None:
    person = _iri("entity", "p2")
    assert (person, RDF_TYPE, SDO.Person) in graph
    assert (person, SDO.name, Literal("Grigory Lyubimov", lang="en")) in graph
    assert (person, SDO.alternateName, Literal("Любимов", lang="ru")) in graph
    assert (person, SDO.sameAs, URIRef("http://www.wikidata.org/entity/Q4115189")) in graph
    assert (person, SDO.gender, SDO.Male) in graph
    assert (_iri("entity", "o1"), RDF_TYPE, SDO.Organization) in graph


def test_jsonld_claim_type_and_dates(graph: Graph) -> None:
    claim = _iri("claim", "c1")
    assert (claim, RDF_TYPE, KTK.Arrest) in graph and (claim, RDF_TYPE, KTK.Claim) in graph
    assert (claim, KTK.subject, _iri("entity", "p1")) in graph
    assert (claim, KTK.date, Literal("1938-22", datatype=URIRef(EDTF_DATATYPE))) in graph
    assert (claim, KTK.notBefore, Literal("1938-06-01", datatype=XSD_DATE)) in graph
    assert (claim, KTK.notAfter, Literal("1938-08-31", datatype=XSD_DATE)) in graph
    open_ended = _iri("claim", "c8")
    assert graph.value(open_ended, KTK.notAfter) is None
    assert (_iri("claim", "c3"), KTK.polarity, Literal("negated")) in graph


def test_jsonld_evidence_is_a_text_position(sample_export: dict[str, Any], graph: Graph) -> None:
    rows = list(graph.query("""
        SELECT ?doc ?start ?end ?exact WHERE {
          ?claim prov:wasQuotedFrom ?passage .
          ?passage a oa:SpecificResource ; oa:hasSource ?doc ;
                   oa:hasSelector ?position , ?quote .
          ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
          ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
        }""", initNs={"prov": PROV, "oa": OA}, initBindings={"claim": _iri("claim", "c9")}))
    assert len(rows) == 1
    doc, start, end, exact = rows[0]
    text = sample_export["documents"][1]["text"]
    assert doc == _iri("document", "d2")
    assert str(exact) == text[int(start):int(end)]
    assert start.datatype == XSD_NON_NEGATIVE


def test_jsonld_attribution_informant_or_author(graph: Graph) -> None:
    assert (_iri("claim", "c2"), PROV.wasAttributedTo, _iri("entity", "p3")) in graph
    author = graph.value(_iri("claim", "c1"), PROV.wasAttributedTo)
    assert (author, RDF_TYPE, PROV.Agent) in graph
    assert (_iri("document", "d1"), SDO.author, author) in graph
    assert (author, SDO.name, Literal("Elena Sokolova")) in graph
    assert (_iri("claim", "c2"), KTK.hearsay, Literal(True)) in graph


def test_jsonld_rejected_claims_are_left_out(graph: Graph) -> None:
    assert not list(graph.triples((_iri("claim", "c6"), None, None)))
    assert list(graph.triples((_iri("claim", "c5"), None, None)))


def test_jsonld_turtle_says_the_same(any_export: dict[str, Any]) -> None:
    turtle = Graph().parse(data=to_turtle(any_export), format="turtle")
    assert len(turtle) > 100
    assert isomorphic(turtle, _parse_jsonld(any_export))


def test_jsonld_quotes_only_when_the_text_is_exported(any_export: dict[str, Any]) -> None:
    graph = _parse_jsonld(any_export)
    quotes = list(graph.subjects(RDF_TYPE, OA.TextQuoteSelector))
    positions = list(graph.subjects(RDF_TYPE, OA.TextPositionSelector))
    has_text = all("text" in d for d in any_export["documents"])
    assert positions and (len(quotes) == len(positions) if has_text else not quotes)


@pytest.mark.parametrize(("base", "expected"), [
    ("https://archive.example/k/", "https://archive.example/k/entity/p1"),
    ("https://archive.example/k", "https://archive.example/k/entity/p1"),
    ("urn:other:", "urn:other:entity:p1"),
])
def test_jsonld_base_iri(sample_export: dict[str, Any], base: str, expected: str) -> None:
    document = to_jsonld(sample_export, base=base)
    assert expected in {node["@id"] for node in document["@graph"]}
