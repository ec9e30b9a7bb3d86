"""Organisations in English text: the aliases of orgs.yaml, then spaCy's other ORG entities.

Aliases are matched on token norms (case-folded, one apostrophe), longest match first, so
"the Red Army’s reconnaissance bureau" is Razvedupr and not the Red Army, and "the Foreign
Service of the Ministry of Internal Affairs" yields the Foreign Department and the NKVD.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from kartoteka.extract.orgs import Organization, load_organizations
from kartoteka.names.script import is_cyrillic
from kartoteka.names.translit import latin_variants

# Russian nouns that head the titles of bodies (Ozhegov's dictionary: commissariat,
# directorate, committee, council, department, commission, ministry, board, tribunal,
# procuracy, section, administration, union, party); their romanisations in every scheme of
# names/translit.py mark a transliterated title ("Narodnyi Komissariat Vnutrennikh Del") as a
# body, never a person.
BODY_NOUNS_RU = ("комиссариат", "наркомат", "управление", "комитет", "совет", "отдел",
                 "комиссия", "министерство", "коллегия", "трибунал", "прокуратура", "отделение",
                 "дирекция", "партия", "совещание", "тройка")
BODY_NOUNS: frozenset[str] = frozenset(
    v.lower() for w in BODY_NOUNS_RU for v in latin_variants(w) | {w})
MAX_TITLE = 8  # tokens of a transliterated title


@dataclass(frozen=True)
class OrgMatch:
    first: int
    last: int
    org: Organization | None  # None: an ORG entity not in the table
    name: str


class OrgFinder:
    def __init__(self, nlp: Language) -> None:
        self.orgs = load_organizations()
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        for org in self.orgs.values():
            romanised = {v for a in org.aliases.get("ru", ())
                         if is_cyrillic(a) and " " in a for v in latin_variants(a)}
            patterns = [nlp.make_doc(a) for a in [*org.aliases.get("en", ()), *romanised]]
            # Acronyms match only in capitals: "CC" is not "cc", "Dynamo" is a club.
            self.matcher.add(org.id, [p for p in patterns if not _needs_case(p.text)])
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        for org in self.orgs.values():
            patterns = [nlp.make_doc(a) for a in org.aliases.get("en", ()) if _needs_case(a)]
            if patterns:
                self.cased.add(org.id, patterns)

    def find(self, doc: Doc) -> list[OrgMatch]:
        spans = []
        for matcher in (self.matcher, self.cased):
            for match_id, s, e in matcher(doc):
                span = doc[s:e]
                span.label_ = doc.vocab.strings[match_id]
                spans.append(span)
        out: list[OrgMatch] = []
        ends = {ent.end: ent for ent in doc.ents if ent.label_ in ("ORG", "NORP", "LOC")}
        for span in filter_spans(spans):
            org = self.orgs[span.label_]
            first = span.start
            before = ends.get(first)
            if before is not None and _adjectival(before[-1].text, before.label_):
                # "the Far Eastern border guard forces": the qualifier belongs to the body.
                first = next(t.i for t in before if t.lower_ != "the")
            out.append(OrgMatch(first, span.end, org, org.label))
        taken = {i for m in out for i in range(m.first, m.last)}
        out.extend(_romanised_titles(doc, taken))
        return sorted(out, key=lambda m: m.first)

    @staticmethod
    def other_entities(doc: Doc, taken: set[int], common_words: frozenset[str]) -> list[OrgMatch]:
        """spaCy ORG entities outside the table that look like real bodies."""
        out = []
        for ent in doc.ents:
            if ent.label_ != "ORG" or any(t.i in taken for t in ent):
                continue
            toks = [t for t in ent if t.lower_ not in ("the", "’s", "'s")]
            if not toks:
                continue
            if len(toks) == 1 and (toks[0].lower_ in common_words or not toks[0].is_upper):
                continue  # "Time", "Home", a lone surname: not an organisation
            first, last = toks[0].i, toks[-1].i + 1
            name = " ".join(t.text for t in doc[first:last])
            out.append(OrgMatch(first, last, None, name))
        return out


def _romanised_titles(doc: Doc, taken: set[int]) -> list[OrgMatch]:
    """Capitalised runs that hold a romanised Russian body noun and no English word of it:
    "Glavnoe Upravlenie Lagerei" is a body the table may not list."""
    out: list[OrgMatch] = []
    i = 0
    while i < len(doc):
        if doc[i].i in taken or not doc[i].text[:1].isupper() or not doc[i].is_alpha:
            i += 1
            continue
        j = i
        while j < len(doc) and j - i < MAX_TITLE and j not in taken and doc[j].is_alpha and (
                doc[j].text[:1].isupper() or doc[j].lower_ in ("i", "po", "pri")):
            j += 1
        if j - i >= 2 and any(t.lower_ in BODY_NOUNS for t in doc[i:j]):
            out.append(OrgMatch(i, j, None, doc[i:j].text))
        i = max(j, i + 1)
    return out


def _adjectival(word: str, label: str) -> bool:
    return label == "NORP" or word.lower().endswith(("ern", "ian", "ese", "ish", "ic", "an"))


def _needs_case(alias: str) -> bool:
    """Short all-capital aliases (CC, SPO, INO) match only as written."""
    letters = alias.replace(".", "").replace("(", "").replace(")", "")
    return letters.isupper() and len(letters) <= 4 or alias in ("Dynamo", "Pioneers")
