"""Reconciliation (OpenRefine API 0.2): cross-script, variant-aware matching, answers that
validate against the W3C community group's JSON Schemas (read from ../shared at run time)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT7

from kartoteka.export.reconcile import (
    build_index,
    manifest,
    preview_html,
    reconcile_batch,
    suggest_entities,
)
from tests.export.sample import build_sample_export

SCHEMAS = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "reconciliation-0.2"
SCHEMA_BASE = "https://reconciliation-api.github.io/specs/0.2/schemas/"

# Namesakes and near-namesakes, so that "the right one first" means something.
DISTRACTORS = [
    {"id": "p6", "kind": "person", "label": "Grigory Lyubin", "names": ["Григорий Любин"]},
    {"id": "p7", "kind": "person", "label": "Pyotr Orlovsky", "names": ["Orlovsky"]},
    {"id": "p8", "kind": "person", "label": "Maria Kravchenko", "names": ["Мария Кравченко"]},
    {"id": "p9", "kind": "person", "label": "Nikolai Zimin", "names": ["Zimin"],
     "gender": "m"},  # a second Zimin: the initial or given name must not be enough alone
    {"id": "o3", "kind": "organization", "label": "NKVD of the Ukrainian SSR",
     "names": ["НКВД УССР"]},
]

# (query, type or None, the entity that must come first)
BATCH = [
    ("Ljubimow", None, "p2"),                # German spelling
    ("Любимов Григорий", None, "p2"),         # Cyrillic, surname first
    ("G. Lubimov", "person", "p2"),         # initial, dropped y
    ("Pawel Orlow", None, "p1"),             # Polish/German spelling
    ("Павел Орлов", None, "p1"),              # Cyrillic
    ("Orlova, Anna", None, "p4"),           # comma order, feminine form
    ("Анна Орлова", "person", "p4"),
    ("Kravetz", None, "p3"),                 # surname alone, variant spelling
    ("Мария Кравец", None, "p3"),
    ("Liubimov Grigorii", None, "p2"),       # Library of Congress style
    ("НКВД", "organization", "o1"),
]


def _export() -> dict[str, Any]:
    data = build_sample_export()
    for entity in DISTRACTORS:
        data["entities"].append({"members": [], "authority": [], **entity})
    return data


@pytest.fixture(scope="module")
def index() -> Any:
    return build_index(_export())


def _validator(name: str) -> jsonschema.Validator:
    """A validator for one schema file, its $refs resolved among the neighbouring files only."""
    if not SCHEMAS.is_dir():
        pytest.skip("../shared/schemas/reconciliation-0.2 is not beside the repository")

    def retrieve(uri: str) -> Resource:
        path = SCHEMAS / uri.removeprefix(SCHEMA_BASE)
        if not uri.startswith(SCHEMA_BASE) or not path.is_file():
            raise NoSuchResource(ref=uri)  # never fetched from the network
        return Resource.from_contents(json.loads(path.read_text(encoding="utf-8")),
                                      default_specification=DRAFT7)

    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, registry=Registry(retrieve=retrieve))


def _assert_valid(name: str, instance: Any) -> None:
    errors = [e.message for e in _validator(name).iter_errors(instance)]
    assert not errors


def test_reconcile_batch_puts_the_right_person_first(index: Any) -> None:
    queries = {f"q{n}": {"query": text, **({"type": kind} if kind else {})}
               for n, (text, kind, _) in enumerate(BATCH)}
    _assert_valid("reconciliation-query-batch.json", queries)
    answer = reconcile_batch(index, queries)
    _assert_valid("reconciliation-result-batch.json", answer)
    firsts = {key: (answer[key]["result"] or [{"id": None}])[0]["id"] for key in queries}
    assert firsts == {f"q{n}": expected for n, (_, _, expected) in enumerate(BATCH)}


def test_reconcile_candidates_are_ordered_and_scored(index: Any) -> None:
    result = reconcile_batch(index, {"q": {"query": "Orlov"}})["q"]["result"]
    scores = [c["score"] for c in result]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 100 for s in scores)
    assert result[0]["id"] == "p1"
    assert result[0]["type"] == [{"id": "person", "name": "Person"}]


@pytest.mark.parametrize(("query", "matched"), [
    ("Anna Orlova", True),        # full name, one known person
    ("Григорий Любимов", True),
    ("Lyubimov", False),          # surname alone: a candidate, not a sure match
    ("Zimin", False),             # two Zimins in the index
    ("Orlov", False),
])
def test_reconcile_match_flag(index: Any, query: str, matched: bool) -> None:
    result = reconcile_batch(index, {"q": {"query": query}})["q"]["result"]
    assert result and result[0]["match"] is matched
    assert not any(c["match"] for c in result[1:])


def test_reconcile_gender_and_given_name_keep_family_apart(index: Any) -> None:
    result = reconcile_batch(index, {"q": {"query": "Anna Orlova"}})["q"]["result"]
    scores = {c["id"]: c["score"] for c in result}
    assert scores["p4"] - scores.get("p1", 0) >= 50


@pytest.mark.parametrize(("kind", "allowed"), [("person", {"person"}),
                                                ("organization", {"organization"}),
                                                (["person", "organization"],
                                                 {"person", "organization"})])
def test_reconcile_type_filter(index: Any, kind: Any, allowed: set[str]) -> None:
    result = reconcile_batch(index, {"q": {"query": "NKVD", "type": kind}})["q"]["result"]
    assert all(c["type"][0]["id"] in allowed for c in result)


def test_reconcile_limit_and_empty_query(index: Any) -> None:
    answer = reconcile_batch(index, {"a": {"query": "Orlov", "limit": 1}, "b": {"query": " "}})
    assert len(answer["a"]["result"]) == 1 and answer["b"]["result"] == []


def test_reconcile_manifest_validates() -> None:
    document = manifest("http://localhost:8000/reconcile")
    _assert_valid("manifest.json", document)
    assert document["preview"]["url"].startswith("http://localhost:8000/reconcile/preview")
    assert document["view"]["url"] == "http://localhost:8000/entities/{{id}}"


@pytest.mark.parametrize(("prefix", "expected"), [
    ("Люб", "p2"), ("ljub", "p2"), ("Lyub", "p2"), ("Орл", "p1"), ("kravc", "p8"),
])
def test_reconcile_suggest_crosses_scripts(index: Any, prefix: str, expected: str) -> None:
    answer = suggest_entities(index, prefix)
    _assert_valid("suggest-entities-response.json", answer)
    assert expected in {r["id"] for r in answer["result"]}


def test_reconcile_preview_escapes_names() -> None:
    data = _export()
    data["entities"].append({"id": "p99", "kind": "person", "label": "<script>x</script>",
                             "names": ["A & B"], "members": [], "authority": []})
    snippet = preview_html(build_index(data), "p99")
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet and "A &amp; B" in snippet
    assert preview_html(build_index(data), "nobody") is None
