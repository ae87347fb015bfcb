"""Business case: one case's assumptions (changeable), key figures, and its charts, section 1 and tables 1-3 one at a time."""

from __future__ import annotations

from functools import partial

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from model import Case, EvaluationError, Settings, format_amount, format_number, format_percent_da
from ui import scenario, state
from ui.case import FILE_OPEN, MEMO_OPEN, assumption_heading, assumption_inputs, case_file_section
from ui.case_views import VIEWS, draw_view, view_choice, views_of
from ui.fragments import note_view, sync_view
from ui.i18n import t
from ui.keys import CASE
from ui.memo import case_memo
from ui.tables import kpi_delta, payback_text
from ui.widgets import case_ids_or_stop, lazy_section, md, pick_case, show_problems, stored, toggle

ids = case_ids_or_stop()
case_id = pick_case(CASE.selected, ids)
note_view(case_ids=ids, case=case_id)
case = state.current_case(case_id)

st.header(md(case.title))
st.caption(
    t(
        "case.meta",
        administration=md(case.administration or "-"),
        level=case.price_level,
        first=case.first_year,
        last=case.last_year,
    )
)
if case.summary:
    st.markdown(md(case.summary))
if state.is_extra(case_id):
    st.caption(t("case.extra"))


# Drawn with the page: what a change does not alter. The fragment below fills the slots (key figures, optimism
# row, the chosen view) and draws the inputs, so a change redraws only those (docs/speed.md).
toggle(t("optimism.show"), key=CASE.optimism, help=t("case.optimism.help"))
kpi_slot, optimism_slot = st.empty(), st.empty()
left, right = st.columns([5, 8], gap="large")
with left:
    group = assumption_heading(case_id, case, state.overrides(case_id))
with right:
    try:
        views = views_of(state.evaluate_cached(state.document_case(case_id), state.settings()))
    except EvaluationError:  # the fragment says what is wrong
        views = VIEWS[:3]
    view = view_choice(views)
    view_slot = st.empty()


@st.fragment
def _body(case_id: str, group: str | None, view: str, slots: tuple[DeltaGenerator, DeltaGenerator, DeltaGenerator]) -> None:
    """Everything an assumption change touches: a change reruns this, not the sidebar, picker, header and controls.

    ``group`` and ``view``: the assumption group and result view chosen above (a new choice reruns the page);
    ``slots``: where the key figures, the optimism row and the view go.
    """
    kpi_slot, optimism_slot, view_slot = slots
    ids_now = state.case_ids()
    selected = stored(CASE.selected, ids_now[0] if ids_now else None, lambda v: v in ids_now)  # as pick_case reads it
    sync_view(
        changed=state.changed_case_ids(),
        case_ids=ids_now,
        case=selected,
        unsaved=scenario.dirty(),
        open_sections=_open_sections(case_id),
    )
    scenario.sync()  # this tab's draft, on every change the fragment reruns for
    document = state.document_case(case_id)
    case = state.current_case(case_id)
    changes = state.overrides(case_id)
    settings = state.settings()
    try:
        result = state.evaluate_cached(case, settings)
        document_result = state.evaluate_cached(document, settings)
    except EvaluationError as exc:
        for slot in (kpi_slot, optimism_slot, view_slot):
            slot.empty()
        show_problems(t("case.eval_error"), str(exc))
        st.button(t("case.reset_case"), on_click=state.reset_case, args=(case_id,), key="case.reset_broken")
        return

    # --- Key figures, the change against the document beneath each ------------------------------------------
    k, d = result.kpis, document_result.kpis
    compare = document_result if changes else None
    rate, hours = format_percent_da(settings.discount_rate), format_number(settings.hours_per_fte, 0)
    figures = [  # (label, help, figure now, in the document, shown as, delta colour)
        (t("col.net_permanent"), t("case.kpi.net.help"), k.net_permanent, d.net_permanent, format_amount, "inverse"),
        (t("col.payback"), t("case.kpi.payback.help"), k.payback_years, d.payback_years, payback_text, "inverse"),
        (t("col.npv"), t("case.kpi.npv.help", horizon=settings.horizon, rate=rate), k.npv, d.npv, format_amount, "normal"),
        (t("kpi.fte"), t("case.kpi.fte.help", hours=hours), k.fte_full, d.fte_full, partial(format_number, decimals=1), "normal"),
    ]
    kpi_row = kpi_slot.container(horizontal=True)  # one block for the four, not a column each
    for label, help_text, now, before, show, colour in figures:
        delta = kpi_delta(now, before, show, changed=bool(changes))
        kpi_row.metric(label, show(now), delta, delta_color=colour, help=help_text, border=True)

    # --- The same key figures with optimism bias (the uplifts are set on the Følsomhed page) -----------------------
    if stored(CASE.optimism, False):
        with optimism_slot.container():
            _optimism_row(case, settings, figures)

    # --- The chosen group's inputs; the chosen view beside them (ui/case_views.py) ---------------------------------
    if group is not None:
        assumption_inputs(case_id, case, document, changes, group)
    with view_slot.container():
        draw_view(view, result, compare)


def _optimism_row(case: Case, settings: Settings, figures: list[tuple]) -> None:
    """The key figures with optimism bias, each against the plain figure (``figures``: the key figure row's)."""
    try:
        a = state.evaluate_with_optimism(case, settings, state.optimism_bias()).kpis
    except ValueError as exc:  # EvaluationError included
        show_problems(t("overview.eval_errors"), str(exc))
        return
    adjusted = [(t("optimism.net"), a.net_permanent), (t("optimism.payback"), a.payback_years), (t("optimism.npv"), a.npv)]
    row = st.container(horizontal=True, vertical_alignment="center")
    for (_, _, now, _, show, colour), (label, after) in zip(figures, adjusted, strict=False):
        delta = kpi_delta(after, now, show, changed=True)
        row.metric(label, show(after), delta, delta_color=colour, help=t("case.optimism.metric_help"), border=True)
    row.caption(t("case.optimism.caption"))


def _open_sections(case_id: str) -> dict[str, float] | None:
    """The case's changes while the case file or memo section is open (their files are built from them), else None."""
    opened = st.session_state.get(FILE_OPEN) or st.session_state.get(MEMO_OPEN)
    return state.overrides(case_id) if opened else None


note_view(open_sections=_open_sections(case_id))  # a change while one is open reruns the page, so they follow it
with left:
    _body(case_id, group, view, (kpi_slot, optimism_slot, view_slot))
    # Drawn with the page and only when open: their downloads, upload and buttons are not needed on every change.
    if (file_box := lazy_section(t("case.file"), key=FILE_OPEN, icon=":material/save:")) is not None:
        with file_box:
            case_file_section(case_id, case)
    if (memo_box := lazy_section(t("memo.title"), key=MEMO_OPEN, icon=":material/description:")) is not None:
        with memo_box:
            case_memo([case_id], key="case.memo", file_stem=f"beslutningsnotat-{case_id}", heading=False)
