"""Write docs/vocabulary.md from vocabulary.yaml (run after adding a claim type)."""

from __future__ import annotations

from pathlib import Path

from kartoteka.vocabulary import load_vocabulary

DOC = Path(__file__).resolve().parents[1] / "docs" / "vocabulary.md"


def render() -> str:
    vocab = load_vocabulary()
    lines = ["# Claim vocabulary", "",
             "Generated from `src/kartoteka/vocabulary.yaml` by `scripts/gen_vocabulary_docs.py`.",
             "Ids are stable: new ones may be added, none renamed or dropped.", ""]
    for kind in ("event", "relation"):
        lines += [f"## {kind.capitalize()}s", "",
                  "| id | English | Russian | subject | object | role | wider | description |",
                  "|---|---|---|---|---|---|---|---|"]
        for t in vocab.claim_types.values():
            if t.kind != kind:
                continue
            lines.append(f"| `{t.id}` | {t.en} | {t.ru} | {', '.join(t.subject)} | "
                         f"{', '.join(t.object) or '—'} | {'yes' if t.role else ''} | "
                         f"{t.wider or ''} | {t.description} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
