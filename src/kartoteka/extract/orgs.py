"""The table of Soviet state and party bodies (``orgs.yaml``), loaded once and checked loudly.

Language-neutral: each pipeline asks for the aliases of its language and matches them its own
way. Ids are stable; an organisation mention's ``name`` is the body's ``label`` and its
``attrs["org_id"]`` the id, so every alias of one body lands on one entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from kartoteka.errors import ExtractionError

LANGUAGES = ("en", "ru")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "«": '"', "»": '"',
                              "“": '"', "”": '"', "ё": "е", "Ё": "Е"})


@dataclass(frozen=True)
class Organization:
    id: str
    label: str
    names: dict[str, str]  # language -> full official name
    aliases: dict[str, tuple[str, ...]]  # language -> aliases (the full name included)
    parent: str | None = None
    kind: str = "organization"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "names": dict(self.names),
                "aliases": {k: list(v) for k, v in self.aliases.items()},
                "parent": self.parent, "kind": self.kind}


def normalize_alias(text: str) -> str:
    """The form aliases are compared in: case-folded, one kind of apostrophe, single spaces."""
    return re.sub(r"\s+", " ", text.translate(_APOSTROPHES)).strip().casefold()


def parse_organizations(data: dict[str, Any]) -> dict[str, Organization]:
    """Build and check the table; raises ExtractionError on duplicate ids or aliases."""
    out: dict[str, Organization] = {}
    for raw in data.get("organizations") or ():
        oid = raw.get("id")
        if not oid or oid in out:
            raise ExtractionError(f"orgs.yaml: missing or duplicate id {oid!r}")
        if not raw.get("label"):
            raise ExtractionError(f"orgs.yaml: {oid} has no label")
        names = {lang: raw[lang] for lang in LANGUAGES if raw.get(lang)}
        aliases: dict[str, tuple[str, ...]] = {}
        for lang in LANGUAGES:
            forms = [str(a) for a in raw.get(f"aliases_{lang}") or ()]
            if lang in names:
                forms.append(names[lang])
            seen: dict[str, str] = {}
            for form in forms:
                seen.setdefault(normalize_alias(form), form)
            aliases[lang] = tuple(seen.values())
        out[oid] = Organization(id=oid, label=raw["label"], names=names, aliases=aliases,
                                parent=raw.get("parent"), kind=raw.get("kind", "organization"))
    for org in out.values():
        if org.parent and org.parent not in out:
            raise ExtractionError(f"orgs.yaml: {org.id} has unknown parent {org.parent!r}")
    for lang in LANGUAGES:
        owner: dict[str, str] = {}
        for org in out.values():
            for alias in org.aliases.get(lang, ()):
                key = normalize_alias(alias)
                if key in owner and owner[key] != org.id:
                    raise ExtractionError(
                        f"orgs.yaml: alias {alias!r} ({lang}) given to {owner[key]} and {org.id}")
                owner[key] = org.id
    return out


@cache
def load_organizations() -> dict[str, Organization]:
    """All bodies by id, from the packaged ``orgs.yaml``."""
    text = resources.files("kartoteka.extract").joinpath("orgs.yaml").read_text(encoding="utf-8")
    return parse_organizations(yaml.safe_load(text))


@cache
def alias_index(lang: str) -> dict[str, str]:
    """Normalised alias -> organisation id, for one language."""
    return {normalize_alias(alias): org.id
            for org in load_organizations().values() for alias in org.aliases.get(lang, ())}


def find_organization(name: str, lang: str) -> Organization | None:
    """The body a name refers to, when the name is one of its aliases."""
    oid = alias_index(lang).get(normalize_alias(name))
    return load_organizations()[oid] if oid else None


__all__ = ["Organization", "alias_index", "find_organization", "load_organizations",
           "normalize_alias", "parse_organizations"]
