"""The rows a curator's decision changes, written here so that ``store`` stays the only writer.

``kartoteka.curate.actions`` records the edit (``store.edits``) and decides what it means;
these functions only write that meaning: entity ids swapped back after a merge, a reviewed
link's decision, hand-made authority links, a claim put back as it was before an edit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kartoteka.store.tables import AuthorityLinkRow, ClaimRow, EntityRow, LinkRow, ProfileRow


def profile_keys_of(session: Session, entity_id: str) -> list[str]:
    """The keys of an entity's profiles, sorted (empty for an unknown entity)."""
    return list(session.scalars(select(ProfileRow.key).where(ProfileRow.entity_id == entity_id)
                                .order_by(ProfileRow.key)))


def main_entity_of(session: Session, profile_keys: Collection[str]) -> str | None:
    """The entity holding most of these profiles, None when none is held."""
    rows = session.scalars(select(ProfileRow).where(ProfileRow.key.in_(list(profile_keys))))
    held = Counter(r.entity_id for r in rows if r.entity_id)
    return held.most_common(1)[0][0] if held else None


def swap_entity_ids(session: Session, current: str, wanted: str) -> None:
    """Profiles of ``current`` move to ``wanted`` and those of ``wanted`` to ``current``.

    Both entity rows are dropped; the caller rebuilds them from their profiles.
    """
    holders = session.scalars(select(ProfileRow).where(
        ProfileRow.entity_id.in_([current, wanted]))).all()
    for r in holders:
        r.entity_id = wanted if r.entity_id == current else current
    for eid in (current, wanted):
        row = session.get(EntityRow, eid)
        if row is not None:
            session.delete(row)
    session.flush()


def set_link_decision(session: Session, a: str, b: str, decision: str) -> None:
    """A reviewed pair's decision on its stored link, if the pair has one."""
    link = session.get(LinkRow, tuple(sorted((a, b))))
    if link is not None:
        link.decision = decision


def write_authority_decisions(session: Session,
                              decisions: Mapping[tuple[str, str, str], bool]) -> None:
    """Hand-made authority decisions, (profile, source, record id) -> linked or rejected."""
    for (profile, source, record_id), linked in decisions.items():
        row = session.get(AuthorityLinkRow, (profile, source, record_id))
        if row is None:
            row = AuthorityLinkRow(profile_key=profile, source=source, record_id=record_id,
                                   probability=1.0, decision="linked", features={"by": "hand"})
            session.add(row)
        row.decision = "linked" if linked else "rejected"
    session.flush()


def authority_anchor(session: Session, profile_keys: list[str], source: str,
                     record_id: str) -> str:
    """The profile an authority record is linked on already, else the first of these."""
    existing = session.scalars(select(AuthorityLinkRow).where(
        AuthorityLinkRow.profile_key.in_(profile_keys), AuthorityLinkRow.source == source,
        AuthorityLinkRow.record_id == record_id)).first()
    return existing.profile_key if existing else profile_keys[0]


def drop_hand_authority_link(session: Session, profile: str, source: str,
                             record_id: str) -> None:
    """Remove an authority link a curator made (one the linker made stays)."""
    row = session.get(AuthorityLinkRow, (profile, source, record_id))
    if row is not None and row.features.get("by") == "hand":
        session.delete(row)


def restore_claim(session: Session, claim_id: str, before: Mapping[str, Any], *,
                  reset_status: bool) -> None:
    """Put a claim's fields back as an undone edit found them (its status to "proposed")."""
    row = session.get(ClaimRow, claim_id)
    if row is None:
        return
    if reset_status:
        row.status = "proposed"
    for name, value in before.items():
        setattr(row, name, value)


__all__ = [
    "authority_anchor", "drop_hand_authority_link", "main_entity_of", "profile_keys_of",
    "restore_claim", "set_link_decision", "swap_entity_ids", "write_authority_decisions",
]
