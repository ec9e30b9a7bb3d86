"""Turn a ``pip install --dry-run --report`` JSON into requirements.lock (versions and hashes)."""

from __future__ import annotations

import json
import sys

HEADER = """\
# Exact versions and sha256 hashes of every dependency (runtime and test), for this kind of
# machine (CPython 3.11, Linux x86_64). Installed by `make venv` with --require-hashes.
# Regenerate with `make lock` after changing pyproject.toml.
"""


def main(report_path: str) -> None:
    report = json.load(open(report_path, encoding="utf-8"))
    lines = [HEADER]
    for item in sorted(report["install"], key=lambda i: i["metadata"]["name"].lower()):
        meta = item["metadata"]
        if meta["name"] == "kartoteka":
            continue
        archive = item["download_info"].get("archive_info", {})
        digest = archive.get("hashes", {}).get("sha256") or archive.get("hash", "").split("=", 1)[1]
        lines.append(f"{meta['name']}=={meta['version']} \\\n    --hash=sha256:{digest}")
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
