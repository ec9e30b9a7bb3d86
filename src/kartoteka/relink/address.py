"""Stored address forms (given name and patronymic, no surname) joined to their bearer.

The rule is ``resolve.address_links``; this module finds what it compares in the store. An
address form has no surname and so no blocking key: the linker never sees it, and each relink
that touches its entity leaves it alone again (``group_by_name``). So the forms are placed after
the persons are linked, wherever that happens:

- the forms a file brings, once its persons are linked (``link_new_profiles``);
- the stored forms of the documents whose people a file's profile tells a given name, a
  patronymic or initials they had not been named by: that person may only now bear the pair
  the form was waiting for;
- the forms a relink read (``resolve_profiles``), which it has just left alone.

The candidates are the clusters of the form's own document's people: the scene, read by document
(an indexed column), never the whole store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy.orm import Session

from kartoteka.curate.edits import Curation
from kartoteka.resolve.across import ScoredPair
from kartoteka.resolve.address_links import address_join, is_address_form
from kartoteka.resolve.profile import Profile
from kartoteka.store.entities import assign_entities, current_profiles, is_linkable_person
from kartoteka.store.links import save_links
from kartoteka.store.tables import ProfileRow


def address_rows(rows: Iterable[ProfileRow]) -> list[ProfileRow]:
    """The address forms among these profiles."""
    return [r for r in rows if r.kind == "person" and not r.block_key and not r.descriptor
            and is_address_form(Profile.from_dict(r.data or {}))]


def _naming(row: ProfileRow) -> tuple[str, str, tuple[str, ...]] | None:
    """What a surnamed person profile says of the given name and patronymic, when it says
    anything an address form could be matched on: a full given name, a patronymic, initials."""
    data = row.data or {}
    given, patronymic = data.get("given") or "", data.get("patronymic") or ""
    initials = tuple(data.get("initials") or ())
    if not is_linkable_person(row) or not (len(given.strip(". ")) > 1 or patronymic
                                           or len(initials) == 2):
        return None
    return given.casefold(), patronymic.casefold(), initials


def forms_beside(session: Session, new: list[ProfileRow]) -> list[ProfileRow]:
    """The stored address forms in the documents that name the people these new profiles
    joined, where a new profile tells its entity a naming (given name, patronymic, initials)
    none of its older profiles did: only then may the entity bear a pair it did not before,
    so a file that names Stalin as the others did reads none of his documents again."""
    keys = {r.key for r in new}
    ids = sorted({r.entity_id for r in new if r.entity_id and _naming(r)})
    if not ids:
        return []
    members = current_profiles(session, ProfileRow.entity_id.in_(ids))
    known = {(r.entity_id, _naming(r)) for r in members if r.key not in keys}
    fresh = {r.entity_id for r in new if (naming := _naming(r)) and r.entity_id
             and (r.entity_id, naming) not in known}
    documents = sorted({r.document_id for r in members if r.entity_id in fresh} - {
        r.document_id for r in new})  # the file's own forms were placed with it
    if not documents:
        return []
    return address_rows(current_profiles(session, ProfileRow.document_id.in_(documents)
                                         & ProfileRow.block_key.is_(None)))


def place_address_forms(session: Session, forms: list[ProfileRow], cur: Curation) -> set[str]:
    """Join each address form to its bearer where ``resolve.address_links`` finds one; returns
    the entities touched."""
    by_document: dict[str, list[ProfileRow]] = defaultdict(list)
    for row in forms:
        by_document[row.document_id].append(row)
    touched: set[str] = set()
    for document, rows in sorted(by_document.items()):
        scene = [r for r in current_profiles(session, ProfileRow.document_id == document)
                 if is_linkable_person(r) and r.entity_id]
        entities = sorted({r.entity_id for r in scene if r.entity_id})
        if not entities:
            continue
        members: dict[str, list[ProfileRow]] = defaultdict(list)
        for r in current_profiles(session, ProfileRow.entity_id.in_(entities)):
            if is_linkable_person(r):
                members[r.entity_id or ""].append(r)
        clusters = {eid: [Profile.from_dict(r.data) for r in found]
                    for eid, found in members.items()}
        for row in rows:
            found = address_join(Profile.from_dict(row.data), clusters, cur.decisions)
            if found is None or row.entity_id == found.cluster:
                continue
            cluster = [*members[found.cluster], row]
            touched |= assign_entities(session, [cluster], {row.entity_id or ""} - {""},
                                       cur.labels, only_changed=True)
            pair = ScoredPair(*sorted((row.key, found.anchor)), 1.0, found.evidence, "linked")
            save_links(session, [pair], {row.key, found.anchor}, compared=[row.key])
    return touched
