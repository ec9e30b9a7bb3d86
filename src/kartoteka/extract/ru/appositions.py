"""Names set beside a kinship noun in apposition (обособленное приложение, Русская грамматика
1980 §§ 1947-1950): "моего отца, Ивана Петровича Сомова, арестовали", "Жена Орлова, Анна
Орлова, …", "Его отец, Пётр Иванович Смирнов, был священником". The name is the relative
the noun describes; the noun's owner (a genitive, a possessive pronoun) is the one the tie
goes to.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kartoteka.extract.ru import morph
from kartoteka.extract.ru.context import RuContext
from kartoteka.extract.ru.inflection import (
    given_nominative,
    patronymic_nominative,
    surname_candidates,
)
from kartoteka.extract.ru.lexicon import KIN_NOUNS, KIN_RELATIONS
from kartoteka.model import Mention

# The possessive pronouns of the third person singular (Русская грамматика 1980, § 1320):
# "его отец" is the father of the man last spoken of.
THIRD_PERSON_POSSESSIVES = frozenset({"его", "её", "ее"})


def read_as_owner(owner: Mention) -> None:
    """The owner of a kinship noun whose relative is named in apposition is in the genitive:
    "Жена Петра Орлова, Анна Орлова, …" is Пётр Орлов's wife (the name alone had been read
    as a woman's nominative, Петра Орлова, the wife herself)."""
    owner.attrs.pop("kin", None)
    owner.attrs.pop("kin_gender", None)
    parts = owner.attrs.get("parts", {})
    given, surname = parts.get("given"), parts.get("surname")
    if owner.attrs.get("case") != "nomn" or owner.gender == "m" or not given or not surname \
            or not any({"Name", "masc", "gent"} <= set(p.tag.grammemes)
                       for p in morph.parses(given)):
        return
    words = [given_nominative(given, "gent", "m")]
    if parts.get("patronymic"):
        words.append(patronymic_nominative(parts["patronymic"], "gent", "m"))
    words.append(surname_candidates(surname, "gent", "m")[0])
    owner.name = " ".join(words)
    owner.gender = "m"
    owner.attrs["case"] = "gent"


def set_off(text: str, kin_end: int, relative: Mention) -> bool:
    """A name set off by commas right after a kinship noun is an apposition naming the relative
    itself ("моего отца, Ивана Петровича Сомова, арестовали"), whatever the case: a genitive
    owner of the noun follows it without a comma ("отца Ивана Сомова")."""
    return (relative.start > kin_end and _COMMA_AFTER_KIN.fullmatch(
        text[kin_end:relative.start]) is not None
            and re.match(r"\s*(?:[,.;)]|$)", text[relative.end:]) is not None)


# A comma after a kin noun, with the possessive a spoken order puts after it ("Мужа моего, …").
_COMMA_AFTER_KIN = re.compile(r"\s*(?:(?:мо|тво|наш|ваш|сво)[её]?[^\W\d_]*\s*)?,\s*", re.I)


def possessed_kin_ties(ctx: RuContext, referent: Callable[[int], Mention | None]) -> None:
    """"Иван Смирнов родился в Туле. Его отец, Пётр Иванович Смирнов, был священником": a
    kinship noun after "его"/"её" with a name set off by commas ties that name to the one the
    pronoun stands for (``referent``: the pronoun's antecedent, see ``coref``), as English
    "His father, Pyotr Smirnov, …" does; whatever the sentence says of them, fate or none."""
    have = {(c.type, c.subject, c.object) for c in ctx.claims}
    for tok in ctx.tokens:
        lemma = morph.lemma(tok.text)
        relation = KIN_RELATIONS.get(lemma)
        if relation is None or tok.index == 0:
            continue
        owner_word = ctx.tokens[tok.index - 1]
        if owner_word.text.lower() not in THIRD_PERSON_POSSESSIVES or \
                owner_word.sentence != tok.sentence:
            continue
        named = next((m for m in ctx.mentions if m.kind == "person" and m.name
                      and m.start > tok.end and set_off(ctx.text, tok.end, m)), None)
        gender = KIN_NOUNS.get(lemma)
        if named is None or (gender and named.gender not in (None, gender)):
            continue
        owner = referent(owner_word.index)
        if owner is None or owner.id == named.id or owner.name == named.name:
            continue
        key = (relation, named.id, owner.id)
        if key in have:
            continue
        have.add(key)
        sent = ctx.sentence_of(tok.index)
        ctx.add_claim(relation, named, (sent.start, sent.end), object=owner.id,
                      confidence=0.75, attrs={"kin": lemma})


def possessive(ctx: RuContext, token: int) -> bool:
    """его, её, их right before a noun are possessive (Русская грамматика 1980, §1286), not an
    object the parser hung on the verb beside the noun ("а её мужа расстреляли")."""
    tok = ctx.tokens[token]
    nxt = ctx.tokens[token + 1] if token + 1 < len(ctx.tokens) else None
    return tok.text.lower() in ("его", "её", "ее", "их") and nxt is not None \
        and nxt.pos in ("NOUN", "PROPN", "ADJ") and not ctx.text[tok.end:nxt.start].strip()
