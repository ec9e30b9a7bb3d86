"""The UI in Debian's chromium (Playwright), against uvicorn serving a copy of the test database.

Screenshots of the card, reader, graph and institution page go to ``test-artifacts/``.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.web.conftest import MEMOIR, ORG_NKVD, PASSWORDS, Fixture, entity

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.browser

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)",
                allow_module_level=True)

if os.environ.get("CI"):
    from playwright import sync_api  # in CI a missing Playwright is an error, not a skip
else:
    sync_api = pytest.importorskip("playwright.sync_api")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(settings: object) -> Iterator[str]:
    """uvicorn in a thread on a free local port, serving the app with ``settings``."""
    import uvicorn

    from kartoteka.web.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def server(fixture_db: Fixture) -> Iterator[str]:
    """The app over the fixture database, served locally."""
    from kartoteka.web.app import WebSettings

    with serving(WebSettings(db=str(fixture_db.path))) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    playwright = sync_api.sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                          args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def page(browser, server: str) -> Iterator[object]:  # noqa: ANN001
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15000)
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.dialogs = dialogs
    yield tab
    context.close()


def log_in(page, user: str) -> None:  # noqa: ANN001
    page.goto("/login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", PASSWORDS[user])
    page.click("#login-form button[type=submit]")
    page.wait_for_url("**/persons")


def shot(page, name: str) -> None:  # noqa: ANN001
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_browser_search_card_claim_reader(page, fixture_db: Fixture) -> None:  # noqa: ANN001
    log_in(page, "vera")
    page.fill("header input[name=q]", "Yezhov")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Yezhov")
    page.click("a.hit >> nth=0")
    page.wait_for_url(f"**/persons/{entity('yezhov')}")
    assert page.inner_text("h1").startswith("Nikolai Yezhov")
    assert page.locator("#names td", has_text="Ежов").count() >= 1
    shot(page, "card")
    claim = fixture_db.claims["yezhov-shot-1940"]
    page.click(f"#claim-{claim} a.passage")
    page.wait_for_url(f"**/documents/{fixture_db.memoir}?highlight=*#hl")
    marked = page.locator("#hl")
    assert marked.is_visible()
    lit = "".join(page.locator(".reader .hl").all_inner_texts())
    assert lit == "Shpigelglas told me that Yezhov was shot in 1940."
    assert "told by Shpigelglas" in page.inner_text(".reader")
    shot(page, "reader")


def test_browser_merge_then_undo(page) -> None:  # noqa: ANN001
    log_in(page, "eddie")
    page.goto(f"/persons/{entity('yagoda')}")
    page.fill("#merge-other", entity("lyushkov"))
    page.click("#merge-form button[type=submit]")
    page.wait_for_selector("#undo-last")
    forms = page.inner_text("#names")
    assert "Genrikh Yagoda" in forms and "Genrikh Lyushkov" in forms
    page.click("#undo-last")
    page.wait_for_selector(".notice")
    page.goto("/persons")
    names = page.locator("table.persons tbody td:first-child a").all_inner_texts()
    assert "Genrikh Yagoda" in names and "Genrikh Lyushkov" in names
    page.goto("/audit")
    assert page.locator("table.audit tr.undone").count() == 1


def test_browser_viewer_cannot_edit(page) -> None:  # noqa: ANN001
    log_in(page, "vera")
    page.goto(f"/persons/{entity('yagoda')}")
    assert page.locator("#merge-form").count() == 0
    status = page.evaluate("""async (url) => {
        const token = document.querySelector('meta[name=csrf-token]').content;
        const reply = await fetch(url, {method: 'POST', headers: {
            'Content-Type': 'application/json', 'X-CSRF-Token': token},
            body: JSON.stringify({label: 'Changed'})});
        return reply.status;
    }""", f"/api/persons/{entity('yagoda')}/rename")
    assert status == 403
    page.reload()
    assert page.inner_text("h1").startswith("Genrikh Yagoda")


def test_browser_form_without_csrf_token_is_refused(page) -> None:  # noqa: ANN001
    log_in(page, "eddie")
    page.goto(f"/persons/{entity('yagoda')}")
    page.evaluate("document.querySelector('#rename-form input[name=csrf_token]').remove()")
    page.fill("#rename-form input[name=label]", "Forged name")
    page.click("#rename-form button[type=submit]")
    page.wait_for_load_state()
    assert "CSRF" in page.inner_text("main")
    page.goto(f"/persons/{entity('yagoda')}")
    assert page.inner_text("h1").startswith("Genrikh Yagoda")


def test_browser_script_in_a_source_renders_as_text(page, fixture_db: Fixture) -> None:  # noqa: ANN001
    log_in(page, "vera")
    page.goto(f"/documents/{fixture_db.memoir}")
    text = page.inner_text(".reader")
    assert "Someone wrote <script>alert('owned')</script> on the wall" in text
    assert page.dialogs == []
    assert page.locator(".reader script").count() == 0
    assert MEMOIR.count("\n\n") + 1 == page.locator(".reader p.para").count()


def test_browser_review_keys_accept_and_reject(page) -> None:  # noqa: ANN001
    log_in(page, "eddie")
    page.goto("/review")
    page.wait_for_selector("li.entry.current")
    page.keyboard.press("a")
    page.wait_for_selector("li.entry.done.accepted")
    page.keyboard.press("j")
    page.keyboard.press("r")
    page.wait_for_selector("li.entry.done.rejected")
    page.goto("/audit")
    assert page.locator("table.audit tbody tr").count() == 2


def test_browser_graph_and_institution(page) -> None:  # noqa: ANN001
    log_in(page, "vera")
    page.goto("/graph")
    assert page.locator("svg#graph .node").count() == 3
    assert page.locator("svg#graph line.edge").count() == 3
    page.hover(f"svg#graph .node[data-id='{ORG_NKVD}'] circle")
    assert page.locator("svg#graph line.edge.lit").count() == 2
    shot(page, "graph")
    page.goto(f"/institutions/{ORG_NKVD}")
    assert "Of the 2 people of NKVD" in page.inner_text("#fate-summary")
    assert page.locator("#fate-chart rect.bar").count() == 2
    shot(page, "institution")
