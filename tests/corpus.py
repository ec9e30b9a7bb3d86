"""Small folders of made-up testimony for the ingest tests (sentences written for the tests)."""

from __future__ import annotations

from pathlib import Path

SURNAMES = ["Orlovsky", "Kuznetsova", "Frolov", "Agapov", "Lvov", "Mironov", "Belyaev",
            "Sorokina", "Zhukov", "Tarasov", "Gusev", "Nikitina"]
EVENTS = [("was arrested", 1937), ("was shot", 1938), ("was released", 1940),
          ("was sentenced to ten years", 1939)]


def write_folder(root: Path, count: int, *, broken: int = 0) -> Path:
    """``count`` one-paragraph testimonies that share people, and ``broken`` unreadable PDFs."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        a, b = SURNAMES[i % len(SURNAMES)], SURNAMES[(i * 5 + 3) % len(SURNAMES)]
        event, year = EVENTS[i % len(EVENTS)]
        (root / f"t{i:04d}.txt").write_text(
            f"Statement {i}.\n\nThe engineer Ivan {a} {event} in {year + i % 3}. "
            f"His neighbour Pyotr {b} told me that {a} had worked in Kharkov.\n",
            encoding="utf-8")
    for i in range(broken):
        (root / f"broken{i}.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    return root
