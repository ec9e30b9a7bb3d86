"""Events that a temporal preposition or conjunction ties to another event's date.

Two constructions, one reading: the date of the host clause bounds the event, it does not
date it.

- A nominalisation after a temporal preposition: "In June 1937, after Kork's arrest, his wife
  was exiled" says the arrest came before June 1937, not in it; "until his death" says the
  death came after. Only a date inside the phrase dates it ("after his arrest on 29 May").
- A clause under a temporal conjunction: "The news broke on 13 July, a month after he had
  defected" dates the defection a month before the host's date; without a measure ("after he
  had defected") the host's date only bounds it.

A third, sequence: "X was arrested in March 1938 and shot" puts the shooting at or after
March 1938 (``1938-03/..``), where nothing dates it more closely.

The event gets the date of its own phrase, else (a measured clause) the host's date shifted
by the measure, at the precision the measure allows ("a month" gives a month, "two days" a
day), else an open interval on the side the conjunction says (``../1937-06``, ``1937-06/..``).
The Timeline's reading of other clauses is unchanged; this module only answers for these two.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kartoteka import dates as edtf
from kartoteka.extract.en import triggers as tr
from kartoteka.extract.en.dates import NUMBER_WORDS
from kartoteka.extract.en.timeline import Timeline

# The event named after the word happened before the host ("after X") or after it ("before X").
EARLIER = frozenset({"after", "following", "since"})
LATER = frozenset({"before", "until", "till", "prior"})
FORESTALLING = frozenset({"death", "suicide", "execution", "escape", "defection"})
REALISED = frozenset({"eventually", "finally", "ultimately", "later", "subsequently"})
UNITS = frozenset({"day", "week", "month", "year"})


def _measure(clause: Token) -> tuple[int, str] | None:
    """"a month", "two days", "three weeks" before the conjunction: (n, unit)."""
    for c in clause.children:
        if c.dep_ != "npadvmod" or c.lemma_.lower() not in UNITS:
            continue
        for d in c.children:
            word = d.lower_
            if d.dep_ in ("det", "nummod") and (word.isdigit() or NUMBER_WORDS.get(word)):
                return (int(word) if word.isdigit() else NUMBER_WORDS[word]), c.lemma_.lower()
    return None


def _shift(value: str, n: int, unit: str) -> str | None:
    """``value`` moved by ``n`` units (negative: back), at the precision the unit allows."""
    if unit in ("day", "week"):
        return edtf.shift_days(value, n * (7 if unit == "week" else 1))
    y = edtf.year_of(value)
    if y is None:
        return None
    if unit == "year":
        return edtf.year(y + n)
    parts = value.split("-")
    if len(parts) < 2 or not parts[1].isdigit() or not 1 <= int(parts[1]) <= 12:
        return None  # a year or a season cannot be moved by months
    months = y * 12 + int(parts[1]) - 1 + n
    return edtf.month(months // 12, months % 12 + 1)


def _host_value(timeline: Timeline, host: Token, skip: Token) -> str | None:
    cands = timeline._dates_in(host, skip=skip)
    if not cands:
        return timeline.date_for(host)
    best = min(cands, key=lambda m: abs(m.start - skip.idx))
    return None if best.bound else timeline.value(best)


def _bound(value: str | None, word: str) -> str | None:
    if value is None or "/" in value:
        return None
    return edtf.until(value) if word in EARLIER else edtf.interval(value, None)


def anchored_noun_date(timeline: Timeline, trigger: Token) -> str | None:
    """The date of an event noun under a temporal preposition ("after his arrest")."""
    prep = trigger.head
    own = timeline._dates_in(trigger)
    if own:
        return timeline.value(min(own, key=lambda m: abs(m.start - trigger.idx)))
    last = max(t.i for t in prep.subtree)
    nxt = trigger.doc[last + 1] if last + 1 < len(trigger.doc) else None
    if nxt is not None and nxt.lower_ in ("in", "on") and nxt.i + 1 < len(trigger.doc) and \
            nxt.i + 1 in timeline.at_token:
        return timeline.value(timeline.at_token[nxt.i + 1])  # "after his arrest in 1937, he"
    return _bound(_host_value(timeline, prep.head, prep), prep.lower_)


def temporal_clause(trigger: Token) -> tuple[Token, str] | None:
    """(clause head, conjunction) when ``trigger`` heads a clause under after/before/…"""
    clause = trigger
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    if clause.dep_ == "pcomp" and clause.head.lower_ in EARLIER | LATER:
        return clause.head, clause.head.lower_  # "before being shot", "after being arrested"
    if clause.dep_ != "advcl":
        return None
    for c in clause.children:
        if c.dep_ == "mark" and c.lower_ in EARLIER | LATER:
            return clause, c.lower_
    return None


def unrealised(timeline: Timeline, trigger: Token,
               needs_met: Callable[[Token, tuple[str, ...]], bool]) -> bool:
    """An event under *before* that the main clause forestalls: "he died before he was
    tried", "he fled before being arrested" (the counterfactual reading of *before*, which
    arises when the main event precludes the other; Condoravdi, "NPI licensing in temporal
    clauses", 2010). Only a main event that ends a person's presence forestalls (a death, a
    suicide, an execution, a flight or defection: triggers.py); "Before he shot himself, he
    wrote to his wife" keeps the suicide. A date of its own or "eventually", "finally", "later"
    say it came all the same: "he fled, but before eventually being arrested …"."""
    found = temporal_clause(trigger)
    if found is None or found[1] not in ("before", "prior"):
        return False
    clause, _ = found
    host = clause.head
    while host.dep_ in ("prep", "conj") and host.head.i != host.i:
        host = host.head
    # the host's own reading decides, as for any trigger: the first spec whose needs are met
    # ("left the regime" is a flight, "left a letter" is nothing)
    spec = next((s for s in tr.VERB_TRIGGERS.get(host.lemma_.lower(), ())
                 if needs_met(host, s.needs)), None)
    if spec is None or spec.type not in FORESTALLING:
        return False
    if timeline._dates_in(trigger):
        return False
    return not any(c.dep_ == "advmod" and c.lower_ in REALISED for c in trigger.children)


def clause_date(timeline: Timeline, trigger: Token, clause: Token, word: str) -> str | None:
    """The date of an event in a clause under a temporal conjunction (see the module doc)."""
    own = timeline._dates_in(trigger)
    if own:
        return timeline.value(min(own, key=lambda m: abs(m.start - trigger.idx)))
    host = _host_value(timeline, clause.head, clause)
    if host is None:
        return None
    measure = _measure(clause)
    if measure is None:
        return _bound(host, word)
    n, unit = measure
    return _shift(host, -n if word in EARLIER else n, unit)


def coordinated_bound(timeline: Timeline, trigger: Token) -> str | None:
    """"X was arrested in March 1938 and shot": told in sequence, the second event is at or
    after the first's date (``1938-03/..``); None when the first has no date of its own."""
    if trigger.dep_ != "conj" or trigger.head.i > trigger.i or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        return None
    head = trigger.head
    cands = [m for m in timeline._dates_in(head, skip=trigger) if m.start < trigger.idx]
    if not cands:
        return None
    best = max(cands, key=lambda m: m.start)
    value = None if best.bound else timeline.value(best)
    if value is None or "/" in value:
        return None
    return edtf.interval(value, None)


__all__ = ["anchored_noun_date", "clause_date", "coordinated_bound", "temporal_clause",
           "unrealised"]
