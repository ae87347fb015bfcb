"""The Opfølgning page in a real browser (the server and browser of tests/test_browser.py): import a CSV of
actuals, see the forecast move to the model's figures, and take the page's screenshot
(docs/screenshots/opfoelgning.png with ``UPDATE_SCREENSHOTS=1``)."""

from __future__ import annotations

import pytest
from conftest import CASES
from test_browser import TIMEOUT_MS, WIDTH, _metric, _pick, _screenshot, _settle, browser, screenshots, server  # noqa: F401

from model import evaluate, format_amount, load_case
from model.realisation import realisation
from ui.tables import payback_text

pytestmark = pytest.mark.browser

HANDOVER = "Reduceret tid ved vagtskifte"
# Danish Excel: BOM, semicolons, thousands dots, CRLF
ACTUALS_CSV = (
    "\ufeffcase;line;year;actual\r\n"
    f"I4;{HANDOVER};2017;-9.000\r\n"
    f"I4;{HANDOVER};2018;-12.000\r\n"
    "I4;Indkøb af skærme;2017;7.500\r\n"
    "I5;Effektivisering, tidsmæssig gevinst;2017;-1.500\r\n"
    "I5;Projektledelse;2016;340\r\n"
).encode()


def test_import_actuals_and_follow_i4(server, browser, screenshots):  # noqa: F811
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": WIDTH, "height": 1000}, locale="da-DK")
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{server}/opfoelgning")
    # the server's first run imports and loads everything: give it time on a busy machine
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=4 * TIMEOUT_MS)
    _settle(page)
    expect(page.get_by_text("Statustavle")).to_be_visible()

    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        files=[{"name": "faktiske-tal.csv", "mimeType": "text/csv", "buffer": ACTUALS_CSV}]
    )
    _settle(page)
    expect(page.get_by_text("faktiske-tal.csv: 5 faktiske tal indlæst.")).to_be_visible()

    _pick(page, "I4")
    expected = realisation(
        evaluate(load_case(CASES / "i4.yaml")),
        {(HANDOVER, 2017): -9000.0, (HANDOVER, 2018): -12000.0, ("Indkøb af skærme", 2017): 7500.0},
    )
    # hand-checked in tests/test_realisation.py: NPV 24.268 (plan 29.079), payback 7 years (plan 6)
    expect(_metric(page, "Nutidsværdi, prognose")).to_have_text(format_amount(expected.forecast_npv))
    expect(_metric(page, "Tilbagebetalingstid, prognose")).to_have_text(payback_text(expected.forecast_payback_years))
    expect(page.get_by_text("Behov for ændringer", exact=True)).to_be_visible()
    assert format_amount(expected.forecast_npv) == "24.268"
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible()
    _screenshot(page, screenshots, "opfoelgning")
    page.close()


def test_opfoelgning_at_its_own_url_at_1400_px_with_nothing_cut(server, browser):  # noqa: F811
    from playwright.sync_api import expect
    from test_browser_fixes import _CUT, NARROW, _open

    page = _open(browser, f"{server}/opfoelgning")
    assert page.url.endswith("/opfoelgning")
    expect(page.get_by_text("Statustavle", exact=True)).to_be_visible()
    board = page.locator('[data-testid="stDataFrame"]').first
    widths = board.locator(".dvn-scroller").evaluate("s => [s.scrollWidth, s.clientWidth]")
    cut = page.evaluate(_CUT)
    assert widths[0] <= widths[1], f"the status board scrolls sideways at {NARROW} px: {widths}; cut: {cut}"
    assert cut == [], "cut labels on /opfoelgning"
    page.close()
