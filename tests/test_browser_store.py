"""Saved scenarios in a real browser: two ``streamlit run app.py`` servers on one throwaway PostgreSQL, Chromium.

Anna changes I5's hours saved per citizen with a note and saves the
scenario through server A; changes the weeks a year too (not saved) and
reloads her page: the saved change, the unsaved one and both notes are back
(her tab's draft). A colleague in a second browser context opens the
scenario's link on server B: the saved version, without Anna's unsaved work.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from conftest import CASES
from streamlit_server import streamlit_server
from test_browser import TIMEOUT_MS, WIDTH, _metric, _settle, browser  # noqa: F401

from model import evaluate, format_amount, load_case

pytestmark = pytest.mark.browser

HOURS = "Sparet tid pr. borger pr. uge (loftlift) (timer/uge)"
WEEKS = "Uger pr. år (uger)"


@pytest.fixture(scope="module")
def servers(postgres, tmp_path_factory: pytest.TempPathFactory):
    """Two app servers on different ports, one PostgreSQL database."""
    env = {"WORKBENCH_DATABASE_URL": postgres.create_database()}
    folder = tmp_path_factory.mktemp("streamlit-store")
    with streamlit_server(folder, env) as first, streamlit_server(folder, env) as second:
        yield first, second


def _first_load(page, url: str) -> None:
    """Open ``url``; a server's first run (imports, migrations, the cases) may take long on a busy machine."""
    page.goto(url)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=180_000)
    _settle(page)


def _pick_i5(page) -> None:
    page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="I5 · 2 til 1 i hjemmeplejen ved hjælp af loftslifte og mobile lifte").click()
    _settle(page)


def _type(field, text: str) -> None:
    field.fill(text)
    field.press("Enter")
    field.evaluate("element => element.blur()")


def test_save_reload_and_open_on_the_other_server(servers, browser):  # noqa: F811
    from playwright.sync_api import expect

    server_a, server_b = servers
    anna = browser.new_context(viewport={"width": WIDTH, "height": 1000}, locale="da-DK")
    page = anna.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    _first_load(page, f"{server_a}/business-case")
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_text("ikke gemt", exact=True)).to_be_visible()
    _pick_i5(page)
    _type(sidebar.get_by_role("textbox", name="Dit navn (til historikken)"), "Anna")
    _settle(page)
    _type(page.get_by_role("textbox", name=HOURS, exact=True), "3")
    _settle(page)
    _type(page.get_by_role("textbox", name="Hvorfor?").first, "målt i 2024")
    _settle(page)
    expect(sidebar.get_by_text("ikke gemte ændringer")).to_be_visible()

    sidebar.get_by_role("button", name="Gem som").click()
    page.get_by_role("textbox", name="Navn", exact=True).fill("Browser-scenarie")
    page.get_by_role("button", name="Gem som nyt scenarie").click()
    _settle(page)
    expect(sidebar.get_by_text("Browser-scenarie")).to_be_visible()
    expect(sidebar.get_by_text("version 1")).to_be_visible()
    expect(sidebar.get_by_text("ikke gemte ændringer")).to_have_count(0)
    query = parse_qs(urlparse(page.url).query)
    scenario_id = query["scenario"][0]
    assert len(scenario_id) == 36 and len(query["draft"][0]) == 36

    # Not saved: the weeks a year, with a note; then reload the page (the URL carries scenario and draft).
    _type(page.get_by_role("textbox", name=WEEKS, exact=True), "48")
    _settle(page)
    _type(page.get_by_role("textbox", name="Hvorfor?").nth(1), "ferie og kurser")
    _settle(page)
    expect(sidebar.get_by_text("ikke gemte ændringer")).to_be_visible()
    page.reload()
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=120_000)
    _settle(page)
    _pick_i5(page)
    expect(page.get_by_role("textbox", name=HOURS, exact=True)).to_have_value("3")
    expect(page.get_by_role("textbox", name=WEEKS, exact=True)).to_have_value("48")
    expect(page.get_by_role("textbox", name="Hvorfor?").first).to_have_value("målt i 2024")
    expect(page.get_by_role("textbox", name="Hvorfor?").nth(1)).to_have_value("ferie og kurser")
    expect(sidebar.get_by_text("ikke gemte ændringer")).to_be_visible()
    both = evaluate(load_case(CASES / "i5.yaml").with_values({"timer_pr_uge": 3.0, "uger_pr_aar": 48.0})).kpis
    expect(_metric(page, "Varig effektivisering netto")).to_have_text(format_amount(both.net_permanent))

    # A colleague opens the scenario's link in another browser, through the other server: the saved version.
    colleague = browser.new_context(viewport={"width": WIDTH, "height": 1000}, locale="da-DK")
    other = colleague.new_page()
    other.set_default_timeout(TIMEOUT_MS)
    _first_load(other, f"{server_b}/business-case?scenario={scenario_id}")
    _pick_i5(other)
    other_sidebar = other.locator('[data-testid="stSidebar"]')
    expect(other_sidebar.get_by_text("Browser-scenarie")).to_be_visible()
    expect(other.get_by_role("textbox", name=HOURS, exact=True)).to_have_value("3")
    expect(other.get_by_role("textbox", name=WEEKS, exact=True)).to_have_value("52")
    expect(other.get_by_role("textbox", name="Hvorfor?")).to_have_count(1)
    expect(other.get_by_role("textbox", name="Hvorfor?")).to_have_value("målt i 2024")
    expect(other_sidebar.get_by_text("ikke gemte ændringer")).to_have_count(0)
    # By hand: -1.935 - 80 × 1 h × 52 × 355,13 kr. / 1.000 = -3.412,3.
    saved = evaluate(load_case(CASES / "i5.yaml").with_values({"timer_pr_uge": 3.0})).kpis
    expect(_metric(other, "Varig effektivisering netto")).to_have_text(format_amount(saved.net_permanent))
    assert format_amount(saved.net_permanent) == "-3.412"
    anna.close()
    colleague.close()
