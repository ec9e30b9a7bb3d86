"""One person written in English under the romanisations texts use (Iosif/Joseph,
Yakov/Iakov/Jacob, -evich/-yevich/-ievich, Aleksei/Alexei/Alexey, Fyodor/Fedor/Theodore, Ye-/E-,
-sky/-skii/-skiy, soft signs) with full name and years links to the Cyrillic record that gives
the same; namesakes (the surname with another given name, patronymic or years) link to none.
The people and the list are made up."""

from __future__ import annotations

import pytest

from kartoteka.names import parse_person_name
from kartoteka.resolve.authority import AuthorityMatch, AuthorityRecord, link_authority
from kartoteka.resolve.profile import Profile

RECORDS = [
    AuthorityRecord("t", "1", "Ельшевский Иосиф Захарович", 1891, 1938),
    AuthorityRecord("t", "2", "Ельшевский Яков Захарович", 1895, 1937),
    AuthorityRecord("t", "3", "Зелинский Яков Фёдорович", 1889, 1937),
    AuthorityRecord("t", "4", "Зелинский Яков Петрович", 1889, 1937),
    AuthorityRecord("t", "5", "Ерёменко Алексей Васильевич", 1900, 1938),
    AuthorityRecord("t", "6", "Ерёменко Алексей Васильевич", 1879, 1941),
    AuthorityRecord("t", "7", "Сельцов Фёдор Ильич", 1893, 1938),
    AuthorityRecord("t", "8", "Сельцов Фёдор Игнатьевич", 1893, 1938),
    AuthorityRecord("t", "9", "Ельцов Евгений Андреевич", 1897, 1937),
    AuthorityRecord("t", "10", "Ельцов Евгений Аркадьевич", 1897, 1937),
    AuthorityRecord("t", "11", "Гольдберг Игорь Львович", 1902, 1938),
    AuthorityRecord("t", "12", "Гольдберг Игорь Леонидович", 1902, 1938),
    AuthorityRecord("t", "13", "Юрьевский Юрий Юрьевич", 1890, 1937),
    AuthorityRecord("t", "14", "Мальцев Матвей Кузьмич", 1888, 1938),
    AuthorityRecord("t", "15", "Мальцев Матвей Козьмич", 1899, 1938),
    AuthorityRecord("t", "17", "Ельянов Осип Моисеевич", 1894, 1938),
    AuthorityRecord("t", "18", "Зелинская Анна Алексеевна", 1901, 1938),
    AuthorityRecord("t", "19", "Щукин Пётр Дмитриевич", 1887, 1937),
    AuthorityRecord("t", "20", "Цветков Семён Николаевич", 1892, 1938),
    AuthorityRecord("t", "24", "Васильев Дмитрий Фёдорович", 1885, 1938),
    AuthorityRecord("t", "25", "Евдокимов Ефим Георгиевич", 1891, 1940),
    AuthorityRecord("t", "26", "Соловьёв Михаил Сергеевич", 1895, 1938),
]

# (the name as a text writes it, born, died, the record it is, or None for a namesake)
CASES = [
    ("Joseph Zakharovich Yelshevsky", 1891, 1938, "1"),
    ("Iosif Zakharovich Elshevskii", 1891, 1938, "1"),
    ("Josif Zakharovich Yel'shevskiy", 1891, 1938, "1"),
    ("Yakov Fyodorovich Zelinsky", 1889, 1937, "3"),
    ("Iakov Fedorovich Zelinskii", 1889, 1937, "3"),
    ("Jacob Fedorovich Zelinski", 1889, 1937, "3"),
    ("Alexei Vasilyevich Yeremenko", 1900, 1938, "5"),
    ("Aleksei Vasil'evich Eremenko", 1900, 1938, "5"),
    ("Alexey Vasilievich Yeryomenko", 1900, 1938, "5"),
    ("Fedor Il'ich Sel'tsov", 1893, 1938, "7"),
    ("Theodore Ilyich Seltzov", 1893, 1938, "7"),
    ("Yevgeny Andreyevich Yeltsov", 1897, 1937, "9"),
    ("Evgeniy Andreievich Eltsov", 1897, 1937, "9"),
    ("Igor' L'vovich Gol'dberg", 1902, 1938, "11"),
    ("Iurii Iur'evich Iur'evskii", 1890, 1937, "13"),
    ("Matvey Kuz'mich Mal'tsev", 1888, 1938, "14"),
    ("Iosif Moiseevich El'ianov", 1894, 1938, "17"),
    ("Anna Alexeievna Zelinska", 1901, 1938, "18"),
    ("Piotr Dmitrievich Schukin", 1887, 1937, "19"),
    ("Simon Nikolaievich Zwetkow", 1892, 1938, "20"),
    # a patronymic of another form of the father's name (Theodore: Фёдор)
    ("Dmitriy Theodorovich Vassiliev", 1885, 1938, "24"),
    ("Jefim Georgijevich Jevdokimov", 1891, 1940, "25"),
    ("Michael Sergeievich Soloviev", 1895, 1938, "26"),
    ("Joseph Petrovich Yelshevsky", 1891, 1938, None),
    ("Joseph Zakharovich Yelshevsky", 1870, 1920, None),
    ("Jacob Ivanovich Zelinsky", 1889, 1937, None),
    ("Alexei Vasilyevich Yeremenko", 1910, 1950, None),
    ("Fyodor Ivanovich Seltsov", 1893, 1938, None),
    ("Yevgeny Alexandrovich Yeltsov", 1897, 1937, None),
    ("Anna Alexandrovna Zelinskaya", 1901, 1938, None),
    ("Osip Mironovich Elyanov", 1894, 1938, None),
    ("Efim Grigorievich Evdokimov", 1891, 1940, None),
    ("Mikhail Semyonovich Solovyov", 1895, 1938, None),
    # Theodorovich is no Dmitrievich: the father's name group is one name's, not any name's
    ("Pyotr Theodorovich Shchukin", 1887, 1937, None),
]


def _profile(i: int, label: str, born: int, died: int) -> Profile:
    name = parse_person_name(label)
    return Profile(key=f"p{i}", document_id=f"d{i}", kind="person", label=label, names=[label],
                   surname=name.surname, given=name.given, patronymic=name.patronymic,
                   gender=name.gender, birth_year=born, death_year=died)


@pytest.fixture(scope="module")
def matches() -> list[AuthorityMatch]:
    profiles = [_profile(i, label, born, died) for i, (label, born, died, _) in enumerate(CASES)]
    return link_authority(profiles, RECORDS)


@pytest.mark.parametrize(("index", "case"), list(enumerate(CASES)), ids=[c[0] for c in CASES])
def test_authority_romanisation_links_its_record_and_no_namesake(
        matches: list[AuthorityMatch], index: int, case: tuple) -> None:
    linked = [m.record_id for m in matches if m.profile_key == f"p{index}"
              and m.decision == "linked"]
    assert linked == ([case[3]] if case[3] else [])
