"""Ingest's neighbourhood across the channel (kartoteka.resolve.channel_keys); made-up keys."""

from __future__ import annotations

import pytest

from kartoteka.names.keys import surname_key
from kartoteka.resolve.channel_keys import CHANNEL_NEIGHBOURS, channel_neighbours, key_channel_key


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Yezhov", "Yegev", True), ("Ежов", "Yerov", True), ("Pauker", "Bokel", True),
    ("Mezhenov", "Megenov", True), ("Yezhov", "Yagoda", False), ("Pauker", "Pakhomov", False),
])
def test_channel_keys_key_channel_key_reads_the_stored_surname_key(a: str, b: str,
                                                                      same: bool) -> None:
    assert (key_channel_key(surname_key(a)) == key_channel_key(surname_key(b))) is same


def test_channel_keys_neighbours_leave_out_a_crowded_skeleton() -> None:
    yezhov, yegev = surname_key("Yezhov"), surname_key("Yegev")
    assert channel_neighbours([yezhov], [yegev, surname_key("Pauker")]) == {yegev}
    # made-up keys of one skeleton, more than a neighbourhood takes: none is brought in
    crowd = [f"e{c}{v}{w}" for c in "rjl" for v in "eaoiu" for w in "vf"]
    assert {key_channel_key(k) for k in crowd} == {key_channel_key(yezhov)}
    assert channel_neighbours([yezhov], crowd[:CHANNEL_NEIGHBOURS - 1] + [yegev]) == {
        *crowd[:CHANNEL_NEIGHBOURS - 1], yegev}
    assert channel_neighbours([yezhov], crowd[:CHANNEL_NEIGHBOURS] + [yegev]) == set()
