"""Every command that takes --db works on a SQLite file and on a PostgreSQL URL alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kartoteka.cli import main
from kartoteka.store.session import Store, database_url
from tests.helpers import entity_of_name, hand_extraction, store_extraction


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("given", "url"), [
    ("postgresql://a@h/k", "postgresql+psycopg://a@h/k"),
    ("postgres://a:pw@h:5433/k", "postgresql+psycopg://a:pw@h:5433/k"),
    ("postgresql+psycopg://a@h/k", "postgresql+psycopg://a@h/k"),
])
def test_cli_databases_postgresql_urls_use_psycopg_3(given: str, url: str) -> None:
    assert database_url(given) == url


def test_cli_databases_every_command_on_one_database(db: str, tmp_path: Path) -> None:
    store = Store(db)
    store_extraction(store, hand_extraction(
        "Nikolai Orlovsky was arrested in 1937. Orlovsky was shot in 1938.",
        [("Nikolai Orlovsky", "person", None), ("Orlovsky", "person", None)],
        [("arrest", "Nikolai Orlovsky", "1937")]))
    store_extraction(store, hand_extraction(
        "Anna Frolova wrote that Orlovsky had been her teacher.",
        [("Anna Frolova", "person", None), ("Orlovsky", "person", None)]))
    frolova = next(iter(entity_of_name(store, "Anna Frolova")))
    store.close()
    code, out, _ = run("persons", "--db", db)
    assert code == 0 and "Orlovsky" in out and "Frolova" in out
    assert run("person", "Orlovsky", "--db", db)[0] == 0
    assert run("resolve", "--db", db)[0] == 0
    assert run("review", "--db", db)[0] == 0
    code, out, _ = run("export", "--db", db)
    assert code == 0 and len(json.loads(out)["documents"]) == 2
    assert run("export", "--db", db, "--format", "tei", "-o", str(tmp_path / "k.xml"))[0] == 0
    orlovsky = next(iter(entity_of_name(Store(db), "Nikolai Orlovsky")))
    assert run("merge", orlovsky, frolova, "--db", db, "--user", "t")[0] == 0
    code, out, _ = run("edits", "--db", db)
    assert code == 0 and "merge" in out
    assert run("user", "add", "ada", "--role", "admin", "--password", "long-enough-pw",
               "--db", db)[0] == 0
    # The same database from the environment, as a team would set it once.
    code, out, _ = run("persons", env={"KARTOTEKA_DB": db})
    assert code == 0 and "Orlovsky" in out
