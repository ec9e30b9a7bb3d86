"""Curation through the API and forms, the review queue and the audit log."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import Fixture, entity

Editor = tuple[TestClient, str]


def post(editor: Editor, url: str, body: dict | None = None, status: int = 200) -> dict:
    client, token = editor
    reply = client.post(url, json=body or {}, headers={"X-CSRF-Token": token})
    assert reply.status_code == status, reply.text
    return reply.json()


def person_labels(client: TestClient) -> list[str]:
    return [r["label"] for r in client.get("/persons.json").json()["rows"]]


def entity_holding(client: TestClient, label: str) -> str:
    [row] = [r for r in client.get("/persons.json").json()["rows"] if r["label"] == label]
    return row["id"]


def test_curate_merge_then_undo_brings_both_back(editor_client: Editor) -> None:
    client, _ = editor_client
    yagoda, lyushkov = entity_holding(client, "Genrikh Yagoda"), entity_holding(
        client, "Genrikh Lyushkov")
    merged = post(editor_client, f"/api/persons/{yagoda}/merge", {"other": lyushkov})
    assert merged["edit"]["action"] == "merge" and merged["edit"]["user"] == "eddie"
    kept = merged["redirect"].rsplit("/", 1)[1]
    names = client.get(f"/persons/{kept}.json").json()["names"]
    assert "Genrikh Yagoda" in names and "Genrikh Lyushkov" in names
    assert not {"Genrikh Yagoda", "Genrikh Lyushkov"} <= set(person_labels(client))
    post(editor_client, f"/api/edits/{merged['edit']['id']}/undo")
    # Re-resolution after the undo may join others by itself (Lushkov with Lyushkov, say);
    # what the undo owes is the two people it had joined, apart again.
    assert entity_holding(client, "Genrikh Yagoda") != entity_holding(client, "Genrikh Lyushkov")
    assert {"Nikolai Yezhov", "Shpigelglas"} <= set(person_labels(client))


def test_curate_form_merge_redirects_with_an_undo_offer(editor_client: Editor) -> None:
    client, token = editor_client
    yagoda, lyushkov = entity("yagoda"), entity("lyushkov")
    reply = client.post(f"/api/persons/{yagoda}/merge",
                        data={"other": lyushkov, "csrf_token": token,
                              "next": f"/persons/{yagoda}"}, follow_redirects=False)
    assert reply.status_code == 303
    assert reply.headers["location"] == f"/persons/{yagoda}?edit=1"
    page = client.get(reply.headers["location"]).text
    assert 'action="/api/edits/1/undo"' in page and 'id="undo-last"' in page


def test_curate_split_separates_profiles(editor_client: Editor, fixture_db: Fixture) -> None:
    client, _ = editor_client
    yezhov = entity("yezhov")
    result = post(editor_client, f"/api/persons/{yezhov}/split",
                  {"profiles": [fixture_db.profiles["record-yezhov"]]})
    assert result["edit"]["payload"]["moved"] == [fixture_db.profiles["record-yezhov"]]
    labels = person_labels(client)
    assert "Nikolai Yezhov" in labels and "Николай Ежов" in labels


def test_curate_split_from_a_form_sends_the_checked_profiles(editor_client: Editor,
                                                            fixture_db: Fixture) -> None:
    client, token = editor_client
    reply = client.post(f"/api/persons/{entity('yezhov')}/split",
                        data={"profiles": [fixture_db.profiles["record-yezhov"]],
                              "csrf_token": token}, follow_redirects=False)
    assert reply.status_code == 303
    assert "Николай Ежов" in person_labels(client)


def test_curate_rename_sets_the_label(editor_client: Editor) -> None:
    client, _ = editor_client
    post(editor_client, f"/api/persons/{entity('yezhov')}/rename",
         {"label": "  Nikolai   Ivanovich Yezhov "})
    assert client.get(f"/persons/{entity('yezhov')}.json").json()["entity"]["label"] == \
        "Nikolai Ivanovich Yezhov"


@pytest.mark.parametrize("status", ["accepted", "rejected"])
def test_curate_claim_status(editor_client: Editor, fixture_db: Fixture, status: str) -> None:
    client, _ = editor_client
    claim = fixture_db.claims["yezhov-head"]
    post(editor_client, f"/api/claims/{claim}/status", {"status": status})
    timeline = client.get(f"/persons/{entity('yezhov')}.json").json()["timeline"]
    assert {c["id"]: c["status"] for c in timeline}[claim] == status


def test_curate_claim_edit_changes_only_what_differs(editor_client: Editor,
                                                    fixture_db: Fixture) -> None:
    client, token = editor_client
    claim = fixture_db.claims["yezhov-shot-1940"]
    reply = client.post(f"/api/claims/{claim}/edit", follow_redirects=False, data={
        "csrf_token": token, "type": "execution", "date": "1940-02-04", "role": "",
        "polarity": "affirmed"})
    assert reply.status_code == 303
    [edit] = client.get("/audit.json").json()["edits"]
    assert edit["payload"]["fields"] == {"date": "1940-02-04"}
    assert edit["payload"]["before"] == {"date": "1940"}


@pytest.mark.parametrize(("body", "status"), [
    ({"status": "maybe"}, 422), ({}, 422),
])
def test_curate_claim_status_validates(editor_client: Editor, fixture_db: Fixture, body: dict,
                                       status: int) -> None:
    post(editor_client, f"/api/claims/{fixture_db.claims['trust']}/status", body, status)


@pytest.mark.parametrize(("url", "body"), [
    ("/api/claims/cnothing/status", {"status": "accepted"}),
    ("/api/persons/pnothing/rename", {"label": "X"}),
    (f"/api/persons/{entity('yagoda')}/merge", {"other": entity("yagoda")}),
    ("/api/edits/999/undo", {}),
    ("/api/claims/cnothing/edit", {"date": "1937"}),
])
def test_curate_impossible_requests_are_400(editor_client: Editor, url: str, body: dict
                                           ) -> None:
    assert "detail" in post(editor_client, url, body, 400)


def test_curate_claim_edit_refuses_an_unknown_type(editor_client: Editor,
                                                  fixture_db: Fixture) -> None:
    post(editor_client, f"/api/claims/{fixture_db.claims['trust']}/edit",
         {"type": "promotion"}, 422)


def test_curate_authority_link_and_unlink(editor_client: Editor) -> None:
    client, _ = editor_client
    yezhov = entity("yezhov")
    post(editor_client, f"/api/persons/{yezhov}/authority",
         {"source": "wikidata", "record_id": "Q-new"})
    links = client.get(f"/persons/{yezhov}.json").json()["authority"]
    assert [(a["source"], a["id"]) for a in links] == [("wikidata", "Q-new")]
    assert links[0]["decided_by"]["notes"] == ["decided by: hand"]  # no comparisons: by hand
    post(editor_client, f"/api/persons/{yezhov}/authority",
         {"source": "wikidata", "record_id": "Q-new", "link": False})
    assert client.get(f"/persons/{yezhov}.json").json()["authority"] == []


def review_ids(client: TestClient) -> set[str]:
    return {e["id"] for e in client.get("/review.json").json()["entries"]}


def test_review_queue_holds_merges_authority_links_and_weak_claims(
        client: TestClient, fixture_db: Fixture) -> None:
    entries = {e["kind"]: e for e in client.get("/review.json").json()["entries"]}
    assert set(entries) == {"merge", "authority", "claim"}
    assert entries["merge"]["features"] == {"surname": "Jaro-Winkler 0.93", "given": "missing"}
    assert entries["authority"]["left_entity"]["label"] == "Nikolai Yezhov"
    claims = [e["keys"][0] for e in client.get("/review.json").json()["entries"]
              if e["kind"] == "claim"]
    assert claims == [fixture_db.claims["lushkov-letter"], fixture_db.claims["trust"]]


def test_review_answers_take_entries_off_the_queue(editor_client: Editor,
                                                   fixture_db: Fixture) -> None:
    client, _ = editor_client
    before = review_ids(client)
    post(editor_client, f"/api/claims/{fixture_db.claims['trust']}/status",
         {"status": "accepted"})
    post(editor_client, f"/api/persons/{entity('yezhov')}/authority",
         {"source": "wikidata", "record_id": "Q-test-yezhov", "link": "false"})
    a, b = sorted((fixture_db.profiles["memoir-lyushkov"], fixture_db.profiles["letter-lushkov"]))
    post(editor_client, "/api/links/decide", {"a": a, "b": b, "same": False})
    assert review_ids(client) == before - {
        f"claim:{fixture_db.claims['trust']}",
        f"authority:{fixture_db.profiles['memoir-yezhov']}:wikidata:Q-test-yezhov",
        f"merge:{a}:{b}"}


def test_review_page_is_keyboard_driven_for_editors(editor_client: Editor) -> None:
    client, _ = editor_client
    page = client.get("/review").text
    assert '<kbd>j</kbd>' in page and page.count('data-verdict="accept"') == 4
    assert page.count('class="entry ') == 4


def test_review_page_has_no_buttons_for_viewers(client: TestClient) -> None:
    page = client.get("/review").text
    assert 'data-verdict' not in page and page.count('class="entry ') == 4


def test_audit_log_lists_edits_with_who_and_undo(editor_client: Editor) -> None:
    client, _ = editor_client
    first = post(editor_client, f"/api/persons/{entity('yagoda')}/rename", {"label": "G. Yagoda"})
    post(editor_client, f"/api/edits/{first['edit']['id']}/undo")
    log = client.get("/audit.json").json()
    assert [(e["action"], e["user"], e["in_force"], e["undoable"]) for e in log["edits"]] == [
        ("undo", "eddie", True, True), ("rename", "eddie", False, False)]
    page = client.get("/audit").text
    assert page.count("/undo\"") == 1 and 'class="undone"' in page


def test_curate_concurrent_undos_of_one_edit_give_one_success_and_409s(
        editor_client: Editor) -> None:
    client, token = editor_client
    headers = {"X-CSRF-Token": token}
    edit = client.post(f"/api/persons/{entity('yagoda')}/rename", json={"label": "G. Yagoda"},
                       headers=headers).json()["edit"]["id"]
    start = threading.Barrier(10)

    def race(_: int) -> int:
        start.wait()
        return client.post(f"/api/edits/{edit}/undo", json={}, headers=headers).status_code

    with ThreadPoolExecutor(10) as pool:
        codes = sorted(pool.map(race, range(10)))
    assert codes == [200] + [409] * 9
    log = client.get("/audit.json").json()["edits"]
    assert [e["reverts"] for e in log if e["action"] == "undo"] == [edit]
    again = client.post(f"/api/edits/{edit}/undo", json={}, headers=headers)
    assert again.status_code == 409 and "not in force" in again.json()["detail"]
