"""A gapped clause after a fate verb: "Петрова арестовали в 1937 году, а Орлова — в 1938-м",
"Иван Петров был арестован в 1937 году, его брат Павел Орлов — в 1938-м".

The verb is left out of the second clause and a dash stands in its place (Русская грамматика
1980, §2237, неполные предложения; the dash of an ellipsis); a subject or object and a date
remain. The remnant's person has the verb's event with the remnant's own date. Read off the
text: a comma or semicolon, "а"/"и", an optional possessive and lower-case words ("его брат"),
a person's name, a dash, "в" and a date, then the sentence's end; or the date first ("…, а в
1938 году — Орлова").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kartoteka.extract.ru.dates import RuDate

if TYPE_CHECKING:
    from kartoteka.extract.ru.context import RuContext
    from kartoteka.model import Mention

_DASH = re.compile(r"\s*(?:[—–-]\s*(?:(?:в|во)\s+)?|(?:в|во)\s+)", re.I)
# The date first: "…, а в 1938 году — Орлова".
_DATE_LEAD = re.compile(r"[,;]\s*(?:(?:а|и)\s+)?(?:в|во)\s+", re.I)
_DATE_DASH = re.compile(r"\s*[—–-]\s*")
_BETWEEN = re.compile(r"[,;]\s*(?:(?:а|и)\s+)?(?:[а-яё]+\s+){0,3}")  # lower-case words only
_END = re.compile(r"[\s.;!]*")


def gapped_remnant(ctx: RuContext, after: int, end: int
                   ) -> tuple[Mention, RuDate, int] | None:
    """The person, the date and the start of the gapped clause in ``ctx.text[after:end]``."""
    text = ctx.text
    for sep in re.finditer(r"[,;]", text[after:end]):
        at = after + sep.start()
        person = next((m for m in ctx.mentions if m.kind == "person" and m.name
                       and at < m.start < end
                       and _BETWEEN.fullmatch(text, at, m.start) is not None), None)
        if person is None:
            continue
        dash = _DASH.match(text, person.end, end)
        if dash is None:
            continue
        date = next((d for d in ctx.dates if d.start == dash.end()), None)
        if date is None or _END.fullmatch(text, date.end, end) is None:
            continue
        return person, date, at
    for lead in _DATE_LEAD.finditer(text, after, end):
        date = next((d for d in ctx.dates if d.start == lead.end()), None)
        dash = _DATE_DASH.match(text, date.end, end) if date is not None else None
        person = next((m for m in ctx.mentions if m.kind == "person" and m.name
                       and dash is not None and m.start == dash.end()), None)
        if person is not None and date is not None and \
                _END.fullmatch(text, person.end, end) is not None:
            return person, date, lead.start()
    return None


__all__ = ["gapped_remnant"]
