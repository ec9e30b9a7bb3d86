"""Trigger phrases for Russian claims, keyed by claim-type id (see vocabulary.yaml). Data only.

Patterns are regular expressions over the lower-cased sentence, matched as whole words. The
argument says which person the event happens to: PATIENT phrases ("Ягода был арестован",
"Ягоду арестовали") take the passive subject or the object; AGENT phrases ("умер", "бежал за
границу") take the subject. Where one type's phrase contains another's ("пытался покончить с
собой" vs "покончил с собой"), the longer match wins.
"""

from __future__ import annotations

from dataclasses import dataclass

PATIENT = "patient"
AGENT = "agent"
# A fate noun: its person is its genitive or possessive (kartoteka.extract.ru.nominal).
NOMINAL = "nominal"

# Forms of a passive participle, short and full: арестован, арестована, арестованы, арестованный…
_PASSIVE = r"(?:н|на|но|ны|нн(?:ый|ая|ое|ые|ого|ой|ому|ым|ом|ую|ых|ыми))"


@dataclass(frozen=True)
class Trigger:
    pattern: str
    argument: str
    confidence: float = 0.8
    role: str | None = None  # a fixed role ("ВМН")
    takes_role: bool = False  # the role follows in the instrumental ("назначен наркомом")
    needs_post: bool = False  # no claim unless that role is a post ("стал начальником")
    leads: bool = False  # the object is the body led ("возглавил НКВД")


# Foreign states in the accusative after "в": Soviet neighbours and the powers of 1918-1991.
FOREIGN = (r"(?:японию|китай|маньчжурию|маньчжоу-го|монголию|персию|иран|турцию|афганистан|"
           r"финляндию|эстонию|латвию|литву|польшу|румынию|германию|францию|англию|"
           r"великобританию|сша|соединённые\s+штаты|соединенные\s+штаты|америку|канаду|"
           r"швецию|норвегию|чехословакию|австрию|швейцарию|бельгию|голландию|италию|испанию|"
           r"мексику|палестину|израиль|западный\s+берлин|западную\s+германию|фрг|европу|"
           r"за\s+границу)")

# Nouns at the head of a post (Ozhegov's "должностное лицо", one who heads or serves in an
# office): what "стал …" must name to be an appointment.
POST_HEADS = frozenset({
    "начальник", "нарком", "комиссар", "председатель", "заместитель", "руководитель",
    "командир", "командующий", "секретарь", "директор", "заведующий", "уполномоченный",
    "прокурор", "министр", "глава", "посол", "редактор", "ректор", "управляющий", "инспектор",
    "следователь", "помощник", "резидент", "комендант", "консул", "атташе", "полпред"})

TRIGGERS: dict[str, tuple[Trigger, ...]] = {
    "execution": (
        Trigger(rf"расс?треля{_PASSIVE}", PATIENT, 0.9),
        Trigger(r"расстреля(?:ли|л|ла|ло)", PATIENT, 0.8),
        # an infinitive is a candidate the modality gate drops ("собирались расстрелять")
        Trigger(r"расстрелять|казнить", PATIENT, 0.8),
        Trigger(r"казн(?:ён|ен|ена|ены|ённый|енный|ённого|енного|или|ил)", PATIENT, 0.85),
        # the formula of execution records: "Приговор приведён в исполнение 2 ноября 1937 г."
        Trigger(r"приговор\s+(?:\S+\s+){0,3}?привед(?:ён|ен)\s+в\s+исполнение", PATIENT, 0.85),
        Trigger(r"расстрел(?:а|у|ом|е)?", NOMINAL, 0.75),
        Trigger(r"расстр\.", PATIENT, 0.85),  # a record's abbreviation: "Расстр. 25.12.1937"
    ),
    "sentence": (
        # record abbreviations (Memorial's lists, the Open List): "приг.", "Приговор: ВМН-расстрел",
        # and the court with its date and charge between verb and sentence ("Приговорен ВКТ ВС
        # СССР 20 сентября 1937 г., обв. по ст. 58-8 УК РСФСР к ВМН")
        Trigger(r"(?:приговор(?:ён|ен|ена|ены|или|ила|ило|ил)|приг\.)\s*:?\s+(?:\S+\s+){6,18}?"
                r"к\s+(?:высшей\s+мере\s+(?:наказания|социальной\s+защиты)|вмн|расстрелу|"
                r"смертной\s+казни)", PATIENT, 0.85, role="ВМН"),
        Trigger(r"приговор\s*:\s*(?:вмн(?:\s*[-–—]\s*расстрел)?|высшая\s+мера(?:\s+наказания)?|"
                r"расстрел)", PATIENT, 0.85, role="ВМН"),
        Trigger(r"приговор(?=\s*:\s*(?:\d|[^\W\d_]+\s+(?:лет|года?)\b))", PATIENT, 0.8,
                takes_role=True),
        Trigger(r"приговор(?:ён|ен|ена|ены|ённый|енный|ённого|енного|или|ила|ило|ил)\s+(?:\S+\s+){0,5}?"
                r"к\s+(?:высшей\s+мере\s+(?:наказания|социальной\s+защиты)|вмн|расстрелу|"
                r"смертной\s+казни)", PATIENT, 0.9, role="ВМН"),
        Trigger(r"приговор(?:ён|ен|ена|ены|или|ила|ило|ил)\s+(?:\S+\s+){0,5}?к(?=\s+(?:\d|\w+\s+год))",
                PATIENT, 0.85, takes_role=True),
    ),
    "trial": (
        Trigger(rf"осужд(?:ё|е){_PASSIVE}", PATIENT, 0.85),
        Trigger(r"осудил[аио]?", PATIENT, 0.8),
        # "его судили в 1938 году" (tried); not "судили о нём по …" (judged of him)
        Trigger(r"судил[аи]?(?!\s+(?:о|об|обо|по)(?![\w-]))", PATIENT, 0.75),
        # a record's field: "Приговорен: ОСО при НКВД СССР 2 марта 1939 г.", "Приг.: тройкой"
        Trigger(r"(?:приговор(?:ён|ен|ена|ены)|приг\.)\s*:", PATIENT, 0.8),
    ),
    "arrest": (
        Trigger(rf"арестова{_PASSIVE}", PATIENT, 0.9),
        Trigger(r"арестова(?:ли|л|ла|ло)", PATIENT, 0.85),
        Trigger(r"арестовать", PATIENT, 0.85),
        Trigger(r"взят[аы]?\s+под\s+стражу", PATIENT, 0.85),
        Trigger(r"задержа(?:н|на|ны|ли|л|ла|ло)", PATIENT, 0.6),
        # "репрессирован": repressed, which says arrest, not how it ended (as English)
        Trigger(rf"репрессирова{_PASSIVE}|репрессировал[аи]?", PATIENT, 0.5),
        # the memoirs' plain words for it, as English "took him away" (Ozhegov: забрать 3,
        # "арестовать, задержать"; посадить 4, "заключить в тюрьму"): "отца забрали ночью",
        # "в 1937 году его посадили"; not the draft, a job, a ride or a seat
        Trigger(r"забрал[аи]?(?!\s+(?:(?:\S+\s+)?в\s+(?:армию|солдаты|школу|детдом|детский\s+дом)|"
                r"на\s+(?:фронт|войну|службу|работу|учёбу|учебу)|с\s+собой|к\s+себе|(?:\S+\s+){0,2}?домой))",
                PATIENT, 0.6),
        Trigger(r"посадил[аи]?(?!\s+(?:(?:\S+\s+)?(?:на|за|рядом|в\s+(?:машину|вагон|поезд|сани|"
                r"телегу|лодку|самол[её]т))))", PATIENT, 0.6),
        Trigger(r"арест(?:а|у|ом|е)?", NOMINAL, 0.75),
    ),
    "defection": (
        Trigger(r"бежал[аи]?\s+за\s+(?:границу|рубеж|кордон)", AGENT, 0.85),
        Trigger(r"переш(?:ёл|ел|ла|ли)\s+(?:\S+\s+){0,2}?границу", AGENT, 0.8),
        Trigger(r"невозвращен(?:ец|цем|цами|цы|кой|ка)", AGENT, 0.8),
        # "бежал в Японию", "бежал из СССР": flight abroad (the foreign states of 1918-1991
        # that Soviet defectors reached, by any atlas; a town is not abroad)
        Trigger(rf"бежал[аи]?\s+(?:\S+\s+)?(?:в|во)\s+{FOREIGN}", AGENT, 0.8),
        Trigger(r"бежал[аи]?\s+(?:\S+\s+)?из\s+(?:ссср|советского\s+союза|советской\s+россии)",
                AGENT, 0.85),
        Trigger(r"отказал(?:ся|ась|ись)\s+вернуться", AGENT, 0.8),
        Trigger(r"остал(?:ся|ась|ись)\s+за\s+границей", AGENT, 0.7),
    ),
    "escape": (
        Trigger(r"бежал[аи]?\s+из\s+(?:лагеря|ссылки|тюрьмы|заключения|под\s+стражи)", AGENT,
                0.85),
        Trigger(r"соверши(?:л|ла|ли)\s+побег", AGENT, 0.85),
    ),
    "appointment": (
        Trigger(r"назначен[аы]?|назначил[аи]?", PATIENT, 0.85, takes_role=True),
        Trigger(r"утвержд(?:ён|ен|ена)", PATIENT, 0.6, takes_role=True),
        Trigger(r"избран[аы]?", PATIENT, 0.75, takes_role=True),
        # "стал начальником управления": a link verb with a post in the instrumental, as
        # English "became head of"; "стал врагом народа", "стал работать" are no posts
        Trigger(r"стал[аи]?|становится", AGENT, 0.75, takes_role=True, needs_post=True),
        # "возглавил НКВД": took charge of a body (perfective; "возглавлял" is the post held)
        Trigger(r"возглавил[аи]?", AGENT, 0.75, leads=True),
        # "встал во главе НКВД", "был поставлен во главе НКВД": put at the head of a body
        Trigger(r"(?:встал[аи]?|стал[аи]?)\s+во\s+главе", AGENT, 0.75, leads=True),
        Trigger(r"поставлен[аы]?\s+во\s+главе", PATIENT, 0.75, leads=True),
    ),
    "dismissal": (
        Trigger(r"снят[аы]?\s+с\s+(?:должности|поста|работы)", PATIENT, 0.85),
        Trigger(r"освобожд(?:ён|ен|ена|ены)\s+от\s+(?:должности|обязанностей|поста)", PATIENT,
                0.85),
        Trigger(r"уволен[аы]?", PATIENT, 0.7),
        # "лишён звания", "лишённый этих званий": stripped of a rank or post
        Trigger(r"лиш(?:ён|ен|ена|ены|ённый|енный|ённая|енная)\s+(?:\S+\s+){0,2}?"
                r"(?:звани|должност|пост[аов]|чин)\w*", PATIENT, 0.8),
        Trigger(r"смещ(?:ён|ен|ена)\s+с\s+(?:должности|поста)", PATIENT, 0.85),
    ),
    "release": (
        Trigger(r"освобожд(?:ён|ен|ена|ены)(?!\s+от\s+(?:должности|обязанностей|поста))",
                PATIENT, 0.8),
        Trigger(r"(?:вышел|вышла|вышли)\s+на\s+свободу", AGENT, 0.8),
        # active past plural "освободили", "отпустили (на волю)": an indefinite-personal clause
        # whose object is the one set free (perfective "отпустить", "освободить", Ozhegov)
        Trigger(r"освободил[аио]?(?!\s+от\s+(?:должности|обязанностей|поста))", PATIENT, 0.75),
        Trigger(r"отпустил[аи]?", PATIENT, 0.7),
        # back from the camp, prison or exile (as English "came back from the camp")
        Trigger(r"вернул(?:ся|ась|ись)\s+(?:\S+\s+)?из\s+(?:лагер(?:я|ей|ей)|заключения|ссылки|"
                r"тюрьмы|колонии|гулага|плена)", AGENT, 0.6),
    ),
    "rehabilitation": (
        Trigger(rf"реабилитирова{_PASSIVE}", PATIENT, 0.9),
        Trigger(r"реаб\.", PATIENT, 0.85),  # "Реаб. 12.04.1958"
    ),
    "suicide_attempt": (
        Trigger(r"(?:пытал(?:ся|ась)|пыталс|попытал(?:ся|ась))\s+покончить\s+с\s+собой", AGENT,
                0.85),
    ),
    "suicide": (
        Trigger(r"покончи(?:л|ла|ли)\s+(?:с\s+собой|жизнь\s+самоубийством)", AGENT, 0.9),
        Trigger(r"застрели(?:лся|лась)", AGENT, 0.9),
        Trigger(r"повеси(?:лся|лась)", AGENT, 0.85),
        Trigger(r"отрави(?:лся|лась)", AGENT, 0.75),
        Trigger(r"выбросил(?:ся|ась)\s+(?:из\s+окна|с\s+балкона|в\s+пролёт|в\s+пролет)|"
                r"бросил(?:ся|ась)\s+под\s+поезд", AGENT, 0.75),
        # or an escape: under the review line, as English "jumped from the window"
        Trigger(r"(?:вы)?прыгнул[аи]?\s+(?:из\s+окна|с\s+балкона)", AGENT, 0.55),
    ),
    "death": (
        Trigger(r"умер(?:ла|ли)?|скончал(?:ся|ась|ись)", AGENT, 0.85),
        # killed, shot dead: a death whose agent the verb does not make the state's (English
        # "killed", "shot by a gunman" read the same); "убит горем" is grief, not a death
        Trigger(r"убит(?:а|о|ы|ый|ая|ое|ые|ого|ой|ому|ым|ом|ую|ых|ыми)?(?!\s+горем)|"
                rf"застреле{_PASSIVE}|(?:уби|застрели)(?:л|ла|ли)", PATIENT, 0.7),
        Trigger(r"погиб(?:ла|ли)?", AGENT, 0.75),
        # "забили насмерть", "замучили на допросе", "замёрз насмерть", "найден мёртвым": a
        # death the verb alone does not tell (as English "beaten to death", "found dead")
        Trigger(r"(?:забил[аи]?|забит[аы]?|запорол[аи]?)\s+насмерть|замучил[аи]?|"
                rf"замуче{_PASSIVE}|запытал[аи]?", PATIENT, 0.75),
        Trigger(r"замёрз(?:ла|ли)?|замерз(?:ла|ли)?", AGENT, 0.6),
        Trigger(r"найден[аы]?\s+(?:мёртв|мертв|повешенн|удавленн)\w*", PATIENT, 0.7),
        Trigger(r"гибел(?:ь|и|ью)", NOMINAL, 0.7),
    ),
    "birth": (
        Trigger(r"родил(?:ся|ась)", AGENT, 0.9),
    ),
    "expulsion": (
        Trigger(r"исключ(?:ён|ен|ена|ены)\s+из\s+(?:партии|рядов|вкп|ркп|кп)", PATIENT, 0.85),
        Trigger(r"выслан[аы]?", PATIENT, 0.7),
        # exile and deportation, as the English triggers read "exile", "deport", "banish"
        # (сослать, выслать, депортировать: a dictionary's verbs of banishment); the boundary
        # after the pattern keeps "сослался на" (referred to) out
        Trigger(r"сослан[аы]?|сосла(?:ли|л|ла|ло)|высла(?:ли|л|ла|ло)", PATIENT, 0.75),
        Trigger(rf"депортирова{_PASSIVE}|депортирова(?:ли|л|ла|ло)", PATIENT, 0.75),
        # sent to a special (labour) settlement, the exile of the dekulakised: "направлен на
        # спецпоселение", "отправлены в трудпоселок" (Земсков, "Спецпоселенцы в СССР", 2003)
        Trigger(r"(?:направлен|отправлен|водворён|водворен)[аы]?\s+(?:на|в)\s+"
                r"(?:спецпоселени|трудпоселени|спецпос[её]л|трудпос[её]л)\w*", PATIENT, 0.75),
    ),
}

# Words that negate a trigger when they stand right before it or before its auxiliary.
NEGATIONS = ("не", "ни")

# Infobox labels of Russian encyclopedia copies ("Смерть: 7 марта 1939.").
INFOBOX: dict[str, str] = {"рождение": "birth", "смерть": "death", "дата рождения": "birth",
                           "дата смерти": "death", "родился": "birth", "умер": "death",
                           # the fields of victims' databases (Open List, Memorial's lists)
                           "родилась": "birth", "умерла": "death", "дата гибели": "death",
                           "дата ареста": "arrest", "арестован": "arrest", "арестована": "arrest",
                           "дата расстрела": "execution", "дата казни": "execution",
                           "расстрелян": "execution", "расстреляна": "execution",
                           "дата осуждения": "trial", "осужден": "trial", "осуждён": "trial",
                           "осуждена": "trial", "приговорен": "trial", "приговорён": "trial",
                           "приговорена": "trial", "дата реабилитации": "rehabilitation",
                           "реабилитирован": "rehabilitation", "реабилитирована": "rehabilitation"}

# A death sentence, however worded, is recorded with this role.
DEATH_SENTENCE = "ВМН"
