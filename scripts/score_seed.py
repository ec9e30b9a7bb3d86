"""Development loop: extract the seed in memory, export, and run shared/eval/score.py on it.

    .venv/bin/python scripts/score_seed.py [FILE] [--gold GOLD]

Skips the database, so an extraction change can be scored in seconds.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from kartoteka.export.json import export_extraction
from kartoteka.extract import extract
from kartoteka.resolve.within import within
from kartoteka.sources import read_source

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(SHARED / "corpus/000_631d22f20abd596a.txt"))
    ap.add_argument("--gold", default=str(SHARED / "gold/000_631d22f20abd596a.gold.yaml"))
    args = ap.parse_args()
    doc = read_source(Path(args.file))
    extraction = extract(doc)
    data = export_extraction(extraction, within(extraction))
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(data, fh, ensure_ascii=False)
    return subprocess.call([sys.executable, str(SHARED / "eval/score.py"), "--gold", args.gold,
                            "--text", args.file, "--export", fh.name])


if __name__ == "__main__":
    sys.exit(main())
