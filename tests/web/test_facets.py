"""Filtering, counting and sorting persons in memory."""

from __future__ import annotations

import pytest

from kartoteka.web.facets import Facts, Person, PersonFilters, busiest, facet_counts, select_persons


def facts() -> Facts:
    people = {
        "p1": Person("Yezhov", fates=("execution",), years=(1937, 1940), institutions=("o1",),
                     documents=("d1", "d2"), statuses=("proposed",), claims=5),
        "p2": Person("agranov", fates=("execution",), years=(1938,), documents=("d1",),
                     statuses=("accepted",), claims=2),
        "p3": Person("a student", documents=("d2",), statuses=("proposed",), claims=1,
                     named=False),
    }
    out = Facts(persons=people, organizations={"o1": "NKVD"}, titles={"d1": "One", "d2": "Two"},
                ties={"p1": {"position": 2}, "o1": {"position": 2}, "p2": {"spouse_of": 1}})
    out.by_name = sorted(people, key=lambda e: (not people[e].named, people[e].label.casefold()))
    return out


@pytest.mark.parametrize(("filters", "sort", "expected"), [
    (PersonFilters(), "name", ["p2", "p1", "p3"]),  # named first, case does not matter
    (PersonFilters(), "-name", ["p3", "p1", "p2"]),
    (PersonFilters(), "-claims", ["p1", "p2", "p3"]),
    (PersonFilters(), "documents", ["p2", "p3", "p1"]),
    (PersonFilters(fate="execution"), "name", ["p2", "p1"]),
    (PersonFilters(year=1938), "name", ["p2"]),
    (PersonFilters(institution="o1", review="proposed"), "name", ["p1"]),
    (PersonFilters(document="d2", q="STUD"), "name", ["p3"]),
])
def test_facets_select_and_sort(filters: PersonFilters, sort: str, expected: list[str]) -> None:
    assert select_persons(facts(), filters, sort) == expected


def test_facets_count_each_value() -> None:
    counts = facet_counts(facts(), ["p1", "p2"])
    assert [(v.value, v.count) for v in counts["fate"]] == [("execution", 2)]
    assert [(v.value, v.count) for v in counts["year"]] == [("1937", 1), ("1938", 1),
                                                           ("1940", 1)]
    assert [(v.label, v.count) for v in counts["institution"]] == [("NKVD", 1)]
    assert [(v.label, v.count) for v in counts["document"]] == [("One", 2), ("Two", 1)]


def test_facets_busiest_counts_only_chosen_ties() -> None:
    assert busiest(facts(), ["position"], 5) == ["o1", "p1"]
    assert busiest(facts(), ["spouse_of"], 5) == ["p2"]
