"""Another name of the person just named, within one English sentence: "Józef Unszlicht or
Iosif Unshlikht", "Artuzov (surname at birth Fraucci)", "Matvei Berman (Russian: Матвей Берман)".

Split from ``persons.py``: the finder accepts the runs, these say which of them name again the
person named just before.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kartoteka.extract.en import lexicon as lx
from kartoteka.extract.en.person_evidence import Run

# Verbs that also introduce a name ("a man named Sorokin", "a clerk called Ivanov"): right after
# a person's own name they are that person's act ("Frinovsky named Sorokin as the organiser":
# he accused him), since English puts a common noun, not a name, before the participle.
VERBS_OF_NAMING = frozenset({"named", "called"})


def link_aliases(doc: Doc, accepted: list[Run]) -> None:
    """Mark runs that give another name of the person just named: "Józef Unszlicht or
    Iosif Unshlikht", "Jānis Bērziņš Yan Berzin", "Artuzov (surname at birth Fraucci)",
    "(Russian: Иосиф Уншлихт)", "real name Pēteris Ķuzis"."""
    ending_at = {r.last: r for r in accepted}
    for i, run in enumerate(accepted):
        if run.first in ending_at:
            run.alias_of = ending_at[run.first]  # two names in a row
            continue
        before = doc[run.first - 1] if run.first > 0 else None
        if before is not None and before.lower_ == "or" and run.first - 1 in ending_at:
            first = ending_at[run.first - 1]
            if run.last - run.first > 1 and first.last - first.first > 1:
                run.alias_of = first  # "Józef Unszlicht or Iosif Unshlikht"
                continue
        if "alias in brackets" in run.reasons:
            k = run.first - 1
            while k >= 0 and doc[k].text != "(":
                k -= 1
            if k in ending_at:
                run.alias_of = ending_at[k]
                continue
        if "introduced as a name" in run.reasons and before is not None and \
                before.lower_ not in ("pseudonym", "guerre", "codename", "code-name") \
                and not (before.lower_ in VERBS_OF_NAMING and run.first - 1 in ending_at):
            sent_start = doc[run.first].sent.start
            earlier = [r for r in accepted[:i] if r.first >= sent_start]
            if earlier:
                run.alias_of = earlier[-1]

def bracketed_alias(doc: Doc, run: Run, person_ends: set[int]) -> bool:
    """"Matvei Berman (Russian: Матвей Берман)", "Saparova (Saparashvili)": another form
    of the name just before the bracket."""
    k = run.first - 1
    steps = 0
    while k >= 0 and doc[k].text != "(" and steps < 4:
        if doc[k].text[:1].isupper() and doc[k].lower_ not in lx.LANGUAGE_LABELS:
            return False
        k -= 1
        steps += 1
    if k < 0 or doc[k].text != "(":
        return False
    close = next((j for j in range(run.last, min(len(doc), run.last + 3))
                  if doc[j].text in (")", ";", ",")), None)
    return close is not None and k in person_ends


__all__ = ["VERBS_OF_NAMING", "bracketed_alias", "link_aliases"]
