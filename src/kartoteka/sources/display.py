"""A file name shown as one safe line of text, whatever bytes it is made of."""

from __future__ import annotations

import os
import unicodedata

# Characters that would let a file name forge or hide report lines: line and paragraph
# separators and the bidirectional controls that reorder what follows them (Unicode UAX #9).
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                           "\u2066\u2067\u2068\u2069")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def display_path(path: str | os.PathLike[str] | bytes) -> str:
    """A file name as one safe line of text: a name that is valid, printable UTF-8 unchanged.

    Bytes that are not UTF-8 show as ``\\xNN``, control characters (a newline) and bidi controls
    as ``\\n``, ``\\x1b`` or ``\\u202e``, so a name can neither break a report line in two nor
    reverse what is printed after it, and the result can always be stored as UTF-8.
    """
    text = os.fsdecode(path) if isinstance(path, bytes) else os.fspath(path)
    if text.isprintable() and text.isascii():
        return text
    out: list[str] = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, kept by surrogateescape
            out.append(f"\\x{code - 0xDC00:02x}")
        elif char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") or char in _BIDI_CONTROLS:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)
