"""Names in machine-translated English: posts before names in Russian order (made-up lines;
fast: one small model per session)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("line", "name"), [
    ("People's Commissar of Finance and Trade Weitzmar", "Weitzmar"),
    ("Deputy People's Commissar of Post and Telecommunications Khalmetsky", "Khalmetsky"),
    ("Chairman of the Council of Foreign Trade Eliadze", "Eliadze"),
])
def test_persons_name_after_a_post_title_in_russian_order(extract_en, line: str,
                                                          name: str) -> None:
    text = f"The officials of that year were\n\n{line}\nGovernor of the State Bank Orekhov\n\n"
    people = {m.text for m in extract_en(text).mentions if m.kind == "person"}
    assert name in people
    assert not any(p.endswith(name) and p != name for p in people)


def test_persons_body_name_alone_is_no_person(extract_en) -> None:
    text = "He was sent to the People's Commissariat of Foreign Trade in the spring."
    people = {m.text for m in extract_en(text).mentions if m.kind == "person"}
    assert not people


@pytest.mark.parametrize(("text", "variant"), [
    ("Pavel Pikel signed the paper. Later Pickerel refused to say more.", "Pickerel"),
    ("Pavel Pikel signed the paper. The guards did not believe Pickle at all.", "Pickle"),
    ("Nikolai Yezhov came in. Everybody waited for Yerev to speak.", "Yerev"),
])
def test_persons_a_mangled_spelling_of_a_named_person_is_a_person(extract_en, text: str,
                                                                  variant: str) -> None:
    people = {m.text for m in extract_en(text).mentions if m.kind == "person"}
    assert variant in people


def test_persons_a_near_spelling_in_a_modifier_is_no_person(extract_en) -> None:
    text = "Pavel Pikel signed the paper. He ate a Pickle sandwich."
    people = {m.text for m in extract_en(text).mentions if m.kind == "person"}
    assert "Pickle" not in people


@pytest.mark.parametrize(("word", "surnames", "expected"), [
    ("Pickerel", {"Pickerill", "Stalin"}, "Pickerill"),
    ("Morchanov", {"Molchanov"}, "Molchanov"),
    ("Yerev", {"Yezhov"}, "Yezhov"),
    ("Levin", {"Lenin"}, None),  # two surnames, one letter apart in the middle
    ("Pavel", {"Pavlov"}, None),
    ("Cork", {"Kork"}, None),  # too short, and the first letter differs
    ("Molchanov", {"Molchanov"}, None),  # the name itself, not a variant
    ("Kirovsks", {"Kirov"}, None),  # a place named after the person
    ("Stalinist", {"Stalin"}, None),  # a derived word
])
def test_name_variants_spelling_of(word: str, surnames: set[str], expected: str | None) -> None:
    from kartoteka.extract.en.name_variants import spelling_of

    assert spelling_of(word, surnames) == expected


@pytest.mark.parametrize(("text", "variant"), [
    # a sentence-opening word the channel made of a surname the chapter gives (l/r, o/e)
    ("The first to face him was Vorkin, Lubin's old secretary. Volkin lost his nerve.",
     "Volkin"),
    ("Anton Belkin came at noon. Berkin sat down and said nothing.", "Berkin"),
    ("Sergei Pikor came at noon. Pikel sat down and said nothing.", "Pikel"),
])
def test_persons_a_channel_form_of_a_named_person_is_a_person(extract_en, text: str,
                                                            variant: str) -> None:
    people = {m.text for m in extract_en(text).mentions if m.kind == "person"}
    assert variant in people


@pytest.mark.parametrize(("word", "surnames", "expected"), [
    ("Pikel", {"Pikor", "Stalin"}, "Pikor"),  # l/r and a reduced vowel
    ("Volkin", {"Vorkin"}, "Vorkin"),
    ("Tokarov", {"Dogarev"}, None),  # the first letter is what survives: checked as written
    ("Mari", {"Maly"}, None),  # too short: two consonants fit too many words
    ("Kamensky", {"Kaminsky"}, None),  # two dictionary surnames: two families
    ("Sobolev", {"Sobolevsky"}, None),  # a derived word, not a channel form
    ("Pikor", {"Pikor"}, None),  # the name itself
])
def test_name_variants_channel_spelling_of(word: str, surnames: set[str],
                                           expected: str | None) -> None:
    from kartoteka.extract.en.name_variants import channel_spelling_of

    assert channel_spelling_of(word, surnames) == expected


@pytest.mark.parametrize(("text", "name"), [
    ("Nobody in the office spoke about the Sorokovsky case.", "Sorokovsky"),
    ("I tried to learn the details of the Pastukhovsky tragedy.", "Pastukhovsky"),
])
def test_persons_a_case_named_after_its_accused(extract_en, text: str, name: str) -> None:
    people = {m.text for m in extract_en(text).mentions if m.kind == "person"}
    assert name in people


@pytest.mark.parametrize("text", [
    "Nobody in the office spoke about the Shakhty case.",  # a town
    "The Kremlin affair was forgotten.",  # an English word
])
def test_persons_a_case_named_after_a_place_or_word_is_no_person(extract_en, text: str) -> None:
    assert not [m for m in extract_en(text).mentions if m.kind == "person"]


def test_persons_a_sentence_opening_function_word_is_not_part_of_the_name(extract_en) -> None:
    text = "“I took them,” Orlovsky said. Before Orlovsky could finish his sentence, he fell."
    people = {m.text for m in extract_en(text).mentions if m.kind == "person"}
    assert "Orlovsky" in people
    assert not any(p.startswith("Before") for p in people)


def test_persons_one_place_hint_does_not_undo_a_person(extract_en) -> None:
    text = ("The news came as a bolt from the blue to Stalin and his men. Everyone knew that "
            "Stalin was furious.")
    people = [m for m in extract_en(text).mentions if m.kind == "person" and m.text == "Stalin"]
    assert len(people) == 2


def test_persons_a_russian_surname_listed_with_a_known_person(extract_en) -> None:
    text = ("Pavel Kamenev was tortured. The names of Zinoviev and Kamenev had no power over "
            "the interrogator.")
    people = {m.text for m in extract_en(text).mentions if m.kind == "person"}
    assert "Zinoviev" in people


@pytest.mark.parametrize(("text", "name"), [
    ("“That was an order,” Sorokovsky continued to me.", "Sorokovsky"),
    ("“Nothing will come of it,” Lapshinov added.", "Lapshinov"),
    ("They chose a place where he could meet with Gorshkov.", "Gorshkov"),
    ("Zinoviev said nothing at all. He did not dare to repeat it in front of Zinoviev.",
     "Zinoviev"),
    ("He also testified that the Trotskyist Drescher had a plan.", "Drescher"),
])
def test_persons_contexts_of_memoir_prose_make_a_person(extract_en, text: str,
                                                        name: str) -> None:
    people = [m.text for m in extract_en(text).mentions if m.kind == "person"]
    assert people.count(name) == text.count(name)


@pytest.mark.parametrize(("text", "word"), [
    ("“We will hold,” Moscow replied.", "Moscow"),  # a city is no speaker here
    ("The regiment met with Resistance near the river.", "Resistance"),
    ("The car stopped in front of the Kremlin.", "Kremlin"),
])
def test_persons_contexts_of_memoir_prose_need_a_name(extract_en, text: str, word: str) -> None:
    people = {m.text for m in extract_en(text).mentions if m.kind == "person"}
    assert word not in people


@pytest.mark.parametrize(("text", "variant"), [
    ("Nadezhda Orlova came home late. Among the guards there were two stories: one was that "
     "Nozheda Orlova shot herself, and the other that she was shot.", "Nozheda Orlova"),
    ("Later that night Vecheslaf Gurin spoke. Nobody answered. Vyacheslav Gurin then left.",
     "Vecheslaf Gurin"),
])
def test_persons_a_known_surname_after_an_unknown_given_name_is_a_person(
        extract_en, text: str, variant: str) -> None:
    people = {m.text for m in extract_en(text).mentions if m.kind == "person"}
    assert variant in people


def test_persons_a_known_surname_after_a_place_is_no_new_name(extract_en) -> None:
    text = "Ivan Gurov was arrested. The Moscow Gurov family fled to Siberia Gurov."
    people = {m.text for m in extract_en(text).mentions if m.kind == "person"}
    assert not {"Moscow Gurov", "Siberia Gurov"} & people
