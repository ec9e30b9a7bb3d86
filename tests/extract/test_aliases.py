"""Other names of one person read off the layout of invented texts (extract/aliases.py)."""

from __future__ import annotations

import re

import pytest

from kartoteka.extract.aliases import SUBJECT, mark_aliases_and_kin, text_aliases
from kartoteka.model import Document, Extraction, Mention


def names_in(text: str, surfaces: list[str]) -> dict[str, Mention]:
    """A person mention for the first occurrence of each surface (longest first)."""
    taken: list[tuple[int, int]] = []
    out = {}
    for surface in sorted(surfaces, key=len, reverse=True):
        for match in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            if not any(match.start() < e and s < match.end() for s, e in taken):
                taken.append((match.start(), match.end()))
                out[surface] = Mention(start=match.start(), end=match.end(), text=surface,
                                       kind="person", name=surface)
                break
    return out


def aliases_of(text: str, surfaces: list[str]) -> dict[str, str | None]:
    """Alias surface -> surface of the name it names again (None for the text's subject)."""
    mentions = names_in(text, surfaces)
    by_id = {m.id: s for s, m in mentions.items()}
    found = text_aliases(text, list(mentions.values()))
    return {by_id[k]: (None if v == SUBJECT else by_id[v]) for k, v in found.items()}


@pytest.mark.parametrize(
    ("text", "surfaces", "expected"),
    [
        ("Leonid Kruglov (Russian: Леонид Круглов; 1901 – 1941) was a clerk.",
         ["Leonid Kruglov", "Леонид Круглов"], {"Леонид Круглов": "Leonid Kruglov"}),
        ("Anna Vetrova (née Anna Lind; born 1903) was a typist.",
         ["Anna Vetrova", "Anna Lind"], {"Anna Lind": "Anna Vetrova"}),
        ("Oskars Kalns (also Oskar Kalnin, Oskar Kalnins, Russian: Оскар Калнин) fled.",
         ["Oskars Kalns", "Oskar Kalnin", "Oskar Kalnins", "Оскар Калнин"],
         {"Oskar Kalnin": "Oskars Kalns", "Oskar Kalnins": "Oskars Kalns",
          "Оскар Калнин": "Oskars Kalns"}),
        ("Семён Гуров (настоящее имя — Шмуэль Гурвич, 1899 — 1938) — чекист.",
         ["Семён Гуров", "Шмуэль Гурвич"], {"Шмуэль Гурвич": "Семён Гуров"}),
        ("Мать, Марта Линде (урождённая Берзиня), учила детей.",
         ["Марта Линде", "Берзиня"], {"Берзиня": "Марта Линде"}),
        ("Ivan Lesnoy (1880 – 1937), born Ivan Lesnikov, was a printer.",
         ["Ivan Lesnoy", "Ivan Lesnikov"], {"Ivan Lesnikov": "Ivan Lesnoy"}),
        ("Oskar Ruds (nicknames \"Volk\", \"Mednis\") ran the press.",
         ["Oskar Ruds", "Volk", "Mednis"], {"Volk": "Oskar Ruds", "Mednis": "Oskar Ruds"}),
    ],
)
def test_aliases_bracket_and_apposition_give_other_names(text, surfaces, expected):
    assert aliases_of(text, surfaces) == expected


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("Ivan Sokolov (son of Pyotr Sokolov) was born in Tula.", ["Ivan Sokolov",
                                                                   "Pyotr Sokolov"]),
        ("Ivan Sokolov (with Pyotr Sokolov) left for Riga.", ["Ivan Sokolov", "Pyotr Sokolov"]),
        ("Ivan Sokolov (Pyotr Sokolov's deputy) signed it.", ["Ivan Sokolov", "Pyotr Sokolov"]),
        ("Ivan Sokolov, Pyotr Sokolov and Anna Lind were shot.",
         ["Ivan Sokolov", "Pyotr Sokolov", "Anna Lind"]),
        ("Ivan Sokolov (1890 – 1938) met Pyotr Sokolov in 1920.",
         ["Ivan Sokolov", "Pyotr Sokolov"]),
    ],
)
def test_aliases_other_people_in_brackets_and_lists_are_not_aliases(text, surfaces):
    assert aliases_of(text, surfaces) == {}


def test_aliases_a_bare_bracket_gives_one_name_not_a_list():
    """"Sokolov (Lind, Marten)" may list his companions; "Sokolov (Lind or Marten)" does not."""
    assert aliases_of("Sokolov (Lind, Marten) arrived.", ["Sokolov", "Lind", "Marten"]) == {
        "Lind": "Sokolov"}
    assert aliases_of("Sokolov (Lind or Marten) arrived.", ["Sokolov", "Lind", "Marten"]) == {
        "Lind": "Sokolov", "Marten": "Sokolov"}


def test_aliases_birth_name_line_of_an_infobox_is_the_subject():
    text = "Семён Гуров\nРождение: 1899.\nИмя при рождении: Шмуэль Гурвич.\n"
    assert aliases_of(text, ["Семён Гуров", "Шмуэль Гурвич"]) == {"Шмуэль Гурвич": None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Karl Ozols printed leaflets. Under the pseudonym Volk, he wrote for the paper.",
         None),
        ("Karl Ozols appears in the decrypts under the code name \"Volk\".", "Karl Ozols"),
    ],
)
def test_aliases_assumed_name_belongs_to_the_one_named_before_or_the_subject(text, expected):
    assert aliases_of(text, ["Karl Ozols", "Volk"]) == {"Volk": expected}


def test_aliases_assumed_name_after_two_people_is_left_alone():
    text = "Karl Ozols met Anna Lind, who worked under the pseudonym Volk."
    assert aliases_of(text, ["Karl Ozols", "Anna Lind", "Volk"]) == {}


def test_aliases_marks_the_layout_and_kin_on_the_mentions() -> None:
    text = "Ivan Sokolov (born Ivan Kramer) wrote home. His father Sokolov answered; her cousin " \
           "Orlova did not."
    mentions = names_in(text, ["Ivan Sokolov", "Ivan Kramer", "Sokolov", "Orlova"])
    doc = Document(sha256="a" * 64, text=text, language="en")
    mark_aliases_and_kin(Extraction(document=doc, mentions=list(mentions.values())))
    assert mentions["Ivan Kramer"].attrs["text_alias_of"] == mentions["Ivan Sokolov"].id
    assert (mentions["Sokolov"].attrs["kin"], mentions["Sokolov"].attrs["kin_gender"]) == \
        ("father", "m")
    assert mentions["Orlova"].attrs["kin"] == "cousin"
    assert "kin_gender" not in mentions["Orlova"].attrs  # a cousin may be either
    assert not {"kin", "text_alias_of"} & set(mentions["Ivan Sokolov"].attrs)


def test_aliases_kin_words_are_the_lexicons_kinship_nouns() -> None:
    # One list per fact: a kin cue word is a kinship noun of its language's lexicon, with the
    # gender the lexicon gives it ("двоюродный", the adjective of cousins, aside).
    from kartoteka.extract.en import alias_words as en_words
    from kartoteka.extract.en.lexicon import KIN_NOUNS as EN_KIN
    from kartoteka.extract.en.lexicon import KINSHIP as EN_KINSHIP
    from kartoteka.extract.ru import alias_words as ru_words
    from kartoteka.extract.ru.lexicon import KIN_NOUNS as RU_KIN
    from kartoteka.extract.ru.lexicon import KINSHIP as RU_KINSHIP

    assert {w: g for w, (_, g) in EN_KIN.items() if w in en_words.KIN_WORDS} \
        == en_words.KIN_WORDS
    assert set(en_words.KIN_WORDS) <= set(EN_KINSHIP)
    assert set(ru_words.KIN_CASE_FORMS) <= RU_KINSHIP
    for lemma, forms in ru_words.KIN_CASE_FORMS.items():
        assert all(ru_words.KIN_WORDS[form] == RU_KIN[lemma] for form in forms), lemma
    assert ru_words.KIN_WORDS["жены"] == "f" and en_words.KIN_WORDS["stepson"] == "m"


@pytest.mark.parametrize(
    ("text", "surfaces", "expected"),
    [
        ("Семён Гуров (при рождении — Шмуэль Гурвич, в Латвии — Янис Гурс; 1899 — 1938) — "
         "чекист.", ["Семён Гуров", "Шмуэль Гурвич", "Янис Гурс"],
         {"Шмуэль Гурвич": "Семён Гуров", "Янис Гурс": "Семён Гуров"}),
        ("Ilya Rubin (born Elias Rubinstein, later Ilya Roman, and in the Netherlands assuming "
         "the name of Henri Roux; 1890 – 1950) was a courier.",
         ["Ilya Rubin", "Elias Rubinstein", "Ilya Roman", "Henri Roux"],
         {"Elias Rubinstein": "Ilya Rubin", "Ilya Roman": "Ilya Rubin",
          "Henri Roux": "Ilya Rubin"}),
        ("Пётр Ланге (в штабе армии значился как Пётр Лангов; 1891 — 1937) — комбриг.",
         ["Пётр Ланге", "Пётр Лангов"], {"Пётр Лангов": "Пётр Ланге"}),
    ],
)
def test_aliases_phrase_of_place_or_time_goes_on_with_the_list(text, surfaces, expected):
    """"в СССР —", "in France assuming the name of": where or when a name was borne."""
    assert aliases_of(text, surfaces) == expected


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("Ivan Sokolov (in Riga with Pyotr Sokolov) waited.", ["Ivan Sokolov", "Pyotr Sokolov"]),
        ("Иван Соколов (в семье брата — Пётр Соколов) ждал.", ["Иван Соколов", "Пётр Соколов"]),
        ("Ivan Sokolov (Anna Lind and Pyotr Sokolov) waited.",
         ["Ivan Sokolov", "Anna Lind", "Pyotr Sokolov"]),
    ],
)
def test_aliases_place_kin_and_and_do_not_make_companions_aliases(text, surfaces):
    found = aliases_of(text, surfaces)
    assert "Pyotr Sokolov" not in found and "Пётр Соколов" not in found


def test_aliases_a_second_bracket_and_an_unread_script_belong_to_the_lead():
    text = "Ivan Dadiani (Georgian: ივანე დადიანი, Ivane Dadiani; Russian: Иван Дадиани) " \
           "(born Iosif Dadiashvili; 1890 – 1937) was a clerk."
    assert aliases_of(text, ["Ivan Dadiani", "Ivane Dadiani", "Иван Дадиани",
                             "Iosif Dadiashvili"]) == {
        "Ivane Dadiani": "Ivan Dadiani", "Иван Дадиани": "Ivan Dadiani",
        "Iosif Dadiashvili": "Ivan Dadiani"}


@pytest.mark.parametrize(
    ("text", "surfaces", "expected"),
    [
        ("Over the years Karl Ozols was known under the names of Karl Ozolin, VOLK (his code "
         "name), Carl Oswald (as in his passport) and Karlis Oza. He died in 1950.",
         ["Karl Ozols", "Karl Ozolin", "Carl Oswald", "Karlis Oza"],
         {"Karl Ozolin": "Karl Ozols", "Carl Oswald": "Karl Ozols", "Karlis Oza": "Karl Ozols"}),
        ("В Париже он жил под фамилиями Озолин и Освальд.", ["Озолин", "Освальд"],
         {"Озолин": None, "Освальд": None}),
        ("In 1932 he assumed the identity of Paul Rand, a Swiss salesman.", ["Paul Rand"],
         {"Paul Rand": None}),
        ("She was born Anna Lind in Riga in 1903.", ["Anna Lind"], {"Anna Lind": None}),
        ("Another identity that he used in Vienna was Mr Brandt, a watchmaker.", ["Brandt"],
         {"Brandt": None}),
        ("In Paris Karl Ozols lived quietly; the name he used there was Carl Oswald.",
         ["Karl Ozols", "Carl Oswald"], {"Carl Oswald": "Karl Ozols"}),
        ("The identity which she adopted in Prague was Dr Anna Lind.", ["Anna Lind"],
         {"Anna Lind": None}),
        # A document's name: only of a person named in its sentence, never the text's
        # subject by default (the document may be a man's the text has not named yet).
        ("The passport in his pocket gave his name as Hans Brandt.", ["Hans Brandt"], {}),
        ("Pavel Lents was found dead; a passport in his pocket gave his name as Hans Brandt.",
         ["Pavel Lents", "Hans Brandt"], {"Hans Brandt": "Pavel Lents"}),
        ("Он жил по паспорту на имя Карла Вебера.", ["Карла Вебера"], {}),
        ("Gleb Orekhov crossed the border on a passport in the name of Karl Weber.",
         ["Gleb Orekhov", "Karl Weber"], {"Karl Weber": "Gleb Orekhov"}),
        ("Gleb Orekhov spoke in the name of Lenin.", ["Gleb Orekhov", "Lenin"], {}),
    ],
)
def test_aliases_assumed_names_in_running_text(text, surfaces, expected):
    assert aliases_of(text, surfaces) == expected


def test_aliases_an_assumed_list_stops_where_the_list_does():
    """A singular phrase names one; a plural one's list ends at a word that is not a list's."""
    text = "He registered under the name of Karl Ozolin and Anna Lind paid."
    assert aliases_of(text, ["Karl Ozolin", "Anna Lind"]) == {"Karl Ozolin": None}
    text = "He registered under the names of Karl Ozolin while Anna Lind paid."
    assert aliases_of(text, ["Karl Ozolin", "Anna Lind"]) == {"Karl Ozolin": None}
    text = "Karl Ozols and Anna Lind lived under the names of Ozolin and Lindt."
    assert aliases_of(text, ["Karl Ozols", "Anna Lind", "Ozolin", "Lindt"]) == {}


def test_aliases_a_birth_name_apposition_may_lack_its_closing_comma():
    text = "Ivan Lesnoy (1880 – 1937), born Ivan Lesnikov was a printer."
    assert aliases_of(text, ["Ivan Lesnoy", "Ivan Lesnikov"]) == {"Ivan Lesnikov": "Ivan Lesnoy"}
    text = "Ivan Lesnoy (1880 – 1937), Ivan Lesnikov was a printer."  # no "born": two men
    assert aliases_of(text, ["Ivan Lesnoy", "Ivan Lesnikov"]) == {}


def test_aliases_a_bracket_opening_on_a_date_and_dash_may_name_a_successor():
    """"(с 1936 года — Y)" after a holder of a post names who held it next, not an alias;
    after a name already given as an alias the same phrase goes on with the list."""
    text = "Начальник отдела Пётр Ланге (с 1936 года — Иван Сомов) подписал приказ."
    assert aliases_of(text, ["Пётр Ланге", "Иван Сомов"]) == {}
    text = "Пётр Ланге (урождённый Пауль Ланг, с 1920 года — Пётр Лангов) — комбриг."
    assert aliases_of(text, ["Пётр Ланге", "Пауль Ланг", "Пётр Лангов"]) == {
        "Пауль Ланг": "Пётр Ланге", "Пётр Лангов": "Пётр Ланге"}


@pytest.mark.parametrize(
    ("text", "surfaces", "expected"),
    [
        ("Задержан Пётр Ланге, он же Пауль Ланг, бывший офицер.", ["Пётр Ланге", "Пауль Ланг"],
         {"Пауль Ланг": "Пётр Ланге"}),
        ("Семён Гуров (наст. фамилия Гурвич; 1899 — 1938) — чекист.", ["Семён Гуров", "Гурвич"],
         {"Гурвич": "Семён Гуров"}),
        ("Karl Ozols (a.k.a. Karl Ozolin) fled.", ["Karl Ozols", "Karl Ozolin"],
         {"Karl Ozolin": "Karl Ozols"}),
        ("Pyotr Lange, né Paul Lang, was an officer.", ["Pyotr Lange", "Paul Lang"],
         {"Paul Lang": "Pyotr Lange"}),
    ],
)
def test_aliases_aka_words_of_records_and_encyclopedias(text, surfaces, expected):
    assert aliases_of(text, surfaces) == expected


@pytest.mark.parametrize(
    ("text", "surfaces", "expected"),
    [
        ("Ivan Lesnoy, also known as Ivan Lesnikov, was a printer.",
         ["Ivan Lesnoy", "Ivan Lesnikov"], {"Ivan Lesnikov": "Ivan Lesnoy"}),
        ("Ivan Lesnoy, whose real name was Ivan Lesnikov, was a printer.",
         ["Ivan Lesnoy", "Ivan Lesnikov"], {"Ivan Lesnikov": "Ivan Lesnoy"}),
        ("Марта Линде (в девичестве — Берзиня) учила детей.", ["Марта Линде", "Берзиня"],
         {"Берзиня": "Марта Линде"}),
        ("Семён Гуров был чекистом. Его настоящая фамилия — Гурвич.", ["Семён Гуров", "Гурвич"],
         {"Гурвич": None}),
        ("Ivan Lesnoy printed leaflets. His real name was Ivan Lesnikov.",
         ["Ivan Lesnoy", "Ivan Lesnikov"], {"Ivan Lesnikov": None}),
    ],
)
def test_aliases_known_as_and_real_name_in_apposition_and_running_text(text, surfaces,
                                                                        expected):
    assert aliases_of(text, surfaces) == expected


def test_aliases_known_as_a_description_is_no_alias():
    text = "Ivan Lesnoy, known as Pyotr Sokolov's deputy, was a printer."
    assert aliases_of(text, ["Ivan Lesnoy", "Pyotr Sokolov"]) == {}


def test_aliases_later_goes_on_with_a_list_but_never_opens_one():
    text = "The guard was commanded by Ivan Sokolov (later Pyotr Lebedev) until 1938."
    assert aliases_of(text, ["Ivan Sokolov", "Pyotr Lebedev"]) == {}
    text = "Отделом руководил Пётр Ланге (затем — Иван Сомов)."
    assert aliases_of(text, ["Пётр Ланге", "Иван Сомов"]) == {}
    text = "Ilya Rubin (born Elias Rubinstein, later Ilya Roman) was a courier."
    assert aliases_of(text, ["Ilya Rubin", "Elias Rubinstein", "Ilya Roman"]) == {
        "Elias Rubinstein": "Ilya Rubin", "Ilya Roman": "Ilya Rubin"}


def test_aliases_other_names_lines_of_an_infobox_are_the_subjects():
    text = "Семён Гуров\nПсевдонимы: Янис Гурс, Шмуэль Гурвич\nРождение: 1899.\n"
    assert aliases_of(text, ["Семён Гуров", "Янис Гурс", "Шмуэль Гурвич"]) == {
        "Янис Гурс": None, "Шмуэль Гурвич": None}
    text = "Karl Ozols\nOther names: Karl Ozolin\nSpouse: Anna Lind\n"
    assert aliases_of(text, ["Karl Ozols", "Karl Ozolin", "Anna Lind"]) == {"Karl Ozolin": None}
    text = "Karl Ozols\nOther names: none, worked with Anna Lind\n"
    assert aliases_of(text, ["Karl Ozols", "Anna Lind"]) == {}


@pytest.mark.parametrize(
    ("text", "surfaces", "expected"),
    [
        ("In 1925 Gleb Orekhov invited Pavel Sorin (his official name since 1920) to Tiflis.",
         ["Gleb Orekhov", "Pavel Sorin"], {"Pavel Sorin": None}),
        ("The reports were signed VOLK (his OGPU code name) until 1934.", ["VOLK"],
         {"VOLK": None}),
        ("Письма он подписывал: Сорин (его партийный псевдоним).", ["Сорин"], {"Сорин": None}),
        # a bracket about someone else's name, or no possessive: no alias
        ("Pavel Sorin (his brother's friend) came in 1925.", ["Pavel Sorin"], {}),
        ("Pavel Sorin (the name of a street) is in Tiflis.", ["Pavel Sorin"], {}),
    ],
)
def test_aliases_a_bracket_calling_the_name_his_own_gives_the_subject(text, surfaces,
                                                                      expected):
    assert aliases_of(text, surfaces) == expected
