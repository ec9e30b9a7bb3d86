"""The import graph follows the direction docs/architecture.md draws, stage by stage.

Every ``import kartoteka.…`` in src/ counts, at module level or inside a function (a lazy
import is still a dependency). A stage may import only the stages its row of ``MAY_IMPORT``
names; the few known exceptions are listed with the reason they stand until they are moved.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "kartoteka"

# The shared core: leaves every stage may use.
CORE = {"model", "errors", "dates", "vocabulary"}
MAY_IMPORT: dict[str, set[str]] = {
    "errors": set(),
    "model": set(),
    "dates": set(),
    "vocabulary": {"errors"},
    "names": set(),
    "normalise": {"model"},
    "sources": {"model", "errors"},
    "extract": CORE | {"names", "normalise"},
    "resolve": CORE | {"names"},
    # names is a pure leaf: the one entity search (store/search.py) keys names with it.
    "store": CORE | {"names"},
    # The --db option and opening a store, shared by the command modules of cli, curate and web.
    "cli_options": CORE | {"store"},
    "curate": CORE | {"resolve", "store", "relink", "cli_options"},
    "relink": CORE | {"sources", "extract", "resolve", "store", "curate", "names"},
    "pipeline": CORE | {"sources", "extract", "resolve", "store", "curate", "names", "relink"},
    # Orchestration beside pipeline: N processes or a Spark job extract, one writer stores.
    "workers": CORE | {"sources", "extract", "resolve", "store", "curate", "names", "relink",
                       "pipeline", "spark_ingest"},
    "spark_ingest": CORE | {"pipeline", "store", "workers"},
    "export": CORE | {"store", "names"},
    "web": CORE | {"store", "curate", "export", "names", "pipeline", "relink", "cli_options"},
    "cli": CORE | {"sources", "extract", "resolve", "store", "curate", "names", "relink",
                   "pipeline", "workers", "export", "web", "cli_options"},
    "__init__": set(),
    "__main__": {"cli"},
}
# (importing module, imported stage): why it still stands.
KNOWN: dict[tuple[str, str], str] = {}


def stage_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path) -> str:
    parts = ["kartoteka", *path.relative_to(SRC).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(tree: ast.AST, module: str) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing package
                base = module.split(".")[: len(module.split(".")) - node.level + (
                    1 if module.endswith("__init__") else 0)]
                yield ".".join([*base, node.module] if node.module else base)
            elif node.module == "kartoteka":
                yield from (f"kartoteka.{a.name}" for a in node.names)
            elif node.module:
                yield node.module


def violations(files: dict[str, str]) -> list[str]:
    """``module: imports target`` for every import against the drawn direction."""
    out = []
    for module, source in sorted(files.items()):
        own = stage_of(module)
        for target in imports(ast.parse(source), module):
            if not target.startswith("kartoteka."):
                continue
            other = stage_of(target)
            if other == own or (module, other) in KNOWN:
                continue
            if other not in MAY_IMPORT.get(own, set()):
                out.append(f"{module} ({own}) imports {target} ({other})")
    return out


def test_architecture_stages_import_only_downstream() -> None:
    files = {module_name(p): p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")}
    found = violations(files)
    assert not found, "imports against docs/architecture.md:\n" + "\n".join(found)


def test_architecture_every_stage_has_a_row() -> None:
    stages = {stage_of(module_name(p)) for p in SRC.rglob("*.py")}
    assert stages <= set(MAY_IMPORT), sorted(stages - set(MAY_IMPORT))


def test_architecture_catches_an_import_against_the_direction() -> None:
    files = {
        "kartoteka.resolve.bad": "def f():\n    from kartoteka.store.session import Store\n",
        "kartoteka.names.bad": "import kartoteka.extract.ru\n",
        "kartoteka.store.bad": "from kartoteka import relink\n",
        "kartoteka.extract.ok": "from kartoteka.names.keys import fold\n",
    }
    assert violations(files) == [
        "kartoteka.names.bad (names) imports kartoteka.extract.ru (extract)",
        "kartoteka.resolve.bad (resolve) imports kartoteka.store.session (store)",
        "kartoteka.store.bad (store) imports kartoteka.relink (relink)",
    ]


def test_architecture_known_exceptions_still_exist() -> None:
    # An exception whose import is gone must leave the list, so the list never hides a new one.
    for module, stage in KNOWN:
        path = SRC.joinpath(*module.split(".")[1:]).with_suffix(".py")
        targets = {stage_of(t) for t in imports(ast.parse(path.read_text(encoding="utf-8")),
                                                  module) if t.startswith("kartoteka.")}
        assert stage in targets, (module, stage)


# --- store is the only writer; web runs no SQL of its own ----------------------------------------

WRITE_CALLS = {"add", "add_all", "delete", "merge", "bulk_save_objects", "bulk_insert_mappings",
               "bulk_update_mappings"}
WRITE_API = {"insert", "update", "delete", "text"}


def writes(tree: ast.AST) -> list[str]:
    """Session writes (``session.add(…)``, ``…session.delete(…)``) and imports of sqlalchemy's
    statement builders that write or run raw SQL."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in WRITE_CALLS:
            receiver = node.func.value
            name = receiver.attr if isinstance(receiver, ast.Attribute) else getattr(
                receiver, "id", "")
            if "session" in name.lower():
                out.append(f"{name}.{node.func.attr}() at line {node.lineno}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            out.extend(f"imports {a.name} from {node.module}" for a in node.names
                       if a.name in WRITE_API)
    return out


def runs_sql(tree: ast.AST) -> list[str]:
    """What a module takes from sqlalchemy beyond the ``Session`` type and its errors."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            out.extend(f"imports {a.name} from {node.module}" for a in node.names
                       if not (node.module == "sqlalchemy.orm" and a.name == "Session")
                       and node.module != "sqlalchemy.exc")
        elif isinstance(node, ast.Import):
            out.extend(f"imports {a.name}" for a in node.names if a.name.startswith("sqlalchemy"))
    return out


def _sources(stage_filter) -> dict[str, ast.AST]:  # noqa: ANN001
    return {module_name(p): ast.parse(p.read_text(encoding="utf-8"))
            for p in SRC.rglob("*.py") if stage_filter(stage_of(module_name(p)))}


def test_architecture_only_store_writes() -> None:
    found = [f"{module}: {w}" for module, tree in sorted(_sources(lambda s: s != "store").items())
             for w in writes(tree)]
    assert not found, "writes outside kartoteka.store:\n" + "\n".join(found)


def test_architecture_web_runs_no_sql() -> None:
    found = [f"{module}: {w}" for module, tree in sorted(_sources(lambda s: s == "web").items())
             for w in runs_sql(tree)]
    assert not found, "web modules read through store queries:\n" + "\n".join(found)


def test_architecture_catches_a_write_and_sql_outside_store() -> None:
    tree = ast.parse("from sqlalchemy import select, update\n"
                     "def f(session, self):\n"
                     "    session.add(1)\n    self.session.delete(2)\n    {}.update()\n")
    assert sorted(writes(tree)) == ["imports update from sqlalchemy",
                                    "session.add() at line 3", "session.delete() at line 4"]
    assert runs_sql(tree) == ["imports select from sqlalchemy",
                              "imports update from sqlalchemy"]
    assert runs_sql(ast.parse("from sqlalchemy.orm import Session\n"
                              "from sqlalchemy.exc import IntegrityError\n")) == []
