"""The English date-phrase layer: find_dates, DiscourseDates and lifespan brackets."""

from __future__ import annotations

import pytest
from edtf import parse_edtf

from kartoteka.extract.en.dates import DiscourseDates, find_dates, lifespan_dates


def resolve_all(text: str) -> list[tuple[str, str | None]]:
    state = DiscourseDates()
    out = []
    for mention in find_dates(text):
        value = state.resolve(mention)
        state.observe(mention, value)
        out.append((mention.text, value))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the spring of 1937 he was taken.", "1937-21"),
        ("arrested in the autumn of 1936", "1936-23"),
        ("shot on the night of June 11–12, 1937, after", "1937-06-11/1937-06-12"),
        ("executed on 11-12 June 1937", "1937-06-11/1937-06-12"),
        ("born 7 February 1898 in Narovchat", "1898-02-07"),
        ("On April 10, 1898 he", "1898-04-10"),
        ("In July 1919 he became", "1919-07"),
        ("From June 9, 1932 to August 17, 1937 he was head", "1932-06-09/1937-08-17"),
        ("between 1928 and 1929", "1928/1929"),
        ("in 1936-1937", "1936/1937"),
        # the two months of a range share the last one's year
        ("from February to June 1938", "1938-02/1938-06"),
        ("between May and July 1937", "1937-05/1937-07"),
        ("in May–June 1937", "1937-05/1937-06"),
        ("during the late 1920s", "192X"),
        ("arrested on 12 May (16 May according to one historian) 1937", "1937-05-12"),
        ("born 25 November [O.S. 13 November 1889] 1889", "1889-11-25"),
    ],
)
def test_en_dates_absolute_phrases(text, expected):
    found = [v for _, v in resolve_all(text) if v]
    assert found[0] == expected
    parse_edtf(expected)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("He kept his post until 1938. That summer he fled.", "That summer", "1938-22"),
        ("It was 1936. In the same year he left.", "the same year", "1936"),
        ("It was 1936. The following year he left.", "The following year", "1937"),
        ("On December 23, 1938, he was expelled and arrested the next day.", "the next day",
         "1938-12-24"),
        ("The next morning I went to him.", "The next morning", None),  # no day known yet
        ("On 18 May 1937 Kork was taken. Four days later, Eideman was.", "Four days later",
         "1937-05-22"),
        ("In 1917 he moved. In December, he joined them.", "In December", "1917-12"),
        ("On 13 May 1938 he was arrested and on 29 July he was shot.", "29 July", "1938-07-29"),
    ],
)
def test_en_dates_relative_phrases_follow_the_discourse(text, phrase, expected):
    values = dict(resolve_all(text))
    assert values[phrase] == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Rehabilitated in 1957. He was born in August or on 19 December 1896.", "in August",
         "1896-08"),
        ("Rehabilitated in 1957. He was arrested on 30 April or 4 May 1937.", "30 April",
         "1937-04-30"),
        ("It was 1950. He was questioned on 2 March and 5 May 1937.", "2 March", "1937-03-02"),
        # clauses, not dates, are coordinated: the discourse's year stands
        ("It was 1957. She left in March and in 1960 she came back.", "in March", "1957-03"),
        ("It was 1957. She left in March and in June 1960 came back.", "in March", "1957-03"),
    ],
)
def test_en_dates_coordinated_dates_share_the_last_year(text, phrase, expected):
    assert dict(resolve_all(text))[phrase] == expected


def test_en_dates_until_is_marked_as_a_bound():
    (mention,) = [m for m in find_dates("he was not removed until 1938, when") if m.absolute]
    assert mention.bound == "until"


def test_en_dates_immediately_afterwards_takes_the_previous_event():
    state = DiscourseDates(last_event="1937-21")
    (mention,) = find_dates("and immediately afterwards both were shot")
    assert state.resolve(mention) == "1937-21"


def test_en_dates_month_word_may_is_not_a_date():
    assert find_dates("he may have been shot") == []


@pytest.mark.parametrize(
    ("inside", "birth", "death"),
    [
        ("7 February 1898 – 4 February 1940", "1898-02-07", "1940-02-04"),
        ("Russian: Имя; 1 April 1883, Astrakhan - 1940", "1883-04-01", "1940"),
        ("April 10, 1898 in A, B Uyezd - March 7, 1939 in C", "1898-04-10", "1939-03-07"),
        (" Russian Имя ; * January 1893 in Lviv ; † 14 August 1937 in Moscow ", "1893-01",
         "1937-08-14"),
        ("1894 – August 29, 1938", "1894", "1938-08-29"),
        ("also Имя; 11 June 1937", None, None),  # one date, no dash: cannot tell which
        ("Russian: Имя", None, None),
    ],
)
def test_en_dates_lifespan_brackets(inside, birth, death):
    assert lifespan_dates(inside) == (birth, death)


def test_dates_a_relative_clause_at_the_end_keeps_its_date_from_the_main_verb(extract_en) -> None:
    # "on 5 September." takes in the closing period, which hangs on the main verb
    ex = extract_en("In June 1937 Anna Petrova was exiled to Astrakhan, where she was arrested "
                    "on 5 September.")
    assert sorted((c.type, c.date) for c in ex.claims) == [
        ("arrest", "1937-09-05"), ("expulsion", "1937-06")]
