"""Re-linking stored profiles: the orchestration beside ``pipeline.py`` for what is stored.

After a file goes in, after a curator's decision and on ``kartoteka resolve`` or ``authority
import``, the stored profiles are linked again. This module reads the human decisions once
(``curate.curation``), calls ``resolve`` with them as arguments, and hands the results to
``store`` to write; ``store`` itself runs no algorithm and reads no decision.

Persons are linked by ``resolve.across.link_profiles`` over a neighbourhood (every profile that
shares a blocking key with the ones that changed), with the human decisions as constraints;
a newly ingested file's persons are attached to the stored entities incrementally instead
(``link_new_profiles``, ``resolve.incremental``), with no Splink run, scored by the person model
the last ``kartoteka resolve`` computed (``resolve_profiles`` over every profile hands it to
``store.linkage_model``), or by the prior before there is one.
Organisations and places are one entity per normalised name; groups and unnamed people stay
with their document.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from kartoteka.curate.edits import Curation, curation
from kartoteka.names.keys import neighbour_key, surname_keys
from kartoteka.names.parse import parse_person_name
from kartoteka.relink.address import (
    address_rows,
    forms_beside,
    place_address_forms,
)
from kartoteka.resolve.across import DEFAULT_THRESHOLD, KnownModel, Linkage
from kartoteka.resolve.channel_keys import channel_neighbours
from kartoteka.resolve.channel_links import join_channel_variants
from kartoteka.resolve.comparisons import fits_levels, load_prior
from kartoteka.resolve.learning import threshold_at
from kartoteka.resolve.profile import Profile
from kartoteka.resolve.scoring import prior_match_probability
from kartoteka.store import linkage_model as stored_linkage
from kartoteka.store.entities import (
    assign_entities,
    current_profiles,
    group_by_name,
    is_linkable_person,
    set_claim_fields,
    stored_block_keys,
)
from kartoteka.store.entities import refresh_entities as store_refresh_entities
from kartoteka.store.links import save_links
from kartoteka.store.tables import ProfileRow

log = logging.getLogger(__name__)


def resolve_profiles(session: Session, changed: Iterable[str] | None = None,
                     cur: Curation | None = None, *, backend: str = "duckdb") -> set[str]:
    """(Re)assign entities to the changed profiles (all when None); returns touched entities.

    ``cur``: the decisions, when the caller has read them already; ``backend``: the linkage
    engine (``duckdb``, or ``spark`` for Splink's Spark backend, see ``resolve/linker.py``).
    """
    cur = cur or curation(session)
    if changed is None:
        rows = current_profiles(session)
    else:
        changed = set(changed)
        seed = current_profiles(session, ProfileRow.key.in_(changed))
        # Decisions pull in the profiles they name, wherever they are.
        tied = {b for a, b in cur.decisions.must_link | cur.decisions.cannot_link if a in changed}
        tied |= {a for a, b in cur.decisions.must_link | cur.decisions.cannot_link if b in changed}
        blocks = _neighbour_blocks(session, [r for r in seed if is_linkable_person(r)])
        old_entities = {r.entity_id for r in seed if r.entity_id}
        by_key = {r.key: r for r in seed}
        if blocks:
            for r in current_profiles(session, ProfileRow.block_key.in_(blocks)):
                by_key[r.key] = r
        if tied or old_entities:
            cond = ProfileRow.key.in_(tied) | ProfileRow.entity_id.in_(old_entities)
            for r in current_profiles(session, cond):
                by_key[r.key] = r
        rows = list(by_key.values())
    touched: set[str] = {r.entity_id for r in rows if r.entity_id}
    persons = [r for r in rows if is_linkable_person(r)]
    others = [r for r in rows if not is_linkable_person(r)]
    clusters = _link_persons(session, persons, cur, backend, whole=changed is None)
    clusters += group_by_name(others)
    touched = assign_entities(session, clusters, touched, cur.labels,
                              only_changed=changed is not None)
    # address forms have no blocking key: left alone above, they rejoin their bearer here
    forms = address_rows(others)
    return touched | place_address_forms(session, forms, cur) if forms else touched


def link_new_profiles(session: Session, keys: Iterable[str], cur: Curation | None = None
                      ) -> set[str]:
    """Attach newly stored profiles to the stored entities (ingest's cross-document step);
    returns the entities touched.

    Persons go through ``resolve.incremental``: scored against the stored profiles of the
    blocks they touch, with the stored entities held as they are (or two of them joined by a
    new profile that fits both, ``resolve.incremental``). One the incremental step leaves to
    the full linker (``Attachment.bridges``), and every other kind, take ``resolve_profiles``'
    neighbourhood linker, as does everything on ``kartoteka resolve``.
    """
    from kartoteka.resolve.incremental import attach_profiles

    cur = cur or curation(session)
    keys = set(keys)
    seed = current_profiles(session, ProfileRow.key.in_(keys))
    new = [r for r in seed if is_linkable_person(r)]
    touched: set[str] = set()
    rest = [r.key for r in seed if not is_linkable_person(r)]
    if new:
        decided = cur.decisions.must_link | cur.decisions.cannot_link
        tied = {b for a, b in decided if a in keys} | {a for a, b in decided if b in keys}
        blocks = _neighbour_blocks(session, new)
        cond = ProfileRow.block_key.in_(blocks)
        if tied:
            cond = cond | ProfileRow.key.in_(tied)
        stored = [r for r in current_profiles(session, cond)
                  if r.key not in keys and is_linkable_person(r)]
        fresh = [Profile.from_dict(r.data) for r in new]
        near = [Profile.from_dict(r.data) for r in stored]
        attached = attach_profiles(fresh, near, {r.key: r.entity_id for r in stored},
                                   decisions=cur.decisions,
                                   **_stored_model_arguments(session, near, fresh))
        by_key = {r.key: r for r in [*stored, *new]}
        held: dict[str, list[ProfileRow]] = {}
        for r in stored:
            held.setdefault(r.entity_id or r.key, []).append(r)
        clusters = []
        for group in attached.groups:
            # a bridge decided from its scores brings the stored entities it joins
            found = attached.entities_of.get(group[0]) or [attached.entity_of[group[0]]]
            clusters.append([by_key[k] for k in group]
                            + [r for entity in found for r in held.pop(entity, [])])
        if _channel_would_join(clusters, held, attached.bridges, by_key, cur):
            rest += sorted(r.key for r in new)  # a join the neighbourhood linker makes
        else:
            joined = _whole_entities(session, clusters, attached.entities_of, by_key)
            # only the new profiles were scored, against their neighbours and each other
            save_links(session, attached.pairs, by_key, compared=[r.key for r in new])
            # the entities joined into another are touched too: their rows go
            touched = assign_entities(session, clusters, joined, cur.labels, only_changed=True)
            rest += sorted(attached.bridges)
    if rest:
        touched |= resolve_profiles(session, changed=rest, cur=cur)
    # a person this file names anew may be the one an address form elsewhere waited for
    waiting = forms_beside(session, new)
    if waiting:
        touched |= place_address_forms(session, waiting, cur)
    return touched


@dataclass
class _StoredPersonModel:
    """The person model ``kartoteka resolve`` stored, as a part of the collection is scored
    with it: its m and u; the collection's size and name frequencies when it was trained on
    them (from 1,000 profiles; below that the chance of a match stays the part's own, as the
    prior was reasoned for); its threshold, carried to the part's chance of a match."""

    settings: dict[str, Any]
    comparisons: dict[str, dict[str, list[float]]]
    population: int | None
    term_frequencies: dict[str, dict[str, float]] | None
    stored: stored_linkage.StoredModel

    def threshold(self, profiles: int) -> float:
        """The link threshold for a part of ``profiles`` profiles (the new ones included)."""
        per_entity = load_prior()["profiles_per_entity"]
        learnt_at = self.settings.get("probability_two_random_records_match") or \
            prior_match_probability(self.stored.profiles, per_entity)
        base = self.stored.model.get("base_threshold") or DEFAULT_THRESHOLD
        here = prior_match_probability(self.population or profiles, per_entity)
        return threshold_at(self.stored.link_threshold, base, learnt_at, here)


def _stored_person_model(session: Session, profiles: list[Profile], new: int = 0
                         ) -> _StoredPersonModel | None:
    """The stored person model to score these profiles (``new`` of them not in the stored
    collection) with, or None: the prior."""
    from kartoteka.resolve.incremental import frequency_values

    stored = stored_linkage.stored_model(session)
    if stored is None:
        return None
    if not fits_levels(stored.settings, stored.model.get("comparisons")):
        log.warning("the stored person model was computed on another version's comparison "
                    "levels: the prior is used until `kartoteka resolve` computes it again")
        return None
    comparisons = stored.model.get("comparisons") or load_prior()["comparisons"]
    if not stored.model.get("trained"):
        return _StoredPersonModel(stored.settings, comparisons, None, None, stored)
    wanted = frequency_values(profiles)
    found = stored_linkage.term_frequencies(session, wanted)
    # A name the collection did not have is as rare as a name can be there: once in n.
    rarest = 1.0 / max(stored.profiles, 1)
    frequencies = {field: {value: found.get(field, {}).get(value, rarest) for value in values}
                   for field, values in wanted.items()}
    return _StoredPersonModel(stored.settings, comparisons, stored.profiles + new, frequencies,
                              stored)


def _stored_model_arguments(session: Session, near: list[Profile], new: list[Profile]
                            ) -> dict[str, Any]:
    """What ``attach_profiles`` scores ``new`` profiles (beside ``near`` stored ones) with when
    ``kartoteka resolve`` stored a person model (``_StoredPersonModel``); nothing when none is
    stored: the prior."""
    found = _stored_person_model(session, [*near, *new], len(new))
    if found is None:
        return {}
    arguments: dict[str, Any] = {"model": found.settings,
                                 "threshold": found.threshold(len(near) + len(new))}
    if found.population is not None:
        arguments["population"] = found.population
        arguments["term_frequencies"] = found.term_frequencies
    return arguments


def _whole_entities(session: Session, clusters: list[list[ProfileRow]],
                    entities_of: dict[str, list[str]], by_key: dict[str, ProfileRow]) -> set[str]:
    """A bridge joins two stored entities whole: their members under blocks this file did not
    read go with them, or they would keep the old entity's id (one person, two entities). Only
    the joined entities are read (a file's bridges are few); the decision was the scores'.
    Returns the joined entities' ids."""
    joined = {e for found in entities_of.values() if len(found) > 1 for e in found}
    if not joined:
        return joined
    unread: dict[str, list[ProfileRow]] = {}
    for r in current_profiles(session, ProfileRow.entity_id.in_(joined)):
        if r.key not in by_key:
            unread.setdefault(r.entity_id, []).append(r)
    for cluster in clusters:
        for entity in sorted({r.entity_id for r in cluster if r.entity_id in joined}):
            cluster.extend(unread.pop(entity, []))
    return joined


def _channel_would_join(clusters: list[list[ProfileRow]], held: dict[str, list[ProfileRow]],
                        bridges: set[str], by_key: dict[str, ProfileRow], cur: Curation) -> bool:
    """Whether the machine-translation variant step (``resolve.channel_links``, which the
    neighbourhood linker runs after scoring) would join any of these clusters."""
    groups = [[r.key for r in c] for c in [*clusters, *held.values()]] + [[k] for k in bridges]
    before = Linkage(clusters=[sorted(g) for g in groups])
    after = join_channel_variants(before, [r.data for r in by_key.values()], cur.decisions)
    return sorted(map(sorted, after.clusters)) != sorted(before.clusters)


def _neighbour_blocks(session: Session, seed: list[ProfileRow]) -> set[str]:
    """The blocks whose profiles the changed ones are compared with: their own, and every
    stored block with the same coarse key (``names.keys.neighbour_key``) as any reading of
    their surnames, so Ulrich meets Ulrikh whichever was stored first."""
    if not seed:
        return set()  # nothing to compare: no need to read every stored block key
    blocks = {r.block_key for r in seed if r.block_key}
    readings = set(blocks)
    for r in seed:
        data = r.data or {}
        # the surname and those of the profile's other written forms ("Spigelglas", once
        # "Shpigelglas"), as the linker's blocking keys read them
        surnames = {data.get("surname"), *(parse_person_name(n).surname
                                           for n in data.get("names") or [])}
        for surname in filter(None, surnames):
            readings.update(surname_keys(surname))
    wanted = {neighbour_key(k) for k in readings}
    stored = stored_block_keys(session)
    # and the channel's confusions (Yegev meets Yezhov), as `kartoteka resolve` compares them
    return blocks | {b for b in stored if _neighbour_key(b) in wanted} | channel_neighbours(
        readings, stored)


# Ingest asks for every stored block's coarse key once a file: as many as there are surnames.
_neighbour_key = lru_cache(maxsize=1 << 18)(neighbour_key)


def _link_persons(session: Session, persons: list[ProfileRow], cur: Curation,
                  backend: str = "duckdb", *, whole: bool = False) -> list[list[ProfileRow]]:
    """Link these person profiles; ``whole``: they are every one stored (``kartoteka
    resolve``), so the model this run computed replaces the stored one. A neighbourhood is
    linked with the stored model: its m and u, its threshold, its collection's size."""
    if not persons:
        return []
    from kartoteka.resolve.across import link_profiles

    by_key = {r.key: r for r in persons}
    profiles = [Profile.from_dict(r.data) for r in persons]
    # A neighbourhood is scored as the whole collection was: the stored model, untrained.
    found = None if whole else _stored_person_model(session, profiles)
    known, threshold = None, DEFAULT_THRESHOLD
    if found is not None:
        known = KnownModel(found.comparisons, found.population or len(profiles),
                           found.term_frequencies)
        threshold = found.threshold(len(profiles))
    linkage = link_profiles(profiles, decisions=cur.decisions, backend=backend,
                            threshold=threshold, known=known)
    if whole and linkage.learnt is not None:
        linkage.learnt.computed_at = datetime.now(UTC).isoformat(timespec="seconds")
        stored_linkage.save_model(
            session, stored_linkage.PERSON, settings=linkage.model,
            model=linkage.learnt.to_dict(), link_threshold=linkage.learnt.link_threshold,
            profiles=linkage.learnt.profiles, term_frequencies=linkage.term_frequencies)
    linkage = join_channel_variants(linkage, [r.data for r in persons], cur.decisions)
    save_links(session, linkage.pairs, by_key)
    clusters = [[by_key[k] for k in cluster if k in by_key] for cluster in linkage.clusters]
    covered = {r.key for c in clusters for r in c}
    clusters += [[by_key[k]] for k in by_key if k not in covered]
    return [c for c in clusters if c]


def refresh_entities(session: Session, entity_ids: Iterable[str], cur: Curation | None = None
                     ) -> None:
    """Rebuild these entities from their profiles, with the names given by hand."""
    store_refresh_entities(session, entity_ids, (cur or curation(session)).labels)


def apply_claim_curation(session: Session, cur: Curation | None = None) -> None:
    """Claim statuses and field edits made by hand, re-applied after any re-run."""
    cur = cur or curation(session)
    set_claim_fields(session, cur.claim_status, cur.claim_fields)


__all__ = ["apply_claim_curation", "link_new_profiles", "refresh_entities", "resolve_profiles"]
