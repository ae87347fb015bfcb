"""The architecture's promises, checked: module sizes, the model's public API, and one layout for every table.

``model/layout.py`` declares the document's tables, section-1 rows and
overview columns once. The evaluator, the exporters and the app's tables
each iterate it; the tests below iterate it too, against each of them, so
that none can drift from the declaration (a column added to the spec and
forgotten in an exporter fails here).
"""

from __future__ import annotations

import ast
import csv
import io
import re
import subprocess
import sys

import numpy as np
import openpyxl
import pytest
from conftest import CASES, ROOT
from pydantic import ValidationError

import model
from model import (
    AGGREGATES,
    OVERVIEW_COLUMNS,
    SECTION1_ROWS,
    TABLES,
    ReportedRow,
    ReportedTable,
    evaluate_paths,
    overview,
    overview_csv,
    overview_xlsx,
    workbook_bytes,
)
from model.case_schema import case_json_schema
from model.export_overview_xlsx import DEFAULT_LABELS
from model.export_xlsx import OVERVIEW_SHEET
from ui import tables as ui_tables
from ui.i18n import TEXTS

#: Most lines a module may have: one job, a size a reader holds in mind.
MAX_LINES = 400
#: The translation table is one long list of labels, not code to hold in mind.
EXEMPT = {"ui/i18n.py"}
PACKAGES = ("model", "ui", "app_pages")


def _modules() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


def test_no_module_is_longer_than_a_reader_holds_in_mind():
    sizes = {name: len((ROOT / name).read_text(encoding="utf-8").splitlines()) for name in _modules()}
    assert len(sizes) > 40
    too_long = {name: lines for name, lines in sizes.items() if lines > MAX_LINES and name not in EXEMPT}
    assert too_long == {}, f"split these by job (at most {MAX_LINES} lines): {too_long}"


def _model_imports(path) -> list[tuple[int, str]]:
    """(line, what) for every import of ``model`` in a file: ``"model.X"`` for a name, ``"module model.sub"`` for a submodule."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "model" and not node.level:
            if node.module == "model":
                found += [(node.lineno, f"model.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, f"module {node.module}"))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, f"module {a.name}") for a in node.names if a.name.split(".")[0] == "model" and "." in a.name]
    return found


def test_the_app_uses_only_the_models_public_api():
    files = [ROOT / "app.py", *sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "app_pages").glob("*.py"))]
    used = {(str(path.relative_to(ROOT)), line, what) for path in files for line, what in _model_imports(path)}
    assert len(used) > 30, "the scan found too few imports"
    public = {f"model.{name}" for name in model.__all__}
    outside = sorted(item for item in used if item[2] not in public)
    assert not outside, f"import these through model.__all__ (add what the UI truly needs): {outside}"


#: Session-state access of the state module *and* the Streamlit call it is made through.
_STATE_METHODS = {"get", "setdefault", "pop"}
def _literal_session_keys(path) -> list[tuple[int, str]]:
    """(line, key) for every session-state access in a file whose key is written there: a string, an f-string,
    or a module constant holding a string — instead of a field or builder of ``ui/keys.py``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }

    def written_here(key: ast.expr) -> bool:
        if isinstance(key, ast.BinOp):
            return written_here(key.left) or written_here(key.right)
        return isinstance(key, (ast.Constant, ast.JoinedStr)) or (isinstance(key, ast.Name) and key.id in constants)

    def is_state(node: ast.expr) -> bool:
        return isinstance(node, ast.Attribute) and node.attr == "session_state"

    found = []
    for node in ast.walk(tree):
        key = None
        if isinstance(node, ast.Subscript) and is_state(node.value):
            key = node.slice
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _STATE_METHODS:
            key = node.args[0] if is_state(node.func.value) and node.args else None
        elif isinstance(node, ast.Compare) and isinstance(node.ops[0], (ast.In, ast.NotIn)) and is_state(node.comparators[0]):
            key = node.left
        if key is not None and written_here(key):
            found.append((node.lineno, ast.unparse(key)))
    return found


def test_every_session_key_is_named_in_ui_keys(tmp_path):
    # The scan sees a key written in place in each form it takes, and sees through ui/keys.py's fields.
    sample = tmp_path / "sample.py"
    sample.write_text(
        'import streamlit as st\nfrom ui.keys import SENS\nA = "a.b"\n'
        'st.session_state["x.y"] = 1\nst.session_state.get(A)\nif f"p.{A}" in st.session_state: pass\n'
        "st.session_state.pop(A + '.copy')\nst.session_state[SENS.asked] = 1\nst.session_state.get(SENS.limit('npv'))\n",
        encoding="utf-8",
    )
    assert [line for line, _ in _literal_session_keys(sample)] == [4, 5, 6, 7]
    files = [ROOT / "app.py", *sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "app_pages").glob("*.py"))]
    in_place = {str(path.relative_to(ROOT)): keys for path in files if (keys := _literal_session_keys(path))}
    assert in_place == {}, f"name these session keys in ui/keys.py (a field or builder of the page's keys): {in_place}"


def test_the_public_api_exists():
    assert [name for name in model.__all__ if not hasattr(model, name)] == []
    assert len(model.__all__) == len(set(model.__all__))


def test_the_public_api_is_gathered_from_its_areas_and_the_store_loads_late():
    from model.api import analysis, domain, evaluation, exports, follow_up, portfolio_choice, reading, scenario_store

    areas = [reading, evaluation, analysis, portfolio_choice, follow_up, domain, exports]
    gathered = [name for area in areas for name in area.__all__] + list(scenario_store.LAZY)
    assert sorted(gathered) == sorted(model.__all__)
    # A fresh interpreter: importing the model loads no SQLAlchemy until a store name is used.
    code = (
        "import sys, model; assert 'sqlalchemy' not in sys.modules, 'eager';"
        "model.ScenarioStore; assert 'sqlalchemy' in sys.modules, 'never'; print('ok')"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, "ok"), done.stderr


def test_the_model_never_imports_streamlit():
    pattern = re.compile(r"^\s*(import|from)\s+streamlit\b", re.MULTILINE)
    assert not [name for name in _modules() if name.startswith("model/") and pattern.search((ROOT / name).read_text())]


# --- One layout, iterated everywhere -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def results():
    portfolio = evaluate_paths([CASES])
    assert len(portfolio.results) == 6
    return portfolio.results


def test_every_aggregate_is_the_sum_of_the_lines_the_layout_says(results):
    for result in results:
        for key, aggregate in AGGREGATES.items():
            members = [result.flows.lines[ln.name] for ln in result.case.lines if aggregate.includes(ln)]
            expected = np.sum(members, axis=0) if members else np.zeros(len(result.years))
            np.testing.assert_allclose(result.flows.aggregate(key), expected, atol=1e-9, err_msg=f"{result.case.id} {key}")


def test_every_line_stands_in_one_table(results):
    for result in results:
        keys = {spec.key for spec in TABLES}
        assert {line.table for line in result.case.lines} <= keys
        tabled = [row.key for spec in TABLES for row in result.table_rows(spec.key) if row.kind == "line"]
        assert sorted(tabled) == sorted(line.name for line in result.case.lines)


def test_the_evaluators_rows_follow_the_layout(results):
    for result in results:
        rows = result.section1_rows()
        permanent = [ln.name for ln in result.case.lines if ln.table == "table1"]
        assert [row.key for row in rows] == [*permanent, *(spec.series for spec in SECTION1_ROWS)]
        frame = result.section1()
        assert list(frame.index) == [*permanent, *(spec.label for spec in SECTION1_ROWS)]
        for spec in TABLES:
            table = result.table(spec.number)
            assert table.index[-1] == spec.total_label
            assert ("I alt" in table.columns) is spec.row_totals
            assert ("Innovationspulje" in table.columns) is spec.innovation_marker


def test_the_csv_columns_are_the_layouts(results):
    text = overview_csv(overview(results), dialect="plain").decode("utf-8")
    header = next(csv.reader(io.StringIO(text)))
    assert header == [column.label for column in OVERVIEW_COLUMNS]


def test_the_overview_sheets_columns_are_the_layouts(results):
    book = openpyxl.load_workbook(io.BytesIO(overview_xlsx(overview(results))))
    header = [cell.value for cell in book.active[4]][: len(OVERVIEW_COLUMNS)]
    assert header == [column.heading for column in OVERVIEW_COLUMNS]
    assert {column.key for column in OVERVIEW_COLUMNS} <= set(DEFAULT_LABELS)


def test_the_workbook_follows_the_layout(results):
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(results)))
    header = [cell.value for cell in book[OVERVIEW_SHEET][3]][: len(OVERVIEW_COLUMNS)]
    assert [str(h).split(" (")[0] for h in header] == [column.name for column in OVERVIEW_COLUMNS]
    for result in results:
        labels = [row[0].value for row in book[result.case.id].iter_rows(min_row=5, max_col=1)]
        positions = [labels.index(spec.label) for spec in SECTION1_ROWS]
        assert positions == sorted(positions), f"{result.case.id}: section 1 in the layout's order"
        for spec in TABLES:
            assert spec.title in labels and spec.total_label in labels


def test_the_apps_tables_follow_the_layout(results):
    table = overview(results)
    frame, bold = ui_tables.overview_frame(table, {})
    figures = [column for column in OVERVIEW_COLUMNS if column.kind != "text"]
    assert list(frame.columns)[-len(figures) :] == [TEXTS[column.i18n]["da"] for column in figures]
    assert bold == [len(table.rows)]
    for result in results:
        section, bold = ui_tables.section1_frame(result)
        labels = list(section.iloc[:, 0])
        assert labels[-len(SECTION1_ROWS) :] == [TEXTS[spec.i18n]["da"] for spec in SECTION1_ROWS]
        offset = len(labels) - len(SECTION1_ROWS)
        assert bold == [offset + i for i, spec in enumerate(SECTION1_ROWS) if spec.bold]
        for spec in TABLES:
            shown = ui_tables.table_frame(result, spec.number)
            lines = [row.label for row in result.table_rows(spec.key) if row.kind == "line"]
            expected = [*lines, TEXTS[spec.total_i18n]["da"]] if lines else None  # no table without lines
            assert (None if shown is None else list(shown[0].iloc[:, 0])) == expected


def test_the_case_files_words_for_tables_and_aggregates_are_the_layouts():
    # One declaration: model/reported.py takes both lists from model/layout.py, for its check and for the
    # JSON Schema an editor completes from (docs/case.schema.json, kept equal to this by test_authoring_cli).
    defs = case_json_schema()["$defs"]
    assert defs["ReportedRow"]["properties"]["aggregate"]["anyOf"][0]["enum"] == list(AGGREGATES)
    assert defs["ReportedTable"]["properties"]["id"]["enum"] == ["section1", *(spec.key for spec in TABLES)]
    with pytest.raises(ValidationError, match="aggregate 'drift' is not one of permanent, service_investment, "):
        ReportedRow(label="Drift", aggregate="drift")
    with pytest.raises(ValidationError, match="table id 'table4' is not one of section1, table1, table2, table3"):
        ReportedTable(id="table4", title="Tabel 4", years=[2020], rows=[ReportedRow(label="x", lines=[])])


def test_every_layout_label_is_translated():
    keys = [
        *(key for spec in TABLES for key in (spec.i18n, spec.total_i18n)),
        *(spec.i18n for spec in SECTION1_ROWS),
        *(key for column in OVERVIEW_COLUMNS for key in (column.i18n, column.export_i18n)),
    ]
    assert [key for key in keys if key not in TEXTS] == []
    # The Danish translation of a table's title is the document's own.
    assert [spec.title for spec in TABLES] == [TEXTS[spec.i18n]["da"] for spec in TABLES]
