"""Two death years of one person: weighed when more than the name identifies the records,
a refusal when only the name agrees. Every person here is made up."""

from __future__ import annotations

import numpy as np
import pytest

from kartoteka.resolve.across import link_profiles
from kartoteka.resolve.authority import AuthorityRecord, link_authority
from kartoteka.resolve.constraints import (
    ConstrainedClusters,
    PartsIndex,
    conflicts,
    pair_conflicts,
)
from kartoteka.resolve.death_years import DIFFER, identified_beyond_name
from kartoteka.resolve.incremental import attach_profiles
from kartoteka.resolve.profile import Decisions, Profile
from kartoteka.resolve.records import NameParts, name_parts
from kartoteka.web.comparisons import decided_by


def parts(given: str | None = None, patronymic: str | None = None, birth: int | None = None,
          death: int | None = None, place: tuple[str, ...] = (),
          surname: str | None = "Sidorov") -> NameParts:
    return NameParts(given, patronymic, None, birth, death, (), place, surname)


def person(key: str, label: str, **fields: object) -> Profile:
    return Profile(key=key, document_id=f"doc-{key}", kind="person", label=label,
                   names=[label], **fields)  # type: ignore[arg-type]


BACKGROUND = [
    person("bg1", "Mikhail Tukhachevsky", surname="Tukhachevsky", given="Mikhail"),
    person("bg2", "Глеб Бокий", surname="Бокий", given="Глеб"),
    person("bg3", "Yakov Agranov", surname="Agranov", given="Yakov"),
]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # Full given name, full patronymic and birth year: the death years are weighed.
        (parts("Ivan", "Petrovich", 1899, 1937), parts("Ivan", "Petrovich", 1899, 1942), ()),
        (parts("Ivan", "Petrovich", 1899, 1937), parts("Иван", "Петрович", 1900, 1942), ()),
        # ... or the birthplace instead of the year.
        (parts("Ivan", "Petrovich", None, 1937, ("tver",)),
         parts("Ivan", "Petrovich", None, 1942, ("tver", "twer")), ()),
        # Only a given name and a year of birth: a man's namesake may die another year.
        (parts("Ivan", None, 1899, 1937), parts("Ivan", None, 1899, 1942), ("death_year",)),
        # Initials identify no one.
        (parts("I.", "P.", 1899, 1937), parts("Ivan", "Petrovich", 1899, 1942), ("death_year",)),
        # Birth years two apart are no conflict, but no agreement either.
        (parts("Ivan", "Petrovich", 1899, 1937), parts("Ivan", "Petrovich", 1901, 1942),
         ("death_year",)),
        # Birthplaces that share no reading agree on nothing.
        (parts("Ivan", "Petrovich", None, 1937, ("tver",)),
         parts("Ivan", "Petrovich", None, 1942, ("orel",)), ("death_year",)),
        # The surname under another reading, or his wife's, is his family's.
        (parts("Ivan", "Petrovich", 1899, 1937),
         parts("Иван", "Петрович", 1899, 1942, surname="Сидорова"), ()),
        # Only similar surnames are two families, however well the rest agrees.
        (parts("Ivan", "Petrovich", 1899, 1937),
         parts("Ivan", "Petrovich", 1899, 1942, surname="Sidorenko"), ("death_year",)),
        (parts("Ivan", "Petrovich", 1899, 1937),
         parts("Ivan", "Petrovich", 1899, 1942, surname=None), ("death_year",)),
        # A name conflict stays one, and then the death years are not excused either.
        (parts("Ivan", "Petrovich", 1899, 1937), parts("Ivan", "Pavlovich", 1899, 1942),
         ("patronymic", "death_year")),
    ],
)
def test_death_years_conflict_only_without_identification(
        a: NameParts, b: NameParts, expected: tuple[str, ...]) -> None:
    assert conflicts(a, b) == expected
    assert conflicts(b, a) == expected
    # The column-at-a-time path gives the same answer.
    index = PartsIndex({"a": a, "b": b})
    assert pair_conflicts(index, np.array([0, 1]), np.array([1, 0])) == [expected, expected]


def test_death_years_birthplace_of_a_profile_is_read_in_any_script() -> None:
    latin = name_parts(person("a", "Ivan Petrovich Sidorov", surname="Sidorov", given="Ivan",
                              patronymic="Petrovich", death_year=1937, birthplace="Tver"))
    cyrillic = name_parts(person("b", "Иван Петрович Сидоров", surname="Сидоров", given="Иван",
                                 patronymic="Петрович", death_year=1942, birthplace="Тверь"))
    assert identified_beyond_name(latin, cyrillic)
    assert conflicts(latin, cyrillic) == ()


def _sidorov(key: str, death: int, **more: object) -> Profile:
    fields: dict[str, object] = {"surname": "Sidorov", "given": "Ivan", "patronymic": "Petrovich",
                                 "birth_year": 1899, "death_year": death}
    fields.update(more)
    label = " ".join(str(fields[k]) for k in ("given", "patronymic", "surname") if fields[k])
    return person(key, label, **fields)


def test_death_years_a_strong_pair_joins_and_shows_the_two_years() -> None:
    linkage = link_profiles([_sidorov("shot", 1937), _sidorov("certified", 1942), *BACKGROUND])
    assert ["certified", "shot"] in linkage.clusters
    pair = next(p for p in linkage.pairs if {p.a, p.b} == {"certified", "shot"})
    assert pair.decision == "linked"
    assert pair.features["conflicts"] == []
    assert pair.features[DIFFER] == [1942, 1937]  # (a, b) = (certified, shot)
    assert pair.features["death_year"]["weight"] < 0  # weighed against by the model
    shown = decided_by(pair.features, pair.probability)
    assert shown is not None and "death years differ: 1942 / 1937" in shown.notes


def test_death_years_a_pair_agreeing_on_little_more_than_the_name_is_refused() -> None:
    linkage = link_profiles([_sidorov("shot", 1937, patronymic=None),
                             _sidorov("certified", 1942, patronymic=None), *BACKGROUND])
    assert ["shot"] in linkage.clusters and ["certified"] in linkage.clusters
    pair = next(p for p in linkage.pairs if {p.a, p.b} == {"certified", "shot"})
    assert pair.decision == "review"  # likely by the names: a historian looks
    assert pair.features["conflicts"] == ["death_year"]
    assert pair.features[DIFFER] == [1942, 1937]


def test_death_years_a_weak_record_joins_a_man_whose_records_hold_its_year() -> None:
    """A bare "Ivan Sidorov, died 1942" beside the man whose records say 1937 and 1942: no new
    disagreement; one saying 1945 adds one, which a name alone does not outweigh."""
    weak = {"patronymic": None, "birth_year": None}
    profiles = [_sidorov("shot", 1937), _sidorov("certified", 1942), *BACKGROUND]
    linkage = link_profiles([*profiles, _sidorov("late", 1942, **weak)])
    assert sorted(linkage.cluster_of("late")) == ["certified", "late", "shot"]
    linkage = link_profiles([*profiles, _sidorov("other", 1945, **weak)])
    assert linkage.cluster_of("other") == ["other"]


def test_death_years_do_not_chain_a_year_at_a_time() -> None:
    names = {k: parts("Ivan", death=year) for k, year in (("a", 1937), ("b", 1938), ("c", 1939))}
    clusters = ConstrainedClusters(names, Decisions(), dict(names))
    assert clusters.try_union("a", "b") is None
    assert clusters.try_union("b", "c") == "conflict"
    # The same chain of fully identified records is one man's, each link weighed.
    strong = {k: parts("Ivan", "Petrovich", 1899, year)
              for k, year in (("a", 1937), ("b", 1938), ("c", 1939))}
    clusters = ConstrainedClusters(strong, Decisions(), dict(strong))
    assert clusters.try_union("a", "b") is None
    assert clusters.try_union("b", "c") is None


def test_death_years_incremental_linking_decides_as_the_full_linker() -> None:
    stored = [_sidorov("shot", 1937), *BACKGROUND]
    entity_of = {p.key: f"e-{p.key}" for p in stored}
    strong = attach_profiles([_sidorov("certified", 1942)], stored, entity_of)
    assert strong.entity_of == {"certified": "e-shot"}
    pair = next(p for p in strong.pairs if {p.a, p.b} == {"certified", "shot"})
    assert pair.features[DIFFER] == [1942, 1937] and pair.features["conflicts"] == []
    weak = attach_profiles([_sidorov("certified", 1942, patronymic=None)],
                           [_sidorov("shot", 1937, patronymic=None), *BACKGROUND], entity_of)
    assert weak.entity_of == {"certified": None}


# Made-up records of a list of the shot: namesakes of other families around the one tested.
LIST = [AuthorityRecord("test", str(i), f"{stem}{end} Пётр Ильич", 1885 + i % 15, 1937 + i % 2)
        for i, (stem, end) in enumerate(
            ((s, e) for s in ("Гур", "Лагин", "Ветр", "Зуб", "Кос")
             for e in ("ов", "ин", "енко", "ский")), start=2)]


@pytest.mark.parametrize(("patronymic", "linked"), [("Ilyich", True), (None, False)])
def test_death_years_a_list_s_year_of_shooting_against_a_later_certified_death(
        patronymic: str | None, linked: bool) -> None:
    """The list says shot in 1937; the testimony repeats the certificate's 1942."""
    records = [AuthorityRecord("test", "1", "Сидоров Пётр Ильич", 1899, 1937), *LIST]
    label = " ".join(x for x in ("Pyotr", patronymic, "Sidorov") if x)
    profile = person("p", label, surname="Sidorov", given="Pyotr", patronymic=patronymic,
                     birth_year=1899, death_year=1942)
    found = [m for m in link_authority([profile], records) if m.record_id == "1"]
    assert [m.decision == "linked" for m in found] == ([True] if linked else
                                                       [False] * len(found))
    if found:
        assert found[0].features[DIFFER] == [1942, 1937]
        assert ("death_year" in found[0].features["conflicts"]) is not linked
