"""The confusions of a machine-translation channel, as a similarity of surnames.

A Russian memoir translated by machine through a non-Latin intermediary (Chinese, Japanese)
writes one man's name a different way in each chapter: Pauker comes back as Bokor, Bokel,
Paukor, Paulkor or "Paul Kerr"; Yezhov as Yerov, Yerev or Yegev. The intermediary has no l/r
contrast and no voicing contrast in the sense Russian has (pinyin b/p, d/t, g/k are one
unaspirated/aspirated pair, so either Latin letter comes back), it spells ж with r (Yerov), it
reduces and respells vowels, and it adds or drops a syllable's consonant ("Pletnikov").
The English side then reads the syllables as English words, so a name can come back split in
two ("Paul Kerr").

The model (a phonology of the channel, not a list of its outputs):

- a name is reduced to its consonant skeleton in classes the channel does not keep apart
  (``CLASSES``): b/p, d/t, g/k/c/q, v/f/w, s/z, the hushing ж/ш/ч/щ sounds, l/r; vowels and
  glides (y, j before a vowel, h) carry no weight; a doubled class counts once;
- two skeletons are compared by an edit distance whose costs (``CROSS_COSTS``,
  ``DROP_COSTS``) make the channel's own confusions cheap: ж read as r (Yerov), as g
  (Yegev: g before e/i is /ʒ/ in the Romance readings), as s/z; a liquid or a nasal added or
  dropped; anything else costs a whole letter;
- ``channel_similarity`` is 1 - distance / length of the longer skeleton, with a small
  penalty when the vowels that follow the first consonant differ (so Pikor stays nearer
  Pikel than Pauker); a name of two words that reads as English words is also compared
  joined ("Paul Kerr" as "Paulkerr").

The similarity is deliberately loose: Pauker and Baker have one skeleton. It says only that
the channel *could* have turned one into the other; resolution joins such forms only when the
context agrees (``kartoteka.resolve.channel_links``) and one of them is a form no Russian
family bears (``attested.attested_surname``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kartoteka.names.script import is_cyrillic
from kartoteka.names.translit import to_latin

CHANNEL_THRESHOLD = 0.8
"""channel_similarity at or above this: the channel could have made one form of the other."""

# Letter groups read first, longest first (English, German and Polish spellings of Russian
# sounds: ISO 9 / BGN / German transcription tables, as in ``translit_tables``).
_GROUPS = (
    ("shch", "J"), ("sch", "J"), ("tsch", "J"), ("szcz", "J"), ("tch", "J"),
    ("zh", "J"), ("sh", "J"), ("ch", "J"), ("cz", "J"), ("sz", "J"), ("rz", "J"),
    ("kh", "K"), ("ck", "K"), ("gh", "K"), ("ph", "F"), ("th", "T"),
    ("ts", "S"), ("tz", "S"), ("dz", "S"), ("x", "KS"), ("qu", "KF"),
)
CLASSES = {
    "b": "P", "p": "P", "d": "T", "t": "T", "g": "K", "k": "K", "q": "K", "c": "K",
    "v": "F", "f": "F", "w": "F", "s": "S", "z": "S", "l": "R", "r": "R",
    "m": "M", "n": "N", "j": "J",
}
"""Consonant classes the channel merges: voiced and voiceless pairs (pinyin writes one
aspiration contrast, not voicing), l and r (no contrast in the intermediary)."""
_FRONT = frozenset("eiy")
_VOWELS = frozenset("aeiouy")
_OPENING_VOWELS = frozenset("aoui")  # e- and y- are one Cyrillic е (Ezhov, Yezhov)

CROSS_COSTS = {
    frozenset("JR"): 0.3,  # ж heard as r: Yezhov -> Yerov (the pinyin "r" of 日)
    frozenset("JS"): 0.3,  # hushing and hissing: Shpigelglas / Spigelglas, ш / s
    frozenset("GJ"): 0.2,  # g before e/i read as ж (Romance readings): Yegev
    frozenset("GK"): 0.0,  # the same g read hard
    frozenset("GS"): 0.5,  # Genoviev for Zinoviev: the pinyin affricate j read as g or z
    frozenset("ST"): 0.6,  # Denoviev for Zinoviev: the same affricate read as d
    frozenset("PF"): 0.6,  # b and v (Greek-style readings of β)
    frozenset("MN"): 0.7,
}
DROP_COSTS = {"R": 0.6, "N": 0.7, "J": 0.8, "G": 0.8}
"""Adding or dropping one consonant: a liquid or nasal a syllable gained or lost is cheap
(Paulkor, Pletnikov), other letters cost most of a whole letter."""
DEFAULT_COST = 1.0
VOWEL_PENALTY = 0.05  # the first vowel differs (a/o and e/i count as one: vowel reduction)
_VOWEL_CLASS = str.maketrans({"o": "a", "i": "e", "y": "e", "u": "u"})


def latin_letters(form: str) -> str:
    """The name's Latin letters, lower case, without marks (a Cyrillic form transliterated)."""
    text = to_latin(form, "bgn") if is_cyrillic(form) else form
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z]", "", text.lower())


@lru_cache(maxsize=65536)
def skeleton(form: str) -> str:
    """The consonant skeleton of a name in channel classes: "Pauker" -> "PKR", "Yezhov" ->
    "JF", "Zinoviev" -> "SNF"; "G" marks a g before e/i (hard or soft)."""
    word = latin_letters(form)
    # A name that opens on a vowel keeps a mark of it: the channel respells vowels but does
    # not invent or drop a whole opening syllable (Aliluyev is not Yerov).
    out: list[str] = ["V"] if word[:1] in _OPENING_VOWELS else []
    i = 0
    while i < len(word):
        for group, cls in _GROUPS:
            if word.startswith(group, i):
                out.append(cls)
                i += len(group)
                break
        else:
            letter = word[i]
            following = word[i + 1: i + 2]
            if letter in _VOWELS or letter == "h":
                pass  # vowels, glides and h carry no weight in the channel
            elif letter == "j" and (i == 0 or word[i - 1] in _VOWELS) and following in _VOWELS:
                pass  # a glide: Jagoda, Zinovjev
            elif letter == "g" and following in _FRONT:
                out.append("G")
            elif letter == "c" and following in _FRONT:
                out.append("S")  # Rice, Menschinsky's c
            elif letter in CLASSES:
                out.append(CLASSES[letter])
            i += 1
    return re.sub(r"(.)\1+", r"\1", "".join(out))


def _first_vowel(form: str) -> str:
    match = re.search(r"[aeiouy]+", latin_letters(form)[1:])
    return match.group(0)[:1].translate(_VOWEL_CLASS) if match else ""


def _cross(a: str, b: str) -> float:
    if a == b:
        return 0.0
    return CROSS_COSTS.get(frozenset((a, b)), DEFAULT_COST)


@lru_cache(maxsize=131072)
def skeleton_distance(a: str, b: str) -> float:
    """Weighted edit distance between two skeletons under the channel's costs."""
    previous = [0.0]
    for letter in b:
        previous.append(previous[-1] + DROP_COSTS.get(letter, DEFAULT_COST))
    for letter_a in a:
        drop_a = DROP_COSTS.get(letter_a, DEFAULT_COST)
        current = [previous[0] + drop_a]
        for column, letter_b in enumerate(b, start=1):
            current.append(min(previous[column - 1] + _cross(letter_a, letter_b),
                               previous[column] + drop_a,
                               current[column - 1] + DROP_COSTS.get(letter_b, DEFAULT_COST)))
        previous = current
    return previous[-1]


def _forms(name: str) -> list[str]:
    """The name as written, and two words joined when the channel may have split one surname
    into English-looking words ("Paul Kerr")."""
    words = [re.sub(r"[^\w-]|[\d_]", "", w) for w in name.split()]
    words = [w for w in words if w.strip("-")]
    if len(words) == 2 and not is_cyrillic(name):
        return [words[-1], "".join(words)]
    return [words[-1]] if words else []


# Asked again for the same two surnames every time a linking step meets their clusters.
@lru_cache(maxsize=1 << 18)
def channel_similarity(a: str, b: str) -> float:
    """0..1: how cheaply the channel turns one surname into the other (see module docstring)."""
    best = 0.0
    for x in _forms(a):
        for y in _forms(b):
            sx, sy = skeleton(x), skeleton(y)
            if not sx.strip("V") or not sy.strip("V"):
                continue  # no consonant: nothing the channel keeps to compare
            score = 1.0 - skeleton_distance(sx, sy) / max(len(sx), len(sy), 2)
            if _first_vowel(x) != _first_vowel(y):
                score -= VOWEL_PENALTY
            best = max(best, score)
    return max(best, 0.0)


def channel_close(a: str, b: str) -> bool:
    """Whether the channel could have made one of these surnames of the other."""
    return channel_similarity(a, b) >= CHANNEL_THRESHOLD


def channel_keys(surname: str) -> frozenset[str]:
    """Blocking keys that channel variants share: the skeleton with hushing and soft-g read
    as r (Yezhov, Yerev, Yegev); the skeleton with every hushing, hissing, soft-g and t class
    as one and liquids dropped (a liquid is what the channel adds or drops most: Pauker,
    Paulkor); and that without its first consonant (Zinoviev, Genoviev, Denoviev)."""
    keys: set[str] = set()
    for form in _forms(surname):
        shape = skeleton(form)
        keys.add("r:" + re.sub(r"(.)\1+", r"\1", shape.translate(str.maketrans("JG", "RR"))))
        coarse = shape.translate(str.maketrans("JGT", "SSS")).replace("R", "")
        bare = re.sub(r"(.)\1+", r"\1", coarse)
        if bare:
            keys.add("s:" + bare)
            if len(bare) > 1:
                keys.add("~" + bare[1:])
    return frozenset(keys)
