"""Within one document: which mentions are one entity.

People are grouped by their names, read as a careful reader would:

1. Mentions with a given name or initials ("Alexander Kalin", "N. I. Yezhov") form people
   first; two of them are one person only when ``compare_names`` finds the surnames alike and
   nothing conflicting (given name, patronymic, gender). Two Genrikhs with different surnames
   stay two; so do Ivan and Pyotr Orlov.
2. Another name of a person, as the extractor marked it (``alias_of``, ``foreign_form_of``) or
   as the layout gives it (``text_alias_of``: "X (born Y; Russian: Z)"), joins that
   person whatever the names: a birth name, a pseudonym, a foreign form. Such names are kept
   apart from the person's own, so a birth surname ("born Frauchi") does not pull in the
   other people who carry it.
3. A bare surname ("Kalin", "Yerev") joins the person whose surname it matches, preferring an
   exact key over a variant (Yerev ~ Yezhov, Morchanov ~ Molchanov: translation noise that
   ``surname_similarity`` prices cheaply), and a person's own surname over an alias. A bare
   given name or a given name and patronymic ("Артур Христианович") joins the person with
   those names. If several people fit, the mention goes to the one the context points to:
   the gender it shows, else the person the text is about (named in its title, or clearly the
   most named) unless a kinship word stands before it ("his father Florensky"), else the only
   one of them named in the same or the previous sentence. Otherwise it stays alone,
   unresolved, with the candidates in ``attrs["unresolved"]``; a choice made among several is
   recorded in ``attrs["ambiguous_with"]``, so a curator can see it.
4. A family named in the plural ("the Karins", Mention.family) is a group entity; its
   ``members`` are the people whose surname matches the family's (Karin ~ Kalin).
5. Organisations group by their body (``attrs["org_id"]``, else the name); places by name;
   descriptions of unnamed people ("his wife") are each an entity of their own.
"""

from __future__ import annotations

from collections import Counter

from kartoteka.model import Extraction, LocalEntity, Mention
from kartoteka.names.attested import attested_surname
from kartoteka.names.script import is_cyrillic
from kartoteka.names.similarity import SURNAME_THRESHOLD, surname_similarity
from kartoteka.resolve.aliases import marked_aliases
from kartoteka.resolve.apart import birth_years
from kartoteka.resolve.people import Person, group_people


def _label(person: Person) -> str:
    """The fullest Latin-script name of its own (a Cyrillic form only when there is no other;
    a birth name or pseudonym only when it has no name of its own)."""
    own = person.own_mentions()
    fullest = max(own, key=lambda m: (not is_cyrillic(m.name or m.text),
                                                  len((m.name or m.text).split()), -m.start))
    if len((fullest.name or "").split()) > 1:
        return fullest.name or fullest.text
    counts = Counter(m.name or m.text for m in own)
    first = {}
    for m in sorted(own, key=lambda m: m.start):
        first.setdefault(m.name or m.text, m.start)
    # Among forms as frequent as each other, one the lexicon knows as a surname (Yezhov, not
    # the translation's Yerev) names the person best.
    return max(counts, key=lambda form: (counts[form], attested_surname(form), -first[form]))


def _family_groups(families: list[Mention], people: list[Person]) -> list[LocalEntity]:
    groups: list[tuple[str, list[Mention]]] = []
    for m in families:
        home = next((g for g in groups
                     if surname_similarity(g[0], m.name or "") >= SURNAME_THRESHOLD), None)
        if home is None:
            groups.append((m.name or m.text, [m]))
        else:
            home[1].append(m)
    out = []
    for name, ms in groups:
        fits = [(p, p.surname_fit(name, with_aliases=True)) for p in people if not p.unresolved]
        fits = [(p, s) for p, s in fits if s >= SURNAME_THRESHOLD]
        best = max((s for _, s in fits), default=0.0)
        members = [p.key for p, s in fits if s >= min(best, 1.0) - 0.02]
        out.append(LocalEntity(
            key=ms[0].id, kind="group", label=f"{name} family", names=sorted({m.text for m in ms}),
            mention_ids=[m.id for m in ms], members=members, descriptor=ms[0].descriptor))
    return out


def _other_entities(mentions: list[Mention]) -> list[LocalEntity]:
    out: list[LocalEntity] = []
    grouped: dict[tuple[str, str], LocalEntity] = {}
    for m in mentions:
        if m.kind == "person" and m.name or m.kind == "group" and m.family and m.name:
            continue
        if m.kind in ("organization", "place") and (m.name or m.text):
            group_key = (m.kind, str(m.attrs.get("org_id") or m.name or m.text))
            if group_key in grouped:
                ent = grouped[group_key]
                ent.mention_ids.append(m.id)
                if m.text not in ent.names:
                    ent.names.append(m.text)
                continue
            ent = LocalEntity(key=m.id, kind=m.kind, label=m.name or m.text, names=[m.text],
                              mention_ids=[m.id])
            grouped[group_key] = ent
            out.append(ent)
            continue
        out.append(LocalEntity(key=m.id, kind=m.kind, label=m.descriptor or m.name or m.text,
                               names=[m.name] if m.name else [], mention_ids=[m.id],
                               gender=m.gender, descriptor=m.descriptor))
    return out


def within(extraction: Extraction) -> list[LocalEntity]:
    """Group a document's mentions into entities (see the module docstring for the rules)."""
    mentions = sorted(extraction.mentions, key=lambda m: (m.start, -m.end))
    persons = [m for m in mentions if m.kind == "person" and m.name]
    families = [m for m in mentions if m.kind == "group" and m.family and m.name]
    text = extraction.document.text
    people = group_people(persons, marked_aliases(persons), text, birth_years(extraction.claims))
    out: list[LocalEntity] = []
    for p in people:
        ms = sorted(p.mentions, key=lambda m: m.start)
        genders = p.genders()
        out.append(LocalEntity(
            key=p.key, kind="person", label=_label(p),
            names=sorted({m.text for m in ms} | {m.name for m in ms if m.name}),
            mention_ids=[m.id for m in ms],
            gender=genders.pop() if len(genders) == 1 else None))  # type: ignore[arg-type]
    out += _family_groups(families, people)
    out += _other_entities(mentions)
    first = {m.id: m.start for m in mentions}
    return sorted(out, key=lambda e: first.get(e.key, 0))
