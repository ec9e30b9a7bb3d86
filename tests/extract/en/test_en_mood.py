"""Modality constructions of English (docs/constructions.md, "Modality"): each candidate fate
is classed and passes the shared gate. Fast: one small spaCy model per session.

The sentences are made up for these tests; the names are common Russian ones.
"""

from __future__ import annotations

import pytest

from kartoteka.extract.modality import REPORTED_CONFIDENCE


def _of(fates: list[tuple], name: str) -> list[tuple]:
    return [f for f in fates if f[1] == name]


@pytest.mark.parametrize("text", [
    "Pavel Markov shot up from his seat and began to speak.",
    "Pavel Markov shot a glance at Ivan Sobolev and said nothing.",
    "Ivan Sobolev killed time in the corridor while Pavel Markov executed the order.",
])
def test_mood_idioms_of_fate_verbs_are_no_fate(fates_en, text: str) -> None:
    assert fates_en(text) == []


@pytest.mark.parametrize("text", [
    "The conspirators agreed that Pavel Petrov had to be eliminated.",
    "According to the plan, Oleg Nikolaev was to be executed quietly.",
    "Semyon Belov wanted to arrest Pavel Petrov in the spring.",
    "Ivan Sobolev was charged with planning to assassinate Oleg Kuznetsov.",
    "Semyon Belov confessed to conspiring to murder Oleg Kuznetsov.",
])
def test_mood_plans_and_obligations_assert_nothing(fates_en, text: str) -> None:
    assert fates_en(text) == []


@pytest.mark.parametrize("text", [
    "Boris Orlov feared that the summons would mean his own arrest.",
    "Ivan Sobolev was afraid of arrest all that winter.",
    "Anna Petrova warned Ivan Sobolev of his impending arrest.",
    "The police in Prague were waiting for the arrest of Ivan Sobolev.",
    "Every day Anna Petrova hoped for the release of Ivan Sobolev.",
])
def test_mood_fears_and_expectations_assert_nothing(fates_en, text: str) -> None:
    assert not [f for f in fates_en(text) if f[1] in ("Boris Orlov", "Ivan Sobolev")]


@pytest.mark.parametrize("text", [
    "The commissar ordered the arrest of Ivan Sobolev.",
    "Yezhov demanded that Ivan Sobolev be shot at once.",
    "The agents instigated the young clerk to kill Ivan Sobolev.",
    "His friends encouraged him to murder Ivan Sobolev.",
    "The officer was incited to shoot Ivan Sobolev.",
])
def test_mood_orders_assert_nothing(fates_en, text: str) -> None:
    assert not any(f[1] == "Ivan Sobolev" for f in fates_en(text))


@pytest.mark.parametrize("text", [
    "Was Pavel Markov shot in 1938?",
    "If Pavel Markov had been arrested in 1937, his wife would have been exiled.",
    "Pavel Markov could have been shot that year.",
])
def test_mood_questions_and_conditions_assert_nothing(fates_en, text: str) -> None:
    assert not _of(fates_en(text), "Pavel Markov")


@pytest.mark.parametrize("text", [
    "Rumours spread that Ivan Ivanov had been shot, but the authorities declared the report "
    "false.",
    "It was rumoured in Moscow that Ivan Ivanov had been arrested. The rumour proved untrue.",
    "The story that Ivan Ivanov had been shot is a myth.",
    # the noun's content clause, which the small model parses as a relative clause
    "The rumour that Ivan Ivanov had been shot turned out to be false.",
    "There was a rumour that Ivan Ivanov had been shot, but it was false.",
])
def test_mood_a_refuted_rumour_is_negated(fates_en, text: str) -> None:
    found = _of(fates_en(text), "Ivan Ivanov")
    assert found and all(f[3] == "negated" and f[4] == "refuted_rumour" for f in found)


@pytest.mark.parametrize("text", [
    "Ivan Ivanov was reportedly shot in 1938.",
    "It was said that Ivan Ivanov had been arrested in Kiev.",
    "The rumour that Ivan Ivanov had been shot reached the camp in 1938.",
    # alternative accounts: none is vouched for
    "In the barracks two stories circulated: one was that Ivan Ivanov shot himself, and the "
    "other that a guard shot him.",
    "Conflicting accounts exist: in one Ivan Ivanov was shot in 1937, in another he died in "
    "Kolyma.",
    "According to the official version, Ivan Ivanov died of heart failure in 1942.",
    "In one version Ivan Ivanov was shot in 1938.",
    "Ivan Ivanov was supposed to have been shot in 1937.",
    "Ivan Ivanov is widely believed to have been shot in 1938.",
])
def test_mood_a_rumour_is_hedged(extract_en, fates_en, text: str) -> None:
    found = _of(fates_en(text), "Ivan Ivanov")
    assert found and all(f[3] == "affirmed" and f[4] == "rumour" for f in found)
    assert all(c.confidence <= REPORTED_CONFIDENCE for c in extract_en(text).claims)


@pytest.mark.parametrize("text", [
    "Ivan Sobolev was accused of murdering Oleg Kuznetsov.",
    "The court charged Ivan Sobolev with the murder of Oleg Kuznetsov.",
])
def test_mood_a_charge_is_hedged(fates_en, text: str) -> None:
    found = _of(fates_en(text), "Oleg Kuznetsov")
    assert found and all(f[4] == "charged" for f in found)


@pytest.mark.parametrize("text", [
    "Pavel Orekhov was not shot.",
    "The authorities denied that Pavel Orekhov had been arrested.",
    "Pavel Orekhov was never arrested.",
])
def test_mood_a_denial_is_negated(fates_en, text: str) -> None:
    found = _of(fates_en(text), "Pavel Orekhov")
    assert found and all(f[3] == "negated" and f[4] == "denied" for f in found)


@pytest.mark.parametrize("text", [
    "Pavel Orekhov was arrested in 1937 and shot in 1938.",
    "Pavel Orekhov was probably shot in 1938.",
])
def test_mood_an_assertion_stays_affirmed(fates_en, text: str) -> None:
    found = _of(fates_en(text), "Pavel Orekhov")
    assert any(f[0] == "execution" and f[2] == "1938" for f in found)
    assert all(f[3] == "affirmed" and f[4] is None for f in found)


@pytest.mark.parametrize("text", [
    "Pavel Petrov went into hiding to escape arrest.",
    "Oleg Nikolaev was sent to the north to be shot.",
])
def test_mood_a_purpose_clause_asserts_nothing(fates_en, text: str) -> None:
    assert not [f for f in fates_en(text) if f[0] in ("arrest", "escape", "execution")]


def test_mood_only_to_is_a_result_not_a_purpose(fates_en) -> None:
    fates = fates_en("Pavel Petrov returned to Moscow in 1937, only to be arrested.")
    assert ("arrest", "Pavel Petrov", "1937", "affirmed", None) in fates


@pytest.mark.parametrize("text", [
    "Pavel Markov was almost shot in 1938.",
    "Ivan Sobolev was nearly arrested in the spring of 1937.",
])
def test_mood_a_near_miss_asserts_nothing(fates_en, text: str) -> None:
    assert [f for f in fates_en(text) if f[0] in ("execution", "arrest")] == []


def test_mood_an_approximator_of_a_time_keeps_the_event(fates_en) -> None:
    fates = fates_en("Pavel Markov was shot almost immediately after the trial.")
    assert [(f[0], f[3]) for f in _of(fates, "Pavel Markov")] == [("execution", "affirmed")]


@pytest.mark.parametrize("text", [
    "They told us that Pavel Markov had been shot. It was a lie.",
    "We were told that Pavel Markov had been shot. This was untrue.",
    "The papers reported that Pavel Markov had been shot, but the report was false.",
])
def test_mood_a_report_called_false_is_negated(fates_en, text: str) -> None:
    assert [(f[0], f[3]) for f in _of(fates_en(text), "Pavel Markov")] == [
        ("execution", "negated")]


@pytest.mark.parametrize("text", [
    "They told us that Pavel Markov had been shot. We wept all night.",
    "Ivan Sobolev said that Pavel Markov had been shot in 1938.",
])
def test_mood_a_report_not_called_false_stays_asserted(fates_en, text: str) -> None:
    assert [(f[0], f[3]) for f in _of(fates_en(text), "Pavel Markov")] == [
        ("execution", "affirmed")]


@pytest.mark.parametrize("text", [
    "Neither Pavel Markov nor Ivan Sobolev was arrested.",
    "Neither Markov nor Sobolev was ever arrested.",
])
def test_mood_neither_nor_subjects_are_denied(fates_en, text: str) -> None:
    fates = [f for f in fates_en(text) if f[0] == "arrest"]
    assert len(fates) == 2 and {f[3] for f in fates} == {"negated"}


@pytest.mark.parametrize(("text", "modality"), [
    ("Pavel Markov was reported shot in 1938.", "rumour"),
    ("Pavel Markov was reported to have been shot in 1938.", "rumour"),
    ("Pavel Markov was shot in 1938, as the newspapers reported.", None),
])
def test_mood_a_passive_reporting_verb_is_a_rumour(fates_en, text: str,
                                                    modality: str | None) -> None:
    assert [f[4] for f in _of(fates_en(text), "Pavel Markov") if f[0] == "execution"] == [
        modality]


@pytest.mark.parametrize("text", [
    "Pavel Markov was sentenced to be shot, but he was pardoned.",
    "The tribunal sentenced Pavel Markov to be shot.",
    "Pavel Markov was condemned to be shot.",
])
def test_mood_an_infinitive_under_a_sentence_is_no_execution(fates_en, text: str) -> None:
    assert [f for f in _of(fates_en(text), "Pavel Markov") if f[0] == "execution"] == []


def test_mood_a_sentence_and_its_execution_stay_two_events(fates_en) -> None:
    fates = _of(fates_en("Pavel Markov was sentenced to death and shot."), "Pavel Markov")
    assert sorted(f[0] for f in fates) == ["execution", "sentence"]


@pytest.mark.parametrize("text", [
    "Pavel Markov's execution was postponed.",
    "The outbreak of war prevented Pavel Markov's arrest.",
    "Pavel Markov escaped execution.",
    "Pavel Markov evaded arrest for two years.",
])
def test_mood_an_event_stopped_or_avoided_asserts_nothing(fates_en, text: str) -> None:
    assert _of(fates_en(text), "Pavel Markov") == []


@pytest.mark.parametrize(("text", "type_"), [
    ("Pavel Markov escaped from the camp in 1940.", "escape"),
    ("Pavel Markov survived the execution of Ivan Sobolev.", None),
])
def test_mood_an_escape_from_a_place_and_a_survived_event_stand(fates_en, text: str,
                                                                 type_: str | None) -> None:
    fates = fates_en(text)
    if type_ is not None:
        assert [f[0] for f in _of(fates, "Pavel Markov")] == [type_]
    else:
        assert [f[0] for f in _of(fates, "Ivan Sobolev")] == ["execution"]


@pytest.mark.parametrize("text", [
    "There were rumours that Pavel Markov had been shot, but it turned out not to be so.",
    "It was rumoured that Pavel Markov had been shot. This was not true.",
])
def test_mood_a_rumour_said_not_to_be_so_is_negated(fates_en, text: str) -> None:
    assert [(f[0], f[3]) for f in _of(fates_en(text), "Pavel Markov")] == [
        ("execution", "negated")]


@pytest.mark.parametrize(("text", "expected"), [
    # the rumour in an "as"-clause is the denied one; the death beside it is the narrator's
    ("Pavel Markov was not shot, as was rumoured, but died in a camp in 1942.",
     [("death", "affirmed", None), ("execution", "negated", "denied")]),
    # a rumour inside a relative clause reaches no further than it; "actually" corrects it
    ("Pavel Markov, who was said to have been shot, actually died in a camp.",
     [("death", "affirmed", None), ("execution", "negated", "refuted_rumour")]),
    ("Pavel Markov, who was said to have been shot, died in a camp.",
     [("death", "affirmed", None), ("execution", "affirmed", "rumour")]),
])
def test_mood_a_rumour_in_a_comment_or_relative_clause_stays_there(
        fates_en, text: str, expected: list[tuple]) -> None:
    assert sorted((f[0], f[3], f[4]) for f in _of(fates_en(text), "Pavel Markov")) == expected


@pytest.mark.parametrize("text", [
    "According to unconfirmed data, Pavel Markov was shot in 1942.",
    "By other data, Pavel Markov was shot in 1939.",
    "There is information that Pavel Markov was shot in 1939.",
])
def test_mood_hearsay_data_is_a_rumour(fates_en, text: str) -> None:
    assert [(f[0], f[4]) for f in _of(fates_en(text), "Pavel Markov")] == [
        ("execution", "rumour")]


@pytest.mark.parametrize("text", [
    "He told two stories about the war. Ivan Ivanov was shot in 1937.",
    "By all accounts Ivan Ivanov was shot in 1938.",
])
def test_mood_accounts_in_another_sentence_or_all_agreeing_leave_a_fact(fates_en,
                                                                         text: str) -> None:
    found = _of(fates_en(text), "Ivan Ivanov")
    assert found and all(f[3] == "affirmed" and f[4] is None for f in found)


@pytest.mark.parametrize(("text", "modality"), [
    ("Mother received a certificate stating that Pavel Markov died of pneumonia in 1942.",
     "reported"),
    ("The death certificate said Pavel Markov died of heart failure in 1942.", "reported"),
    ("In 1956 the family was informed that Pavel Markov had died in a camp in 1941.",
     "reported"),
    ("The family was notified of the death of Pavel Markov in 1942.", "reported"),
    ("Pavel Markov died in 1942; his death certificate was issued in 1956.", None),
])
def test_mood_an_official_notice_to_the_family_is_reported(fates_en, text: str,
                                                           modality: str | None) -> None:
    # the notices of 1955 on gave invented dates and causes of death
    assert [f[4] for f in _of(fates_en(text), "Pavel Markov") if f[0] == "death"] == [modality]


@pytest.mark.parametrize("text", [
    "It is not true that Pavel Markov was shot.",
    "It's a myth that Pavel Markov was executed in 1938.",
    "It was a lie that Pavel Markov had been arrested.",
])
def test_mood_a_frame_that_calls_its_clause_false_denies_it(fates_en, text: str) -> None:
    found = _of(fates_en(text), "Pavel Markov")
    assert found and all(f[3] == "negated" for f in found)


def test_mood_a_frame_that_calls_its_clause_true_leaves_it(fates_en) -> None:
    found = _of(fates_en("It is true that Pavel Markov was shot in 1938."), "Pavel Markov")
    assert found and all(f[3] == "affirmed" and f[4] is None for f in found)


def test_mood_a_correction_refutes_the_rumour_and_is_told_as_fact(fates_en) -> None:
    found = _of(fates_en("Pavel Markov is often said to have been shot, but in fact he died "
                         "in Kolyma."), "Pavel Markov")
    assert ("execution", "Pavel Markov", None, "negated", "refuted_rumour") in found
    assert ("death", "Pavel Markov", None, "affirmed", None) in found


@pytest.mark.parametrize("text", [
    "Ivan Sobolev confessed to shooting Pavel Markov.",
    "Ivan Sobolev admitted that he had killed Pavel Markov.",
])
def test_mood_a_confession_is_a_charge(fates_en, text: str) -> None:
    found = _of(fates_en(text), "Pavel Markov")
    assert found and all(f[3] == "affirmed" and f[4] == "charged" for f in found)


@pytest.mark.parametrize("text", [
    "Ivan Ivanov and Pavel Orekhov were arrested in 1937. Both, they say, were shot.",
    "Ivan Ivanov and Pavel Orekhov were arrested in 1937. Both, reportedly, were shot.",
])
def test_mood_a_parenthetical_hearsay_marker_hedges_the_pair_s_fate(fates_en,
                                                                    text: str) -> None:
    # the English twin of "Обоих, говорят, расстреляли" (test_ru_rumours)
    shot = [f for f in fates_en(text) if f[0] == "execution"]
    assert sorted(f[1] for f in shot) == ["Ivan Ivanov", "Pavel Orekhov"]
    assert all(f[3] == "affirmed" and f[4] == "rumour" for f in shot)


def test_mood_a_rumour_does_not_reach_past_a_contrast(fates_en) -> None:
    found = _of(fates_en("It was rumoured that Pavel Markov had been shot, but he came back "
                         "from the camp in 1956."), "Pavel Markov")
    assert ("execution", "Pavel Markov", None, "affirmed", "rumour") in found
    assert ("release", "Pavel Markov", "1956", "affirmed", None) in found
    both = _of(fates_en("It was rumoured that Pavel Markov had been arrested and shot."),
               "Pavel Markov")
    assert both and all(f[4] == "rumour" for f in both)


def test_mood_the_cause_of_a_punishment_is_its_charge(fates_en) -> None:
    # "executed for the murder of X": the court's charge ("shot for the murder of Gorky" was
    # a fabricated one), not the narrator's statement that X was murdered
    found = fates_en("Ivan Sobolev was executed for the murder of Pavel Markov.")
    assert ("execution", "Ivan Sobolev", None, "affirmed", None) in found
    assert [f[4] for f in _of(found, "Pavel Markov")] == ["charged"]
