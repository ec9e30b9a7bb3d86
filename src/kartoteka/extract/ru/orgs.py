"""Soviet bodies in Russian text: the Russian aliases of ``extract/orgs.yaml``, matched by lemma.

Russian inflects the bodies' names ("тройкой при УНКВД", "Особым совещанием", "Военной коллегией
Верховного суда СССР"), so an alias matches when its words' lemmas do; abbreviations ("НКВД",
"ВКП(б)") match as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kartoteka.extract.orgs import Organization, load_organizations
from kartoteka.extract.ru import morph

ACRONYM_CASE = re.compile(r"([А-ЯЁ]{3,})(?:а|у|ом|е|ов|ам|ами|ах)")
TOKEN = re.compile(r"[А-ЯЁA-Zа-яёa-z]+(?:-[А-ЯЁA-Zа-яёa-z]+)*(?:\s?\([а-яё]\))?|\d+")


@dataclass(frozen=True)
class OrgMatch:
    start: int
    end: int
    org: Organization

    @property
    def org_id(self) -> str:
        return self.org.id


@lru_cache(maxsize=100_000)
def _key(word: str) -> str:
    """How a word is compared: abbreviations as written, other words by lemma."""
    plain = word.replace(" ", "")
    declined = ACRONYM_CASE.fullmatch(plain)  # "ГУЛАГа", "ГУЛАГом": an acronym with an ending
    if declined:
        plain = declined.group(1)
    if "(" in plain or sum(ch.isupper() for ch in plain) > 1:
        return plain.upper().replace("Ё", "Е")
    return morph.lemma(plain).replace("ё", "е")


@cache
def _aliases() -> tuple[dict[tuple[str, ...], str], int]:
    index: dict[tuple[str, ...], str] = {}
    longest = 1
    for org in load_organizations().values():
        for alias in org.aliases.get("ru", ()):
            key = tuple(_key(m.group()) for m in TOKEN.finditer(alias))
            if key and key not in index:
                index[key] = org.id
                longest = max(longest, len(key))
    return index, longest


def find_organizations(text: str) -> list[OrgMatch]:
    """Every alias occurrence, longest first at each position, none overlapping."""
    tokens = list(TOKEN.finditer(text))
    keys = [_key(t.group()) for t in tokens]
    index, longest = _aliases()
    orgs = load_organizations()
    out: list[OrgMatch] = []
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            oid = index.get(tuple(keys[i:i + n]))
            if oid and _contiguous(text, tokens[i:i + n]):
                out.append(OrgMatch(tokens[i].start(), tokens[i + n - 1].end(), orgs[oid]))
                i += n
                break
        else:
            i += 1
    return out


def _contiguous(text: str, tokens: list[re.Match[str]]) -> bool:
    """Words of one name: only spaces (or a hyphen) between them, no punctuation."""
    return all(re.fullmatch(r"[\s\u00a0-]*", text[a.end():b.start()])
               for a, b in zip(tokens, tokens[1:], strict=False))


@lru_cache(maxsize=50_000)
def organization_at_start(text: str) -> OrgMatch | None:
    """The body a phrase begins with ("тройкой при УНКВД …" -> troika), if any."""
    found = find_organizations(text)
    if found and not text[:found[0].start].strip(" \"«"):
        return found[0]
    return None
