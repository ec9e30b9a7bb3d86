"""Documentation enforced by tests: every command and claim type is documented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kartoteka.vocabulary import load_vocabulary

REPO = Path(__file__).resolve().parents[1]


def test_docs_cli_reference_is_current() -> None:
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "gen_cli_docs.py"),
                             "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_docs_every_claim_type_is_described() -> None:
    text = (REPO / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    missing = [t for t in load_vocabulary().claim_types if f"`{t}`" not in text]
    assert not missing


def test_docs_readme_shows_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
