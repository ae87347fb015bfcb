"""The key figures of evaluated flows: ONE vectorised function for every caller.

:func:`key_figures` reads :class:`model.Flows` (one scenario, or a batch of
shape ``(n,)`` from Monte Carlo, a tornado, a portfolio search) and gives
every key figure as an array of the batch's shape. :func:`model.evaluate`
turns the one-scenario figures into :class:`model.KPIs`; the uncertainty
analyses read the arrays directly (:func:`kpi_values`).

Units and signs (1.000 kr. at the case's price level):

``net_permanent``
    Varig effektivisering, netto: Samlet varig ændring in the last year,
    fully phased in; **negative is a saving**.
``payback`` / ``payback_years``
    Payback time in years, interpolated / whole years as the documents print
    it (:func:`model.payback` on Samlet økonomisk påvirkning with every
    krone, innovation pool included); ``inf`` where it never pays back.
``discounted_payback_years``
    The same on flows discounted at the settings' rate, within 100 years;
    ``inf`` where not.
``npv``
    Present value of the net savings over the horizon; **positive when it pays**.
``drift`` / ``anlaeg`` / ``innovation``
    The overview's columns: service investments from the investment pool,
    capital investments, service investments from the innovation pool; sums
    over the years (costs +).
``hours_full`` / ``fte_full``
    Staff hours freed in the last year (fully phased in), and the same in
    årsværk (hours / ``hours_per_fte``).

Validity, the same rule everywhere: a scenario whose line *amounts* are not
all finite (a division by zero) has ``nan`` for every money figure
(``valid`` is False there); one whose line *hours* are not all finite has
``nan`` hours and årsværk (``hours_valid``), because the hours may divide by
an hourly rate that does not touch the kroner. :func:`model.evaluate` refuses
both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from .kpi import IRRResult, discounted_payback, irr, npv, payback

if TYPE_CHECKING:  # evaluate imports this module; these are only types here
    from .evaluate import Flows, Settings
    from .schema import Case

__all__ = ["KEY_FIGURES", "KPIS", "KeyFigures", "key_figures", "kpi_values"]

#: Key figures the uncertainty analyses report (see the module docstring for units and signs).
KPIS: tuple[str, ...] = ("net_permanent", "payback", "payback_years", "npv")

#: Every array :class:`KeyFigures` gives, by name.
KEY_FIGURES: tuple[str, ...] = (
    "net_permanent",
    "payback",
    "payback_years",
    "discounted_payback_years",
    "npv",
    "drift",
    "anlaeg",
    "innovation",
    "hours_full",
    "fte_full",
)


def _never_is_inf(values: np.ndarray) -> np.ndarray:
    return np.where(np.isnan(values), np.inf, values)


@dataclass(frozen=True)
class KeyFigures:
    """Key figures of ``flows`` under ``settings``, each computed on first access.

    Every figure is an array of the flows' batch shape (``()`` for one
    scenario); money figures are ``nan`` where ``valid`` is False, hours
    where ``hours_valid`` is False (see the module docstring).
    """

    flows: Flows
    settings: Settings

    @cached_property
    def valid(self) -> np.ndarray:
        """True where every line's amounts are finite in every year."""
        mask = np.ones(self.flows.permanent.shape[:-1], dtype=bool)
        for series in self.flows.lines.values():
            mask &= np.isfinite(series).all(axis=-1)
        return mask

    @cached_property
    def hours_valid(self) -> np.ndarray:
        """True where every line's staff hours are finite in every year."""
        mask = np.ones(self.flows.permanent.shape[:-1], dtype=bool)
        for series in self.flows.line_hours.values():
            mask &= np.isfinite(series).all(axis=-1)
        return mask

    def _money(self, values: np.ndarray) -> np.ndarray:
        return np.where(self.valid, np.asarray(values, dtype=float), np.nan)

    @cached_property
    def _payback(self) -> tuple[np.ndarray, np.ndarray]:
        flows = self.flows
        with np.errstate(all="ignore"):
            pay = payback(flows.total_impact_all, flows.net_permanent, flows.gross_costs)
        return pay.exact, pay.years

    @cached_property
    def net_permanent(self) -> np.ndarray:
        """Samlet varig ændring in the last year (1.000 kr. a year; − saves)."""
        return self._money(self.flows.net_permanent)

    @cached_property
    def payback(self) -> np.ndarray:
        """Payback years, last year interpolated; ``inf``: never."""
        return self._money(_never_is_inf(self._payback[0]))

    @cached_property
    def payback_years(self) -> np.ndarray:
        """Payback in whole years as printed; ``inf``: never."""
        return self._money(_never_is_inf(self._payback[1]))

    @cached_property
    def discounted_payback_years(self) -> np.ndarray:
        """Whole years until the discounted flows pay back (within 100 years); ``inf``: not within."""
        flows = self.flows
        with np.errstate(all="ignore"):
            pay = discounted_payback(flows.total_impact_all, flows.net_permanent, flows.gross_costs, self.settings.discount_rate)
        return self._money(_never_is_inf(pay.years))

    @cached_property
    def npv(self) -> np.ndarray:
        """Present value of net savings over the horizon (1.000 kr.; + pays)."""
        flows = self.flows
        with np.errstate(all="ignore"):
            value = npv(flows.total_impact_all, flows.net_permanent, self.settings.discount_rate, self.settings.horizon)
        return self._money(value)

    @cached_property
    def drift(self) -> np.ndarray:
        """Service investments from the investment pool, all years (1.000 kr.; costs +)."""
        return self._money(self.flows.service_investment.sum(axis=-1))

    @cached_property
    def anlaeg(self) -> np.ndarray:
        """Capital investments, all years (1.000 kr.; costs +)."""
        return self._money(self.flows.capital_investment.sum(axis=-1))

    @cached_property
    def innovation(self) -> np.ndarray:
        """Service investments sought from the innovation pool, all years (1.000 kr.; costs +)."""
        return self._money(self.flows.innovation.sum(axis=-1))

    @cached_property
    def hours_full(self) -> np.ndarray:
        """Staff hours freed in the last year (hours a year)."""
        return np.where(self.hours_valid, self.flows.hours[..., -1], np.nan)

    @cached_property
    def fte_full(self) -> np.ndarray:
        """:attr:`hours_full` in årsværk (hours / hours per årsværk)."""
        return self.hours_full / self.settings.hours_per_fte

    def irr(self) -> IRRResult:
        """The internal rate of return of one scenario (:func:`model.irr`; roots are not vectorised).

        Raises ``ValueError`` for a batch of scenarios.
        """
        if self.flows.permanent.ndim != 1:
            msg = "the IRR is computed for one scenario at a time"
            raise ValueError(msg)
        return irr(self.flows.total_impact_all, float(self.flows.net_permanent), self.settings.horizon)

    def as_dict(self, names: tuple[str, ...] = KEY_FIGURES) -> dict[str, np.ndarray]:
        """The figures ``names`` plus ``"valid"``, as plain arrays."""
        return {**{name: getattr(self, name) for name in names}, "valid": self.valid}


def key_figures(flows: Flows, settings: Settings) -> KeyFigures:
    """Every key figure of ``flows`` (one scenario or a batch) under ``settings``; see :class:`KeyFigures`."""
    return KeyFigures(flows=flows, settings=settings)


def kpi_values(
    case: Case, values: Mapping[str, float | np.ndarray] | None = None, settings: Settings | None = None
) -> dict[str, np.ndarray]:
    """The uncertainty figures (:data:`KPIS`) for assumption ``values``: floats or arrays of shape ``(n,)``.

    One vectorised pass through :func:`model.compute_flows` and
    :func:`key_figures`. Returns arrays of the values' broadcast shape:
    ``nan`` where a formula gives no finite amount in some line and year,
    ``inf`` payback where the case never pays back; ``"valid"`` holds the
    mask of finite scenarios.
    """
    from .evaluate import Settings, compute_flows, settings_for  # evaluate imports this module

    with np.errstate(all="ignore"):
        flows = compute_flows(case, values)
    return key_figures(flows, settings_for(case, settings or Settings())).as_dict(KPIS)
