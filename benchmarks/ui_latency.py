"""How fast the app answers an assumption change, as a ratio to the fastest a Streamlit app can answer.

    python benchmarks/ui_latency.py [--changes 12] [--renders 5]

Starts two Streamlit servers the same way (``streamlit run``, headless, each
on a free port, file watcher off): the workbench (``app.py``) and a minimal
app generated in a temporary folder, one text input → one metric. Drives
both in headless Chromium (Debian's ``/usr/bin/chromium`` through
Playwright), alternating between them so that the machine's load falls on
both alike, and measures in the browser (``performance.now()``):

change
    from the Enter key on an assumption (Business case, I4: the minutes saved
    per handover on plejecentre; in the minimal app its one input) to the key
    figure showing the model's new value *and* the script idle (the app's
    ``data-test-script-state`` is ``notRunning``), over ``--changes`` changes
    each after two warm-up changes;
first render
    from navigation start in a new session to Oversigt's table holding its
    "I alt" row (in the minimal app: its metric) with the script idle.

Prints the medians, and as the last line ``ui_ratio=<median change, app /
median change, minimal>``; the line before it gives the first-render ratio
(``render_ratio``). Goals (issue 10): ``ui_ratio`` ≤ 2, ``render_ratio`` ≤ 1,5.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # streamlit_process: the browser tests start their server the same way

from streamlit_process import CHROMIUM, CHROMIUM_ARGS, streamlit_run  # noqa: E402

from model import evaluate, format_amount, load_case  # noqa: E402

TIMEOUT_MS = 60_000
CASE = ROOT / "cases" / "i4.yaml"
ASSUMPTION = "minutter_plejecenter"
FIELD_LABEL = "Sparet tid pr. hold pr. vagtoverdragelse på plejecentre (min.)"
METRIC_LABEL = "Varig effektivisering netto"
#: Oversigt's table (an HTML table, st.table; a data grid before) showing its "I alt" row.
OVERVIEW_READY = (
    "[...document.querySelectorAll('[data-testid=\"stTable\"], [data-testid=\"stDataFrame\"]')]"
    ".some(d => d.textContent.includes('I alt'))"
)

MINIMAL_APP = """import streamlit as st

text = st.text_input("Minutter", "20")
try:
    value = float(text.replace(",", "."))
except ValueError:
    value = 0.0
st.metric("Resultat", f"{value * 2:g}")
"""


# In the page: the time of the Enter key, and the first animation frame at which the metric shows
# the expected text with the script idle.
_RECORD_ENTER = """() => {
    window.__enter = null;
    document.addEventListener('keydown', e => { if (e.key === 'Enter') window.__enter = performance.now(); },
                              {capture: true, once: true});
}"""
_DONE = """([label, expected]) => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    const metric = [...document.querySelectorAll('[data-testid="stMetric"]')]
        .find(m => (m.querySelector('[data-testid="stMetricLabel"]')?.textContent || '').trim() === label);
    const value = metric?.querySelector('[data-testid="stMetricValue"]')?.textContent?.trim();
    if (value !== expected) return false;
    window.__done = performance.now();
    return true;
}"""


def _idle(page) -> None:
    page.wait_for_timeout(200)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=TIMEOUT_MS)


def _change(page, field, text: str, label: str, expected: str) -> float:
    """Milliseconds from Enter to ``label`` showing ``expected`` with the script idle."""
    field.fill(text)
    page.evaluate(_RECORD_ENTER)
    field.press("Enter")
    page.wait_for_function(_DONE, arg=[label, expected], polling="raf", timeout=TIMEOUT_MS)
    return page.evaluate("() => window.__done - window.__enter")


def _first_render(browser, url: str, ready: str) -> float:
    """Milliseconds from navigation start to ``ready`` (a JS condition) with the script idle, in a new session."""
    page = browser.new_page(viewport={"width": 1600, "height": 1000}, locale="da-DK")
    try:
        page.goto(url)
        page.wait_for_function(
            f"""() => {{
                const app = document.querySelector('[data-testid="stApp"]');
                if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
                if (!({ready})) return false;
                window.__ready = performance.now();
                return true;
            }}""",
            polling="raf",
            timeout=TIMEOUT_MS,
        )
        return page.evaluate("() => window.__ready")
    finally:
        page.close()


def _open_case(page, url: str) -> object:
    page.goto(f"{url}/business-case")
    _idle(page)
    page.locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name=re.compile(r"^I4 · ")).click()
    _idle(page)
    return page.get_by_role("textbox", name=FIELD_LABEL, exact=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=12, help="measured changes per app (default 12, at least 10)")
    parser.add_argument("--renders", type=int, default=5, help="first renders per app (default 5)")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"no Chromium at {CHROMIUM}: run scripts/install-system-deps.sh", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    case = load_case(CASE)
    minutes = [15 + (i % 12) for i in range(args.changes + 2)]  # 15, 16, ... never the previous value
    expected = [format_amount(evaluate(case.with_values({ASSUMPTION: float(m)})).kpis.net_permanent) for m in minutes]
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        (tmp / "minimal.py").write_text(MINIMAL_APP, encoding="utf-8")
        with (
            streamlit_run("app.py", ROOT, tmp / "app.log") as app_url,
            streamlit_run("minimal.py", tmp, tmp / "minimal.log") as minimal_url,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            renders: dict[str, list[float]] = {"app": [], "minimal": []}
            overview_ready = OVERVIEW_READY
            metric_ready = "document.querySelector('[data-testid=\"stMetricValue\"]')"
            _first_render(browser, app_url, overview_ready)  # warm-up: imports, case files, caches
            _first_render(browser, minimal_url, metric_ready)
            for _ in range(args.renders):
                renders["app"].append(_first_render(browser, app_url, overview_ready))
                renders["minimal"].append(_first_render(browser, minimal_url, metric_ready))

            app_page = browser.new_page(viewport={"width": 1600, "height": 1000}, locale="da-DK")
            app_page.set_default_timeout(TIMEOUT_MS)
            app_field = _open_case(app_page, app_url)
            minimal_page = browser.new_page(viewport={"width": 1600, "height": 1000}, locale="da-DK")
            minimal_page.set_default_timeout(TIMEOUT_MS)
            minimal_page.goto(minimal_url)
            _idle(minimal_page)
            minimal_field = minimal_page.get_by_role("textbox", name="Minutter", exact=True)
            changes: dict[str, list[float]] = {"app": [], "minimal": []}
            for index, (value, figure) in enumerate(zip(minutes, expected, strict=True)):
                app_ms = _change(app_page, app_field, str(value), METRIC_LABEL, figure)
                minimal_ms = _change(minimal_page, minimal_field, str(value), "Resultat", f"{value * 2:g}")
                if index >= 2:  # two warm-up changes
                    changes["app"].append(app_ms)
                    changes["minimal"].append(minimal_ms)
            browser.close()

    for what, series in (("change", changes), ("first render", renders)):
        for name in ("app", "minimal"):
            values = ", ".join(f"{v:.0f}" for v in series[name])
            print(f"{what:<13} {name:<8} median {statistics.median(series[name]):7.0f} ms  ({values})")
    render_ratio = statistics.median(renders["app"]) / statistics.median(renders["minimal"])
    ui_ratio = statistics.median(changes["app"]) / statistics.median(changes["minimal"])
    print(f"render_ratio={render_ratio:.2f}")
    print(f"ui_ratio={ui_ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
