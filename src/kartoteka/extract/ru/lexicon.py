"""Russian word lists the date, name and claim layers share: months, seasons, name particles.

Data only. Stems are matched case-insensitively; forms list every inflection the sources use.
"""

from __future__ import annotations

import re

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

# Kinship nouns: "брат Карина" is Karin's brother (a genitive), not a man called Карина.
KINSHIP: frozenset[str] = frozenset("""
жена муж супруга супруг вдова вдовец брат сестра сын дочь отец мать дядя тётя тетя племянник
племянница внук внучка зять тесть тёща теща свекровь свёкор невестка родственник родственница
семья
""".split())

# Posts, ranks and forms of address that natasha takes into a person span ("Нарком Ягода").
TITLE_WORDS: frozenset[str] = frozenset("""
нарком наркомвнудел комкор комдив командарм комбриг комиссар маршал генерал полковник
подполковник майор капитан лейтенант товарищ тов гражданин гражданка профессор академик
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
