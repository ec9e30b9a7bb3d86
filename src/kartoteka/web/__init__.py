"""The web UI: ``create_app(WebSettings(db=...))`` builds the FastAPI application (see app.py)."""

from __future__ import annotations

from typing import Any

__all__ = ["WebSettings", "create_app"]


def __getattr__(name: str) -> Any:
    # Loaded on first use, so importing a helper module (auth, reader) does not pull in FastAPI.
    if name in __all__:
        from kartoteka.web import app

        return getattr(app, name)
    raise AttributeError(f"module 'kartoteka.web' has no attribute {name!r}")
