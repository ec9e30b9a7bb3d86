"""Within one document: which mentions are one entity.

Placeholder grouping by exact normalised name; the English-extraction work replaces it with
variant-aware grouping (names/), families and the two-Genrikhs rule.
"""

from __future__ import annotations

from kartoteka.model import Extraction, LocalEntity


def within(extraction: Extraction) -> list[LocalEntity]:
    groups: dict[tuple[str, str], LocalEntity] = {}
    out: list[LocalEntity] = []
    for m in sorted(extraction.mentions, key=lambda m: m.start):
        key = (m.kind, m.name) if m.name else None
        if key is not None and key in groups:
            ent = groups[key]
            ent.mention_ids.append(m.id)
            if m.text not in ent.names:
                ent.names.append(m.text)
            continue
        ent = LocalEntity(
            key=m.id, kind=m.kind, label=m.name or m.descriptor or m.text,
            names=[m.text] if m.name else [], mention_ids=[m.id], gender=m.gender,
            descriptor=m.descriptor,
        )
        out.append(ent)
        if key is not None:
            groups[key] = ent
    return out
