"""The workbench in a real browser: ``streamlit run app.py`` driven by Playwright and Debian's Chromium.

Finds the overview's totals, changes an assumption on the Business case page
and sees the payback time and the net permanent effect move to the model's
figures (and beside them the same with optimism bias), and takes a full-page screenshot of every page: into
``docs/screenshots/`` (shown in the README) when ``UPDATE_SCREENSHOTS=1``,
else into a temporary folder, so an ordinary test run leaves the repository
as it was::

    UPDATE_SCREENSHOTS=1 python -m pytest tests/test_browser.py
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CASES, ROOT
from streamlit_process import CHROMIUM, CHROMIUM_ARGS
from streamlit_server import streamlit_server

from model import apply_optimism_bias, evaluate, evaluate_paths, format_amount, load_case
from ui.tables import payback_text

pytestmark = pytest.mark.browser

DOCS_SCREENSHOTS = ROOT / "docs" / "screenshots"
WIDTH = 1600
TIMEOUT_MS = 30_000
MINUTES_LABEL = "Sparet tid pr. hold pr. vagtoverdragelse på plejecentre (min.)"
CHANGE = {"minutter_plejecenter": 15.0}  # "is it really 20 minutes per handover?"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``streamlit run app.py`` on a free port (tests/streamlit_server.py); stopped when the module's tests are done."""
    with streamlit_server(tmp_path_factory.mktemp("streamlit")) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.fail(f"no Chromium at {CHROMIUM}: run scripts/install-system-deps.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _settle(page) -> None:
    """Wait until the script has run and the charts are drawn."""
    page.wait_for_timeout(300)  # a rerun may not have started yet
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=TIMEOUT_MS)
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
                 .every(chart => chart.offsetParent === null || chart.querySelector('canvas, svg'))""",
        timeout=TIMEOUT_MS,
    )
    page.wait_for_timeout(500)


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the screenshots go: docs/screenshots with ``UPDATE_SCREENSHOTS=1``, else a temporary folder."""
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        return DOCS_SCREENSHOTS
    return tmp_path_factory.mktemp("screenshots")


def _screenshot(page, folder: Path, name: str) -> Path:
    """A full-page screenshot: the viewport grows to the app's scrolling content first."""
    _settle(page)
    height = page.evaluate(
        """() => { const main = document.querySelector('[data-testid="stMain"]');
                   return Math.max(main ? main.scrollHeight : 0, document.body.scrollHeight); }"""
    )
    page.set_viewport_size({"width": WIDTH, "height": min(int(height) + 40, 16_000)})
    page.wait_for_timeout(800)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": WIDTH, "height": 1000})
    assert path.stat().st_size > 10_000, f"{name}: the screenshot is (nearly) empty"
    return path


def _go(page, title: str) -> None:
    """Open a page through the sidebar navigation (the same session, so changes stay)."""
    page.locator('[data-testid="stSidebarNavLink"]', has=page.locator(f'span[label="{title}"]')).click()
    _settle(page)


def _pick(page, case_id: str) -> None:
    """Choose a case in the page's first select box (the case picker).

    A rerun that ends just after the click (an upload's, say) redraws the box and closes its list,
    so the box is opened again until the option shows, three times at most.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first
    option = page.get_by_role("option", name=re.compile(f"^{re.escape(case_id)} · "))
    for attempt in range(3):
        box.click()
        try:
            option.wait_for(state="visible", timeout=TIMEOUT_MS // 3)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
            _settle(page)
    option.click()
    _settle(page)


def _metric(page, label: str):
    box = page.locator('[data-testid="stMetric"]').filter(has=page.locator('[data-testid="stMetricLabel"]', has_text=label))
    return box.locator('[data-testid="stMetricValue"]')


def test_overview_totals_then_change_an_assumption_and_screenshot_every_page(server, browser, screenshots):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": WIDTH, "height": 1000}, locale="da-DK")
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(server)
    _settle(page)

    # Oversigt: the totals of the document's first page (all six cases) or the model's.
    portfolio = evaluate_paths([CASES])
    total = portfolio.overview.total
    expected_totals = [format_amount(total.drift), format_amount(total.anlaeg), format_amount(total.net_permanent)]
    assert len(portfolio.results) == 6
    assert expected_totals == ["11.970", "54.246", "-14.565"]
    grid = page.locator('[data-testid="stTable"] table').first
    expect(grid).to_contain_text("I alt")
    text = grid.text_content()
    for figure in expected_totals:
        assert figure in text, f"{figure} not in the overview table"

    # Business case: I4, 15 instead of 20 minutes saved per handover on plejecentre; payback and net effect move.
    _go(page, "Business case")
    _pick(page, "I4")
    document = evaluate(load_case(CASES / "i4.yaml")).kpis
    expect(_metric(page, "Tilbagebetalingstid")).to_have_text(payback_text(document.payback_years))
    expect(_metric(page, "Varig effektivisering netto")).to_have_text(format_amount(document.net_permanent))

    field = page.get_by_role("textbox", name=MINUTES_LABEL, exact=True)
    field.fill("15")
    field.press("Enter")
    field.evaluate("element => element.blur()")
    changed = evaluate(load_case(CASES / "i4.yaml").with_values(CHANGE)).kpis
    assert changed.payback_years != document.payback_years and changed.net_permanent != document.net_permanent
    expect(_metric(page, "Tilbagebetalingstid")).to_have_text(payback_text(changed.payback_years))
    expect(_metric(page, "Varig effektivisering netto")).to_have_text(format_amount(changed.net_permanent))
    expect(page.get_by_role("button", name="Dokumentet: 20 min.")).to_be_visible()  # a click goes back to it

    # The same key figures with optimism bias, beside the plain ones.
    page.get_by_text("Vis med optimismetillæg", exact=True).click()
    _settle(page)
    case = load_case(CASES / "i4.yaml").with_values(CHANGE)
    adjusted = evaluate(apply_optimism_bias(case)).kpis
    expect(_metric(page, "Nutidsværdi m. tillæg")).to_have_text(format_amount(adjusted.npv))
    expect(_metric(page, "Tilb.tid m. tillæg")).to_have_text(payback_text(adjusted.payback_years))
    _screenshot(page, screenshots, "business-case")

    # The change holds on the other pages of the session.
    _go(page, "Sammenlign")
    kpis = page.locator('[data-testid="stDataFrame"] table').first
    expect(kpis).to_contain_text("I4 · Skærmteknologi – bedre flow- … (dokument)")
    _screenshot(page, screenshots, "sammenlign")
    _go(page, "Følsomhed")
    _pick(page, "I4")
    _screenshot(page, screenshots, "foelsomhed")
    _go(page, "Kontrol")
    expect(page.get_by_text("Kontrol af dokumenternes tal")).to_be_visible()
    _screenshot(page, screenshots, "kontrol")
    _go(page, "Oversigt")
    grid = page.locator('[data-testid="stTable"] table').first
    expect(grid).to_contain_text(format_amount(changed.net_permanent))
    expect(grid).to_contain_text("ændret")
    _screenshot(page, screenshots, "oversigt")
    page.close()
