"""Schemathesis over the app's own /openapi.json, as an admin on a throwaway database: every
operation with generated requests, then the stateful phase (sequences of calls). No answer may
be a 5xx. Bounded examples keep it near a minute; it runs in ``make test`` (marked slow and
fuzz, so ``make test-fast`` leaves it out)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from kartoteka.web.app import WebSettings, create_app
from kartoteka.web.auth import SESSION_COOKIE
from tests.web.conftest import build_database, login

pytestmark = [pytest.mark.slow, pytest.mark.fuzz]

EXAMPLES = settings(max_examples=8, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck),
                    phases=[Phase.explicit, Phase.generate])


@dataclass
class AdminApp:
    """The app and an admin session that is opened again if a generated call ended it."""

    app: FastAPI
    client: TestClient

    def headers(self) -> dict[str, str]:
        info = self.client.get("/api/session").json()
        token = info["csrf_token"] if info["user"] == "ada" else login(self.client, "ada")
        cookie = self.client.cookies[SESSION_COOKIE]
        return {"Cookie": f"{SESSION_COOKIE}={cookie}", "X-CSRF-Token": token}


@pytest.fixture(scope="module")
def admin_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AdminApp]:
    db: Path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    build_database(db)
    # Generated logins fail by the hundred: the limit would lock the admin out too.
    app = create_app(WebSettings(db=str(db), login_failures_per_minute=100_000))
    with TestClient(app) as client:
        yield AdminApp(app, client)


@pytest.fixture(scope="module")
def api_schema(admin_app: AdminApp) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", admin_app.app)


def _no_server_error(response: Any, case: Any) -> None:
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path} answered {response.status_code}: "
        f"{response.text[:300]}")


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_app_schemathesis_no_5xx(api_schema: Any, admin_app: AdminApp,
                                 mode: GenerationMode) -> None:
    """Each operation in turn, with valid (positive) and invalid (negative) requests."""
    failures: list[str] = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy(generation_mode=mode))
        @EXAMPLES
        def check(case: Any) -> None:
            _no_server_error(case.call(headers=admin_app.headers()), case)

        try:
            check()
        except Unsatisfiable:  # nothing invalid to send (an operation without parameters)
            continue
        except AssertionError as exc:
            failures.append(str(exc).splitlines()[0])
    assert not failures, "\n".join(failures)


def test_app_schemathesis_stateful_no_5xx(api_schema: Any, admin_app: AdminApp) -> None:
    machine = api_schema.as_state_machine()

    class AsAdmin(machine):  # type: ignore[misc, valid-type]
        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            return {"headers": admin_app.headers()}

        def validate_response(self, response: Any, case: Any, *args: Any, **kwargs: Any
                              ) -> None:
            _no_server_error(response, case)

    AsAdmin.run(settings=settings(max_examples=10, stateful_step_count=6, deadline=None,
                                  derandomize=True, database=None,
                                  suppress_health_check=list(HealthCheck)))
