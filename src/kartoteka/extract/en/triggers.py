"""Trigger words for English claims, keyed by claim-type id (see vocabulary.yaml).

Data only; claims.py and relations.py hold the rules. A verb trigger says which argument
is the person the event happens to: PATIENT verbs ("X was arrested", "they shot X") take
the passive subject or the object; AGENT verbs ("X defected", "X died") take the subject.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

PATIENT = "patient"
AGENT = "agent"


@dataclass(frozen=True)
class VerbTrigger:
    type: str
    argument: str  # PATIENT | AGENT
    confidence: float = 0.8
    needs: tuple[str, ...] = ()  # extra words that must hang on the verb ("away", "from:post")
    euphemism: bool = False


# Verbs whose repetition is the same event again: "re-arrested", "rearrested" (Merriam-Webster
# lists "rearrest"; the prefix "re-" = "again", Quirk et al., App. I.2). The tokenizer keeps the
# hyphenated forms whole (else "re" becomes the verb) and `trigger_lemma` strips the prefix.
REPEATABLE_VERBS = ("arrest", "detain", "imprison", "exile", "deport")
REPEATED_FORMS = tuple(f"{cap}e-{verb}{end}" for cap in ("r", "R") for verb in REPEATABLE_VERBS
                       for end in ("", "s", "ed", "ing"))


def trigger_lemma(lemma: str) -> str:
    """The trigger key of a verb lemma: "re-arrest", "rearreste" (the lemmatizer's guess for
    "rearrested") -> "arrest"; any other lemma unchanged (lower-cased)."""
    low = lemma.lower()
    for prefix in ("re-", "re"):
        rest = low[len(prefix):] if low.startswith(prefix) else ""
        for stem in (rest, rest[:-1] if rest.endswith("e") else ""):
            if stem in REPEATABLE_VERBS:
                return stem
    return low


# Verb lemma -> the claims it can trigger (the first whose `needs` are met wins).
VERB_TRIGGERS: dict[str, tuple[VerbTrigger, ...]] = {
    "arrest": (VerbTrigger("arrest", PATIENT),),
    "detain": (VerbTrigger("arrest", PATIENT),),
    "imprison": (VerbTrigger("arrest", PATIENT, 0.7),),
    "take": (VerbTrigger("arrest", PATIENT, 0.6, ("prt:away", "custody"), euphemism=True),
             VerbTrigger("arrest", PATIENT, 0.7, ("prep:into:custody",)),
             # "X's life was taken", "took the lives of A and B" (life_claims in the catalogue)
             VerbTrigger("death", PATIENT, 0.7, ("patient:life",), euphemism=True),
             VerbTrigger("appointment", AGENT, 0.7, ("dobj:titled-post",))),
    # "got the post of deputy head", "received the post of commissar"
    "get": (VerbTrigger("appointment", AGENT, 0.7, ("dobj:titled-post",)),
            VerbTrigger("sentence", AGENT, 0.6, ("calque:term",))),  # "got ten years"
    # calques of Russian (calques.py): "was subjected to the highest measure" (executed),
    # "went to the camps", "was sent to the camps" (imprisoned)
    "subject": (VerbTrigger("execution", PATIENT, 0.7, ("calque:highest-measure", "passive"),
                            euphemism=True),),
    "go": (VerbTrigger("arrest", AGENT, 0.6, ("calque:confinement",), euphemism=True),),
    "end": (VerbTrigger("arrest", AGENT, 0.6, ("prt:up", "calque:confinement"),
                        euphemism=True),),
    "give": (VerbTrigger("sentence", PATIENT, 0.6, ("calque:term", "passive")),
             # "was given the death penalty", "given a death sentence"
             VerbTrigger("sentence", PATIENT, 0.7, ("dobj:penalty", "passive")),
             VerbTrigger("sentence", PATIENT, 0.7, ("dobj:sentence", "passive"))),
    "assume": (VerbTrigger("appointment", AGENT, 0.7, ("dobj:titled-post",)),),
    "place": (VerbTrigger("arrest", PATIENT, 0.8, ("prep:under:arrest",)),),
    "put": (VerbTrigger("arrest", PATIENT, 0.8, ("prep:under:arrest",)),
            VerbTrigger("execution", PATIENT, 0.8, ("prep:to:death",)),  # "was put to death"
            VerbTrigger("trial", PATIENT, 0.8, ("prep:on:trial",))),
    # "threw himself out of the window", "under a train" (Russian "выбросился из окна")
    "throw": (VerbTrigger("suicide", AGENT, 0.75, ("reflexive", "plunge")),
              VerbTrigger("arrest", PATIENT, 0.7, ("prep:into:prison",))),
    "jump": (VerbTrigger("suicide", AGENT, 0.55, ("plunge",)),),  # or an escape: for review
    # "stripped of his rank", "deprived of his post" (Russian "лишён звания")
    "strip": (VerbTrigger("dismissal", PATIENT, 0.8, ("prep:of:post",)),),
    "deprive": (VerbTrigger("dismissal", PATIENT, 0.8, ("prep:of:post",)),),
    "cast": (VerbTrigger("arrest", PATIENT, 0.7, ("prep:into:prison",)),),
    "pick": (VerbTrigger("arrest", PATIENT, 0.5, ("prt:up",), euphemism=True),),
    "execute": (VerbTrigger("execution", PATIENT),),
    "shoot": (VerbTrigger("execution", PATIENT, 0.75),),
    "liquidate": (VerbTrigger("execution", PATIENT, 0.7, euphemism=True),),
    "devour": (VerbTrigger("execution", PATIENT, 0.6, euphemism=True),),
    "exterminate": (VerbTrigger("execution", PATIENT, 0.7, euphemism=True),),
    "eliminate": (VerbTrigger("execution", PATIENT, 0.5, euphemism=True),),
    # "purged", "fell victim to the purge": repressed, which says arrest, not how it ended
    "purge": (VerbTrigger("arrest", PATIENT, 0.4, euphemism=True),),
    "repress": (VerbTrigger("arrest", PATIENT, 0.5, euphemism=True),),
    "suppress": (VerbTrigger("arrest", PATIENT, 0.4, euphemism=True),),
    "kill": (VerbTrigger("death", PATIENT, 0.7),),
    # a resultative "to death" (Quirk et al. §16.79: "beaten to death", "froze to death") and
    # "found dead": a death the verb alone does not tell
    **{verb: (VerbTrigger("death", PATIENT, 0.75, ("prep:to:death",)),)
       for verb in ("beat", "torture", "club", "flog", "kick", "trample", "work")},
    **{verb: (VerbTrigger("death", PATIENT, 0.75, ("prep:to:death", "passive")),
              VerbTrigger("death", AGENT, 0.75, ("prep:to:death",)))
       for verb in ("starve", "freeze")},
    "find": (VerbTrigger("death", PATIENT, 0.7, ("comp:dead|hanged|drowned",)),),
    # back from the camp, prison or exile: set free (or escaped; the text says which)
    "return": (VerbTrigger("release", AGENT, 0.6, ("prep:from:confinement",)),),
    "come": (VerbTrigger("release", AGENT, 0.6, ("prt:back", "prep:from:confinement")),),
    "murder": (VerbTrigger("death", PATIENT, 0.8),),
    "poison": (VerbTrigger("death", PATIENT, 0.6),),  # "poisoned himself": a suicide
    "assassinate": (VerbTrigger("death", PATIENT, 0.8),),
    "die": (VerbTrigger("death", AGENT),),
    "perish": (VerbTrigger("death", AGENT, 0.7),),
    "defect": (VerbTrigger("defection", AGENT),),
    # "refused to return", "sought asylum": the defector's own verbs
    "refuse": (VerbTrigger("defection", AGENT, 0.7, ("xcomp:return",)),),
    "seek": (VerbTrigger("defection", AGENT, 0.7, ("dobj:asylum",)),),
    "request": (VerbTrigger("defection", AGENT, 0.6, ("dobj:asylum",)),),
    "receive": (VerbTrigger("defection", AGENT, 0.7, ("dobj:asylum",)),
                VerbTrigger("appointment", AGENT, 0.7, ("dobj:titled-post",)),
                VerbTrigger("sentence", AGENT, 0.6, ("calque:term",))),
    "obtain": (VerbTrigger("defection", AGENT, 0.7, ("dobj:asylum",)),),
    "ask": (VerbTrigger("defection", AGENT, 0.6, ("prep:for:asylum",)),),
    "apply": (VerbTrigger("defection", AGENT, 0.6, ("prep:for:asylum",)),),
    # "left Stalin's regime", "broke with the regime": an official's break abroad
    "leave": (VerbTrigger("defection", AGENT, 0.6, ("dobj:regime",)),),
    "break": (VerbTrigger("defection", AGENT, 0.6, ("prep:with:regime",)),
              VerbTrigger("defection", AGENT, 0.6, ("prep:from:regime",))),  # "broke from the GPU"
    "flee": (VerbTrigger("escape", AGENT, 0.7),),
    "escape": (VerbTrigger("escape", AGENT, 0.7),),
    "appoint": (VerbTrigger("appointment", PATIENT),),
    "name": (VerbTrigger("appointment", PATIENT, 0.8, ("role", "passive")),),
    "make": (VerbTrigger("appointment", PATIENT, 0.7, ("role", "passive")),),
    "promote": (VerbTrigger("appointment", PATIENT, 0.8),),
    "elect": (VerbTrigger("appointment", PATIENT, 0.8, ("role",)),),
    "assign": (VerbTrigger("appointment", PATIENT, 0.6, ("passive",)),),
    "send": (VerbTrigger("appointment", PATIENT, 0.6, ("prep:as", "passive")),
             # "sent to the camps for eight years": a term, so a sentence (role: the term)
             VerbTrigger("sentence", PATIENT, 0.6, ("calque:confinement", "calque:for-term")),
             VerbTrigger("arrest", PATIENT, 0.6, ("calque:confinement",), euphemism=True),
             # "sent to a special settlement": exile (the vocabulary's expulsion, deportation)
             VerbTrigger("expulsion", PATIENT, 0.7, ("calque:special-settlement",))),
    "become": (VerbTrigger("appointment", AGENT, 0.8, ("role",)),),
    "dismiss": (VerbTrigger("dismissal", PATIENT),),
    "remove": (VerbTrigger("dismissal", PATIENT, 0.8, ("prep:from:post",)),),
    "oust": (VerbTrigger("dismissal", PATIENT),),
    "relieve": (VerbTrigger("dismissal", PATIENT, 0.8, ("prep:of:post",)),),
    "sack": (VerbTrigger("dismissal", PATIENT),),
    "demote": (VerbTrigger("dismissal", PATIENT, 0.7),),
    "replace": (VerbTrigger("dismissal", PATIENT, 0.7, ("passive",)),
                # "X replaced Y as head of Z", "X succeeded Y as head of Z": X took the post
                VerbTrigger("appointment", AGENT, 0.7, ("prep:as",))),
    "succeed": (VerbTrigger("appointment", AGENT, 0.7, ("prep:as",)),),
    "resign": (VerbTrigger("dismissal", AGENT, 0.7),),
    "lose": (VerbTrigger("dismissal", AGENT, 0.7, ("dobj:post",)),
             VerbTrigger("death", AGENT, 0.8, ("dobj:life",))),  # "lost his life"
    "transfer": (VerbTrigger("transfer", PATIENT),),
    "reassign": (VerbTrigger("transfer", PATIENT),),
    "expel": (VerbTrigger("expulsion", PATIENT),),
    "deport": (VerbTrigger("expulsion", PATIENT),),
    "exile": (VerbTrigger("expulsion", PATIENT),),
    "banish": (VerbTrigger("expulsion", PATIENT),),
    "try": (VerbTrigger("trial", PATIENT, 0.8, ("passive",)),),
    "sentence": (VerbTrigger("sentence", PATIENT),),
    "condemn": (VerbTrigger("sentence", PATIENT, 0.7, ("prep:to",)),),
    "convict": (VerbTrigger("sentence", PATIENT, 0.7),),
    "release": (VerbTrigger("release", PATIENT),),
    "free": (VerbTrigger("release", PATIENT, 0.7, ("passive",)),),
    "rehabilitate": (VerbTrigger("rehabilitation", PATIENT),),
    "exonerate": (VerbTrigger("rehabilitation", PATIENT, 0.7),),
    "bear": (VerbTrigger("birth", PATIENT, 0.9, ("passive",)),),
    "commit": (VerbTrigger("suicide", AGENT, 0.9, ("dobj:suicide",)),),
    "fall": (VerbTrigger("arrest", AGENT, 0.5, ("victim",), euphemism=True),),
}


# Where a person "taken away" is taken for care, not into custody (WordNet's hyponyms of
# medical_institution.n.01 and orphanage.n.01, and ambulance.n.01, the doctors who come with
# it; a relative, lexicon.KIN_NOUNS, is read beside them): "taken away to an orphanage",
# "taken away by ambulance", "taken away to her grandmother" are no arrest.
CARE_NOUNS: frozenset[str] = frozenset({
    "hospital", "clinic", "infirmary", "sanatorium", "sanitarium", "asylum", "orphanage",
    "home", "kindergarten", "nursery", "ambulance", "doctor", "doctors"})


# Past participles of the trigger verbs that differ from lemma + "-ed" (the irregular-verb table
# of any English grammar, e.g. Quirk et al., App. 3): the small model tags a bare "shot" after
# "guilty and" as a noun, so its lemma cannot be trusted there.
IRREGULAR_PARTICIPLES: dict[str, str] = {
    "shot": "shoot", "taken": "take", "thrown": "throw", "cast": "cast", "put": "put",
    "sent": "send", "made": "make", "lost": "lose", "tried": "try", "fled": "flee",
    "sought": "seek", "born": "bear", "hanged": "hang", "hung": "hang",
}


def participle_lemma(tok: Token) -> str | None:
    """The verb a past-participle form belongs to, whatever tag it was given."""
    low = tok.lower_
    if low in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[low]
    for cut in (2, 1):  # "executed" -> "execute" / "arrested" -> "arrest"
        if low.endswith("ed") and low[:-cut] in VERB_TRIGGERS:
            return low[:-cut]
    return None


# Idioms of fate verbs that are no fate (the phrasal-verb and collocation entries of the Oxford
# and Collins learner's dictionaries): "shot up from his seat", "shot out of the room", "shot
# a glance at", "killed time", "executed a manoeuvre", "the fire died down".
IDIOM_PARTICLES: dict[str, frozenset[str]] = {
    "shoot": frozenset({"up", "off", "out", "past", "through", "forward", "back", "across",
                        "by", "away", "around", "round", "ahead", "in", "into"}),
    "die": frozenset({"down", "away", "out", "off"}),
    "fall": frozenset({"asleep", "silent", "ill", "back", "behind", "apart", "out"}),
}
IDIOM_OBJECTS: dict[str, frozenset[str]] = {
    "shoot": frozenset({"glance", "look", "smile", "question", "film", "picture",
                        "photograph", "scene", "movie", "footage", "arrow", "bolt", "dart",
                        "gaze", "grin", "frown", "eye", "breeze"}),
    "kill": frozenset({"time", "hour", "hours", "evening", "idea", "plan", "engine", "light",
                       "lights", "conversation", "mood", "bill", "motion", "proposal"}),
    "execute": frozenset({"order", "orders", "plan", "manoeuvre", "maneuver", "task",
                          "command", "will", "contract", "duty", "duties", "operation"}),
    "liquidate": frozenset({"company", "business", "debt", "debts", "asset", "assets",
                            "firm", "fund", "holding", "holdings", "illiteracy"}),
    "eliminate": frozenset({"error", "errors", "illiteracy", "shortcoming", "shortcomings",
                            "deficiency", "deficiencies", "need", "possibility"}),
}

# "Purge" has two senses (Oxford, Merriam-Webster): repress, and remove from an organisation.
# "purged from the party" and "removed from his post and purged" are the second: the removal,
# told already or by "from", and no arrest.
REMOVAL_SENSE_VERBS: frozenset[str] = frozenset({"purge"})
REMOVAL_CLAIMS: frozenset[str] = frozenset({"dismissal", "expulsion"})

# An execution is the state's act: told in the passive or with a body or a plural as agent
# ("the NKVD shot X", "the guards shot X"). An active "shoot" whose subject is one individual
# (he, she, a named person) tells a killing ("the assassin shot X in the back"): a death.
KILLING_VERBS: frozenset[str] = frozenset({"shoot"})
SINGULAR_PERSONAL: frozenset[str] = frozenset({"he", "she"})
# One person who kills on his own account (WordNet 3.0, killer.n.01 and its hyponyms): "shot
# by a gunman" is a killing, never an execution, which is the state's act.
LONE_KILLERS: frozenset[str] = frozenset({"killer", "gunman", "assassin", "murderer",
                                          "sniper", "slayer", "hitman", "cutthroat"})

# Objects that turn a verb into another claim: "shot himself" is a suicide, not an execution.
REFLEXIVE_SUICIDE_VERBS: frozenset[str] = frozenset({"shoot", "kill", "hang", "poison"})
REFLEXIVES: frozenset[str] = frozenset({"himself", "herself", "themselves", "myself"})
SUICIDE_NOUNS: frozenset[str] = frozenset({"suicide", "life"})  # "took his own life"

# Nouns that are events of their possessor or of-object ("the arrest of the Karins").
NOUN_TRIGGERS: dict[str, tuple[str, float]] = {
    "arrest": ("arrest", 0.8), "execution": ("execution", 0.8), "death": ("death", 0.7),
    "suicide": ("suicide", 0.8), "defection": ("defection", 0.8),
    "appointment": ("appointment", 0.8), "dismissal": ("dismissal", 0.8),
    "removal": ("dismissal", 0.7), "transfer": ("transfer", 0.8),
    "expulsion": ("expulsion", 0.8), "deportation": ("expulsion", 0.8),
    "trial": ("trial", 0.7), "release": ("release", 0.8),
    "rehabilitation": ("rehabilitation", 0.8), "escape": ("escape", 0.7),
    "birth": ("birth", 0.8), "murder": ("death", 0.8), "assassination": ("death", 0.8),
    "liquidation": ("execution", 0.6), "shooting": ("execution", 0.7),
}
# Nouns that, as the verb's object, name a post ("removed from his post", "lost his position").
POST_NOUNS: frozenset[str] = frozenset({
    "post", "position", "office", "power", "job", "duty", "duties", "command", "leadership",
    "rank", "ranks", "membership", "seat", "posts", "positions",
})
# Where one throws oneself to die: out of a window, under a train (the suicides of the purges
# as memoirs tell them; Russian "выбросился из окна", "бросился под поезд").
PLUNGE_NOUNS: frozenset[str] = frozenset({"window", "train", "balcony", "stairwell", "roof"})
# Places of confinement ("thrown into prison", "cast into a cell": an arrest).
PRISON_NOUNS: frozenset[str] = frozenset({"prison", "jail", "gaol", "cell", "dungeon",
                                          "camp", "custody", "lockup"})
# Where one comes back from when set free: confinement and banishment.
CONFINEMENT_NOUNS: frozenset[str] = PRISON_NOUNS | {"exile", "imprisonment", "confinement",
                                                    "gulag", "captivity"}
# The body of a person stands for the person: "X's body was found shot".
BODY_NOUNS: frozenset[str] = frozenset({"body", "corpse", "remains", "cadaver"})
# "X's life was taken": the life's owner is the one who died (Oxford: "take someone's life").
LIFE_NOUNS: frozenset[str] = frozenset({"life", "lives"})
# Posts named with their title: "the post of deputy head", "the position of commissar".
TITLED_POST_NOUNS: frozenset[str] = frozenset({"post", "position", "office", "rank"})
# A "fall" is an event only with "victim": "fell victim to the purge".
VICTIM_NOUNS: frozenset[str] = frozenset({"victim", "prey", "victims"})

# The cue words of modality (intention, order, fear, charge, rumour, modals, negation, hedges)
# live in modality_words.py.
# Phrases by which the narrator passes on what others told them, from an unnamed source.
HEARSAY_PHRASES: tuple[str, ...] = (
    "i have heard", "i heard", "i had heard", "i was told", "we heard", "we have heard",
    "we were told", "i have been told", "i learned", "i learnt", "i have learned",
)

# Verbs of telling: "X told me about …" opens an account by X; "X explained" marks a quote.
ACCOUNT_VERBS: frozenset[str] = frozenset({
    "tell", "relate", "recount", "describe", "inform", "narrate", "report", "confide",
    "recall", "reveal",
})
SPEECH_VERBS: frozenset[str] = frozenset({
    "say", "explain", "tell", "reply", "answer", "ask", "add", "declare", "exclaim",
    "shout", "whisper", "write", "recall", "continue", "insist", "remark", "respond",
    "cry", "warn", "admit", "confess", "complain", "repeat", "note", "state", "claim",
})

# Relations.
ASSOCIATION_NOUNS: dict[str, str] = {  # "<noun> with X"
    "relationship": "associate_of", "relations": "associate_of", "ties": "associate_of",
    "tie": "associate_of", "connection": "associate_of", "connections": "associate_of",
    "contact": "associate_of", "contacts": "associate_of", "acquaintance": "associate_of",
    "collaboration": "associate_of", "cooperation": "associate_of",
    "friendship": "friend_of", "friends": "friend_of", "friend": "friend_of",
}
ASSOCIATION_VERBS: dict[str, str] = {  # "assisting X", "worked with X"
    "assist": "associate_of", "help": "associate_of", "aid": "associate_of",
    "collaborate": "associate_of", "cooperate": "associate_of", "befriend": "friend_of",
    "accompany": "associate_of", "support": "associate_of",
}
WORK_VERBS: frozenset[str] = frozenset({"work", "serve", "labour", "labor", "toil"})
JOIN_VERBS: frozenset[str] = frozenset({"join", "enter", "enlist"})
MARRY_VERBS: frozenset[str] = frozenset({"marry", "wed"})
INFORM_VERBS: frozenset[str] = frozenset({"tell", "inform", "report", "denounce"})
