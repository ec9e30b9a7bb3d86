"""The translation channel's confusions as a surname similarity (made-up and textbook pairs)."""

from __future__ import annotations

import pytest

from kartoteka.names.channel import (
    CHANNEL_THRESHOLD,
    channel_close,
    channel_keys,
    channel_similarity,
    skeleton,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Pauker", "Bokor"),  # b/p, vowel reduction au -> o, e -> o
        ("Pauker", "Bokel"),  # and l/r
        ("Pauker", "Paulkor"),  # a liquid added
        ("Pauker", "Paul Kerr"),  # one surname split into two English-looking words
        ("Yezhov", "Yerov"),  # ж as r
        ("Yezhov", "Yegev"),  # ж as a soft g
        ("Ежов", "Yerev"),  # either script
        ("Molchanov", "Morchanov"),
        ("Dubrov", "Tuplov"),  # made up: d/t, b/p, r/l at once
        ("Zinoviev", "Genoviev"),  # the pinyin affricate read as g
        ("Pletnev", "Pletnikov"),  # a syllable gained
        ("Shpigelglas", "Spigelglias"),
        ("Grushin", "Krusin"),  # made up: g/k, ш/s
    ],
)
def test_channel_joins_forms_the_channel_makes(a: str, b: str) -> None:
    assert channel_close(a, b)
    assert channel_similarity(a, b) == channel_similarity(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Petrov", "Popov"),
        ("Orlov", "Popov"),
        ("Belov", "Petrov"),  # a consonant more is a different name
        ("Yagoda", "Yakir"),
        ("Berman", "Berg"),
        ("Radek", "Rykov"),
        ("Bukharin", "Kuibyshev"),
        ("Ivanov", "Ivanovsky"),
        ("Sokolov", "Sokolnikov"),
        ("Yezhov", "Yevdokimov"),
        ("Levin", "Lenin"),
    ],
)
def test_channel_keeps_different_surnames_apart(a: str, b: str) -> None:
    assert channel_similarity(a, b) < CHANNEL_THRESHOLD


def test_channel_skeleton_merges_what_the_channel_merges() -> None:
    assert skeleton("Pauker") == skeleton("Bokel") == "PKR"
    assert skeleton("Shch") == "J"
    assert skeleton("Рыков") == skeleton("Ryków") == "RKF"


def test_channel_prefers_the_nearer_vowels() -> None:
    # Pikor is as near Pauker as Pikel by consonants; its first vowel says Pikel.
    assert channel_similarity("Pikor", "Pikel") > channel_similarity("Pikor", "Pauker")


@pytest.mark.parametrize(
    ("a", "b"),
    [("Yezhov", "Yerev"), ("Pauker", "Paul Kerr"), ("Zinoviev", "Denoviev"), ("Maly", "Mari"),
     ("Molchanov", "Morchanov")],
)
def test_channel_keys_put_variants_in_one_block(a: str, b: str) -> None:
    assert channel_keys(a) & channel_keys(b)


def test_channel_similarity_of_empty_or_vowel_names_is_zero() -> None:
    assert channel_similarity("", "Pauker") == 0.0
    assert channel_similarity("Aue", "Pauker") == 0.0
