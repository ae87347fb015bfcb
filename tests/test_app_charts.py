"""The charts' data and templates (ui.charts), without a browser."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import CASES

from model import evaluate, load_case
from ui.charts import (
    MAX_EXTRA_YEARS,
    TEMPLATES,
    compare_data,
    cumulative_data,
    cumulative_series,
    flows_data,
    payback_year,
    spec,
)

LABELS = {
    "year": "År",
    "since_start": "År fra start",
    "amount": "1.000 kr.",
    "variant": "Variant",
    "current": "Aktuel",
    "document": "Dokument",
    "payback": "Tilbagebetalt {year}",
    "costs": "Udgifter",
    "savings": "Besparelser",
    "net": "Netto",
}


@pytest.fixture(scope="module")
def i4():
    return evaluate(load_case(CASES / "i4.yaml"))


def test_payback_year_counts_from_the_first_year_with_spending(i4):
    # I4 spends from 2016 (the innovation pool) and pays back in its 6th year.
    assert i4.kpis.payback_years == 6
    assert payback_year(i4) == 2021


def test_cumulative_series_continues_at_the_permanent_level(i4):
    series = cumulative_series(i4, 8)
    assert list(series["year"]) == list(range(2016, 2024))
    assert np.allclose(series["value"][: len(i4.years)], i4.flows.cumulative)
    step = series["value"].iloc[-1] - series["value"].iloc[-2]
    assert step == pytest.approx(i4.kpis.net_permanent)


def test_cumulative_data_marks_the_payback_year_and_draws_the_document(i4):
    changed = evaluate(load_case(CASES / "i4.yaml").with_values({"gevinst_vagtskifte": 15000.0}))
    data = cumulative_data(changed, i4, LABELS)
    assert list(data["payback"]["year"]) == [payback_year(changed)] == [2024]
    assert list(data["payback"]["label"]) == ["Tilbagebetalt 2024"]
    assert set(data["curve"]["series"]) == {"Aktuel", "Dokument"}


def test_cumulative_data_draws_both_curves_year_by_year_over_the_longer_span(i4):
    changed = evaluate(load_case(CASES / "i4.yaml").with_values({"gevinst_vagtskifte": 15000.0}))
    curve = cumulative_data(changed, i4, LABELS)["curve"]
    assert list(curve.columns) == ["year", "since_start", "value", "series"]
    current, document = curve[curve["series"] == "Aktuel"], curve[curve["series"] == "Dokument"]
    # The changed case pays back in 2024 (its 9th year), so both curves run to 2025; the document's paid back in 2021.
    assert list(current["year"]) == list(document["year"]) == list(range(2016, 2026))
    assert list(current["since_start"]) == list(document["since_start"]) == list(range(10))
    # By hand from Samlet økonomisk påvirkning: 800, +36.630, -3.500, -6.500, -6.500, then the permanent -6.500 a year
    # (document: 800, +34.505, -6.330, -10.040, -10.040, then -10.040 a year).
    assert np.allclose(current["value"], [800, 37430, 33930, 27430, 20930, 14430, 7930, 1430, -5070, -11570])
    assert np.allclose(document["value"], [800, 35305, 28975, 18935, 8895, -1145, -11185, -21225, -31265, -41305])


def test_a_payback_far_away_is_not_marked_and_the_chart_stays_short(i4):
    slow = evaluate(load_case(CASES / "i4.yaml").with_values({"gevinst_vagtskifte": 9000.0}))
    assert slow.kpis.payback_years == 88
    data = cumulative_data(slow, None, LABELS)
    assert data["payback"].empty
    assert len(data["curve"]) == len(slow.years) + MAX_EXTRA_YEARS


def test_costs_and_savings_add_up_to_the_net(i4):
    data = flows_data(i4, LABELS)
    bars = data["bars"].pivot(index="year", columns="series", values="value")
    assert np.allclose(bars["Udgifter"] + bars["Besparelser"], data["net"]["value"])
    assert (bars["Udgifter"] >= 0).all() and (bars["Besparelser"] <= 0).all()


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_templates_are_vega_lite_with_danish_numbers_and_named_data(name, i4):
    labels = tuple(LABELS.items())
    args = {"cumulative": (labels, True), "flows": (labels,), "compare": (labels, ("I4", "I4 (dokument)"), False)}[name]
    template = TEMPLATES[name](*args)
    assert template["config"]["locale"]["number"]["thousands"] == "."
    data = {
        "cumulative": lambda: cumulative_data(i4, i4, LABELS),
        "flows": lambda: flows_data(i4, LABELS),
        "compare": lambda: compare_data([("I4", i4), ("I4 (dokument)", i4)]),
    }[name]()
    full = spec(template, data)
    assert set(data) <= set(full["datasets"])
    assert len(full["datasets"]) > len(data), "the template's own data (the zero line) is kept"
