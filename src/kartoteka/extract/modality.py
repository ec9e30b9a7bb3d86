"""The modality gate every candidate claim passes before it is asserted, in every language.

A sentence that names an event does not always say it happened: "he was not arrested" denies
it, "it was said that he had been shot, which proved false" refutes a rumour, "they planned to
shoot him" and "he feared arrest" say nothing of what followed, "charged with plotting to kill
Kirov" reports an accusation. Each language's extractor decides which class a candidate
belongs to (its cue words live in its own lexicon); this module alone decides what each class
becomes, so English and Russian cannot drift apart:

- asserted: an affirmed claim at the extractor's confidence; where the narrator hedges it
  ("probably", "вероятно") at most ``HEDGE_CONFIDENCE``, marked ``attrs["hedged"]`` (``hedge``);
- denied, refuted_rumour: a negated claim (a denial is information: "not shot for the time being");
- rumour, charged, reported: an affirmed claim hedged below ``REPORTED_CONFIDENCE``, which is
  under the line the web UI uses to send claims to review, and marked ``attrs["modality"]``;
- hypothetical, intended, feared, ordered, question: no claim at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kartoteka.model import Claim


class Modality(StrEnum):
    ASSERTED = "asserted"
    DENIED = "denied"
    REFUTED_RUMOUR = "refuted_rumour"
    RUMOUR = "rumour"
    CHARGED = "charged"  # an accusation or charge: "charged with plotting to assassinate"
    REPORTED = "reported"  # reported speech not vouched for: "the newspapers wrote that"
    HYPOTHETICAL = "hypothetical"  # conditions and possibilities: "if he had", "could have been"
    INTENDED = "intended"  # plans and intentions: "they planned to shoot him"
    FEARED = "feared"  # fears and expectations: "feared it would mean his arrest"
    ORDERED = "ordered"  # orders and demands: "ordered that he be shot"
    QUESTION = "question"  # "Was he shot?"


# Below the web UI's review line (0.6): such claims are shown as "reported", never as facts.
REPORTED_CONFIDENCE = 0.35
# The narrator's own doubt ("probably", "possibly"; "вероятно", "возможно", "по-видимому"): the
# claim stays asserted, marked hedged, at most this sure (under the review line, above reports).
HEDGE_CONFIDENCE = 0.5

NEGATING: frozenset[Modality] = frozenset({Modality.DENIED, Modality.REFUTED_RUMOUR})
HEDGING: frozenset[Modality] = frozenset({Modality.RUMOUR, Modality.CHARGED, Modality.REPORTED})
DROPPING: frozenset[Modality] = frozenset({
    Modality.HYPOTHETICAL, Modality.INTENDED, Modality.FEARED, Modality.ORDERED,
    Modality.QUESTION,
})


@dataclass(frozen=True)
class Verdict:
    """What the gate makes of a candidate: kept or not, with which polarity and confidence."""

    keep: bool
    polarity: str = "affirmed"
    confidence: float = 0.0
    hedged: bool = False


def judge(modality: Modality, *, confidence: float, polarity: str = "affirmed") -> Verdict:
    """The verdict for a candidate of ``modality`` that the extractor rated ``confidence``.

    ``polarity`` is the candidate's own (a grammatical negation the extractor already saw); a
    denied or refuted statement is negated whatever it was.
    """
    if modality in DROPPING:
        return Verdict(keep=False)
    if modality in NEGATING:
        return Verdict(keep=True, polarity="negated", confidence=confidence)
    if modality in HEDGING:
        return Verdict(keep=True, polarity=polarity,
                       confidence=min(confidence, REPORTED_CONFIDENCE), hedged=True)
    return Verdict(keep=True, polarity=polarity, confidence=confidence)


def gate(claim: Claim, modality: Modality) -> Claim | None:
    """``claim`` as the gate lets it through (polarity, confidence, marks), or None."""
    verdict = judge(modality, confidence=claim.confidence, polarity=claim.polarity)
    if not verdict.keep:
        return None
    claim.polarity = verdict.polarity  # type: ignore[assignment]
    claim.confidence = verdict.confidence
    if modality is not Modality.ASSERTED:
        claim.attrs["modality"] = modality.value
    if verdict.hedged:
        claim.attrs["hedged"] = True
    return claim


def hedge(claim: Claim) -> Claim:
    """``claim`` asserted under the narrator's doubt: kept, hedged, at most HEDGE_CONFIDENCE."""
    claim.confidence = min(claim.confidence, HEDGE_CONFIDENCE)
    claim.attrs["hedged"] = True
    return claim


__all__ = ["HEDGE_CONFIDENCE", "Modality", "REPORTED_CONFIDENCE", "Verdict", "gate", "hedge",
           "judge"]
