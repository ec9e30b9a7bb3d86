"""Dates an event takes from elsewhere in its text (extract/en/event_dates.py,
bounded_events.py, sentence_dates.py; docs/constructions.md, "English").

The sentences are made up for these tests; the names are common Russian ones. Fast: the small
spaCy model loads once per session.
"""

from __future__ import annotations

import pytest


def _dated(extract_en, text: str, type_: str, surname: str) -> list[tuple]:
    """(date, attrs) of every affirmed ``type_`` claim about a mention ending in ``surname``."""
    ex = extract_en(text)
    by_id = {m.id: m for m in ex.mentions}
    return [(c.date, c.attrs) for c in ex.claims if c.type == type_ and c.polarity == "affirmed"
            and by_id[c.subject].text.split()[-1] == surname]


def test_event_dates_a_retold_death_takes_the_lifespan_s_date(extract_en) -> None:
    text = ("Pavel Orekhov (1890 – 12 March 1938) was a Soviet official. He headed a trust in "
            "Kazan. After a short trial Orekhov was found guilty and shot.")
    dated = _dated(extract_en, text, "execution", "Orekhov")
    assert dated and all(d == "1938-03-12" for d, _ in dated)
    assert all(a.get("date_inferred") == "same_event" for _, a in dated)


def test_event_dates_until_his_death_is_dated_by_the_death(extract_en) -> None:
    text = ("Boris Lapshin (1895 – 1939) was a chemist. From 1921 until his death Lapshin "
            "taught at the institute.")
    assert [d for d, _ in _dated(extract_en, text, "death", "Lapshin")] == ["1939", "1939"]


def test_event_dates_a_repeated_arrest_stays_undated(extract_en) -> None:
    text = ("Ivan Sobolev was arrested in 1915 by the tsarist police. Sobolev was arrested again "
            "in 1937. During the purge Sobolev was arrested and shot.")
    dates = [d for d, _ in _dated(extract_en, text, "arrest", "Sobolev")]
    assert "1915" in dates and "1937" in dates and None in dates


def test_event_dates_one_dated_arrest_dates_its_retelling(extract_en) -> None:
    text = ("Ivan Sobolev was arrested on 4 May 1937 at his dacha. He was later moved to a "
            "prison in Kazan. In the purge, Sobolev was arrested and died in prison.")
    assert {d for d, _ in _dated(extract_en, text, "arrest", "Sobolev")} == {"1937-05-04"}


def test_event_dates_another_person_s_date_is_not_borrowed(extract_en) -> None:
    text = ("Lev Markov was shot on 2 June 1938. His brother Sergey Markov was arrested and shot "
            "as well.")
    dates = [d for d, _ in _dated(extract_en, text, "execution", "Markov")]
    assert "1938-06-02" in dates and None in dates


def test_event_dates_an_event_after_a_preposition_is_bounded_not_dated(extract_en) -> None:
    text = "In June 1937, after Pavel Orekhov's arrest, his wife was exiled to Astrakhan."
    assert [d for d, _ in _dated(extract_en, text, "arrest", "Orekhov")] == ["../1937-06"]
    own = "After the arrest of Pavel Orekhov on 29 May 1937, his wife was exiled."
    assert [d for d, _ in _dated(extract_en, own, "arrest", "Orekhov")] == ["1937-05-29"]


def test_event_dates_a_measured_clause_shifts_the_host_s_date(extract_en) -> None:
    text = "The news was published on 13 July 1938, a month after Pavel Orekhov had defected."
    assert [d for d, _ in _dated(extract_en, text, "defection", "Orekhov")] == ["1938-06"]
    bare = "The news was published on 13 July 1938, after Pavel Orekhov had defected."
    assert [d for d, _ in _dated(extract_en, bare, "defection", "Orekhov")] == ["../1938-07-13"]


def test_event_dates_a_fronted_date_dates_the_sentence(extract_en) -> None:
    text = ("On 20 September 1938, a tribunal sentenced Ivan Sobolev to death, and he was shot "
            "soon afterwards.")
    assert [d for d, _ in _dated(extract_en, text, "sentence", "Sobolev")] == ["1938-09-20"]


def test_event_dates_a_fronted_date_does_not_date_a_pluperfect(extract_en) -> None:
    text = "In 1956, Ivan Sobolev learnt that his brother Pyotr Sobolev had been arrested."
    assert [d for d, _ in _dated(extract_en, text, "arrest", "Sobolev")] in ([None], [])


def test_event_dates_then_keeps_the_scene_s_date_approximately(extract_en) -> None:
    text = ("On 15 May 1939, Anna Petrova was woken by four agents. She went with them to the "
            "dacha of Isaak Lapshin. Lapshin was then placed under arrest.")
    assert [d for d, _ in _dated(extract_en, text, "arrest", "Lapshin")] == ["1939-05-15~"]
    new_paragraph = text.replace(" Lapshin was then", "\n\nLapshin was then")
    assert [d for d, _ in _dated(extract_en, new_paragraph, "arrest", "Lapshin")] == [None]


@pytest.mark.parametrize(("text", "date"), [
    ("In 1937 Ivan Sobolev was tried in Moscow. He was immediately shot.", "1937~"),
    ("In 1921 the tribunal tried Ivan Sobolev. He was promptly executed.", "1921~"),
    # its own date wins
    ("Ivan Sobolev was arrested in 1937. He was immediately shot in 1938.", "1938"),
])
def test_event_dates_promptly_and_immediately_keep_the_scene_s_date(extract_en, text: str,
                                                                      date: str) -> None:
    assert [d for d, _ in _dated(extract_en, text, "execution", "Sobolev")] == [date]


def test_event_dates_a_coordinated_sequel_is_at_or_after_the_first_date(extract_en) -> None:
    text = "Boris Markov was arrested in March 1938 and shot."
    assert [d for d, _ in _dated(extract_en, text, "execution", "Markov")] == ["1938-03/.."]
    lifespan = "Boris Markov (1890 – 1939) was an engineer. " + text.replace("Boris Markov", "He")
    assert [d for d, _ in _dated(extract_en, lifespan, "execution", "Markov")] == ["1939"]


def test_event_dates_a_when_clause_dates_its_main_clause(extract_en) -> None:
    text = "When, in 1938, Pavel Orekhov suspected he would be recalled, he fled to Japan."
    assert [d for d, _ in _dated(extract_en, text, "escape", "Orekhov")] == ["1938"]
    text = "When in May 1937 the order came, Pavel Orekhov was arrested."
    assert [d for d, _ in _dated(extract_en, text, "arrest", "Orekhov")] == ["1937-05"]


@pytest.mark.parametrize("telling", [
    "Ivan Sobolev joined the revolutionaries before World War I and was arrested.",
    "For his leaflets Ivan Sobolev was arrested and imprisoned until October 1917.",
])
def test_event_dates_a_telling_with_its_own_years_is_another_event(extract_en,
                                                                   telling: str) -> None:
    text = telling + " Much later, Ivan Sobolev was arrested on 4 May 1937."
    assert {d for d, _ in _dated(extract_en, text, "arrest", "Sobolev")} == {None, "1937-05-04"}


@pytest.mark.parametrize(("text", "kind", "date"), [
    # the subject's bracket is its lifespan, not the predicate's date
    ("Ivan Sobolev (29 April 1897 – 29 January 1941) was arrested.", "arrest", None),
    ("Ivan Sobolev (1897 – 1941) was acting head of the NKVD from February to June 1938.",
     "appointment", "1938-02"),
    # a bracket with the event itself stays the event's
    ("Ivan Sobolev (arrested in 1937) was shot in 1938.", "arrest", "1937"),
])
def test_event_dates_a_subject_s_bracket_dates_no_predicate(extract_en, text: str, kind: str,
                                                            date: str | None) -> None:
    assert [d for d, _ in _dated(extract_en, text, kind, "Sobolev")] == [date]
