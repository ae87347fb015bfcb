"""Labour supply: årsværk freed (time saved) and årsværk kept (staff retained).

These investments answer a shortage of hands: "I 2030/2035 vil der mangle
mindst 15.000 social- og sundhedsmedarbejdere" (the talk "Arbejdskraftssituationen
i ældreplejen i dag", March 2024, with FOA's sector chair; the project's seed
002). A case helps in two ways:

- **årsværk freed** (*frigjort*): staff hours a task no longer takes (a line's
  ``hours``), e.g. I5's 8.870 hours a year when one carer instead of two moves
  a citizen;
- **årsværk kept** (*fastholdt*): staff who stay in work who would otherwise
  have left (a line's ``kept_hours``), e.g. I6's 125 employees a year who
  retire one year later.

Hours per årsværk, gross and net
--------------------------------
``hours_per_fte`` (gross) is the paid hours of one full-time employee:
37 hours × 52 weeks = 1.924. Not all of them are worked: the seed reports
"21,9 dagsværk pr. fuldtidsansat i 2022" of sick leave in eldercare
(seed 002, against 16,1 for municipalities on average). The **net**
hours per årsværk take that absence off::

    hours per day        = hours_per_fte / days_per_fte       (1.924 / 260 = 7,4)
    net hours per årsværk = hours_per_fte − absence_days × hours per day
                         = 1.924 − 21,9 × 7,4 = 1.761,94

Holidays are not deducted by default (an årsværk of 1.924 hours already pays
them); a user who wants worked hours net of holidays adds them to
``absence_days``.

What the hours are decides the direction. The cases' hours are **paid**
staff hours: each case turns kroner into hours and back with one hourly
rate (I5: 3.150 t.kr. / 8.870 hours = 355 kr.), so an hour freed is an hour
off the payroll, and ``hours / 1.924`` are payroll årsværk (positions) —
the documents' convention, ``KPIs.fte_full``. A position is paid for 1.924
hours but its holder is at work only the net hours; the sick days are paid,
not worked. So the hands a position adds on the floor are its **presence
share** ``net / gross`` (1.761,94 / 1.924 = 91,58 %)::

    net årsværk = gross årsværk × net hours per årsværk / hours per årsværk
                = hours × (1 − absence_days / days_per_fte) / hours_per_fte

The freed hours buy **fewer** net årsværk than gross ones (I5: 8.870 hours
= 4,61 gross, 4,22 net): the staff actually at work on an average day.
The same rule holds for staff kept (``kept_hours`` are the paid hours of
employees who stay): I6's 125 kept årsværk are 114,47 at work.

All figures are per year (hours a year; årsværk), phased in like the line.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .evaluate import CaseResult, compute_flows
from .schema import Case

__all__ = [
    "DEFAULT_ABSENCE_DAYS",
    "DEFAULT_DAYS_PER_FTE",
    "SHORTAGE_REFERENCES",
    "Labour",
    "LabourFigures",
    "ShortageReference",
    "kept_hours",
    "labour_figures",
    "portfolio_labour",
]

#: Sick days per full-time employee in eldercare, 2022 (seed 002, "Arbejdskraftssituationen i
#: ældreplejen i dag", March 2024: "Højt sygefravær
#: (21,9 dagsværk pr. fuldtidsansat i 2022 – sammenlignet med et gennemsnitligt kommunalt
#: sygefravær på 16,1 dagsværk pr. fuldtidsansat)").
DEFAULT_ABSENCE_DAYS = 21.9
#: Working days in a full-time year: 5 days × 52 weeks (so 1.924 hours are 7,4 hours a day).
DEFAULT_DAYS_PER_FTE = 260.0


@dataclass(frozen=True)
class Labour:
    """How hours become årsværk.

    ``hours_per_fte``: gross (paid) hours of one årsværk, 1.924 = 37 × 52;
    ``absence_days``: days of absence per full-time employee a year
    (default 21,9 sick days, seed 002); ``days_per_fte``: working days in a
    full-time year (260 = 5 × 52).

    >>> round(Labour().net_hours_per_fte, 2)
    1761.94
    """

    hours_per_fte: float = 1924.0
    absence_days: float = DEFAULT_ABSENCE_DAYS
    days_per_fte: float = DEFAULT_DAYS_PER_FTE

    def __post_init__(self) -> None:
        for name, low, high in (("hours_per_fte", 1.0, 8784.0), ("days_per_fte", 1.0, 366.0)):
            value = getattr(self, name)
            if not _number(value) or not low <= value <= high:
                msg = f"{name.replace('_', ' ')} {value!r} must be a number from {low:g} to {high:g}"
                raise ValueError(msg)
        if not _number(self.absence_days) or not 0 <= self.absence_days < self.days_per_fte:
            msg = f"absence days {self.absence_days!r} must be a number from 0 to below {self.days_per_fte:g} (the working days)"
            raise ValueError(msg)

    @property
    def hours_per_day(self) -> float:
        """Hours in one working day: ``hours_per_fte / days_per_fte`` (7,4)."""
        return self.hours_per_fte / self.days_per_fte

    @property
    def absence_hours(self) -> float:
        """Hours of absence per full-time employee a year: ``absence_days × hours_per_day`` (162,06)."""
        return self.absence_days * self.hours_per_day

    @property
    def net_hours_per_fte(self) -> float:
        """Hours one full-time employee works a year: ``hours_per_fte − absence_hours`` (1.761,94)."""
        return self.hours_per_fte - self.absence_hours

    @property
    def presence_share(self) -> float:
        """Share of the paid hours that are worked: ``net_hours_per_fte / hours_per_fte`` (0,9158 at 21,9 days)."""
        return self.net_hours_per_fte / self.hours_per_fte


def _number(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value)


def kept_hours(case: Case, values: dict[str, float] | None = None) -> np.ndarray:
    """Paid hours of staff kept in work per year (the lines' ``kept_hours``, phased in); shape (years,).

    Evaluated by the engine itself, as the lines' ``hours`` are: each line's
    ``kept_hours`` formula takes the place of its ``hours`` in a copy of the
    case, so phase-in and every formula rule are the same.
    """
    lines = [line.model_copy(update={"hours": line.kept_hours}) for line in case.lines]
    if not any(line.kept_hours for line in case.lines):
        return np.zeros(len(case.years))
    flows = compute_flows(case.model_copy(update={"lines": lines}), values)
    return np.asarray(flows.hours, dtype=float)


@dataclass(frozen=True)
class LabourFigures:
    """One case's labour supply, per year and at full phase-in (the table's last year).

    ``hours_freed``/``hours_kept``: paid hours a year. In årsværk:
    ``fte_freed`` (gross, ``hours / hours_per_fte``), ``fte_kept`` (gross,
    ``kept hours / hours_per_fte``), and their net figures ``fte_freed_net``
    and ``fte_kept_net`` (gross × ``presence_share``: the staff at work on an
    average day, fewer than gross when there is absence).
    """

    case_id: str
    years: tuple[int, ...]
    hours_freed: tuple[float, ...]
    hours_kept: tuple[float, ...]
    labour: Labour

    def _last(self, series: tuple[float, ...]) -> float:
        return series[-1] if series else 0.0

    @property
    def fte_freed_yearly(self) -> tuple[float, ...]:
        """Gross årsværk freed per year."""
        return tuple(h / self.labour.hours_per_fte for h in self.hours_freed)

    @property
    def fte_freed_net_yearly(self) -> tuple[float, ...]:
        """Net årsværk freed per year: gross × presence share (``hours × net / gross²``)."""
        return tuple(v * self.labour.presence_share for v in self.fte_freed_yearly)

    @property
    def fte_kept_yearly(self) -> tuple[float, ...]:
        """Årsværk kept per year (gross: kept paid hours / hours per årsværk)."""
        return tuple(h / self.labour.hours_per_fte for h in self.hours_kept)

    @property
    def fte_kept_net_yearly(self) -> tuple[float, ...]:
        """Net årsværk kept per year: gross × presence share."""
        return tuple(v * self.labour.presence_share for v in self.fte_kept_yearly)

    @property
    def fte_freed(self) -> float:
        """Gross årsværk freed at full phase-in."""
        return self._last(self.fte_freed_yearly)

    @property
    def fte_freed_net(self) -> float:
        """Net årsværk freed at full phase-in."""
        return self._last(self.fte_freed_net_yearly)

    @property
    def fte_kept(self) -> float:
        """Årsværk kept at full phase-in (gross)."""
        return self._last(self.fte_kept_yearly)

    @property
    def fte_kept_net(self) -> float:
        """Net årsværk kept at full phase-in."""
        return self._last(self.fte_kept_net_yearly)

    @property
    def fte_total_net(self) -> float:
        """Net årsværk freed plus net årsværk kept at full phase-in: the case's answer to the shortage."""
        return self.fte_freed_net + self.fte_kept_net

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON (rounded to 6 decimals)."""
        return {
            "fte_freed": round(self.fte_freed, 6),
            "fte_freed_net": round(self.fte_freed_net, 6),
            "fte_kept": round(self.fte_kept, 6),
            "fte_kept_net": round(self.fte_kept_net, 6),
            "hours_kept": [round(h, 6) for h in self.hours_kept],
            "fte_freed_yearly": [round(v, 6) for v in self.fte_freed_yearly],
            "fte_freed_net_yearly": [round(v, 6) for v in self.fte_freed_net_yearly],
            "fte_kept_yearly": [round(v, 6) for v in self.fte_kept_yearly],
            "fte_kept_net_yearly": [round(v, 6) for v in self.fte_kept_net_yearly],
        }


def labour_figures(result: CaseResult, labour: Labour | None = None) -> LabourFigures:
    """Årsværk freed and kept of one evaluated case (``labour`` default: 1.924 hours, 21,9 absence days).

    The hours per årsværk default to the result's own setting, so the gross
    ``fte_freed`` equals ``result.kpis.fte_full``.
    """
    labour = labour or Labour(hours_per_fte=result.settings.hours_per_fte)
    kept = kept_hours(result.case)
    return LabourFigures(
        case_id=result.case.id,
        years=result.years,
        hours_freed=tuple(float(h) for h in result.flows.hours),
        hours_kept=tuple(float(h) for h in kept),
        labour=labour,
    )


def portfolio_labour(figures: Sequence[LabourFigures]) -> dict[str, float]:
    """The portfolio's årsværk at full phase-in: ``fte_freed(_net)``, ``fte_kept(_net)``, ``fte_total_net``."""
    return {
        "fte_freed": sum(f.fte_freed for f in figures),
        "fte_freed_net": sum(f.fte_freed_net for f in figures),
        "fte_kept": sum(f.fte_kept for f in figures),
        "fte_kept_net": sum(f.fte_kept_net for f in figures),
        "fte_total_net": sum(f.fte_total_net for f in figures),
    }


@dataclass(frozen=True)
class ShortageReference:
    """A shortage figure from the strategy's sources, offered as a reference (persons)."""

    key: str
    persons: float
    quote: str
    source: str


#: Shortage figures the user can pick as the reference line; quoted from the strategy's
#: sources (the talk "Arbejdskraftssituationen i ældreplejen i dag", March 2024; Aarhus
#: Kommune's status on recruitment and retention, February 2021). The user can type any other figure.
SHORTAGE_REFERENCES: tuple[ShortageReference, ...] = (
    ShortageReference(
        "national_2030",
        15_000,
        "I 2030/2035 vil der mangle mindst 15.000 social- og sundhedsmedarbejdere",
        "Oplæg “Arbejdskraftssituationen i ældreplejen i dag”, marts 2024 (hele landet)",
    ),
    ShortageReference(
        "national_2035",
        27_400,
        "… vil der i 2035 mangle op mod 27.400 social- og sundhedsmedarbejdere",
        "Oplæg “Arbejdskraftssituationen i ældreplejen i dag”, marts 2024 "
        "(hele landet, hvis efterspørgslen efter ufaglærte dækkes af uddannede)",
    ),
    ShortageReference(
        "aarhus_now",
        45,
        "Vi aktuelt søger 45 SOSU-assistenter",
        "Aarhus Kommune, Sundhed og Omsorg: Status på rekruttering og fastholdelse, "
        "chefteammøde 10. februar 2021 (stillingsopslag 1.1.2020-4.1.2021)",
    ),
)
