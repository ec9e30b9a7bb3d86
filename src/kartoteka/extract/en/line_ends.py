"""A line break after a finished sentence ends the sentence, before the parser reads it.

Dialogue in memoirs and their translations sets each speaker's line on a line of its own:

    "Did you arrest them too?"
    "Yes, of course, Ivan Petrovich!"

The small English model's parser joins such lines when no capital follows a full stop in the
running text: the question and the answer become one sentence, the vocative of the answer the
object of the question's verb (an arrest of the man addressed), and the question's mood is lost.
A line that ends with a sentence's closing punctuation (. ! ? …), perhaps inside closing quotes
or brackets, ends its sentence; a line that does not (a hard-wrapped scan, a heading run on into
its text) is left to the parser. spaCy's parser keeps boundaries set before it runs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# The punctuation that ends a sentence (the Chicago Manual of Style, 6.2; the ellipsis at a
# line's end too), and the closing marks that may stand after it ("…?”", "…!)").
TERMINAL = frozenset({".", "!", "?", "…", "……", "...", "?!", "!?"})
CLOSING = frozenset({'"', "”", "’", "'", "»", ")", "]"})
COMPONENT = "kartoteka_line_ends"


def _ends_a_sentence(doc: Doc, i: int) -> bool:
    """Whether the tokens up to ``i`` (the last before a line break) close a sentence."""
    while i >= 0 and doc[i].text in CLOSING:
        i -= 1
    return i >= 0 and (doc[i].text in TERMINAL or doc[i].text.endswith(("?", "!", "…")))


@Language.component(COMPONENT)
def line_ends(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        # spaCy keeps one trailing space on a token; a line break is a space token of its own
        if tok.is_space or not (prev.is_space and "\n" in prev.text):
            continue
        if _ends_a_sentence(doc, tok.i - 2):
            tok.is_sent_start = True
    return doc


__all__ = ["COMPONENT", "line_ends"]
