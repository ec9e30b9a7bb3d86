"""The English given names come from a general dictionary, not from the texts at hand."""

from __future__ import annotations

from kartoteka.extract.en.lexicon import given_names


def test_lexicon_given_names_come_from_the_name_dictionary() -> None:
    names = given_names()
    assert len(names) > 5000  # a dictionary of many countries, not a hand list
    assert {"walter", "ignace", "berta", "janis", "wanda"} <= names
    assert not {"the", "history", "secret", "major", "king", "will"} & names
