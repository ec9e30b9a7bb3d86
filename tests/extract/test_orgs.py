"""The table of Soviet bodies (orgs.yaml) and its loader."""

from __future__ import annotations

import pytest

from kartoteka.errors import ExtractionError
from kartoteka.extract.orgs import (
    alias_index,
    find_organization,
    load_organizations,
    normalize_alias,
    parse_organizations,
)


def test_orgs_every_entry_is_complete():
    orgs = load_organizations()
    assert len(orgs) >= 30
    for org in orgs.values():
        assert org.label and org.kind == "organization"
        assert org.names.get("en") and org.names.get("ru"), org.id
        assert org.aliases["en"] and org.aliases["ru"], org.id
        assert org.parent is None or org.parent in orgs


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_orgs_every_alias_finds_its_own_body(lang):
    for org in load_organizations().values():
        for alias in org.aliases[lang]:
            assert find_organization(alias, lang) is org, alias


@pytest.mark.parametrize(
    ("name", "lang", "org_id"),
    [
        ("Ministry of Internal Affairs", "en", "nkvd"),
        ("internal affairs agencies", "en", "nkvd"),
        ("the secret political bureau".removeprefix("the "), "en", "spo"),
        ("Foreign Service", "en", "ino"),
        ("Red Army’s reconnaissance bureau", "en", "razvedupr"),
        ("Far Eastern Internal Affairs Bureau", "en", "nkvd_far_east"),
        ("Military Collegium of the Supreme Court", "en", "military_collegium"),
        ("VChK", "en", "cheka"),
        ("НКВД", "ru", "nkvd"),
        ("Особое совещание", "ru", "oso"),
        ("Коминтерн", "ru", "comintern"),
    ],
)
def test_orgs_renderings_of_translations(name, lang, org_id):
    org = find_organization(name, lang)
    assert org is not None and org.id == org_id


def test_orgs_unknown_name_is_none():
    assert find_organization("Ministry of Silly Walks", "en") is None


def test_orgs_normalize_alias_folds_case_apostrophes_and_spaces():
    assert normalize_alias("People’s  Commissariat") == normalize_alias("people's commissariat")


@pytest.mark.parametrize(
    "data",
    [
        {"organizations": [{"id": "a", "label": "A"}, {"id": "a", "label": "A2"}]},
        {"organizations": [{"id": "a", "label": "A", "aliases_en": ["X"]},
                           {"id": "b", "label": "B", "aliases_en": ["x"]}]},
        {"organizations": [{"id": "a", "label": "A", "parent": "missing"}]},
        {"organizations": [{"id": "a"}]},
    ],
)
def test_orgs_bad_table_fails_loudly(data):
    with pytest.raises(ExtractionError):
        parse_organizations(data)


def test_orgs_alias_index_is_per_language():
    assert "нквд" in alias_index("ru") and "нквд" not in alias_index("en")
