"""The normalised view and its offsets back to the original (kartoteka.normalise)."""

from __future__ import annotations

import random

import pytest

from kartoteka.model import Claim, Document, Extraction, Mention, Span
from kartoteka.normalise import normalise, restore, view_of

STRESS = "\u0301"


def test_normalise_drops_stress_marks_and_maps_a_name_over_its_accents() -> None:
    original = f"Се{STRESS}мен Па{STRESS}влович Соро{STRESS}кин родился"
    view = normalise(original)
    assert view.text == "Семен Павлович Сорокин родился"
    start = view.text.index("Сорокин")
    a, b = view.to_original(start, start + len("Сорокин"))
    assert original[a:b] == f"Соро{STRESS}кин"


def test_normalise_span_ending_at_a_dropped_mark_takes_the_mark() -> None:
    original = f"звали Ива{STRESS} и"
    view = normalise(original)
    assert view.text == "звали Ива и"
    a, b = view.to_original(6, 9)
    assert original[a:b] == f"Ива{STRESS}"


def test_normalise_leaves_plain_text_alone() -> None:
    view = normalise("Plain text, “quoted” — with a dash.")
    assert not view.changed
    assert view.to_original(3, 7) == (3, 7)


def test_normalise_reads_spaces_soft_hyphens_and_zero_width_marks() -> None:
    original = "Пав\u00adлов\u00a0И.\u202fИ. был\u200b здесь"
    view = normalise(original)
    assert view.text == "Павлов И. И. был здесь"
    a, b = view.to_original(0, 6)
    assert original[a:b] == "Пав\u00adлов"


def test_normalise_keeps_yo_and_composes_other_marks() -> None:
    view = normalise("Пётр и Семе\u0308н, Андреи\u0306")
    assert view.text == "Пётр и Семён, Андрей"
    a, b = view.to_original(7, 12)
    assert view.original[a:b] == "Семе\u0308н"


def test_normalise_reads_pre_reform_spelling() -> None:
    original = "Петръ Ивановичъ Сѣровъ жилъ въ Россіи"
    view = normalise(original)
    assert view.text == "Петр Иванович Серов жил в России"
    start = view.text.index("Серов")
    a, b = view.to_original(start, start + 5)
    assert original[a:b] == "Сѣровъ"


def test_normalise_keeps_hard_sign_inside_a_word() -> None:
    assert not normalise("объявлен съезд").changed


def test_normalise_joins_words_hyphenated_at_line_ends_only_before_lower_case() -> None:
    original = "его аресто-\n  вали, а Римского-\nКорсакова нет"
    view = normalise(original)
    assert view.text == "его арестовали, а Римского-\nКорсакова нет"
    start = view.text.index("арестовали")
    a, b = view.to_original(start, start + len("арестовали"))
    assert original[a:b] == "аресто-\n  вали"


def test_normalise_maps_rare_dashes_and_quotes_to_the_ones_read() -> None:
    view = normalise("1936\u20121938 \u2015 \u201fтак\u201d")
    assert view.text == "1936–1938 — “так”"


def test_normalise_round_trips_every_span_of_random_text() -> None:
    rng = random.Random(7)
    # marks read the same whatever stands beside them: every span must round-trip
    local = list("абвгдеёжз ЁЕ.") + [STRESS, "\u00ad", "\u200b", "\u00a0", "ѣ", "і"]
    for _ in range(200):
        original = "".join(rng.choice(local) for _ in range(rng.randint(0, 30)))
        view = normalise(original)
        n = len(view.text)
        for start in range(n + 1):
            for end in range(start, n + 1):
                a, b = view.to_original(start, end)
                assert 0 <= a <= b <= len(original)
                assert normalise(original[a:b]).text == view.text[start:end]


def test_normalise_round_trips_whole_text_with_context_marks() -> None:
    rng = random.Random(11)
    # a final hard sign and a line-end hyphen depend on their neighbours: the whole text does
    alphabet = list("абвгдъ Ъ-\n.") + [STRESS, "\u00ad"]
    for _ in range(300):
        original = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        view = normalise(original)
        a, b = view.to_original(0, len(view.text))
        assert normalise(original[a:b]).text == view.text


def test_normalise_rejects_spans_outside_the_view() -> None:
    view = normalise(f"Бе{STRESS}рия")
    with pytest.raises(ValueError):
        view.to_original(0, 9)


def test_normalise_restore_moves_mentions_claims_and_their_references() -> None:
    original = f"Лавре{STRESS}нтий Бе{STRESS}рия расстрелян. Его жена"
    document = Document(sha256="0" * 64, text=original, language="ru")
    readable, view = view_of(document)
    assert readable.text == "Лаврентий Берия расстрелян. Его жена" and readable.id == document.id
    text = readable.text
    person = Mention(0, 15, text[0:15], "person", document.id, name="Лаврентий Берия")
    wife = Mention(text.index("жена"), len(text), "жена", "person", document.id,
                   attrs={"of": person.id})
    claim = Claim("execution", person.id, [Span(0, text.index(".") + 1)], document.id,
                  object=wife.id, attrs={"about": [person.id]})
    out = restore(Extraction(readable, [person, wife], [claim]), view, document)
    assert out.document is document
    assert person.text == original[person.start:person.end] == f"Лавре{STRESS}нтий Бе{STRESS}рия"
    assert wife.text == "жена" and original[wife.start:wife.end] == "жена"
    assert wife.attrs["of"] == person.id and claim.subject == person.id
    assert claim.object == wife.id and claim.attrs["about"] == [person.id]
    assert original[claim.evidence[0].start:claim.evidence[0].end].endswith("расстрелян.")
