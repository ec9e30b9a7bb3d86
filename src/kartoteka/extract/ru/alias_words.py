"""Russian words around another name of the same person, and kin words before a name.

Read by the language-independent layout reading in ``extract.aliases``; the English lists are
in ``extract/en/alias_words.py``. Words are listed as written (the layout reading does not
lemmatise), so the kin words carry their common case forms.
"""

from __future__ import annotations

from kartoteka.extract.ru.lexicon import KIN_NOUNS

# Names of languages and peoples that label a form of the name ("лит.", "евр."): the
# abbreviations of the Большая российская энциклопедия's list of abbreviations and the
# adjectives they stand for.
LANGUAGE_LABELS: frozenset[str] = frozenset({
    "русский", "рус", "укр", "украинский", "польск", "пол", "латыш", "латышский", "латв",
    "лит", "литовский", "эст", "эстонский", "нем", "немецкий", "идиш", "иврит", "евр",
    "груз", "грузинский", "арм", "армянский", "белор", "белорусский", "фин", "финский",
    "тат", "англ", "фр", "франц", "чеш", "венг", "рум", "итал",
})
# Words of a phrase that introduces another name ("настоящее имя", "урождённая", "до 1918 года
# —", "по мужу"), as Russian encyclopedias' leads use them.
ALIAS_WORDS: frozenset[str] = frozenset({
    "настоящее", "настоящая", "настоящие", "имя", "фамилия", "фамилии", "при", "рождении",
    "урождённая", "урожденная", "урождённый", "урожденный", "урожд", "псевдоним",
    "псевдонимы", "партийный", "партийная", "партийные", "кличка", "клички", "прозвище",
    "также", "известен", "известна", "как", "до", "года", "году", "г", "гг", "или",
    "девичья", "по", "мужу", "отцу", "первоначально", "урождён", "урожден",
    # a name in papers or records: "значился как X", "проживал по документам X"
    "значился", "значилась", "числился", "числилась", "документам", "паспорту",
    "проживал", "проживала", "жил", "жила", "впоследствии", "позднее", "затем",
    # "он же X" (the a.k.a. of Russian records and encyclopedias), "наст. фамилия", "псевд.",
    # "известный как", "по прозвищу"
    "он", "она", "же", "наст", "псевд", "известный", "известная", "прозвищу",
    # "в замужестве X", "в девичестве X", "чья настоящая фамилия X"
    "замужестве", "девичестве", "чья", "которого", "которой",
})
# Words that go on with a list of names already begun but never open one: "(затем — Y)" after
# the holder of a post may name the next holder.
LATER_WORDS: frozenset[str] = frozenset({"впоследствии", "позднее", "затем"})
# Words that may join two names of a list of aliases without saying that the second is one.
LINKING_WORDS: frozenset[str] = frozenset({"и", "а"})
# Prepositions that open a phrase of place or time qualifying one name of a list of aliases:
# "(при рождении — X, в СССР — Y)" (a preposition and up to three words, then a dash or a word
# that introduces a name).
QUALIFIER_PREPOSITIONS: frozenset[str] = frozenset({"в", "во", "на", "с", "со", "после"})
ARTICLES: frozenset[str] = frozenset()
# Words of a date, which stand in such a phrase ("с 1936 года") without introducing a name.
TIME_WORDS: frozenset[str] = frozenset({"года", "году", "г", "гг"})
# Of those, the words that alone say "another name follows" when no bracket does.
STRONG_ALIAS_WORDS: frozenset[str] = frozenset({
    "урождённая", "урожденная", "урождённый", "урожденный", "урожд", "настоящее",
    "настоящая", "псевдоним", "кличка", "прозвище", "урождён", "урожден", "же", "наст",
    "псевд", "известный", "известная", "известен", "известна", "замужестве", "девичестве",
})
# Words between two names of one list of aliases: "X или Y".
ALIAS_SEPARATORS: frozenset[str] = frozenset({"или", "либо", "также"})
# A phrase before an assumed name in running text: "под фамилией X".
ASSUMED_NAME_PHRASES: tuple[str, ...] = (
    r"под\s+(?:псевдонимом|фамилией|именем|кличкой)",
    # "Его настоящая фамилия — X", "настоящее имя Y — X"
    r"настоящ(?:ая|ее)\s+(?:фамилия|имя)\s*[—–:-]?",
)
# A name a document gives ("жил по документам X", "по паспорту на имя X"): tied only to a
# person named in its sentence (see en/alias_words.py, DOCUMENT_NAME_PHRASES).
DOCUMENT_NAME_PHRASES: tuple[str, ...] = (
    r"по\s+(?:документам|паспорту)(?:\s+на\s+имя)?",
)
# The plural of those phrases, which goes on to a list of names ("под фамилиями X и Y").
# "Сорин (его партийный псевдоним)", "Волк (её кличка в ОГПУ)": see en/alias_words.py.
OWN_NAME_REMARKS: tuple[str, ...] = (
    r"(?:его|её|ее)\s+(?:[\w/-]+\s+){0,3}?(?:фамилия|имя|псевдоним|кличка|прозвище)\b",
)
ASSUMED_LIST_PHRASES: tuple[str, ...] = (
    r"под\s+(?:псевдонимами|фамилиями|именами|кличками)",
)
# The verb of the main clause after an apposition without its closing comma ("X, урождённый Y
# был …"): the past forms of быть.
MAIN_CLAUSE_VERBS: frozenset[str] = frozenset({"был", "была", "были"})
# Words between the names of such a list.
LIST_SEPARATORS: frozenset[str] = frozenset({"и", "или"})
# A line label that gives the person's name at birth or other names in an infobox ("Имя при
# рождении: X", "Псевдонимы: X, Y"; the labels of Russian Wikipedia's «Персона» card).
BIRTH_NAME_LABELS: tuple[str, ...] = (
    r"имя\s+при\s+рождении", r"настоящее\s+имя", r"фамилия\s+при\s+рождении",
    r"псевдонимы?", r"прозвище", r"партийн(?:ая|ые)\s+клички?", r"другие\s+имена",
)
# The kinship nouns of the lexicon (``lexicon.KIN_NOUNS``, which gives their gender) in the
# cases that stand before a name (nominative, genitive, dative; Зализняк's grammatical
# dictionary): just before a bare surname they make it a relative of the person the text is
# about ("его отец Флоренский").
KIN_CASE_FORMS: dict[str, tuple[str, ...]] = {
    "отец": ("отец", "отца", "отцу"), "муж": ("муж", "мужа", "мужу"),
    "сын": ("сын", "сына", "сыну"), "брат": ("брат", "брата", "брату"),
    "дядя": ("дядя", "дяди"), "племянник": ("племянник",), "дед": ("дед", "деда"),
    "отчим": ("отчим",), "мать": ("мать", "матери"), "жена": ("жена", "жены", "жене"),
    "дочь": ("дочь", "дочери"), "сестра": ("сестра", "сестры"), "тётя": ("тётя",),
    "тетя": ("тетя",), "бабушка": ("бабушка",), "вдова": ("вдова", "вдовы"),
    "мачеха": ("мачеха",), "родитель": ("родители", "родителей"),
}
KIN_WORDS: dict[str, str | None] = {
    form: KIN_NOUNS[lemma] for lemma, forms in KIN_CASE_FORMS.items() for form in forms
} | {"двоюродный": None}  # "двоюродный брат": the adjective of cousins
KIN_LEMMAS: dict[str, str] = {form: lemma for lemma, forms in KIN_CASE_FORMS.items()
                              for form in forms}
GENERAL_KIN: frozenset[str] = frozenset({"родственник", "родственница", "семья", "двоюродный"})
# The first-person possessives мой and наш in every case and number (Русская грамматика, 1980,
# §§ 1320–1326), and the pronoun that opens a signed statement ("Я, X, 1900 года рождения").
FIRST_PERSON_POSSESSIVES: frozenset[str] = frozenset({
    "мой", "моя", "моё", "мое", "мои", "моего", "моей", "моему", "моим", "моих", "мою", "моём",
    "моем", "моими", "наш", "наша", "наше", "наши", "нашего", "нашей", "нашему", "нашим",
    "наших", "нашу", "нашем", "нашими",
})
NARRATOR_PRONOUNS: frozenset[str] = frozenset({"я"})
