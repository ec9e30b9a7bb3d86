"""Cross-document linkage: link_profiles on hand-built profiles."""

from __future__ import annotations

import random

import pytest

from kartoteka.resolve.across import Linkage, ScoredPair, link_profiles, surname_frequencies
from kartoteka.resolve.comparisons import LEVELS
from kartoteka.resolve.constraints import ConflictingDecisions
from kartoteka.resolve.profile import Decisions, Profile


def person(key: str, label: str, **parts: object) -> Profile:
    return Profile(key=key, document_id=f"doc-{key}", kind="person", label=label,
                   names=[label], **parts)  # type: ignore[arg-type]


def together(linkage: Linkage, a: str, b: str) -> bool:
    return b in linkage.cluster_of(a)


def pair(linkage: Linkage, a: str, b: str) -> ScoredPair:
    a, b = sorted((a, b))
    return next(p for p in linkage.pairs if (p.a, p.b) == (a, b))


# A background of unrelated people, so that the tests do not run on three profiles alone.
BACKGROUND = [
    person("bg1", "Mikhail Tukhachevsky", surname="Tukhachevsky", given="Mikhail"),
    person("bg2", "Глеб Бокий", surname="Бокий", given="Глеб"),
    person("bg3", "Yakov Agranov", surname="Agranov", given="Yakov"),
    person("bg4", "Абрам Слуцкий", surname="Слуцкий", given="Абрам"),
]


@pytest.mark.parametrize("spelling", ["Yezhov", "Ezhov", "Jeschow", "Iejov", "Ежов", "Ezhoff"])
def test_across_cross_script_surname_joins_full_name(spelling: str) -> None:
    profiles = [
        person("a", spelling, surname=spelling),
        person("b", "Ежов Николай Иванович", surname="Ежов", given="Николай",
               patronymic="Иванович"),
        *BACKGROUND,
    ]
    linkage = link_profiles(profiles)
    assert together(linkage, "a", "b")
    assert pair(linkage, "a", "b").decision == "linked"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("Nikolai Yezhov", "Yezhov", "Nikolai"), ("Николай Ежов", "Ежов", "Николай")),
        (("Genrikh Yagoda", "Yagoda", "Genrikh"), ("Генрих Ягода", "Ягода", "Генрих")),
        (("N. Yezhov", "Yezhov", None), ("Nikolay Ezhov", "Ezhov", "Nikolay")),
    ],
)
def test_across_same_person_in_two_scripts_joins(
    first: tuple[str, str, str | None], second: tuple[str, str, str | None]
) -> None:
    def build(key: str, spec: tuple[str, str, str | None]) -> Profile:
        label, surname, given = spec
        initials = () if given else (label[0],)
        return person(key, label, surname=surname, given=given, initials=initials)

    linkage = link_profiles([build("a", first), build("b", second), *BACKGROUND])
    assert together(linkage, "a", "b")


def test_across_two_genrikhs_stay_two() -> None:
    profiles = [
        person("yagoda", "Genrikh Yagoda", surname="Yagoda", given="Genrikh"),
        person("lyushkov", "Genrikh Lyushkov", surname="Lyushkov", given="Genrikh"),
        person("genrikh", "Генрих Ягода", surname="Ягода", given="Генрих"),
        *BACKGROUND,
    ]
    linkage = link_profiles(profiles)
    assert not together(linkage, "yagoda", "lyushkov")
    assert not together(linkage, "genrikh", "lyushkov")
    assert together(linkage, "yagoda", "genrikh")


def test_across_bare_surname_joins_the_only_full_name() -> None:
    profiles = [
        person("kork", "Kork", surname="Kork"),
        person("august", "August Kork", surname="Kork", given="August"),
        *BACKGROUND,
    ]
    linkage = link_profiles(profiles)
    assert together(linkage, "kork", "august")


def test_across_bare_surname_between_two_namesakes_goes_to_review() -> None:
    profiles = [
        person("ivan", "Ivan Orlov", surname="Orlov", given="Ivan"),
        person("pyotr", "Pyotr Orlov", surname="Orlov", given="Pyotr"),
        person("bare", "Orlov", surname="Orlov"),
        *BACKGROUND,
    ]
    linkage = link_profiles(profiles)
    assert linkage.cluster_of("bare") == ["bare"]
    assert not together(linkage, "ivan", "pyotr")
    for other in ("ivan", "pyotr"):
        scored = pair(linkage, "bare", other)
        assert scored.decision == "review"
        assert scored.features.get("ambiguous") is True
    assert pair(linkage, "ivan", "pyotr").features["conflicts"] == ["given"]


@pytest.mark.parametrize(
    ("extra_a", "extra_b", "reason"),
    [
        ({"birth_year": 1895}, {"birth_year": 1901}, "birth_year"),
        ({"death_year": 1938}, {"death_year": 1941}, "death_year"),
        ({"patronymic": "Ivanovich"}, {"patronymic": "Petrovich"}, "patronymic"),
        ({"gender": "m"}, {"gender": "f"}, "gender"),
    ],
)
def test_across_conflict_keeps_same_names_apart(
    extra_a: dict[str, object], extra_b: dict[str, object], reason: str
) -> None:
    profiles = [
        person("a", "Ivan Smirnov", surname="Smirnov", given="Ivan", **extra_a),
        person("b", "Иван Смирнов", surname="Смирнов", given="Иван", **extra_b),
        *BACKGROUND,
    ]
    linkage = link_profiles(profiles)
    assert not together(linkage, "a", "b")
    assert reason in pair(linkage, "a", "b").features["conflicts"]


def test_across_birth_year_off_by_one_still_joins() -> None:
    profiles = [
        person("a", "Ivan Smirnov", surname="Smirnov", given="Ivan", birth_year=1895),
        person("b", "Иван Смирнов", surname="Смирнов", given="Иван", birth_year=1896),
        *BACKGROUND,
    ]
    assert together(link_profiles(profiles), "a", "b")


def test_across_cannot_link_beats_a_high_score() -> None:
    profiles = [
        person("a", "Nikolai Ivanovich Yezhov", surname="Yezhov", given="Nikolai",
               patronymic="Ivanovich"),
        person("b", "Ежов Николай Иванович", surname="Ежов", given="Николай",
               patronymic="Иванович"),
        *BACKGROUND,
    ]
    assert together(link_profiles(profiles), "a", "b")
    linkage = link_profiles(profiles, decisions=Decisions(cannot_link=frozenset({("b", "a")})))
    assert not together(linkage, "a", "b")
    scored = pair(linkage, "a", "b")
    assert scored.decision == "cannot-link"
    assert scored.probability > 0.9  # the score is kept, the decision overrides it


def test_across_cannot_link_is_not_bridged_by_a_third_profile() -> None:
    profiles = [
        person("a", "Nikolai Yezhov", surname="Yezhov", given="Nikolai"),
        person("b", "Николай Ежов", surname="Ежов", given="Николай"),
        person("c", "N. Yezhov", surname="Yezhov", initials=("N",)),
        *BACKGROUND,
    ]
    decisions = Decisions(cannot_link=frozenset({("a", "b")}))
    linkage = link_profiles(profiles, decisions=decisions)
    assert not together(linkage, "a", "b")


def test_across_must_link_joins_dissimilar_names() -> None:
    profiles = [
        person("a", "Yerev", surname="Yerev"),
        person("b", "Genrikh Lyushkov", surname="Lyushkov", given="Genrikh"),
        *BACKGROUND,
    ]
    assert not together(link_profiles(profiles), "a", "b")
    decisions = Decisions(must_link=frozenset({("a", "b")}))
    linkage = link_profiles(profiles, decisions=decisions)
    assert together(linkage, "a", "b")
    assert pair(linkage, "a", "b").decision == "must-link"


def test_across_contradicting_decisions_fail_loudly() -> None:
    profiles = [person(k, k.title(), surname=k.title()) for k in ("alpha", "beta", "gamma")]
    decisions = Decisions(
        must_link=frozenset({("alpha", "beta"), ("beta", "gamma")}),
        cannot_link=frozenset({("alpha", "gamma")}),
    )
    with pytest.raises(ConflictingDecisions):
        link_profiles(profiles, decisions=decisions)


MIXED = [
    person("y1", "Yezhov", surname="Yezhov"),
    person("y2", "Николай Иванович Ежов", surname="Ежов", given="Николай", patronymic="Иванович"),
    person("y3", "N. I. Ezhov", surname="Ezhov", initials=("N", "I")),
    person("g1", "Genrikh Yagoda", surname="Yagoda", given="Genrikh"),
    person("g2", "Genrikh Lyushkov", surname="Lyushkov", given="Genrikh"),
    person("o1", "Ivan Orlov", surname="Orlov", given="Ivan"),
    person("o2", "Pyotr Orlov", surname="Orlov", given="Pyotr"),
    person("o3", "Orlov", surname="Orlov"),
    person("k1", "Kalin", surname="Kalin"),
    person("k2", "Alexander Kalin", surname="Kalin", given="Alexander"),
    person("w1", "his wife", descriptor="his wife"),
    Profile(key="n1", document_id="d1", kind="organization", label="NKVD", names=["NKVD"]),
    Profile(key="n2", document_id="d2", kind="organization", label="НКВД", names=["НКВД"]),
    Profile(key="p1", document_id="d1", kind="place", label="Moscow", names=["Moscow"]),
    Profile(key="f1", document_id="d1", kind="group", label="the Karins", surname="Karin"),
    Profile(key="f2", document_id="d2", kind="group", label="Карины", surname="Карин"),
    *BACKGROUND,
]


def test_across_every_profile_in_exactly_one_cluster() -> None:
    linkage = link_profiles(MIXED)
    keys = [key for cluster in linkage.clusters for key in cluster]
    assert sorted(keys) == sorted(p.key for p in MIXED)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_across_clusters_do_not_depend_on_input_order(seed: int) -> None:
    shuffled = MIXED[:]
    random.Random(seed).shuffle(shuffled)
    first, second = link_profiles(MIXED), link_profiles(shuffled)
    assert first.clusters == second.clusters
    assert [(p.a, p.b, p.decision) for p in first.pairs] == [
        (p.a, p.b, p.decision) for p in second.pairs
    ]


def test_across_organizations_and_families_cluster_by_normalised_name() -> None:
    linkage = link_profiles(MIXED)
    assert together(linkage, "n1", "n2")
    assert together(linkage, "f1", "f2")
    assert not together(linkage, "f1", "k1")  # a family is not one of its members


def test_across_families_respect_cannot_link() -> None:
    decisions = Decisions(cannot_link=frozenset({("f1", "f2")}))
    linkage = link_profiles(MIXED, decisions=decisions)
    assert not together(linkage, "f1", "f2")
    assert pair(linkage, "f1", "f2").decision == "cannot-link"


def test_across_scored_pairs_keep_their_features() -> None:
    linkage = link_profiles(MIXED)
    person_pairs = [p for p in linkage.pairs if "surname" in p.features]
    assert person_pairs
    for scored in person_pairs:
        assert 0.0 <= scored.probability <= 1.0
        assert set(LEVELS) <= set(scored.features)
        for name, levels in LEVELS.items():
            assert scored.features[name]["level"] in (*levels, "null")
        assert scored.decision in ("linked", "review", "kept-apart", "must-link", "cannot-link")


def test_across_linkage_round_trips_through_dict() -> None:
    linkage = link_profiles(MIXED)
    again = Linkage.from_dict(linkage.to_dict())
    assert again.clusters == linkage.clusters
    assert again.pairs == linkage.pairs


def test_across_rejects_duplicate_keys() -> None:
    with pytest.raises(ValueError, match="unique"):
        link_profiles([person("a", "Orlov", surname="Orlov")] * 2)


@pytest.mark.spark
def test_across_spark_gives_the_duckdb_clusters() -> None:
    pytest.importorskip("pyspark")
    assert link_profiles(MIXED, backend="spark").clusters == link_profiles(MIXED).clusters


def _vilks_profiles(oskar_documents: int) -> list[Profile]:
    oskars = [person(f"oskar{n}", "Oskar Vilks", surname="Vilks", given="Oskar")
              for n in range(oskar_documents)]
    return [*oskars, person("father", "Janis Vilks", surname="Vilks", given="Janis"),
            person("bare", "Vilks", surname="Vilks"), *BACKGROUND]


@pytest.mark.parametrize(("oskar_documents", "joins"), [(3, True), (2, False)])
def test_across_bare_surname_goes_to_a_far_more_prominent_namesake(
        oskar_documents: int, joins: bool) -> None:
    """A bare "Vilks" beside Oskar Vilks (named in three documents) and his father (in one) is
    Oskar; with Oskar in two documents it is too close to call."""
    linkage = link_profiles(_vilks_profiles(oskar_documents))
    assert together(linkage, "bare", "oskar0") is joins
    assert not together(linkage, "bare", "father")
    assert not together(linkage, "oskar0", "father")
    assert pair(linkage, "bare", "father").decision == "review"


def test_across_a_wrong_date_on_one_profile_does_not_make_a_bare_surname_ambiguous() -> None:
    """Two full-name profiles that differ only in a death year are one person and a wrong date
    more often than two people: they do not stand as rivals for a bare surname."""
    profiles = [
        person("right", "Anton Lisovsky", surname="Lisovsky", given="Anton", death_year=1950),
        person("wrong", "Anton Lisovsky", surname="Lisovsky", given="Anton", death_year=1937),
        person("plain", "Anton Lisovsky", surname="Lisovsky", given="Anton"),
        person("bare", "Lisovsky", surname="Lisovsky"),
        *BACKGROUND,
    ]
    linkage = link_profiles(profiles)
    assert together(linkage, "bare", "plain")
    assert not together(linkage, "right", "wrong")  # the dates still keep these two apart


def test_across_a_name_its_document_left_unresolved_is_never_linked_by_itself() -> None:
    profiles = [
        person("full", "Ivan Orlov", surname="Orlov", given="Ivan"),
        person("bare", "Orlov", surname="Orlov", unresolved=True),
        *BACKGROUND,
    ]
    linkage = link_profiles(profiles)
    assert not together(linkage, "bare", "full")
    scored = pair(linkage, "bare", "full")
    assert scored.decision == "review" and scored.features.get("unresolved") is True


@pytest.mark.parametrize(("bare", "full"), [("Zotov", "Zotyov"), ("Gribov", "Gribyov")])
def test_across_bare_surname_links_alone_only_to_the_same_surname(bare: str, full: str) -> None:
    """A second reading of "Zotyov" is "Zotov", but a bare "Zotov" is not linked to Ivan
    Zotyov without a historian; a bare "Zotyov" is."""
    for surname, linked in ((bare, False), (full, True)):
        profiles = [person("bare", surname, surname=surname),
                    person("full", f"Ivan {full}", surname=full, given="Ivan"), *BACKGROUND]
        linkage = link_profiles(profiles)
        assert together(linkage, "bare", "full") is linked
        if not linked:
            assert pair(linkage, "bare", "full").features.get("surname_variant_only") is True


@pytest.mark.parametrize(("other_names", "joins"), [(["Яков Лапин"], True), ([], False)])
def test_across_another_given_name_of_the_person_is_no_conflict(
        other_names: list[str], joins: bool) -> None:
    """Ян Лапин, born Яков Лапин, is the Yakov Lapin of another document."""
    yan = person("yan", "Ян Лапин", surname="Лапин", given="Ян")
    yan.names += other_names
    profiles = [yan, person("yakov", "Yakov Lapin", surname="Lapin", given="Yakov"),
                *BACKGROUND]
    assert together(link_profiles(profiles), "yan", "yakov") is joins


def test_across_surname_frequency_counts_other_bearers_not_one_persons_records() -> None:
    def row(surname: str, given: str) -> dict:
        return {"surname_folded": surname, "surname_key": surname, "given_key": given,
                "patronymic_key": None}

    rows = [row("orlov", "ivan")] * 4 + [row("petrov", g) for g in ("ivan", "petr", "oleg", "lev")]
    frequencies = surname_frequencies(rows, "surname_folded")
    # one man listed four times is one bearer: his surname is as rare as can be
    assert frequencies["orlov"] == 1 / 8
    # four bearers: a record of one of them meets three others' records
    assert frequencies["petrov"] == 3 / 8


def test_across_namesakes_told_apart_by_a_place_make_a_sparse_profile_ambiguous() -> None:
    # Two Ivan Orlovs born in different towns (evidence against), and an "I. Orlov" who fits
    # both equally: he joins neither, as a bare Orlov between Ivan and Pyotr would not.
    from kartoteka.resolve.across import Candidate, _ambiguous_pairs
    from kartoteka.resolve.records import NameParts

    parts = {"x": NameParts("Ivan", None, "m", None, None),
             "y": NameParts("Ivan", None, "m", None, None),
             "z": NameParts("I.", None, None, None, None)}
    candidates = [Candidate("x", "z", 0.95, 4.3, {}, ()), Candidate("y", "z", 0.95, 4.3, {}, ())]
    documents = {"x": "d1", "y": "d2", "z": "d3"}
    told_apart = _ambiguous_pairs(candidates, parts, documents, Decisions(), 0.9,
                                  frozenset({("x", "y")}))
    assert told_apart == {("x", "z"), ("y", "z")}
    assert not _ambiguous_pairs(candidates, parts, documents, Decisions(), 0.9)


def _unrelated(n: int) -> list[Profile]:
    """n profiles of n different people: made-up surnames no two of which share a block."""
    rng = random.Random(5)
    letters = "bdfgklmnprstvz"
    out = []
    for i in range(n):
        stem = "".join(rng.choice(letters) + rng.choice("aeiou") for _ in range(4)).title()
        out.append(person(f"u{i:04d}", f"{stem}ov", surname=f"{stem}ov"))
    return out


def test_across_an_untrained_collection_scores_alike_whatever_its_size() -> None:
    # The prior's u are fixed figures: a collection too small to train on must not lower every
    # pair's odds as it grows (`kartoteka resolve` would undo what ingest linked)
    def scored(background: int) -> ScoredPair:
        profiles = [
            person("a", "Ivan Sokolov", surname="Sokolov", given="Ivan"),
            person("b", "I. Sokolov", surname="Sokolov", initials=["I."]),
            *_unrelated(background),
        ]
        return pair(link_profiles(profiles), "a", "b")

    small, large = scored(150), scored(900)
    assert small.probability == pytest.approx(large.probability, abs=1e-9)
    assert large.decision == "linked"


def _ambiguous_by_every_pair(candidates, parts, documents, decisions, threshold):  # noqa: ANN001, ANN202
    """The ambiguity rule's first question asked of every pair of keys, as it once was."""
    import math

    from kartoteka.resolve.across import _distinct_people

    margin = math.log2(threshold / (1.0 - threshold))
    partners: dict[str, list] = {}
    for c in candidates:
        partners.setdefault(c.a, []).append((c.weight, c.b))
        partners.setdefault(c.b, []).append((c.weight, c.a))
    out = set()
    for key, options in partners.items():
        best = max(w for w, _ in options)
        close = sorted(o for w, o in options if w >= best - margin)
        if len(options) > 1 and any(decisions.cannot(x, y) or _distinct_people(parts[x], parts[y])
                                    for i, x in enumerate(close) for y in close[i + 1:]):
            out.add(key)
    return out


def test_across_ambiguity_asks_each_pair_of_names_once_with_the_same_answer(monkeypatch) -> None:  # noqa: ANN001
    # A prisoner named in forty statements under three forms of his name, with a bare surname
    # among them: whether two of a profile's close partners cannot be one person is a question
    # about their names, asked once a pair of names, not once a pair of profiles.
    from kartoteka.resolve import across
    from kartoteka.resolve.across import Candidate, _ambiguous_pairs
    from kartoteka.resolve.records import NameParts

    rng = random.Random(3)
    forms = [NameParts("Ivan", None, "m", None, None), NameParts("I.", None, "m", None, None),
             NameParts(None, None, None, None, None), NameParts("Pyotr", None, "m", None, None)]
    keys = [f"k{i:02d}" for i in range(40)]
    parts = {k: forms[rng.randrange(3)] for k in keys}
    documents = {k: f"d{k}" for k in keys}
    candidates = [Candidate(a, b, 0.95, 4.0 + rng.random(), {}, ())
                  for i, a in enumerate(keys) for b in keys[i + 1:]]
    calls = []
    real = across._distinct_people
    monkeypatch.setattr(across, "_distinct_people", lambda x, y: calls.append(1) or real(x, y))
    assert not _ambiguous_pairs(candidates, parts, documents, Decisions(), 0.9)
    assert len(calls) <= 40 * 6  # each key's close partners hold three names: six pairs at most
    assert not _ambiguous_by_every_pair(candidates, parts, documents, Decisions(), 0.9)
    # A Pyotr among them, or a refusal by hand, makes the same profiles ambiguous either way.
    refused = Decisions(cannot_link=frozenset({(keys[1], keys[2])}))
    for decisions, first in ((Decisions(), forms[3]), (refused, forms[0])):
        parts[keys[0]] = first
        found = {k for pair in _ambiguous_pairs(candidates, parts, documents, decisions, 0.9)
                 for k in pair}
        expected = _ambiguous_by_every_pair(candidates, parts, documents, decisions, 0.9)
        assert expected and expected <= found


def test_across_link_profiles_pauses_the_collector_and_restores_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The cycle collector is off while the run scores and clusters, and as it was after,
    also when the run fails."""
    import gc

    import kartoteka.resolve.across as across

    seen: list[bool] = []
    score = across.score_persons

    def watched(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return score(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(across, "score_persons", watched)
    profiles = [*BACKGROUND, person("a", "Nikolai Yezhov", surname="Yezhov", given="Nikolai")]
    assert gc.isenabled()
    link_profiles(profiles)
    assert seen == [False] and gc.isenabled()
    with pytest.raises(ValueError, match="unique"):
        link_profiles([*profiles, profiles[0]])
    assert gc.isenabled()


def test_across_pairs_come_in_key_order_with_every_kind_merged_in() -> None:
    """Person pairs (put in key order from the scoring), organisations, places and a human
    decision on a pair never scored come back as one list sorted by (a, b)."""
    profiles = [
        *BACKGROUND,
        person("m1", "Nikolai Yezhov", surname="Yezhov", given="Nikolai"),
        person("z9", "Николай Ежов", surname="Ежов", given="Николай"),
        person("c5", "N. Ezhov", surname="Ezhov", initials=["N."]),
        person("a0", "Pavel Ivanov", surname="Ivanov", given="Pavel"),
        Profile(key="n1", document_id="d1", kind="organization", label="NKVD", names=["NKVD"]),
        Profile(key="b7", document_id="d2", kind="organization", label="НКВД", names=["НКВД"]),
        Profile(key="p1", document_id="d1", kind="place", label="Moscow", names=["Moscow"]),
        Profile(key="k3", document_id="d2", kind="place", label="Москва", names=["Москва"]),
    ]
    linkage = link_profiles(profiles, decisions=Decisions(must_link=frozenset({("a0", "bg2")})))
    keys = [(p.a, p.b) for p in linkage.pairs]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    kinds = {p.features.get("rule", "scored" if p.features.get("scored", True) else "decision")
             for p in linkage.pairs}
    assert {"scored", "decision", "same normalised name"} <= kinds


def test_across_two_surnames_that_share_nothing_wait_for_review() -> None:
    """One given name, patronymic and year of birth under two unrelated surnames: two
    families' women more likely than one woman's married name; a historian decides."""
    profiles = [
        person("a", "Aleksandra Andreyevna Tsvetkova", surname="Tsvetkova", given="Aleksandra",
               patronymic="Andreyevna", birth_year=1905, gender="f"),
        person("b", "Aleksandra Andreyevna Zhukova", surname="Zhukova", given="Aleksandra",
               patronymic="Andreyevna", birth_year=1905, gender="f"),
        person("c", "Александра Андреевна Жукова", surname="Жукова", given="Александра",
               patronymic="Андреевна", birth_year=1905, gender="f"),
        *BACKGROUND,
    ]
    linkage = link_profiles(profiles)
    assert not together(linkage, "a", "b")
    scored = pair(linkage, "a", "b")
    assert scored.decision == "review" and scored.features.get("surnames_differ") is True
    assert together(linkage, "b", "c")  # one surname in two scripts still joins
