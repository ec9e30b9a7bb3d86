"""natasha's models, loaded once and only when a Russian text is first read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class NatashaModels:
    segmenter: Any
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any
    morph_vocab: Any

    def parse_lines(self, text: str, *, syntax: bool = True) -> list[tuple[int, Any]]:
        """The text parsed in one pass, but with no sentence across a line break: headings,
        infobox lines and paragraphs stay separate units, so a title never runs into the next
        sentence (razdel would join "Биография" and "Родился в …"). Returns [(0, Doc)]."""
        from natasha import Doc
        from natasha.doc import DocSent, DocToken

        doc = Doc(text)
        doc.tokens = [DocToken(t.start, t.stop, t.text) for t in self.segmenter.tokenize(text)]
        doc.sents = [DocSent(line.start() + a, line.start() + b, line.group()[a:b])
                     for line in re.finditer(r"[^\n]*\S[^\n]*", text)
                     for s in self.segmenter.sentenize(line.group())
                     for a, b in split_after_years(line.group(), s.start, s.stop)]
        doc.envelop_sent_tokens()
        doc.tag_morph(self.morph_tagger)
        if syntax:
            doc.parse_syntax(self.syntax_parser)
        doc.tag_ner(self.ner_tagger)
        return [(0, doc)]

    def parse(self, text: str, *, syntax: bool = True) -> Any:
        """A natasha ``Doc`` segmented, morph-tagged, parsed and NER-tagged."""
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph_tagger)
        if syntax:
            doc.parse_syntax(self.syntax_parser)
        doc.tag_ner(self.ner_tagger)
        return doc


# "Арестован в 1937 г. Реабилитирован в 1956 г.": razdel reads "г." as an abbreviation that
# never ends a sentence; after a year and before a capitalised verb or participle it does.
YEAR_END = re.compile(r"\d\s*(?:г\.\s?р|гг?)\.(?=\s+[А-ЯЁ][а-яё]+)")
VERB_TAGS = {"VERB", "PRTS", "INFN"}


def split_after_years(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The sentence ``text[start:stop]`` cut after each year abbreviation that ends one."""
    from kartoteka.extract.ru import morph

    out, at = [], start
    for m in YEAR_END.finditer(text, start, stop):
        word = re.match(r"\s+(\w+)", text[m.end():stop])
        found = morph.parses(word.group(1)) if word else ()
        if found and found[0].tag.POS in VERB_TAGS:
            out.append((at, m.end()))
            at = m.end() + len(word.group(0)) - len(word.group(1))
    out.append((at, stop))
    return out


@cache
def natasha_models() -> NatashaModels:
    try:
        from natasha import (
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ImportError("the Russian pipeline needs natasha: pip install natasha") from exc
    embedding = NewsEmbedding()
    return NatashaModels(Segmenter(), NewsMorphTagger(embedding), NewsSyntaxParser(embedding),
                         NewsNERTagger(embedding), MorphVocab())
