"""Words around another name of the same person, in English and Russian (data for aliases.py).

An encyclopedia's lead gives a person's other names in the bracket after the name: "X (Russian:
Y; born Z; 1894 – 1938)", "X (настоящее имя — Y, …)", "X (урождённая Y)". Only these words may
stand between the bracket and such a name; any other word ("son of", "wife", "with") means
the bracketed name is someone else.
"""

from __future__ import annotations

# Names of languages and peoples that label a form of the name ("Russian:", "лит.", "Jewish").
LANGUAGE_LABELS: frozenset[str] = frozenset({
    "russian", "rus", "russ", "ukrainian", "ukr", "polish", "pol", "latvian", "latv", "lv",
    "lithuanian", "lith", "lit", "estonian", "est", "german", "ger", "yiddish", "hebrew",
    "jewish", "georgian", "geo", "armenian", "arm", "belarusian", "belorussian", "finnish",
    "tatar", "kazakh", "english", "french", "czech", "hungarian", "romanian", "italian",
    "русский", "рус", "укр", "украинский", "польск", "пол", "латыш", "латышский", "латв",
    "лит", "литовский", "эст", "эстонский", "нем", "немецкий", "идиш", "иврит", "евр",
    "груз", "грузинский", "арм", "армянский", "белор", "белорусский", "фин", "финский",
    "тат", "англ", "фр", "франц", "чеш", "венг", "рум", "итал",
})
# Words of a phrase that introduces another name ("also known as", "real name", "née",
# "surname at birth", "до 1918 года —", "настоящее имя", "урождённая").
ALIAS_WORDS: frozenset[str] = frozenset({
    "also", "known", "as", "aka", "born", "née", "nee", "real", "name", "names", "surname",
    "at", "birth", "original", "originally", "named", "called", "nickname",
    "nicknames", "pseudonym", "pseudonyms", "alias", "aliases", "party", "code", "codename",
    "nom", "de", "guerre", "plume", "formerly", "until", "before", "or",
    "birthname", "given", "otherwise", "spelled", "spelt", "transliterated",
    "настоящее", "настоящая", "настоящие", "имя", "фамилия", "фамилии", "при", "рождении",
    "урождённая", "урожденная", "урождённый", "урожденный", "урожд", "псевдоним",
    "псевдонимы", "партийный", "партийная", "партийные", "кличка", "клички", "прозвище",
    "также", "известен", "известна", "как", "до", "года", "году", "г", "гг", "или",
    "девичья", "по", "мужу", "отцу", "первоначально", "урождён", "урожден",
})
# Of those, the words that alone say "another name follows" when no bracket does: ", born X,".
STRONG_ALIAS_WORDS: frozenset[str] = frozenset({
    "born", "née", "nee", "aka", "alias", "pseudonym", "nickname", "real", "birthname",
    "урождённая", "урожденная", "урождённый", "урожденный", "урожд", "настоящее",
    "настоящая", "псевдоним", "кличка", "прозвище", "урождён", "урожден",
})
# Words between two names of one list of aliases: "X, Y or Z", "X или Y".
ALIAS_SEPARATORS: frozenset[str] = frozenset({"or", "или", "либо", "also", "также"})
# Punctuation that may stand in a phrase introducing an alias.
ALIAS_PUNCTUATION: frozenset[str] = frozenset(":—–-,.\"'“”„«»‘’")
# A phrase before an assumed name in running text: "under the pseudonym X", "под фамилией X".
ASSUMED_NAME_PHRASES: tuple[str, ...] = (
    r"under\s+the\s+(?:pseudonym|alias|name|code[\s-]?name|nom\s+de\s+guerre|nickname)",
    r"(?:pseudonym|nom\s+de\s+guerre|code[\s-]?name|alias)",
    r"под\s+(?:псевдонимом|фамилией|именем|кличкой)",
)
# A line label that gives the person's name at birth in an infobox ("Имя при рождении: X").
BIRTH_NAME_LABELS: tuple[str, ...] = (
    r"birth\s+name", r"born\s+as", r"native\s+name", r"имя\s+при\s+рождении",
    r"настоящее\s+имя", r"фамилия\s+при\s+рождении",
)
# Words just before a bare surname that make it a relative of the person the text is about
# ("his father Florensky", "her husband Daniel"): not that person; the word's gender, if any.
KIN_WORDS: dict[str, str | None] = {
    **dict.fromkeys((
        "father", "husband", "son", "brother", "uncle", "nephew", "grandfather", "grandson",
        "widower", "stepfather", "father-in-law", "brother-in-law", "son-in-law",
        "отец", "отца", "отцу", "муж", "мужа", "мужу", "сын", "сына", "сыну", "брат", "брата",
        "брату", "дядя", "дяди", "племянник", "дед", "деда", "отчим",
    ), "m"),
    **dict.fromkeys((
        "mother", "wife", "daughter", "sister", "aunt", "niece", "grandmother",
        "granddaughter", "widow", "stepmother", "mother-in-law", "sister-in-law",
        "daughter-in-law", "мать", "матери", "жена", "жены", "жене", "дочь", "дочери",
        "сестра", "сестры", "тётя", "тетя", "бабушка", "вдова", "вдовы", "мачеха",
    ), "f"),
    **dict.fromkeys(("cousin", "parents", "двоюродный", "родители", "родителей"), None),
}
