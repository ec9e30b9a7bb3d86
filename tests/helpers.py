"""Builders shared by tests (import as ``tests.helpers``)."""

from __future__ import annotations

import hashlib

from kartoteka.extract.aliases import mark_aliases_and_kin
from kartoteka.model import Claim, Document, Extraction, Mention, Span
from kartoteka.pipeline import analyse, block_keys
from kartoteka.relink import resolve_profiles
from kartoteka.store.session import Store
from kartoteka.store.tables import ProfileRow
from kartoteka.store.writer import write_extraction


def hand_extraction(
    text: str,
    names: list[tuple[str, str, str | None]],
    claims: list[tuple[str, str, str | None]] = (),
    *, language: str = "en", source_path: str | None = None,
) -> Extraction:
    """An extraction built by hand, so store and resolution tests need no NLP model.

    ``names``: (surface, kind, normalised name) — every occurrence of the surface becomes a
    mention; ``claims``: (type, subject surface, EDTF date) on the subject's first occurrence,
    with the sentence around it as evidence.
    """
    raw = text.encode("utf-8")
    doc = Document(sha256=hashlib.sha256(raw).hexdigest(), text=text, title=text[:30],
                   language=language, source_path=source_path)
    mentions: list[Mention] = []
    first: dict[str, Mention] = {}
    for surface, kind, name in names:
        start = text.find(surface)
        while start != -1:
            m = Mention(start=start, end=start + len(surface), text=surface, kind=kind,
                        document_id=doc.id, name=name or surface)
            mentions.append(m)
            first.setdefault(surface, m)
            start = text.find(surface, start + 1)
    out = []
    for ctype, subject, date in claims:
        m = first[subject]
        s = text.rfind(".", 0, m.start) + 1
        e = text.find(".", m.end)
        e = len(text) if e == -1 else e + 1
        out.append(Claim(type=ctype, subject=m.id, evidence=[Span(s, e)], document_id=doc.id,
                         date=date))
    # Marked as every language pipeline marks its extraction (aliases and kin from the layout).
    return mark_aliases_and_kin(Extraction(
        document=doc, mentions=sorted(mentions, key=lambda m: m.start), claims=out))


def store_extraction(store: Store, extraction) -> None:  # noqa: ANN001
    entities, profiles = analyse(extraction)
    with store.session() as session:
        write_extraction(session, extraction, entities, profiles, block_keys(profiles))
        resolve_profiles(session, changed=[e.key for e in entities])


def entity_of_name(store: Store, name: str) -> set[str]:
    with store.session() as session:
        return {p.entity_id for p in session.query(ProfileRow) if name in p.names}
