"""The caches' background rebuilds end before the app's database closes."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from kartoteka.store import search
from kartoteka.store.session import Store
from kartoteka.web.app import WebSettings, create_app
from kartoteka.web.cache import GenerationCache, stop_caches
from tests import postgres
from tests.web.conftest import Fixture


def test_cache_stop_waits_for_the_rebuild_and_starts_no_more(fixture_db: Fixture) -> None:
    store = Store(fixture_db.path)
    started, finish = threading.Event(), threading.Event()

    def build(session: Session) -> int:
        started.set()
        finish.wait(30)
        return 1

    cache = GenerationCache(store, build, lambda value: value, name="test-cache")
    thread = cache.warm()
    assert thread is not None and started.wait(30)
    stopping = threading.Thread(target=stop_caches, args=(store,))
    stopping.start()
    time.sleep(0.3)
    assert stopping.is_alive()  # the rebuild is still reading: stop waits for it
    finish.set()
    stopping.join(30)
    assert not stopping.is_alive() and not thread.is_alive()
    assert cache.warm() is None  # stopped: no new rebuild
    store.close()


def test_cache_app_shutdown_leaves_no_rebuild_on_a_dropped_database(
    template_db: Fixture, tmp_path: Path, request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    """The index still building when the app stops; then the database is dropped."""
    if "://" in str(template_db.path):
        server = request.getfixturevalue("postgres_server")
        db = postgres.create_database(server, template=str(template_db.path))
    else:
        server, db = "", str(tmp_path / "copy.db")
        Path(db).write_bytes(Path(template_db.path).read_bytes())
    real = search.build_name_keys

    def slow_build(session: Session):  # noqa: ANN202 - whatever the real one returns
        time.sleep(1.5)
        return real(session)

    monkeypatch.setattr(search, "build_name_keys", slow_build)
    app = create_app(WebSettings(db=db, allow_anonymous=True))
    with caplog.at_level(logging.ERROR), TestClient(app):
        pass  # the app starts (warming the indexes) and stops at once
    alive = [t.name for t in threading.enumerate() if t.name == "name-index"]
    if server:
        postgres.drop_database(server, db)
    time.sleep(0.5)
    assert alive == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
