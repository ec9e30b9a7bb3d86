"""The /reconcile router on a bare FastAPI app, driven in-process as OpenRefine would."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jsonschema
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT7

from kartoteka.export.reconcile import build_index
from kartoteka.web.auth import Viewer, reader
from kartoteka.web.routers.reconcile import get_reconcile_index, router
from kartoteka.web.settings import WebSettings
from tests.export.sample import build_sample_export

SCHEMAS = Path(__file__).resolve().parents[4] / "shared" / "schemas" / "reconciliation-0.2"
SCHEMA_BASE = "https://reconciliation-api.github.io/specs/0.2/schemas/"


def _assert_valid(name: str, instance: Any) -> None:
    if not SCHEMAS.is_dir():
        pytest.skip("../shared/schemas/reconciliation-0.2 is not beside the repository")

    def retrieve(uri: str) -> Resource:
        path = SCHEMAS / uri.removeprefix(SCHEMA_BASE)
        if not uri.startswith(SCHEMA_BASE) or not path.is_file():
            raise NoSuchResource(ref=uri)
        return Resource.from_contents(json.loads(path.read_text(encoding="utf-8")),
                                      default_specification=DRAFT7)

    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, registry=Registry(retrieve=retrieve))
    assert not [e.message for e in validator.iter_errors(instance)]


@pytest.fixture
def client() -> TestClient:
    data = build_sample_export()
    data["entities"].append({"id": "p66", "kind": "person", "label": "<b>Orlov</b> & son",
                             "names": [], "members": [], "authority": []})
    index = build_index(data)
    app = FastAPI()
    app.include_router(router)
    app.dependency_overrides[get_reconcile_index] = lambda: index
    # The router alone, without the site's sessions: a reader is assumed, and the settings
    # give the base URL the manifest is built from.
    app.dependency_overrides[reader] = lambda: Viewer("reader", "viewer")
    app.state.kartoteka = SimpleNamespace(settings=WebSettings(db="", base_url="http://testserver"))
    return TestClient(app)


def test_reconcile_router_manifest(client: TestClient) -> None:
    response = client.get("/reconcile")
    assert response.status_code == 200
    document = response.json()
    _assert_valid("manifest.json", document)
    assert document["suggest"]["entity"]["service_url"] == "http://testserver/reconcile"
    preview = document["preview"]["url"].replace("{{id}}", "p2")
    assert "Grigory Lyubimov" in client.get(preview).text


QUERIES = {"q0": {"query": "Ljubimow"}, "q1": {"query": "Павел Орлов", "type": "person"},
           "q2": {"query": "НКВД", "type": "organization", "limit": 2}}


@pytest.mark.parametrize("method", ["post", "get"])
def test_reconcile_router_batch(client: TestClient, method: str) -> None:
    payload = {"queries": json.dumps(QUERIES, ensure_ascii=False)}
    if method == "post":
        response = client.post("/reconcile", data=payload)  # form-encoded, as OpenRefine sends
    else:
        response = client.get("/reconcile", params=payload)
    assert response.status_code == 200
    answer = response.json()
    _assert_valid("reconciliation-result-batch.json", answer)
    assert [answer[k]["result"][0]["id"] for k in ("q0", "q1", "q2")] == ["p2", "p1", "o1"]


@pytest.mark.parametrize("queries", ["not json", "[1, 2]", '{"q0": "Orlov"}'])
def test_reconcile_router_rejects_bad_queries(client: TestClient, queries: str) -> None:
    assert client.post("/reconcile", data={"queries": queries}).status_code == 400


def test_reconcile_router_suggest(client: TestClient) -> None:
    response = client.get("/reconcile/suggest/entity", params={"prefix": "Любим"})
    answer = response.json()
    _assert_valid("suggest-entities-response.json", answer)
    assert [r["id"] for r in answer["result"]] == ["p2"]


def test_reconcile_router_preview_is_escaped_and_framable(client: TestClient) -> None:
    response = client.get("/reconcile/preview", params={"id": "p66"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<b>" not in response.text and "&lt;b&gt;Orlov&lt;/b&gt; &amp; son" in response.text
    assert "frame-ancestors *" in response.headers["content-security-policy"]
    assert client.get("/reconcile/preview", params={"id": "nobody"}).status_code == 404


def test_reconcile_router_without_index_is_unavailable() -> None:
    app = FastAPI()
    app.include_router(router)
    app.dependency_overrides[reader] = lambda: Viewer("reader", "viewer")
    app.state.kartoteka = SimpleNamespace(settings=WebSettings(db="", base_url="http://testserver"))
    assert TestClient(app).get("/reconcile").status_code == 503
    app.state.reconcile_index = build_index(build_sample_export())
    assert TestClient(app).get("/reconcile").status_code == 200
