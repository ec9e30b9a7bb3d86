"""Word lists for parsing Russian personal names (facts of Russian morphology and usage).

The given-name list, with foreign equivalents and diminutives, lives in ``data/given_names.tsv``.
"""

from __future__ import annotations

# Patronymic endings, written in Cyrillic and in the common Latin schemes (English, German,
# French, ISO/scholarly after diacritics are folded). Longest first matters only for stripping.
PATRONYMIC_SUFFIXES_MALE = (
    "ович", "евич", "ёвич", "ич",
    "ovich", "evich", "ovitch", "evitch", "owitsch", "ewitsch", "ovic", "evic", "ovič", "evič",
    "ovych", "ievich", "yevich", "ich", "itch", "itsch",
)
PATRONYMIC_SUFFIXES_FEMALE = (
    "овна", "евна", "ёвна", "ична", "инична",
    "ovna", "evna", "owna", "ewna", "ichna", "itschna", "itchna", "ična", "inichna",
)

# Feminine surname endings and the masculine endings they alternate with (Ежова / Ежов).
FEMININE_SURNAME_ENDINGS = (
    ("ская", "ский"), ("цкая", "цкий"), ("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"),
    ("ина", "ин"), ("ына", "ын"),
)
FEMININE_SURNAME_ENDINGS_LATIN = (
    "skaya", "skaia", "skaja", "ckaja", "tskaya", "ova", "eva", "owa", "ewa", "ina", "yna",
)
MASCULINE_SURNAME_ENDINGS = (
    "ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ской", "ый",
)
MASCULINE_SURNAME_ENDINGS_LATIN = (
    "ov", "ev", "off", "eff", "ow", "ew", "in", "yn", "sky", "ski", "skiy", "skii", "skij",
    "skyi", "ckij",
)

# Words that may precede a name and are not part of it (ranks, forms of address), by language
# (each language's general dictionary), written without a final dot. ``names.parse`` strips
# them all from a name; the English and Russian extractors add them to their own title words
# (``extract/en/lexicon.py``, ``extract/ru/lexicon.py``), so each stands in one list.
TITLES_BEFORE_NAMES: dict[str, frozenset[str]] = {
    "en": frozenset({
        "comrade", "citizen", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "general",
        "colonel", "major", "captain", "lieutenant", "marshal", "commissar",
    }),
    "de": frozenset({"genosse", "herr", "frau"}),
    "fr": frozenset({"monsieur", "madame", "camarade"}),
    "ru": frozenset({"товарищ", "тов", "гражданин", "гражданка", "граждан", "господин", "госпожа"}),
}
NAME_TITLES: frozenset[str] = frozenset().union(*TITLES_BEFORE_NAMES.values())
# Name particles kept with the surname ("von", "de").
SURNAME_PARTICLES = frozenset({"von", "van", "de", "du", "der", "den", "di", "da", "la", "le"})
# The article of an epithet ("Ivan the Terrible", "Peter the Great"; Quirk et al. 1985,
# §17.93), lower case only: it and the epithet are read as the surname would be.
EPITHET_ARTICLES = frozenset({"the"})

# Latin initial -> the Cyrillic letters (initial classes, see keys.INITIAL_CLASS) a name so
# abbreviated may start with, from the romanisation standards: BGN/PCGN (Е = Ye, Ю = Yu,
# Я = Ya, Й = Y, Х = Kh), ALA-LC (Ю = Iu, Я = Ia, Й = I), ISO 9 (Х = H, Ц = C, Ч = Č, Ш = Š,
# Щ = Ŝ, Ю = Û, Я = Â), German Duden (Ж/Ш = Sch, З = S, Ц = Z, Ч = Tsch, Х = Ch, В = W, Й/Ю/Я
# = J, Ju, Ja), French (Ж = J, Ш = Ch, Ч = Tch, У = Ou, Ю = Iou), Polish PWN (Ч = Cz, Ш = Sz,
# Щ = Szcz, Ж = Ż, Х = Ch, В = W) and Czech (Ч = Č, Ш = Š, Х = Ch, Ж = Ž); and the English
# forms of names (Josef / Joseph for Иосиф, J for Дж, C for К, Th for Ф).
INITIAL_KEY_LETTERS = {
    "a": "а", "b": "б", "v": "в", "w": "в", "g": "г", "d": "д", "e": "е", "é": "е",
    "è": "е", "ë": "е", "ye": "е", "je": "е", "ie": "е", "yo": "еи", "jo": "еи", "io": "еи",
    "zh": "ж", "ž": "ж", "ż": "ж", "z": "зжц", "i": "ийюяе", "y": "ийеюя", "j": "ийжеюяд",
    "k": "кх", "kh": "х", "l": "л", "ł": "л", "m": "м", "n": "н", "o": "о", "p": "п",
    "ph": "ф", "r": "р", "s": "сз", "sh": "шщ", "sz": "шщ", "sch": "шщж", "š": "шщ",
    "shch": "щ", "szcz": "щ", "šč": "щ", "ŝ": "щ", "schtsch": "щ", "chtch": "щ",
    "t": "тц", "th": "тф", "ts": "ц", "tz": "ц", "tch": "ч", "tsch": "ч", "u": "ую",
    "ou": "у", "yu": "ю", "ju": "ю", "iu": "ю", "û": "ю", "iou": "ю", "ya": "я", "ja": "я",
    "ia": "я", "â": "я", "f": "ф", "h": "хг", "x": "хк", "c": "цкчс", "č": "ч", "cz": "ч",
    "ch": "чхш", "q": "к",
}
# Initials are compared as Cyrillic letters, with the letters one name's initial is written
# with either way merged: Е/Ё/Э (Ёлкин is Елкин in print), И/Й/Ы (Йосиф beside Иосиф).
INITIAL_CLASS = str.maketrans("ёэйы", "ееии")

# Cyrillic letter -> letter of the "fine" key form, which similarity compares. Keys are opaque
# ASCII strings: ж "x", ш/щ "j", з "z", с "s", ц "q", ч "c", х "h"; я and ю keep their glide as
# "y" (Lyapin is not Lapin), е/ё/э are plain "e" (Latin spellings show their glide
# inconsistently), and the soft and hard signs ("'") become a glide before a vowel, else vanish.
FINE_KEY_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "x", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "q", "ч": "c", "ш": "j", "щ": "j",
    "ъ": "'", "ь": "'", "ы": "i", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi",
    "є": "ye", "ґ": "g", "ў": "u",
}
# The coarse key (surname_key) merges what the schemes cannot tell apart: German "sch" is ж or
# ш, German "s" is з or с, German "z" is ц where English "z" is з; and it drops every glide.
COARSE_KEY = str.maketrans({"x": "j", "z": "s", "q": "s", "y": None})
KEY_VOWELS = frozenset("aeiou")
# After ж/ш/щ/ч Russian writes о, ё or е for the same sound (Хрущёв, Khrushchov, Хрущев).
KEY_HUSHING = frozenset("xjc")

# Costs of edits between two fine key forms (1.0 is an ordinary edit). Cheap are the
# differences that transliteration produces; a vowel that changes to another (Gorin, Garin)
# is nearly a full edit.
SUBSTITUTION_COSTS = {
    frozenset("xj"): 0.15,  # German "sch" is ж or ш
    frozenset("zs"): 0.4,  # German "s" is з or с
    frozenset("ei"): 0.6,
    frozenset("ao"): 0.7,  # unstressed о/а (Крамаров, Краморов)
    frozenset("bp"): 0.8, frozenset("vf"): 0.8, frozenset("gk"): 0.8, frozenset("dt"): 0.8,
}
# Cheap only when at least one spelling is Latin: the confusions of a translation through
# Chinese (l/r; ж heard as pinyin r) and of German z for ц. Between two Cyrillic spellings these
# are different names (Балабанов, Барабанов).
TRANSLATION_COSTS = {
    frozenset("eo"): 0.2,  # ё written yo, io, e or o (Fyodor, Fedor; Yerov, Yerev)
    frozenset("lr"): 0.25,  # Kalin, Karin; Molchanov, Morchanov
    frozenset("xr"): 0.25,  # Yezhov, Yerov
    frozenset("qz"): 0.4, frozenset("qs"): 0.4,  # German z, Polish c
    frozenset("sj"): 0.5,  # German and Yiddish st/sp for шт/шп (Mandelstam, Spiegel)
    frozenset("kh"): 0.6, frozenset("gh"): 0.6,  # х written k, Г written h
}
VOWEL_SUBSTITUTION_COST = 0.9
INDEL_COSTS = {"e": 0.8, "a": 0.8, "o": 0.8, "u": 0.8, "i": 0.8, "y": 0.8}
TRANSLATION_INDEL_COSTS = {"h": 0.5}  # a silent h in a Latin spelling
# A glide ("y") before e or o is spelled or not at random in Latin (Solovyov, Soloviev,
# Zinovev); before a or u it tells я/ю from а/у (Lyapin, Lapin) and costs as a vowel.
GLIDE_BEFORE_EO_COST = 0.3
DEFAULT_EDIT_COST = 1.0
# Similarity is 1 - cost / (BASE + PER_LETTER * length): a fixed budget of cheap edits rather
# than a share of the length, so one real letter difference sinks a short or middling name.
SIMILARITY_BASE = 2.0
SIMILARITY_PER_LETTER = 0.2
# Using a less likely reading of a Latin spelling (German "ch" as х in "Bucharin") costs a little.
SECONDARY_READING_PENALTY = 0.03

# Oblique case endings of Russian surnames and the nominative ending they come from. Only the
# productive types: possessive -ов/-ев/-ин/-ын (Ежова, Ежову, Ежовым) and adjectival -ский/-цкий
# (Тухачевского, Тухачевскому); plural forms (Ежовых) name the family.
SURNAME_CASE_ENDINGS = (
    ("ского", "ский"), ("скому", "ский"), ("ским", "ский"), ("ском", "ский"), ("ской", "ский"),
    ("скую", "ский"), ("ские", "ский"), ("ских", "ский"), ("скими", "ский"),
    ("цкого", "цкий"), ("цкому", "цкий"), ("цким", "цкий"), ("цком", "цкий"), ("цкой", "цкий"),
    ("цкую", "цкий"), ("цкие", "цкий"), ("цких", "цкий"), ("цкими", "цкий"),
    ("овыми", "ов"), ("евыми", "ев"), ("иными", "ин"),
    ("овым", "ов"), ("евым", "ев"), ("иным", "ин"), ("ыным", "ын"),
    ("овых", "ов"), ("евых", "ев"), ("иных", "ин"),
    ("овой", "ов"), ("евой", "ев"), ("иной", "ин"),
    ("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("ына", "ын"),
    ("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("ыну", "ын"),
    ("ове", "ов"), ("еве", "ев"), ("ине", "ин"),
    ("овы", "ов"), ("евы", "ев"), ("ины", "ин"),
)
# English possessive and the plural of a family ("Yezhov's", "the Karins").
ENGLISH_SURNAME_SUFFIXES = ("'s", "’s", "s'", "s’")

# Latvian and Lithuanian nominative endings, which Russian (and English writing after Russian)
# drops: Zakovskis = Заковский, Uborevičius = Уборевич, Bērziņš = Берзин, Jeronimas = Иероним,
# Leonīds = Леонид. Russian also keeps some of them (Alksnis = Алкснис), so the stripped form is
# one more reading of the name, never a replacement. Longest first; (ending, replacement).
BALTIC_LATIN_ENDINGS = (
    ("skis", "sky"), ("ckis", "cky"), ("skas", "sky"), ("ckas", "cky"),
    ("ijus", ""), ("ius", ""), ("jus", ""), ("ņš", "ņ"), ("š", ""),
    ("as", ""), ("is", ""), ("ys", ""), ("us", ""), ("s", ""),
)
# Letters only Latvian or Lithuanian spelling uses (ē, ī, ū, ā also mark Latvian long vowels).
BALTIC_LETTERS = frozenset("āēīūņķļģėąęįų")
# Endings that are Baltic whatever the letters: no Russian or English surname ends so.
BALTIC_SURE_ENDINGS = ("skis", "ckis", "skas", "ckas", "čius", "ičius", "ņš")
# The same endings in a Russian rendering (Уборевичюс, Пятрас), nominative and genitive.
BALTIC_CYRILLIC_ENDINGS = (
    ("юса", ""), ("юс", ""), ("яса", ""), ("яс", ""), ("аса", ""), ("ас", ""),
    ("иса", ""), ("ис", ""), ("уса", ""), ("ус", ""),
)
BALTIC_MIN_STEM = 3
