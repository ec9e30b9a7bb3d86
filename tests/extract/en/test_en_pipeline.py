"""The English pipeline on short invented testimonies, each with its own little gold.

The sentences are made up for these tests (in the style of machine-translated memoirs and
encyclopedia articles about the period); the names are common Russian surnames.
"""

from __future__ import annotations

import pytest
from edtf import parse_edtf

from kartoteka.model import Claim, Extraction, Mention
from kartoteka.resolve.within import within
from kartoteka.vocabulary import load_vocabulary

pytestmark = pytest.mark.slow

PURGE = (
    "The purge soon reached the commissariat. This terrible machine devoured Ivanov, "
    "Petrukhin and Sobolev, as well as their deputies. Only Zaretsky himself was not shot for "
    "the Time being.\n\n"
    "Among the Parents of the arrested was Comrade Belkin. Belkin's secretary, Tomiro, told me "
    "about it later. They had no Home and no Family left."
)
CAREER = (
    "In the spring of 1936 Pavel Orekhov was arrested, and immediately afterwards he was shot. "
    "His brother Semyon Orekhov was not removed from his post until 1937, when he was "
    "appointed head of the Leningrad NKVD. That summer he defected to Finland."
)
LIFE = (
    "Grigory Petrovich Lebedev (3 March 1895 – 10 October 1938) was a Soviet intelligence "
    "officer. Lebedev was arrested in 1937 on espionage charges and executed in 1938. "
    "It is said that Lebedev's wife was shot in 1939."
)
ACCOUNT = (
    "Volkov told me about the fate of the Marins. In the winter of 1937, Pyotr Marin and his "
    "wife were arrested. Both were shot.\n\n"
    "I have heard that their daughter was taken away by the NKVD.\n\n"
    "“I could not sleep after Marin was executed,” Volkov explained to me."
)
GENRIKHS = (
    "Genrikh Yagoda headed the NKVD until 1936. Genrikh Lyushkov worked as a helper for "
    "Yagoda. Lyushkov defected to Japan in 1938. Yagoda was shot in 1938."
)
NOT_PEOPLE = (
    "Stalinist methods and Stalinism spread through Moscow. The Japanese protested. "
    "The Prozorov forest lay outside the city, and the Time being was dark."
)
SECRETARY = (
    "The next morning I found Lomov's secretary, Sherbo, and told him about it. "
    "Because of his close personal relationship with Lomov, Sherbo was never arrested."
)
ALL_DOCS = [PURGE, CAREER, LIFE, ACCOUNT, GENRIKHS, NOT_PEOPLE, SECRETARY]


def names(ex: Extraction) -> set[str]:
    return {m.name for m in ex.mentions if m.kind == "person" and m.name}


def find(ex: Extraction, text: str, kind: str = "person") -> Mention:
    return next(m for m in ex.mentions if m.text == text and m.kind == kind)


def claims(ex: Extraction, type_: str, subject_text: str) -> list[Claim]:
    by_id = {m.id: m for m in ex.mentions}
    return [c for c in ex.claims if c.type == type_ and by_id[c.subject].text == subject_text]


def label(ex: Extraction, mention_id: str | None) -> str | None:
    return next((m.text for m in ex.mentions if m.id == mention_id), None)


# -- people ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (PURGE, {"Ivanov", "Petrukhin", "Sobolev", "Zaretsky", "Belkin", "Tomiro"}),
        (CAREER, {"Pavel Orekhov", "Semyon Orekhov"}),
        (GENRIKHS, {"Genrikh Yagoda", "Genrikh Lyushkov", "Yagoda", "Lyushkov"}),
        (SECRETARY, {"Lomov", "Sherbo"}),
    ],
)
def test_en_pipeline_finds_russian_surnames_as_people(extract_en, doc, expected):
    assert names(extract_en(doc)) == expected


@pytest.mark.parametrize("doc", ALL_DOCS)
def test_en_pipeline_capitalised_nouns_places_and_adjectives_are_not_people(extract_en, doc):
    never = {"Time", "Home", "Family", "Parents", "Moscow", "Prozorov", "Stalinist",
             "Stalinism", "Japanese", "NKVD", "Finland"}
    people = {m.text for m in extract_en(doc).mentions if m.kind == "person"}
    assert not people & never


def test_en_pipeline_place_with_a_surname_shape_is_a_place(extract_en):
    ex = extract_en(NOT_PEOPLE)
    assert any(m.kind == "place" and m.text == "Prozorov forest" for m in ex.mentions)
    assert names(ex) == set()


def test_en_pipeline_enumeration_gives_each_member_the_event(extract_en):
    ex = extract_en(PURGE)
    for person in ("Ivanov", "Petrukhin", "Sobolev"):
        (claim,) = claims(ex, "execution", person)
        assert claim.polarity == "affirmed" and claim.attrs.get("euphemism") == "devoured"


def test_en_pipeline_not_shot_for_the_time_being_is_negated(extract_en):
    ex = extract_en(PURGE)
    found = claims(ex, "execution", "Zaretsky")
    assert found and all(c.polarity == "negated" for c in found)
    negated = {label(ex, c.subject) for c in ex.claims if c.polarity == "negated"}
    assert negated == {"Zaretsky"}  # "Zaretsky himself": nobody else


# -- unnamed people, families, organisations ------------------------------------------------
def test_en_pipeline_descriptions_never_cover_a_name(extract_en):
    for doc in ALL_DOCS:
        ex = extract_en(doc)
        named = [m for m in ex.mentions if m.name and m.kind in ("person", "group")]
        for d in (m for m in ex.mentions if m.descriptor and not m.name):
            assert not any(d.start <= n.start and n.end <= d.end for n in named), d.text


def test_en_pipeline_family_plural_is_a_group_of_the_person(extract_en):
    ex = extract_en(ACCOUNT)
    family = find(ex, "Marins", "group")
    assert family.family and family.name == "Marin"
    entities = within(ex)
    group = next(e for e in entities if family.id in e.mention_ids)
    marin = next(e for e in entities if find(ex, "Pyotr Marin").id in e.mention_ids)
    assert group.kind == "group" and group.members == [marin.key]


def test_en_pipeline_wife_is_a_description_and_a_spouse(extract_en):
    ex = extract_en(ACCOUNT)
    wife = find(ex, "wife")
    assert wife.descriptor == "his wife" and wife.name is None and wife.gender == "f"
    (spouse,) = [c for c in ex.claims if c.type == "spouse_of" and c.subject == wife.id]
    assert label(ex, spouse.object) == "Pyotr Marin"


def test_en_pipeline_organisation_alias_carries_the_body(extract_en):
    ex = extract_en(CAREER)
    org = find(ex, "Leningrad NKVD", "organization")
    assert org.attrs["org_id"] == "nkvd_leningrad"


# -- events, dates ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("doc", "type_", "subject", "date"),
    [
        (CAREER, "arrest", "Pavel Orekhov", "1936-21"),  # a season
        (CAREER, "execution", "Pavel Orekhov", "1936-21"),  # immediately afterwards
        (CAREER, "dismissal", "Semyon Orekhov", "1937"),  # not removed until 1937
        (CAREER, "appointment", "Semyon Orekhov", "1937"),  # 1937, when he was appointed
        (CAREER, "defection", "Semyon Orekhov", "1937-22"),  # that summer
        (LIFE, "birth", "Grigory Petrovich Lebedev", "1895-03-03"),  # lifespan
        (LIFE, "death", "Grigory Petrovich Lebedev", "1938-10-10"),
        (LIFE, "arrest", "Lebedev", "1937"),  # arrested in 1937 … and executed in 1938
        (LIFE, "execution", "Lebedev", "1938"),
        (ACCOUNT, "arrest", "Pyotr Marin", "1937-24"),
        (GENRIKHS, "defection", "Lyushkov", "1938"),
        (GENRIKHS, "execution", "Yagoda", "1938"),
    ],
)
def test_en_pipeline_events_with_their_dates(extract_en, doc, type_, subject, date):
    found = claims(extract_en(doc), type_, subject)
    assert [c.date for c in found if c.polarity == "affirmed"] == [date]


def test_en_pipeline_appointment_has_role_object_and_a_position(extract_en):
    ex = extract_en(CAREER)
    (appointment,) = claims(ex, "appointment", "Semyon Orekhov")
    (position,) = claims(ex, "position", "Semyon Orekhov")
    for c in (appointment, position):
        assert c.role == "head" and label(ex, c.object) == "Leningrad NKVD"


def test_en_pipeline_both_were_shot_covers_the_couple(extract_en):
    ex = extract_en(ACCOUNT)
    assert claims(ex, "execution", "Pyotr Marin") and claims(ex, "execution", "wife")


def test_en_pipeline_hedge_lowers_confidence(extract_en):
    ex = extract_en(LIFE)
    (hedged,) = claims(ex, "execution", "wife")
    (plain,) = claims(ex, "execution", "Lebedev")
    assert hedged.confidence < plain.confidence and hedged.date == "1939"


@pytest.mark.parametrize("doc", ALL_DOCS)
def test_en_pipeline_claims_are_well_formed(extract_en, doc):
    ex = extract_en(doc)
    vocabulary = load_vocabulary()
    ids = {m.id for m in ex.mentions}
    for c in ex.claims:
        assert c.type in vocabulary
        assert c.subject in ids and (c.object is None or c.object in ids)
        assert c.attributed_to is None or c.attributed_to in ids
        assert c.evidence and all(0 <= s.start < s.end <= len(doc) for s in c.evidence)
        if c.date is not None:
            parse_edtf(c.date)
    for m in ex.mentions:
        assert doc[m.start:m.end] == m.text and m.document_id == ex.document.id


# -- relations --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("doc", "type_", "subject", "obj"),
    [
        (PURGE, "subordinate_of", "Tomiro", "Belkin"),  # "Belkin's secretary, Tomiro"
        (SECRETARY, "subordinate_of", "Sherbo", "Lomov"),
        (SECRETARY, "associate_of", "Sherbo", "Lomov"),  # close personal relationship with
        (GENRIKHS, "subordinate_of", "Genrikh Lyushkov", "Yagoda"),  # a helper for
        (CAREER, "sibling_of", "Semyon Orekhov", "Pavel Orekhov"),
    ],
)
def test_en_pipeline_relations(extract_en, doc, type_, subject, obj):
    ex = extract_en(doc)
    assert any(label(ex, c.object) == obj for c in claims(ex, type_, subject))


def test_en_pipeline_told_him_is_the_person_just_named(extract_en):
    """Inside a quote "I" is the speaker; "him" is the person named last, not Lomov."""
    ex = extract_en("“In the morning I found Lomov's secretary, Sherbo, and told him "
                    "everything,” Gusev said to me.")
    (informed,) = [c for c in ex.claims if c.type == "informant_of"]
    assert (label(ex, informed.subject), label(ex, informed.object)) == ("Gusev", "Sherbo")


def test_en_pipeline_never_arrested_is_negated(extract_en):
    ex = extract_en(SECRETARY)
    assert [c.polarity for c in claims(ex, "arrest", "Sherbo")] == ["negated"]


# -- who tells it -----------------------------------------------------------------------------
def test_en_pipeline_account_is_attributed_to_its_teller(extract_en):
    ex = extract_en(ACCOUNT)
    volkov = find(ex, "Volkov")
    for c in claims(ex, "arrest", "Pyotr Marin") + claims(ex, "execution", "wife"):
        assert c.attributed_to == volkov.id and not c.hearsay


def test_en_pipeline_heard_is_hearsay_from_nobody(extract_en):
    ex = extract_en(ACCOUNT)
    (taken,) = claims(ex, "arrest", "daughter")
    assert taken.hearsay and taken.attributed_to is None


def test_en_pipeline_quote_is_attributed_to_its_speaker(extract_en):
    ex = extract_en(ACCOUNT)
    (quoted,) = claims(ex, "execution", "Marin")
    speaker = [m for m in ex.mentions if m.text == "Volkov"][-1]
    assert quoted.attributed_to == speaker.id and quoted.attrs.get("quoted")


def test_en_pipeline_narrators_own_words_before_the_account_are_not_the_tellers(extract_en):
    ex = extract_en(PURGE)
    (rel,) = claims(ex, "subordinate_of", "Tomiro")
    assert rel.attributed_to is None


# -- within on pipeline output ---------------------------------------------------------------
def test_en_pipeline_two_genrikhs_are_two_people(extract_en):
    ex = extract_en(GENRIKHS)
    entities = [e for e in within(ex) if e.kind == "person"]
    assert sorted(e.label for e in entities) == ["Genrikh Lyushkov", "Genrikh Yagoda"]
    assert sorted(len(e.mention_ids) for e in entities) == [2, 3]


@pytest.mark.slow
def test_en_pipeline_possessive_belongs_to_the_clause_subject(extract_en):
    ex = extract_en("Ivan Sergeyevich Lomakin was an officer of the NKVD and guarded Andrei "
                    "Zhdanov until his execution in 1938.\n")
    shot = [c for c in ex.claims if c.type == "execution"]
    assert shot and all(label(ex, c.subject) == "Ivan Sergeyevich Lomakin" for c in shot)
