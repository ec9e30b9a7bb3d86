"""The archivist's rules on top of the authority score: the list's only namesake of a full given
name and surname links when something the text says agrees and nothing weighs against; what
the entity's other documents say counts (a made-up list: fast)."""

from __future__ import annotations

from dataclasses import replace

from kartoteka.resolve.authority import AuthorityRecord, link_authority
from kartoteka.resolve.authority_rules import pooled
from kartoteka.resolve.profile import Profile

FILLER = ("Сидоров", "Карпов", "Фомин", "Лукин", "Титов", "Гуров", "Демин", "Белов", "Жуков",
          "Орехов")
GIVEN = ("Иван", "Петр", "Сергей", "Павел", "Андрей", "Федор")


def made_up_list() -> list[AuthorityRecord]:
    """Zayonchikov Yakov alone; two Tsyurupkin Yefim (namesakes); filler surnames."""
    shot = {"execution_date": "1938-03-15"}
    return [
        AuthorityRecord("t", "1", "Зайончиков Яков Ильич", 1890, 1938,
                        {**shot, "occupation": "нарком юстиции РСФСР"}),
        AuthorityRecord("t", "2", "Цюрупкин Ефим Петрович", 1891, 1937,
                        {"execution_date": "1937-10-02", "occupation": "врач поликлиники"}),
        AuthorityRecord("t", "3", "Цюрупкин Ефим Сергеевич", 1899, 1937,
                        {"execution_date": "1937-11-20", "occupation": "врач больницы"}),
        *(AuthorityRecord("t", f"f{i}-{g}", f"{s} {g} Петрович", 1895, 1937,
                          {"occupation": "рабочий"})
          for i, s in enumerate(FILLER) for g in GIVEN),
    ]


def person(label: str, **facts: object) -> Profile:
    given, surname = label.split()
    return Profile(key="p", document_id="d", kind="person", label=label, names=[label],
                   surname=surname, given=given, **facts)  # type: ignore[arg-type]


# The list stands for one of Memorial's size: the chance that a text's person is a given
# record is the real list's, and names alone stay below the line.
SIZES = {"t": 11788}


def link(profiles: list[Profile], **kwargs: object) -> list:  # type: ignore[type-arg]
    return link_authority(profiles, made_up_list(), list_sizes=SIZES,
                          **kwargs)  # type: ignore[arg-type]


def decisions(profile: Profile, **kwargs: object) -> dict[str, str]:
    return {m.record_id: m.decision for m in link([profile], **kwargs)}


def test_authority_rules_names_alone_wait_for_review() -> None:
    assert decisions(person("Yakov Zayonchikov")) == {"1": "review"}


def test_authority_rules_sole_namesake_with_agreeing_post_links() -> None:
    found = link([person("Yakov Zayonchikov", roles=["People's Commissar of Justice"])])
    assert [(m.record_id, m.decision) for m in found] == [("1", "linked")]
    assert found[0].features["occupation"]["level"] == "same field"


def test_authority_rules_the_rule_says_what_agreed() -> None:
    found = link([person("Yakov Zayonchikov", death_year=1938, fates=["execution"])])
    assert found[0].features["sole_namesake"] == (
        "the list's only Зайончиков Яков; agreeing: death_year")


def test_authority_rules_sole_namesake_shot_in_the_records_year_links() -> None:
    assert decisions(person("Yakov Zayonchikov", death_year=1938,
                            fates=["execution"])) == {"1": "linked"}


def test_authority_rules_a_death_that_year_not_said_to_be_an_execution_waits() -> None:
    assert decisions(person("Yakov Zayonchikov", death_year=1938)) == {"1": "review"}


def test_authority_rules_something_against_keeps_it_for_review() -> None:
    # the death year agrees, the post is of another field: a reviewer decides
    assert decisions(person("Yakov Zayonchikov", death_year=1938,
                            roles=["collective farm chairman"])) == {"1": "review"}


def test_authority_rules_two_namesakes_in_the_list_never_link() -> None:
    found = decisions(person("Yefim Tsyurupkin", roles=["doctor"], death_year=1937))
    assert found and set(found.values()) == {"review"}


def test_authority_rules_an_initial_is_not_a_full_given_name() -> None:
    profile = Profile(key="p", document_id="d", kind="person", label="Ya. Zayonchikov",
                      names=["Ya. Zayonchikov"], surname="Zayonchikov", initials=("Ya.",),
                      death_year=1938)
    assert decisions(profile) == {"1": "review"}


def test_authority_rules_other_documents_of_the_entity_count() -> None:
    named = person("Yakov Zayonchikov")
    post = Profile(key="q", document_id="e", kind="person", label="Zayonchikov",
                   names=["Zayonchikov"], surname="Zayonchikov",
                   roles=["People's Commissar of Justice"])
    found = link([named], entity_profiles={"p": [post]})
    assert [(m.record_id, m.decision) for m in found] == [("1", "linked")]
    assert found[0].features["from_entity"] == "roles"


def test_authority_rules_a_title_before_a_bare_surname_elsewhere_counts() -> None:
    """Another document's "People's Commissar of Justice Zayonchikov" (a title only, kept out
    of the roles the person linker compares) is his post too."""
    named = person("Yakov Zayonchikov")
    titled = Profile(key="q", document_id="e", kind="person", label="Zayonchikov",
                     names=["Zayonchikov"], surname="Zayonchikov",
                     titles=["People's Commissar of the Ministry of Justice"])
    found = link([named], entity_profiles={"p": [titled]})
    assert [(m.record_id, m.decision) for m in found] == [("1", "linked")]
    assert found[0].features["from_entity"] == "titles"
    assert found[0].features["occupation"]["level"] == "same field"


def test_authority_rules_a_title_of_another_field_keeps_it_for_review() -> None:
    named = person("Yakov Zayonchikov")
    titled = Profile(key="q", document_id="e", kind="person", label="Zayonchikov",
                     names=["Zayonchikov"], surname="Zayonchikov",
                     titles=["Chief Surgeon of the Botkin Hospital"])
    assert {m.record_id: m.decision for m in link([named], entity_profiles={"p": [titled]})} == {
        "1": "review"}


def test_authority_rules_a_bare_surname_with_a_title_never_links() -> None:
    titled = Profile(key="p", document_id="e", kind="person", label="Zayonchikov",
                     names=["Zayonchikov"], surname="Zayonchikov",
                     titles=["People's Commissar of Justice"])
    assert "linked" not in {m.decision for m in link([titled])}


def test_authority_rules_another_given_name_in_the_entity_lends_nothing() -> None:
    named = person("Yakov Zayonchikov")
    other = replace(person("Pyotr Zayonchikov", roles=["People's Commissar of Justice"],
                           death_year=1938), key="q")
    assert pooled(named, [other]) == (named, [])
    found = link([named], entity_profiles={"p": [other]})
    assert {m.record_id: m.decision for m in found} == {"1": "review"}


def test_authority_rules_siblings_disagreeing_on_a_year_lend_none() -> None:
    named = person("Yakov Zayonchikov")
    siblings = [replace(named, key="q", death_year=1938), replace(named, key="r", death_year=1941)]
    assert pooled(named, siblings)[0].death_year is None
