"""What an English sentence says of the truth of a statement in it: rumour words and phrases
and how far they reach, alternative accounts, a correction or refutation after a rumour, a
report called false, and frames that deny the clause after them ("It is not true that …").
``mood.classify`` asks these after the clause's own governors (docs/constructions.md,
"Modality")."""

from __future__ import annotations

from spacy.tokens import Token

from kartoteka.extract.en import modality_words as mw

MAX_STEPS = 8  # how far up the parse a cue is looked for (here and in mood)


def framed_as_false(tok: Token) -> bool:
    """A frame before the trigger in its sentence denies its clause (``DENYING_FRAMES``)."""
    before = tok.doc.text[tok.sent.start_char:tok.idx].lower().replace("’", "'")
    return any(frame in before for frame in mw.DENYING_FRAMES)


def rumoured(tok: Token) -> bool:
    """A rumour cue reaches the trigger, unless a correction or a contrast stands between."""
    return any(not any(p in tok.doc.text[c.idx:tok.idx].lower()
                       for p in (*mw.CORRECTION_PHRASES, *mw.CONTRAST_MARKS))
               for c in _rumour_cues(tok)) or _alternative_accounts(tok)


def _alternative_accounts(tok: Token) -> bool:
    """"Two stories circulated: one, that X shot herself; the other, that she was shot": a
    plural noun of account before the trigger, counted or said to differ."""
    return any(w.i < tok.i and w.tag_ == "NNS" and w.lemma_.lower() in mw.ACCOUNT_NOUNS
               and any(c.dep_ in ("nummod", "amod") and c.lower_ in mw.ALTERNATIVE_MODIFIERS
                       for c in w.children) for w in tok.sent)


def _rumour_cues(tok: Token) -> list[Token]:
    """The rumour words and phrases of the sentence that reach ``tok``: all of them but those
    inside a relative clause or an "as"-comment clause ("as was rumoured") of another word
    ("X, who was said to have been shot, died in a camp": the death is no rumour)."""
    sent = tok.sent
    low = sent.text.lower()
    cues = [w for w in sent if w.lower_ in mw.RUMOUR_WORDS]
    for p in mw.RUMOUR_PHRASES:
        at = low.find(p)
        while at >= 0:
            span = sent.char_span(at, at + len(p), alignment_mode="expand")
            cues += [w for w in span or () if w not in cues]
            at = low.find(p, at + 1)
    return [w for w in cues if not _cut_off(w, tok)]


def _cut_off(cue: Token, tok: Token) -> bool:
    """``cue`` stands in a relative clause or an "as"-clause that hangs on another word."""
    cur = cue
    for _ in range(MAX_STEPS):
        if cur.i == tok.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "relcl" or (cur.dep_ == "advcl" and _as_clause(cur)):
            return not any(t.i == tok.i for t in cur.subtree) and cur.head.i != tok.i
        cur = cur.head
    return False


def _as_clause(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children)


def as_rumour(tok: Token) -> bool:
    """"X was not shot, as was rumoured": a rumour in an "as"-clause on the trigger itself."""
    return any(c.dep_ == "advcl" and _as_clause(c) and any(
        w.lower_ in mw.RUMOUR_WORDS for w in c.subtree) for c in tok.children)


def refuted(tok: Token) -> bool:
    """The sentence, or the next one, says the rumour was false."""
    sent = tok.sent
    doc = tok.doc
    words = list(sent)
    if sent.end < len(doc):
        words += list(doc[sent.end].sent)
    if any(w.lower_ in mw.REFUTING_WORDS or w.lemma_.lower() in mw.REFUTING_WORDS
           for w in words if not (tok.left_edge.i <= w.i <= tok.i)):
        return True
    rest = " ".join(w.lower_ for w in words if w.i > tok.i)
    return any(p in rest for p in mw.REFUTING_PHRASES)  # "…, but it turned out not to be so"


def strictly_refuted(tok: Token) -> bool:
    """The rest of the sentence, or the next one, calls what was said false ("It was a lie")."""
    sent = tok.sent
    words = [w for w in sent if w.i > tok.i and not (tok.left_edge.i <= w.i <= tok.i)]
    if sent.end < len(tok.doc):
        words += list(tok.doc[sent.end].sent)
    return any(w.lower_ in mw.STRICT_REFUTING_WORDS or w.lemma_.lower() in
               mw.STRICT_REFUTING_WORDS for w in words)
