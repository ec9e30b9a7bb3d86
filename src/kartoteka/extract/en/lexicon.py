"""Word lists for English extraction: titles, roles, person nouns, places, name shapes.

Data only; the rules that use them live in persons.py, descriptors.py and relations.py.
Everything is lower case and matched against lower-cased tokens or lemmas.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from kartoteka.names.name_data import TITLES_BEFORE_NAMES

# Words before a name that make it a person's name ("Comrade Stalin", "Marshal Tukhachevsky"):
# the forms of address and ranks that ``names`` strips from a name (English, German and French,
# ``names.name_data.TITLES_BEFORE_NAMES``) and these.
# Kinship nouns that stand before a given name as a form of address, capitalised ("Uncle Fyodor",
# "Aunt Masha", "Granny Dunya"; Quirk et al. 1985, §5.66, and the Oxford dictionary's title
# sense of uncle, aunt, granny): the name is the relative's, the noun their title.
KIN_TITLES: frozenset[str] = frozenset({"uncle", "aunt", "auntie", "aunty", "granny", "grandma",
                                        "grandpa", "grandad", "granddad", "cousin"})
TITLES: frozenset[str] = frozenset({
    "comrades", "mr.", "mrs.", "ms.", "dr.", "prof.", "academician", "marshals", "generals",
    "sergeant", "admiral", "commissars", "komkor", "komdiv", "kombrig", "komandarm", "flagman",
    "commander", "commanders", "chekist", "chekists", "father", "tsar", "grand", "prince",
    "princess", "count", "countess", "baron", "mister", "leader", "secretary", "deputy",
    "chairman", "president", "premier", "minister", "ambassador", "attaché", "charge", "chargé",
    "investigator", "poet", "writer", "author", "priest", "bishop", "metropolitan", "patriarch",
    "archbishop", "corps", "army", "division", "brigade", "commissioner", "chief", "rank",
    # the officers of a camp or prison, before a name as ranks are (Oxford: commandant n.,
    # "the officer in charge of a prison camp"; warden n. 6)
    "commandant", "warden",
}) | KIN_TITLES | TITLES_BEFORE_NAMES["en"] | TITLES_BEFORE_NAMES["de"] | TITLES_BEFORE_NAMES["fr"]
# Of TITLES, those that are also ordinary nouns: they make a following word a name only when
# it could not be a common word itself ("General Staff" is not a person).
WEAK_TITLES: frozenset[str] = frozenset({
    "general", "generals", "major", "father", "grand", "count", "leader", "secretary",
    "deputy", "chairman", "president", "minister", "chief", "army", "corps", "division",
    "brigade", "rank", "commander", "commanders", "author", "writer", "poet",
}) | KIN_TITLES

# Post and role nouns: heads of position claims and of role appositions.
ROLE_NOUNS: frozenset[str] = frozenset({
    "head", "chief", "deputy", "chairman", "chairwoman", "secretary", "commissar",
    "commander", "director", "leader", "officer", "official", "agent", "attaché", "attache",
    "instructor", "investigator", "interrogator", "inspector", "assistant", "adviser",
    "advisor", "aide", "helper", "representative", "plenipotentiary", "resident", "courier",
    "member", "candidate", "organizer", "organiser", "prosecutor", "judge", "procurator",
    "minister", "ambassador", "envoy", "consul", "governor", "president", "premier",
    "bodyguard", "guard", "executioner", "interpreter", "translator", "operative", "employee",
    "worker", "staffer", "superintendent", "administrator", "manager", "editor", "founder",
    "cadet", "marshal", "general", "colonel", "major", "captain", "lieutenant", "admiral",
    "komandarm", "komkor", "komdiv", "kombrig", "servant", "clerk", "stenographer",
    # the heads of mission and ranks of the Vienna Convention on Diplomatic Relations (1961,
    # arts. 14 and 19) as headings write them
    "chargé", "counselor", "counsellor", "nuncio",
    # a camp's or prison's officers (Oxford: commandant, warden)
    "commandant", "warden",
})
# Role nouns too generic to make "became a …" an appointment without a body named.
GENERIC_ROLES: frozenset[str] = frozenset({
    "worker", "employee", "member", "staffer", "servant", "agent", "candidate", "cadet",
    "officer", "official", "representative", "operative", "courier", "clerk",
})
# Role nouns that put their holder under another person ("Yezhov's secretary").
SUBORDINATE_ROLES: frozenset[str] = frozenset({
    "secretary", "deputy", "assistant", "aide", "helper", "adviser", "advisor", "bodyguard",
    "servant", "clerk", "stenographer", "driver", "man", "men", "agent", "subordinate",
    "protégé", "protege", "investigator",
})
# Modifiers kept in a role ("deputy head", "first secretary", "People's Commissar").
ROLE_MODIFIERS: frozenset[str] = frozenset({
    "deputy", "first", "second", "third", "assistant", "acting", "chief", "senior", "junior",
    "general", "executive", "political", "special", "personal", "military", "naval", "covert",
    "vice", "people's", "people", "’s", "'s", "head", "state", "foreign", "secret",
})

# Kinship nouns, the English kinship terms of a general dictionary: the relation of the
# described person to the possessor or of-object (vocabulary.yaml ids), and the gender the
# word gives its person (None: either). The one list: KINSHIP, the gendered nouns and the kin
# cue words before a name (alias_words.KIN_WORDS) are read off it.
KIN_NOUNS: dict[str, tuple[str, str | None]] = {
    "wife": ("spouse_of", "f"), "husband": ("spouse_of", "m"), "spouse": ("spouse_of", None),
    "widow": ("spouse_of", "f"), "widower": ("spouse_of", "m"),
    "fiancée": ("spouse_of", "f"), "fiance": ("spouse_of", None),
    "daughter": ("child_of", "f"), "son": ("child_of", "m"), "child": ("child_of", None),
    "children": ("child_of", None), "daughters": ("child_of", "f"), "sons": ("child_of", "m"),
    "stepson": ("child_of", "m"), "stepdaughter": ("child_of", "f"),
    "father": ("parent_of", "m"), "mother": ("parent_of", "f"), "parent": ("parent_of", None),
    "parents": ("parent_of", None), "stepfather": ("parent_of", "m"),
    "stepmother": ("parent_of", "f"),
    "brother": ("sibling_of", "m"), "sister": ("sibling_of", "f"),
    "brothers": ("sibling_of", "m"), "sisters": ("sibling_of", "f"),
    "sibling": ("sibling_of", None), "siblings": ("sibling_of", None),
    "cousin": ("relative_of", None), "uncle": ("relative_of", "m"),
    "aunt": ("relative_of", "f"), "auntie": ("relative_of", "f"), "aunty": ("relative_of", "f"),
    "granny": ("relative_of", "f"), "grandma": ("relative_of", "f"),
    "grandpa": ("relative_of", "m"), "grandad": ("relative_of", "m"),
    "granddad": ("relative_of", "m"), "nephew": ("relative_of", "m"),
    "niece": ("relative_of", "f"), "grandson": ("relative_of", "m"),
    "granddaughter": ("relative_of", "f"), "grandfather": ("relative_of", "m"),
    "grandmother": ("relative_of", "f"), "relative": ("relative_of", None),
    "relatives": ("relative_of", None),
    "son-in-law": ("relative_of", "m"), "daughter-in-law": ("relative_of", "f"),
    "father-in-law": ("relative_of", "m"), "mother-in-law": ("relative_of", "f"),
    "brother-in-law": ("relative_of", "m"), "sister-in-law": ("relative_of", "f"),
}
KINSHIP: dict[str, str] = {word: relation for word, (relation, _) in KIN_NOUNS.items()}
# Of KINSHIP, nouns whose phrase says the text's person is the object's associate instead.
FRIEND_NOUNS: frozenset[str] = frozenset({"friend", "friends", "comrade", "companion"})
ASSOCIATE_NOUNS: frozenset[str] = frozenset({"colleague", "colleagues", "associate",
                                             "associates", "comrade-in-arms", "partner",
                                             "ally", "collaborator"})
FEMALE_NOUNS: frozenset[str] = frozenset({"girl", "woman", "chairwoman"}) | frozenset(
    word for word, (_, gender) in KIN_NOUNS.items() if gender == "f")
MALE_NOUNS: frozenset[str] = frozenset({"boy", "man"}) | frozenset(
    word for word, (_, gender) in KIN_NOUNS.items() if gender == "m")

# Heads of noun phrases that describe unnamed people (singular) or groups (plural).
PERSON_NOUNS: frozenset[str] = frozenset({
    "man", "woman", "girl", "boy", "child", "person", "worker", "youngster", "teenager",
    "orphan", "prisoner", "inmate", "peasant", "soldier", "student", "teacher", "journalist",
    "guest", "informer", "informant", "witness", "victim", "defendant", "neighbour",
    "neighbor", "acquaintance", "doctor", "nurse", "engineer", "chekist", "cadre",
    "friend", "colleague", "stranger", "emigre", "émigré", "defector", "spy", "traitor",
    "enemy", "accuser", "leader", "official", "officer", "agent", "narrator", "author",
    "cadet", "priest", "kulak", "exile", "deportee", "convict", "veteran", "commander",
    "employee", "staffer",
}) | frozenset(KINSHIP) | frozenset({"secretary", "deputy", "helper", "assistant", "bodyguard"})
GROUP_NOUNS: frozenset[str] = frozenset({
    "people", "personnel", "staff", "family", "families", "children", "parents", "cadres",
    "leaders", "leadership", "members", "workers", "officials", "officers", "agents",
    "youngsters", "orphans", "prisoners", "inmates", "peasants", "soldiers", "students",
    "teachers", "journalists", "guests", "informers", "witnesses", "victims", "defendants",
    "relatives", "friends", "colleagues", "spies", "traitors", "enemies", "accusers",
    "commanders", "chekists", "girls", "boys", "men", "women", "kulaks", "exiles",
    "deportees", "convicts", "veterans", "employees", "couple", "mafia", "gang", "crowd",
    "intelligentsia", "priests", "clergy", "bolsheviks", "trotskyists", "mensheviks",
    "whites", "reds", "emigres", "émigrés", "peers", "comrades",
})
# Group nouns that name a body of people rather than people: not made into descriptors.
NOT_DESCRIPTORS: frozenset[str] = frozenset({"leadership", "mafia", "gang", "crowd", "staff"})

# Nouns after a capitalised word that make the pair a place ("Prozorov forest").
PLACE_HEADS: frozenset[str] = frozenset({
    "forest", "woods", "wood", "street", "square", "avenue", "prospect", "prospekt", "lane",
    "boulevard", "embankment", "bridge", "river", "lake", "sea", "bay", "island", "islands",
    "mountain", "mountains", "hill", "hills", "valley", "region", "oblast", "krai", "kray",
    "district", "raion", "rayon", "uyezd", "uezd", "governorate", "guberniya", "province",
    "village", "town", "city", "settlement", "hamlet", "suburb", "neighbourhood", "station",
    "railway", "camp", "camps", "prison", "jail", "gaol", "cemetery", "canal", "shooting",
    "firing", "range", "ground", "polygon", "park", "palace", "castle", "fortress", "monastery",
    "cathedral", "church", "farm", "estate", "dacha", "plant", "factory", "works", "mine", "mines",
    "port", "harbour", "harbor", "peninsula", "steppe", "desert", "gulf", "strait", "front",
    "highway", "road", "peak", "pass", "gate", "gates", "tower", "kremlin", "constitution",
    "school", "capital", "junction", "positions", "position", "regiment", "division", "battalion",
    "brigade", "corps", "fleet", "flotilla", "institute", "academy", "university", "theatre",
    "theater", "museum", "library", "hotel", "house", "hospital", "clinic", "sanatorium", "site",
})
# Nouns whose "on X" is a place ("an attack on Luga") and verbs whose object is one.
PLACE_EVENT_NOUNS: frozenset[str] = frozenset({"attack", "offensive", "advance", "march",
                                               "assault", "raid", "push"})
MOTION_VERBS: frozenset[str] = frozenset({
    "move", "go", "return", "travel", "arrive", "come", "flee", "send", "transfer", "deport",
    "exile", "evacuate", "relocate", "emigrate", "escape", "march", "sail", "fly", "drive",
    "walk", "run", "take", "bring", "post", "station", "banish",
})
PLACE_OBJECT_VERBS: frozenset[str] = frozenset({
    "capture", "occupy", "attack", "defend", "liberate", "seize", "besiege", "storm",
    "evacuate", "bomb", "shell", "reach", "abandon", "surrender", "rename",
})
# Endings of place names in transliteration (Kirovograd, Krasnoslobodsk, Butovo, Sergiyevskoye).
PLACE_NAME_SUFFIXES: tuple[str, ...] = ("grad", "gorod", "sk", "skoye", "skoe", "oye", "ovo",
                                        "evo", "polis", "opol", "abad", "akan")
# Prepositions after which a bare capitalised word is more likely a place than a person.
PLACE_PREPOSITIONS: frozenset[str] = frozenset({
    "in", "at", "near", "into", "outside", "around", "across", "toward", "towards", "via",
    "through", "throughout", "inside", "beyond",
})
# Prepositional verbs whose "at" names the target of a look, a gesture or a word, not a
# location ("glanced at X", "shouted at X"): the "look at"/"shout at" entries of a learner's
# dictionary of phrasal and prepositional verbs.
AT_TARGET_VERBS: frozenset[str] = frozenset({
    "look", "glance", "stare", "glare", "gaze", "peer", "squint", "smile", "grin", "laugh",
    "sneer", "frown", "nod", "wink", "wave", "point", "shout", "yell", "scream", "bark",
    "snap", "swear", "curse", "shoot", "aim", "throw", "hurl", "lunge", "rush", "jump",
})

# Endings of Russian, Ukrainian, Polish, Baltic, Caucasian and Jewish surnames in Latin
# transliteration. A shape, not proof: a name with one still needs a context that allows
# a person (see persons.py).
SURNAME_SUFFIXES: tuple[str, ...] = (
    "ov", "ova", "ev", "eva", "yov", "yova", "ëv", "in", "ina", "yn", "yna", "sky", "ski",
    "skiy", "skii", "skij", "skaya", "ska", "tsky", "cki", "ckiy", "ich", "itch", "vich",
    "vych", "enko", "ko", "uk", "yuk", "chuk", "iak", "ak", "yan", "ian", "ants", "dze",
    "shvili", "ashvili", "idze", "ia", "iya", "aya", "man", "mann", "berg", "stein", "shtein",
    "er", "as", "is", "us", "ys", "aitis", "enas", "iņš", "ņš", "šs", "sh", "off", "ow",
    "owa", "ew", "eff", "ikh", "ykh", "ago", "oda", "ler", "nik", "chik", "ets", "its",
)

# Of those, endings no English word has: a name with one is surname-shaped even when the
# word list knows it (WordNet lists famous people: "Prokofiev", "Stalin").
SLAVIC_SURNAME_SUFFIXES: tuple[str, ...] = (
    "ov", "ova", "ev", "eva", "yov", "yova", "sky", "ski", "skiy", "skii", "skij", "skaya",
    "tsky", "vich", "vych", "enko", "shvili", "dze", "yan", "ykh", "iņš",
)

# Capitalised words that are never people however they are used: weekdays, months, words a
# bad translation capitalises mid-sentence ("the Time being", "no Home").
NEVER_PERSONS: frozenset[str] = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "god", "lord", "christ", "soviet", "soviets",
    "union", "party", "state", "revolution", "war", "army", "navy", "front", "republic",
    "committee", "bureau", "department", "directorate", "commissariat", "ministry",
    "russian", "russians", "english", "german", "germans", "jewish", "jews", "great",
    "purge", "terror", "trial", "the", "a", "an", "and", "of", "in", "time", "home",
    "family", "parents", "children", "mother", "father", "history", "secret", "white",
    "red", "reds", "whites", "east", "west", "north", "south", "emperor", "empire", "tsar",
    "capital", "centre", "center", "court", "council", "collegium", "prosecutor", "order",
    "decree", "resolution", "letter", "telegram", "article", "chapter", "part", "volume",
    "bolshevik", "bolsheviks", "menshevik", "mensheviks", "trotskyist", "trotskyists",
    "communist", "communists", "chekist", "chekists", "chekas", "kulak", "kulaks",
    "gulag", "nkvd", "ogpu", "cheka", "gpu", "kgb", "mgb", "mvd", "gru", "ussr", "rsfsr",
    "wikipedia", "internet", "memorial", "life", "career", "biography", "death", "arrest",
    "execution", "early", "later", "legacy", "notes", "references", "see", "also",
    "saint", "saints", "st", "st.", "sv.", "holy", "blessed",
    # words of foreign organisation names quoted in English text
    "polska", "polski", "organizacja", "wojskowa", "partia", "komunistyczna", "partei",
    "kommunistische", "sowjetunion", "armia", "armée", "parti",
})
# Words just before a name that make it the name of a thing ("Order of Lenin", "Saint Anna").
NAMESAKE_BEFORE: frozenset[str] = frozenset({"saint", "saints", "st", "st.", "order", "prize"})
# Words that introduce another name of someone ("the pseudonym Winter", "real name X").
NAME_INTRODUCERS: frozenset[str] = frozenset({
    "pseudonym", "alias", "née", "nee", "surname", "name", "nickname", "nicknames", "guerre",
    "named", "codename", "code-name", "aka", "born",
})
# Endings of words derived from names that are not mentions of the person ("Stalinist",
# "Stalinism", "Trotskyists", "Leninism").
DERIVED_SUFFIXES: tuple[str, ...] = (
    "ist", "ists", "ism", "isms", "ite", "ites", "ian", "ians", "ese", "ish",
    "ists'", "ism's", "iks", "ik",
)

# Labels before another form of a name in brackets: "(Russian: …)".
LANGUAGE_LABELS: frozenset[str] = frozenset({
    "russian", "rus", "russ", "ukrainian", "polish", "latvian", "lithuanian", "estonian",
    "german", "yiddish", "hebrew", "georgian", "armenian", "belarusian", "also", "born",
    "real", "name", "née", "nee", "originally", "surname", "at", "birth", ":",
})

# Kinship words that mark a plural surname as a family ("the two families of X and Y").
FAMILY_WORDS: frozenset[str] = frozenset({"family", "families", "household", "clan"})

# Pronouns, for resolving the subject of a claim.
MALE_PRONOUNS: frozenset[str] = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS: frozenset[str] = frozenset({"she", "her", "hers", "herself"})
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they", "them", "their", "theirs", "themselves",
                                             "both", "all"})
FIRST_PERSON: frozenset[str] = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PERSON_PLURAL: frozenset[str] = frozenset({"we", "us", "our", "ours", "ourselves"})
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "whom", "whose", "which", "that"})

# Given names beyond the Russian ones of kartoteka.names (Latvian, Polish, German, English,
# French, … for telling "Alexander Kalin" from "Secret History"): the first-name dictionary of
# Jörg Michael (nam_dict.txt, about 48,000 names with their frequency in 55 countries) that the
# gender-guesser package (0.4.0, pinned in pyproject.toml) ships. A name counts when it is
# attested in at least two countries of Europe and the former Soviet Union, where the period's
# sources come from: so "Walter", "Berta", "Ignace" are names, "The" (Vietnamese), "Major" and
# "King" are not. Read once, on first use.
GIVEN_NAMES_SOURCE = ("gender_guesser", "data/nam_dict.txt")
_COUNTRY_COLUMNS = 55  # the dictionary's country columns, from column 30 on, in this order:
# great_britain, ireland, then italy … ukraine, armenia, azerbaijan, georgia (not the usa)
_EUROPEAN = tuple(i for i in range(0, 45) if i != 2)
MIN_COUNTRIES = 2


@cache
def given_names() -> frozenset[str]:
    """Lower-cased given names of the dictionary (single words; "+" joins parts of one)."""
    path = resources.files(GIVEN_NAMES_SOURCE[0]).joinpath(GIVEN_NAMES_SOURCE[1])
    countries: dict[str, set[int]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line or line[0] in "#=":
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            name = parts[1].lower()
            if "+" in name or "<" in name:
                continue
            columns = line[30:30 + _COUNTRY_COLUMNS]
            seen = countries.setdefault(name, set())
            seen.update(i for i in _EUROPEAN if i < len(columns) and columns[i].strip())
    return frozenset(n for n, seen in countries.items() if len(seen) >= MIN_COUNTRIES)


# Words person_evidence.py weighs a capitalised run by.
# Lower-case words inside a name. "dze" (son) and "asuli" (daughter) follow the father's name in
# the genitive in a Georgian patronymic, "Lavrenti Pavles dze Beria" (Georgian grammars, e.g.
# Hewitt's Georgian: A Structural Reference Grammar, on personal names).
PARTICLES = frozenset({"de", "von", "van", "der", "den", "ibn", "bin", "la", "le", "du", "y",
                       "dze", "asuli"})
# Verbs whose subject is a person (or a group of people).
HUMAN_SUBJECT_VERBS = frozenset({
    "tell", "say", "explain", "reply", "answer", "ask", "write", "recall", "remember",
    "confess", "testify", "marry", "love", "die", "defect", "flee", "study", "graduate",
    "volunteer", "desert", "emigrate", "mention", "complain", "admit", "think", "believe",
    "weep", "cry", "shout", "whisper", "exclaim", "declare", "insist", "hope", "fear",
    "worry", "laugh", "smile", "resign", "serve", "work", "join", "command", "lead",
    "head", "become", "denounce", "inform", "interrogate", "torture", "sign", "assist",
    "help", "befriend", "visit", "meet", "learn", "know", "understand", "decide",
})
# Verbs whose object (or passive subject) is a person.
HUMAN_OBJECT_VERBS = frozenset({
    "arrest", "shoot", "execute", "liquidate", "sentence", "appoint", "dismiss",
    "rehabilitate", "interrogate", "torture", "marry", "assist", "help", "befriend",
    "denounce", "replace", "succeed", "bear", "exile", "deport", "expel", "promote",
    "recruit", "kidnap", "assassinate", "murder", "kill", "devour", "purge", "detain",
    "throw", "imprison", "repress", "release", "convict", "condemn", "transfer", "demote",
})
# Levin's (1993) marry verbs (36.2): their object is a person whatever the tagger says of it
# ("married Valentina", which the small model tags as a place; "married first to X").
MARRY_VERBS = frozenset({"marry", "wed", "divorce"})
MARRIED = frozenset({"married", "wed", "wedded", "engaged", "betrothed"})
# Place-like entities need a narrower context than other candidates.
PLACE_SAFE_SUBJECT_VERBS = frozenset({
    "tell", "say", "explain", "reply", "answer", "recall", "confess", "testify", "marry",
    "die", "defect", "work", "serve", "assist", "help", "mention",
})
ASSOCIATION_HEADS = frozenset({"relationship", "relations", "friendship", "friends", "ties",
                               "acquaintance", "contact", "collaboration", "correspondence"})


# Complex prepositions of position (Quirk et al. §9.10–9.11) whose noun is also a place noun.
COMPLEX_PREPOSITIONS = frozenset({("in", "front"), ("on", "top"), ("at", "side")})
# Nouns of a legal case or an affair named after the person at its centre ("the Tukhachevsky
# case", "the Kirov affair"; Oxford: case n. 4, affair n. 3).
CASE_NOUNS = frozenset({"case", "affair", "tragedy", "trial", "file", "dossier"})
MONTH_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december"})
