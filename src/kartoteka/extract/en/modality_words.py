"""English cue words of modality: what makes a clause say that an event did not, might, or was
only said, feared, planned or ordered to happen. Data only; mood.py holds the rules.

Sources: the verb classes are Levin's *English Verb Classes and Alternations* (1993) — verbs
of desire and intention (32.1, "want" class), of ordering and urging (order, demand:
"advise"/"order" verbs, 37.x), of fearing and expecting (31.2 "admire" class, psych verbs),
of judgement and accusation (33 "judgment verbs": accuse, charge, indict); the modal
auxiliaries and the markers of condition, of reported information and of hedging are those
of Quirk et al., *A Comprehensive Grammar of the English Language* (1985), §4.49–4.58 (modals),
§15.33 (conditional clauses), §10.66 and §8.127 (hedges and reporting adverbials). None of
these lists comes from the texts at hand.
"""

from __future__ import annotations

from kartoteka.extract import modality

# Verbs whose complement is a plan or wish, not an event (Levin 32.1, 29.x, "try" 61).
INTENTION_VERBS: frozenset[str] = frozenset({
    "want", "plan", "intend", "decide", "hope", "threaten", "prepare", "propose", "seek",
    "wish", "refuse", "fail", "resolve", "aim", "mean", "need", "wait", "dare", "try",
    "attempt", "plot", "conspire", "scheme", "agree", "consider", "contemplate", "desire",
    "strive", "arrange", "organise", "organize", "undertake", "offer", "vow", "swear",
    "promise", "long", "yearn", "endeavour", "endeavor",
})
ATTEMPT_VERBS: frozenset[str] = frozenset({"try", "attempt"})
INTENTION_NOUNS: frozenset[str] = frozenset({
    "plan", "intention", "proposal", "attempt", "effort", "plot", "conspiracy", "scheme",
    "preparation", "preparations", "design", "aim", "goal", "wish", "desire", "way", "bid",
    "decision", "resolution",
})
# Verbs and nouns of ordering and demanding (Levin 37.x "order", "urge" verbs).
ORDER_VERBS: frozenset[str] = frozenset({
    "order", "demand", "command", "instruct", "direct", "urge", "ask", "request", "insist",
    "require", "authorise", "authorize", "sanction", "forbid", "allow", "permit", "advise",
    "recommend", "call", "tell", "press",
    # Levin 58.1 "urge" verbs and the non-implicative "force" verbs (002): urging someone to
    # act does not say the act was done ("instigated him to kill X").
    "encourage", "incite", "instigate", "exhort", "beg", "implore", "entreat", "goad",
})
ORDER_NOUNS: frozenset[str] = frozenset({
    "order", "orders", "instruction", "instructions", "directive", "command", "demand",
    "request", "warrant", "sanction", "call", "advice", "recommendation",
})
# Verbs of sentencing (Levin 33 judgement verbs: sentence, condemn): their infinitive is the
# sentence's content, not its execution ("sentenced to be shot", "condemned to die").
SENTENCING_VERBS: frozenset[str] = frozenset({"sentence", "condemn", "doom"})
# Verbs that stop, put off or prevent an event (Levin 55.4 "stop" verbs, 67 "forbid" verbs and
# the verbs of delay): an event noun as their subject or object did not happen then ("his
# execution was postponed", "the war prevented his arrest").
PREVENTING_VERBS: frozenset[str] = frozenset({
    "postpone", "delay", "defer", "cancel", "stay", "suspend", "halt", "stop", "prevent",
    "avert", "block", "forestall", "annul", "revoke", "rescind", "countermand",
})
# Verbs of avoiding (Levin 52 "avoid" verbs): an event noun as their object did not happen
# ("escaped execution", "evaded arrest").
AVOIDING_VERBS: frozenset[str] = frozenset({"avoid", "escape", "evade", "elude", "dodge",
                                            "flee"})
# Verbs, adjectives and nouns of fearing and expecting (Levin 31.2 psych verbs).
FEAR_VERBS: frozenset[str] = frozenset({
    "fear", "dread", "expect", "anticipate", "suspect", "worry", "await", "foresee",
    "predict", "foretell", "imagine", "envisage", "risk",
    # verbs of waiting and longing with "for" (Levin 32.2 "long" verbs): "waited for his arrest"
    "wait", "hope", "long", "yearn", "pray", "watch",
})
FEAR_ADJECTIVES: frozenset[str] = frozenset({
    "afraid", "fearful", "frightened", "terrified", "scared", "worried", "anxious", "sure",
    "certain", "convinced",
})
FEAR_NOUNS: frozenset[str] = frozenset({
    "fear", "fears", "dread", "expectation", "prospect", "threat", "danger", "risk",
    "possibility", "likelihood", "premonition", "anticipation", "news",
})
# Modifiers of an event noun that put it in the future or in the mind: "his impending arrest".
PROSPECTIVE_MODIFIERS: frozenset[str] = frozenset({
    "impending", "imminent", "possible", "probable", "potential", "threatened", "planned",
    "intended", "expected", "feared", "likely", "future", "forthcoming", "inevitable",
    "alleged", "supposed", "would-be", "attempted",
})
# Judgement verbs and nouns that put an act in a charge (Levin 33): "charged with murdering".
CHARGE_VERBS: frozenset[str] = frozenset({
    "charge", "accuse", "indict", "convict", "blame", "incriminate", "implicate", "denounce",
    "slander", "allege", "impute", "suspect",
    # a confession is the charge signed under interrogation (Conquest, The Great Terror, on
    # the confessions of 1936-1938): "confessed to shooting X" says X was charged, not shot
    "confess", "admit",
})
# Verbs of punishment: "for" after them gives the charge ("shot for the murder of X", "tried
# for espionage"; Quirk §9.44, "for" of cause), which the court asserted, not the narrator.
PUNISHMENT_VERBS: frozenset[str] = frozenset({
    "execute", "shoot", "sentence", "arrest", "convict", "try", "condemn", "punish",
    "imprison", "jail", "exile", "deport",
})
CHARGE_NOUNS: frozenset[str] = frozenset({
    "charge", "charges", "accusation", "accusations", "indictment", "allegation",
    "allegations", "complicity", "guilt", "confession", "suspicion",
})
# Verbs that report what another says without the narrator vouching for it (Quirk §15.33
# reporting verbs of claim; neutral "say", "tell" are attribution, not doubt).
CLAIM_VERBS: frozenset[str] = frozenset({
    "claim", "allege", "assert", "maintain", "contend", "pretend", "profess", "purport",
})
# Nouns and words of rumour (Quirk §8.127 "content disjuncts" of hearsay).
RUMOUR_NOUNS: frozenset[str] = frozenset({
    "rumour", "rumours", "rumor", "rumors", "gossip", "hearsay", "legend", "story", "stories",
    "word", "speculation",
})
# Alternative accounts: a plural noun of account with a number or a word of difference before
# what it tells ("two stories", "conflicting versions"; Quirk §17.26, appositive content
# clauses): each of the accounts is one the narrator does not vouch for.
ACCOUNT_NOUNS: frozenset[str] = frozenset({
    "story", "version", "account", "rumour", "rumor", "explanation", "theory",
})
ALTERNATIVE_MODIFIERS: frozenset[str] = frozenset({
    "two", "three", "several", "various", "different", "differing", "conflicting",
    "contradictory", "competing",
})
# The authorities' notices to families: a death certificate, a notice, a reply "stating that"
# he died of heart failure in 1942 (from 1955 such certificates gave invented dates and causes;
# Memorial's guides to the archives): what the notice says is reported, not a fact.
NOTICE_NOUNS: frozenset[str] = frozenset({
    "certificate", "certificates", "notice", "notices", "notification", "notifications",
})
NOTICE_VERBS: frozenset[str] = frozenset({"inform", "notify"})
RUMOUR_WORDS: frozenset[str] = frozenset({
    "reportedly", "allegedly", "supposedly", "purportedly", "rumoured", "rumored",
    "ostensibly",
})
RUMOUR_PHRASES: tuple[str, ...] = (
    "it is said", "it was said", "is said to", "was said to", "were said to", "are said to",
    # with an adverb between ("is often said to have been shot", "was widely believed to")
    "said to have", "believed to have", "thought to have", "rumoured to have",
    "rumored to have", "supposed to have", "presumed to have", "reputed to have",
    "rumour has it", "rumor has it", "according to rumours", "according to rumors",
    "some say", "they say", "there were rumours", "there were rumors", "it was rumoured",
    "it was rumored", "word spread", "word went round", "it was whispered",
    # one of several accounts, the official one among them ("according to the official
    # version he died of heart failure": what families were told)
    "according to one version", "according to another version", "according to the official",
    "in one version", "in another version", "by one account", "by another account",
    # the passive reporting verb with a non-finite complement (Quirk §16.31: "is said to", "is
    # reported to"): the reporter is unnamed and the narrator does not vouch for it
    "reported to have", "reported to be", "was reported shot", "were reported shot",
    "was reported killed", "were reported killed", "was reported dead", "were reported dead",
    "was reported executed", "were reported executed", "was reported arrested",
    "were reported arrested",
    # hearsay "data" (calques of "по неподтверждённым данным", "есть сведения"): unverified
    "according to unconfirmed", "according to unverified", "by unconfirmed",
    "according to other data", "by other data", "according to other information",
    "there is information that", "there was information that",
)
# Author's hedges: the narrator's own doubt lowers confidence but the claim stays asserted.
HEDGE_WORDS: frozenset[str] = frozenset({
    "apparently", "presumably", "probably", "possibly", "perhaps", "seemingly", "likely",
    "maybe", "evidently",
})
HEDGE_PHRASES: tuple[str, ...] = (
    "it is believed", "is believed to", "was believed to", "it seems", "it appears",
    "it is thought", "is thought to", "was thought to", "is supposed to", "was supposed to",
    "according to some",
)
HEDGE_CONFIDENCE = modality.HEDGE_CONFIDENCE  # one value for both languages
# Words that refute what went before: "the rumour proved false", "the report was denied".
REFUTING_WORDS: frozenset[str] = frozenset({
    "false", "untrue", "unfounded", "baseless", "groundless", "refute", "deny", "disprove",
    "fabrication", "fabricated", "invention", "invented", "lie", "lies", "nonsense",
    "rebut", "dismiss", "retract", "erroneous", "mistaken", "incorrect", "wrong", "alive",
    "myth", "myths",  # "the story that X was shot is a myth" ("legend" is also "legend has it")
})
# The strong core of REFUTING_WORDS: what calls a statement false, not merely mistaken or
# regrettable ("It was a lie."; vs "It was wrong."). A neutral report ("they told us that …")
# is refuted only by these.
STRICT_REFUTING_WORDS: frozenset[str] = frozenset({
    "false", "untrue", "unfounded", "baseless", "groundless", "fabrication", "fabricated",
    "invention", "lie", "lies", "nonsense", "disprove", "refute",
})
# Verbs of saying and hearing (Quirk §15.33 reporting verbs, neutral ones): attribution, not
# doubt, until the text refutes what they report.
SAYING_VERBS: frozenset[str] = frozenset({
    "say", "tell", "write", "report", "announce", "inform", "declare", "state", "hear",
    "assure", "notify",
})
# Approximators (Quirk et al. §8.112: "almost", "nearly"): on a verb they say the event came
# close and did not happen ("X was almost shot").
NEAR_MISS_WORDS: frozenset[str] = frozenset({"almost", "nearly"})
# Phrases that refute what went before ("it turned out not to be so", "this was not true").
# A correction after a rumour ("…, but in fact he died in Kolyma"): it refutes the rumour,
# and the rumour's words do not reach the clause it opens.
CORRECTION_PHRASES: tuple[str, ...] = ("in fact", "in reality", "in truth", "actually")
# A contrast after a rumour is the narrator's own clause ("It was rumoured that X had been shot,
# but he came back in 1956"): the rumour's words do not reach past it (Quirk §13.41).
CONTRAST_MARKS: tuple[str, ...] = (", but ", ", yet ", "; however", ", however,", "; but ")
REFUTING_PHRASES: tuple[str, ...] = ("not true", "not the case", "not to be so",
                                     "not to be true", "not to be the case",
                                     *CORRECTION_PHRASES)
# A frame that denies the clause after it (Quirk §18.33, extraposed subject clause): "It is
# not true that X was shot", "It is a myth that X was executed".
DENYING_FRAMES: tuple[str, ...] = tuple(
    f"{it}{be} {what} that" for it in ("it", "this") for be in (" is", " was", "'s")
    for what in ("not true", "untrue", "false", "not the case", "a lie", "a myth",
                 "a fabrication", "a legend"))
# Subordinators of conditions and of negative purpose (Quirk §15.33, §15.48).
CONDITION_MARKS: frozenset[str] = frozenset({"if", "unless", "lest", "whether"})
# Modal auxiliaries (Quirk §4.49–4.58): irrealis ones drop the event, possibility lowers it.
IRREALIS_MODALS: frozenset[str] = frozenset({"would", "could", "should", "must", "can",
                                              "will", "shall", "ought"})
POSSIBILITY_MODALS: frozenset[str] = frozenset({"may", "might"})
# Verbs of obligation and scheduling with a "to"-infinitive: "had to be eliminated", "was to
# be shot" (Quirk §3.49 "be to", §4.54 "have to").
OBLIGATION_HEADS: frozenset[str] = frozenset({"have", "be", "ought", "need", "get"})
NEGATION_WORDS: frozenset[str] = frozenset({"not", "never", "n't", "nt", "no"})
# Negated "not X until T" means X happened at T.
UNTIL_WORDS: frozenset[str] = frozenset({"until", "till"})
