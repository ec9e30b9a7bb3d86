"""The application object: settings, headers, static files, error pages, optional routers."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kartoteka.errors import StoreError
from kartoteka.web.app import WebSettings, create_app, create_app_from_env
from kartoteka.web.settings import SettingsError


def test_app_refuses_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        create_app(WebSettings(db=str(tmp_path / "missing.db")))


def test_app_from_env_needs_a_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KARTOTEKA_DB", raising=False)
    with pytest.raises(SettingsError, match="KARTOTEKA_DB"):
        create_app_from_env()


@pytest.mark.parametrize("path", ["/persons", "/static/app.css", "/nowhere"])
def test_app_security_headers_on_every_response(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_app_serves_its_own_script_and_no_cdn_docs(client: TestClient) -> None:
    script = client.get("/static/app.js")
    assert script.status_code == 200 and "keydown" in script.text
    assert client.get("/docs").status_code == 404
    assert "cdn" not in client.get("/persons").text.casefold()


def test_app_not_found_is_a_page_or_json(client: TestClient) -> None:
    page = client.get("/nowhere")
    assert page.status_code == 404 and "<h1>404</h1>" in page.text
    assert client.get("/nowhere.json").json() == {"detail": "Not Found"}


def test_app_root_goes_to_the_persons(client: TestClient) -> None:
    reply = client.get("/", follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == "/persons"


@pytest.mark.skipif(importlib.util.find_spec("kartoteka.web.routers.reconcile") is None,
                    reason="the reconciliation router is not in this tree")
def test_app_mounts_the_reconciliation_service(client: TestClient) -> None:
    assert "/reconcile" in client.get("/openapi.json").json()["paths"]
