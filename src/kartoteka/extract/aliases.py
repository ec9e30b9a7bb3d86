"""Other names of one person, read off the text around the names (any language).

A careful reader knows that the names in "Leonid Zakovsky (Leonīds Zakovskis; born Henriks
Štubis; 1894 – 1938)" are one man's, as are those in "Ян Борисович Гамарник (настоящее имя —
Яков Борисович Пудикович, …)", "Петра Уборевича (Пятраса Уборевичюса)", ", born Sergei
Kostrikov," and "Имя при рождении: Яков Пудикович Гамарник"; and that "under the nom de guerre
Grishin, he …" names the man the text is about. ``text_aliases`` finds these ties:

1. names in the bracket right after a name, when nothing but language labels and words that
   introduce a name (``en/alias_words.py``, ``ru/alias_words.py``) stand before them, and
   the name is not a possessive;
2. a name after a comma or dash that follows a name (or its bracket), introduced by a word
   that always announces another name ("born", "née", "настоящее");
3. a name on an infobox line labelled as the name at birth: the text's subject's;
4. an assumed name ("under the pseudonym X"): of the one person named before it in the
   sentence, or of the text's subject when no one is;
5. a name a document gives ("a passport in the name of X"): of the one person named before it
   in the sentence, else of no one (whose the document is may not be named yet);
6. a name followed by a bracket that calls it his or her name ("X (his code name)"): the
   text's subject's, as the possessive names no one.

The extractors mark some of these themselves (``alias_of``); this module is the language-
independent reading of the layout, which every language pipeline runs last
(``mark_aliases_and_kin``), so that the grouping in ``resolve.within`` reads marks, not text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from kartoteka.extract import narrator as signed
from kartoteka.extract.en import alias_words as en
from kartoteka.extract.ru import alias_words as ru
from kartoteka.model import Extraction, Mention

# Both languages' words: a text in one language cites names in the other ("Russian: …").
LANGUAGE_LABELS = en.LANGUAGE_LABELS | ru.LANGUAGE_LABELS
ALIAS_WORDS = en.ALIAS_WORDS | ru.ALIAS_WORDS
STRONG_ALIAS_WORDS = en.STRONG_ALIAS_WORDS | ru.STRONG_ALIAS_WORDS
ALIAS_SEPARATORS = en.ALIAS_SEPARATORS | ru.ALIAS_SEPARATORS
LINKING_WORDS = en.LINKING_WORDS | ru.LINKING_WORDS
QUALIFIER_PREPOSITIONS = en.QUALIFIER_PREPOSITIONS | ru.QUALIFIER_PREPOSITIONS
ARTICLES = en.ARTICLES | ru.ARTICLES
TIME_WORDS = en.TIME_WORDS | ru.TIME_WORDS
LATER_WORDS = en.LATER_WORDS | ru.LATER_WORDS
ASSUMED_NAME_PHRASES = en.ASSUMED_NAME_PHRASES + ru.ASSUMED_NAME_PHRASES
ASSUMED_LIST_PHRASES = en.ASSUMED_LIST_PHRASES + ru.ASSUMED_LIST_PHRASES
DOCUMENT_NAME_PHRASES = en.DOCUMENT_NAME_PHRASES + ru.DOCUMENT_NAME_PHRASES
OWN_NAME_REMARKS = en.OWN_NAME_REMARKS + ru.OWN_NAME_REMARKS
LIST_SEPARATORS = en.LIST_SEPARATORS | ru.LIST_SEPARATORS
MAIN_CLAUSE_VERBS = en.MAIN_CLAUSE_VERBS | ru.MAIN_CLAUSE_VERBS
BIRTH_NAME_LABELS = en.BIRTH_NAME_LABELS + ru.BIRTH_NAME_LABELS
KIN_WORDS = {**en.KIN_WORDS, **ru.KIN_WORDS}
# Punctuation that may stand in a phrase introducing an alias.
ALIAS_PUNCTUATION: frozenset[str] = frozenset(":—–-,.\"'“”„«»‘’")

SUBJECT = ""  # the target of an alias of the person the text is about
BRACKET_REACH = 600  # how far a bracket after a name may run (a lead's bracket is long)
_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_AFTER_ALIAS = re.compile(r"[\"'“”„«»‘’]*\s*(?:[);,\]]|(?:or|или|либо)\b|$)")
_ASSUMED = re.compile(r"(?:" + "|".join(ASSUMED_NAME_PHRASES) + r")\s*[\"'“”„«»‘’]*\s*$",
                      re.IGNORECASE)
_DOCUMENT_NAME = re.compile(r"(?:" + "|".join(DOCUMENT_NAME_PHRASES)
                            + r")\s*[\"'“”„«»‘’]*\s*$", re.IGNORECASE)
_ASSUMED_LIST = re.compile(r"(?:" + "|".join(ASSUMED_LIST_PHRASES)
                           + r")\s*[\"'“”„«»‘’:]*\s*$", re.IGNORECASE)
_OWN_NAME = re.compile(r"\s*\(\s*(?:" + "|".join(OWN_NAME_REMARKS) + r")[^()]{0,40}\)",
                       re.IGNORECASE)
_MAIN_VERB = re.compile(r"\s+(?:" + "|".join(sorted(MAIN_CLAUSE_VERBS)) + r")\b")
_BRACKETED = re.compile(r"\([^()]*\)")
_BIRTH_LABEL = re.compile(r"\s*(?:" + "|".join(BIRTH_NAME_LABELS) + r")\s*[:—–-]\s*",
                          re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZА-ЯЁ])|\n")


def _foreign_script(token: str) -> bool:
    """A word in neither Latin nor Cyrillic letters: a name in a script the extractors do not
    read ("Georgian: ლავრენტი ბერია"), which stands among the forms of a name like a label."""
    return token.isalpha() and not any("a" <= c.lower() <= "z" or "а" <= c.lower() <= "я"
                                       or c in "ёЁ" or "\u00c0" <= c <= "\u024f" for c in token)


QUALIFIER_REACH = 3  # words of a place or time after its preposition ("в отделе кадров НКВД")


def _qualifier_end(tokens: list[str], index: int, *, continuing: bool) -> int | None:
    """Where a phrase of place or time opened by the preposition at ``index`` ends: an article,
    one to three words, then a word that introduces a name ("in the US assuming the name of",
    "в отделе кадров НКВД значился как") or, in a list of names already begun, a dash ("при
    рождении — X, в СССР — Y"): a bracket that opens with "(с 1936 года — Y)" may name a
    successor in a post. Kin words never stand in it ("в семье брата")."""
    start = index + 1
    if start < len(tokens) and tokens[start].lower() in ARTICLES:
        start += 1
    for end in range(start + 1, min(len(tokens), start + QUALIFIER_REACH) + 1):
        word = tokens[end - 1].lower()
        if not word.isalnum() or word in ALIAS_WORDS - TIME_WORDS or word in KIN_WORDS:
            return None
        following = tokens[end].lower() if end < len(tokens) else ""
        if continuing and following in ("—", "–", "-") or following in ALIAS_WORDS - TIME_WORDS:
            return end
    return None


def _without_qualifiers(tokens: list[str], *, continuing: bool) -> list[str]:
    """The tokens less the phrases of place or time that qualify a name of a list."""
    out: list[str] = []
    index = 0
    while index < len(tokens):
        preposition = tokens[index].lower() in QUALIFIER_PREPOSITIONS
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        if preposition and following in ALIAS_WORDS - TIME_WORDS - ARTICLES - LINKING_WORDS:
            index += 1  # a preposition of the phrase that introduces a name: "в девичестве"
            continue
        end = _qualifier_end(tokens, index, continuing=continuing) if preposition else None
        if end is None:
            out.append(tokens[index])
            index += 1
        else:
            index = end
    return out


def _is_filler(text: str, *, need_strong: bool = False, continuing: bool = False) -> bool:
    """Only language labels, alias words, years, initials, phrases of place or time, names in
    an unread script and punctuation."""
    strong = False
    for token in _without_qualifiers(_TOKEN.findall(text), continuing=continuing):
        low = token.lower()
        if low in LATER_WORDS and not continuing:
            return False  # "(later Y)" may name the next holder of a post
        if low in STRONG_ALIAS_WORDS:
            strong = True
        if low in LANGUAGE_LABELS or low in ALIAS_WORDS or low in ALIAS_SEPARATORS \
                or low in LINKING_WORDS or _foreign_script(token):
            continue
        if token in ALIAS_PUNCTUATION or token.isdigit() and len(token) == 4:
            continue
        if len(token) == 1 and token.isupper():
            continue  # an initial ("P.A. Florenskiĭ")
        return False
    return strong or not need_strong


def _bracket_end(text: str, start: int) -> int:
    """Index of the ")" closing the bracket opened at ``start``, else where it stops being
    plausible (a line break or the reach)."""
    depth = 0
    for index in range(start, min(len(text), start + BRACKET_REACH)):
        char = text[index]
        if char == "\n":
            return index
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth == 0:
                return index
    return min(len(text), start + BRACKET_REACH)


def _ends_like_alias(text: str, mention: Mention) -> bool:
    return bool(_AFTER_ALIAS.match(text, mention.end))


def _bracket_aliases(text: str, owner: Mention, persons: Sequence[Mention],
                     starts: list[int], found: dict[str, str]) -> int:
    """Aliases in the bracket right after ``owner``, and in a bracket right after that one
    ("X (Russian: Y) (born Z; 1893 – 1938)"); returns where the last bracket ends."""
    position = owner.end
    while opening := re.compile(r"[ \t]*\(").match(text, position):
        position = _one_bracket(text, opening.end() - 1, owner, persons, starts, found)
    return position


def _one_bracket(text: str, start: int, owner: Mention, persons: Sequence[Mention],
                 starts: list[int], found: dict[str, str]) -> int:
    end = _bracket_end(text, start)
    cursor, alive, introduced, first = start + 1, True, False, True
    for other in persons[bisect_left(starts, cursor):bisect_left(starts, end)]:
        if other.start < cursor:
            continue
        filler = text[cursor:other.start]
        if ";" in filler:
            filler, alive, introduced, first = filler.rsplit(";", 1)[1], True, False, True
        words = {token.lower() for token in _TOKEN.findall(filler)
                 if token.isalpha() and token.lower() not in LINKING_WORDS}
        # A bare "(X)" gives one other name; a list needs words that say so ("also X, Y",
        # "X or Y"): "(X, Y)" or "(X and Y)" after a name may be the people with him.
        introduced = introduced or bool(words)
        listed = first or introduced
        if alive and listed and _is_filler(filler, continuing=not first) \
                and _ends_like_alias(text, other):
            found.setdefault(other.id, owner.id)
        else:
            alive = False
        cursor, first = other.end, False
    return end + 1


def _apposition_alias(text: str, owner_end: int, owner: Mention, persons: Sequence[Mention],
                      starts: list[int], found: dict[str, str]) -> None:
    """", born Sergei Kostrikov," after the name (or after its bracket); the closing comma may
    be missing before the main clause's verb (", born Sergei Kostrikov was …")."""
    index = bisect_left(starts, owner_end)
    if index >= len(persons):
        return
    following = persons[index]
    between = text[owner_end:following.start]
    if re.match(r"\s*[,—–-]", between) and _is_filler(between, need_strong=True) \
            and (_ends_like_alias(text, following) or _MAIN_VERB.match(text, following.end)):
        found.setdefault(following.id, owner.id)


def _sentence_start(text: str, position: int) -> int:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, position)]
    return starts[-1] if starts else 0


def _assumed_owner(text: str, ordered: Sequence[Mention], index: int,
                   found: dict[str, str], *, subject: bool = True) -> str | None:
    """The owner of the assumed name ``ordered[index]``: the one person named before it in the
    sentence, or (``subject``) the text's subject when no one is; None (and no mark) when
    several are, or none is and ``subject`` is false."""
    mention = ordered[index]
    sentence = _sentence_start(text, mention.start)
    earlier: dict[str, str] = {}
    for m in ordered[:index]:
        if m.start >= sentence and m.end <= mention.start:
            earlier.setdefault(m.name or m.text, found.get(m.id, m.id))
    if len(earlier) > 1 or not (earlier or subject):
        return None
    found[mention.id] = next(iter(earlier.values())) if earlier else SUBJECT
    return found[mention.id]


def _list_gap(between: str) -> bool:
    """Only commas, list words ("and", "и"), bracketed remarks ("(his code name)") and names
    the extractor did not take stand between two names of a list."""
    if _SENTENCE_END.search(between):
        return False
    for token in _TOKEN.findall(_BRACKETED.sub(" ", between)):
        if token != "," and token.lower() not in LIST_SEPARATORS and not token[:1].isupper():
            return False
    return True


def _assumed_list(text: str, ordered: Sequence[Mention], index: int, owner: str,
                  found: dict[str, str]) -> None:
    """The names that go on from a plural assumed-name phrase ("under the names of X, Y (his
    code name) and Z"): the owner's, up to the first gap that is not a list's."""
    previous = ordered[index]
    for m in ordered[index + 1:]:
        if m.start < previous.end:
            continue
        if not _list_gap(text[previous.end:m.start]):
            return
        found.setdefault(m.id, owner)
        previous = m


def text_aliases(text: str, persons: Sequence[Mention]) -> dict[str, str]:
    """Mention id -> id of the mention whose person it names again (``SUBJECT`` for the person
    the text is about). ``persons`` are the named person mentions."""
    ordered = sorted(persons, key=lambda m: (m.start, -m.end))
    starts = [m.start for m in ordered]
    found: dict[str, str] = {}
    for owner in ordered:
        owner_end = _bracket_aliases(text, owner, ordered, starts, found)
        _apposition_alias(text, owner_end, owner, ordered, starts, found)
    for index, mention in enumerate(ordered):
        if mention.id in found:
            continue
        line = text[text.rfind("\n", 0, mention.start) + 1:mention.start]
        label = _BIRTH_LABEL.match(line)
        if label and (label.end() == len(line) or _list_gap(line[label.end():])):
            found[mention.id] = SUBJECT  # the label's first name, or one of its list
        elif _OWN_NAME.match(text, mention.end):
            found[mention.id] = SUBJECT  # "Lev Sorin (his official name since 1920)"
        elif _ASSUMED.search(text, max(0, mention.start - 60), mention.start):
            _assumed_owner(text, ordered, index, found)
        elif _DOCUMENT_NAME.search(text, max(0, mention.start - 60), mention.start):
            _assumed_owner(text, ordered, index, found, subject=False)
        elif _ASSUMED_LIST.search(text, max(0, mention.start - 60), mention.start):
            owner = _assumed_owner(text, ordered, index, found)
            if owner is not None:
                _assumed_list(text, ordered, index, owner, found)
    return found


def mark_aliases_and_kin(extraction: Extraction) -> Extraction:
    """Mark the named person mentions of ``extraction`` for ``resolve``, which reads no text.

    ``attrs["text_alias_of"]``: the mention whose person this one names again, as the layout
    gives it (``text_aliases``; "" for the person the text is about). ``attrs["kin"]``: the
    kinship word just before the name, with its gender in ``attrs["kin_gender"]`` if it has one;
    the narrator and the narrator's relatives as ``extract.narrator`` reads them, with the ties
    between them that the language's own reading did not make.
    """
    text = extraction.document.text
    persons = [m for m in extraction.mentions if m.kind == "person" and m.name]
    for mention_id, target in text_aliases(text, persons).items():
        next(m for m in persons if m.id == mention_id).attrs["text_alias_of"] = target
    signed.mark_narrator_and_kin(text, persons)  # the kinship words before each name too
    extraction.claims.extend(signed.narrator_ties(extraction))
    return extraction
