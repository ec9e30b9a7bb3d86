"""Every format over real texts: the seed and a Russian text from ../shared, read at run time.

The annotations are made mechanically (every capitalised run a mention, every sentence a
claim, spans shifted to cross one another), not by the extractor: the point is that real
prose, real punctuation and dense, overlapping offsets survive every format.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from lxml import etree
from rdflib import Graph

from kartoteka.export.csv import to_csv
from kartoteka.export.graph import to_gexf, to_graphml
from kartoteka.export.jsonld import to_jsonld, to_turtle
from kartoteka.export.tei import to_tei
from kartoteka.vocabulary import load_vocabulary
from tests.export.test_tei import _assert_valid, _relaxng, _tei_all_path

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED = SHARED / "corpus" / "000_631d22f20abd596a.txt"
RUSSIAN = SHARED / "corpus" / "dev" / "texts"
NAME_RUN = re.compile(r"\b[A-ZА-ЯЁ][a-zа-яё]+(?:[ -][A-ZА-ЯЁ][a-zа-яё]+)*")
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
DATES = ["1937", "1938-22", "1937-21?", "1936/1938", "1920/..", "../1938-05", "193X", None]


def _russian_text() -> Path | None:
    found = sorted(RUSSIAN.glob("ru-*.txt")) if RUSSIAN.is_dir() else []
    return found[0] if found else None


def _annotate(doc_id: str, text: str, language: str, entities: dict[str, dict[str, Any]],
              claims: list[dict[str, Any]], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    types = list(load_vocabulary().claim_types)
    for match in NAME_RUN.finditer(text):
        words = match.group(0).split()
        key = "e-" + hashlib.sha1(words[-1].casefold().encode()).hexdigest()[:8]
        entity = entities.setdefault(key, {
            "id": key, "kind": "person" if len(mentions) % 5 else "organization",
            "label": match.group(0), "names": [], "members": [], "authority": []})
        entity["names"].append(match.group(0))
        mentions.append({"document": doc_id, "start": match.start(), "end": match.end(),
                         "text": match.group(0), "entity": key})
        if len(mentions) % 7 == 0 and match.end() + 3 <= len(text):  # one that crosses
            mentions.append({"document": doc_id, "start": match.start() + 1,
                             "end": match.end() + 3, "text": text[match.start() + 1:
                                                                  match.end() + 3],
                             "entity": key})
    subjects = [m for m in mentions if m["document"] == doc_id]
    for number, sentence in enumerate(SENTENCE.finditer(text)):
        inside = [m["entity"] for m in subjects
                  if sentence.start() <= m["start"] and m["end"] <= sentence.end()]
        if not inside:
            continue
        start = sentence.start() + (3 if number % 4 == 0 else 0)  # starts inside a word
        claims.append({
            "id": f"{doc_id}-c{number}", "type": types[number % len(types)],
            "subject": inside[0], "object": inside[1] if len(inside) > 1 else None,
            "role": "deputy head" if number % 6 == 0 else None,
            "date": DATES[number % len(DATES)], "place": None,
            "polarity": "negated" if number % 5 == 0 else "affirmed",
            "attributed_to": inside[-1] if number % 3 == 0 else None,
            "evidence": [{"document": doc_id, "start": start,
                          "end": min(len(text), sentence.end() + (40 if number % 4 == 1 else 0))}],
            "confidence": 0.5 + (number % 5) / 10,
            "status": "rejected" if number % 9 == 0 else "proposed",
            "hearsay": number % 3 == 0,
        })
    return {"id": doc_id, "title": text.splitlines()[0][:80], "language": language,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "length": len(text),
            "text": text}


@pytest.fixture(scope="module")
def real_export() -> dict[str, Any]:
    if not SEED.is_file():
        pytest.skip("../shared/corpus is not beside the repository")
    entities: dict[str, dict[str, Any]] = {}
    claims: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    documents = [_annotate("seed", SEED.read_text(encoding="utf-8"), "en", entities, claims,
                           mentions)]
    russian = _russian_text()
    if russian is not None:
        documents.append(_annotate("ru", russian.read_text(encoding="utf-8"), "ru", entities,
                                   claims, mentions))
    return {"format": "kartoteka-export/1", "documents": documents,
            "entities": list(entities.values()), "mentions": mentions, "claims": claims}


def test_seed_tei_valid(real_export: dict[str, Any]) -> None:
    root = _assert_valid(to_tei(real_export), _relaxng(_tei_all_path()))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    for document in real_export["documents"]:
        (text,) = root.xpath("//t:text[@xml:id=$id]", namespaces=ns, id=document["id"])
        rendered = "".join("".join(p.itertext()) for p in text.iterfind("t:body/t:p", ns))
        assert "".join(rendered.split()) == "".join(document["text"].split())
    ids = set(root.xpath("//@xml:id"))
    published = {c["id"] for c in real_export["claims"] if c["status"] != "rejected"}
    assert published and published <= ids
    mentions_marked = root.xpath("//t:text//*[@ref]", namespaces=ns)
    assert len(mentions_marked) > len(real_export["mentions"]) // 2


def test_seed_csv_graph_rdf(real_export: dict[str, Any], tmp_path: Path) -> None:
    (archive,) = to_csv(real_export, tmp_path / "t.zip")
    with zipfile.ZipFile(archive) as tables:
        claims = tables.read("claims.csv").decode("utf-8-sig")
    assert claims.count("\n") > 10
    gexf = nx.read_gexf(io.BytesIO(to_gexf(real_export)))
    graphml = nx.read_graphml(io.BytesIO(to_graphml(real_export)), force_multigraph=True)
    assert gexf.number_of_nodes() == graphml.number_of_nodes() > 10
    assert graphml.number_of_edges() > 0
    turtle = Graph().parse(data=to_turtle(real_export), format="turtle")
    assert len(turtle) > 200
    json.dumps(to_jsonld(real_export))
    assert etree.fromstring(to_gexf(real_export)) is not None
