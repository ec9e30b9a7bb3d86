"""Transliteration tables against published forms (BGN/PCGN, ISO 9, ALA-LC, Duden, French)."""

from __future__ import annotations

import pytest

from kartoteka.names.keys import surname_key
from kartoteka.names.translit import (
    SCHEMES,
    cyrillic_readings,
    guess_scheme,
    latin_variants,
    to_cyrillic,
    to_latin,
)

# (Cyrillic, scheme, published Latin form)
PUBLISHED_FORMS = [
    ("Ежов", "bgn", "Yezhov"),
    ("Ежов", "iso9", "Ežov"),
    ("Ежов", "scholarly", "Ežov"),
    ("Ежов", "alalc", "Ezhov"),
    ("Ежов", "german", "Jeschow"),
    ("Ежов", "french", "Iejov"),
    ("Ягода", "bgn", "Yagoda"),
    ("Ягода", "german", "Jagoda"),
    ("Люшков", "bgn", "Lyushkov"),
    ("Люшков", "scholarly", "Ljuškov"),
    ("Люшков", "alalc", "Liushkov"),
    ("Люшков", "german", "Ljuschkow"),
    ("Шпигельглас", "bgn", "Shpigelglas"),
    ("Шпигельглас", "scholarly", "Špigel'glas"),
    ("Тухачевский", "popular", "Tukhachevsky"),
    ("Тухачевский", "alalc", "Tukhachevskii"),
    ("Тухачевский", "german", "Tuchatschewski"),
    ("Тухачевский", "french", "Toukhatchevski"),
    ("Уборевич", "bgn", "Uborevich"),
    ("Зиновьев", "german", "Sinowjew"),
    ("Зиновьев", "french", "Zinoviev"),
    ("Хрущёв", "german", "Chruschtschow"),
    ("Бухарин", "french", "Boukharine"),
]


@pytest.mark.parametrize(("cyrillic", "scheme", "expected"), PUBLISHED_FORMS)
def test_translit_to_latin_gives_published_form(cyrillic: str, scheme: str, expected: str) -> None:
    assert to_latin(cyrillic, scheme) == expected


@pytest.mark.parametrize("scheme", SCHEMES)
def test_translit_to_latin_passes_latin_through(scheme: str) -> None:
    assert to_latin("Yezhov", scheme) == "Yezhov"


def test_translit_to_latin_rejects_unknown_scheme() -> None:
    with pytest.raises(ValueError, match="unknown transliteration scheme"):
        to_latin("Ежов", "klingon")


def test_translit_to_latin_keeps_case_and_separators() -> None:
    assert to_latin("ЕЖОВ Николай-Иван", "bgn") == "YEZHOV Nikolay-Ivan"


@pytest.mark.parametrize(
    ("cyrillic", "expected"),
    [("Ежов", {"Yezhov", "Ežov", "Ezhov", "Jeschow", "Iejov"}),
     ("Тухачевский", {"Tukhachevsky", "Tukhachevskii", "Tuchatschewski", "Toukhatchevski"})],
)
def test_translit_latin_variants_cover_schemes(cyrillic: str, expected: set[str]) -> None:
    assert expected <= latin_variants(cyrillic)


@pytest.mark.parametrize(
    ("latin", "expected"),
    [("Yezhov", "Ежов"), ("Jeschow", "Ешов"), ("Iejov", "Ежов"), ("Tukhachevsky", "Тухачевский"),
     ("Tuchatschewski", "Тухачевский"), ("Toukhatchevski", "Тухачевский"), ("Trotzki", "Троцкий"),
     ("Nikolay", "Николай"), ("Lyushkov", "Люшков"), ("Ežov", "Ежов")],
)
def test_translit_to_cyrillic_reads_each_family(latin: str, expected: str) -> None:
    # German "sch" is ж or ш; the German reading picks ш, which keys treat alike.
    assert to_cyrillic(latin) == expected


def test_translit_to_cyrillic_passes_cyrillic_through() -> None:
    assert to_cyrillic("Ежов") == "Ежов"


@pytest.mark.parametrize(
    ("latin", "scheme"),
    [("Jeschow", "german"), ("Toukhatchevski", "french"), ("Yezhov", "base"),
     ("Tuxačevskij", "scholarly"), ("Ordjonikidze", "french")],
)
def test_translit_guess_scheme_reads_telltale_letters(latin: str, scheme: str) -> None:
    assert guess_scheme(latin) == scheme


CYRILLIC_SURNAMES = ["Ежов", "Ягода", "Люшков", "Шпигельглас", "Тухачевский", "Фриновский",
                     "Берзин", "Уборевич", "Зиновьев", "Хрущёв", "Орджоникидзе", "Блюхер"]


@pytest.mark.parametrize("cyrillic", CYRILLIC_SURNAMES)
@pytest.mark.parametrize("scheme", [*SCHEMES, "popular"])
def test_translit_round_trip_keeps_the_key(cyrillic: str, scheme: str) -> None:
    latin = to_latin(cyrillic, scheme)
    readings = cyrillic_readings(latin)
    assert surname_key(cyrillic) in {surname_key(reading) for reading in readings}


@pytest.mark.parametrize(
    ("polish", "russian"),
    [("Szczerbakow", "Щербаков"), ("Wiszniewski", "Вишневский"), ("Czernow", "Чернов"),
     ("Rabinowicz", "Рабинович"), ("Żukow", "Жуков"), ("Łukin", "Лукин")],
)
def test_translit_polish_romanisation_reads_back(polish: str, russian: str) -> None:
    from kartoteka.names.keys import surname_key, surname_keys

    assert guess_scheme(polish) == "polish"
    assert surname_keys(polish)[0] == surname_key(russian)


def test_translit_polish_signs_do_not_capture_english_spellings() -> None:
    assert guess_scheme("Shcherbakov") == "base"
    assert guess_scheme("Tschernow") == "german"


def _generated_latin_forms() -> list[str]:
    """A few thousand Latin forms: every Cyrillic name of the given-name list with common
    surname endings, in every scheme and the popular one, and seeded strings of Latin letters,
    digraphs, accented letters and soft marks (forms no scheme writes, which readers still see)."""
    import random
    from importlib import resources

    text = resources.files("kartoteka.names").joinpath("data", "given_names.tsv").read_text()
    stems = [line.split("\t")[0] for line in text.splitlines() if line and line[0] != "#"]
    cyrillic = [f"{stem}{ending}" for stem in stems for ending in ("", "ов", "ева", "ский", "ьев")]
    forms = {to_latin(name, scheme) for name in cyrillic for scheme in (*SCHEMES, "popular")}
    pieces = [*"abcdefghijklmnopqrstuvwxyz", "sch", "tsch", "szcz", "ou", "ie", "ij", "yy", "ck",
              "ž", "č", "ë", "ï", "é", "ł", "ś", "ü", "'", "’", "ʹ", "Ye", "O"]
    rng = random.Random(1937)
    forms.update("".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
                 for _ in range(3000))
    return sorted(forms)


def test_translit_compiled_reader_reads_as_the_rules() -> None:
    from kartoteka.names.translit import READERS, _prepare_latin, _read_by_rules, _read_word

    forms = _generated_latin_forms()
    assert len(forms) > 3000
    differ = [(form, reader) for form in forms for reader in READERS
              if _read_word(form, reader) != _read_by_rules(_prepare_latin(form), reader)]
    assert differ == []


@pytest.mark.parametrize("latin", ["Zhukovskiy", "ROSENFELD", "Szczepański", "Tchoubarov",
                                   "Chernyshov", "Iejov", "Mikhail Tuchatschewski"])
def test_translit_cyrillic_readings_one_word_shortcut_reads_as_read_latin(latin: str) -> None:
    # A one-word name restores the case of each distinct reading once; the readings, their
    # order and their case must be what reading it reader by reader gives.
    from kartoteka.names.translit import READERS, cyrillic_readings, guess_scheme, read_latin

    expected = dict.fromkeys(read_latin(latin, r) for r in (guess_scheme(latin), *READERS))
    assert cyrillic_readings(latin) == tuple(expected)


@pytest.mark.parametrize("latin", ["Zhukova", "ZHUKOVA", "Ossipowa", "Kowalczyk", "Chabarov"])
def test_translit_guess_scheme_ascii_shortcut_agrees_with_accented_path(latin: str) -> None:
    # An ASCII spelling skips the accent stripping; an accent that changes no sign (é) must
    # leave the guess where the plain spelling puts it.
    from kartoteka.names.translit import guess_scheme

    assert guess_scheme(latin) == guess_scheme(latin.replace("a", "á", 1).replace("A", "Á", 1))
