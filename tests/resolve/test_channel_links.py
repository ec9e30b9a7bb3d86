"""Across documents: clusters whose names the channel confused, joined by shared context.

Profiles are made up; the linkage starts with every profile alone, as the linker leaves a
variant it will not join on a surname alone.
"""

from __future__ import annotations

import pytest

from kartoteka.resolve.across import Linkage
from kartoteka.resolve.channel_links import join_channel_variants
from kartoteka.resolve.profile import Decisions, Profile

SCENE = ["Ivan Sorokin", "Pyotr Lebedev", "Anna Grekova"]


def prof(key: str, doc: str, label: str, *, comentioned: list[str] | None = None,
         given: str | None = None, roles: list[str] | None = None, **kw: object) -> Profile:
    surname = label.split()[-1]
    return Profile(key=key, document_id=doc, kind="person", label=label, names=[label],
                   surname=surname, given=given, gender="m",
                   comentioned=comentioned if comentioned is not None else list(SCENE),
                   roles=roles or [], **kw)  # type: ignore[arg-type]


def background(n: int) -> list[Profile]:
    """Other people of the corpus, each in a scene of its own."""
    return [prof(f"z{i}", f"dz{i}", f"Person{i}ov", comentioned=[f"Someone{i}"])
            for i in range(n)]


def link(profiles: list[Profile], decisions: Decisions = Decisions()) -> Linkage:  # noqa: B008
    start = Linkage(clusters=[[p.key] for p in profiles])
    return join_channel_variants(start, profiles, decisions)


def together(linkage: Linkage, a: str, b: str) -> bool:
    return linkage.cluster_of(a) is linkage.cluster_of(b)


def test_channel_links_join_a_variant_in_the_same_company() -> None:
    profiles = [prof("a", "d1", "Nikolai Dubrov", given="Nikolai"), prof("b", "d2", "Tuplov"),
                *background(8)]
    linkage = link(profiles)
    assert together(linkage, "a", "b")
    joined = [p for p in linkage.pairs if p.features.get("rule")]
    assert joined and joined[0].features["forms"] == ["Dubrov", "Tuplov"]


def test_channel_links_need_shared_context() -> None:
    profiles = [prof("a", "d1", "Dubrov"),
                prof("b", "d2", "Tuplov", comentioned=["Boris Zimin", "Oleg Frolov"]),
                *background(8)]
    assert not together(link(profiles), "a", "b")


def test_channel_links_a_post_counts_as_context() -> None:
    profiles = [prof("a", "d1", "Dubrov", comentioned=SCENE[:2], roles=["chief of the guard"]),
                prof("b", "d2", "Tuplov", comentioned=SCENE[:2], roles=["chief of the guard"]),
                *background(8)]
    assert together(link(profiles), "a", "b")


def test_channel_links_keep_two_dictionary_surnames_apart() -> None:
    profiles = [prof("a", "d1", "Gorin"), prof("b", "d2", "Korin"), *background(8)]
    assert not together(link(profiles), "a", "b")


def test_channel_links_keep_people_of_one_document_apart() -> None:
    profiles = [prof("a", "d1", "Dubrov"), prof("b", "d1", "Tuplov"), *background(8)]
    assert not together(link(profiles), "a", "b")


def test_channel_links_keep_different_given_names_apart() -> None:
    profiles = [prof("a", "d1", "Ivan Dubrov", given="Ivan"),
                prof("b", "d2", "Pyotr Tuplov", given="Pyotr"), *background(8)]
    assert not together(link(profiles), "a", "b")


def test_channel_links_respect_a_human_not_the_same() -> None:
    profiles = [prof("a", "d1", "Dubrov"), prof("b", "d2", "Tuplov"), *background(8)]
    decisions = Decisions(cannot_link=frozenset({("a", "b")}))
    assert not together(link(profiles, decisions), "a", "b")


def test_channel_links_leave_a_variant_between_two_people() -> None:
    # Tuplov fits Ivan Dubrov and Pyotr Tubrov, in the same company: it goes to neither.
    profiles = [prof("a", "d1", "Ivan Dubrov", given="Ivan"),
                prof("c", "d3", "Pyotr Tubrov", given="Pyotr"),
                prof("b", "d2", "Tuplov"), *background(8)]
    linkage = link(profiles)
    assert not together(linkage, "a", "b")
    assert not together(linkage, "c", "b")


@pytest.mark.parametrize(("corpus", "joined"), [(240, False), (8, True)])
def test_channel_links_ignore_people_named_beside_everyone(corpus: int, joined: bool) -> None:
    # Of the three people shared, one is named in every scene: background in a large corpus;
    # in a handful of profiles there is no telling, and it counts.
    everywhere = "Iosif Dzhugashvili"
    scene = [everywhere, "Ivan Sorokin", "Pyotr Lebedev"]
    profiles = [prof("a", "d1", "Dubrov", comentioned=scene),
                prof("b", "d2", "Tuplov", comentioned=scene),
                *[prof(f"z{i}", f"dz{i}", f"Person{i}ov", comentioned=[everywhere])
                  for i in range(corpus)]]
    assert together(link(profiles), "a", "b") is joined


def test_channel_links_read_stored_profile_dicts() -> None:
    profiles = [prof("a", "d1", "Dubrov"), prof("b", "d2", "Tuplov"), *background(8)]
    start = Linkage(clusters=[[p.key] for p in profiles])
    linkage = join_channel_variants(start, [p.to_dict() for p in profiles])
    assert together(linkage, "a", "b")
    assert sorted(k for c in linkage.clusters for k in c) == sorted(p.key for p in profiles)


def test_channel_links_never_chain_two_people_through_a_variant() -> None:
    # Tuplov shares a company with Dubrov and, less, with Tobrel; Dubrov and Tobrel share none.
    profiles = [prof("a", "d1", "Dubrov", comentioned=["Ivan Sorokin", "Pyotr Lebedev",
                                                       "Anna Grekova", "Oleg Frolov"]),
                prof("b", "d2", "Tuplov", comentioned=["Ivan Sorokin", "Pyotr Lebedev",
                                                       "Anna Grekova", "Boris Zimin",
                                                       "Gleb Orekhov", "Lev Shubin"]),
                prof("c", "d3", "Tobrel", comentioned=["Boris Zimin", "Gleb Orekhov",
                                                       "Lev Shubin"]),
                *background(8)]
    linkage = link(profiles)
    assert not together(linkage, "a", "c")


def test_channel_links_join_a_bare_dictionary_surname_in_the_same_company() -> None:
    """"Kamenev" in one chapter, Lev Kamenev elsewhere in the same company: the one man."""
    profiles = [prof("a", "d1", "Lev Kamenev", given="Lev"), prof("b", "d2", "Kamenev"),
                prof("c", "d3", "Kamenev"), *background(8)]
    linkage = link(profiles)
    assert together(linkage, "a", "b") and together(linkage, "a", "c")


def test_channel_links_a_bare_namesake_needs_the_company() -> None:
    profiles = [prof("a", "d1", "Lev Kamenev", given="Lev"),
                prof("b", "d2", "Kamenev", comentioned=["Boris Zimin", "Oleg Frolov"]),
                *background(8)]
    assert not together(link(profiles), "a", "b")


def test_channel_links_a_bare_namesake_between_two_people_joins_neither() -> None:
    profiles = [prof("a", "d1", "Lev Kamenev", given="Lev"),
                prof("b", "d2", "Sergey Kamenev", given="Sergey"),
                prof("c", "d3", "Kamenev"), *background(8)]
    linkage = link(profiles)
    assert not together(linkage, "a", "c") and not together(linkage, "b", "c")


def test_channel_links_two_named_namesakes_are_left_to_the_linker() -> None:
    """Two full names on one surname are the linker's to weigh: the scene alone joins none."""
    profiles = [prof("a", "d1", "Lev Kamenev", given="Lev"),
                prof("b", "d2", "L. Kamenev", initials=("L",)), *background(8)]
    assert not together(link(profiles), "a", "b")


def bare(key: str, doc: str, *forms: str, comentioned: list[str] | None = None) -> Profile:
    """A profile known by bare surnames only: its label and the other forms its document wrote."""
    p = prof(key, doc, forms[0], comentioned=comentioned or [f"Someone{key}"])
    return Profile(**{**p.__dict__, "names": list(forms)})


def test_channel_links_join_two_bare_clusters_that_write_one_spelling() -> None:
    """"Dubrov" (once "Tubrov") in one chapter, "Tubrov" in another, no company in common: one
    spelling the linker compared under different labels."""
    profiles = [bare("a", "d1", "Dubrov", "Tubrov"), bare("b", "d2", "Tubrov"), *background(8)]
    linkage = link(profiles)
    assert together(linkage, "a", "b")
    joined = [p for p in linkage.pairs if "Tubrov" in p.features.get("forms", [])]
    assert "one spelling" in joined[0].features["context"]


def test_channel_links_one_spelling_of_a_surname_two_people_bear_joins_nothing() -> None:
    profiles = [bare("a", "d1", "Dubrov", "Tubrov"), bare("b", "d2", "Tubrov"),
                prof("c", "d3", "Ivan Tubrov", given="Ivan", comentioned=["Oleg Frolov"]),
                prof("d", "d4", "Pyotr Tubrov", given="Pyotr", comentioned=["Gleb Orekhov"]),
                *background(8)]
    assert not together(link(profiles), "a", "b")


def test_channel_links_one_spelling_beside_a_named_cluster_is_not_the_bare_label() -> None:
    """A bare "Tubrov" the linker weighed against Ivan Tubrov itself: the company decides."""
    profiles = [bare("a", "d1", "Tubrov", "Dubrov"),
                prof("b", "d2", "Ivan Tubrov", given="Ivan", comentioned=["Oleg Frolov"]),
                *background(8)]
    assert not together(link(profiles), "a", "b")


def test_channel_links_a_bare_form_no_family_bears_joins_the_lone_surname_it_reads_as() -> None:
    """"Shpigelglias" reads as the surname of the one Shpigelglas known: no company needed."""
    profiles = [prof("a", "d1", "Sergei Shpigelglas", given="Sergei"),
                bare("b", "d2", "Shpigelglias"), *background(8)]
    linkage = link(profiles)
    assert together(linkage, "a", "b")
    joined = [p for p in linkage.pairs if "Shpigelglias" in p.features.get("forms", [])]
    assert "one reading" in joined[0].features["context"]


def test_channel_links_one_reading_needs_a_lone_surname_and_an_unknown_form() -> None:
    two = [prof("a", "d1", "Sergei Shpigelglas", given="Sergei"),
           prof("c", "d3", "Boris Shpigelglas", given="Boris", comentioned=["Oleg Frolov"]),
           bare("b", "d2", "Shpigelglias"), *background(8)]
    assert not together(link(two), "a", "b") and not together(link(two), "c", "b")
    # Solovov is a dictionary surname: a family of its own beside Solovyov
    known = [prof("a", "d1", "Vladimir Solovyov", given="Vladimir"), bare("b", "d2", "Solovov"),
             *background(8)]
    assert not together(link(known), "a", "b")


def test_channel_links_a_bare_cluster_writing_a_lone_named_surname_once_joins_it() -> None:
    """A chapter labelled "Bokor" that once writes "Pauker", beside the one Karl Pauker."""
    profiles = [prof("a", "d1", "Karl Pauker", given="Karl"),
                bare("b", "d2", "Bokor", "Pauker"), *background(8)]
    assert together(link(profiles), "a", "b")
    # the bare label itself the linker weighed: the company decides (see a_bare_namesake_...)
    alone = [prof("a", "d1", "Karl Pauker", given="Karl"), bare("b", "d2", "Pauker"),
             *background(8)]
    assert not together(link(alone), "a", "b")


def test_channel_links_one_spelling_that_is_a_label_on_both_sides_is_the_linkers() -> None:
    profiles = [bare("a", "d1", "Tubrov", "Dubrov"), bare("b", "d2", "Tubrov"), *background(8)]
    assert not together(link(profiles), "a", "b")


def test_channel_links_a_form_written_twice_outranks_a_channel_close_one() -> None:
    """A chapter's "Tuprov, once Tobel" beside Ivan Dubrov, whom another chapter also calls
    "Tobel", and a channel-close "Tibler" sharing more of its company: the spelling written
    twice decides, and Tibler reaches neither through it."""
    dubrov = prof("a", "d1", "Ivan Dubrov", given="Ivan", comentioned=SCENE[:2])
    dubrov = Profile(**{**dubrov.__dict__, "names": ["Ivan Dubrov", "Tobel"]})
    profiles = [dubrov,
                bare("b", "d2", "Tuprov", "Tobel",
                     comentioned=[*SCENE, "Oleg Frolov", "Gleb Orekhov"]),
                bare("c", "d3", "Tibler", comentioned=[SCENE[2], "Oleg Frolov", "Gleb Orekhov"]),
                *background(8)]
    linkage = link(profiles)
    assert together(linkage, "a", "b")
    assert not together(linkage, "c", "b")


def test_channel_links_one_reading_of_two_namesakes_joins_the_one_in_its_company() -> None:
    """"Shpigelglias" in a chapter beside two people of Sergei Shpigelglas's scenes, while a
    Boris Shpigelglas elsewhere shares none of them: Sergei's."""
    profiles = [prof("a", "d1", "Sergei Shpigelglas", given="Sergei"),
                prof("c", "d3", "Boris Shpigelglas", given="Boris", comentioned=["Oleg Frolov"]),
                bare("b", "d2", "Shpigelglias", comentioned=SCENE[:2]), *background(8)]
    linkage = link(profiles)
    assert together(linkage, "a", "b") and not together(linkage, "c", "b")
    joined = [p for p in linkage.pairs if "Shpigelglias" in p.features.get("forms", [])]
    assert "one reading of a namesake's surname" in joined[0].features["context"]


@pytest.mark.parametrize(("company", "borises"), [
    (SCENE[:1], ["Oleg Frolov"]),  # one person shared says too little
    (SCENE[:2], ["Oleg Frolov", *SCENE[:2]]),  # as much with each brother tells them apart no more
])
def test_channel_links_one_reading_of_two_namesakes_needs_the_company_of_one(
        company: list[str], borises: list[str]) -> None:
    profiles = [prof("a", "d1", "Sergei Shpigelglas", given="Sergei"),
                prof("c", "d3", "Boris Shpigelglas", given="Boris", comentioned=borises),
                bare("b", "d2", "Shpigelglias", comentioned=company), *background(8)]
    linkage = link(profiles)
    assert not together(linkage, "a", "b") and not together(linkage, "c", "b")


def test_channel_links_one_spelling_is_not_the_surname_of_another_name_of_a_person() -> None:
    """Ivan Dubrov, who also went by "Lev Tubrov", and a chapter's bare "Tubrov": the form is
    another man's full name, which a namesake may bear; the company decides, not the spelling."""
    dubrov = prof("a", "d1", "Ivan Dubrov", given="Ivan")
    dubrov = Profile(**{**dubrov.__dict__, "names": ["Ivan Dubrov", "Lev Tubrov"]})
    profiles = [dubrov, bare("b", "d2", "Tubrov"), *background(8)]
    assert not together(link(profiles), "a", "b")
    # a bare form of his own ("Dubrov, once Tubrov" in his chapter) is his surname's spelling
    own = Profile(**{**dubrov.__dict__, "names": ["Ivan Dubrov", "Tubrov"]})
    assert together(link([own, bare("b", "d2", "Tubrov"), *background(8)]), "a", "b")


def link_with(profiles: list[Profile], joined: list[list[str]]) -> Linkage:
    """The linkage with some profiles already joined (the linker's clusters), others alone."""
    inside = {k for group in joined for k in group}
    start = Linkage(clusters=[*joined, *[[p.key] for p in profiles if p.key not in inside]])
    return join_channel_variants(start, profiles)


def mangled_scenes(*, one_cluster: bool) -> Linkage:
    """Two chapters whose scenes name the same three people, each chapter in its own spelling
    (Zimin / Simin: the channel's voicing), the people profiled in their chapters."""
    first, second = ["Zimin", "Frolov", "Gusev"], ["Simin", "Prolov", "Kusev"]
    profiles = [prof("a", "d1", "Dubrov", comentioned=first),
                prof("b", "d2", "Tuplov", comentioned=second),
                *[prof(f"1{n}", "d1", name, comentioned=["Dubrov"])
                  for n, name in enumerate(first)],
                *[prof(f"2{n}", "d2", name, comentioned=["Tuplov"])
                  for n, name in enumerate(second)], *background(8)]
    joined = [[f"1{n}", f"2{n}"] for n in range(3)] if one_cluster else []
    return link_with(profiles, joined)


def test_channel_links_compare_the_people_of_the_scenes_as_clusters() -> None:
    # the scenes' people are one person each (the linker joined them): the company agrees
    assert together(mangled_scenes(one_cluster=True), "a", "b")


def test_channel_links_do_not_take_unlinked_spellings_for_one_person() -> None:
    # the same spellings, which the linker did not join: three other people, no company
    assert not together(mangled_scenes(one_cluster=False), "a", "b")


def tied(first_tie: str, second_tie: str) -> Linkage:
    """A secretary in two chapters: two people of the scene shared, and a tie each (whose
    secretary), to the chief as each chapter spells him."""
    profiles = [prof("a", "d1", "Dubrov", comentioned=SCENE[:2] + ["Lev Gorelov"],
                     ties=[first_tie]),
                prof("b", "d2", "Tuplov", comentioned=SCENE[:2], ties=[second_tie]),
                prof("c1", "d1", first_tie, comentioned=["Dubrov"]),
                prof("c2", "d2", second_tie, comentioned=["Tuplov"]), *background(8)]
    return link_with(profiles, [["c1", "c2"]])


def test_channel_links_a_tie_to_one_person_counts_as_context() -> None:
    # "Dubrov, Gorelov's secretary" and "Tuplov, secretary to Korelov": one chief, one cluster
    assert together(tied("Lev Gorelov", "Lev Korelov"), "a", "b")


def test_channel_links_ties_to_different_people_are_no_context() -> None:
    profiles = [prof("a", "d1", "Dubrov", comentioned=SCENE[:2], ties=["Lev Gorelov"]),
                prof("b", "d2", "Tuplov", comentioned=SCENE[:2], ties=["Oleg Zimin"]),
                *background(8)]
    assert not together(link(profiles), "a", "b")


@pytest.mark.parametrize(("second", "joined"), [
    ("People's Commissar of Justice", True),
    ("People's Commissar of Education", False),  # namesakes in different posts
])
def test_channel_links_a_title_is_a_post(second: str, joined: bool) -> None:
    # a post written as a title before a bare name ("Commissar of Justice Tuplov")
    profiles = [prof("a", "d1", "Dubrov", comentioned=SCENE[:2],
                     roles=["People's Commissar of Justice"]),
                prof("b", "d2", "Tuplov", comentioned=SCENE[:2], titles=[second]),
                *background(8)]
    assert together(link(profiles), "a", "b") is joined


def test_channel_links_one_shared_person_is_not_enough() -> None:
    # a channel step apart (l/r) and one person of the scene in common: two defectors named
    # beside the same third man are not one man
    profiles = [prof("a", "d1", "Ignat Rayss", given="Ignat", comentioned=["Krivitsky", "Mal"]),
                prof("b", "d2", "Rice", comentioned=["Krivitsky", "Agabekov", "Miller"]),
                *background(8)]
    assert not together(link(profiles), "a", "b")


def test_channel_links_join_in_rounds_when_the_company_is_mangled_too() -> None:
    # each chapter spells the secretary's three companions its own way (l/r); each companion
    # joins its namesake on the scene both share, and then the secretaries share a company
    shared, first, second = SCENE, ["Zabrin", "Gudrov", "Dranek"], ["Zablin", "Gudlov", "Dlanek"]
    profiles = [prof("a", "d1", "Morvich", comentioned=first),
                prof("b", "d2", "Molvich", comentioned=second),
                *[prof(f"1{n}", "d1", name, comentioned=shared) for n, name in enumerate(first)],
                *[prof(f"2{n}", "d2", name, comentioned=shared)
                  for n, name in enumerate(second)], *background(8)]
    linkage = link(profiles)
    assert all(together(linkage, f"1{n}", f"2{n}") for n in range(3))
    assert together(linkage, "a", "b")
    assert len([p for p in linkage.pairs if p.features.get("rule")]) == 4  # one pair per join


def test_channel_links_rounds_do_not_join_without_a_company() -> None:
    # the companions join, but the two men named beside them alone share nothing else: the
    # second round still asks for three, and "Morvich" / "Molvich" with two people of the
    # company stay apart
    shared, first, second = SCENE, ["Zabrin", "Gudrov"], ["Zablin", "Gudlov"]
    profiles = [prof("a", "d1", "Morvich", comentioned=first),
                prof("b", "d2", "Molvich", comentioned=second),
                *[prof(f"1{n}", "d1", name, comentioned=shared) for n, name in enumerate(first)],
                *[prof(f"2{n}", "d2", name, comentioned=shared)
                  for n, name in enumerate(second)], *background(8)]
    linkage = link(profiles)
    assert together(linkage, "10", "20")
    assert not together(linkage, "a", "b")


@pytest.mark.parametrize(("chief", "joined"), [("Lev Gorelov", True),
                                               ("Iosif Dzhugashvili", False)])
def test_channel_links_a_tie_to_the_background_man_is_no_context(chief: str,
                                                                  joined: bool) -> None:
    # two secretaries of the man named beside everyone, in a large corpus: no evidence
    everywhere = "Iosif Dzhugashvili"
    profiles = [prof("a", "d1", "Dubrov", comentioned=[*SCENE[:2], everywhere], ties=[chief]),
                prof("b", "d2", "Tuplov", comentioned=[*SCENE[:2], everywhere], ties=[chief]),
                *[prof(f"z{i}", f"dz{i}", f"Person{i}ov", comentioned=[everywhere])
                  for i in range(240)]]
    assert together(link(profiles), "a", "b") is joined
