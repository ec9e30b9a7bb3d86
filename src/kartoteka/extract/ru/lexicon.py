"""Russian word lists the date, name and claim layers share: months, seasons, name particles.

Data only. Stems are matched case-insensitively; forms list every inflection the sources use.
"""

from __future__ import annotations

import re

from kartoteka.names.name_data import TITLES_BEFORE_NAMES

# Month stems: "январ" matches января/январе/январь/январю; "ма" needs the exact forms below.
MONTH_STEMS: dict[str, int] = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
MAY_FORMS = ("май", "мая", "мае", "маю")

# Every inflected month form as one regex alternation (longest first, so "марта" beats "март").
_SOFT_MONTHS = ("январ", "феврал", "апрел", "июн", "июл", "сентябр", "октябр", "ноябр", "декабр")
MONTH_FORMS: tuple[str, ...] = tuple(sorted(
    [stem + end for stem in _SOFT_MONTHS for end in ("ь", "я", "е", "ю")]
    + [stem + end for stem in ("март", "август") for end in ("", "а", "е", "у")]
    + list(MAY_FORMS),
    key=len, reverse=True,
))

# Seasons: EDTF level-1 season codes (21 spring … 24 winter), in the forms "весной 1937",
# "весна 1937", "весны 1937", "к осени 1937".
SEASONS: dict[str, int] = {
    "весной": 21, "весна": 21, "весны": 21, "весну": 21, "весне": 21,
    "летом": 22, "лето": 22, "лета": 22,
    "осенью": 23, "осень": 23, "осени": 23,
    "зимой": 24, "зима": 24, "зимы": 24, "зиму": 24, "зиме": 24,
}

# Words that may follow a year: "1937 г.", "1937 года", "в 1933-1934 гг.", "1937 г.г."
YEAR_WORDS = r"(?:г\.\s?г\.|гг\.?|г\.|годах|годов|года|году|годы|год)"

# The Gregorian calendar replaced the Julian in Soviet Russia on 14 February 1918 (NS).
CALENDAR_CHANGE = (1918, 2, 14)


def month_number(word: str) -> int | None:
    """The month a Russian month word names, in any case; None for other words."""
    w = word.lower()
    if w in MAY_FORMS:
        return 5
    for stem, number in MONTH_STEMS.items():
        if w.startswith(stem) and len(w) - len(stem) <= 1:
            return number
    return None

# Kinship nouns (the kinship terms of a general dictionary, as lemmas) and the gender each
# gives the relative it names (None: either): "брат Карина" is Karin's brother (a genitive), not
# a man called Карина. The one list: KINSHIP, a described relative's gender and the kin cue
# words before a name (alias_words.KIN_WORDS) are read off it.
KIN_NOUNS: dict[str, str | None] = {
    "жена": "f", "муж": "m", "супруга": "f", "супруг": "m", "вдова": "f", "вдовец": "m",
    "брат": "m", "сестра": "f", "сын": "m", "дочь": "f", "отец": "m", "мать": "f",
    "родитель": None, "дядя": "m", "тётя": "f", "тетя": "f", "племянник": "m",
    "племянница": "f", "внук": "m", "внучка": "f", "дед": "m", "бабушка": "f", "отчим": "m",
    "мачеха": "f", "зять": "m", "тесть": "m", "тёща": "f", "теща": "f", "свекровь": "f",
    "свёкор": "m", "невестка": "f", "родственник": "m", "родственница": "f", "семья": None,
}
KINSHIP: frozenset[str] = frozenset(KIN_NOUNS)
# Possessive pronouns that may stand before a feminine kinship noun in the nominative ("его
# жена", "моя мать"): the invariable его/её/их and the feminine nominative of мой, твой, наш,
# ваш, свой (Русская грамматика, 1980, §§ 1320–1326). A name after "его жена" is the wife
# herself, in apposition, not a genitive ("жена Лебедева", Lebedev's wife).
POSSESSIVES_BEFORE_KIN = frozenset({"его", "её", "ее", "их", "моя", "твоя", "наша", "ваша",
                                    "своя"})
# Between a kinship noun and a name, a dash or colon makes the name the relative itself
# ("Жена — Антонина Лебедева"; "Мать: Лебедева"), as an infobox or a biography's family line.
APPOSITION_MARKS = frozenset({"—", "–", "-", ":"})

# What a kinship noun before a name makes of the two (vocabulary.yaml relation ids).
KIN_RELATIONS = {"жена": "spouse_of", "муж": "spouse_of", "супруга": "spouse_of",
                 "супруг": "spouse_of", "вдова": "spouse_of", "брат": "sibling_of",
                 "сестра": "sibling_of", "сын": "child_of", "дочь": "child_of",
                 "отец": "parent_of", "мать": "parent_of", "родитель": "parent_of"}
# Personal pronouns of the third person and the gender they refer to.
PRONOUNS = {"он": "m", "она": "f", "его": "m", "её": "f", "ее": "f", "ему": "m", "ей": "f",
            "им": "m", "ней": "f", "нее": "f", "неё": "f", "него": "m"}

# Posts, ranks and forms of address that natasha takes into a person span ("Нарком Ягода"): the
# forms of address ``names`` strips from a name (``names.name_data.TITLES_BEFORE_NAMES``) and
# these.
TITLE_WORDS: frozenset[str] = TITLES_BEFORE_NAMES["ru"] | frozenset("""
нарком наркомвнудел комкор комдив командарм комбриг комиссар маршал генерал полковник
подполковник майор капитан лейтенант профессор академик
следователь начальник заместитель замнаркома секретарь председатель обвиняемый обвиняемая
свидетель свидетельница подследственный арестованный арестованная чекист писатель поэт доктор
врач инженер митрополит епископ священник резидент посол военачальник
""".split())

# Labels inside a list entry's brackets before another name of the person: "(урожд. Штерн)",
# "(наст. фам. Пудикович)", "(он же Шмит)". Regular expressions, matched case-insensitively.
VARIANT_LABELS: tuple[str, ...] = (
    r"урожд(?:[её]нн(?:ая|ый))?\.?", r"в\s+девичестве", r"девич(?:ья)?\.?\s*(?:фам(?:илия)?\.?)?",
    r"наст(?:оящ(?:ая|ее))?\.?\s*(?:фам(?:илия)?|имя)?\.?", r"псевд(?:оним)?\.?",
    r"(?:он|она)\s+же", r"по\s+мужу", r"по\s+другим\s+данным", r"варианты?(?:\s+\w+)?\s*:",
    r"до\s+\d{4}\s*(?:г\.|года)?\s*[—–-]?",
)

# Nouns that name a place or a site: the capitalised word after them is its name ("мыза
# Ольховка", "станция Бутово"), not a person's. Lemmas.
PLACE_NOUNS: frozenset[str] = frozenset("""
деревня село посёлок поселок мыза хутор станция полустанок город местечко слобода урочище
улица переулок проспект площадь район уезд губерния область волость округ край полигон лагерь
остров река озеро гора станица аул кишлак совхоз колхоз завод фабрика рудник шахта тюрьма
""".split())

# Soviet bodies by the shape of their word: "Сибревкома", "губкома", "Совнаркома".
ORG_SHAPED = re.compile(r"(?:ревком|исполком|губком|обком|райком|горком|крайком|окружком|"
                        r"волком|совнарком|наркомат|главк|облсуд|нарсуд)(?:а|у|ом|е|ы|ов)?$",
                        re.I)

# -- modality cues (kartoteka.extract.ru.modality) ---------------------------------------------
# From the grammar of Russian modality (Русская грамматика, АН СССР 1980, §§ on the subjunctive,
# modal verbs and introductory words): what, standing before a fate verb in its clause, says the
# event did not (or not surely) happen. Each pattern is matched against the clause up to the
# trigger and must end right before it, with at most a few words between.
_GAP = r"(?:[^\W\d_]+\s+){0,3}"
MODAL_CUES: dict[str, str] = {
    # conditions and possibilities: "мог быть арестован", "если бы его арестовали"
    "hypothetical": (rf"(?:\b(?:мог|могла|могло|могли|может|могут|можно|могл[иа]\s+бы)\s+"
                     rf"(?:бы\s+)?(?:(?:уже|тоже|даже|быть|стать)\s+){{0,2}}{_GAP}|"
                     r"\b(?:если|ежели|чтобы|дабы)\b[^,;:.!?]*|\bбы\b[^,;:.!?]*)$"),
    # a near miss (particles of an action that came close and did not happen, Русская
    # грамматика 1980, §1700 "чуть не", "едва не"): "его чуть не расстреляли"
    "near_miss": rf"\b(?:чуть|едва)\s+(?:было\s+)?не\s+{_GAP}$",
    # an indirect question (Русская грамматика 1980, §2200, the particle "ли" after the word
    # asked about): "никто не знает, был ли он расстрелян"
    "question": rf"(?<![\w-])[^\W\d_]+\s+(?-i:ли)\s+{_GAP}$",
    # plans and attempts: "собирались расстрелять", "хотели его арестовать"
    "intended": (r"\b(?:собира|намерева|планирова|хоте|решил|решали|готовил|пыталс|пыталась|"
                 r"пытались|попыта|намеча|предполагалось|должн(?:ы|а|о)?\s+был|должен\s+был)"
                 rf"[^\W\d_]*\s+(?:было\s+)?{_GAP}$"),
    # fears and expectations: "боялся быть арестованным", "ждал, что его арестуют"
    "feared": (r"\b(?:боял|опасал|страшил|ожида|ждал|предчувствова|грозил|угрожал|угроз|"
               r"опасност|страх)[^\W\d_]*\s*,?\s*(?:что\s+|быть\s+)?(?:его\s+|её\s+|ее\s+|их\s+)?"
               rf"{_GAP}$"),
    # orders: "приказал расстрелять", "потребовал, чтобы его арестовали"
    "ordered": (r"\b(?:приказа|велел|распорядил|потребова|предложил|поручил)[^\W\d_]*\s*,?\s*"
                rf"(?:чтобы\s+)?{_GAP}$"),
    # accusations: "обвинялся в том, что расстрелял" (a charge's noun, "в подготовке убийства",
    # names no fate verb; "по обвинению в шпионаже арестован" asserts the arrest)
    "charged": (r"\b(?:обвиня(?:лся|лась|лись|ется|ются|ли)|обвин(?:ён|ен|ена|ены|или|ил|ила)|"
                r"по\s+обвинению|инкриминир[^\W\d_]*|вменял[^\W\d_]*|вменено)\s+в\s+том\s*,?\s*"
                r"что\s+[^,;:.!?]*$|"
                # a confession is the charge signed under interrogation: "признался, что
                # расстрелял", "сознался в том, что убил"
                r"\b(?:призна(?:лся|лась|лись|л|ла|ли)|созна(?:лся|лась|лись))\s*,?\s*"
                r"(?:в\s+том\s*,?\s*)?что\s+[^,;:.!?]*$"),
    # reports nobody vouches for: "официально сообщалось, что он умер", "по другим данным"
    "reported": (r"\b(?:сообщалось|утверждалось|объявлено|было\s+объявлено|заявлялось|"
                 r"по\s+официальной\s+версии|официально|газеты\s+писали|в\s+газетах\s+писали|"
                 r"по\s+(?:другим|иным|некоторым|официальным)\s+(?:данным|сведениям)|"
                 # the authorities' notice to a family (the death certificates of 1955 on gave
                 # invented dates and causes): "получила справку, что он умер", "в свидетельстве
                 # о смерти указано", "семье сообщили, что"
                 r"(?:справк|извещени|уведомлени|свидетельств)[^\W\d_]*(?:\s+о\s+смерти)?"
                 r"\s*,?\s*(?:о\s+том\s*,?\s*)?(?:что|будто)|(?:справке|извещении|уведомлении|"
                 r"свидетельстве(?:\s+о\s+смерти)?|ответе)\s+(?:\S+\s+){0,2}?(?:было\s+)?"
                 r"(?:указано|указывалось|значилось|говорилось|сообщалось|написано)|"
                 r"(?:нам|мне|ей|ему|им|семье|родным|родственникам|матери|отцу|жене|мужу)\s+"
                 r"(?:\S+\s+)?(?:сообщили|ответили|объявили)|"
                 # a body of the state tells it: "НКВД сообщило, что он умер от сердечного
                 # приступа", "прокуратура ответила, что" (as English "the NKVD claimed")
                 r"(?:власти|органы|нквд|огпу|гпу|кгб|мгб|нкгб|мвд|прокуратур[аы]|загс|суд|"
                 r"трибунал|управление|комендатур[аы])\s+(?:\S+\s+)?(?:сообщил|ответил|заявил|"
                 r"уведомил|известил)[аио]?)"
                 r"\s*[,—–-]?\s*(?:что\s+)?[^;:.!?]*$"),
    # a statement refuted as it is told: "ошибочно считается, что он расстрелян"
    "refuted_rumour": (r"\b(?:ошибочно|неверно|ложно|напрасно)\s+(?:считается|считали|считают|"
                       r"утверждается|утверждали|указывается|сообщалось|пишут|писали)\s*,?\s*"
                       r"(?:что|будто)\s+[^;:.!?]*$|"
                       # a frame that denies the clause after it: "Неправда, что его
                       # расстреляли", "Это миф, что …"
                       r"(?:^|(?<=[\s,;:—–-]))(?:это\s+)?(?:неправда|не\s*верно|неверно|ложь|миф|"
                       r"вымысел|не\s+соответствует\s+действительности)\s*,?\s*(?:что|будто)"
                       r"\s+[^;:.!?]*$"),
}
# The narrator's own doubt (introductory words of probability, Русская грамматика 1980, §2222):
# the claim stays asserted, hedged, as English "probably", "possibly" (extract.modality.hedge).
NARRATOR_HEDGE = re.compile(r"(?<![\w-])(?:вероятно|возможно|предположительно|по-видимому|видимо|"
                            r"наверное|по\s+всей\s+видимости|скорее\s+всего)(?![\w-])", re.I)
# Words that tie a fate verb to the main clause rather than to the cue before it ("обвинён в
# шпионаже и расстрелян"): a cue reaches no further than one of them.
CLAUSE_JOINS = re.compile(r"(?<![\w-])(?:и|а|но|однако|затем|потом|после\s+чего)(?![\w-])",
                          re.I)
# After a fate verb in its clause: "расстреляли бы", "был ли он арестован".
MODAL_AFTER = re.compile(r"\s+(?:бы|ли)(?![\w-])", re.I)
# "расстрелян в 1937 г. (по другим данным — в 1938 г.)": a second date for the same event.
OTHER_DATA = re.compile(r"по\s+(?:другим|иным|некоторым)\s+(?:данным|сведениям)\s*[,:—–-]?\s*",
                        re.I)
