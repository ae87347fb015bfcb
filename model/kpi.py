"""Key figures of a cash-flow series: payback, NPV, IRR.

Flows are yearly amounts in 1.000 kr., **costs positive, savings negative**
(the documents' sign). Every function here accepts a leading batch axis:
``flows`` of shape ``(..., years)`` and ``level`` of shape ``(...)``, so the
same code serves one case and ten thousand Monte Carlo draws.

``level`` is the permanent yearly level after the last year of the table
(the fully phased-in Samlet varig ændring): the documents' convention is
that permanent changes go on, one-off investments do not.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = [
    "IRRResult",
    "Payback",
    "discounted_payback",
    "extend_flows",
    "irr",
    "npv",
    "payback",
]

_EPS = 1e-9


@dataclass(frozen=True)
class Payback:
    """Payback per the documents' convention.

    ``years``: whole years, counted from the first year in which money is
    spent, up to and including the first year in which the cumulative flow
    is ≤ 0 (NaN where it never is). ``exact``: the same with the last year
    interpolated linearly, ``years - 1 + c_prev / (c_prev - c_t)``.
    """

    years: np.ndarray
    exact: np.ndarray


def extend_flows(flows: np.ndarray, level: np.ndarray | float, horizon: int) -> np.ndarray:
    """The first ``horizon`` years of ``flows``, continued at ``level`` after the table.

    >>> extend_flows(np.array([5.0, -1.0]), -2.0, 4).tolist()
    [5.0, -1.0, -2.0, -2.0]
    """
    flows = np.asarray(flows, dtype=float)
    count = flows.shape[-1]
    if horizon <= count:
        return flows[..., :horizon]
    level = np.asarray(level, dtype=float)[..., None]
    tail = np.broadcast_to(level, (*flows.shape[:-1], horizon - count))
    return np.concatenate([flows, tail], axis=-1)


def payback(flows: np.ndarray, level: np.ndarray | float, gross_costs: np.ndarray) -> Payback:
    """Payback time in years (see :class:`Payback`); NaN where it never pays back.

    ``gross_costs`` (same shape as ``flows``) marks the years money is spent
    (> 0): counting starts at the first of them. With no spending at all the
    payback is 0. After the table the cumulative flow moves by ``level`` a
    year, so a case with a negative level always pays back eventually.

    >>> p = payback(np.array([2950., 1350., -1150., -1700., -1700.]), -1700., np.array([2950., 3150., 1250., 0., 0.]))
    >>> float(p.years), round(float(p.exact), 3)
    (5.0, 4.853)
    """
    flows = np.asarray(flows, dtype=float)
    level = np.broadcast_to(np.asarray(level, dtype=float), flows.shape[:-1])
    spends = np.asarray(gross_costs, dtype=float) > _EPS
    count = flows.shape[-1]
    any_spend = spends.any(axis=-1)
    start = np.where(any_spend, spends.argmax(axis=-1), 0)
    index = np.arange(count)
    active = index >= start[..., None]
    cumulative = np.cumsum(np.where(active, flows, 0.0), axis=-1)
    paid = active & (cumulative <= _EPS)
    within = paid.any(axis=-1)
    first = paid.argmax(axis=-1)
    previous = np.where(
        first > start,
        np.take_along_axis(cumulative, np.maximum(first - 1, 0)[..., None], axis=-1)[..., 0],
        0.0,
    )
    at_first = np.take_along_axis(cumulative, first[..., None], axis=-1)[..., 0]
    with np.errstate(all="ignore"):
        fraction = np.where(previous > _EPS, previous / (previous - at_first), 0.0)
        last = cumulative[..., -1]
        extra = np.where(level < -_EPS, last / -level, np.nan)
    years_within = first - start + 1.0
    exact_within = first - start + fraction
    years_after = (count - start) + np.ceil(extra - _EPS)
    exact_after = (count - start) + extra
    years = np.where(within, years_within, years_after)
    exact = np.where(within, exact_within, exact_after)
    years = np.where(any_spend, years, 0.0)
    exact = np.where(any_spend, exact, 0.0)
    return Payback(years=years, exact=exact)


def _discount_factors(rate: float | np.ndarray, count: int) -> np.ndarray:
    rate = np.asarray(rate, dtype=float)[..., None]
    return (1.0 + rate) ** -np.arange(count)


def npv(flows: np.ndarray, level: np.ndarray | float, rate: float, horizon: int) -> np.ndarray:
    """Present value of the net **savings** over ``horizon`` years, t = 0 undiscounted.

    ``NPV = -Σ_{t=0}^{H-1} flow_t / (1 + rate)^t``, with flows continued at
    ``level`` after the table. Positive when the investment pays; it is
    ``-numpy_financial.npv(rate, flows)`` (whose first value is not
    discounted, unlike Excel's ``NPV()``).

    >>> round(float(npv(np.array([100.0, -60.0, -60.0]), -60.0, 0.0, 3)), 6)
    20.0
    """
    series = extend_flows(flows, level, horizon)
    return -(series * _discount_factors(rate, series.shape[-1])).sum(axis=-1)


def discounted_payback(
    flows: np.ndarray, level: np.ndarray | float, gross_costs: np.ndarray, rate: float, limit: int = 100
) -> Payback:
    """Payback of the discounted flows (t = 0 the table's first year), within ``limit`` years.

    NaN where the discounted cumulative flow does not reach 0 within ``limit``
    years (a discounted permanent saving may never repay a large investment).
    """
    flows = np.asarray(flows, dtype=float)
    horizon = max(limit, flows.shape[-1])
    series = extend_flows(flows, level, horizon) * _discount_factors(rate, horizon)
    costs = extend_flows(np.asarray(gross_costs, dtype=float), 0.0, horizon)
    return payback(series, 0.0, costs)


def _polish(values: np.ndarray, x: float) -> float:
    """A root ``x`` of ``Σ v_t x^t`` refined by Newton steps (np.roots is accurate to ~1e-10)."""
    coefficients = values[::-1]
    derivative = np.polyder(coefficients)
    for _ in range(8):
        slope = np.polyval(derivative, x)
        if slope == 0:
            break
        x = x - np.polyval(coefficients, x) / slope
    return float(x)


@dataclass(frozen=True)
class IRRResult:
    """The internal rate of return, or ``None`` with the reason it has none."""

    rate: float | None
    reason: str | None


def irr(flows: np.ndarray, level: float, horizon: int) -> IRRResult:
    """IRR of the net-savings series ``-flows`` over ``horizon`` years.

    The rate ``r > -1`` at which :func:`npv` is 0. Found as the real positive
    roots ``x = 1/(1+r)`` of ``Σ v_t x^t``. No sign change in the series: no
    IRR; several distinct roots: no single IRR. Both come back as
    ``rate=None`` with the reason, never NaN or inf.

    >>> irr(np.array([100.0, -110.0]), 0.0, 2).rate
    0.1
    """
    values = -extend_flows(np.asarray(flows, dtype=float), level, horizon)
    signs = np.sign(values[np.abs(values) > _EPS])
    if signs.size == 0 or np.all(signs == signs[0]):
        return IRRResult(None, "no sign change: the flows never turn from costs to savings")
    roots = np.roots(values[::-1])
    real = roots[np.abs(roots.imag) < 1e-6 * np.maximum(1.0, np.abs(roots))].real  # a double root comes out slightly complex
    positive = np.unique(np.round([_polish(values, x) for x in real[real > 1e-12]], 10))
    rates = sorted(float(1.0 / x - 1.0) for x in positive)
    if not rates:
        return IRRResult(None, "no real rate makes the net present value zero")
    if len(rates) > 1:
        shown = ", ".join(f"{r:.1%}" for r in rates[:4])
        return IRRResult(None, f"several rates make the net present value zero ({shown})")
    rate = round(rates[0], 10)
    if not np.isfinite(rate):
        return IRRResult(None, "no finite rate makes the net present value zero")
    return IRRResult(rate, None)
