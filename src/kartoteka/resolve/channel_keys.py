"""Ingest's neighbourhood across the channel's confusions: stored surname keys a new profile's
keys share a machine-translation skeleton with (Yegev and the stored Yezhov), read off the keys
alone, as ``relink`` finds the stored profiles a new one is compared with by their surname keys.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from kartoteka.names.channel import CLASSES as CHANNEL_CLASSES

# The letters of a coarse surname key (``names.keys``: Cyrillic read into ASCII, ж/ш/щ "j",
# ч "c", х "h", з/с/ц "s") in the channel's consonant classes (``names.channel.CLASSES``).
_KEY_CLASSES = {**CHANNEL_CLASSES, "j": "J", "c": "J", "h": "K", "x": "J"}
_KEY_OPENING_VOWELS = frozenset("aoui")  # as ``names.channel`` marks an opening vowel
_FRONT_VOWELS = frozenset("ei")


@lru_cache(maxsize=1 << 18)
def key_channel_key(key: str) -> str:
    """A blocking key that surname keys the channel confused share, read off the stored
    surname key alone: its consonant skeleton in the channel's classes with ж, ш and a soft g
    read as r, as ``names.channel.channel_keys`` reads a written form ("ejev" Yezhov and
    "egev" Yegev both give "RF"). Ingest finds the stored profiles a new one is compared with
    by their surname keys (``relink``), and a key of the channel meets what transliteration
    keys cannot."""
    out = ["V"] if key[:1] in _KEY_OPENING_VOWELS else []
    for i, letter in enumerate(key):
        if letter == "g" and key[i + 1: i + 2] in _FRONT_VOWELS:
            out.append("R")
        elif letter in _KEY_CLASSES:
            out.append(_KEY_CLASSES[letter])
    shape = "".join(out).replace("J", "R")
    return re.sub(r"(.)\1+", r"\1", shape)


# Stored surname keys one channel key may bring into a neighbourhood: a short skeleton ("RF":
# Yezhov, Lvov, Rev…) is shared by more surnames the larger the collection, and the joining step
# ignores such crowds too (``BLOCK_CAP``); in a list of 8,000 surnames a tenth of the keys share
# their skeleton with more than 20 others.
CHANNEL_NEIGHBOURS = 16


def channel_neighbours(keys: Iterable[str], stored: Iterable[str]) -> set[str]:
    """The stored surname keys that share a channel key (``key_channel_key``) with one of
    ``keys``, the keys of a skeleton shared by more than ``CHANNEL_NEIGHBOURS`` left out."""
    wanted = {c for c in map(key_channel_key, keys) if len(c) > 1}  # "R" says nothing
    near: dict[str, list[str]] = defaultdict(list)
    for key in stored:
        if key_channel_key(key) in wanted:
            near[key_channel_key(key)].append(key)
    return {k for found in near.values() if len(found) <= CHANNEL_NEIGHBOURS for k in found}
