"""Reviewers' merges and splits teach the person linker: m from accepted merges, the link
threshold from rejected ones, each counted as decisions, from MIN_LABELLED_PAIRS on."""

from __future__ import annotations

from collections import Counter

from kartoteka.resolve.across import Linkage, link_profiles
from kartoteka.resolve.learning import MAX_LINK_THRESHOLD, MIN_LABELLED_PAIRS, raised_threshold
from kartoteka.resolve.person_model import decision_groups, labelled_pairs, person_model
from kartoteka.resolve.profile import Decisions, Profile

# Common Russian surnames (any list of them would do): one made-up person each.
SURNAMES = ["Petrov", "Sidorov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Sokolov",
            "Mikhailov", "Novikov", "Fedorov", "Morozov", "Volkov", "Alekseev", "Lebedev",
            "Semenov", "Egorov", "Pavlov", "Kozlov", "Stepanov", "Nikolaev", "Orlov", "Andreev",
            "Makarov", "Nikitin", "Zakharov", "Zaitsev", "Borisov", "Yakovlev"]


def person(key: str, label: str, **parts: object) -> Profile:
    return Profile(key=key, document_id=f"doc-{key}", kind="person", label=label,
                   names=[label], **parts)  # type: ignore[arg-type]


def initials_and_full_names() -> list[Profile]:
    """Per surname: "Ivan X" born 1890, "I. X" with no year, and "Ivan Petrovich X" born 1890.
    The model links "I. X" to the others on the surname and the initial (about 0.99)."""
    out = []
    for i, s in enumerate(SURNAMES):
        out.append(person(f"{i:02d}a", f"Ivan {s}", surname=s, given="Ivan", birth_year=1890))
        out.append(person(f"{i:02d}b", f"I. {s}", surname=s, initials=("I.",)))
        out.append(person(f"{i:02d}c", f"Ivan Petrovich {s}", surname=s, given="Ivan",
                          patronymic="Petrovich", birth_year=1890))
    return out


def far_apart_namesakes() -> list[Profile]:
    """Per surname: "Ivan X" and "I. X" two years apart, of different places, posts and bodies:
    the model is unsure (review band)."""
    out = []
    for i, s in enumerate(SURNAMES):
        out.append(person(f"{i:02d}a", f"Ivan {s}", surname=s, given="Ivan", birth_year=1890,
                          birthplace="Tula", residence="Moscow", roles=["clerk"],
                          organizations=["NKVD"]))
        out.append(person(f"{i:02d}b", f"I. {s}", surname=s, initials=("I.",), birth_year=1892,
                          birthplace="Kiev", residence="Kharkov", roles=["teacher"],
                          organizations=["Narkompros"]))
    return out


def decisions_of(linkage: Linkage, kind: str) -> Counter[str]:
    return Counter(p.decision for p in linkage.pairs if p.a.endswith("a") and p.b.endswith(kind))


def test_person_model_a_split_counts_as_one_decision() -> None:
    keys = {f"p{i}" for i in range(30)}
    split = {("p0", f"p{i}") for i in range(1, 25)}  # one profile split off a person of 25
    groups = decision_groups(split | {("p26", "p27"), ("p28", "nowhere")}, keys)
    assert [len(g) for g in groups] == [24, 1]  # a pair outside the run is left out
    assert labelled_pairs(split, keys) == []  # one merge of many profiles teaches nothing


def test_person_model_merges_teach_m_from_twenty_people_one_pair_a_profile() -> None:
    people = [[f"x{i}-{j}" for j in range(4)] for i in range(MIN_LABELLED_PAIRS)]
    keys = {k for p in people for k in p}
    merged = {(a, b) for p in people for a in p for b in p if a < b}  # 6 pairs a person
    chosen = labelled_pairs(merged, keys)
    assert len(chosen) == 3 * MIN_LABELLED_PAIRS  # a spanning set: three pairs join four
    assert labelled_pairs({pair for pair in merged if not pair[0].startswith("x0-")},
                          keys) == []  # nineteen people


def test_person_model_rejections_raise_the_line_over_what_reviewers_refused() -> None:
    profiles = initials_and_full_names()
    before = link_profiles(profiles)
    assert before.learnt is not None and before.learnt.learnt == []
    assert decisions_of(before, "b") == {"linked": len(SURNAMES)}
    refused = {(f"{i:02d}a", f"{i:02d}b") for i in range(MIN_LABELLED_PAIRS + 2)}
    after = link_profiles(profiles, decisions=Decisions(cannot_link=frozenset(refused)))
    assert after.learnt is not None and after.learnt.learnt == ["threshold"]
    assert after.learnt.rejected == len(refused) and after.learnt.base_threshold == 0.9
    refused_at = max(p.probability for p in after.pairs if (p.a, p.b) in refused)
    assert refused_at < after.learnt.link_threshold <= MAX_LINK_THRESHOLD
    # The initials the reviewers were not asked about now wait for review, not linked ...
    assert decisions_of(after, "b") == {"cannot-link": len(refused),
                                        "review": len(SURNAMES) - len(refused)}
    # ... while the full names, with the year too, link as before.
    assert decisions_of(after, "c") == decisions_of(before, "c") == {"linked": len(SURNAMES)}


def test_person_model_a_single_rejection_leaves_recall_alone() -> None:
    profiles = initials_and_full_names()
    before = link_profiles(profiles)
    # One split of a busy person: "I. Petrov" from the two full names, and from everyone else.
    split = {("00b", k) for k in ("00a", "00c", *(p.key for p in profiles[3:]))}
    after = link_profiles(profiles, decisions=Decisions(cannot_link=frozenset(split)))
    assert after.learnt is not None and after.learnt.link_threshold == 0.9
    assert after.learnt.rejected == 1 and after.learnt.learnt == []
    assert sorted(map(sorted, after.clusters)) == sorted(
        map(sorted, [*(c for c in before.clusters if "00b" not in c), ["00a", "00c"], ["00b"]]))


def test_person_model_accepted_merges_link_what_waited_for_review() -> None:
    profiles = far_apart_namesakes()
    before = link_profiles(profiles)
    assert decisions_of(before, "b") == {"review": len(SURNAMES)}
    merged = {(f"{i:02d}a", f"{i:02d}b") for i in range(MIN_LABELLED_PAIRS + 2)}
    after = link_profiles(profiles, decisions=Decisions(must_link=frozenset(merged)))
    assert after.learnt is not None and after.learnt.learnt == ["m"]
    assert after.learnt.accepted == len(merged)
    prior = before.learnt.comparisons if before.learnt else {}
    assert after.learnt.comparisons["birth_year"]["within 2 years"][0] > prior[
        "birth_year"]["within 2 years"][0]
    undecided = [p for p in after.pairs if p.a.endswith("a") and p.b.endswith("b")
                 and (p.a, p.b) not in merged]
    assert undecided and all(p.decision == "linked" for p in undecided)


def test_person_model_threshold_is_bounded_and_reported() -> None:
    assert raised_threshold([1.0] * MIN_LABELLED_PAIRS, 0.9) == MAX_LINK_THRESHOLD
    assert raised_threshold([0.3] * MIN_LABELLED_PAIRS, 0.9) == 0.9  # refused what it refused
    assert raised_threshold([1.0] * (MIN_LABELLED_PAIRS - 1), 0.9) is None
    model = person_model(None, decisions=Decisions(), keys={"a", "b"}, probability={},
                         link_threshold=0.9)
    shown = model.to_dict()
    assert shown["weights"]["surname"]["exact"] > 0 > shown["weights"]["surname"]["else"]
    assert (shown["profiles"], shown["accepted"], shown["rejected"]) == (2, 0, 0)


def test_person_model_known_model_scores_a_part_as_the_whole_run_did() -> None:
    """A neighbourhood scored with the model the whole collection trained (as relink scores it
    after ``kartoteka resolve``) gets the whole run's probabilities, not a small sample's."""
    from kartoteka.resolve.scoring import MIN_PROFILES_TO_TRAIN, KnownModel
    from tests.resolve.test_incremental import crowd

    profiles = crowd(MIN_PROFILES_TO_TRAIN + 50)
    whole = link_profiles(profiles)
    assert whole.learnt is not None and whole.learnt.trained and whole.term_frequencies
    # A trained model returns no pair under the candidate floor (0.1): the part is one whose
    # pairs score above it, the Anna Zaitsevas of both scripts (the Orlovs are namesakes).
    part = [p for p in profiles if p.surname in ("Zaitseva", "Зайцевa")][:40]
    keys = {p.key for p in part}
    known = KnownModel(whole.learnt.comparisons, len(profiles), whole.term_frequencies)
    alone = {(q.a, q.b): q.probability for q in link_profiles(part).pairs}
    scored = {(q.a, q.b): q.probability for q in link_profiles(part, known=known).pairs}
    full = {(q.a, q.b): q.probability for q in whole.pairs if {q.a, q.b} <= keys}
    shared = scored.keys() & full.keys()
    assert len(shared) > 20
    assert all(abs(scored[k] - full[k]) < 1e-9 for k in shared)
    assert any(abs(alone[k] - full[k]) > 0.01 for k in shared if k in alone)


def test_person_model_threshold_carries_to_a_neighbourhoods_odds() -> None:
    """A line learnt over a collection where one pair in 100 matches, used where one in 3 does:
    a pair with the refused pairs' evidence stays under it, one with a bit more passes."""
    from kartoteka.resolve.learning import threshold_at

    def probability(bits: float, chance: float) -> float:
        odds = 2.0 ** bits * chance / (1.0 - chance)
        return odds / (1.0 + odds)

    refused = probability(12.0, 0.01)  # 12 bits of evidence at one in 100
    learnt = raised_threshold([refused] * MIN_LABELLED_PAIRS, 0.9)
    assert learnt is not None and learnt > refused
    here = threshold_at(learnt, 0.9, 0.01, 1 / 3)
    assert probability(12.0, 1 / 3) < here < probability(12.01, 1 / 3)
    assert threshold_at(0.9, 0.9, 0.01, 1 / 3) == 0.9  # nothing raised: the default line
