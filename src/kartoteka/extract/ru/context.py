"""One Russian document while it is being read: tokens, sentences, mentions and claims."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from kartoteka.extract.ru.dates import RuDate
from kartoteka.extract.ru.persons import Tok
from kartoteka.model import Claim, Document, Mention, Span


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    first: int  # global index of its first token
    last: int  # global index of its last token (inclusive)


@dataclass(frozen=True)
class Entry:
    """One entry of a list of people: ``start``..``end`` of the text, about the person of
    mention ``head`` (see kartoteka.extract.ru.entries)."""

    start: int
    end: int
    head: str


class RuContext:
    """The parsed text with the indexes the claim rules need."""

    def __init__(self, document: Document, chunks: list[tuple[int, Any]]) -> None:
        """``chunks``: (offset, natasha Doc) of the text's lines."""
        self.document = document
        self.text = document.text
        self.tokens: list[Tok] = []
        self.sentences: list[Sentence] = []
        self.spans: list[tuple[str, int, int, Any]] = []  # natasha's NER spans, offsets fixed
        for offset, parsed in chunks:
            for sent in parsed.sents:
                s_index = len(self.sentences)
                first = len(self.tokens)
                ids: dict[str, int] = {}
                for t in sent.tokens:
                    ids[t.id] = len(self.tokens)
                    self.tokens.append(Tok(len(self.tokens), offset + t.start, offset + t.stop,
                                           t.text, t.pos or "", dict(t.feats or {}), t.rel or "",
                                           None, s_index))
                for t in sent.tokens:
                    head = ids.get(t.head_id) if t.head_id else None
                    # a token its own head (the parser does this to a sentence's lone word)
                    self.tokens[ids[t.id]].head = None if head == ids[t.id] else head
                if len(self.tokens) > first:
                    self.sentences.append(Sentence(s_index, offset + sent.start,
                                                   offset + sent.stop, first,
                                                   len(self.tokens) - 1))
            for span in parsed.spans:
                self.spans.append((span.type, offset + span.start, offset + span.stop, span))
        self.by_start = {t.start: t.index for t in self.tokens}
        self._token_starts = [t.start for t in self.tokens]  # in text order
        self._children: dict[int, list[int]] = {}
        for t in self.tokens:
            if t.head is not None:
                self._children.setdefault(t.head, []).append(t.index)
        self.mentions: list[Mention] = []
        self.claims: list[Claim] = []
        self.person_at: dict[int, Mention] = {}  # token index -> person mention
        self.org_at: dict[int, Mention] = {}
        self.place_at: dict[int, Mention] = {}
        self.dates: list[RuDate] = []
        self.topic: Mention | None = None
        self.article = False  # an encyclopedia article: its pronouns are its person's
        self.speaker_of: list[tuple[int, int, Mention]] = []  # answer spans of an interrogation
        self.entries: list[Entry] = []  # a list's entries, one person each, in text order
        self._entry_starts: list[int] = []
        self._entry_people: dict[str, Mention] = {}

    # -- lookups ------------------------------------------------------------------------------

    def children(self, i: int) -> list[int]:
        return self._children.get(i, [])

    def token_index(self, offset: int) -> int | None:
        """The token that starts at or contains ``offset``."""
        if offset in self.by_start:
            return self.by_start[offset]
        for t in self.tokens:
            if t.start <= offset < t.end:
                return t.index
        return None

    def tokens_in(self, start: int, end: int) -> list[int]:
        first = bisect.bisect_left(self._token_starts, start)
        last = bisect.bisect_left(self._token_starts, end, lo=first)
        return [i for i in range(first, last) if self.tokens[i].end <= end]

    def sentence_of(self, token: int) -> Sentence:
        return self.sentences[self.tokens[token].sentence]

    def subtree(self, i: int) -> tuple[int, int]:
        """Character span of a token and everything that depends on it."""
        lo, hi = self.tokens[i].start, self.tokens[i].end
        seen, j = {i}, self.tokens[i].head
        while j is not None and j not in seen:  # its ancestors: a parser's cycle returns to them
            seen.add(j)
            j = self.tokens[j].head
        todo = list(self.children(i))
        while todo:
            c = todo.pop()
            if c in seen:
                continue
            seen.add(c)
            lo, hi = min(lo, self.tokens[c].start), max(hi, self.tokens[c].end)
            todo += self.children(c)
        return lo, hi

    def add_entry(self, start: int, end: int, head: Mention) -> None:
        """A list entry ``start``..``end`` about ``head`` (entries come in text order)."""
        self.entries.append(Entry(start, end, head.id))
        self._entry_starts.append(start)
        self._entry_people[head.id] = head

    def entry_at(self, offset: int) -> tuple[Entry, Mention] | None:
        """The list entry that holds ``offset``, with its person."""
        n = bisect.bisect_right(self._entry_starts, offset) - 1
        if n < 0 or offset >= self.entries[n].end:
            return None
        entry = self.entries[n]
        return entry, self._entry_people[entry.head]

    def speaker_at(self, offset: int) -> Mention | None:
        for a, b, who in self.speaker_of:
            if a <= offset < b:
                return who
        return None

    # -- building -----------------------------------------------------------------------------

    def add_mention(self, start: int, end: int, kind: str, **fields: Any) -> Mention:
        for m in self.mentions:
            if m.start == start and m.end == end and m.kind == kind:
                return m
        mention = Mention(start, end, self.text[start:end], kind,  # type: ignore[arg-type]
                          document_id=self.document.id, **fields)
        self.mentions.append(mention)
        index = {"person": self.person_at, "organization": self.org_at,
                 "place": self.place_at}.get(kind)
        if index is not None:
            for i in self.tokens_in(start, end):
                index.setdefault(i, mention)
        return mention

    def add_claim(self, type_: str, subject: Mention, evidence: tuple[int, int],
                  **fields: Any) -> Claim | None:
        if fields.get("date") is None:
            fields.pop("date", None)
        claim = Claim(type_, subject.id, [Span(*evidence)], document_id=self.document.id,
                      **fields)
        speaker = self.speaker_at(evidence[0])
        if speaker is not None and claim.attributed_to is None:
            claim.attributed_to = speaker.id
        for old in self.claims:
            if (old.type, old.subject, old.evidence, old.date, old.polarity) == (
                    claim.type, claim.subject, claim.evidence, claim.date, claim.polarity):
                return None
        self.claims.append(claim)
        return claim


def clean_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
