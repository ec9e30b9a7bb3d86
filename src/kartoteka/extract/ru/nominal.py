"""Fates told by a noun: "после ареста Иванова", "арест Петрова в 1937 году", "расстрел
Сидорова", "его гибель в лагере", "до ареста работал".

A fate noun names its person by a genitive or a possessive ("ареста Иванова", "его гибель");
a noun in "до/после ареста" with neither is the clause subject's. With neither, it names nobody
and gives no claim. The word governing the noun says whether the event happened: "избежал
ареста" denies it, "угроза ареста", "боялся ареста" fear it, "требовал расстрела", "ордер на
арест", "приговорён к расстрелу" ask or order it, "слухи о его расстреле" tell a rumour
(kartoteka.extract.modality decides what each class becomes). Cue words are from the grammar of
Russian government (Русская грамматика, АН СССР 1980, verbs and nouns that take a genitive
object of avoidance, fear and demand), not from any text at hand.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kartoteka.extract.modality import Modality

if TYPE_CHECKING:
    from kartoteka.extract.ru.subjects import SubjectFinder
    from kartoteka.model import Mention

# A possessive or a few words may stand between the governing word and the noun:
# "избежал ареста", "избежал тогда ареста", "слухи о его расстреле".
_TAIL = r"\s+(?:[^\W\d_]+\s+){0,2}?(?:(?:его|её|ее|их)\s+)?$"
_NOMINAL_CUES: tuple[tuple[Modality, re.Pattern[str]], ...] = tuple(
    (modality, re.compile(pattern + _TAIL, re.I)) for modality, pattern in (
        # avoidance says it did not happen: "избежал ареста", "спасся от расстрела"
        (Modality.DENIED, r"\b(?:избе[жг][^\W\d_]*|спас(?:ся|лась|лись|ти)?\s+от|"
                          r"уберег[^\W\d_]*\s+от|уберёг[^\W\d_]*\s+от|избав[^\W\d_]*\s+от|"
                          r"ускольз[^\W\d_]*\s+от|без)"),
        # a sentence, warrant or demand asks for it: "к расстрелу", "ордер на арест"
        (Modality.ORDERED, r"(?:(?<![\w-])(?:к|на)|\b(?:(?:по)?требова[^\W\d_]*|требу[^\W\d_]*|"
                           r"приказ[^\W\d_]*|санкци[^\W\d_]*|ордер[^\W\d_]*|"
                           r"добива[^\W\d_]*|настаива[^\W\d_]*\s+на))"),
        # fear and threat: "угроза ареста", "боялся ареста", "в ожидании ареста"
        (Modality.FEARED, r"\b(?:угроз[^\W\d_]*|грози[^\W\d_]*|боя[лв][^\W\d_]*|бои[тш][^\W\d_]*|"
                          r"опаса[^\W\d_]*|опасени[^\W\d_]*|опасност[^\W\d_]*|страх[^\W\d_]*|"
                          r"ожидани[^\W\d_]*|ожида[^\W\d_]*|жд[ауе][^\W\d_]*|"
                          r"накануне\s+возможного)"),
        # prevention: "помешала аресту", "предотвратил расстрел" (verbs of hindering, Русская
        # грамматика 1980: помешать + dative, предотвратить + accusative)
        (Modality.HYPOTHETICAL, r"\b(?:помеша[^\W\d_]*|препятствова[^\W\d_]*|"
                                r"воспрепятствова[^\W\d_]*|предотврат[^\W\d_]*|"
                                r"предотвращ[^\W\d_]*)"),
        # plans: "план ареста", "готовили арест"
        (Modality.INTENDED, r"\b(?:план[^\W\d_]*|подготовк[^\W\d_]*|готови[^\W\d_]*|"
                            r"собира[^\W\d_]*)"),
        # rumours and reports: "слухи о его расстреле", "сообщение о гибели"
        (Modality.RUMOUR, r"\bслух[^\W\d_]*\s+(?:[^\W\d_]+\s+)?об?"),
        (Modality.REPORTED, r"\b(?:сообщени[^\W\d_]*|извести[^\W\d_]*|вест[ьи]|сведени[^\W\d_]*|"
                            r"верси[^\W\d_]*|говорил[^\W\d_]*|писал[^\W\d_]*)\s+(?:[^\W\d_]+\s+)?об?"),
    ))
_REACH = 60
# "до ареста", "после ареста": the noun is a time of the clause's subject's life.
_TIME_PREPOSITION = re.compile(r"(?<![\w-])(?:до|после|перед|накануне|со\s+дня|с\s+момента|"
                               r"в\s+день|во\s+время|вплоть\s+до)\s+$", re.I)


# The noun as the object or subject of a verb that puts it off or cancels it, after it in its
# clause: "расстрел Сидорова отложили", "арест отменили", "казнь не состоялась".
_STOPPED_AFTER = re.compile(
    r"^[^,;:.!?]*?(?<![\w-])(?:отлож|отмен|отсроч|приостанов|перенес|перенёс|"
    r"не\s+состоял)[^\W\d_]*", re.I)


def nominal_modality(text: str, sentence_start: int, trigger_start: int,
                     trigger_end: int | None = None,
                     sentence_end: int | None = None) -> Modality | None:
    """The class the word governing a fate noun gives it, or None when nothing governs it."""
    before = text[max(sentence_start, trigger_start - _REACH):trigger_start]
    for modality, cue in _NOMINAL_CUES:
        if cue.search(before):
            return modality
    if trigger_end is not None and sentence_end is not None and _STOPPED_AFTER.match(
            text[trigger_end:sentence_end]):
        return Modality.HYPOTHETICAL  # put off or cancelled: it did not happen then
    return None


def nominal_subjects(finder: SubjectFinder, head: int) -> list[Mention]:
    """Whose fate the noun at token ``head`` names: its genitive person or possessive, else,
    after "до/после", the subject of the clause it dates; else nobody."""
    ctx = finder.ctx
    tok = ctx.tokens[head]
    people: list[Mention] = []
    for c in ctx.children(head):
        child = ctx.tokens[c]
        if c < head and child.text.lower() not in ("его", "её", "ее", "их"):
            continue  # a word before the noun is no genitive of it ("Петрова арест" is rare)
        if child.rel in ("nmod", "det", "nmod:poss", "appos", "flat:name") and (
                child.feats.get("Case") in (None, "Gen") or c in ctx.person_at):
            people += finder.persons_for(c)
    if people or tok.head is None:
        return list({m.id: m for m in people}.values())
    if _TIME_PREPOSITION.search(ctx.text[max(0, tok.start - 20):tok.start]):
        for c in ctx.children(tok.head):
            if ctx.tokens[c].rel.startswith("nsubj"):
                people += finder.persons_for(c)
    return list({m.id: m for m in people}.values())


__all__ = ["nominal_modality", "nominal_subjects"]
