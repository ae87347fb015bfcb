"""Følsomhed's correlation section: a rank correlation ρ between two drivers in the Monte Carlo run.

Independent draws understate the spread of a figure that depends on two
drivers that move together (I5's saving is citizens × hours per citizen ×
the hourly rate). Here the user picks two of the case's assumptions with a
range and a Spearman rank correlation ρ between them; the page runs
:func:`model.correlated_monte_carlo` (a Gaussian copula, the same PERT or
triangular marginals, the Monte Carlo tab's seed, draws and distribution)
once with ρ = 0 and once with ρ, and shows P10/P50/P90 and the width
P90 − P10 of the NPV and the net permanent effect side by side, with the
ρ used and the rank correlation the draws achieved.

:func:`portfolio_section` simulates the cases in the overview together
(``shared="auto"``: a driver with the same name, unit and range in several
cases, e.g. the hourly rate ``timepris`` of I3, I4 and I5, is drawn once per
draw) against each case drawn on its own (``shared="none"``), and shows the
portfolio's P10/P50/P90 of the NPV, the net permanent effect and the årsværk
freed.

Kept in ``st.session_state[SENS.correlation]``: ``{case id: {"a", "b",
"rho"}}`` ("reset all" clears it with the page's other changes).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from model import (
    Case,
    CorrelatedRun,
    Settings,
    correlated_monte_carlo,
    format_amount,
    format_number,
    portfolio_variables,
)

from .cache import case_key
from .i18n import t
from .keys import SENS
from .widgets import bound, md, number_input, show_table

__all__ = [
    "FIGURES",
    "correlated_cached",
    "correlation_frame",
    "correlation_section",
    "drivers",
    "portfolio_cached",
    "portfolio_frame",
    "portfolio_section",
]

#: The figures compared, by :data:`model.PORTFOLIO_FIGURES` name (NPV: + pays; net permanent: − saves).
FIGURES = ("npv", "net_permanent")
#: The portfolio figures shown (names of ``CorrelatedRun.percentiles``): NPV, net permanent effect, årsværk freed.
PORTFOLIO_FIGURES = ("npv", "net_permanent", "fte_full")
#: Largest |ρ| the input accepts (ρ = ±1 makes the copula singular).
MAX_RHO = 0.99


@st.cache_data(show_spinner=False, max_entries=200, hash_funcs={Case: case_key})
def correlated_cached(
    case: Case, settings: Settings, pair: tuple[str, str], rho: float, n: int, seed: int, distribution: str
) -> CorrelatedRun:
    """:func:`model.correlated_monte_carlo` of one case with ``rho`` between the ``pair``, cached."""
    return correlated_monte_carlo(
        case, settings, correlations={pair: rho} if rho else {}, n=n, seed=seed, distribution=distribution
    )


def drivers(case: Case) -> list[str]:
    """The assumptions a correlation can join: those with a range (not held fixed), in the case's order."""
    return [v.key for v in portfolio_variables([case])]


def _settings(case_id: str) -> dict[str, object]:
    return dict(st.session_state.get(SENS.correlation, {}).get(case_id, {}))


def _save(case_id: str, field: str, value: object) -> None:
    every = dict(st.session_state.get(SENS.correlation, {}))
    every[case_id] = {**every.get(case_id, {}), field: value}
    st.session_state[SENS.correlation] = every


def correlation_frame(independent: CorrelatedRun, correlated: CorrelatedRun, rho: float) -> pd.DataFrame:
    """Per figure two rows, ρ = 0 and ρ: P10, P50, P90 and the width P90 − P10 (1.000 kr., Danish)."""
    rows = []
    for figure in FIGURES:
        for run, r in ((independent, 0.0), (correlated, rho)):
            p10, p50, p90 = run.percentiles(figure)
            rows.append(
                {
                    t("sens.corr.col.figure"): t(f"col.{figure}"),
                    t("sens.corr.col.rho"): format_number(r, 2),
                    "P10": format_amount(p10),
                    "P50": format_amount(p50),
                    "P90": format_amount(p90),
                    t("sens.corr.col.width"): format_amount(p90 - p10),
                }
            )
    return pd.DataFrame(rows)


def correlation_section(
    case_id: str, case: Case, settings: Settings, distribution: str, seed: int, n: int
) -> pd.DataFrame | None:
    """The inputs (two drivers, ρ) and, once ρ ≠ 0 joins two different drivers, the comparison table."""
    st.subheader(t("sens.corr.title"))
    st.caption(t("sens.corr.caption"))
    names = drivers(case)
    if len(names) < 2:
        st.info(t("sens.corr.too_few"))
        return None
    labels = {a.name: f"{a.label} ({a.name})" for a in case.assumptions}
    own = _settings(case_id)
    cols = st.columns([3, 3, 1], vertical_alignment="bottom")
    picks = []
    for col, field, default in zip(cols[:2], ("a", "b"), names[:2], strict=True):
        current = own.get(field) if own.get(field) in names else default
        picks.append(
            col.selectbox(
                t(f"sens.corr.{field}"),
                names,
                format_func=lambda name: labels.get(name, name),
                **bound(f"sens.correlation.{field}.{case_id}", current, lambda v, f=field: _save(case_id, f, v)),
            )
        )
    rho = float(own.get("rho", 0.0))  # type: ignore[arg-type]
    with cols[2]:
        number_input(
            t("sens.corr.rho"),
            key=f"sens.correlation.rho.{case_id}",
            value=rho,
            commit=lambda v: _save(case_id, "rho", float(v)),
            minimum=-MAX_RHO,
            maximum=MAX_RHO,
            decimals=2,
            help=t("sens.corr.rho.help"),
        )
    a, b = picks
    if a == b:
        st.warning(t("sens.corr.same"))
        return None
    if rho == 0:
        st.caption(t("sens.corr.zero"))
        return None
    independent = correlated_cached(case, settings, (a, b), 0.0, n, seed, distribution)
    correlated = correlated_cached(case, settings, (a, b), rho, n, seed, distribution)
    frame = correlation_frame(independent, correlated, rho)
    show_table(frame, right=list(frame.columns[1:]), key="sens.corr.table")
    st.caption(
        t(
            "sens.corr.result",
            rho=format_number(rho, 2),
            a=md(labels.get(a, a)),
            b=md(labels.get(b, b)),
            achieved=format_number(correlated.rank_correlation(a, b), 2),
            n=format_number(n, 0),
            seed=seed,
        )
    )
    return frame


@st.cache_data(show_spinner=False, max_entries=50, hash_funcs={Case: case_key})
def portfolio_cached(
    cases: tuple[Case, ...], settings: Settings, shared: str, n: int, seed: int, distribution: str
) -> CorrelatedRun:
    """:func:`model.correlated_monte_carlo` of several cases, shared drivers ``"auto"`` or ``"none"``, cached."""
    return correlated_monte_carlo(list(cases), settings, shared=shared, n=n, seed=seed, distribution=distribution)


def portfolio_frame(apart: CorrelatedRun, shared: CorrelatedRun) -> pd.DataFrame:
    """Per portfolio figure two rows, each case on its own and shared drivers: P10, P50, P90, P90 − P10."""
    rows = []
    for figure in PORTFOLIO_FIGURES:
        for run, how in ((apart, "apart"), (shared, "shared")):
            p10, p50, p90 = run.percentiles(figure)
            show = format_amount if figure != "fte_full" else (lambda v: format_number(v, 1))
            rows.append(
                {
                    t("sens.corr.col.figure"): t(f"sens.port.{figure}"),
                    t("sens.port.col.how"): t(f"sens.port.{how}"),
                    "P10": show(p10),
                    "P50": show(p50),
                    "P90": show(p90),
                    t("sens.corr.col.width"): show(p90 - p10),
                }
            )
    return pd.DataFrame(rows)


def portfolio_section(cases: list[Case], settings: Settings, distribution: str, seed: int, n: int) -> pd.DataFrame | None:
    """The portfolio simulated with shared drivers against each case on its own (same seed, draws, distribution)."""
    st.subheader(t("sens.port.title"))
    st.caption(t("sens.port.caption"))
    if len(cases) < 2:
        st.info(t("sens.port.too_few"))
        return None
    key = tuple(cases)
    apart = portfolio_cached(key, settings, "none", n, seed, distribution)
    shared = portfolio_cached(key, settings, "auto", n, seed, distribution)
    frame = portfolio_frame(apart, shared)
    show_table(frame, right=list(frame.columns[2:]), key="sens.port.table")
    groups = [
        f"{v.key} ({', '.join(sorted({case for case, _, _ in v.members}))})" for v in shared.variables if v.shared
    ]
    st.caption(
        t(
            "sens.port.result",
            cases=", ".join(c.id for c in cases),
            shared=md(", ".join(groups)) if groups else t("sens.port.none_shared"),
            n=format_number(n, 0),
            seed=seed,
        )
    )
    return frame
