"""The roll line, in any language: a name at the head of a line (after a number or a bullet),
a dash, and what the list says of the name to the end of the line ("1. NAME - ROLE")."""

from __future__ import annotations

import re

# a hyphen, an en dash or an em dash, spaced or not
DASH = re.compile(r"[ \t]*[-–—][ \t]*")
# "1." "12)" "•" "*" "·" before the name
LINE_LEAD = re.compile(r"[ \t]*(?:\d{1,3}[.)][ \t]*|[•*·][ \t]*)?")


def roll_line_tail(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the text after the dash runs, when the name at ``start:end`` heads a roll line."""
    line_start = text.rfind("\n", 0, start) + 1
    lead = LINE_LEAD.match(text, line_start)
    if lead is None or lead.end() != start:
        return None
    dash = DASH.match(text, end)
    if dash is None:
        return None
    line_end = text.find("\n", dash.end())
    return dash.end(), len(text) if line_end < 0 else line_end
