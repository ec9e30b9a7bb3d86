"""The writer's memo of scored pairs and linkage records: the same answers, bounded memory."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from kartoteka.resolve import incremental_memo
from kartoteka.resolve.across import link_profiles
from kartoteka.resolve.incremental import attach_profiles
from kartoteka.resolve.incremental_memo import PairMemo, RowMemo
from tests.resolve.test_incremental import crowd, person


def _answer(attached) -> tuple:  # noqa: ANN001
    return (attached.entity_of, attached.groups, attached.bridges,
            sorted((q.a, q.b, q.probability, q.decision, repr(sorted(q.features.items())))
                   for q in attached.pairs))


@pytest.fixture
def fresh_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(incremental_memo, "ROWS", RowMemo())
    monkeypatch.setattr(incremental_memo, "PAIRS", PairMemo())
    import kartoteka.resolve.incremental as incremental

    monkeypatch.setattr(incremental, "_ROWS", incremental_memo.ROWS)
    monkeypatch.setattr(incremental, "_PAIRS", incremental_memo.PAIRS)


def _entities(stored: list) -> dict[str, str]:
    return {p.key: f"E-{p.label.split()[-1]}" for p in stored}


def test_incremental_memo_gives_the_answer_scoring_anew_gives(fresh_memo: None) -> None:
    profiles = crowd(80, seed=11)
    stored = profiles[:60]
    # File after file, as the writer links them: each batch meets the same stored pairs again,
    # under a chance of a match that moves with the neighbourhood's size.
    for start in range(60, 80, 5):
        new = profiles[start:start + 5]
        remembered = attach_profiles(new, stored, _entities(stored))
        incremental_memo.PAIRS.known.clear()
        incremental_memo.ROWS.known.clear()
        anew = attach_profiles(new, stored, _entities(stored))
        assert _answer(remembered) == _answer(anew)
        stored = stored[5:] + new  # a different neighbourhood size next time
    assert incremental_memo.PAIRS.known


def test_incremental_memo_scores_a_changed_profile_again(fresh_memo: None) -> None:
    stored = [person("a1", "Ivan Orlov", surname="Orlov", given="Ivan", birth_year=1894)]
    new = [person("n1", "Ivan Orlov", surname="Orlov", given="Ivan", birth_year=1894)]
    before = attach_profiles(new, stored, {"a1": "E1"})
    assert before.entity_of == {"n1": "E1"}
    # The same key, edited: born fifty years later is not the same man.
    edited = [dataclasses.replace(stored[0], birth_year=1944, given="Pyotr",
                                  label="Pyotr Orlov")]
    after = attach_profiles(new, edited, {"a1": "E1"})
    assert after.entity_of != before.entity_of or \
        max(q.probability for q in after.pairs) < max(q.probability for q in before.pairs)
    incremental_memo.PAIRS.known.clear()
    incremental_memo.ROWS.known.clear()
    assert _answer(attach_profiles(new, edited, {"a1": "E1"})) == _answer(after)


def test_incremental_memo_stays_within_its_limit() -> None:
    rows, pairs = RowMemo(limit=8), PairMemo(limit=8)
    profiles = crowd(30, seed=5)
    parts, out, held = rows.rows(profiles)
    assert len(rows.known) <= 8
    assert len(out) == len(profiles) and set(parts) == set(held) == {p.key for p in profiles}
    token = pairs.token({"x": [(0.9, 0.1)]})
    for i in range(20):
        a, b = profiles[i], profiles[i + 1]
        row = {"unique_id": a.key}
        pairs.keep(a.key, b.key, a, b, token, None, row, row,
                   {"match_weight": 0.0, **{f"{k}_{name}": 0 for name in
                                            incremental_memo.LEVELS for k in
                                            ("mw", "mw_tf_adj", "gamma")}}, None, None)
    assert len(pairs.known) <= 8
    # The newest are the ones kept.
    assert (profiles[19].key, profiles[20].key) in pairs.known


def test_incremental_memo_scores_again_under_other_weights(fresh_memo: None) -> None:
    profiles = crowd(45, seed=2)
    stored, new = profiles[:40], profiles[40:]
    attach_profiles(new, stored, _entities(stored))  # remembered under the prior's m and u
    model = copy.deepcopy(link_profiles(profiles).model)
    for comparison in model["comparisons"]:  # as if trained elsewhere: other m and u
        for level in comparison["comparison_levels"]:
            if level.get("m_probability") is not None:
                level["m_probability"] = level["m_probability"] ** 2
    trained = attach_profiles(new, stored, _entities(stored), model=model)
    incremental_memo.PAIRS.known.clear()
    assert _answer(trained) == _answer(attach_profiles(new, stored, _entities(stored),
                                                       model=model))
