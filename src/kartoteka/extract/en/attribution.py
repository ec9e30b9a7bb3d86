"""Who tells what: quoted speech and its speaker, accounts ("X told me about …"), hearsay.

- A quote is speech when a verb of saying outside it has it as its complement or stands next
  to it ("“…,” X explained to me, “…”"; "He said: ‘…’"); its claims are attributed to the
  speaker, and inside it "I"/"my" are the speaker.
- "X told me about …" opens an account: the claims of that sentence and of the following ones
  up to the end of the paragraph are X's, unless a quote inside names another speaker.
- "I have heard …" marks hearsay from an unnamed source up to the end of the paragraph.
- "According to X, …" attributes one sentence to X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from kartoteka.extract.en import lexicon as lx
from kartoteka.extract.en import triggers as tr
from kartoteka.extract.en.context import PERSONLIKE, DocContext, Quote
from kartoteka.model import Claim, Mention

OPENERS = {"“": "”", "‘": "’", "«": "»", "„": "“"}


@dataclass
class Scope:
    start: int
    end: int
    informant: Mention | None  # None: hearsay from an unnamed source
    hearsay: bool = False


def paragraph_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def find_quotes(text: str) -> list[Quote]:
    """Quoted passages, by their marks. A second “ while one is open closes it (translations
    often use it so); a ’ closes a ‘ only after punctuation, so apostrophes stay apostrophes."""
    quotes: list[Quote] = []
    open_double: int | None = None
    open_single: int | None = None
    straight: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n":
            # A paragraph break closes nothing in memoirs (quotes run on), but a stray
            # unbalanced mark must not swallow the rest of the text.
            continue
        if ch in "“«„":
            if open_double is None:
                open_double = i
            else:
                quotes.append(Quote(open_double, i + 1))
                open_double = None
        elif ch in "”»" and open_double is not None:
            quotes.append(Quote(open_double, i + 1))
            open_double = None
        elif ch == "‘" and open_single is None:
            open_single = i
        elif ch == "’" and open_single is not None and i > 0 and text[i - 1] in ".,!?…—-":
            quotes.append(Quote(open_single, i + 1))
            open_single = None
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                quotes.append(Quote(straight, i + 1))
                straight = None
    for start in (open_double, open_single, straight):
        if start is not None:
            quotes.append(Quote(start, paragraph_end(text, start)))
    return sorted(quotes, key=lambda q: (q.start, -q.end))


def _speech_verb_for(ctx: DocContext, quote: Quote) -> Token | None:
    """The verb of saying that introduces ``quote``: in the sentences it touches, outside any
    quote, the nearest one to the quote."""
    doc = ctx.doc
    sents: list[SpacySpan] = []
    for s in doc.sents:
        if s.end_char > quote.start - 2 and s.start_char < quote.end + 2:
            sents.append(s)
    best: tuple[int, Token] | None = None
    for s in sents:
        for tok in s:
            if tok.lemma_.lower() not in tr.SPEECH_VERBS or tok.pos_ not in ("VERB", "AUX"):
                continue
            if quote.start <= tok.idx < quote.end:
                continue  # a verb inside the quote is what is said, not who says it
            distance = min(abs(tok.idx - quote.start), abs(tok.idx - quote.end))
            if best is None or distance < best[0]:
                best = (distance, tok)
    if best is None or best[0] > 80:
        return None
    return best[1]


def _subject_of(ctx: DocContext, verb: Token) -> list[Mention]:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.lower_ in lx.FIRST_PERSON | lx.FIRST_PERSON_PLURAL:
                return []  # the narrator, or the speaker of an enclosing quote
            return ctx.referents(c)
    if verb.dep_ == "conj":
        return _subject_of(ctx, verb.head)
    return []


def assign_speakers(ctx: DocContext) -> None:
    """Find quotes, decide which are speech and who speaks them."""
    ctx.quotes = find_quotes(ctx.document.text)
    for q in ctx.quotes:
        words = len(ctx.document.text[q.start:q.end].split())
        verb = _speech_verb_for(ctx, q)
        if verb is None or words < 3:
            continue
        q.speech = True
        speakers = _subject_of(ctx, verb)
        enclosing = [o for o in ctx.quotes if o is not q and o.start < q.start and q.end <= o.end]
        if not speakers and any(c.lower_ in lx.FIRST_PERSON for c in verb.children
                                if c.dep_ == "nsubj") and enclosing:
            speakers = [enclosing[-1].speaker] if enclosing[-1].speaker else []
        q.speaker = speakers[0] if speakers else None


def _mentions_me(tok: Token) -> bool:
    for c in tok.children:
        if c.lower_ in ("me", "us") and c.dep_ in ("dobj", "dative", "iobj"):
            return True
        if c.dep_ == "prep" and c.lower_ == "to":
            if any(g.lower_ in ("me", "us") for g in c.children):
                return True
    return False


def find_scopes(ctx: DocContext) -> list[Scope]:
    """Accounts, hearsay passages and "according to" sentences, in text order."""
    text = ctx.document.text
    scopes: list[Scope] = []
    for sent in ctx.doc.sents:
        low = sent.text.lower()
        end = paragraph_end(text, sent.start_char)
        for tok in sent:
            if (tok.lemma_.lower() in tr.ACCOUNT_VERBS and tok.pos_ == "VERB"
                    and _mentions_me(tok) and ctx.quote_at(tok.idx) is None):
                subjects = [m for m in _subject_of(ctx, tok) if m.kind in PERSONLIKE]
                if subjects:
                    # From the verb on: what the opener says before it is the narrator's own.
                    scopes.append(Scope(tok.idx, end, subjects[0]))
                    break
            if tok.lower_ == "according" and tok.i + 2 < len(ctx.doc) \
                    and ctx.doc[tok.i + 1].lower_ == "to":
                who = ctx.referents(ctx.doc[tok.i + 2])
                if who:
                    scopes.append(Scope(sent.start_char, sent.end_char, who[0]))
        if any(re.search(rf"\b{re.escape(p)}\b", low) for p in tr.HEARSAY_PHRASES) \
                and ctx.quote_at(sent.start_char) is None:
            scopes.append(Scope(sent.start_char, end, None, hearsay=True))
    return scopes


def attribute(ctx: DocContext, claims: list[Claim], scopes: list[Scope]) -> None:
    """Set ``attributed_to`` and ``hearsay`` on each claim from where its trigger stands."""
    for claim in claims:
        at = int(claim.attrs.get("trigger_at", claim.evidence[0].start if claim.evidence else 0))
        quote = ctx.quote_at(at)
        if quote is not None and quote.speaker is not None:
            claim.attributed_to = quote.speaker.id  # also when speaking of themself
            claim.attrs["quoted"] = True
            continue
        active = [s for s in scopes if s.start <= at < s.end]
        if not active:
            continue
        scope = max(active, key=lambda s: s.start)
        if scope.hearsay:
            claim.hearsay = True
        elif scope.informant is not None:
            claim.attributed_to = scope.informant.id
