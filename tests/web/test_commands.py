"""``kartoteka serve`` and ``kartoteka user``: the key, the proxy, production mode, tokens."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner

from kartoteka.cli import main
from tests.web.conftest import Fixture


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What ``serve`` would hand to uvicorn (nothing listens)."""
    seen: dict[str, Any] = {}

    def fake_run(app: Any, **kwargs: Any) -> None:
        seen.update(kwargs, app=app)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.delenv("KARTOTEKA_SECRET_KEY", raising=False)
    monkeypatch.delenv("KARTOTEKA_SECRET_FILE", raising=False)
    return seen


def _db(fixture_db: Fixture, tmp_path: Path) -> str:
    path = tmp_path / "serve.db"
    shutil.copy(fixture_db.path, path)
    return str(path)


def test_commands_serve_locally_trusts_no_forwarded_headers(
        served: dict[str, Any], fixture_db: Fixture, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", _db(fixture_db, tmp_path)])
    assert result.exit_code == 0, result.output
    assert served["proxy_headers"] is False and served["forwarded_allow_ips"] == ""
    assert served["app"].state.kartoteka.settings.base_url == "http://127.0.0.1:8000"


def test_commands_serve_in_production_needs_a_secret(served: dict[str, Any], fixture_db: Fixture,
                                                    tmp_path: Path) -> None:
    db = _db(fixture_db, tmp_path)
    result = CliRunner().invoke(main, ["serve", "--db", db, "--proxy", "10.0.0.7"])
    assert result.exit_code != 0 and "--secret-file" in result.output
    assert not served
    key = tmp_path / "site.key"
    key.write_text("k" * 48)
    result = CliRunner().invoke(main, ["serve", "--db", db, "--proxy", "10.0.0.7",
                                       "--secret-file", str(key),
                                       "--base-url", "https://cards.example.org/"])
    assert result.exit_code == 0, result.output
    assert served["proxy_headers"] is True and served["forwarded_allow_ips"] == "10.0.0.7"
    settings = served["app"].state.kartoteka.settings
    assert settings.production and settings.base_url == "https://cards.example.org"


def test_commands_serve_on_a_public_address_is_production(served: dict[str, Any],
                                                         fixture_db: Fixture, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    db = _db(fixture_db, tmp_path)
    result = CliRunner().invoke(main, ["serve", "--db", db, "--host", "0.0.0.0"])
    assert result.exit_code != 0 and "no secret key" in result.output
    monkeypatch.setenv("KARTOTEKA_SECRET_KEY", "e" * 40)
    result = CliRunner().invoke(main, ["serve", "--db", db, "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output


def test_commands_user_commands_refuse_unknown_users(fixture_db: Fixture, tmp_path: Path
                                                    ) -> None:
    db = _db(fixture_db, tmp_path)
    for args in (["passwd", "ghost", "--password", "long-enough-1"], ["token", "ghost"]):
        result = CliRunner().invoke(main, ["user", *args, "--db", db])
        assert result.exit_code == 1 and "no user 'ghost'" in result.output
