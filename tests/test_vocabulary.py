import json
from pathlib import Path

import pytest

from kartoteka.errors import InvalidVocabulary
from kartoteka.vocabulary import load_vocabulary, parse_vocabulary


def test_vocabulary_loads_events_and_relations() -> None:
    vocab = load_vocabulary()
    assert "execution" in vocab.events
    assert "position" in vocab.relations
    assert vocab["position"].role


def test_vocabulary_matches_export_schema_enum(shared_dir: Path) -> None:
    schema = json.loads((shared_dir / "export.schema.json").read_text(encoding="utf-8"))
    enum = schema["properties"]["claims"]["items"]["properties"]["type"]["enum"]
    assert set(enum) == set(load_vocabulary().claim_types)


@pytest.mark.parametrize(("wanted", "given", "ok"), [
    ("relative_of", "spouse_of", True), ("associate_of", "friend_of", True),
    ("member_of", "position", True), ("spouse_of", "relative_of", False),
    ("execution", "death", False),
])
def test_vocabulary_accepts_narrower_types(wanted: str, given: str, ok: bool) -> None:
    assert load_vocabulary().accepts(wanted, given) is ok


@pytest.mark.parametrize("broken", [
    {"entity_kinds": ["person"], "claim_types": [{"id": "x", "kind": "event", "en": "x",
                                                  "ru": "x"}] * 2},
    {"entity_kinds": ["person"], "claim_types": [{"id": "x", "kind": "neither", "en": "x",
                                                  "ru": "x"}]},
    {"entity_kinds": ["person"], "claim_types": [{"id": "x", "kind": "event", "en": "x",
                                                  "ru": "x", "subject": ["ghost"]}]},
    {"entity_kinds": ["person"], "claim_types": [{"id": "x", "kind": "event", "en": "x",
                                                  "ru": "x", "wider": "y"}]},
    {"claim_types": []},
    # "description: Tried by a court, troika …" unquoted in a {…} mapping: the tail became a key.
    {"entity_kinds": ["person"], "claim_types": [{"id": "x", "kind": "event", "en": "x",
                                                  "ru": "x", "description": "Tried by a court",
                                                  "troika or special board.": None}]},
    {"entity_kinds": ["person"], "claim_types": [], "claim_groups": {}},
    {"entity_kinds": ["person"], "claim_types": [{"id": "x", "kind": "event", "en": "x",
                                                  "ru": "x"}], "groups": {"death": ["x", "y"]}},
])
def test_vocabulary_rejects_malformed_files(broken: dict) -> None:
    with pytest.raises(InvalidVocabulary):
        parse_vocabulary(broken)


def test_vocabulary_descriptions_are_whole_sentences() -> None:
    for t in load_vocabulary().claim_types.values():
        assert t.description.endswith((".", ")")), t.id


def test_vocabulary_groups_name_defined_types() -> None:
    vocab = load_vocabulary()
    assert vocab.group("death") <= set(vocab.fates)
    assert vocab.group("kin") <= {t for t in vocab.relations if vocab.accepts("relative_of", t)}
    with pytest.raises(InvalidVocabulary):
        vocab.group("no such group")
