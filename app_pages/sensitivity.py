"""Følsomhed: ranges, tornado, switching values, Monte Carlo and optimism bias for one case.

Everything runs on the case as the user has changed it (``ui.state.current_case``)
with the ranges set here. The analyses are :mod:`model.uncertainty` and
:mod:`model.optimism`; ``ui.sensitivity`` caches them and turns their results
into tables, charts and editors, and holds the page's session keys.
"""

from __future__ import annotations

import streamlit as st

from model import Threshold, format_number, format_percent_da, shown_xlsx
from ui import sensitivity as editors
from ui import sensitivity_state as sens
from ui import sensitivity_tables as views
from ui import state
from ui.cache import switching_cached, tornado_cached
from ui.i18n import t
from ui.keys import SENS
from ui.sensitivity_correlation import correlation_section, portfolio_section
from ui.widgets import XLSX_MIME, case_ids_or_stop, choice, download, md, pick_case, show_problems, show_table, toggle

st.title(t("sens.title"))
st.caption(t("sens.caption"))

case_id = pick_case(SENS.case, case_ids_or_stop(), chars=70)
settings = state.settings()
current = state.current_case(case_id)
if state.overrides(case_id):
    st.caption(t("sens.changed_values", count=len(state.overrides(case_id))))
bias = state.optimism_bias()
case, applied, stale = sens.with_user_ranges(case_id, current)
if stale:
    st.warning(t("sens.range.stale", names=md(", ".join(stale))))

try:
    plain = state.evaluate_cached(case, settings).kpis
    adjusted_result = state.evaluate_with_optimism(case, settings, bias)
except ValueError as exc:  # EvaluationError included
    show_problems(t("case.eval_error"), str(exc))
    st.stop()
adjusted = adjusted_result.kpis

# --- Key figures without and with optimism bias; the case the analyses run on -----------------------------
st.subheader(t("kpis"))
kpi_table = views.kpi_frame(plain, adjusted)
show_table(kpi_table, right=[t("sens.without_bias"), t("sens.with_bias")], key="sens.kpi_table")
use_bias = toggle(t("sens.use_bias"), key=SENS.use_optimism, help=t("sens.use_bias.help"))
analysed = adjusted_result.case if use_bias else case
base_kpis = adjusted if use_bias else plain

kpi_names = {k: t(f"col.{k}") for k in sens.KPIS}
kpi = choice(st.segmented_control, t("sens.kpi"), sens.KPIS, key=SENS.kpi, default="npv", labels=kpi_names, required=True)
threshold = editors.threshold_input(kpi)

ASKED = SENS.asked


def _ask(name: str) -> None:
    st.session_state[ASKED] = {*st.session_state.get(ASKED, ()), name}


def asked(name: str) -> bool:
    """Whether the user asked for analysis ``name``; until then a button asks for it (a few seconds of work)."""
    if name in st.session_state.get(ASKED, ()):
        return True
    st.caption(t("sens.ask.caption"))
    st.button(t(f"sens.ask.{name}"), key=f"sens.ask.{name}", on_click=_ask, args=(name,), icon=":material/play_arrow:")
    return False


switching_table = percentiles = correlated = portfolio = None  # computed when the user asks for them (see asked)
tabs = st.tabs([t("sens.tab.tornado"), t("sens.tab.switching"), t("sens.tab.mc"), t("sens.tab.ranges"), t("sens.tab.bias")])

with tabs[0]:
    result = tornado_cached(analysed, settings, kpi)
    whole = tornado_cached(analysed, settings, "payback_years") if kpi == "payback" else None
    st.caption(t(f"sens.tornado.caption.{kpi}", base=views.show(kpi, result.base)))
    chart = views.tornado_figure(result, kpi)
    if chart is None:
        st.info(t("sens.tornado.none"))
    else:
        st.altair_chart(chart, width="stretch", key="sens.tornado_chart")
    tornado_table = views.tornado_frame(result, whole)
    show_table(
        tornado_table,
        right=[t(key) for key in views.TORNADO_NUMBERS],
        widths={t("sens.col.assumption"): 480},
        key="sens.tornado_table",
    )
    st.caption(md(t("sens.range.legend")))

with tabs[1]:
    if asked("switching"):
        switching = switching_cached(analysed, settings, kpi, threshold.limit)
        shown_limit = views.limit_text(kpi, threshold.limit)
        base_text = views.show(kpi, switching.base_kpi)
        if switching.meets_at_base:
            st.success(t("sens.switch.meets", threshold=shown_limit, value=base_text))
        else:
            st.warning(t("sens.switch.fails", threshold=shown_limit, value=base_text))
        if not switching.any_found:
            st.info(t("sens.switch.none_found", threshold=shown_limit))
        switching_table = views.switching_frame(switching)
        show_table(switching_table, right=[t(key) for key in views.SWITCHING_NUMBERS], key="sens.switching_table")
        st.caption(t("sens.switch.method"))

with tabs[2]:
    if asked("mc"):
        distribution, n, seed = editors.monte_carlo_inputs()
        mc = sens.monte_carlo(analysed, settings, distribution, seed, n)
        st.caption(t("sens.mc.summary", n=format_number(mc.n, 0), seed=seed, distribution=t(f"sens.mc.{distribution}")))
        if mc.n_invalid:
            st.warning(t("sens.mc.invalid", count=format_number(mc.n_invalid, 0), n=format_number(mc.n, 0)))
        limits = sens.limits()
        for column, key in zip(st.columns(3), ("payback", "npv", "net_permanent"), strict=True):
            column.metric(
                t("sens.mc.probability", threshold=views.limit_text(key, limits[key])),
                format_percent_da(mc.probability(Threshold(key, limits[key])), 1),
                border=True,
            )
        never = mc.share_never()
        if never > 0:
            st.caption(t("sens.mc.never", share=format_percent_da(never, 1)))
        deterministic = sens.deterministic(base_kpis)
        percentiles = views.percentile_frame(mc, deterministic)
        show_table(percentiles, right=list(percentiles.columns[1:]), key="sens.mc_table")
        st.caption(t("sens.mc.percentile_note"))
        for column, key in zip(st.columns(3), sens.KPIS, strict=True):
            histogram = views.histogram(mc, key, deterministic[key])
            with column:
                if histogram is None:
                    st.info(t("sens.mc.no_histogram"))
                else:
                    st.altair_chart(histogram, width="stretch", key=f"sens.hist.{key}")
        correlated = correlation_section(case_id, analysed, settings, distribution, seed, n)
        if asked("portfolio"):
            included = [sens.with_user_ranges(cid, state.current_case(cid))[0] for cid in state.included_case_ids()]
            portfolio = portfolio_section(included, settings, distribution, seed, n)

with tabs[3]:
    st.caption(t("sens.range.caption"))
    editors.ranges_section(case_id, case, applied)

with tabs[4]:
    editors.optimism_section(case, bias)

tables = [
    (t("kpis"), kpi_table),
    (t("sens.tab.tornado"), tornado_table),
    *([(t("sens.tab.switching"), switching_table)] if switching_table is not None else []),  # once asked for
    *([(t("sens.tab.mc"), percentiles)] if percentiles is not None else []),
    *([(t("sens.corr.title"), correlated)] if correlated is not None else []),
    *([(t("sens.port.title"), portfolio)] if portfolio is not None else []),
]
download(
    t("export.xlsx_tables"),
    lambda: shown_xlsx(tables),
    f"{t('sens.file_stem')}-{case_id}.xlsx",
    XLSX_MIME,
    key="sens.download_xlsx",
    help=t("export.xlsx_tables.help"),
)
