"""Parse a personal name into surname, given name, patronymic, initials and bracketed variants.

Handles English order ("Nikolai Ivanovich Yezhov", "N. I. Yezhov"), Russian list order
("Карин Федор Яковлевич", "Ежов Н.И."), comma order ("Тухачевский, Михаил Николаевич") and
archival brackets holding alternative forms ("(Петрович)", "(Крутянский Тодрес Янкелевич)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kartoteka.names.gender import gender_from_parts, patronymic_gender, surname_gender
from kartoteka.names.given_names import given_name_groups, load_given_names
from kartoteka.names.keys import given_keys
from kartoteka.names.name_data import EPITHET_ARTICLES, NAME_TITLES, SURNAME_PARTICLES
from kartoteka.names.translit import is_cyrillic

ORDERS = ("given-first", "surname-first")

_BRACKETS = re.compile(r"[(\[]([^)\]]*)[)\]]")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’ʹ][^\W\d_]+)*\.?")
# An initial is one letter, or a digraph standing for one Cyrillic letter (Yu., Ch., Sch.).
_INITIAL = re.compile(r"^(?:[^\W\d_]|[YJI][aeouAEOU]|[CSKZTcskzt][hH]|[Ss]ch|[Ss]hch|Ts|Tch)\.?$")


@dataclass(frozen=True)
class PersonName:
    """A personal name split into its parts; any part may be missing."""

    surname: str | None
    given: str | None
    patronymic: str | None
    initials: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    script: str = "latin"
    gender: str | None = None

    def full(self) -> str:
        """The name in English order, given name first; initials stand in for a missing one."""
        if self.given:
            parts = [self.given, self.patronymic]
        else:
            parts = [" ".join(f"{initial}." for initial in self.initials) or None]
        return " ".join(part for part in (*parts, self.surname) if part)

    def to_dict(self) -> dict[str, object]:
        return {
            "surname": self.surname, "given": self.given, "patronymic": self.patronymic,
            "initials": list(self.initials), "variants": list(self.variants),
            "script": self.script, "gender": self.gender,
        }


def _is_initial(token: str) -> bool:
    if not _INITIAL.match(token):
        return False
    letters = token.rstrip(".")
    # A lone capital is an initial even without its dot; a digraph needs the dot ("Yu.").
    return token.endswith(".") or (len(letters) == 1 and letters.isupper())


def _split_tokens(text: str) -> list[str]:
    # "Н.И." and "N.I.Yezhov" are several tokens: split after every dot; "Yezhov's" is Yezhov.
    tokens = _TOKEN.findall(text.replace(".", ". "))
    return [re.sub(r"['’]s$", "", token) for token in tokens]


def _is_known_given(token: str) -> bool:
    return bool(given_name_groups(token))


@lru_cache(maxsize=1)
def _given_name_keys() -> frozenset[str]:
    return frozenset(key for row in load_given_names() for key in given_keys(row.name))


@lru_cache(maxsize=1)
def _fleeting_stems() -> frozenset[str]:
    """Given names whose last syllable loses its vowel before the patronymic's suffix (Russian
    grammar's fleeting vowel, беглый гласный: Павел, Павл-ович; Лев, Льв-ович is too short to
    tell from a surname's stem): the stem without it. Only -ел names drop it (Антон, Фёдор,
    Семён keep theirs: Антонович, Фёдорович), per the patronymic tables of Russian grammars
    (e.g. Zaliznyak's grammatical dictionary)."""
    return frozenset(key[:-2] + "l" for key in _given_name_keys()
                     if re.search(r"[^aeiouy]el$", key) and len(key) > 4)


def _patronymic_stem_is_given_name(token: str) -> bool:
    """True when the token minus its patronymic suffix is a known name (Иван-ович, Яковл-евич)."""
    stems = {re.sub(r"(ovic|evic|ovna|evna|ic|icna|na)$", "", key) for key in given_keys(token)}
    names = _given_name_keys()
    # The stem begins a name (Никола-евич: Николай), or is a name plus one letter of the
    # patronymic's linking consonant (Яковл-евич: Яков). Not any name sharing its first letters
    # but one: "Grill-evich" is no Grigory's son, it is a surname.
    fleeting = _fleeting_stems()
    return any(stem in fleeting for stem in stems) or any(
        len(stem) > 3 and any(
            name.startswith(stem) or (stem.startswith(name) and len(name) >= len(stem) - 1)
            for name in names)
        for stem in stems
    )


def _looks_patronymic(token: str, *, strong_position: bool) -> bool:
    if patronymic_gender(token) is None:
        return False
    return strong_position or _patronymic_stem_is_given_name(token)


def _looks_surname(token: str) -> bool:
    return surname_gender(token) is not None and not _is_known_given(token)


def _guess_order(words: list[str], cyrillic: bool) -> str:
    if len(words) >= 3:
        # English writes "Nikolay Lyutsianovich Ilyashevich": a known given name, then a word
        # of a patronymic's shape whose stem is a rarer name (Lyutsian), then a surname in -ich
        # (Polish, Belarusian, Serbian): given name first, whatever the third word looks like.
        if (not cyrillic and _is_known_given(words[0]) and not _is_known_given(words[1])
                and patronymic_gender(words[1]) is not None):
            return "given-first"
        if _looks_patronymic(words[2], strong_position=True) and not _looks_patronymic(
            words[1], strong_position=False
        ):
            return "surname-first"
        if _looks_patronymic(words[1], strong_position=True):
            return "given-first"
        if _is_known_given(words[1]) and not _is_known_given(words[0]):
            return "surname-first"
        return "surname-first" if cyrillic and not _is_known_given(words[0]) else "given-first"
    if len(words) == 2:
        first_given, second_given = _is_known_given(words[0]), _is_known_given(words[1])
        if first_given and not second_given:
            return "given-first"
        # English prose writes the given name first: "Lore Daniel" (an unlisted given name and
        # a given name that is also a surname) stays in that order unless the first word has a
        # surname's shape ("Yezhov Nikolai").
        if second_given and not first_given and (cyrillic or _looks_surname(words[0])):
            return "surname-first"
        if _looks_surname(words[0]) and not _looks_surname(words[1]):
            return "surname-first"
        if _looks_surname(words[1]) and not _looks_surname(words[0]):
            return "given-first"
        # Russian lists and registers put the surname first; English prose the given name.
        return "surname-first" if cyrillic else "given-first"
    return "given-first"


def _join_particles(words: list[str]) -> list[str]:
    joined: list[str] = []
    for word in words:
        # "Ivan the Terrible": an epithet after its article stands where a surname would
        if joined and (joined[-1].lower() in SURNAME_PARTICLES or joined[-1] in EPITHET_ARTICLES):
            joined[-1] = f"{joined[-1]} {word}"
        else:
            joined.append(word)
    return joined


def _assign(words: list[str], order: str) -> tuple[str | None, str | None, str | None]:
    """(surname, given, patronymic) from name words in the given order."""
    if not words:
        return None, None, None
    if len(words) == 1:
        word = words[0]
        if _is_known_given(word) and not _looks_surname(word):
            return None, word, None
        return word, None, None
    if order == "surname-first":
        surname, rest = words[0], words[1:]
        if len(rest) > 2 and _looks_patronymic(rest[-1], strong_position=True):
            return surname, " ".join(rest[:-1]), rest[-1]  # a double given name
        given = rest[0]
        patronymic = " ".join(rest[1:]) or None
        return surname, given, patronymic
    surname, rest = words[-1], words[:-1]
    if len(rest) == 1 and len(words) == 2 and _looks_patronymic(surname, strong_position=False):
        return None, words[0], surname  # "Николай Иванович": given name and patronymic
    given = rest[0]
    patronymic = " ".join(rest[1:]) or None
    return surname, given, patronymic


# Names repeat (the same label is parsed for every pair of clusters a linking step meets);
# the result is frozen, so one parse serves every caller.
@lru_cache(maxsize=1 << 16)
def parse_person_name(text: str, *, order: str | None = None) -> PersonName:
    """Split a written name into its parts.

    ``order`` is "given-first" (English), "surname-first" (Russian lists) or None to guess:
    a comma, initials after the words, or a patronymic in third place mean surname first.
    """
    if order is not None and order not in ORDERS:
        raise ValueError(f"unknown name order {order!r}; expected one of {ORDERS} or None")
    variants = tuple(v.strip() for v in _BRACKETS.findall(text) if v.strip())
    body = _BRACKETS.sub(" ", text)
    cyrillic = is_cyrillic(body)
    if "," in body:
        head, _, tail = body.partition(",")
        head_tokens, tail_tokens = _split_tokens(head), _split_tokens(tail)
        tokens = head_tokens + tail_tokens
        order = order or "surname-first"
    else:
        tokens = _split_tokens(body)
    while tokens and tokens[0].rstrip(".").lower() in NAME_TITLES:
        tokens = tokens[1:]
    initials_at = [i for i, token in enumerate(tokens) if _is_initial(token)]
    initials = tuple(tokens[i].rstrip(".") for i in initials_at)
    words = _join_particles([t.rstrip(".") for i, t in enumerate(tokens) if i not in initials_at])
    if initials and words:
        if order is None:
            # Initials at the end ("Ежов Н.И.") follow the surname; anywhere else they precede it.
            order = "surname-first" if initials_at[-1] == len(tokens) - 1 else "given-first"
        surname, given, patronymic = words[0] if len(words) == 1 else words[-1], None, None
        if len(words) > 1:
            surname, given, patronymic = _assign(words, order)
    else:
        order = order or _guess_order(words, cyrillic)
        surname, given, patronymic = _assign(words, order)
    return PersonName(
        surname=surname,
        given=given,
        patronymic=patronymic,
        initials=initials,
        variants=variants,
        script="cyrillic" if cyrillic else "latin",
        gender=gender_from_parts(surname, given, patronymic),
    )
