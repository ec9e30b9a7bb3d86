"""Write docs/cli.md from the commands' own --help (run after changing the CLI).

    .venv/bin/python scripts/gen_cli_docs.py [--check]

``--check`` exits 1 when docs/cli.md is out of date (tests/test_docs.py runs it).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

from kartoteka.cli import main

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _walk(group: click.Group, prefix: list[str]) -> list[list[str]]:
    out = []
    for name in sorted(group.commands):
        command = group.commands[name]
        out.append([*prefix, name])
        if isinstance(command, click.Group):
            out.extend(_walk(command, [*prefix, name]))
    return out


def render() -> str:
    runner = CliRunner()
    parts = ["# Command-line reference", "",
             "Generated from `--help` by `scripts/gen_cli_docs.py`; do not edit by hand.", ""]
    for path in [[], *_walk(main, [])]:
        result = runner.invoke(main, [*path, "--help"], prog_name="kartoteka",
                               terminal_width=100)
        parts += [f"## kartoteka {' '.join(path)}".rstrip(), "", "```", result.output.rstrip(),
                  "```", ""]
    return "\n".join(parts)


def main_cli() -> int:
    text = render()
    if "--check" in sys.argv:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if current != text:
            print("docs/cli.md is out of date: run scripts/gen_cli_docs.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main_cli())
