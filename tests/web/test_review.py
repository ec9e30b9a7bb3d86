"""The review page and the card show the comparisons that decided a link: levels and weights."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from kartoteka.resolve.authority import AuthorityRecord, link_authority
from kartoteka.resolve.profile import Profile
from kartoteka.store.session import Store
from kartoteka.store.tables import AuthorityLinkRow
from kartoteka.web.comparisons import decided_by
from tests.web.conftest import Fixture, entity

# A made-up list: the record, and namesakes that make the surname's weight a real one.
RECORDS = [AuthorityRecord("wikidata", "Q-test-yezhov", "Ежов Николай Иванович", 1895, 1940),
           *(AuthorityRecord("wikidata", f"bg{i}", f"{stem} Иван Петрович", 1890 + i, 1938)
             for i, stem in enumerate(("Ежов", "Сидоров", "Карпов", "Фомин", "Лукин", "Титов")))]


def real_features(**parts: Any) -> tuple[float, dict[str, Any]]:
    """What the authority linker keeps for a profile and the record: real levels and weights."""
    profile = Profile(key="p", document_id="d", kind="person", label="Nikolai Yezhov",
                      names=["Nikolai Yezhov"], surname="Yezhov", given="Nikolai", **parts)
    match = next(m for m in link_authority([profile], RECORDS, review_threshold=0.01)
                 if m.record_id == "Q-test-yezhov")
    return match.probability, match.features


def set_link(fixture_db: Fixture, profile: str, record: str, probability: float,
             features: dict[str, Any]) -> None:
    with Store(fixture_db.path).session(write=True) as session:
        row = session.scalars(select(AuthorityLinkRow).where(
            AuthorityLinkRow.profile_key == fixture_db.profiles[profile],
            AuthorityLinkRow.record_id == record)).one()
        row.probability, row.features = probability, features


def test_comparisons_decided_by_orders_rows_and_keeps_notes() -> None:
    probability, features = real_features(patronymic="Ivanovich", birth_year=1895)
    features["ambiguous"] = True
    decided = decided_by(features, probability)
    assert decided is not None and decided.probability == probability
    names = [c.name for c in decided.comparisons]
    assert {"surname", "given", "patronymic", "birth_year"} <= set(names)
    assert "death_year" not in names  # nothing to compare: not shown
    weights = [abs(c.weight) for c in decided.comparisons]
    assert weights == sorted(weights, reverse=True)
    assert any("another candidate" in n for n in decided.notes)
    assert decided_by({}) is None and decided_by({"by": "hand"}).comparisons == []


def test_comparisons_decided_by_names_the_shared_field_and_the_far_death_day() -> None:
    features = {"occupation": {"level": "same field", "field": "medicine", "weight": 5.3},
                "death_date": {"level": "other day", "weight": -2.3},
                "days_apart": ["death_date"], "match_weight": 3.0}
    decided = decided_by(features, 0.9)
    assert decided is not None
    assert {c.name: c.level for c in decided.comparisons} == {
        "occupation": "same field (medicine)", "death_date": "other day"}
    assert any("more than a month" in n for n in decided.notes)


def test_comparisons_decided_by_says_the_rule_and_what_the_entity_lent() -> None:
    features = {"death_year": {"level": "exact", "weight": 1.1}, "match_weight": 3.7,
                "sole_namesake": "the list's only Зайончиков Яков; agreeing: death_year",
                "from_entity": "roles"}
    decided = decided_by(features, 0.93)
    assert decided is not None
    assert "linked as: the list's only Зайончиков Яков; agreeing: death_year" in decided.notes
    assert any(n.startswith("counted what other documents say") and n.endswith(": roles")
               for n in decided.notes)


def test_comparisons_decided_by_says_a_curator_chose_another_record() -> None:
    decided = decided_by({"surname": {"level": "exact", "weight": 9.0}, "match_weight": 9.0,
                          "by_hand_elsewhere": "5980"}, 0.99)
    assert decided is not None
    assert ("a curator linked this person to another record of the list: 5980"
            in decided.notes)


def test_review_page_shows_each_comparison_level_and_weight(
        client: TestClient, fixture_db: Fixture) -> None:
    # Birth years two apart: evidence against, shown with its (negative) weight.
    probability, features = real_features(patronymic="Ivanovich", birth_year=1897,
                                           death_year=1940)
    set_link(fixture_db, "memoir-yezhov", "Q-test-yezhov", probability, features)
    entry = next(e for e in client.get("/review.json").json()["entries"]
                 if e["kind"] == "authority")
    rows = {c["name"]: c for c in entry["decided_by"]["comparisons"]}
    assert rows["given"]["level"] == "exact" and rows["given"]["weight"] > 0
    assert rows["birth_year"]["level"] == "within 2 years" and rows["birth_year"]["weight"] < 0
    assert entry["decided_by"]["match_weight"] == round(features["match_weight"], 2)
    page = client.get("/review").text
    assert '<table class="comparisons">' in page
    assert "birth_year</th><td>within 2 years</td>" in page


def test_card_authority_link_shows_the_comparisons_that_linked_it(
        client: TestClient, fixture_db: Fixture) -> None:
    probability, features = real_features(patronymic="Ivanovich", birth_year=1895,
                                           death_year=1940)
    set_link(fixture_db, "memoir-yagoda", "Q-test-yagoda", probability, features)
    yagoda = entity("yagoda")
    link = client.get(f"/persons/{yagoda}.json").json()["authority"][0]
    assert link["decided_by"]["probability"] == probability
    assert {c["name"] for c in link["decided_by"]["comparisons"]} >= {"surname", "patronymic"}
    assert '<table class="comparisons">' in client.get(f"/persons/{yagoda}").text


def test_review_page_shows_the_model_recomputed_by_resolve(
        editor_client: tuple[TestClient, str], fixture_db: Fixture) -> None:
    """A reviewer accepts a scored link; ``kartoteka resolve`` recomputes the model from it and
    says so; the review page and its JSON show the model in use and what it learnt from."""
    from click.testing import CliRunner

    from kartoteka.cli import main

    client, token = editor_client
    probability, features = real_features(patronymic="Ivanovich", birth_year=1897)
    set_link(fixture_db, "memoir-yezhov", "Q-test-yezhov", probability, features)
    reply = client.post(f"/api/persons/{entity('yezhov')}/authority", headers={
        "X-CSRF-Token": token}, json={"source": "wikidata", "record_id": "Q-test-yezhov"})
    assert reply.status_code == 200, reply.text
    result = CliRunner().invoke(main, ["resolve", "--db", str(fixture_db.path)])
    assert result.exit_code == 0, result.output
    assert "authority model recomputed from 1 accepted and 0 rejected links" in result.output
    model = client.get("/review.json").json()["model"]
    assert (model["accepted"], model["rejected"], model["learnt"]) == (1, 0, [])
    assert model["computed_at"] and model["min_labelled"] == 20
    assert model["weights"]["given"]["exact"] > 0 > model["weights"]["given"]["else"]
    page = client.get("/review").text
    assert 'id="model"' in page and "from 1 accepted and 0 rejected links" in page


def test_review_page_shows_the_person_model_resolve_stored(
        editor_client: tuple[TestClient, str], fixture_db: Fixture) -> None:
    """Before ``kartoteka resolve`` the page says the prior is in use and counts the merge
    decisions; after it, the person model it stored (and ingest links with) is shown."""
    from click.testing import CliRunner

    from kartoteka.cli import main

    client, token = editor_client
    assert client.get("/review.json").json()["person_model"] is None
    a, b = fixture_db.profiles["memoir-yezhov"], fixture_db.profiles["record-yezhov"]
    reply = client.post("/api/links/decide", headers={"X-CSRF-Token": token},
                        json={"a": a, "b": b, "same": False})
    assert reply.status_code == 200, reply.text
    queue = client.get("/review.json").json()
    assert (queue["merges_accepted"], queue["merges_rejected"]) == (0, 1)
    assert 'id="person-model"' in client.get("/review").text
    result = CliRunner().invoke(main, ["resolve", "--db", str(fixture_db.path)])
    assert result.exit_code == 0, result.output
    person = client.get("/review.json").json()["person_model"]
    assert "person model recomputed on" in result.output
    assert f"on {person['profiles']} profiles (the prior) from 0 accepted and 1 rejected" \
        in result.output
    assert person["learnt"] == [] and person["link_threshold"] == person["base_threshold"]
    assert person["weights"]["surname"]["exact"] > 0 > person["weights"]["surname"]["else"]
    page = client.get("/review").text
    assert "Person model in use: the prior, from 0 accepted and 1 rejected merges" in page


def test_review_cli_lists_each_comparison_with_its_weight(fixture_db: Fixture) -> None:
    from click.testing import CliRunner

    from kartoteka.cli import main

    probability, features = real_features(patronymic="Ivanovich", birth_year=1897)
    set_link(fixture_db, "memoir-yezhov", "Q-test-yezhov", probability, features)
    result = CliRunner().invoke(main, ["review", "--db", str(fixture_db.path)])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "given=" in x and "{" not in x)
    assert f"given=exact {features['given']['weight']:+.1f}" in line
    assert "death_year=" not in line  # nothing compared: not listed
