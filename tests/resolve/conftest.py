"""Fixtures of the resolve tests."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

_INSIDE = "KARTOTEKA_TEST_IN_FRESH_PROCESS"


@pytest.fixture
def ran_in_fresh_process(request: pytest.FixtureRequest) -> bool:
    """Whether this test has been run, and passed, in a fresh interpreter instead of here.

    A fork is only taken while no other thread runs (resolve/forked.py), and earlier tests in
    a session leave threads behind (Spark's gateway): a forked path's test would then check the
    plain path twice. Such a test asks for this fixture and returns at once when it is True;
    the fresh interpreter runs the same test where no thread has been started."""
    if os.environ.get(_INSIDE) == request.node.nodeid or threading.active_count() == 1:
        return False
    root = Path(request.config.rootpath)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", request.node.nodeid],
        cwd=root, env={**os.environ, _INSIDE: request.node.nodeid},
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    return True
