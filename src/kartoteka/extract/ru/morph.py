"""pymorphy3, loaded once, with the few questions the Russian code asks of it (cached per word)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# one analyser for the whole process, shared with the name code (names.attested, names.places)
from kartoteka.names.lexicon import russian_analyzer as analyzer


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's analyses of ``word`` (lower-cased), best first."""
    return tuple(analyzer().parse(word.lower()))


def lemma(word: str) -> str:
    found = parses(word)
    return found[0].normal_form if found else word.lower()


def lemmas(word: str) -> frozenset[str]:
    return frozenset(p.normal_form for p in parses(word))


@lru_cache(maxsize=100_000)
def is_animate_noun(word: str) -> bool:
    """True when the best reading of ``word`` is an animate noun (a person: "столяр")."""
    found = parses(word)
    return bool(found) and {"NOUN", "anim"} <= set(found[0].tag.grammemes)


@lru_cache(maxsize=100_000)
def is_adjective(word: str) -> bool:
    """True when some reading of ``word`` is a full adjective or participle."""
    return any(p.tag.POS in ("ADJF", "PRTF", "NUMR") for p in parses(word))


def is_active_participle(word: str) -> bool:
    """A transitive active participle ("арестовавший", "допрашивавший"), never one used as a
    noun ("заведующий": pymorphy's Subx) nor one read as an adjective first ("следующий")."""
    found = parses(word)
    return bool(found) and {"PRTF", "actv", "tran"} <= set(found[0].tag.grammemes) and (
        "Subx" not in found[0].tag)


def has_tag(word: str, *grammemes: str) -> bool:
    """True when some reading of ``word`` carries all ``grammemes``."""
    wanted = set(grammemes)
    return any(wanted <= set(p.tag.grammemes) for p in parses(word))


def inflect(word: str, grammemes: set[str], *, where: set[str] | None = None) -> str | None:
    """``word`` put into ``grammemes`` from its first reading that has ``where`` (or any)."""
    for p in parses(word):
        if where and not where <= set(p.tag.grammemes):
            continue
        out = p.inflect(grammemes)
        if out is not None:
            return out.word
    return None


def _keep_case(template: str, word: str) -> str:
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@lru_cache(maxsize=50_000)
def nominative_phrase(text: str) -> str:
    """A name phrase with its head put back into the nominative: "Военной коллегией Верховного
    суда" -> "Военная коллегия Верховного суда", "облсудом" -> "облсуд". Words after the head
    noun stay as written (they are its genitive dependants)."""
    words = text.split(" ")
    out: list[str] = []
    for n, word in enumerate(words):
        plain = word.strip(",.;:")
        readings = [p for p in parses(plain) if p.tag.POS in ("ADJF", "PRTF", "NOUN")]
        if not plain or not plain.isalpha() or plain.isupper() or not readings:
            return " ".join(out + words[n:])
        best = readings[0]
        if best.tag.POS == "NOUN":
            if best.tag.case == "nomn":
                return " ".join(out + words[n:])
            number = best.tag.number or "sing"
            form = best.inflect({"nomn", number})
            out.append(_keep_case(plain, form.word) if form else plain)
            return " ".join(out + words[n + 1:])
        best = _agreeing(readings, words[n + 1:]) or best
        form = best.inflect({"nomn", best.tag.number or "sing"} | (
            {best.tag.gender} if best.tag.gender and best.tag.number != "plur" else set()))
        out.append(_keep_case(plain, form.word) if form else plain)
    return " ".join(out)


def _agreeing(readings: list[Any], rest: list[str]) -> Any | None:
    """The reading of an adjective that agrees with the noun after it in case and number:
    "народным комиссаром" is the singular instrumental, not the plural dative that pymorphy
    lists first."""
    for word in rest:
        nouns = [p for p in parses(word.strip(",.;:")) if p.tag.POS == "NOUN"]
        if nouns:
            wanted = {(p.tag.case, p.tag.number, p.tag.gender if p.tag.number == "sing"
                       else None) for p in nouns}
            return next((r for r in readings if (r.tag.case, r.tag.number, r.tag.gender if
                                                 r.tag.number == "sing" else None) in wanted),
                        None)
    return None
