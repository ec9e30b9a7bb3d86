"""Two names of one document that the text sets apart (resolve/apart.py, via within)."""

from __future__ import annotations

import re

from kartoteka.extract.aliases import mark_aliases_and_kin
from kartoteka.model import Claim, Document, Extraction, Mention, Span
from kartoteka.resolve.apart import birth_years
from kartoteka.resolve.within import within


def people(text: str, surfaces: list[str], born: dict[tuple[str, int], str] = {},  # noqa: B006
           language: str = "en") -> list[list[str]]:
    """Each person as the texts of their mentions in order; every occurrence of a surface is
    a mention; ``born``: (surface, occurrence) -> year of an affirmed birth claim."""
    doc = Document(sha256=str(abs(hash(text))).rjust(64, "0"), text=text, language=language)
    mentions, claims, taken = [], [], []
    for surface in sorted(surfaces, key=len, reverse=True):  # longest first, no overlaps
        for index, found in enumerate(re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)",
                                                  text)):
            if any(found.start() < e and s < found.end() for s, e in taken):
                continue
            taken.append(found.span())
            m = Mention(start=found.start(), end=found.end(), text=surface, kind="person",
                        document_id=doc.id, name=surface)
            mentions.append(m)
            if (surface, index) in born:
                claims.append(Claim(type="birth", subject=m.id, date=born[(surface, index)],
                                    evidence=[Span(found.start(), found.end())],
                                    document_id=doc.id))
    mentions.sort(key=lambda m: m.start)
    extraction = mark_aliases_and_kin(Extraction(document=doc, mentions=mentions,
                                                 claims=claims))
    by_id = {m.id: m for m in mentions}
    return sorted([[f"{by_id[i].text}@{by_id[i].start}" for i in e.mention_ids]
                   for e in within(extraction) if e.kind == "person"])


def test_apart_narrator_and_a_relative_of_the_same_name() -> None:
    text = ("I, Ilya Petrovich Lagin, was born in Tver. My son, Ilya Lagin, was taken in 1937. "
            "Ilya Lagin never came back.")
    found = people(text, ["Ilya Petrovich Lagin", "Ilya Lagin"])
    assert len(found) == 2
    son = next(p for p in found if p[0].startswith("Ilya Lagin"))
    assert len(son) == 2  # named again without a mark: the son, the last one named


def test_apart_two_relatives_by_different_relations() -> None:
    text = "My father, Semyon Gurov, was a smith. My brother, Semyon Gurov, was an engineer."
    assert len(people(text, ["Semyon Gurov"])) == 2
    text = ("Мой отец, Семён Гуров, был кузнецом. Моя мать, Анна Гурова, и мой брат, Семён Гуров, "
            "жили в Туле.")
    assert len(people(text, ["Семён Гуров", "Анна Гурова"], language="ru")) == 3
    # one relation, two genders: my son and my daughter of one written name
    text = "My son, Sasha Gurov, was born in May. My daughter, Sasha Gurov, was born later."
    assert len(people(text, ["Sasha Gurov"])) == 2


def test_apart_one_relation_named_twice_stays_one_person() -> None:
    text = ("My father, Semyon Gurov, was a smith. In 1937 my father, Semyon Gurov, was taken; "
            "our relative Semyon Gurov wrote to us.")
    assert len(people(text, ["Semyon Gurov"])) == 1


def test_apart_different_birth_years() -> None:
    text = "Anna Vetrova, born in 1880, lived in Kursk. Anna Vetrova, born in 1912, taught there."
    born = {("Anna Vetrova", 0): "1880", ("Anna Vetrova", 1): "1912"}
    assert len(people(text, ["Anna Vetrova"], born)) == 2
    near = {("Anna Vetrova", 0): "1880", ("Anna Vetrova", 1): "1881"}  # misread: one person
    assert len(people(text, ["Anna Vetrova"], near)) == 1


def test_apart_birth_years_only_from_affirmed_single_years() -> None:
    def born(subject: str, date: str, polarity: str = "affirmed", **attrs: object) -> Claim:
        return Claim(type="birth", subject=subject, date=date, polarity=polarity,
                     evidence=[Span(0, 1)], document_id="d", attrs=dict(attrs))

    claims = [born("a", "1901"), born("b", "1901-05-03"), born("c", "1900"), born("c", "1910"),
              born("d", "1905", "denied"), born("e", "1895", modality="reported"),
              born("f", "1890", hedged=True)]
    assert birth_years(claims) == {"a": 1901, "b": 1901}


def test_apart_a_statement_s_signature_is_its_narrator_and_a_bare_name_is_not() -> None:
    text = ("I, Ilya Petrovich Lagin, was born in Tver. My son, Ilya Lagin, was taken in 1937. "
            "In 1938 Lagin was shot.\n\nEverything stated here is true. I. Lagin")
    found = people(text, ["Ilya Petrovich Lagin", "Ilya Lagin", "I. Lagin", "Lagin"])
    narrator = next(p for p in found if p[0].startswith("Ilya Petrovich Lagin"))
    assert any(m.startswith("I. Lagin") for m in narrator)
    son = next(p for p in found if p[0].startswith("Ilya Lagin@"))
    assert any(m.startswith("Lagin@") for m in son)  # the narrator says "I", not "Lagin"
