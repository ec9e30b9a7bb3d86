"""Every claim type the code names exists in vocabulary.yaml (the one source of claim types).

The code is read, not run: every string that stands where a claim type stands — the type given
to ``Claim``, ``emit`` or ``claim``, a string compared with a claim's ``type``, a member of a
``*_TYPES``/``*_CLAIMS``/``FATE*`` constant, a value of a trigger table mapping words to types —
must be a defined type, so a renamed or misspelt type fails here instead of silently never
matching.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from kartoteka.vocabulary import load_vocabulary

SRC = Path(__file__).resolve().parents[1] / "src" / "kartoteka"
CLAIM_MAKERS = {"Claim", "Draft", "emit", "claim", "VerbTrigger"}
# Tables from words to claim types, by where the type stands: the key, the value, or the first
# item of the value.
TABLES = {"TRIGGERS": "key", "NOUN_TRIGGERS": "first", "ASSOCIATION_NOUNS": "value",
          "ASSOCIATION_VERBS": "value", "INFOBOX": "value", "CONFLICT_CLAIMS": "first"}
TYPE_NAMES = {"type", "type_", "claim_type", "ctype", "kind_of_claim"}


def _strings(node: ast.AST) -> Iterator[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.Tuple | ast.List | ast.Set):
        for elt in node.elts:
            yield from _strings(elt)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in (
            "frozenset", "set", "tuple") and node.args:
        yield from _strings(node.args[0])


def _is_type_ref(node: ast.AST) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr == "type"
    if isinstance(node, ast.Subscript):  # claim["type"]; not an ASGI scope["type"]
        owner = node.value.id if isinstance(node.value, ast.Name) else ""
        return (isinstance(node.slice, ast.Constant) and node.slice.value == "type"
                and owner not in ("scope", "message"))
    return isinstance(node, ast.Name) and node.id in TYPE_NAMES


def _named_types(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in CLAIM_MAKERS and node.args:
                yield from ((node.lineno, s) for s in _strings(node.args[0]))
            if name == "Claim":
                for kw in node.keywords:
                    if kw.arg == "type":
                        yield from ((node.lineno, s) for s in _strings(kw.value))
        elif isinstance(node, ast.AnnAssign | ast.Assign) and isinstance(node.value, ast.Dict):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            names = {t.id for t in targets if isinstance(t, ast.Name)}
            where = next((TABLES[n] for n in names if n in TABLES), None)
            for key, value in zip(node.value.keys, node.value.values, strict=True):
                item = {"key": key, "value": value, None: None}.get(where) if where != "first" \
                    else (value.elts[0] if isinstance(value, ast.Tuple) else None)
                if item is not None:
                    yield from ((node.lineno, s) for s in _strings(item))
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_is_type_ref(side) for side in sides):
                for side in sides:
                    yield from ((node.lineno, s) for s in _strings(side))


def test_vocabulary_names_every_claim_type_used_in_code() -> None:
    known = set(load_vocabulary().claim_types)
    unknown = []
    for path in sorted(SRC.rglob("*.py")):
        for line, name in _named_types(ast.parse(path.read_text(encoding="utf-8"))):
            if name not in known:
                unknown.append(f"{path.relative_to(SRC)}:{line}: {name!r}")
    assert not unknown, "claim types named in code but not in vocabulary.yaml:\n" + "\n".join(
        unknown)


def test_vocabulary_names_finds_a_misspelt_type() -> None:
    tree = ast.parse('if claim.type in ("execution", "exekution"):\n    pass\n'
                     'emit("member_off", a, b)\nT = VerbTrigger("arest", PATIENT)\n'
                     'if scope["type"] != "http":\n    pass\n'
                     'INFOBOX = {"смерть": "deth"}\n')
    found = {name for _, name in _named_types(tree)}
    assert found - set(load_vocabulary().claim_types) == {
        "exekution", "member_off", "arest", "deth"}
