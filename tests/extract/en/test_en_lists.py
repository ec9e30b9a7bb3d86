"""A fate heading over a list of lines (made-up lists; fast: one small model per session)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "type_"), [
    ("In 1938 the following officials were shot:\nDeputy Commissar Pavel Orekhov\n"
     "Chairman of the Council Boris Morozov\n\nTheir families were exiled.", "execution"),
    ("The party members who were repressed in 1938 were\nthe editor Pavel Orekhov\n"
     "the secretary Boris Morozov\n\nNobody knew why.", "arrest"),
    ("In 1938 the officials who were arrested were\n\nCommissar of Justice Pavel Orekhov\n"
     "Governor of the State Bank Boris Morozov\n\nNone came back.", "arrest"),
])
def test_lists_a_fate_heading_gives_each_line_its_fate(fates_en, text: str, type_: str) -> None:
    fates = fates_en(text)
    for name in ("Pavel Orekhov", "Boris Morozov"):
        assert (type_, name, "1938", "affirmed", None) in fates


def test_lists_a_feared_heading_gives_nothing(fates_en) -> None:
    text = ("Everyone feared that the following would be shot:\nDeputy Commissar Pavel Orekhov\n"
            "Chairman of the Council Boris Morozov\n\nNothing happened.")
    assert not [f for f in fates_en(text) if f[0] == "execution"]
