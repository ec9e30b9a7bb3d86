"""Rumours and their denials: "говорили, будто Сомова расстреляли ещё в 1939 году. Это оказалось
неправдой".

A fate told as a rumour ("говорили, будто", "ходили слухи", "по слухам", "якобы") is hedged: a
claim with low confidence and ``attrs["hedged"]``. A denial that follows it ("Это оказалось
неправдой", "это неправда", "на самом деле …") turns it into a negated claim, never an affirmed
one. Patterns are data; the two functions say where they apply.
"""

from __future__ import annotations

import re

from kartoteka.model import Claim, Span

HEDGED_CONFIDENCE = 0.3

# A rumour marker governs the triggers after it in its sentence.
RUMOUR = re.compile(
    r"(?<![\w-])(?:якобы|будто(?:\s+бы)?|по\s+слухам|слух(?:и|ам)?\s+(?:ходил[иа]?|шли)|"
    r"ходил[иа]?\s+слух(?:и|ов)?|(?:пошли|распространил(?:ись|ся))\s+слух(?:и|ов)?|"
    r"(?:говорили|говорят|поговаривали|шептались|болтали|судачили|пишут|писали|утверждают|"
    r"утверждали|считается|считалось|принято\s+считать)\s*,?\s*(?:что|будто)|"
    # the same verbs as a parenthesis: "Петрова, как говорили, расстреляли"
    r"как\s+(?:говорили|говорят|поговаривали|рассказывали|передавали)\s*,|"
    # an indefinite-personal verb of saying as a parenthesis, with no "как" and no "что"
    # (вводное слово of the message's source, Русская грамматика 1980 §2226): "Обоих, говорят,
    # расстреляли", "Говорят, его расстреляли"; the plural with no subject is hearsay
    r"(?:говорят|говорили|рассказывают|рассказывали|передают|передавали|поговаривают|"
    r"поговаривали)\s*,|"
    # the noun of rumour with its content clause: "слух о том, что …", "был слух, будто …"
    r"слух(?:и|а|ов)?\s*(?:о\s+том\s*)?,?\s*(?:что|будто)|"
    r"по\s+(?:непроверенным|неподтвержд[её]нным|неофициальным)\s+(?:данным|сведениям)|"
    # accounts that compete: "ходили две версии: одна — что …", "по одной из версий", "по
    # официальной версии" (the version the family was given is not what happened)
    r"(?:две|три|несколько|разные|различные|противоречивые|противоположные)\s+"
    r"(?:верси[ийя]|рассказ(?:ы|а|ов)|истори[ийя]|слух(?:и|а|ов))|"
    r"по\s+(?:одной|другой|иной|официальной|некоторым|другим)\s+(?:из\s+)?верси(?:и|ям|й))"
    r"(?![\w-])", re.I)
# "расстрелян, якобы, в 1939 году": a marker right after the trigger, in its clause.
# "расстреляли, говорят, в 1938 году": the parenthesis right after the trigger, too.
_SAYING_PARENTHESIS = (r"(?:как\s+)?(?:говорят|говорили|рассказывают|рассказывали|передают|"
                       r"передавали|поговаривают|поговаривали)\s*[,.;]")
RUMOUR_AFTER = re.compile(r"\s*,?\s*(?:якобы|будто\s+бы)(?![\w-])|"
                          rf"\s*,\s*{_SAYING_PARENTHESIS}", re.I)

# "Это оказалось неправдой", "слухи не подтвердились": the statement before is false. Never
# before ", что …" / ", будто …", which points forward ("Это неправда, что его арестовали").
_DENIAL_CORE = (
    r"(?:(?:это|эт[иот]\s+слух[иа]?|слух[иа]?|вс[её]\s+это|эт[оа]\s+(?:весть|известие|сведения))"
    r"\s+(?:(?:оказал(?:ось|ся|ась|ись)|было|был[аи]?)\s+)?"
    r"(?:неправдой|неправда|ложью|ложь|ложным[иы]?|вымыслом|выдумкой|не\s+так|"
    r"не\s+подтвердил(?:ось|ся|ась|ись)|не\s+соответствовал[оаи]?\s+действительности|"
    r"не\s+соответству(?:ет|ют)\s+действительности))"
    r"(?!\s*,?\s*(?:что|будто|чтобы)(?![\w-]))")
DENIAL = re.compile(rf"[\s«\"(—–-]*(?:(?:но|однако)\s*,?\s*)?{_DENIAL_CORE}", re.I)
# After the rumour in its own sentence: "…, но это оказалось неправдой".
DENIAL_IN_SENTENCE = re.compile(rf"[,;:—–-]\s*(?:(?:но|однако)\s*,?\s*)?{_DENIAL_CORE}", re.I)
# "Слух о том, что его расстреляли, оказался ложным": the rumour noun before the trigger is the
# subject of a bare predicate after it. Applied to rumours only: "по доносу, который оказался
# ложным" says nothing of the arrest it led to.
BARE_DENIAL = re.compile(r"[,;:—–-]?\s*(?:(?:но|однако)\s*,?\s*)?(?:оказал(?:ось|ся|ась|ись)\s+"
                         r"(?:неправдой|ложью|ложным[иы]?|вымыслом|выдумкой|ошибкой|"
                         r"ошибочным[иы]?)|не\s+подтвердил(?:ось|ся|ась|ись))(?![\w-])", re.I)
# The correction itself, anywhere in a sentence: what follows it is told as fact.
CORRECTION_WORDS = re.compile(r"(?<![\w-])(?:на\s+самом\s+деле|в\s+действительности|"
                              r"в\s+реальности)(?![\w-])", re.I)
# A contrast after the rumour is the narrator's own clause: "Говорили, что его расстреляли,
# однако он вернулся в 1956 году" (the rumour does not reach past it).
CONTRAST = re.compile(r"[,;]\s*(?:но|однако)(?![\w-])", re.I)
# After the rumour in its own sentence: "…, но на самом деле он умер на Колыме".
CORRECTION_IN_SENTENCE = re.compile(r"[,;:—–-]\s*(?:но|однако|а)\s*,?\s*(?:на\s+самом\s+деле|"
                                    r"в\s+действительности|в\s+реальности)(?![\w-])", re.I)
# "На самом деле его расстреляли в 1940 году": a correction; it denies a rumour only.
CORRECTION = re.compile(r"[\s«\"(—–-]*(?:(?:но|однако)\s*,?\s*)?(?:на\s+самом\s+деле|"
                        r"в\s+действительности|в\s+реальности|в\s+действительности\s+же)"
                        r"(?![\w-])", re.I)

# "Говорили, что его расстреляли, но он был жив" / next sentence "На самом деле он остался жив":
# the one the rumour killed is said to be alive. Against a rumour only (a fact told and then
# "он был жив" at another time is no denial).
_ALIVE = (r"(?:(?:(?:он|она|они)\s+)?(?:(?:был[аи]?|оказал(?:ся|ась|ись)|остал(?:ся|ась|ись))\s+)?"
          r"(?:жив[аы]?|в\s+живых)(?![\w-])|(?:(?:он|она|они)\s+)?выжил[аи]?(?![\w-]))")
ALIVE_IN_SENTENCE = re.compile(
    rf"[,;:—–-]\s*(?:но|однако|а)\s*,?\s*(?:на\s+самом\s+деле\s*,?\s*|"
    rf"в\s+действительности\s*,?\s*)?{_ALIVE}", re.I)
ALIVE_NEXT = re.compile(
    rf"[\s«\"(—–-]*(?:(?:но|однако)\s*,?\s*)?(?:на\s+самом\s+деле\s*,?\s*|"
    rf"в\s+действительности\s*,?\s*)?{_ALIVE}", re.I)


def rumour_before(text: str, sentence_start: int, trigger_start: int, trigger_end: int,
                  clause_end: int) -> str | None:
    """The rumour marker that governs a trigger: before it in its sentence, or "якобы" right
    after it. None when the trigger is told as fact, or a correction ("но на самом деле")
    stands between the marker and the trigger: that clause corrects the rumour."""
    found = list(RUMOUR.finditer(text, sentence_start, trigger_start))
    if found:
        if CORRECTION_WORDS.search(text, found[-1].end(), trigger_start) or CONTRAST.search(
                text, found[-1].end(), trigger_start):
            return None
        return found[-1].group(0)
    after = RUMOUR_AFTER.match(text, trigger_end, clause_end)
    return after.group(0).strip(" ,") if after else None


def denial_in(text: str, start: int, end: int, *, hedged: bool = False) -> bool:
    """True when ``text[start:end]`` (the rest of a sentence after a trigger) denies it; a
    rumour also by a bare predicate ("…, оказался ложным")."""
    return DENIAL_IN_SENTENCE.search(text, start, end) is not None or (
        hedged and (BARE_DENIAL.search(text, start, end) is not None
                    or ALIVE_IN_SENTENCE.search(text, start, end) is not None
                    or CORRECTION_IN_SENTENCE.search(text, start, end) is not None))


def denies_previous(text: str, start: int, end: int, *, hedged: bool) -> bool:
    """True when the sentence ``text[start:end]`` opens by denying the one before it. A
    correction ("на самом деле") counts against a rumour only."""
    if DENIAL.match(text, start, end):
        return True
    return hedged and (CORRECTION.match(text, start, end) is not None
                       or ALIVE_NEXT.match(text, start, end) is not None)


def deny(text: str, sentence: tuple[int, int], following: tuple[int, int] | None,
         made: list[tuple[Claim, int, float]]) -> None:
    """A denial after a sentence's claims ("Это оказалось неправдой") negates them: its rumours
    when it has any, else all of them. ``made``: (claim, its trigger's end, the trigger's own
    confidence) for each claim of the sentence; ``following``: the next sentence's span."""
    if following is not None and re.search(r"\n[ \t]*\n", text[sentence[1]:following[0]]):
        following = None  # a new paragraph answers nothing before it
    rumours = any(c.attrs.get("hedged") for c, _, _ in made)
    for claim, trigger_end, confidence in made:
        hedged = bool(claim.attrs.get("hedged"))
        if claim.polarity == "negated" or (rumours and not hedged):
            continue
        if denial_in(text, trigger_end, sentence[1], hedged=hedged):
            pass
        elif following is not None and denies_previous(text, *following, hedged=hedged):
            claim.evidence.append(Span(*following))
        else:
            continue
        claim.polarity = "negated"
        claim.confidence = confidence  # the denial is the narrator's own word
        claim.attrs["denied"] = True
