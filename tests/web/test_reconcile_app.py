"""The reconciliation service inside the real app answers from the database."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from tests.web.conftest import entity


def test_reconcile_app_answers_from_the_database(client: TestClient) -> None:
    manifest = client.get("/reconcile").json()
    assert manifest["versions"] and "name" in manifest
    queries = {"q0": {"query": "Ежов"}, "q1": {"query": "Jeschow"}}
    reply = client.post("/reconcile", data={"queries": json.dumps(queries)})
    assert reply.status_code == 200, reply.text
    answers = reply.json()
    for key in queries:
        assert answers[key]["result"], key
        assert answers[key]["result"][0]["id"] == entity("yezhov")


def test_reconcile_app_sees_a_rename(editor_client: tuple[TestClient, str]) -> None:
    client, csrf = editor_client
    target = entity("yezhov")
    renamed = client.post(f"/api/persons/{target}/rename", json={"label": "N. I. Yezhov"},
                          headers={"X-CSRF-Token": csrf})
    assert renamed.status_code == 200, renamed.text
    queries = {"q0": {"query": "Yezhov"}}
    reply = client.post("/reconcile", data={"queries": json.dumps(queries)}).json()
    assert reply["q0"]["result"][0]["name"] == "N. I. Yezhov"
