"""Fate constructions of English (docs/constructions.md, "English"): each yields its claim for
the person it is about. Fast: the small spaCy model loads once per session.

The sentences are made up for these tests; the names are common Russian ones.
"""

from __future__ import annotations

import pytest


def _has(fates: list[tuple], type_: str, name: str, date: str | None = None) -> bool:
    return any(f[0] == type_ and f[1] == name and f[3] == "affirmed"
               and (date is None or f[2] == date) for f in fates)


@pytest.mark.parametrize(("text", "type_", "date"), [
    ("Pavel Orekhov was arrested in 1937 and shot in 1938.", "execution", "1938"),
    ("Pavel Orekhov was liquidated in 1938.", "execution", "1938"),
    ("Pavel Orekhov was purged in 1937.", "arrest", "1937"),
    ("In 1937 Pavel Orekhov fell victim to the purges.", "arrest", "1937"),
    ("Pavel Orekhov perished in a camp in 1942.", "death", "1942"),
    ("Pavel Orekhov died in a labour camp in 1942.", "death", "1942"),
    ("Pavel Orekhov took his own life in 1936.", "suicide", "1936"),
    ("The guards shot Pavel Orekhov in the spring of 1938.", "execution", None),
])
def test_claims_fate_verbs_and_euphemisms(fates_en, text: str, type_: str, date) -> None:
    assert _has(fates_en(text), type_, "Pavel Orekhov", date)


@pytest.mark.parametrize(("text", "type_", "date"), [
    ("After Pavel Orekhov's arrest in 1937, his wife was exiled.", "arrest", "1937"),
    ("The execution of Pavel Orekhov took place in 1938.", "execution", "1938"),
    ("Nobody spoke of the arrest of Pavel Orekhov in 1937.", "arrest", "1937"),
])
def test_claims_nominalisations_belong_to_their_possessor(fates_en, text: str, type_: str,
                                                           date: str) -> None:
    assert _has(fates_en(text), type_, "Pavel Orekhov", date)


@pytest.mark.parametrize("text", [
    "Pavel Orekhov was sentenced to death and shot in 1938.",
    "Pavel Orekhov was sentenced to death in 1938. The sentence was carried out at once.",
    "The court sentenced Pavel Orekhov to death, and the sentence was carried out in 1938.",
])
def test_claims_a_death_sentence_and_its_execution(fates_en, text: str) -> None:
    fates = fates_en(text)
    assert _has(fates, "sentence", "Pavel Orekhov")
    assert _has(fates, "execution", "Pavel Orekhov")


def test_claims_a_sentence_carried_out_needs_a_death_sentence(fates_en) -> None:
    text = "Pavel Orekhov was sentenced to ten years in 1938. The sentence was carried out."
    assert not _has(fates_en(text), "execution", "Pavel Orekhov")


@pytest.mark.parametrize("text", [
    "Pavel Orekhov defected in 1938.",
    "Pavel Orekhov sought asylum in France in 1938.",
    "In 1938 Pavel Orekhov asked for asylum in France.",
    "Pavel Orekhov refused to return to the Soviet Union.",
])
def test_claims_defection(fates_en, text: str) -> None:
    assert _has(fates_en(text), "defection", "Pavel Orekhov")


@pytest.mark.parametrize(("text", "types"), [
    ("Pavel Orekhov was released in 1946 and rehabilitated in 1956.",
     {("release", "1946"), ("rehabilitation", "1956")}),
    ("Pavel Orekhov was demoted in 1936.", {("dismissal", "1936")}),
    ("Pavel Orekhov was removed from the post in 1936.", {("dismissal", "1936")}),
])
def test_claims_release_rehabilitation_and_removal(fates_en, text: str, types: set) -> None:
    assert types <= {(f[0], f[2]) for f in fates_en(text) if f[1] == "Pavel Orekhov"}


def test_claims_replaced_by_gives_the_successor_the_post(fates_en) -> None:
    fates = fates_en("Pavel Orekhov was replaced by Ivan Sobolev in 1936.")
    assert _has(fates, "dismissal", "Pavel Orekhov", "1936")
    assert _has(fates, "appointment", "Ivan Sobolev", "1936")



@pytest.mark.parametrize("text", [
    "Two other doctors, Pavel Orekhov and Ivan Sobolev, were thrown into prison.",
    "The NKVD threw Pavel Orekhov and Ivan Sobolev into prison.",
])
def test_claims_thrown_into_prison_is_an_arrest(fates_en, text: str) -> None:
    fates = fates_en(text)
    assert _has(fates, "arrest", "Pavel Orekhov") and _has(fates, "arrest", "Ivan Sobolev")


@pytest.mark.parametrize("text", [
    "Orekhov supervised the arrest and execution of Pavel Lebedev and Ivan Morozov.",
    "Nobody forgot the arrest and the execution of Pavel Lebedev and Ivan Morozov.",
])
def test_claims_coordinated_event_nouns_share_their_of_phrase(fates_en, text: str) -> None:
    fates = fates_en(text)
    for name in ("Pavel Lebedev", "Ivan Morozov"):
        assert _has(fates, "arrest", name) and _has(fates, "execution", name)


@pytest.mark.parametrize("text", [
    "Pavel Orekhov was found guilty and executed in 1938.",
    "Pavel Orekhov was declared an enemy of the people and shot in 1938.",
    "In 1938 Pavel Orekhov was found guilty, sentenced and shot.",
])
def test_claims_a_participle_joined_to_a_predicative_is_passive(fates_en, text: str) -> None:
    # the small model hangs "executed"/"shot" on "guilty" or "enemy", or tags "shot" a noun
    assert _has(fates_en(text), "execution", "Pavel Orekhov", "1938")


@pytest.mark.parametrize(("text", "modality"), [
    ("Pavel Orekhov was never found guilty and shot; he was released in 1939.", "denied"),
    ("If Pavel Orekhov were found guilty and shot, the village would rise.", None),
    ("His wife feared that Pavel Orekhov would be found guilty and shot.", None),
])
def test_claims_a_predicative_participle_takes_its_clause_s_mood(fates_en, text: str,
                                                                 modality) -> None:
    executions = [f for f in fates_en(text) if f[0] == "execution" and f[1] == "Pavel Orekhov"]
    assert all(f[3] != "affirmed" for f in executions)
    assert [f[4] for f in executions] == ([modality] if modality else [])


@pytest.mark.parametrize(("text", "removal"), [
    ("In 1938 Pavel Orekhov was removed from his post and purged.", "dismissal"),
    ("In 1937 Pavel Orekhov was expelled from the party and purged.", "expulsion"),
    ("Pavel Orekhov was purged from the party in 1937.", None),
])
def test_claims_purged_in_its_removal_sense_is_no_arrest(fates_en, text: str, removal) -> None:
    fates = fates_en(text)
    assert not _has(fates, "arrest", "Pavel Orekhov")
    assert removal is None or _has(fates, removal, "Pavel Orekhov")


def test_claims_purged_alone_still_says_repressed(fates_en) -> None:
    assert _has(fates_en("Pavel Orekhov was purged in 1937."), "arrest", "Pavel Orekhov", "1937")


@pytest.mark.parametrize("text", [
    "In December 1934 Leonid Orlov shot Pavel Orekhov in the back of the neck.",
    "Leonid Orlov waited in the corridor. Then he shot Pavel Orekhov with his revolver.",
])
def test_claims_one_individual_shooting_is_a_killing_not_an_execution(fates_en, text) -> None:
    fates = fates_en(text)
    assert _has(fates, "death", "Pavel Orekhov")
    assert not _has(fates, "execution", "Pavel Orekhov")


def test_claims_a_body_shooting_stays_an_execution(fates_en) -> None:
    assert _has(fates_en("The NKVD shot Pavel Orekhov in 1938."), "execution", "Pavel Orekhov",
                "1938")


@pytest.mark.parametrize("text", [
    "Pavel Orekhov was arrested in March 1938 and shot.",
    "Pavel Orekhov was arrested in 1937 and executed.",
    "Pavel Orekhov was arrested by the NKVD and shot.",
    "Pavel Orekhov was arrested without a warrant and shot.",
])
def test_claims_a_participle_coordinated_with_a_passive_verb_is_passive(fates_en,
                                                                        text: str) -> None:
    assert _has(fates_en(text), "execution", "Pavel Orekhov")


def test_claims_a_participle_after_a_preposition_takes_the_host_s_subject(fates_en) -> None:
    fates = fates_en("Anna Lapshina was held in prison for months before eventually being shot.")
    assert _has(fates, "execution", "Anna Lapshina")
    fates = fates_en("Pavel Orekhov was expelled from the party after being arrested in 1937.")
    assert _has(fates, "arrest", "Pavel Orekhov", "1937")


@pytest.mark.parametrize("text", [
    "Pavel Orekhov died in prison before he was tried.",
    "Pavel Orekhov fled abroad before being arrested.",
    "Pavel Orekhov defected in Paris before he was recalled and tried.",
])
def test_claims_an_event_under_before_is_not_asserted(fates_en, text: str) -> None:
    assert not any(f[0] in ("trial", "arrest", "execution") for f in fates_en(text))


@pytest.mark.parametrize(("text", "type_"), [
    ("Before Pavel Orekhov committed suicide, he left a letter to his wife.", "suicide"),
    ("Pavel Orekhov was held in prison for months before being shot.", "execution"),
])
def test_claims_an_event_under_before_a_main_event_that_does_not_forestall_it(
        fates_en, text: str, type_: str) -> None:
    assert _has(fates_en(text), type_, "Pavel Orekhov")


def test_claims_a_gapped_list_gives_each_name_its_own_date(fates_en) -> None:
    fates = fates_en("The arrests of Pavel Orekhov on 2 May 1937, Ivan Sobolev on 9 May 1937 and "
                     "Boris Markov on 20 May 1937 shocked the institute.")
    assert _has(fates, "arrest", "Pavel Orekhov", "1937-05-02")
    assert _has(fates, "arrest", "Ivan Sobolev", "1937-05-09")
    assert _has(fates, "arrest", "Boris Markov", "1937-05-20")
    fates = fates_en("Hope ended with the defections of Pavel Orekhov in July 1937 and Ivan "
                     "Sobolev in October 1937.")
    assert _has(fates, "defection", "Ivan Sobolev", "1937-10")
    assert not _has(fates, "defection", "Ivan Sobolev", "1937-07")


def test_claims_a_shared_date_after_a_list_stays_shared(fates_en) -> None:
    fates = fates_en("The arrests of Pavel Orekhov and Ivan Sobolev in 1937 shocked the institute.")
    assert _has(fates, "arrest", "Pavel Orekhov", "1937")
    assert _has(fates, "arrest", "Ivan Sobolev", "1937")


@pytest.mark.parametrize("text", [
    "Pavel Orekhov was shot and killed by a gunman at his office.",
    "Pavel Orekhov was shot by Leonid Lapshin in the corridor.",
])
def test_claims_a_passive_shooting_by_one_individual_is_a_killing(fates_en, text: str) -> None:
    fates = fates_en(text)
    assert _has(fates, "death", "Pavel Orekhov")
    assert not _has(fates, "execution", "Pavel Orekhov")


def test_claims_a_passive_shooting_by_a_body_or_squad_stays_an_execution(fates_en) -> None:
    for text in ("Pavel Orekhov was shot by the NKVD in 1938.",
                 "Pavel Orekhov was shot by a firing squad in 1938."):
        assert _has(fates_en(text), "execution", "Pavel Orekhov", "1938")


@pytest.mark.parametrize(("text", "type_", "date"), [
    ("Among those shot in 1938 was Pavel Lebedev.", "execution", "1938"),
    ("Pavel Lebedev was among those who were shot in 1938.", "execution", "1938"),
    ("Pavel Lebedev was one of those arrested in 1937.", "arrest", "1937"),
])
def test_claims_one_among_a_group_named_by_its_fate_shares_it(fates_en, text: str, type_: str,
                                                              date: str) -> None:
    assert [(f[0], f[2], f[3]) for f in fates_en(text) if f[1] == "Pavel Lebedev"] == [
        (type_, date, "affirmed")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Pavel Lebedev was not among those shot in 1938.", [("execution", "negated")]),
    ("Pavel Lebedev was among those who shot the prisoners.", []),
    ("Pavel Lebedev was among friends in 1938.", []),
])
def test_claims_a_group_of_shooters_or_a_denied_membership_asserts_nothing(
        fates_en, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f[0], f[3]) for f in fates_en(text) if f[1] == "Pavel Lebedev"] == expected


@pytest.mark.parametrize(("text", "type_"), [
    # the vocabulary's execution is a killing by a state, the occupier's too
    ("Pavel Lebedev was shot by the Germans in 1942.", "execution"),
    ("Pavel Lebedev was executed by the Nazis in 1942.", "execution"),
    # "killed" does not say how: a death
    ("Pavel Lebedev was killed by the Germans in 1942.", "death"),
])
def test_claims_a_killing_by_an_occupying_army(fates_en, text: str, type_: str) -> None:
    assert [(f[0], f[2]) for f in fates_en(text) if f[1] == "Pavel Lebedev"] == [(type_, "1942")]


@pytest.mark.parametrize(("text", "date"), [
    ("Pavel Orekhov was re-arrested in 1941.", "1941"),
    ("Pavel Orekhov was rearrested in 1949.", "1949"),
    ("The NKVD re-arrested Pavel Orekhov in 1941.", "1941"),
])
def test_claims_a_repeated_arrest_is_an_arrest(fates_en, text: str, date: str) -> None:
    assert _has(fates_en(text), "arrest", "Pavel Orekhov", date)


def test_claims_a_repeated_arrest_keeps_its_mood(fates_en) -> None:
    fates = fates_en("Pavel Orekhov was never re-arrested.")
    assert not _has(fates, "arrest", "Pavel Orekhov")
    assert [f[3] for f in fates if f[0] == "arrest"] == ["negated"]


def test_triggers_repeated_prefix_only_on_repeatable_verbs() -> None:
    from kartoteka.extract.en.triggers import trigger_lemma
    assert trigger_lemma("re-arrest") == trigger_lemma("rearreste") == "arrest"
    assert trigger_lemma("release") == "release"  # not "re" + "lease"
    assert trigger_lemma("recall") == "recall"


@pytest.mark.parametrize(("text", "date"), [
    ("Pavel Orekhov was executed by firing squad in 1938.", "1938"),
    ("Pavel Orekhov was shot by firing squad on 3 March 1938.", "1938-03-03"),
])
def test_claims_by_firing_squad_keeps_the_verb_s_date(fates_en, text: str, date: str) -> None:
    assert _has(fates_en(text), "execution", "Pavel Orekhov", date)


def test_claims_a_gerund_clause_after_by_keeps_its_own_date(fates_en) -> None:
    # "by writing letters in 1939": a clause with its own object; 1939 is the writing's
    fates = fates_en("In 1937 Pavel Orekhov was released by writing letters to Stalin in 1939.")
    assert not [f for f in fates if f[0] == "release" and f[2] == "1939"]


@pytest.mark.parametrize(("text", "type_"), [
    ("Pavel Orekhov was exiled to Kazakhstan.", "expulsion"),
    ("In 1931 Pavel Orekhov was exiled to Siberia.", "expulsion"),
])
def test_claims_a_participle_read_as_the_complement_of_be_is_a_passive(fates_en, text: str,
                                                                       type_: str) -> None:
    # the small model parses "was exiled" as "be" with an adjectival complement (acomp)
    assert _has(fates_en(text), type_, "Pavel Orekhov")


def test_claims_an_adjective_after_be_is_no_event(fates_en) -> None:
    assert [f for f in fates_en("Pavel Orekhov was interested in the case.")
            if f[0] != "sibling_of"] == []


@pytest.mark.parametrize(("text", "type_"), [
    ("Pavel Orekhov was beaten to death during interrogation.", "death"),
    ("Pavel Orekhov froze to death in the camp in 1942.", "death"),
    ("Pavel Orekhov was found dead in his cell.", "death"),
    ("Pavel Orekhov was found hanged in his cell.", "death"),
    ("Pavel Orekhov came back from the camp in 1947.", "release"),
    ("Pavel Orekhov returned from exile in 1954.", "release"),
])
def test_claims_a_resultative_a_state_found_and_a_return_from_confinement(
        fates_en, text: str, type_: str) -> None:
    assert _has(fates_en(text), type_, "Pavel Orekhov")


@pytest.mark.parametrize("text", [
    "Pavel Orekhov came back from Moscow in 1947.",
    "Pavel Orekhov was found guilty.",
    "The guards found Pavel Orekhov a good worker.",
])
def test_claims_a_return_from_a_town_or_a_verdict_found_is_no_fate(fates_en, text: str) -> None:
    assert [f for f in fates_en(text) if f[0] in ("release", "death")] == []


@pytest.mark.parametrize(("text", "type_"), [
    ("Pavel Orekhov was put to death in 1938.", "execution"),
    ("Pavel Orekhov was given the death penalty.", "sentence"),
    ("Pavel Orekhov was given ten years without the right of correspondence.", "sentence"),
    ("Pavel Orekhov was sent to a labour camp in 1937.", "arrest"),
    ("Pavel Orekhov was poisoned by the NKVD.", "death"),
])
def test_claims_idioms_of_punishment_in_translated_english(fates_en, text: str,
                                                           type_: str) -> None:
    assert _has(fates_en(text), type_, "Pavel Orekhov")


@pytest.mark.parametrize("text", [
    "Pavel Orekhov was sent to a pioneer camp.",
    "Pavel Orekhov was given a new flat.",
    "Pavel Orekhov lived ten years in Moscow.",
])
def test_claims_a_camp_of_another_kind_or_a_gift_is_no_punishment(fates_en, text: str) -> None:
    assert fates_en(text) == []


@pytest.mark.parametrize(("text", "type_", "confidence"), [
    ("Pavel Orekhov threw himself out of the window.", "suicide", 0.75),
    ("Pavel Orekhov threw himself under a train in 1937.", "suicide", 0.75),
    ("Pavel Orekhov jumped from the window of his office.", "suicide", 0.55),  # for review
    ("Pavel Orekhov was stripped of his rank in 1937.", "dismissal", 0.8),
    ("Pavel Orekhov was deprived of his post.", "dismissal", 0.8),
])
def test_claims_a_plunge_and_a_rank_stripped(extract_en, text: str, type_: str,
                                             confidence: float) -> None:
    ex = extract_en(text)
    assert [(c.type, c.confidence) for c in ex.claims] == [(type_, confidence)]


@pytest.mark.parametrize("text", [
    "Pavel Orekhov threw a stone out of the window.",
    "Pavel Orekhov threw himself at her feet.",
    "Pavel Orekhov jumped over the fence.",
    "Pavel Orekhov was deprived of sleep.",
])
def test_claims_a_throw_a_jump_or_a_deprivation_of_another_kind_is_no_fate(extract_en,
                                                                           text: str) -> None:
    assert extract_en(text).claims == []


def test_claims_a_records_subjectless_participles_are_its_heads(fates_en) -> None:
    # a Book of Memory entry in English: the sentences after the head have no subject
    fates = fates_en(
        "Orekhov Pavel Ilyich (1889, Sosnovka village — 1938). Collective farmer. Arrested on "
        "12 November 1937. Rehabilitated on 14 May 1989.\n"
        "Orekhova Anna Ivanovna (born 1893), his wife. Arrested in 1938. Released in 1946.")
    got = {(f[0], f[1], f[2]) for f in fates if f[3] == "affirmed"}
    assert {("arrest", "Orekhov Pavel Ilyich", "1937-11-12"),
            ("rehabilitation", "Orekhov Pavel Ilyich", "1989-05-14"),
            ("arrest", "Orekhova Anna Ivanovna", "1938"),
            ("release", "Orekhova Anna Ivanovna", "1946")} <= got


def test_claims_a_subjectless_participle_away_from_a_line_head_names_nobody(fates_en) -> None:
    assert fates_en("The war came. Arrested in 1937, he never came back.") == []


def test_claims_a_records_capitalised_participle_read_as_a_noun_is_its_heads(fates_en) -> None:
    # the small model tags a sentence-opening "Shot" a proper noun; a name in an index's
    # order with a comma ("Surname, Given Patronymic") is one person, the line's head
    fates = fates_en(
        "Zaitsev, Grigory Petrovich, born 1899. Shot on 15 January 1938.\n"
        "Sorokin Semyon Ilyich, born 1902, a teacher. Arrested 3 March 1937. Shot 20 June 1937.")
    got = {(f[0], f[1], f[2]) for f in fates if f[3] == "affirmed"}
    assert {("execution", "Zaitsev, Grigory Petrovich", "1938-01-15"),
            ("arrest", "Sorokin Semyon Ilyich", "1937-03-03"),
            ("execution", "Sorokin Semyon Ilyich", "1937-06-20")} <= got
    assert not any(f[1] in ("Zaitsev", "Grigory Petrovich") for f in fates)


@pytest.mark.parametrize("text", [
    "The winter of 1937 was hard. Shot on the spot, he said, were those who ran.",
    "Sorokin Semyon Ilyich, born 1902. The shot on 20 June 1937 was heard by all.",
    "Sorokin Semyon Ilyich, born 1902. Shot glasses stood on the table in 1937.",
])
def test_claims_a_capitalised_participle_needs_a_records_head_and_no_noun_phrase(
        fates_en, text: str) -> None:
    assert not any(f[0] == "execution" for f in fates_en(text))


def test_claims_a_kin_title_before_a_given_name_is_no_part_of_the_name(fates_en) -> None:
    # "Uncle", "Aunt" before a given name are forms of address (titles): the person is Fyodor
    fates = fates_en("Uncle Fyodor was taken away in 1937. Aunt Masha was arrested the next "
                     "night.")
    assert _has(fates, "arrest", "Fyodor", "1937") and _has(fates, "arrest", "Masha")


@pytest.mark.parametrize("text", [
    "Uncle Pavel was taken ill in 1940 and taken to hospital.",
    "In 1938 Cousin Vanya was taken away to an orphanage.",
    "Aunt Masha was taken away by ambulance in 1940.",
    "Uncle Fyodor feared he would be taken away in 1937.",
])
def test_claims_taken_away_for_care_or_feared_is_no_arrest(fates_en, text: str) -> None:
    assert not any(f[0] == "arrest" and f[3] == "affirmed" and f[4] in (None, "asserted")
                   for f in fates_en(text))
