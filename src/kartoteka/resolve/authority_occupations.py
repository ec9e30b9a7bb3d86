"""Occupations and posts in English and in Russian, as fields of work a text's role and an
authority record's occupation can share.

A text says "Kremlin doctor" or "People's Commissar for Finance"; Memorial's record says
"консультант Лечебно-санитарного управления Кремля" or "нарком финансов СССР". Both are read
into fields (``occupation_fields``): the kind of work (medicine, writing, the commissar of a
people's commissariat) and the branch or body it was done in (finance, justice, the Kremlin,
the security police). The fields are the major groups of the International Standard
Classification of Occupations (ISCO-08, ILO 2012) and the branches of the Soviet
classifier of occupations and posts (ОКПДТР, 1986, whose Russian titles give the stems),
reduced to the ones an execution list of 1937-38 names often enough to be told apart; the
people's commissariats are those of the USSR's constitution of 1936 (art. 77-78).

English words are matched as lower-case word prefixes, Russian ones as stems at a word's start;
a stem of four letters or fewer (an abbreviation: ЦК, ЧК, GPU), or one ending in "$", is a whole
word ("нарком" is the commissar, "наркомат" any employee of the commissariat).
"""

from __future__ import annotations

import re
from functools import lru_cache

# field -> (English word prefixes, Russian stems)
FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # ISCO 22 health professionals; "доктор" alone is a degree as often as a physician:
    # only "доктор медицинских наук" (by "медицин") counts
    "medicine": (("doctor", "physician", "surgeon", "medic", "nurse", "psychiatr",
                  "endocrinolog", "cardiolog", "neurolog", "pediatric", "paediatric",
                  "therapist", "hospital", "clinic", "sanator"),
                 ("врач", "медицин", "медик", "хирург", "терапевт", "фельдшер", "медсестр",
                  "лечебн", "психиатр", "невропатолог", "эндокрин", "кардиолог", "педиатр",
                  "больниц", "поликлиник", "клиник", "госпитал", "санатор")),
    # ISCO 264 authors, journalists and linguists
    "writing": (("writer", "novelist", "poet", "playwright", "dramatist", "author", "literary"),
                ("писател", "поэт", "драматург", "литератор", "литературн")),
    "press": (("journalist", "editor", "correspondent", "newspaper", "reporter"),
              ("журналист", "редактор", "корреспондент", "газет", "редакци")),
    # ISCO 231-232 teaching professionals, 21 science professionals
    "teaching": (("teacher", "professor", "lecturer", "schoolmaster", "docent"),
                 ("учител", "преподавател", "профессор", "доцент", "педагог")),
    "science": (("scientist", "academician", "researcher", "academy of sciences"),
                ("академик", "научн", "ан ссср", "исследовател")),
    "economics": (("economist",), ("экономист",)),
    "engineering": (("engineer",), ("инженер",)),
    "law": (("lawyer", "jurist", "attorney", "advocate", "prosecutor", "procurator", "judge"),
            ("юрист", "адвокат", "прокурор", "юрисконсульт", "судь", "суда")),
    "clergy": (("priest", "bishop", "archbishop", "monk", "nun", "deacon", "clergy",
                "metropolitan"),
               ("священник", "епископ", "архиеп", "монах", "монахин", "диакон", "дьякон",
                "иерей", "митрополит", "псаломщик")),
    "arts": (("artist", "painter", "sculptor", "actor", "actress", "composer", "musician",
              "singer", "director of the theatre", "theatre"),
             ("художник", "скульптор", "артист", "актер", "актрис", "композитор", "музыкант",
              "певец", "певиц", "театр")),
    "military": (("army", "komkor", "komdiv", "kombrig", "komandarm", "marshal",
                  "colonel", "brigade commander", "corps commander", "division commander",
                  "military"),
                 ("ркка", "армии", "комкор", "комдив", "комбриг", "командарм", "маршал",
                  "полковник", "генерал", "военн", "командир")),
    "security police": (("nkvd", "ogpu", "gpu", "cheka", "chekist", "secret police", "gugb",
                         "state security"),
                        ("нквд", "унквд", "огпу", "гпу", "вчк", "чк", "чекист", "гугб",
                         "госбезопасност")),
    "diplomacy": (("diplomat", "ambassador", "envoy", "consul", "foreign affairs", "embassy",
                   "plenipotentiary"),
                  ("дипломат", "посол", "полпред", "консул", "иностранных дел", "наркоминдел",
                   "посольств", "полпредств")),
    "party leadership": (("politburo", "central committee", "orgburo"),
                         ("политбюро", "цк", "оргбюро")),
    "comintern": (("comintern", "communist international"), ("коминтерн", "икки")),
    "kremlin": (("kremlin",), ("кремл",)),
    # the head of a people's commissariat (not its deputy: "зам. наркома" is another post)
    "people's commissar": (("people's commissar", "commissar of", "commissar for"),
                           ("нарком$", "наркома$", "наркомом$", "народный комиссар",
                            "народного комиссара")),
    # branches: the people's commissariats of the 1936 constitution
    "finance": (("financ", "treasury"), ("финанс", "наркомфин")),
    "justice": (("justice",), ("юстиц", "наркомюст")),
    "education": (("education", "enlightenment"), ("просвещ", "наркомпрос", "образован")),
    "agriculture": (("agricultur", "farming"), ("земледел", "сельск", "наркомзем",
                                                       "агроном")),
    "trade": (("trade",), ("торгов", "внешторг", "наркомвнешторг")),
    "heavy industry": (("heavy industry",), ("тяжелой промышленност", "наркомтяжпром")),
    "forestry": (("timber", "forest"), ("лесн", "лесозаг", "леспром")),
    "railways": (("railway", "railroad"), ("железн", "ж.д", "жд ", "наркомпуть")),
    "defence": (("defence", "defense"), ("обороны", "наркомоборон")),
    "health": (("health",), ("здравоохран", "наркомздрав")),
    "workers": (("worker", "labourer", "laborer", "fitter", "locksmith", "turner"),
                ("рабоч", "слесар", "токар", "разнорабоч")),
    "peasants": (("peasant", "farmer", "kolkhoz", "collective farm"),
                 ("крестьян", "колхоз", "единолич")),
    "students": (("student",), ("студент", "учащ", "слушател")),
    "accounting": (("accountant", "bookkeeper"), ("бухгалтер", "счетовод")),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _normal(text: str) -> str:
    words = _WORD.findall((text or "").lower().replace("ё", "е").replace("’", "'"))
    return " " + " ".join(words) + " "


@lru_cache(maxsize=65536)
def occupation_fields(text: str | None) -> frozenset[str]:
    """The fields a role or an occupation names, in either script."""
    normal = _normal(text or "")
    if not normal.strip():
        return frozenset()
    found = set()
    for name, (english, russian) in FIELDS.items():
        for stem in (*english, *russian):
            key = _normal(stem.rstrip("$")).strip()
            whole = len(key) <= 4 or stem.endswith("$")
            if (f" {key} " if whole else f" {key}") in normal:
                found.add(name)
                break
    return frozenset(found)


__all__ = ["FIELDS", "occupation_fields"]
