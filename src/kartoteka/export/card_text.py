"""A person's card as plain text, for the terminal (``kartoteka person``)."""

from __future__ import annotations

from kartoteka.store.cards import Card


def card_text(card: Card) -> str:
    """The card as text: name forms, authority records, claims with passages, disagreements."""
    e = card.entity
    lines = [f"{e.label}  [{e.id}]" + (f"  ({'male' if e.gender == 'm' else 'female'})"
                                        if e.gender else ""), ""]
    lines.append("Name forms:")
    for form, titles in sorted(card.name_forms.items()):
        lines.append(f"  {form}  — in: {'; '.join(t or '?' for t in titles)}")
    if card.authority:
        lines.append("Authority records: " + ", ".join(f"{a['source']}:{a['id']}"
                                                      for a in card.authority))
    if card.members:
        lines.append("Members: " + ", ".join(m.label for m in card.members))
    lines += ["", "Claims:"]
    for c in card.claims:
        v = c.view
        head = ("NOT " if v.polarity == "negated" else "") + v.type
        if v.role:
            head += f" ({v.role})"
        if c.object_label:
            head += f" → {c.object_label}"
        if c.subject_label and v.subject != e.id:
            head = f"{c.subject_label}: {head}"
        who = c.informant_label or ("hearsay, unnamed source" if v.hearsay else "the narrator")
        lines.append(f"  {v.date or 'undated':12} {head}   [{v.status}, told by {who}]")
        lines.append(f"      “{c.passage[:300]}”  — {c.document_title or v.document_id}")
    if card.disagreements:
        lines += ["", "Sources disagree:"]
        for a, b in card.disagreements:
            lines.append(f"  {a.view.type}: {a.view.polarity} {a.view.date or ''} "
                         f"({a.document_title}) vs {b.view.polarity} {b.view.date or ''} "
                         f"({b.document_title})")
    return "\n".join(lines)
