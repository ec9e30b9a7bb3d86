"""Which modality class a Russian fate verb stands in (kartoteka.extract.modality decides what
each class becomes).

A fate verb is a candidate; its clause says whether the text asserts it. The cue words are in
``lexicon.MODAL_CUES``: a cue must stand before the verb in its clause with no conjunction
between ("обвинён в шпионаже и расстрелян" asserts the execution), or right after it ("его
расстреляли бы"). A question asks; a grammatical negation denies ("не был арестован"); a rumour
marker (kartoteka.extract.ru.rumours) hedges. An infinitive fate verb with no cue before it
("арестовать") says nothing happened either: it is read as intended.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kartoteka.extract.modality import Modality
from kartoteka.extract.ru.dates import RuDate, qualified_edtf
from kartoteka.extract.ru.lexicon import CLAUSE_JOINS, MODAL_AFTER, MODAL_CUES, OTHER_DATA

if TYPE_CHECKING:
    from kartoteka.extract.ru.context import RuContext

# A near miss ("чуть не расстреляли") is a hypothetical: the event came close, did not happen.
_CLASS = {"near_miss": Modality.HYPOTHETICAL}
_CUES = [(name, _CLASS.get(name) or Modality(name), re.compile(pattern, re.I))
         for name, pattern in MODAL_CUES.items()]
# The order cues are tried: what drops a claim before what hedges it.
_ORDER = ("refuted_rumour", "near_miss", "question", "hypothetical", "ordered", "feared",
          "intended", "charged", "reported")
_REACH = 90  # characters before the trigger a cue may stand


def _clause_before(text: str, sentence_start: int, trigger_start: int) -> str:
    start = max(sentence_start, trigger_start - _REACH)
    return text[start:trigger_start]


def modality_of(text: str, sentence: tuple[int, int], trigger: tuple[int, int], *,
                negated: bool = False, rumour: bool = False,
                infinitive: bool = False) -> Modality:
    """The class of the fate verb at ``trigger`` in ``sentence`` (both spans of ``text``)."""
    sentence_text = text[sentence[0]:sentence[1]].rstrip()
    if sentence_text.endswith("?") or re.search(r"\?\s*[»\"“”]?$", sentence_text):
        return Modality.QUESTION
    before = _clause_before(text, sentence[0], trigger[0])
    found: dict[str, Modality] = {}
    for name, modality, cue in _CUES:
        m = cue.search(before)
        if m and not CLAUSE_JOINS.search(_after_cue_word(before, m)):
            found[name] = modality
    for name in _ORDER:
        if name in found:
            return found[name]
    after = MODAL_AFTER.match(text, trigger[1], sentence[1])
    if after:
        return Modality.QUESTION if after.group(0).strip().lower() == "ли" else (
            Modality.HYPOTHETICAL)
    if infinitive:
        return Modality.INTENDED
    if rumour:
        return Modality.RUMOUR
    if negated:
        return Modality.DENIED
    return Modality.ASSERTED


def _after_cue_word(before: str, match: re.Match[str]) -> str:
    """What stands between a cue's first word and the fate verb: a conjunction there cuts the
    cue off from the verb."""
    first = re.search(r"\s", match.group(0))
    return before[match.start() + first.start():] if first else ""


def other_data_date(ctx: RuContext, date: RuDate, limit: int) -> str | None:
    """The second date "по другим данным" gives right after an event's date ("расстрелян
    3 мая 1938 г. (по другим данным — в 1939 г.)"): the same event, as another source has it.
    A claim of its own beside the first, hedged by the gate as reported."""
    m = OTHER_DATA.search(ctx.text, date.end, min(limit, date.end + 30))
    if m is None or not re.fullmatch(r"[\s,;(]*", ctx.text[date.end:m.start()]):
        return None
    for other in ctx.dates:
        if m.end() <= other.start < m.end() + 6 and re.fullmatch(
                r"\s*(?:в|во|на)?\s*", ctx.text[m.end():other.start]):
            return qualified_edtf(ctx.text, other)
    return None


__all__ = ["modality_of", "other_data_date"]
