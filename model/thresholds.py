"""A test a case should pass: a key figure against a limit (payback ≤ N years, NPV ≥ 0, ...)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from .key_figures import KPIS
from .ranges import UncertaintyError

__all__ = ["LESS_IS_BETTER", "Threshold", "check_kpi"]

#: Per key figure of :data:`model.key_figures.KPIS`: True when a smaller value is better.
LESS_IS_BETTER = {"net_permanent": True, "payback": True, "payback_years": True, "npv": False}


def check_kpi(kpi: str) -> None:
    """Raise :class:`UncertaintyError` unless ``kpi`` is one of :data:`KPIS`."""
    if kpi not in KPIS:
        msg = f"unknown key figure {kpi!r}; choose one of {', '.join(KPIS)}"
        raise UncertaintyError(msg)


@dataclass(frozen=True)
class Threshold:
    """A test the case should pass: ``payback ≤ limit``, ``npv ≥ limit`` or ``net_permanent ≤ limit``.

    ``limit`` is in the key figure's unit (years; 1.000 kr.). Payback is
    tested on whole years, which is the same as ``payback ≤ limit`` on the
    interpolated figure when ``limit`` is whole (except that a case paid
    back within its first year of spending has 0 interpolated years but 1
    whole year). ``figure`` is the key figure tested (``payback_years`` for
    payback). ``margin`` is how far a value is on the good side (≥ 0: met;
    negative: missed).

    >>> Threshold("npv", 0.0).margin(np.array([5.0, -2.0])).tolist()
    [5.0, -2.0]
    >>> Threshold("payback", 6).meets(np.array([5.5, np.inf])).tolist()
    [True, False]
    """

    kpi: Literal["payback", "npv", "net_permanent"]
    limit: float

    def __post_init__(self) -> None:
        if self.kpi not in ("payback", "npv", "net_permanent"):
            msg = f"a threshold tests payback, npv or net_permanent, not {self.kpi!r}"
            raise UncertaintyError(msg)
        if isinstance(self.limit, bool) or not isinstance(self.limit, (int, float)) or not math.isfinite(self.limit):
            msg = f"the threshold must be a finite number, got {self.limit!r}"
            raise UncertaintyError(msg)
        if self.kpi == "payback" and not 0 <= self.limit <= 200:
            msg = f"a payback threshold must be between 0 and 200 years, got {self.limit:g}"
            raise UncertaintyError(msg)

    @property
    def figure(self) -> str:
        """The key of :data:`KPIS` the test reads: whole years for payback, as the documents count."""
        return "payback_years" if self.kpi == "payback" else self.kpi

    @property
    def operator(self) -> str:
        """``"≤"`` or ``"≥"``."""
        return "≤" if LESS_IS_BETTER[self.kpi] else "≥"

    def margin(self, values: np.ndarray) -> np.ndarray:
        """``limit - value`` (for ≤) or ``value - limit`` (for ≥); nan stays nan."""
        values = np.asarray(values, dtype=float)
        with np.errstate(invalid="ignore"):
            return self.limit - values if LESS_IS_BETTER[self.kpi] else values - self.limit

    def meets(self, values: np.ndarray) -> np.ndarray:
        """Whether each value passes (nan: False)."""
        with np.errstate(invalid="ignore"):
            return self.margin(values) >= 0

    def __str__(self) -> str:
        return f"{self.kpi} {self.operator} {self.limit:g}"
