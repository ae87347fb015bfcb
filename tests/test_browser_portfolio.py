"""The Portefølje page in a real browser (Playwright + Debian's Chromium), with its screenshot.

Reuses the server, browser and screenshot helpers of ``tests/test_browser.py``:
opens the page, sets a service budget of 6.000 (1.000 kr.) in total and an
anlæg limit of 30.000 in 2017, sees the funded cases become the model's
answer (I3 and I5; hand-checked in ``tests/test_choice_cases.py``), and takes
a full-page screenshot (``docs/screenshots/portefoelje.png`` with
``UPDATE_SCREENSHOTS=1``).
"""

from __future__ import annotations

import pytest
from conftest import CASES
from test_browser import TIMEOUT_MS, WIDTH, _go, _metric, _screenshot, _settle, browser, screenshots, server  # noqa: F401

from model import ChoiceOptions, choose, evaluate_paths

pytestmark = pytest.mark.browser


def _mode(page, pool: str, mode: str) -> None:
    """Choose a pool's budget mode (a segmented control: a radio group named by the pool)."""
    page.get_by_role("radiogroup", name=pool, exact=True).get_by_role("radio", name=mode, exact=True).click()
    _settle(page)


def test_budgets_change_the_choice_and_screenshot(server, browser, screenshots):  # noqa: F811
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": WIDTH, "height": 1000}, locale="da-DK")
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(server)
    _settle(page)
    _go(page, "Portefølje")

    documents = evaluate_paths([CASES]).results
    expect(_metric(page, "Valgte cases")).to_have_text(", ".join(choose(documents).chosen))
    expect(page.locator('[data-testid="stDataFrame"] table').nth(2)).to_contain_text("I1 + I4")

    _mode(page, "Drift (investeringspuljen)", "I alt")
    field = page.get_by_role("textbox", name="Loft i alt (1.000 kr.)", exact=True)
    field.fill("6.000")
    field.press("Enter")
    _settle(page)

    _mode(page, "Anlæg", "Pr. år")
    field = page.get_by_role("textbox", name="Loft 2017 (1.000 kr.)", exact=True)
    field.fill("30.000")
    field.press("Enter")
    field.evaluate("element => element.blur()")
    _settle(page)

    years = sorted({y for r in documents for y in r.years})
    need = {y: sum(float(r.flows.capital_investment[r.years.index(y)]) for r in documents if y in r.years) for y in years}
    model = choose(documents, ChoiceOptions(budgets={"service": 6000.0, "anlaeg": {**need, 2017: 30000.0}}))
    assert model.chosen == ("I3", "I5")
    expect(_metric(page, "Valgte cases")).to_have_text("I3, I5")
    expect(page.locator('[data-testid="stDataFrame"] table').first).to_contain_text("ville blive 49.166 (loft 30.000)")
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible()
    _screenshot(page, screenshots, "portefoelje")
    page.close()
