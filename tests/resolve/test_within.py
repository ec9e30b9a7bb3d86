"""Within-document grouping of mentions (resolve/within.py), on hand-made extractions."""

from __future__ import annotations

import pytest

from kartoteka.model import Document, Extraction, LocalEntity, Mention
from kartoteka.resolve.within import within

DOC = Document(sha256="f" * 64, text="x" * 2000, language="en")


def person(start: int, name: str, **kw: object) -> Mention:
    return Mention(start=start, end=start + len(name), text=name, kind="person",
                   document_id=DOC.id, name=name, **kw)  # type: ignore[arg-type]


def entity_of(entities: list[LocalEntity], mention: Mention) -> LocalEntity:
    return next(e for e in entities if mention.id in e.mention_ids)


def grouped(mentions: list[Mention]) -> list[LocalEntity]:
    return within(Extraction(document=DOC, mentions=mentions))


@pytest.mark.parametrize(
    "names",
    [
        ["Yerev", "Yerov", "Yezhov"],  # translation noise in one text
        ["Morchanov", "Molchanov"],
        ["Alexander Kalin", "Kalin"],
        ["Nikolai Yezhov", "N. I. Yezhov", "Yezhov"],
        ["Mikhail Abramovich Trilisser-Moskvin", "Trilisser"],
        ["Dmitry Shmidt", "Shmidt"],
    ],
)
def test_within_name_variants_are_one_person(names):
    mentions = [person(i * 50, n) for i, n in enumerate(names)]
    entities = grouped(mentions)
    assert len({entity_of(entities, m).key for m in mentions}) == 1


@pytest.mark.parametrize(
    "names",
    [
        ["Genrikh Yagoda", "Genrikh Lyushkov"],  # a shared given name
        ["Ivan Orlov", "Pyotr Orlov"],  # a shared surname
        ["Yagoda", "Agranov", "Prokofiev", "Molchanov"],
        ["Stalin", "Kalin"],
    ],
)
def test_within_different_people_stay_apart(names):
    mentions = [person(i * 50, n) for i, n in enumerate(names)]
    entities = grouped(mentions)
    assert len({entity_of(entities, m).key for m in mentions}) == len(names)


def test_within_two_genrikhs_keep_their_surnames():
    yagoda, lyushkov = person(0, "Genrikh Yagoda"), person(50, "Genrikh Lyushkov")
    later = [person(100, "Lyushkov"), person(150, "Yagoda")]
    entities = grouped([yagoda, lyushkov, *later])
    assert entity_of(entities, later[0]) is entity_of(entities, lyushkov)
    assert entity_of(entities, later[1]) is entity_of(entities, yagoda)


@pytest.mark.parametrize(("bare_at", "expected"), [(120, 1), (30, 0)])
def test_within_ambiguous_surname_goes_to_the_latest_named_and_says_so(bare_at, expected):
    """"Ivan Orlov … Pyotr Orlov … Orlov": the bare Orlov is Pyotr (named last before it);
    before either is named, the first one named after it. The other is recorded."""
    ivan, pyotr = person(0, "Ivan Orlov"), person(60, "Pyotr Orlov")
    bare = person(bare_at, "Orlov")
    entities = grouped([ivan, pyotr, bare])
    chosen = entity_of(entities, bare)
    assert chosen is entity_of(entities, [ivan, pyotr][expected])
    other = [ivan, pyotr][1 - expected]
    assert bare.attrs["ambiguous_with"] == [entity_of(entities, other).key]


def test_within_family_plural_is_a_group_with_the_matching_person():
    kalin, bare = person(0, "Alexander Kalin"), person(40, "Kalin")
    family = Mention(start=80, end=86, text="Karins", kind="group", document_id=DOC.id,
                     name="Karin", family=True, descriptor="the Karins")
    again = Mention(start=200, end=206, text="Karins", kind="group", document_id=DOC.id,
                    name="Karin", family=True)
    other = person(120, "Shpigelglias")
    entities = grouped([kalin, bare, family, again, other])
    group = entity_of(entities, family)
    assert group.kind == "group" and group is entity_of(entities, again)
    assert group.members == [entity_of(entities, kalin).key]


def test_within_aliases_join_people_with_different_given_names():
    polish = person(0, "Józef Unszlicht")
    russian = person(30, "Iosif Stanislavovich Unshlikht", attrs={"alias_of": polish.id})
    entities = grouped([polish, russian])
    assert entity_of(entities, polish) is entity_of(entities, russian)


def test_within_label_prefers_the_fullest_latin_name():
    ms = [person(0, "Kork"), person(20, "August Kork"), person(40, "Аугуст Яанович Корк",
                                                                 attrs={"alias_of": ""})]
    ms[2].attrs["alias_of"] = ms[1].id
    entities = grouped(ms)
    assert entity_of(entities, ms[0]).label == "August Kork"


def test_within_organisations_group_by_body_and_descriptions_stay_alone():
    def org(start: int, text: str, oid: str) -> Mention:
        return Mention(start=start, end=start + len(text), text=text, kind="organization",
                       document_id=DOC.id, name=oid.upper(), attrs={"org_id": oid})

    nkvd = [org(0, "NKVD", "nkvd"), org(30, "Ministry of Internal Affairs", "nkvd")]
    ino = org(80, "Foreign Service", "ino")
    wives = [Mention(start=s, end=s + 4, text="wife", kind="person", document_id=DOC.id,
                     descriptor="his wife") for s in (120, 160)]
    entities = grouped([*nkvd, ino, *wives])
    assert entity_of(entities, nkvd[0]) is entity_of(entities, nkvd[1])
    assert entity_of(entities, ino) is not entity_of(entities, nkvd[0])
    assert entity_of(entities, wives[0]) is not entity_of(entities, wives[1])
    assert entity_of(entities, wives[0]).label == "his wife"


def test_within_every_mention_is_in_exactly_one_entity():
    ms = [person(0, "Yezhov"), person(30, "Yerov"), person(60, "Popiro"),
          Mention(start=90, end=94, text="wife", kind="person", document_id=DOC.id,
                  descriptor="his wife")]
    entities = grouped(ms)
    ids = [mid for e in entities for mid in e.mention_ids]
    assert sorted(ids) == sorted(m.id for m in ms)
