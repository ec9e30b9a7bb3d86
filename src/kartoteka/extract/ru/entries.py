"""Lists of people, one entry a line: each entry is a scope of its own.

    Сомов (Сомовский) Игнат Лукич, род. 1890, … Арестован 3 марта 1938 г. Расстрелян …
    12. ИВАНОВ Пётр Сергеевич, 1899 г.р., …
    Грачёва (урожд. Штерн) Ольга Петровна<TAB>1902–1970<TAB>…    (a table, one row a person)

A "Книга памяти" line, a numbered entry or a table row begins with its person's name, surname
first and in the nominative. The name is read here rather than from natasha, whose spans stop
at brackets: "Сомов (Сомовский) Игнат Лукич" is the person "Сомов Игнат Лукич" with the
variant "Сомовский Игнат Лукич". A claim made inside an entry is about that
entry's person unless the entry itself names another; nothing reaches past its entry.

A document of kind "record-list" takes every line that begins with a name (a given name, with
or without a patronymic, or initials after the surname); any other document takes only full
heads (a patronymic or initials) and only where two lines or more begin with one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kartoteka.extract.ru import morph
from kartoteka.extract.ru.context import RuContext
from kartoteka.extract.ru.lexicon import KIN_NOUNS, KIN_RELATIONS, VARIANT_LABELS
from kartoteka.extract.ru.persons import Person
from kartoteka.extract.ru.words import is_title, not_a_name
from kartoteka.model import Mention
from kartoteka.names.gender import gender_from_parts, patronymic_gender
from kartoteka.names.given_names import given_name_gender
from kartoteka.names.keys import surname_key

_ENUM = r"(?:№\s*)?\d{1,5}\s*[.)]\s+"
_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_UPPER = r"[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})?"
_BRACKET = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_INITIAL = r"[А-ЯЁ]\.[ \t]?"
HEAD = re.compile(
    rf"^[ \t]*(?P<enum>{_ENUM})?(?P<surname>{_UPPER}|{_WORD})(?P<b1>[ \t]*{_BRACKET})?[ \t]+"
    rf"(?:(?P<initials>{_INITIAL}(?:{_INITIAL})?)"
    rf"|(?P<given>{_WORD})(?P<b2>[ \t]*{_BRACKET})?(?:[ \t]+(?P<patronymic>{_WORD}))?)"
    rf"(?P<b3>[ \t]*{_BRACKET})?(?![\w-])", re.M)
# A relative's short entry run on after the entry it belongs to, on the same line: "…
# Расстрелян 12.10.1937. Петрова Анна Ивановна, 1905 г. р., жена. Арестована …": a full name
# (surname, given name, patronymic) opening a sentence, then a comma.
RELATIVE_HEAD = re.compile(
    rf"(?<=[.;])[ \t]+(?P<surname>{_WORD})[ \t]+(?P<given>{_WORD})[ \t]+(?P<patronymic>{_WORD}),")
# The end of an entry's opening sentence: a full stop before a capital or the line's end
# ("1905 г. р., жена." — the abbreviations' stops are followed by a small letter or a comma).
_SENTENCE_END = re.compile(r"\.(?=[ \t]+[А-ЯЁ]|[ \t]*(?:\n|$))")
# Kinship nouns that say who the entry's person is to the entry before ("жена", "сын"): those
# of KIN_RELATIONS but "вдова", which a list also gives as a civil state with no spouse named.
_TIE_NOUNS = frozenset(KIN_RELATIONS) - {"вдова"}
_LABEL = re.compile(rf"^\s*(?:{'|'.join(VARIANT_LABELS)})\s*", re.I)
MIN_DETECTED_HEADS = 2  # lines a non-list document needs before its lines count as entries


@dataclass
class Head:
    """The name an entry begins with: its span (brackets included), parts and variants."""

    line_start: int
    start: int
    end: int
    name: str
    parts: dict[str, str]
    gender: str | None
    full: bool  # a patronymic or initials: a head even outside a record list
    numbered: bool
    variants: list[tuple[int, int, str]] = field(default_factory=list)  # span, full name
    relative: bool = False  # run on after another entry: "…, 1905 г. р., жена."


def _given_name(word: str) -> bool:
    return given_name_gender(word) is not None or (
        morph.has_tag(word, "Name") and not morph.has_tag(word, "Surn"))


def _surname_ok(word: str) -> bool:
    """Any word may be a surname ("Лукас" is also a given name) but a post or a verb."""
    plain = word.capitalize()
    return not (is_title(plain) or not_a_name(plain))


def _variants(text: str, match: re.Match[str], words: dict[str, str]) -> list[
        tuple[int, int, str]]:
    """Each bracket's forms as full names: a one-word form stands in for the word before it
    ("Сомов (Сомовский) Игнат" -> "Сомовский Игнат …"); a longer one is a name of its own."""
    order = [k for k in ("surname", "given", "patronymic") if words.get(k)]
    slot_of = {"b1": "surname", "b2": "given", "b3": order[-1]}
    out: list[tuple[int, int, str]] = []
    for group, slot in slot_of.items():
        if match.group(group) is None:
            continue
        inner_start = match.start(group) + match.group(group).index("(") + 1
        inner_end = match.end(group) - 1
        pos = inner_start
        for piece in re.split(r"([,;])", text[inner_start:inner_end]):
            a = pos
            pos += len(piece)
            if piece in (",", ";"):
                continue
            label = _LABEL.match(piece)
            body = piece[label.end():] if label else piece
            a += (label.end() if label else 0) + len(body) - len(body.lstrip())
            body = body.strip()
            if not body or not re.fullmatch(r"[А-ЯЁ][А-ЯЁа-яё-]*(?:\s+[А-ЯЁ][А-ЯЁа-яё.-]*)*", body):
                continue  # a note ("точная дата не установлена"), not a name
            if len(body.split()) == 1:
                full = " ".join(body if k == slot else words[k] for k in order)
            else:
                full = body
            out.append((a, a + len(body), full))
    return out


def bare_kin(text: str, head_end: int, limit: int) -> tuple[str, int, int] | None:
    """The kinship noun that stands alone as an item of an entry's opening sentence
    ("Петрова Анна Ивановна, 1905 г. р., жена."): who the entry's person is to the entry before
    it. A kinship noun with a name after it ("жена И. П. Петрова") names the relative itself
    (``entry_relations``) and is no bare item."""
    stop = _SENTENCE_END.search(text, head_end, limit)
    end = stop.start() if stop else limit
    pos = head_end
    for piece in text[head_end:end].split(","):
        word = piece.strip()
        if word in KIN_NOUNS:
            at = text.index(word, pos)
            return word, at, at + len(word)
        pos += len(piece) + 1
    return None


def _relative_heads(text: str, heads: list[Head]) -> list[Head]:
    """Relatives' short entries run on after an entry on its line (``RELATIVE_HEAD``): a full
    name whose opening sentence has a bare kinship noun of its gender. Only after a head: in
    running prose a name with a comma after a full stop is no entry."""
    out: list[Head] = []
    for m in RELATIVE_HEAD.finditer(text):
        if not heads or m.start() < heads[0].end:
            continue
        surname, given, patronymic = m.group("surname", "given", "patronymic")
        gender = patronymic_gender(patronymic)
        line_end = text.find("\n", m.end())
        kin = bare_kin(text, m.end() - 1, line_end if line_end >= 0 else len(text))
        if not (_surname_ok(surname) and _given_name(given) and gender) or kin is None or \
                kin[0] not in _TIE_NOUNS or KIN_NOUNS[kin[0]] not in (None, gender):
            continue
        parts = {"surname": surname, "given": given, "patronymic": patronymic}
        out.append(Head(line_start=m.start("surname"), start=m.start("surname"),
                        end=m.end("patronymic"), name=f"{surname} {given} {patronymic}",
                        parts=parts, gender=gender_from_parts(surname, given, patronymic),
                        full=True, numbered=False, relative=True))
    return out


def find_heads(text: str, *, record_list: bool) -> list[Head]:
    """The names lines begin with (see the module docstring for which lines count)."""
    heads: list[Head] = []
    for m in HEAD.finditer(text):
        surname, given = m.group("surname"), m.group("given")
        patronymic, initials = m.group("patronymic"), m.group("initials")
        if not _surname_ok(surname):
            continue
        if given is not None and not _given_name(given):
            continue
        if patronymic is not None and not patronymic_gender(patronymic):
            patronymic = None  # "Шмидт Иоганн Бывший …": the third word is not a patronymic
        full = bool(initials or patronymic)
        if not (full or record_list):
            continue
        if m.group("b3") is not None and patronymic is None and given is not None:
            continue  # a bracket after a word the name does not own
        words = {"surname": surname.capitalize() if surname.isupper() else surname,
                 "given": given or "", "patronymic": patronymic or ""}
        end = m.end("b3") if m.group("b3") else m.end("patronymic") if patronymic else (
            m.end("b2") if m.group("b2") else m.end("given") if given else m.end("initials"))
        if initials:
            spaced = " ".join(initials.split())
            name = f"{words['surname']} {spaced}"
            parts = {"surname": words["surname"],
                     "initials": re.sub(r"[.\s]", "", initials)}
        else:
            name = " ".join(w for w in words.values() if w)
            parts = {k: v for k, v in words.items() if v}
        start = m.start("surname")
        heads.append(Head(
            line_start=m.start(), start=start, end=end, name=name, parts=parts,
            gender=gender_from_parts(words["surname"], given, patronymic), full=full,
            numbered=m.group("enum") is not None,
            variants=_variants(text, m, words) if not initials else []))
    if not record_list:
        heads = [h for h in heads if h.full]
    heads = sorted(heads + _relative_heads(text, heads), key=lambda h: h.start)
    if not record_list and len(heads) < MIN_DETECTED_HEADS:
        return []
    return heads


def entry_spans(text: str, heads: list[Head], *, record_list: bool) -> list[tuple[int, int]]:
    """Where each head's entry ends: at the next head, a blank line or the text's end; outside
    a record list (a table in a memoir) a plain entry is its one line."""
    spans: list[tuple[int, int]] = []
    for n, head in enumerate(heads):
        limit = heads[n + 1].line_start if n + 1 < len(heads) else len(text)
        if record_list or head.numbered or head.relative:
            blank = re.compile(r"\n[ \t]*\n").search(text, head.end, limit)
            end = blank.start() if blank else limit
        else:
            newline = text.find("\n", head.end, limit)
            end = newline if newline >= 0 else limit
        spans.append((head.line_start, end))
    return spans


def add_entries(ctx: RuContext) -> list[Person]:
    """Reads the document's list entries into ``ctx``: a mention for each head (and for each
    bracketed variant, an alias of it) and ``ctx.entries``. Returns the heads as people."""
    record_list = ctx.document.kind == "record-list"
    heads = find_heads(ctx.text, record_list=record_list)
    people: list[Person] = []
    for head, (start, end) in zip(heads, entry_spans(ctx.text, heads, record_list=record_list),
                                  strict=True):
        mention = ctx.add_mention(head.start, head.end, "person", name=head.name,
                                  gender=head.gender, attrs={"parts": head.parts, "case": "nomn",
                                                             "entry_head": True})
        if head.variants:
            mention.attrs["name_variants"] = [full for _, _, full in head.variants]
        for a, b, full in head.variants:
            ctx.add_mention(a, b, "person", name=full, gender=head.gender,
                            attrs={"alias_of": mention.id, "variant": True})
        ctx.add_entry(start, end, mention)
        people.append(Person(head.start, head.end, ctx.tokens_in(head.start, head.end),
                             head.name, head.gender, head.parts, "nomn"))
    return people


def entry_relations(ctx: RuContext, relations: dict[str, str]) -> None:
    """"Кузнецова Анна Ивановна, …, жена И. П. Кузнецова": a kinship noun in the nominative
    followed by a name, inside an entry, ties the entry's person to that name. ``relations``:
    kinship lemma -> claim type (the entry's person is the subject)."""
    before: Mention | None = None
    for entry in ctx.entries:
        found = ctx.entry_at(entry.start)
        assert found is not None
        head, previous, before = found[1], before, found[1]
        _tie_to_previous(ctx, head, previous, entry.end)
        for i in ctx.tokens_in(entry.start, entry.end):
            tok = ctx.tokens[i]
            relation = relations.get(morph.lemma(tok.text))
            relative = ctx.person_at.get(i + 1)
            if relation is None or relative is None or relative.id == head.id or (
                    tok.start < head.end or tok.feats.get("Case") not in (None, "Nom")):
                continue
            ctx.add_claim(relation, head, (head.start, relative.end), object=relative.id,
                          confidence=0.8, attrs={"kin": morph.lemma(tok.text)})


def _tie_to_previous(ctx: RuContext, head: Mention, previous: Mention | None, end: int) -> None:
    """"Петров Иван Ильич, … Расстрелян 12.10.1937. Петрова Анна Ивановна, 1905 г. р., жена.":
    a bare kinship noun in an entry's opening sentence says who its person is to the person of
    the entry before (a Book of Memory lists the family after the one repressed). Another
    line's entry needs the same surname (a list of strangers may give one as "сестра" of an
    order); a relative's entry run on after it (``Head.relative``) is tied by its place."""
    kin = bare_kin(ctx.text, head.end, end)
    relation = KIN_RELATIONS.get(kin[0]) if kin else None
    if kin is None or relation is None or kin[0] not in _TIE_NOUNS or previous is None:
        return
    if KIN_NOUNS[kin[0]] not in (None, head.gender):
        return
    run_on = "\n" not in ctx.text[previous.end:head.start]
    names = [(m.attrs.get("parts") or {}).get("surname") for m in (head, previous)]
    if not run_on and (None in names or surname_key(names[0]) != surname_key(names[1])):
        return
    ctx.add_claim(relation, head, (head.start, kin[2]), object=previous.id, confidence=0.75,
                  attrs={"kin": kin[0]})
