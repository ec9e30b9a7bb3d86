"""A given name the translation channel mangled: Nadezhda coming back as "Nozheda".

The channel (``names.channel``) mangles given names as it mangles surnames, but a given name is
short and the list of them is closed, so the test is stricter. A form is taken as the channel's
rendering of a known given name when all of these hold:

- the form is no given name the curated list (``given_names``) or the Russian dictionary
  (pymorphy3's OpenCorpora lexicon, its "Name" tag) holds, and the other one is: two real names
  (Мария / Марина, Юрий / Юлий, Anna / Anfisa) are two names, however alike;
- the channel could have made one of the other: ``channel_similarity`` at least
  ``GIVEN_CHANNEL_THRESHOLD`` (a little looser than for surnames: the channel drops a whole
  syllable of a long name, Na-de-zhda as No-zhe-da, and the other conditions carry the weight);
- the known name has at least ``MIN_SKELETON`` consonant classes: a name of two (Hans, Ivan)
  leaves the channel too little to tell it from another (Heinz);
- the first letter, or the first consonant class, is kept, and the Latin lengths differ by at
  most ``LENGTH_GAP`` letters: the channel respells a name, it does not replace it.

This says only that the channel *could* have made the form; ``resolve.channel_given`` joins
such a name within one document only when the context agrees, and across documents such a pair
is weighed by the model instead of refused (``resolve.constraints``).
"""

from __future__ import annotations

from functools import lru_cache

from kartoteka.names.attested import attested_given_name
from kartoteka.names.channel import channel_similarity, latin_letters, skeleton
from kartoteka.names.given_names import given_name_groups

GIVEN_CHANNEL_THRESHOLD = 0.75
MIN_SKELETON = 3  # consonant classes of the known name
LENGTH_GAP = 2  # letters


@lru_cache(maxsize=16384)
def known_given_name(form: str) -> bool:
    """Whether the curated list or the Russian dictionary (``attested.attested_given_name``,
    the likeliest three Cyrillic readings of a Latin form) holds this given name."""
    return bool(given_name_groups(form)) or attested_given_name(form) is not None


def _initial(form: str) -> bool:
    letters = form.strip().rstrip(".")
    return len(letters) <= 1 or form.strip().endswith(".")


@lru_cache(maxsize=65536)
def channel_given_variant(form: str, known: str) -> bool:
    """Whether ``form``, a given name no list holds, may be the channel's rendering of
    ``known``, a given name the list or dictionary holds (the module docstring's rules)."""
    if _initial(form) or _initial(known):
        return False
    latin_form, latin_known = latin_letters(form), latin_letters(known)
    if not latin_form or abs(len(latin_form) - len(latin_known)) > LENGTH_GAP:
        return False
    shape_form, shape_known = skeleton(form).replace("V", ""), skeleton(known).replace("V", "")
    if len(shape_known) < MIN_SKELETON:
        return False
    if latin_form[0] != latin_known[0] and shape_form[:1] != shape_known[:1]:
        return False
    if channel_similarity(form, known) < GIVEN_CHANNEL_THRESHOLD:
        return False
    # The dictionary last: it is the slowest question.
    return not known_given_name(form) and known_given_name(known)


def channel_given_pair(a: str, b: str) -> bool:
    """Either of two given names may be the channel's rendering of the other."""
    return channel_given_variant(a, b) or channel_given_variant(b, a)
