"""English words around another name of the same person, and kin words before a name.

Read by the language-independent layout reading in ``extract.aliases``; the Russian lists are
in ``extract/ru/alias_words.py``.
"""

from __future__ import annotations

from kartoteka.extract.en.lexicon import KIN_NOUNS

# Names of languages and peoples that label a form of the name ("Russian:", "Jewish"), with
# their common dictionary abbreviations (the language names of ISO 639 and the Oxford English
# Dictionary's abbreviations).
LANGUAGE_LABELS: frozenset[str] = frozenset({
    "russian", "rus", "russ", "ukrainian", "ukr", "polish", "pol", "latvian", "latv", "lv",
    "lithuanian", "lith", "lit", "estonian", "est", "german", "ger", "yiddish", "hebrew",
    "jewish", "georgian", "geo", "armenian", "arm", "belarusian", "belorussian", "finnish",
    "tatar", "kazakh", "english", "french", "czech", "hungarian", "romanian", "italian",
})
# Words of a phrase that introduces another name ("also known as", "real name", "née",
# "surname at birth"), as an encyclopedia's lead uses them (the Wikipedia Manual of Style,
# "Biography: names").
ALIAS_WORDS: frozenset[str] = frozenset({
    "also", "known", "as", "aka", "born", "née", "nee", "real", "name", "names", "surname",
    "at", "birth", "original", "originally", "named", "called", "nickname",
    "nicknames", "pseudonym", "pseudonyms", "alias", "aliases", "party", "code", "codename",
    "nom", "de", "guerre", "plume", "formerly", "until", "before", "or",
    "birthname", "given", "otherwise", "spelled", "spelt", "transliterated",
    # a later name in a lead's list: "(born X, later Y, and in the US assuming the name of Z)"
    "later", "subsequently", "afterwards", "and", "assuming", "assumed", "the", "of",
    # "a.k.a.", "né", "pen name", "nicknamed", "dubbed", "better known as"
    "a", "k", "né", "pen", "nicknamed", "dubbed", "better",
    # ", whose real name was X,"
    "whose", "was",
})
# Of those, the words that alone say "another name follows" when no bracket does: ", born X,".
STRONG_ALIAS_WORDS: frozenset[str] = frozenset({
    "born", "née", "nee", "aka", "alias", "pseudonym", "nickname", "real", "birthname", "né",
    "nicknamed", "known",
})
# Words that go on with a list of names already begun but never open one: "(later Y)" after
# the holder of a post may name the next holder.
LATER_WORDS: frozenset[str] = frozenset({"later", "subsequently", "afterwards"})
# Words that may join two names of a list of aliases but do not by themselves say that the
# second is an alias: "(Lind and Marten)" after a name may be two companions.
LINKING_WORDS: frozenset[str] = frozenset({"and", "the", "of"})
# Prepositions that open a phrase of place or time qualifying one name of a list of aliases:
# "(born X, in the US Y)" (a preposition, an article, then a proper name or a year).
QUALIFIER_PREPOSITIONS: frozenset[str] = frozenset({"in", "from", "since", "after", "during"})
ARTICLES: frozenset[str] = frozenset({"the"})
# Words of a date, which stand in such a phrase without introducing a name (years are digits).
TIME_WORDS: frozenset[str] = frozenset()
# Words between two names of one list of aliases: "X, Y or Z".
ALIAS_SEPARATORS: frozenset[str] = frozenset({"or", "also"})
# A phrase before an assumed name in running text: "under the pseudonym X".
ASSUMED_NAME_PHRASES: tuple[str, ...] = (
    r"under\s+the\s+(?:pseudonym|alias|name(?:\s+of)?|code[\s-]?name|nom\s+de\s+guerre|nickname)",
    r"(?:pseudonym|nom\s+de\s+guerre|code[\s-]?name|alias)",
    # "he assumed the identity of X", "took the name of X"
    r"(?:assumed|assuming|took|taking)\s+the\s+(?:identity|name)\s+of",
    # "another identity that he used in Paris was Mr X", "the name she adopted was X": a name
    # the person used, the copula's complement (a courtesy title before it is no part of it)
    r"(?:identity|name|alias|pseudonym|cover)\s+(?:that\s+|which\s+)?(?:he|she)\s+"
    r"(?:used|adopted|assumed|took|bore)(?:\s+\w+){0,3}?\s+(?:was|is)"
    r"(?:\s+(?:Mr|Mrs|Miss|Ms|Dr|Herr|Frau|Monsieur|Madame)\.?)?",
    # "he was born X in Tula": a name right after "born", before where or when
    r"(?:was|were)\s+born",
    # "his real name was X", "her name at birth was X"
    r"(?:real|birth|original)\s+name\s+(?:was|is)", r"name\s+at\s+birth\s+(?:was|is)",
)
# A name a document gives: "the passport gave his name as X", "a passport in the name of X"
# (not "in the name of the revolution": only a document is made out in a name). Whose the
# document is, the text says before it ("the body of a man was found ... a passport in his
# pocket"), often of someone it has not named yet: the name is tied only to a person named in
# its sentence, never to the text's subject by default.
DOCUMENT_NAME_PHRASES: tuple[str, ...] = (
    r"(?:gave|gives|give|giving|listed|lists)\s+(?:his|her)\s+name\s+as",
    r"(?:passport|papers|documents|visa|identity\s+card)\s+(?:made\s+out\s+)?"
    r"(?:in|under)\s+the\s+name\s+of",
)
# A remark in a bracket right after a name that calls it one of the person's own names: "Lev
# Sorin (his official name since 1920)", "VOLK (his code name)"; whose names the possessive
# means is not said, so the name goes to the person the text is about.
OWN_NAME_REMARKS: tuple[str, ...] = (
    r"(?:his|her)\s+(?:[\w/-]+\s+){0,3}?(?:name|surname|pseudonym|alias|code[\s-]?name|"
    r"cover\s+name|nickname|nom\s+de\s+guerre)\b",
)
# The plural of those phrases, which goes on to a list of names: "known under the names of X,
# Y (his code name) and Z".
ASSUMED_LIST_PHRASES: tuple[str, ...] = (
    r"under\s+the\s+(?:names|pseudonyms|aliases|code[\s-]?names)(?:\s+of)?",
)
# The verb of the main clause, which may follow an apposition whose closing comma the writer
# left out: "X (1891 – 1938), born Y was a chekist" (the copula and the commonest auxiliaries).
MAIN_CLAUSE_VERBS: frozenset[str] = frozenset({"was", "were", "is", "became", "had"})
# Words between the names of such a list.
LIST_SEPARATORS: frozenset[str] = frozenset({"and", "or"})
# A line label that gives the person's name at birth or other names in an infobox ("Birth
# name: X", "Other names: X, Y"; the labels of Wikipedia's Infobox person).
BIRTH_NAME_LABELS: tuple[str, ...] = (
    r"birth\s+name", r"born\s+as", r"native\s+name", r"other\s+names?", r"also\s+known\s+as",
    r"pseudonyms?", r"nicknames?", r"aliases",
)
# Kinship nouns just before a bare surname make it a relative of the person the text is about
# ("his father Florensky", "her husband Daniel"): not that person; with the word's gender, if
# any. The nouns and their genders are the lexicon's (``lexicon.KIN_NOUNS``).
KIN_WORDS: dict[str, str | None] = {word: gender for word, (_, gender) in KIN_NOUNS.items()}
# Kinship nouns that name no particular relation: compatible with any other.
GENERAL_KIN: frozenset[str] = frozenset({"relative", "relatives", "cousin"})
# First-person possessives before a kinship noun make the relative the narrator's ("my
# father"), and the pronoun that opens a signed statement names the narrator ("I, X, was
# born ..."): English grammar's personal pronouns (Quirk et al. 1985, § 6.4).
FIRST_PERSON_POSSESSIVES: frozenset[str] = frozenset({"my", "our"})
NARRATOR_PRONOUNS: frozenset[str] = frozenset({"i"})
# Any possessive determiner (Quirk et al. 1985, § 6.4): before a kinship title ("his Uncle
# Fyodor") it says whose relative the name is.
POSSESSIVES_BEFORE_KIN: frozenset[str] = frozenset({"my", "our", "your", "his", "her", "its",
                                                    "their"})
