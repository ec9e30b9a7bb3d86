"""Dates an event takes from its sentence or its paragraph when its own clause names none.

Three constructions of narrative English:

- A *when*-clause sets the time of its main clause: "When, in 1938, he suspected that he
  would be recalled, he fled to Japan" dates the flight 1938.
- A fronted date adverbial scopes over its whole sentence: "On 20 September 1938, a tribunal
  sentenced him to death" dates the sentence even where the parser hangs the verb wrongly (as
  a modifier of "tribunal"). Only a date that opens the sentence and is closed off by a comma
  counts, and never for an event told in the pluperfect ("In 1956 the court found that he had
  been shot": that event lies before the sentence's time; nor does any date of the host
  clause date such a pluperfect complement).
- "then" moves a narrative on within one scene: "On 15 May 1939 agents came to the flat. They
  drove to the dacha. He was then placed under arrest." The event is about the date the
  paragraph last named: that date, marked approximate (EDTF ``~``), and only when no new
  paragraph intervenes.
"""

from __future__ import annotations

from spacy.tokens import Token

from kartoteka import dates as edtf
from kartoteka.extract.en.timeline import Timeline

# next in the same scene; "promptly", "immediately" say the event followed at once (Quirk et
# al. §8.57, time adverbs of relationship): "All concerned were promptly executed"
SEQUENCE_WORDS = frozenset({"then", "thereupon", "promptly", "immediately"})
MAX_BACK = 600  # characters: a scene of a few sentences


def _pluperfect(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children)


def backshifted(timeline: Timeline, trigger: Token) -> bool:
    """A pluperfect event in a subordinate clause with no date of its own ("In 1956 he learnt
    that his brother had been arrested"): the host's date is later than the event."""
    verb = _verb_of(trigger)
    return _pluperfect(verb) and verb.dep_ in ("ccomp", "advcl", "relcl", "acl") and \
        not timeline._dates_in(trigger)


def _verb_of(tok: Token) -> Token:
    """The verb whose clause ``tok`` stands in ("placed" for "placed under arrest")."""
    cur = tok
    for _ in range(3):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def when_date(timeline: Timeline, trigger: Token) -> str | None:
    """The date of a *when*-clause the event's verb governs ("When, in 1938, he learnt of
    the order, he fled"): the two happen at one time."""
    verb = _verb_of(trigger)
    for c in verb.children:
        if c.dep_ not in ("advcl", "ccomp") or c.left_edge.lower_ != "when":
            continue  # (the small model may hang "when" on a date inside the clause)
        own = [m for m in timeline._dates_in(c) if not m.bound]
        if own:
            return timeline.value(min(own, key=lambda m: abs(m.start - c.idx)))
    return None


def fronted_date(timeline: Timeline, trigger: Token) -> str | None:
    """The date that opens ``trigger``'s sentence ("On 1 May 1937, …"), or None."""
    sent = trigger.sent
    verb = _verb_of(trigger)
    if _pluperfect(verb) or verb.dep_ == "ccomp":
        return None  # an earlier event, or one a finding or a report is about
    for tok in sent[:3]:
        m = timeline.at_token.get(tok.i)
        if m is None:
            continue
        last = max(i for i, mm in timeline.at_token.items() if mm is m)
        after = trigger.doc[last + 1] if last + 1 < len(trigger.doc) else None
        if after is None or after.text != "," or m.bound or last >= trigger.i:
            return None
        return timeline.value(m)
    return None


def sequel_date(timeline: Timeline, trigger: Token) -> str | None:
    """About the paragraph's last date for an event told with "then" (or "promptly",
    "immediately"), else None."""
    verb = _verb_of(trigger)
    if not any(c.dep_ == "advmod" and c.lower_ in SEQUENCE_WORDS for c in verb.children):
        return None
    text = trigger.doc.text
    before = [m for m in timeline.mentions if m.end <= trigger.idx
              and trigger.idx - m.end <= MAX_BACK and "\n" not in text[m.end:trigger.idx]]
    if not before:
        return None
    value = timeline.value(before[-1])
    if value is None or "/" in value or before[-1].bound:
        return None
    return edtf.checked(f"{value}~")


__all__ = ["backshifted", "fronted_date", "sequel_date", "when_date"]
