"""What a new user tripped over, in a real browser at 1.400 px: every page at its own URL, no column, chip or button cut.

Reuses the server and browser fixtures of ``tests/test_browser.py`` (its own
``streamlit run app.py`` on a free port, Debian's Chromium through Playwright).
"""

from __future__ import annotations

import pytest
from test_browser import TIMEOUT_MS, _settle, browser, server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

NARROW = 1400

#: Elements whose text is cut when they are narrower than it (scrollWidth > clientWidth).
_CUT = """() => [...document.querySelectorAll(
        'button p, button div, [data-baseweb="tag"] span, [data-testid="stMetricLabel"] *')]
    .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
    .map(e => e.textContent)"""


def _open(browser, url: str):  # noqa: F811
    page = browser.new_page(viewport={"width": NARROW, "height": 1000}, locale="da-DK")
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(url)
    _settle(page)
    return page


def test_overview_at_its_own_url_with_every_column_in_view(server, browser):  # noqa: F811
    from playwright.sync_api import expect

    page = _open(browser, f"{server}/oversigt")
    assert page.url.endswith("/oversigt")
    expect(page.get_by_text("Oversigt over investeringsbehov og afledte effektiviseringer på sigt")).to_be_visible()
    grid = page.locator('[data-testid="stTable"]').first
    text = grid.locator("table").text_content() or ""
    assert "Nutidsværdi" in text and "Årsværk" in text
    # No sideways scrolling: the table is no wider than its box, so NPV and Årsværk are on screen.
    widths = grid.evaluate("t => [t.scrollWidth, t.clientWidth]")
    assert widths[0] <= widths[1], f"the overview scrolls sideways at {NARROW} px: {widths}"
    box = grid.bounding_box()
    assert box is not None and box["x"] + box["width"] <= NARROW
    assert page.evaluate(_CUT) == [], "cut labels on the overview"
    page.close()


def test_the_root_url_goes_to_the_overview(server, browser):  # noqa: F811
    page = _open(browser, server)
    page.wait_for_url("**/oversigt")
    page.close()


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("business-case", "Forudsætninger"),
        ("sammenlign", "Nøgletal"),
        ("kontrol", "Regnefejl i dokumenterne"),
        ("portefoelje", "Budgetter"),
        ("foelsomhed", "Tornado"),
        ("opfoelgning", "Statustavle"),
        ("arbejdskraft", "Årsværk frigjort og fastholdt"),
        ("scenarier", "Gemte scenarier"),
        ("ny-case", "Ny business case"),
    ],
)
def test_every_page_opens_at_its_own_url_with_nothing_cut(server, browser, path, text):  # noqa: F811
    from playwright.sync_api import expect

    page = _open(browser, f"{server}/{path}")
    assert page.url.endswith(f"/{path}")
    expect(page.get_by_text(text, exact=True).first).to_be_visible()
    assert page.evaluate(_CUT) == [], f"cut labels on /{path}"
    page.close()


def test_the_open_case_file_section_follows_a_change(server, browser):  # noqa: F811
    """The section is drawn with the page, outside the fragment a change reruns: with it open, a change reruns
    the page, so the file downloaded holds the changed value, not the one the section was drawn with."""
    from pathlib import Path

    import yaml
    from test_browser import _pick

    page = _open(browser, f"{server}/business-case")
    page.context.set_default_timeout(TIMEOUT_MS)
    _pick(page, "I4")
    page.get_by_text("Gem og hent scenarie", exact=True).click()
    _settle(page)
    field = page.get_by_role("textbox", name="Sparet tid pr. hold pr. vagtoverdragelse på plejecentre (min.)", exact=True)
    field.fill("15")
    field.press("Enter")
    _settle(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Hent case-fil (YAML)").click()
    data = yaml.safe_load(Path(info.value.path()).read_text(encoding="utf-8"))
    values = {a["name"]: a["value"] for a in data["assumptions"]}
    assert values["minutter_plejecenter"] == 15
    page.close()
