"""The workbench's entry point: page config, the shared sidebar, and the pages.

Run with ``streamlit run app.py``; it opens on the overview. The sidebar
holds what every page shares: the language, the saved scenario (save, save
as, open, history; ``ui/scenario_sidebar.py``), the appraisal settings
(discount rate, horizon, hours per årsværk) and "reset all". Pages live in
``app_pages/`` and read the scenario from ``ui.state``.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from model import Settings, format_number, format_percent_da
from ui import scenario, state
from ui.domain import discount_presets
from ui.fragments import note_view
from ui.heap import freeze_imports
from ui.i18n import LANGUAGE_KEY, LANGUAGES, language, t
from ui.keys import SIDEBAR
from ui.scenario_sections import reset_everything
from ui.scenario_sidebar import scenario_sidebar
from ui.widgets import choice, md, number_input

freeze_imports()  # Streamlit's gc after each run then skips the imported modules (ui/heap.py)
st.set_page_config(page_title=t("app.title"), page_icon=":material/account_balance:", layout="wide")
state.start_run()  # the case folder is read once per run


def _reset_all() -> None:
    reset_everything()
    st.toast(t("sidebar.reset_all.done"))


def _sidebar() -> None:
    current = state.settings()
    defaults = Settings()
    with st.sidebar:
        languages = {code: t(f"language.{code}") for code in LANGUAGES}
        choice(
            st.segmented_control,
            t("sidebar.language"),
            LANGUAGES,
            key=LANGUAGE_KEY,
            default=language(),
            labels=languages,
            required=True,
        )
        scenario_sidebar()
        st.subheader(t("sidebar.settings"))
        # Ranges as model.Settings accepts them; the rate is shown in percent.
        for field, limits in (
            ("discount_rate", {"minimum": -49.9, "maximum": 99.9, "scale": 100.0}),
            ("horizon", {"minimum": 1, "maximum": 100, "integer": True}),
            ("hours_per_fte", {"minimum": 1, "maximum": 8784}),
        ):
            number_input(
                t(f"settings.{field}"),
                key=SIDEBAR.setting(field),
                value=getattr(current, field),
                commit=partial(state.set_setting, field),
                help=t(f"settings.{field}.help"),
                **limits,
            )
            if field == "discount_rate":
                discount_presets(current)
        if current != defaults:
            st.caption(
                t(
                    "settings.changed",
                    rate=format_percent_da(defaults.discount_rate),
                    horizon=defaults.horizon,
                    hours=format_number(defaults.hours_per_fte, 0),
                )
            )
        changed = state.changed_case_ids()
        note_view(changed=changed)
        if changed:
            st.caption(t("sidebar.changed_cases", cases=md(", ".join(changed))))
        st.button(
            t("sidebar.reset_all"),
            help=t("sidebar.reset_all.help"),
            on_click=_reset_all,
            icon=":material/restart_alt:",
            key=SIDEBAR.reset_all,
            width="stretch",
        )
        st.caption(t("sidebar.units"))


OVERVIEW = st.Page("app_pages/overview.py", title=t("page.overview"), icon=":material/table_chart:", url_path="oversigt")


def _home() -> None:
    """The root URL opens the overview at its own address, /oversigt (keeping the query, e.g. ?scenario=)."""
    st.switch_page(OVERVIEW, query_params=st.query_params.to_dict())


scenario.sync()  # a ?scenario= URL opens before the sidebar draws
HOME = st.Page(_home, title=t("page.overview"), url_path="start", default=True, visibility="hidden")
pages = [
    HOME,
    OVERVIEW,
    st.Page("app_pages/case.py", title=t("page.case"), icon=":material/description:", url_path="business-case"),
    st.Page("app_pages/builder.py", title=t("page.builder"), icon=":material/add_notes:", url_path="ny-case"),
    st.Page("app_pages/compare.py", title=t("page.compare"), icon=":material/compare_arrows:", url_path="sammenlign"),
    st.Page("app_pages/sensitivity.py", title=t("page.sensitivity"), icon=":material/tune:", url_path="foelsomhed"),
    st.Page("app_pages/audit.py", title=t("page.audit"), icon=":material/fact_check:", url_path="kontrol"),
    st.Page("app_pages/portfolio.py", title=t("page.portfolio"), icon=":material/checklist:", url_path="portefoelje"),
    st.Page("app_pages/followup.py", title=t("page.followup"), icon=":material/monitoring:", url_path="opfoelgning"),
    st.Page("app_pages/labour.py", title=t("page.labour"), icon=":material/groups:", url_path="arbejdskraft"),
    st.Page("app_pages/scenarios.py", title=t("page.scenarios"), icon=":material/history:", url_path="scenarier"),
]
navigation = st.navigation(pages)
if navigation is not HOME:  # the root URL only forwards to /oversigt, which draws the sidebar
    _sidebar()
navigation.run()
scenario.sync()  # keep this tab's draft in the store after the page's own changes
