"""The "Ny case" page (AppTest): a case built in tables is checked by the engine, previewed, downloaded and added.

The rows are put in the page's draft as the analyst types them (text, Danish
numbers); the page opens its table editors on them. Typing into the grid
itself is driven in a real browser by tests/test_browser_builder.py.
"""

from __future__ import annotations

import pytest
from conftest import APP, CASES, PAGES, overview_table

from model import ScenarioStore, evaluate, format_amount, load_case, parse_case
from ui.builder_draft import COLUMNS

DRAFT = "builder.draft"


def row(kind: str, /, **cells: object) -> dict[str, object]:
    """One table row as the editor holds it: every column, empty unless given."""
    out: dict[str, object] = {column: (False if how == "bool" else None) for column, how in COLUMNS[kind].items()}
    out.update(cells)
    out["_rest"] = ""
    return out


def small_case() -> dict[str, object]:
    """Three assumptions, one derived item, a saving with a phase-in, an investment: the browser test's case."""
    return {
        "head": {
            "id": "N7",
            "title": "Loftlifte på plejecenter",
            "administration": "Sundhed og Omsorg",
            "price_level": "2026",
            "first_year": "2027",
            "horizon": "5",
        },
        "rest": {},
        "assumptions": [
            row("assumptions", name="antal", label="Loftlifte", value="10", unit="stk.", source="Afsnit 4", integer=True),
            row("assumptions", name="pris", label="Pris pr. lift", value="20.000", unit="kr.", source="Tilbud"),
            row("assumptions", name="timepris", label="Timepris", value="400", unit="kr./time", source="Løn"),
        ],
        "derived": [
            row("derived", name="timer_sparet", label="Sparede timer", formula="antal * 52", unit="timer/år", source="1 t/uge"),
            row("derived"),  # an empty row is no item
        ],
        "profiles": [row("profiles", name="gevinst", shares="2028: 0,5; 2029: 1")],
        "lines": [
            row("lines", name="Sparet tid", table="1", formula="-timer_sparet * timepris / 1000", phase_in="gevinst"),
            row("lines", name="Indkøb af lifte", table="3", formula="antal * pris / 1000", year="2027"),
        ],
    }


def _builder(at=None, draft=None):
    from streamlit.testing.v1 import AppTest

    if at is None:
        at = AppTest.from_file(str(APP), default_timeout=90)
        at.run()
        at.switch_page(PAGES["builder"])
    if draft is not None:
        at.session_state[DRAFT] = draft
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _problems(at) -> list[str]:
    return [line for block in at.code for line in block.value.splitlines()]


def test_a_small_case_is_previewed_with_the_engines_figures_and_downloads_as_a_valid_file(downloads):
    at = _builder(draft=small_case())
    assert _problems(at) == []
    metrics = {m.label: m.value for m in at.metric}
    # By hand: flows 2027-2031 = 200 (10 × 20.000 kr.), -104 (520 h × 400 kr. × 0,5), -208, -208, -208.
    # Cumulative 200, 96, -112: paid back in the third year. NPV at 3,5 % over 10 years, t = 0 undiscounted:
    # -(200 - 104/1,035 - 208 × Σ_{t=2..9} 1,035^-t) = -(200 - 100,48 - 208 × 6,6415) = 1.281,9.
    assert metrics == {"Tilbagebetalingstid": "3 år", "Nutidsværdi": "1.282", "Varig effektivisering netto": "-208"}
    text = downloads.bytes("n7.yaml").decode("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../docs/case.schema.json\nversion: 2\n")
    case = parse_case(text, "n7.yaml")
    kpis = evaluate(case).kpis
    assert (format_amount(kpis.npv), kpis.payback_years, format_amount(kpis.net_permanent)) == ("1.282", 3, "-208")
    assert [a.value for a in case.assumptions] == [10, 20000, 400]
    assert case.lines[0].phase_in == "gevinst" and case.lines[1].year == 2027
    assert case.phase_in_profiles == {"gevinst": {2028: 0.5, 2029: 1}}
    # Section 1 of the preview: the total impact row carries the flows computed by hand.
    section = next(block for block in at.dataframe if "2027" in block.value.columns).value
    rows = {line.iloc[0]: [line[str(y)] for y in range(2027, 2032)] for _, line in section.iterrows()}
    assert rows["Samlet økonomisk påvirkning"] == ["200", "-104", "-208", "-208", "-208"]
    assert rows["Akkumuleret påvirkning, alle midler"] == ["200", "96", "-112", "-320", "-528"]


def test_bad_cells_are_named_by_row_and_column_in_danish_and_nothing_typed_is_lost():
    draft = small_case()
    draft["assumptions"][1]["value"] = "20.000,5,0"
    draft["profiles"][0]["shares"] = "2028 halvdelen"
    at = _builder(draft=draft)
    assert _problems(at) == [
        "Række 2, Værdi: skal være et tal skrevet på dansk, fx 1.234,5 eller 0,6 (står: 20.000,5,0).",
        "Række 1, Andele (år: andel; …): skriv år og værdi som 2028: 0,5; 2029: 1 (står: 2028 halvdelen).",
    ]
    assert not at.metric  # no preview of a case with problems
    assert at.session_state[DRAFT]["assumptions"][1]["value"] == "20.000,5,0"
    assert at.session_state[DRAFT]["profiles"][0]["shares"] == "2028 halvdelen"

    # The cells read; now the engine's own rules: a name no assumption has, a profile that does not exist.
    draft = small_case()
    draft["lines"][0]["formula"] = "-timer_spart * timepris / 1000"
    draft["lines"][1]["phase_in"] = "fuld"
    draft["assumptions"][0]["name"] = "Antal"
    at = _builder(at, draft)
    problems = _problems(at)
    assert "Række 1, Navn: navnet 'Antal' må kun have små bogstaver, cifre og _ og skal starte med et bogstav." in problems
    draft["assumptions"][0]["name"] = "antal"
    at = _builder(at, draft)
    # A line's own rule first (a one-off year and a phase-in do not go together), then the case's.
    assert _problems(at) == ["Række 2: 'year' hører til 'formula' på en engangslinje uden 'phase_in'."]
    draft["lines"][1]["phase_in"] = None
    at = _builder(at, draft)
    assert _problems(at) == ["Række 1, Formel: formlen '-timer_spart * timepris / 1000' bruger ukendte navne: timer_spart."]
    draft["lines"][0]["formula"] = "-timer_sparet * timepris / 1000"
    draft["lines"][0]["phase_in"] = "fuld"
    at = _builder(at, draft)
    assert _problems(at) == ["Række 1, Indfasning: der er ingen indfasningsprofil ved navn 'fuld' (profiler: gevinst)."]
    draft["lines"][0]["formula"] = "-timer_spart * timepris / 1000"
    draft["lines"][0]["phase_in"] = "gevinst"
    at = _builder(at, draft)
    assert all("pydantic" not in p and "Input should" not in p for p in problems)
    at.button_group(key="input.i18n.language").set_value("en").run()
    assert _problems(at)[0] == "Row 1, Formula: formula '-timer_spart * timepris / 1000' names unknown assumption(s): timer_spart"


def test_a_copy_of_i4_builds_to_i4s_figures():
    at = _builder()
    at.radio(key="builder.start").set_value("copy").run()
    at.selectbox(key="builder.copy_of").set_value("I4").run()
    at.button(key="builder.restart").click().run()
    assert not at.exception
    assert at.session_state[DRAFT]["head"]["id"] == "I4-ny"
    assert _problems(at) == []
    i4 = evaluate(load_case(CASES / "i4.yaml")).kpis
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Nutidsværdi"] == format_amount(i4.npv) == "29.079"  # I4's NPV as tests/test_cases_reproduce.py has it


def test_add_to_my_cases_joins_the_overview_and_is_saved_in_the_open_scenario(store_url):
    at = _builder()
    at.sidebar.text_input(key="scenario.input.name").input("Nye forslag").run()
    at.sidebar.button(key="scenario.save_as.confirm").click().run()
    at = _builder(at, small_case())
    at.button(key="builder.add").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["N7 er tilføjet til dine cases."]
    assert at.session_state["builder.built"] == ["N7"]
    assert "Gemt i scenariet Nye forslag, version 2." in [c.value for c in at.caption]
    store = ScenarioStore.connect(store_url)
    (saved,) = store.list()
    (case_file,) = store.open(saved.id).version.document.case_files
    assert (case_file.case, case_file.kind) == ("N7", "built")
    assert evaluate(parse_case(case_file.text)).kpis.npv == pytest.approx(1281.9157, abs=1e-3)
    store.engine.dispose()

    # Adding again after a change replaces the case rather than adding a second one.
    draft = small_case()
    draft["assumptions"][1]["value"] = "25.000"
    at = _builder(at, draft)
    at.button(key="builder.add").click().run()
    assert [s.value for s in at.success] == ["N7 er opdateret blandt dine cases."]
    at.switch_page(PAGES["overview"]).run()
    assert not at.exception
    assert "N7" in at.session_state["scenario.included"]
    assert "Loftlifte på plejecenter" in overview_table(at).set_index("Case").loc["N7", "Titel"]


def test_a_case_folder_id_is_not_taken_over():
    draft = small_case()
    draft["head"]["id"] = "I4"
    at = _builder(draft=draft)
    at.button(key="builder.add").click().run()
    assert [e.value for e in at.error] == ["I4 er en case fra casemappen; giv den nye case et andet id."]
    assert "I4" not in at.session_state["scenario.extra"]
