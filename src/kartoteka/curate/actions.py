"""What a curator can do, each as one append-only edit followed by re-resolution.

The web UI, the JSON API and the CLI call these; every one returns the edit it recorded, so
the caller can offer to undo it.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kartoteka.curate.edits import all_edits, curation, edit_states, record_edit
from kartoteka.dates import is_valid as edtf_valid
from kartoteka.errors import KartotekaError
from kartoteka.relink import apply_claim_curation, refresh_entities, resolve_profiles
from kartoteka.resolve.constraints import ConflictingDecisions
from kartoteka.store import curation as store
from kartoteka.store.tables import ClaimRow, EditRow, EntityRow, ProfileRow

CLAIM_STATUSES = ("proposed", "accepted", "rejected")
EDITABLE_CLAIM_FIELDS = ("date", "role", "polarity", "type")


class CurationError(KartotekaError):
    """A curation request that cannot be carried out (unknown id, nothing to do)."""


def _relink(session: Session, keys: list[str]) -> None:
    """Re-resolve after a decision; a decision that contradicts earlier ones is refused."""
    try:
        resolve_profiles(session, changed=keys)
    except ConflictingDecisions as exc:
        raise CurationError(f"this contradicts an earlier decision: {exc}") from exc


def _pin_id(session: Session, profile_keys: list[str], wanted: str | None) -> None:
    """Give the entity now holding these profiles the id a curator acted on.

    Re-resolution keeps the id most of a cluster already had, so after a merge or its undo
    the person a curator kept could otherwise come back under the other person's id (and
    their URL would show someone else). When another entity holds the wanted id, the two
    swap ids.
    """
    if not wanted or not profile_keys:
        return
    current = store.main_entity_of(session, profile_keys)
    if current is None or current == wanted:
        return
    store.swap_entity_ids(session, current, wanted)
    refresh_entities(session, [current, wanted])


def _profiles_of(session: Session, entity_id: str) -> list[str]:
    keys = store.profile_keys_of(session, entity_id)
    if not keys:
        raise CurationError(f"no entity {entity_id!r}")
    return keys


def merge_entities(session: Session, keep: str, other: str, *, user: str) -> EditRow:
    """Two entities are one person: a must-link between all their profiles."""
    if keep == other:
        raise CurationError("an entity cannot be merged with itself")
    a, b = _profiles_of(session, keep), _profiles_of(session, other)
    edit = record_edit(session, user=user, action="merge", target=keep,
                       payload={"keep": keep, "other": other, "profiles_a": a, "profiles_b": b})
    _relink(session, a + b)
    _pin_id(session, a + b, keep)
    return edit


def split_entity(session: Session, entity_id: str, profile_keys: list[str], *, user: str
                 ) -> EditRow:
    """These profiles are not the same person as the rest: cannot-links between the parts."""
    keys = _profiles_of(session, entity_id)
    moved = [k for k in keys if k in set(profile_keys)]
    kept = [k for k in keys if k not in set(profile_keys)]
    if not moved or not kept:
        raise CurationError("a split needs some profiles to move and some to keep")
    edit = record_edit(session, user=user, action="split", target=entity_id,
                       payload={"entity": entity_id, "moved": moved, "kept": kept})
    _relink(session, keys)
    return edit


def set_claim_status(session: Session, claim_id: str, status: str, *, user: str) -> EditRow:
    if status not in CLAIM_STATUSES:
        raise CurationError(f"status must be one of {CLAIM_STATUSES}")
    if session.get(ClaimRow, claim_id) is None:
        raise CurationError(f"no claim {claim_id!r}")
    edit = record_edit(session, user=user, action="claim_status", target=claim_id,
                       payload={"status": status})
    apply_claim_curation(session)
    return edit


def edit_claim(session: Session, claim_id: str, fields: dict[str, str | None], *, user: str
               ) -> EditRow:
    row = session.get(ClaimRow, claim_id)
    if row is None:
        raise CurationError(f"no claim {claim_id!r}")
    unknown = set(fields) - set(EDITABLE_CLAIM_FIELDS)
    if unknown:
        raise CurationError(f"cannot edit {sorted(unknown)}; editable: {EDITABLE_CLAIM_FIELDS}")
    if fields.get("date") and not edtf_valid(str(fields["date"])):
        raise CurationError(f"{fields['date']!r} is not an EDTF date (e.g. 1937, 1937-05)")
    before = {k: getattr(row, k) for k in fields}
    edit = record_edit(session, user=user, action="claim_edit", target=claim_id,
                       payload={"fields": fields, "before": before})
    apply_claim_curation(session)
    return edit


def rename_entity(session: Session, entity_id: str, label: str, *, user: str) -> EditRow:
    keys = _profiles_of(session, entity_id)
    label = " ".join(label.split())
    if not label:
        raise CurationError("a name cannot be empty")
    edit = record_edit(session, user=user, action="rename", target=entity_id,
                       payload={"anchor": keys[0], "label": label})
    refresh_entities(session, [entity_id])
    return edit


def link_authority(session: Session, entity_id: str, source: str, record_id: str, *,
                   user: str, link: bool = True) -> EditRow:
    """Link (or unlink) an entity to an authority record, anchored on its first profile."""
    keys = _profiles_of(session, entity_id)
    anchor = store.authority_anchor(session, keys, source, record_id)
    edit = record_edit(session, user=user,
                       action="authority_link" if link else "authority_unlink",
                       target=entity_id,
                       payload={"profile": anchor, "source": source, "record_id": record_id})
    apply_authority_curation(session)
    return edit


def apply_authority_curation(session: Session) -> None:
    store.write_authority_decisions(session, curation(session).authority)


def decide_link(session: Session, a: str, b: str, same: bool, *, user: str) -> EditRow:
    """A review-queue answer about two profiles: same person (merge) or not (split)."""
    store.set_link_decision(session, a, b, "must-link" if same else "cannot-link")
    pa, pb = session.get(ProfileRow, a), session.get(ProfileRow, b)
    if pa is None or pb is None:
        raise CurationError("unknown profile")
    if same:
        edit = record_edit(session, user=user, action="merge", target=pa.entity_id or a,
                           payload={"keep": pa.entity_id, "other": pb.entity_id,
                                    "profiles_a": [a], "profiles_b": [b]})
    else:
        edit = record_edit(session, user=user, action="split", target=pa.entity_id or a,
                           payload={"entity": pa.entity_id, "moved": [b], "kept": [a]})
    _relink(session, [a, b])
    return edit


class EditConflict(CurationError):
    """The edit changed meanwhile (another undo of it came first): answered with 409."""


def undo(session: Session, edit_id: int, *, user: str) -> EditRow:
    """Revert an edit by recording an undo; its effects are recomputed from the edits left.

    Only an edit in force can be undone, an undo like any other. The undo row carries the
    number of undos of that edit before it, unique with ``reverts``: of two concurrent undos
    that both saw the edit in force, the database accepts only the first.
    """
    target = session.get(EditRow, edit_id) if 0 < edit_id < 2**63 else None
    if target is None:
        raise CurationError(f"no edit {edit_id}")
    edits = all_edits(session)
    if not edit_states(edits).get(edit_id, False):
        raise EditConflict(f"edit {edit_id} is not in force (already undone?)")
    done = sum(1 for e in edits if e.action == "undo" and e.reverts == edit_id)
    try:
        edit = record_edit(session, user=user, action="undo", target=str(edit_id),
                           payload={"action": target.action}, reverts=edit_id,
                           undo_round=done)
    except IntegrityError as exc:
        raise EditConflict(f"edit {edit_id} was undone by someone else just now") from exc
    _recompute_after(session, target)
    return edit


def _recompute_after(session: Session, edit: EditRow) -> None:
    p = edit.payload
    if edit.action in ("merge", "split"):
        keys = [*p.get("profiles_a", []), *p.get("profiles_b", []), *p.get("moved", []),
                *p.get("kept", [])]
        # Profiles still held apart by the undone decision are re-linked from scratch.
        _relink(session, keys)
        if edit.action == "merge":
            _pin_id(session, p.get("profiles_a", []), p.get("keep"))
            _pin_id(session, p.get("profiles_b", []), p.get("other"))
        else:
            _pin_id(session, p.get("kept", []), p.get("entity"))
    elif edit.action in ("claim_status", "claim_edit"):
        store.restore_claim(session, edit.target, p.get("before", {}),
                            reset_status=edit.action == "claim_status")
        apply_claim_curation(session)
    elif edit.action == "rename":
        entity = session.get(EntityRow, edit.target)
        if entity is not None:
            refresh_entities(session, [entity.id])
    elif edit.action in ("authority_link", "authority_unlink"):
        store.drop_hand_authority_link(session, p["profile"], p["source"], p["record_id"])
        apply_authority_curation(session)
    elif edit.action == "undo":
        reverted = session.get(EditRow, edit.reverts) if edit.reverts else None
        if reverted is not None:
            _recompute_after(session, reverted)
