"""Within-document grouping of mentions (resolve/within.py), on hand-made extractions."""

from __future__ import annotations

import re

import pytest

from kartoteka.extract.aliases import mark_aliases_and_kin
from kartoteka.model import Document, Extraction, LocalEntity, Mention
from kartoteka.resolve.within import within as within_marked
from tests.helpers import hand_extraction


def within(extraction: Extraction) -> list[LocalEntity]:
    """Grouping as the pipeline runs it: on an extraction its extractor has marked."""
    return within_marked(mark_aliases_and_kin(extraction))

DOC = Document(sha256="f" * 64, text="x" * 2000, language="en")


def person(start: int, name: str, **kw: object) -> Mention:
    return Mention(start=start, end=start + len(name), text=name, kind="person",
                   document_id=DOC.id, name=name, **kw)  # type: ignore[arg-type]


def entity_of(entities: list[LocalEntity], mention: Mention) -> LocalEntity:
    return next(e for e in entities if mention.id in e.mention_ids)


def grouped(mentions: list[Mention]) -> list[LocalEntity]:
    return within(Extraction(document=DOC, mentions=mentions))


def people_of(text: str, surfaces: list[str], **attrs_of: dict[str, object]
              ) -> tuple[list[LocalEntity], dict[str, list[Mention]]]:
    """Group the named mentions of an invented text: every occurrence of each surface, longest
    surfaces first and without overlap, is a person mention whose name is the surface."""
    doc = Document(sha256=str(abs(hash(text))).rjust(64, "0"), text=text, language="en")
    taken: list[tuple[int, int]] = []
    found: dict[str, list[Mention]] = {s: [] for s in surfaces}
    for surface in sorted(surfaces, key=len, reverse=True):
        for match in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            found[surface].append(Mention(
                start=match.start(), end=match.end(), text=surface, kind="person",
                document_id=doc.id, name=surface, attrs=dict(attrs_of.get(surface, {}))))
    mentions = sorted((m for ms in found.values() for m in ms), key=lambda m: m.start)
    return within(Extraction(document=doc, mentions=mentions)), found


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


def test_within_ambiguous_surname_stays_unresolved_and_names_its_candidates():
    """"Ivan Orlov … Pyotr Orlov … Orlov", with nothing to tell them apart: the bare Orlov is
    left alone, and the two candidates are recorded for a curator."""
    ivan, pyotr = person(0, "Ivan Orlov"), person(60, "Pyotr Orlov")
    bare = person(120, "Orlov")
    entities = grouped([ivan, pyotr, bare])
    alone = entity_of(entities, bare)
    assert alone.mention_ids == [bare.id]
    assert bare.attrs["unresolved"] == sorted(
        [entity_of(entities, ivan).key, entity_of(entities, pyotr).key])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ivan Orlov came first. Orlov sat down. Hours passed. Pyotr Orlov came late.",
         "Ivan Orlov"),
        ("Ivan Orlov came first. Hours passed. Pyotr Orlov came late. Orlov sat down.",
         "Pyotr Orlov"),
    ],
)
def test_within_ambiguous_surname_goes_to_the_one_named_in_its_sentence(text, expected):
    """Only one of the namesakes is named in the bare name's sentence or the one before."""
    entities, mentions = people_of(text, ["Ivan Orlov", "Pyotr Orlov", "Orlov"])
    bare = mentions["Orlov"][0]
    assert entity_of(entities, bare) is entity_of(entities, mentions[expected][0])
    assert "ambiguous_with" in bare.attrs


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The title names the person the text is about; a relative named last does not take
        # the bare surname of the next sentence.
        ("Nikolai Petrenko\n\nNikolai Petrenko (1890 – 1938) was an engineer. His son Ivan "
         "Petrenko studied in Kiev. Petrenko was arrested in 1937.", "Nikolai Petrenko"),
        # A kinship word before the bare name points away from the subject, to the relative
        # of that gender.
        ("Anna Petrenko\n\nAnna Petrenko was a teacher. She married Ivan Petrenko in 1920. Her "
         "husband Petrenko was shot in 1937.", "Ivan Petrenko"),
        # No title, but one person named first and most often.
        ("Nikolai Petrenko was an engineer. Nikolai Petrenko built bridges. His son Ivan "
         "Petrenko studied. Petrenko was arrested.", "Nikolai Petrenko"),
    ],
)
def test_within_bare_surname_goes_to_the_person_the_text_is_about(text, expected):
    entities, mentions = people_of(text, ["Nikolai Petrenko", "Ivan Petrenko", "Anna Petrenko",
                                          "Petrenko"])
    bare = mentions["Petrenko"][0]
    assert entity_of(entities, bare) is entity_of(entities, mentions[expected][0])
    others = [s for s in ("Nikolai Petrenko", "Ivan Petrenko", "Anna Petrenko")
              if mentions[s] and s != expected]
    assert all(entity_of(entities, mentions[s][0]) is not entity_of(entities, bare)
               for s in others)


def test_within_birth_surname_does_not_pull_in_the_family_that_bears_it():
    """"Olga Marten (born Olga Keller)": a later bare "Keller" is her brother's surname."""
    text = ("Olga Marten\n\nOlga Marten (born Olga Keller; 1901 – 1950) was a typist. Her "
            "brother Pavel Keller taught music. Keller left for Riga in 1930.")
    entities, mentions = people_of(text, ["Olga Marten", "Olga Keller", "Pavel Keller",
                                          "Keller"])
    olga = entity_of(entities, mentions["Olga Marten"][0])
    assert entity_of(entities, mentions["Olga Keller"][0]) is olga
    pavel = entity_of(entities, mentions["Pavel Keller"][0])
    assert pavel is not olga
    assert entity_of(entities, mentions["Keller"][0]) is pavel
    assert olga.label == "Olga Marten"  # her own name, not her birth name


def test_within_lone_word_that_is_a_surname_here_is_read_as_one():
    """"Simon" is a given name, but here it is Maria Simon's surname."""
    text = "Maria Simon\n\nMaria Simon was a nurse in Omsk. In 1938 Simon wrote to the court."
    entities, mentions = people_of(text, ["Maria Simon", "Simon"])
    assert entity_of(entities, mentions["Simon"][0]) is entity_of(
        entities, mentions["Maria Simon"][0])


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("Пётр Ильич Горев родился в Туле. Пётр Ильич работал на заводе.",
         ["Пётр Ильич Горев", "Пётр Ильич"]),
        ("Yan Kalnin was born in Riga. Later, as Jānis Kalniņš, he taught school.",
         ["Yan Kalnin", "Jānis Kalniņš"]),
        ("Karl Ozols\n\nKarl Ozols was a printer. Under the pseudonym Volk, he edited a paper.",
         ["Karl Ozols", "Volk"]),
    ],
)
def test_within_other_forms_of_one_name_are_one_person(text, surfaces):
    entities, mentions = people_of(text, surfaces)
    assert len({entity_of(entities, mentions[s][0]).key for s in surfaces}) == 1


def test_within_foreign_form_marked_by_the_extractor_joins_its_person():
    text = "Иван Круминь (латыш. Jānis Krūmiņš) родился в 1894 году."
    entities, mentions = people_of(text, ["Иван Круминь", "Jānis Krūmiņš"])
    mentions["Jānis Krūmiņš"][0].attrs["foreign_form_of"] = mentions["Иван Круминь"][0].id
    entities = within(Extraction(document=Document(sha256="c" * 64, text=text, language="ru"),
                                 mentions=[mentions["Иван Круминь"][0],
                                           mentions["Jānis Krūmiņš"][0]]))
    assert len(entities) == 1


def test_within_unresolved_name_makes_an_unresolved_profile():
    from kartoteka.resolve.profile import build_profiles

    text = "Ivan Orlov and Pyotr Orlov came. Orlov spoke."
    doc = Document(sha256="d" * 64, text=text, language="en")
    ms = [Mention(start=s, end=s + len(n), text=n, kind="person", document_id=doc.id, name=n)
          for s, n in ((0, "Ivan Orlov"), (15, "Pyotr Orlov"), (33, "Orlov"))]
    extraction = Extraction(document=doc, mentions=ms)
    entities = within(extraction)
    profiles = build_profiles(extraction, entities)
    assert [p.unresolved for p in profiles.values()] == [False, False, True]


@pytest.mark.parametrize(("bare", "joins"), [("Yezhova", False), ("Yezhov", True)])
def test_within_bare_surname_of_the_other_gender_is_someone_else(bare, joins):
    """"Yezhova" beside Nikolai Yezhov alone is a woman of his family, not he."""
    text = f"Nikolai Yezhov came home late. {bare} was waiting."
    entities, mentions = people_of(text, ["Nikolai Yezhov", bare])
    same = entity_of(entities, mentions[bare][0]) is entity_of(entities,
                                                              mentions["Nikolai Yezhov"][0])
    assert same is joins


def test_within_label_prefers_the_form_the_lexicon_knows() -> None:
    ex = hand_extraction(
        "Yerev came in. Later Yerov left. Everybody feared Yezhov.",
        [("Yerev", "person", None), ("Yerov", "person", None), ("Yezhov", "person", None)])
    people = [e for e in within(ex) if e.kind == "person"]
    assert len(people) == 1
    assert people[0].label == "Yezhov"


def test_within_a_birth_name_of_the_other_gender_is_not_the_subjects():
    """"He was born X" gives the subject a name; "she was born Anna …" in a text about a man
    speaks of someone else (his wife), whose birth name stays hers."""
    text = ("Ivan Sokolov\n\nIvan Sokolov was a clerk in Tula. He was born Ivan Kramer in Riga. "
            "His wife was a typist. She was born Anna Lind in Pskov.")
    entities, found = people_of(text, ["Ivan Sokolov", "Ivan Kramer", "Anna Lind"])
    sokolov = entity_of(entities, found["Ivan Sokolov"][0])
    assert found["Ivan Kramer"][0].id in sokolov.mention_ids
    assert found["Anna Lind"][0].id not in sokolov.mention_ids


def test_within_given_name_and_patronymic_must_fit_every_full_name() -> None:
    """"Максим Максимович" is not the Максим Осипович who is also written without his
    patronymic ("Максим Кифёкин"): one name agreeing is not enough when another says no."""
    text = ("Со мной сидел Кифёкин Максим Осипович, врач. Максим Кифёкин был сослан. "
            "Потом пришёл Максим Максимович.")
    entities, found = people_of(text, ["Кифёкин Максим Осипович", "Максим Кифёкин",
                                       "Максим Максимович"])
    doctor = entity_of(entities, found["Кифёкин Максим Осипович"][0])
    assert entity_of(entities, found["Максим Кифёкин"][0]) is doctor
    assert entity_of(entities, found["Максим Максимович"][0]) is not doctor
