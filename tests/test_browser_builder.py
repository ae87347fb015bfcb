"""The "Ny case" page in a real browser (the server and browser of tests/test_browser.py): a small case built
from scratch by typing into the table editors, its payback and NPV the engine's for the downloaded file, and
``python -m model validate`` accepting the download.

The editors are glide-data-grid canvases: a cell is reached by clicking the first column of its row (the row
marker column is 30 px, rows 35 px under a 35 px header, as Streamlit's own e2e helpers place them) and moving
right with the arrow keys; Enter opens the cell's editor, the text is filled in, Enter commits it and the page
reruns.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT
from test_browser import TIMEOUT_MS, WIDTH, _metric, _screenshot, _settle, browser, screenshots, server  # noqa: F401

from model import evaluate, format_amount, load_case
from ui.tables import payback_text

pytestmark = pytest.mark.browser

ROW_PX = 35
#: A point inside the first data column (after the 30 px row marker column).
FIRST_COLUMN_X = 45

# The case, cell by cell as an analyst types it (Danish numbers).
ASSUMPTIONS = [
    ["antal", "Loftlifte", "10", "stk.", "Afsnit 4"],
    ["pris", "Pris pr. lift", "20.000", "kr.", "Tilbud"],
    ["timepris", "Timepris", "400", "kr./time", "Løn"],
]
DERIVED = ["timer_sparet", "Sparede timer", "antal * 52", "timer/år"]
PROFILE = ["gevinst", "2028: 0,5; 2029: 1"]
# Lines: name, table (a select box), formula, phase-in, one-off year.
LINES = [
    ["Sparet tid", "1", "-timer_sparet * timepris / 1000", "gevinst", None],
    ["Indkøb af lifte", "3", "antal * pris / 1000", None, "2027"],
]


def _editor(page, grid, row: int, column: int):
    """Open the editor of cell (``row``, ``column``) of ``grid`` (from 0, header not counted); returns its overlay.

    A click on a grid that does not have the focus may only give it the focus, or a second click on the
    selected cell may already open its editor; so the editor is opened, and checked to stand on the wanted
    row, until it does (the downloaded file is compared with every typed cell at the end as well).
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    overlay = page.get_by_test_id("portal").locator(".gdg-clip-region")
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(200)
    for _ in range(4):
        top = grid.bounding_box()["y"] + ROW_PX * (row + 1)
        grid.click(position={"x": FIRST_COLUMN_X, "y": ROW_PX * (row + 1) + ROW_PX // 2})
        page.wait_for_timeout(250)
        for _ in range(column):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        try:
            overlay.wait_for(state="visible", timeout=3000)
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            continue
        box = overlay.bounding_box()
        if box is not None and top - 6 <= box["y"] <= top + ROW_PX:
            return overlay
        page.keyboard.press("Escape")  # an editor on another row: leave it unchanged
        page.wait_for_timeout(250)
    pytest.fail(f"could not open the editor of row {row}, column {column}")


def _cell(page, grid, row: int, column: int, text: str, select: bool = False) -> None:
    """Type ``text`` into cell (``row``, ``column``) of ``grid`` and commit it (the page reruns)."""
    overlay = _editor(page, grid, row, column)
    if select:  # a select box: typing filters its options, Enter picks the one shown
        page.keyboard.type(text)
        page.wait_for_timeout(300)
    else:
        overlay.locator("textarea").fill(text)
    page.keyboard.press("Enter")
    _settle(page)


def _head(page, label: str, text: str) -> None:
    field = page.get_by_label(label, exact=True)
    field.fill(text)
    field.press("Enter")
    _settle(page)


def test_build_a_small_case_in_the_tables_and_validate_the_download(server, browser, screenshots, tmp_path):  # noqa: F811
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": WIDTH, "height": 1000}, locale="da-DK", accept_downloads=True)
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{server}/ny-case")
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=4 * TIMEOUT_MS)
    _settle(page)
    expect(page.get_by_text("Ny business case", exact=True)).to_be_visible()

    for label, text in (("Case-id", "N7"), ("Titel", "Loftlifte på plejecenter"), ("Prisniveau (år)", "2026")):
        _head(page, label, text)
    _head(page, "Første år", "2027")
    _head(page, "Antal år i tabellerne", "5")

    grids = page.locator('[data-testid="stDataFrame"]')
    assumptions, derived, profiles, lines = (grids.nth(i) for i in range(4))
    for row, cells in enumerate(ASSUMPTIONS):
        for column, text in enumerate(cells):
            _cell(page, assumptions, row, column, text)
    for column, text in enumerate(DERIVED):
        _cell(page, derived, 0, column, text)
    for column, text in enumerate(PROFILE):
        _cell(page, profiles, 0, column, text)
    for row, cells in enumerate(LINES):
        for column, text in enumerate(cells):
            if text is not None:
                _cell(page, lines, row, column, text, select=column == 1)

    expect(page.get_by_text("Ingen fejl i tabellen.")).to_have_count(4)
    expect(page.locator('[data-testid="stCode"]')).to_have_count(0)

    with page.expect_download() as info:
        page.get_by_role("button", name="Hent casefil (YAML)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name == "n7.yaml"

    # Every typed cell is in the file, where it was typed.
    case = load_case(path)
    assert [(a.name, a.label, a.value, a.unit, a.source) for a in case.assumptions] == [
        ("antal", "Loftlifte", 10, "stk.", "Afsnit 4"),
        ("pris", "Pris pr. lift", 20000, "kr.", "Tilbud"),
        ("timepris", "Timepris", 400, "kr./time", "Løn"),
    ]
    assert [(d.name, d.label, d.formula, d.unit) for d in case.derived] == [tuple(DERIVED)]
    assert case.phase_in_profiles == {"gevinst": {2028: 0.5, 2029: 1}}
    assert [(line.name, line.table, line.formula, line.phase_in, line.year) for line in case.lines] == [
        ("Sparet tid", "table1", "-timer_sparet * timepris / 1000", "gevinst", None),
        ("Indkøb af lifte", "table3", "antal * pris / 1000", None, 2027),
    ]

    # The engine on the same file: payback and NPV as the page shows them.
    kpis = evaluate(case).kpis
    expect(_metric(page, "Tilbagebetalingstid")).to_have_text(payback_text(kpis.payback_years))
    expect(_metric(page, "Nutidsværdi")).to_have_text(format_amount(kpis.npv))
    expect(_metric(page, "Varig effektivisering netto")).to_have_text(format_amount(kpis.net_permanent))
    # By hand (tests/test_app_builder.py): flows 200, -104, -208, -208, -208 → paid back in year 3; NPV 1.281,9.
    assert (payback_text(kpis.payback_years), format_amount(kpis.npv), format_amount(kpis.net_permanent)) == (
        "3 år",
        "1.282",
        "-208",
    )

    command = [sys.executable, "-m", "model", "validate", str(path)]
    checked = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "N7" in checked.stdout

    page.get_by_role("button", name="Tilføj til mine cases").click()
    _settle(page)
    expect(page.get_by_text("N7 er tilføjet til dine cases.")).to_be_visible()
    _screenshot(page, screenshots, "ny-case")
    page.close()
