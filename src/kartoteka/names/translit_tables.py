"""Transliteration tables for Russian names, built from the published standards.

Cyrillic -> Latin, one table per scheme (lowercase; casing is restored by the caller):

- ``bgn``: BGN/PCGN 1947, in the everyday form without apostrophes for ь/ъ and without the
  diaeresis on ё (Yezhov, Lyushkov, Yagoda, Tukhachevskiy).
- ``iso9``: ISO 9:1995 (GOST 7.79 system A), one Latin letter per Cyrillic letter (Ežov, Ŝ).
- ``alalc``: ALA-LC romanization without the tie ligatures and breves, which is also what
  unidecode-like tools print (Ezhov, Liushkov, Iagoda, Tukhachevskii).
- ``german``: Duden-style German transcription (Jeschow, Ljuschkow, Tuchatschewski).
- ``french``: the usual French transcription (Iejov, Liouchkov, Toukhatchevski, Lénine -> Lenine).
- ``scholarly``: the linguists' system (Ežov, Ljuškov, Špigel'glas, Tuxačevskij).

Latin -> Cyrillic "readers" invert the families of schemes so a Latin spelling can be read back
into Cyrillic before keys are built: ``base`` (English, BGN, ALA-LC, ISO 9 and scholarly in ASCII),
``german``, ``french``, ``scholarly`` (which only differs in reading x as х), ``polish`` and
``iso9`` (ISO 9 / GOST 7.79 system A, one letter for one letter: Mihajlovič, Zajončik).
"""

from __future__ import annotations

CYRILLIC_VOWELS = frozenset("аеёиоуыэюя")
# Letters after which a Cyrillic е/ё is pronounced with a y-glide ("ye"), in schemes that show it.
IOTATING_CONTEXT = frozenset("аеёиоуыэюяьъ")
HUSHING = frozenset("жчшщ")

_COMMON = {
    "а": "a", "б": "b", "г": "g", "д": "d", "и": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ф": "f", "ъ": "", "ь": "",
}

CYR_TO_LAT: dict[str, dict[str, str]] = {
    "bgn": _COMMON | {
        "в": "v", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "й": "y", "у": "u", "х": "kh",
        "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ы": "y", "э": "e", "ю": "yu", "я": "ya",
    },
    "iso9": _COMMON | {
        "в": "v", "е": "e", "ё": "ë", "ж": "ž", "з": "z", "й": "j", "у": "u", "х": "h",
        "ц": "c", "ч": "č", "ш": "š", "щ": "ŝ", "ы": "y", "э": "è", "ю": "û", "я": "â",
        "ь": "ʹ", "ъ": "ʺ",
    },
    "alalc": _COMMON | {
        "в": "v", "е": "e", "ё": "e", "ж": "zh", "з": "z", "й": "i", "у": "u", "х": "kh",
        "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ы": "y", "э": "e", "ю": "iu", "я": "ia",
    },
    "german": _COMMON | {
        "в": "w", "е": "e", "ё": "jo", "ж": "sch", "з": "s", "й": "i", "у": "u", "х": "ch",
        "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ы": "y", "э": "e", "ю": "ju",
        "я": "ja",
    },
    "french": _COMMON | {
        "в": "v", "е": "e", "ё": "io", "ж": "j", "з": "z", "й": "ï", "у": "ou", "х": "kh",
        "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "ы": "y", "э": "e", "ю": "iou",
        "я": "ia",
    },
    "scholarly": _COMMON | {
        "в": "v", "е": "e", "ё": "ë", "ж": "ž", "з": "z", "й": "j", "у": "u", "х": "x",
        "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ы": "y", "э": "è", "ю": "ju", "я": "ja",
        "ь": "'", "ъ": '"',
    },
}

# е at the start of a word or after a vowel/soft sign is written with its glide in these schemes.
IOTATED_E = {"bgn": "ye", "german": "je", "french": "ie"}
# ё after a hushing consonant is a plain o in the schemes that spell the glide.
HUSHING_YO = {"bgn": "o", "german": "o", "french": "o"}
# Adjectival endings (-ский, -ый) by scheme; anything not listed is spelled letter by letter.
ENDINGS: dict[str, dict[str, str]] = {
    "bgn": {"ий": "iy", "ый": "yy"},
    "alalc": {"ий": "ii", "ый": "yi"},
    "german": {"ий": "i", "ый": "y"},
    "french": {"ий": "i", "ый": "y", "ин": "ine", "ын": "yne"},
}
# The popular English spelling of the press and of most English-language histories.
POPULAR_ENDINGS = {"ий": "y", "ый": "y"}

# Latin -> Cyrillic readers. Longest match wins; "^" and "$" mark the start and end of a word,
# "V" and "C" a preceding vowel or consonant (look-behinds for the glide readings).
_READ_COMMON = {
    "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "i": "и", "k": "к", "l": "л",
    "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "t": "т", "u": "у", "v": "в",
    "ph": "ф", "qu": "кв", "q": "к", "ff$": "ф",
    "off$": "ов", "eff$": "ев", "ow$": "ов", "ew$": "ев", "ows$": "овс",
}

LAT_TO_CYR: dict[str, dict[str, str]] = {
    "base": _READ_COMMON | {
        "shch": "щ", "sch": "ш", "zh": "ж", "kh": "х", "ts": "ц", "tz": "ц", "ch": "ч",
        "sh": "ш", "yu": "ю", "ju": "ю", "iu": "ю", "ya": "я", "ja": "я", "ia": "я",
        "ye": "е", "je": "е", "Cye": "ье", "Cje": "ье", "yo": "ё", "jo": "ё",
        "iy$": "ий", "ii$": "ий", "ij$": "ий", "yy$": "ый", "yi$": "ый", "y$": "ий",
        "x": "кс", "w": "в", "c": "ц", "h": "х", "j": "й", "y": "ы", "Vy": "й", "Vi$": "й",
        "s": "с", "z": "з",
    },
    "german": _READ_COMMON | {
        "schtsch": "щ", "tsch": "ч", "sch": "ш", "ch": "х", "ck": "к", "tz": "ц", "z": "ц",
        "ss": "с",
        "ja": "я", "je": "е", "Cje": "ье", "jo": "ё", "ju": "ю", "ij$": "ий", "i$": "ий", "j": "й",
        "w": "в", "x": "кс", "h": "х", "y": "ы", "s": "с", "c": "ц",
    },
    "french": _READ_COMMON | {
        "chtch": "щ", "tch": "ч", "ch": "ш", "kh": "х", "iou": "ю", "you": "ю", "ou": "у",
        "ia": "я", "ya": "я", "^ie": "е", "Vie": "е", "ie": "ье", "^io": "ио", "io": "ё",
        "yo": "ё",
        "j": "ж", "gue": "ге", "gui": "ги", "ss": "с", "s": "с", "ca": "ка", "co": "ко",
        "cu": "ку", "ck": "к", "c": "ц", "ine$": "ин", "yne$": "ын", "i$": "ий", "y$": "ый",
        "x": "кс", "w": "в", "h": "", "y": "ы", "z": "з",
        # ц is "ts" in French transcription as in English (Toukhatchevski's Kouznetsov,
        # Lissitsyne): without it the French reading left a т and an с
        "ts": "ц",
    },
    # ISO 9:1995 and its Russian edition GOST 7.79-2000 (system A), read back: one Latin letter
    # for each Cyrillic one, h for х, c for ц, j for й, y for ы; the diacritic letters (č š ž
    # ŝ ë è û â, ʹ ʺ) are read by DIACRITIC_LETTERS before any rule. The linguists' scholarly
    # system shares the letters but writes я and ю as ja, ju (Jakov, Juzefovič); no Russian
    # name has йа or йу, so both are read here. Unlike "base", no digraph (ch, sh, zh, kh, ts,
    # ya) is one letter: Zajončik is Зайончик, not Заёнчик, and Mihajlovič Михайлович.
    "iso9": _READ_COMMON | {
        "ja": "я", "ju": "ю", "j": "й", "h": "х", "c": "ц", "y": "ы", "x": "кс", "w": "в",
        "s": "с", "z": "з",
    },
}
LAT_TO_CYR["scholarly"] = LAT_TO_CYR["base"] | {"x": "х"}
# Polish romanisation of Russian names (the Polish Academy's rules, PN-ISO/Polish press use):
# sz ш, cz ч, szcz щ, rz/ż ж, w в, ch х, c ц, j й; "i" before a vowel softens the consonant;
# -owicz, -ewicz, -ski, -cki are the Polish spellings of -ович, -евич, -ский, -цкий.
LAT_TO_CYR["polish"] = _READ_COMMON | {
    "szcz": "щ", "sz": "ш", "cz": "ч", "rz": "ж", "ch": "х", "c": "ц", "w": "в",
    "ja": "я", "je": "е", "jo": "ё", "ju": "ю", "Cia": "я", "Cie": "е", "Cio": "ё", "Ciu": "ю",
    "owicz$": "ович", "ewicz$": "евич", "ski$": "ский", "cki$": "цкий", "ska$": "ская",
    "cka$": "цкая", "ij$": "ий", "yj$": "ый", "j": "й", "y": "ы", "h": "х", "x": "кс",
    "s": "с", "z": "з",
}

# Accented Latin letters that carry a Cyrillic letter of their own in ISO 9 / scholarly use.
DIACRITIC_LETTERS = {
    "ž": "ж", "š": "ш", "č": "ч", "ŝ": "щ", "ë": "ё", "è": "э", "û": "ю", "â": "я",
    "ĭ": "й", "ï": "й", "é": "е", "ý": "ы", "ǐ": "й",
    "ü": "ю", "ö": "ё",  # German spellings (Blücher for Блюхер)
    "ł": "л", "ż": "ж", "ź": "зь", "ś": "сь", "ć": "ць", "ń": "нь",  # Polish spellings
}
# Apostrophes and primes that stand for ь or ъ in Latin spellings.
SOFT_MARKS = "'’ʹʺ\"`´ʼ"
