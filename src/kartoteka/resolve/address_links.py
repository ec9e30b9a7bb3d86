"""Across documents: a person named by given name and patronymic alone joins the one who bears them.

Russians address and refer to a person by given name and patronymic ("Lavrenty Pavlovich",
"Иосиф Виссарионович"). Within one document the person is joined when the document gives the
full name too; a document that gives only the address form leaves a profile with no surname,
which the linker, blocking on surnames, never compares. Such a profile (an *address form*: a
full given name and a full patronymic, no surname; initials never count) joins a person of
another document's naming when the scene vouches for it:

- its own document names that person too, by surname (a bare "Stalin" beside "Josef
  Vissarionovich"): the document's profile belongs to a cluster (*a bearer*) that has the same
  given name and patronymic under any reading the names code makes one (Iosif, Joseph, Иосиф;
  Vissarionovich, Виссарионович), in full, or the given name in full and the patronymic by its
  initial ("И. В. Сталин" with "Josef Stalin");
- exactly one of the document's clusters bears the pair: where two do (Nikolai Ivanovich
  Bukharin and Nikolai Ivanovich Yezhov both named in a memoir), the address form says
  nothing about which it is and stays alone;
- nothing conflicts: genders, a given name or patronymic of the bearer that cannot be the
  form's, a human "not the same" between the form and any profile of the bearer, and the
  document itself: where its own profile of the bearer gives a full given name and patronymic,
  the document compared the two names when it grouped its mentions and kept them apart.

A cluster bearing the pair elsewhere in the corpus but not named in the form's document is no
candidate: an address form says "the one we both know", which is the scene's person.

Each join is a scored pair with the evidence (``rule``, the two names compared, the document
profile that named the bearer), so a curator sees why and can undo it with a "not the same".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kartoteka.names.similarity import given_compatible, patronymic_compatible
from kartoteka.resolve.profile import Decisions, Profile

RULE = "given name and patronymic named beside their bearer"


def _full(part: str | None) -> bool:
    """A whole name word, not an initial ("V.", "В")."""
    return bool(part) and len(part.strip(". ")) > 1  # type: ignore[union-attr]


def is_address_form(profile: Profile) -> bool:
    """A person profile named by a full given name and a full patronymic and no surname."""
    return (profile.kind == "person" and not profile.descriptor and not profile.surname
            and not profile.unresolved and _full(profile.given) and _full(profile.patronymic))


def _patronymic_initial(profile: Profile) -> str | None:
    """The initial a surnamed profile gives for the patronymic: "V." after a full given name,
    or the second of two initials ("И. В. Сталин")."""
    if profile.patronymic and not _full(profile.patronymic):
        return profile.patronymic
    if _full(profile.given) and len(profile.initials) == 1:
        return profile.initials[0]
    return profile.initials[1] if not profile.given and len(profile.initials) == 2 else None


def _bears(members: Sequence[Profile], given: str, patronymic: str) -> tuple[str, Profile] | None:
    """How a cluster bears the pair: ("full", the profile that gives both), ("initial", the
    profile that gives the patronymic's initial) when some profile gives the given name in
    full and the patronymic is known by its initial alone; or None."""
    named = [p for p in members if p.surname]
    if not any(_full(p.given) and given_compatible(p.given, given) for p in named):
        return None
    for p in sorted(named, key=lambda x: x.key):
        if _full(p.given) and _full(p.patronymic) and given_compatible(p.given, given) \
                and patronymic_compatible(p.patronymic, patronymic):
            return "full", p
    for p in sorted(named, key=lambda x: x.key):
        initial = _patronymic_initial(p)
        if initial and patronymic_compatible(initial, patronymic):
            return "initial", p
    return None


def _against(form: Profile, members: Sequence[Profile], decisions: Decisions) -> bool:
    """Whether anything in the cluster says it is not the form's person."""
    if form.gender and any(p.gender and p.gender != form.gender for p in members):
        return True
    for p in members:
        if _full(p.given) and given_compatible(p.given, form.given) is False:
            return True
        if _full(p.patronymic) and patronymic_compatible(p.patronymic, form.patronymic) is False:
            return True
    return bool(decisions.cannot_link) and any(decisions.cannot(form.key, p.key) for p in members)


@dataclass(frozen=True)
class AddressJoin:
    """The cluster an address form joins, and why."""

    cluster: str  # the id the caller gave the cluster
    anchor: str  # the key of the bearer's profile the pair is scored against
    evidence: dict[str, object]


def address_join(form: Profile, clusters: Mapping[str, Sequence[Profile]],
                 decisions: Decisions = Decisions()) -> AddressJoin | None:  # noqa: B008
    """The one cluster (id -> its profiles) the address form ``form`` joins, or None.

    ``clusters`` are those at hand; only those with a profile in ``form``'s document are the
    scene's (module docstring)."""
    if not is_address_form(form):
        return None
    given, patronymic = form.given or "", form.patronymic or ""
    found: list[tuple[str, Profile, Profile, str]] = []
    for cid, members in clusters.items():
        if any(p.key == form.key for p in members):
            continue
        scene = [p for p in members if p.document_id == form.document_id]
        if not scene:
            continue
        bears = _bears(members, given, patronymic)
        if bears:
            found.append((cid, scene[0], bears[1], bears[0]))
    if len(found) != 1:
        return None  # nobody in the scene bears the pair, or namesakes do
    cid, scene_profile, bearer, level = found[0]
    members = clusters[cid]
    if _against(form, members, decisions):
        return None
    if any(_full(p.given) and _full(p.patronymic)
           for p in members if p.document_id == form.document_id):
        return None  # the document compared the full name with the form and kept them apart
    return AddressJoin(cid, scene_profile.key, {
        "rule": RULE, "forms": [form.label, bearer.label], "scene": scene_profile.label,
        "patronymic": "in full" if level == "full" else "by its initial"})
