"""A second synthetic generator of Russian person records, written apart from ``kartoteka.names``.

It shares nothing with ``synthetic_people.py`` or ``kartoteka.names``: its own name lists
(common Russian surnames, given names and patronymics, as any Russian name dictionary gives
them, e.g. Unbegaun, *Russian Surnames*, 1972; Superanskaya, *Словарь русских личных имён*), its
own romanisation tables for seven schemes (BGN/PCGN, Library of Congress without diacritics,
ISO 9, German Duden, French, Polish, and Czech-style scholarly), and its own noise: typos, one
letter doubled or dropped, l/r swapped, initials for names, a year off by one or two, a missing
patronymic, a birthplace (and a residence) given or not. Benchmarks only.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate

from kartoteka.resolve.profile import Profile

_STEMS = (
    "Абрамов Агеев Аксенов Андреев Анисимов Архипов Афанасьев Баранов Белов Белоусов Беляев "
    "Бирюков Блинов Бобров Богданов Борисов Буров Быков Васильев Виноградов Власов Волков "
    "Воробьев Воронин Гаврилов Галкин Герасимов Голубев Горбунов Гордеев Горшков Григорьев "
    "Гришин Громов Гуляев Гусев Давыдов Данилов Дементьев Денисов Дмитриев Дорофеев Егоров "
    "Евдокимов Ефимов Жданов Жуков Журавлев Зайцев Захаров Зиновьев Зуев Зыков Иванов Игнатьев "
    "Ильин Исаев Калинин Карпов Киселев Климов Ковалев Козлов Колесников Комаров Кондратьев "
    "Коновалов Копылов Корнилов Котов Крылов Крюков Кудрявцев Кузнецов Кузьмин Кулагин Куликов "
    "Лаврентьев Лазарев Ларионов Лебедев Логинов Лукин Лыткин Макаров Максимов Мартынов Маслов "
    "Медведев Мельников Миронов Михайлов Моисеев Морозов Муравьев Назаров Никитин Никифоров "
    "Новиков Носков Овчинников Одинцов Орехов Орлов Осипов Павлов Панов Пестов Петров Пименов "
    "Платонов Поляков Пономарев Попов Прохоров Рогов Родионов Рожков Романов Рябов Савельев "
    "Сазонов Самойлов Сафонов Селезнев Семенов Сергеев Сидоров Симонов Смирнов Соболев Соколов "
    "Соловьев Сорокин Степанов Суворов Тарасов Титов Тихонов Третьяков Трофимов Тюрин Ульянов "
    "Устинов Фадеев Федоров Филатов Фомин Фролов Харитонов Хохлов Цветков Чернов Шаров Шилов "
    "Широков Шубин Щербаков Щукин Юдин Яковлев Ярцев"
).split()
_OTHER_SURNAMES = (
    "Березовский Вишневский Высоцкий Заболоцкий Ковальский Лозинский Маковецкий Полонский "
    "Садовский Станкевич Шостакович Рабинович Гуревич Абрамович Каганович Бондаренко Шевченко "
    "Коваленко Ткаченко Кравченко Марченко Мельничук Ковальчук Полищук Гершензон Лившиц "
    "Шапиро Рейхман Берзин Калнин Озолин Пальчинский Жемчужников Щеглов Чижов Шувалов"
).split()
_MALE = {  # given name -> (patronymic masc., fem.); frequencies fall off in this order
    "Иван": ("Иванович", "Ивановна"), "Николай": ("Николаевич", "Николаевна"),
    "Александр": ("Александрович", "Александровна"), "Михаил": ("Михайлович", "Михайловна"),
    "Василий": ("Васильевич", "Васильевна"), "Петр": ("Петрович", "Петровна"),
    "Алексей": ("Алексеевич", "Алексеевна"), "Сергей": ("Сергеевич", "Сергеевна"),
    "Федор": ("Федорович", "Федоровна"), "Григорий": ("Григорьевич", "Григорьевна"),
    "Павел": ("Павлович", "Павловна"), "Дмитрий": ("Дмитриевич", "Дмитриевна"),
    "Яков": ("Яковлевич", "Яковлевна"), "Андрей": ("Андреевич", "Андреевна"),
    "Степан": ("Степанович", "Степановна"), "Владимир": ("Владимирович", "Владимировна"),
    "Иосиф": ("Иосифович", "Иосифовна"), "Семен": ("Семенович", "Семеновна"),
    "Матвей": ("Матвеевич", "Матвеевна"), "Егор": ("Егорович", "Егоровна"),
    "Тимофей": ("Тимофеевич", "Тимофеевна"), "Илья": ("Ильич", "Ильинична"),
    "Борис": ("Борисович", "Борисовна"), "Константин": ("Константинович", "Константиновна"),
    "Леонид": ("Леонидович", "Леонидовна"), "Евгений": ("Евгеньевич", "Евгеньевна"),
    "Антон": ("Антонович", "Антоновна"), "Захар": ("Захарович", "Захаровна"),
    "Кузьма": ("Кузьмич", "Кузьминична"), "Лев": ("Львович", "Львовна"),
    "Арсений": ("Арсеньевич", "Арсеньевна"), "Вячеслав": ("Вячеславович", "Вячеславовна"),
    "Юлиан": ("Юлианович", "Юлиановна"), "Казимир": ("Казимирович", "Казимировна"),
}
_FEMALE = (
    "Мария Анна Екатерина Александра Евдокия Ольга Татьяна Елена Вера Надежда Любовь "
    "Прасковья Антонина Клавдия Зинаида Софья Юлия Ксения Нина Полина"
).split()
_PLACES = (
    "Москва Тверь Тула Рязань Калуга Смоленск Орел Курск Воронеж Тамбов Пенза Саратов Самара "
    "Казань Нижний Новгород Ярославль Кострома Владимир Иваново Вологда Архангельск Пермь "
    "Вятка Уфа Оренбург Екатеринбург Омск Томск Иркутск Киев Харьков Одесса Минск Витебск "
    "Гомель Могилев Вильно Рига Варшава Лодзь Тифлис Баку Ростов Таганрог Херсон Житомир"
).split()

# Romanisation, one table a scheme, written for this generator from the published standards.
_BASE = dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True))
_SCHEMES: dict[str, dict[str, str]] = {
    "bgn": {**_BASE, "ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
            "щ": "shch", "ъ": "", "ь": "", "ю": "yu", "я": "ya", "й": "y", "ы": "y"},
    "loc": {**_BASE, "ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
            "щ": "shch", "ъ": "", "ь": "'", "ю": "iu", "я": "ia", "й": "i", "ы": "y"},
    "iso9": {**_BASE, "ё": "ë", "ж": "ž", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "ŝ",
             "ъ": "ʺ", "ь": "ʹ", "ю": "û", "я": "â", "й": "j", "ы": "y", "э": "è"},
    "german": {**_BASE, "в": "w", "ё": "jo", "ж": "sch", "з": "s", "х": "ch", "ц": "z",
               "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ь": "", "ю": "ju",
               "я": "ja", "й": "i", "ы": "y", "у": "u", "е": "e", "э": "e"},
    "french": {**_BASE, "ё": "io", "ж": "j", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch",
               "щ": "chtch", "ъ": "", "ь": "", "ю": "iou", "я": "ia", "й": "i", "ы": "y",
               "у": "ou", "э": "e"},
    "polish": {**_BASE, "в": "w", "ё": "io", "ж": "ż", "х": "ch", "ц": "c", "ч": "cz",
               "ш": "sz", "щ": "szcz", "ъ": "", "ь": "", "ю": "ju", "я": "ja", "й": "j",
               "ы": "y", "е": "e", "э": "e", "л": "ł"},
    "czech": {**_BASE, "ё": "jo", "ж": "ž", "х": "ch", "ц": "c", "ч": "č", "ш": "š",
              "щ": "šč", "ъ": "", "ь": "", "ю": "ju", "я": "ja", "й": "j", "ы": "y", "э": "e"},
}
# Ending rewrites each scheme applies first (Polish -ский -> -ski, -ович -> -owicz).
_ENDINGS: dict[str, dict[str, str]] = {
    "bgn": {"ий": "iy", "ый": "yy"}, "loc": {"ий": "ii", "ый": "yi"},
    "german": {"ий": "ij", "ов": "ow", "ев": "ew"}, "french": {"ов": "ov", "ий": "i"},
    "polish": {"ский": "ski", "цкий": "cki", "ович": "owicz", "евич": "ewicz", "ий": "ij",
               "ская": "ska"},
    "iso9": {}, "czech": {"ский": "skij", "ий": "ij"},
}
_SCHEME_SHARE = {"cyrillic": 0.40, "bgn": 0.22, "loc": 0.10, "german": 0.08, "french": 0.06,
                 "polish": 0.08, "iso9": 0.03, "czech": 0.03}


def romanise(word: str, scheme: str) -> str:
    """A Cyrillic word in one scheme (soft/hard signs and е after vowels handled simply)."""
    lower = word.lower()
    table = _SCHEMES[scheme]
    tail = ""
    for ending, spelled in _ENDINGS[scheme].items():
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            lower, tail = lower[: -len(ending)], spelled
            break
    out = []
    for i, ch in enumerate(lower):
        if ch == "е" and scheme in ("bgn", "german", "polish") and (i == 0 or lower[i - 1] in
                                                                    "аеиоуыэюяьъ"):
            out.append({"bgn": "ye", "german": "je", "polish": "je"}[scheme])
        else:
            out.append(table.get(ch, ch))
    text = "".join(out) + tail
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class _Person:
    pid: int
    surname: str
    given: str
    patronymic: str
    gender: str
    birth_year: int
    death_year: int
    birthplace: str
    residence: str


def _feminine(surname: str) -> str:
    for masc, fem in (("ский", "ская"), ("цкий", "цкая"), ("ов", "ова"), ("ев", "ева"),
                      ("ин", "ина")):
        if surname.endswith(masc):
            return surname[: -len(masc)] + fem
    return surname


def _noise(word: str, rng: random.Random) -> str:
    """One keying or channel error: a letter dropped, doubled, swapped, or l/r exchanged."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    roll = rng.random()
    if roll < 0.3:
        return word[:i] + word[i + 1:]
    if roll < 0.5:
        return word[:i] + word[i] + word[i:]
    if roll < 0.75:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    spots = [j for j, c in enumerate(word) if c in "lrлр"]
    if not spots:
        return word
    j = rng.choice(spots)
    return word[:j] + {"l": "r", "r": "l", "л": "р", "р": "л"}[word[j]] + word[j + 1:]


class RegistryGenerator:
    """People with Zipf-distributed surnames and given names, and records of them."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        # Compounds and derived endings widen ~220 common surnames to ~10,000, so that two
        # people share a surname about as rarely as in Memorial's Moscow list (~3e-4).
        prefixes = ("", "Ново", "Старо", "Бело", "Черно", "Верх", "Полу", "Красно", "Добро",
                    "Велико", "Мало", "Сухо", "Криво", "Долго", "Зелено", "Свято")
        base = _STEMS + _OTHER_SURNAMES
        derived = [s for stem in base for s in (
            (stem, stem + "ский", stem[:-2] + "ич") if stem.endswith("ов") else (stem,))]
        self.surnames = [p + (s.lower() if p else s) for p in prefixes for s in derived]
        self.rng.shuffle(self.surnames)
        self.s_cum = list(accumulate(1.0 / r ** 0.5 for r in range(1, len(self.surnames) + 1)))
        self.males = list(_MALE)
        self.m_cum = list(accumulate(1.0 / r ** 0.9 for r in range(1, len(self.males) + 1)))
        self.f_cum = list(accumulate(1.0 / r ** 0.9 for r in range(1, len(_FEMALE) + 1)))
        self.p_cum = list(accumulate(1.0 / r ** 0.6 for r in range(1, len(_PLACES) + 1)))

    def person(self, pid: int) -> _Person:
        rng = self.rng
        female = rng.random() < 0.15
        surname = rng.choices(self.surnames, cum_weights=self.s_cum)[0]
        father = rng.choices(self.males, cum_weights=self.m_cum)[0]
        if female:
            surname = _feminine(surname)
            given = rng.choices(_FEMALE, cum_weights=self.f_cum)[0]
        else:
            given = rng.choices(self.males, cum_weights=self.m_cum)[0]
        patronymic = _MALE[father][1 if female else 0]
        born = rng.randint(1875, 1915)
        place = rng.choices(_PLACES, cum_weights=self.p_cum)[0]
        home = place if rng.random() < 0.4 else rng.choices(_PLACES, cum_weights=self.p_cum)[0]
        return _Person(pid, surname, given, patronymic, "f" if female else "m", born,
                       rng.randint(max(born + 18, 1936), 1939), place, home)

    def record(self, person: _Person, key: str, rng: random.Random) -> Profile:
        scheme = rng.choices(list(_SCHEME_SHARE), list(_SCHEME_SHARE.values()))[0]

        def w(text: str) -> str:
            return text if scheme == "cyrillic" else romanise(text, scheme)

        surname, given, patronymic = w(person.surname), w(person.given), w(person.patronymic)
        if rng.random() < 0.12:
            surname = _noise(surname, rng)
        if rng.random() < 0.05:
            given = _noise(given, rng)
        initials: tuple[str, ...] = ()
        roll = rng.random()
        if roll < 0.15:  # initials only
            initials = (given[0], patronymic[0]) if rng.random() < 0.7 else (given[0],)
            given_out, patronymic_out = None, None
        elif roll < 0.35:  # no patronymic
            given_out, patronymic_out = given, None
        else:
            given_out, patronymic_out = given, patronymic
        shift = rng.choice((-2, -1, 1, 2)) if rng.random() < 0.08 else 0
        birth = person.birth_year + shift if rng.random() < 0.75 else None
        death = person.death_year if rng.random() < 0.5 else None
        birthplace = w(person.birthplace) if rng.random() < 0.6 else None
        residence = w(person.residence) if rng.random() < 0.3 else None
        parts = [x for x in (given_out, patronymic_out) if x] or [f"{i}." for i in initials]
        label = " ".join([surname, *parts]) if scheme == "cyrillic" else " ".join([*parts, surname])
        return Profile(
            key=key, document_id=f"reg{rng.randrange(10**6)}", kind="person", label=label,
            names=[label], surname=surname, given=given_out, patronymic=patronymic_out,
            initials=initials, gender=person.gender if rng.random() < 0.5 else None,
            birth_year=birth, death_year=death, birthplace=birthplace, residence=residence,
            language="ru" if scheme == "cyrillic" else "en",
        )


def generate_records(n: int, seed: int = 11) -> tuple[list[Profile], dict[str, int]]:
    """About 1.9 records a person (1 + geometric); returns records and key -> person id."""
    gen = RegistryGenerator(seed)
    rng = random.Random(seed * 7 + 3)
    records: list[Profile] = []
    truth: dict[str, int] = {}
    pid = 0
    while len(records) < n:
        person = gen.person(pid)
        count = 1
        while rng.random() < 0.47 and count < 5:
            count += 1
        for _ in range(min(count, n - len(records))):
            key = f"r{len(records):07d}"
            records.append(gen.record(person, key, rng))
            truth[key] = pid
        pid += 1
    return records, truth
