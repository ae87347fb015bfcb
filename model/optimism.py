"""Optimism bias: costs raised and savings lowered by how sure each line's figures are.

Appraisers tend to underestimate costs and overestimate benefits. The UK
Treasury's Green Book asks for explicit uplifts, and its supplementary
guidance on optimism bias (HM Treasury, 2003, from Mott MacDonald's "Review
of Large Public Procurement in the UK", 2002) gives upper and lower bounds
for capital costs, e.g. standard buildings 24 % / 2 %, non-standard civil
engineering 66 % / 6 %, equipment and development (the class nearest to IT
and welfare technology) 200 % / 10 %, and operating costs of outsourcing
41 % / 0 %. It gives no figures for benefits; it only says they need the
same scrutiny.

Each line of a case may carry a ``confidence`` grade, ``high``, ``medium``
or ``low``. A line without one is **not graded** ("ikke vurderet") and is
left as it is, unless the user chooses a grade for ungraded lines
explicitly (:attr:`OptimismBias.default_grade`, None by default): how sure a
line is is a judgement someone has to make, and a blanket default would show
a policy choice as if it were a finding (a 20 % default for every ungraded
line turns I4's NPV from +29 mio. kr. to −16 mio. kr.). A graded line's
yearly amounts are scaled, year by year and sign by sign:

    cost (amount > 0):    amount × (1 + cost uplift of the grade)
    saving (amount < 0):  amount × (1 − saving reduction of the grade)

Defaults, **policy choices of this project**, not figures from any source:

======  ============  =================
grade   cost uplift   saving reduction
======  ============  =================
high    10 %          10 %
medium  20 %          20 %
low     40 %          40 %
======  ============  =================

How they relate to the Green Book: ``high`` (a quote, a contract, a
measured pilot) is its lower bound for equipment/development (10 %);
``medium`` (an estimate from comparable projects) sits just under its upper
bound for standard buildings (24 %), as municipal welfare technology is
mostly bought off the shelf at a small scale; ``low`` (an early rough
estimate, untested technology) is about its upper bound for outsourced
operating costs (41 %) and well below equipment/development's 200 %, which
describes large bespoke projects before any risk is mitigated. Savings get
the same percentages for want of a published benefit table: a policy
choice to treat an uncertain saving no more kindly than an uncertain cost.
Lines without a grade are left out unless the user picks a grade for them.
Every figure is a setting the user can change.

A line with ``round_to`` (amounts the document rounds, e.g. to 5 t.kr.)
keeps it: the adjusted amount is rounded to the same multiple, so it is the
scaled amount within half that multiple.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Literal

from .formula import FormulaError
from .schema import Case, Line

__all__ = ["DEFAULT_OPTIMISM_BIAS", "GRADES", "GREEN_BOOK_SOURCE", "OptimismBias", "apply_optimism_bias"]

Grade = Literal["high", "medium", "low"]

#: The confidence grades, most sure first.
GRADES: tuple[Grade, ...] = ("high", "medium", "low")

#: Where the grades' anchors come from, to be named beside them.
GREEN_BOOK_SOURCE = (
    "HM Treasury, The Green Book: Supplementary Green Book Guidance – Optimism Bias (2003), "
    "from Mott MacDonald, Review of Large Public Procurement in the UK (2002)"
)

#: Largest cost uplift accepted: the Green Book's highest upper bound (200 %).
MAX_COST_UPLIFT = 2.0


@dataclass(frozen=True)
class OptimismBias:
    """Uplifts per confidence grade, as shares (0.2 = 20 %).

    ``cost_<grade>``: costs (positive amounts) are multiplied by ``1 + cost``;
    ``saving_<grade>``: savings (negative amounts) by ``1 − saving``.
    ``default_grade`` applies to lines without a grade; None (the default)
    leaves them unadjusted ("ikke vurderet"). See the module docstring for
    the defaults and their sources.
    """

    cost_high: float = 0.10
    cost_medium: float = 0.20
    cost_low: float = 0.40
    saving_high: float = 0.10
    saving_medium: float = 0.20
    saving_low: float = 0.40
    default_grade: Grade | None = None

    def __post_init__(self) -> None:
        for f in fields(self):
            if f.name == "default_grade":
                continue
            value = getattr(self, f.name)
            top = MAX_COST_UPLIFT if f.name.startswith("cost") else 1.0
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                msg = f"optimism bias {f.name}: must be a number, got {value!r}"
                raise ValueError(msg)
            if not 0 <= value <= top:
                msg = f"optimism bias {f.name}: {value:.0%} is outside 0 %–{top:.0%}"
                raise ValueError(msg)
        if self.default_grade is not None and self.default_grade not in GRADES:
            msg = f"default grade must be one of {', '.join(GRADES)} (or none), got {self.default_grade!r}"
            raise ValueError(msg)

    def grade_of(self, grade: Grade | None) -> Grade | None:
        """The grade a line with ``grade`` is treated as: its own, else the default grade (None: not graded)."""
        return grade or self.default_grade

    def cost_uplift(self, grade: Grade | None) -> float:
        """The cost uplift of ``grade`` (None: the default grade's; 0 when there is none)."""
        used = self.grade_of(grade)
        return 0.0 if used is None else float(getattr(self, f"cost_{used}"))

    def saving_reduction(self, grade: Grade | None) -> float:
        """The saving reduction of ``grade`` (None: the default grade's; 0 when there is none)."""
        used = self.grade_of(grade)
        return 0.0 if used is None else float(getattr(self, f"saving_{used}"))

    def table(self) -> list[dict[str, object]]:
        """One row per grade: ``grade``, ``cost_uplift``, ``saving_reduction`` (shares)."""
        return [{"grade": g, "cost_uplift": self.cost_uplift(g), "saving_reduction": self.saving_reduction(g)} for g in GRADES]

    @classmethod
    def from_table(cls, rows: list[dict[str, object]], default_grade: Grade | None = None) -> OptimismBias:
        """The inverse of :meth:`table`; raises ``ValueError`` for a missing grade or a bad figure."""
        values: dict[str, object] = {"default_grade": default_grade}
        for row in rows:
            grade = row.get("grade")
            if grade not in GRADES:
                msg = f"unknown confidence grade {grade!r}"
                raise ValueError(msg)
            values[f"cost_{grade}"] = row.get("cost_uplift")
            values[f"saving_{grade}"] = row.get("saving_reduction")
        missing = [g for g in GRADES if f"cost_{g}" not in values]
        if missing:
            msg = f"the table has no row for {', '.join(missing)}"
            raise ValueError(msg)
        for key, value in values.items():
            if key != "default_grade" and (value is None or isinstance(value, bool) or not isinstance(value, (int, float))):
                msg = f"optimism bias {key}: enter a number"
                raise ValueError(msg)
        return cls(**values)  # type: ignore[arg-type]


#: The project's defaults (see the module docstring).
DEFAULT_OPTIMISM_BIAS = OptimismBias()


def _factor_text(x: float) -> str:
    return repr(float(x))


def _scaled(text: str, up: float, down: float) -> str:
    """Formula for ``x`` scaled: ``max(x, 0) · up + min(x, 0) · down``."""
    return f"max({text}, 0) * {_factor_text(up)} + min({text}, 0) * {_factor_text(down)}"


def _scale_line(line: Line, up: float, down: float) -> Line:
    """``line`` with every yearly amount scaled by sign (see :func:`apply_optimism_bias`)."""
    update: dict[str, object] = {}
    if line.formula is not None:
        # The engine multiplies the wrapped formula by the same phase-in share as the old
        # one; since a share is never negative, scaling before or after it gives the same
        # amount (a ``round_to`` then rounds the scaled amount).
        update["formula"] = _scaled(f"({line.formula})", up, down)
    if line.amounts is not None:
        amounts: dict[int, float | str] = {}
        for year, amount in line.amounts.items():
            if isinstance(amount, str):
                amounts[year] = _scaled(f"({amount})", up, down)
            else:
                amounts[year] = float(amount) * (up if amount > 0 else down)
        update["amounts"] = amounts
    try:
        scaled = Line.model_validate({**line.model_dump(), **update})
        scaled.formulas()  # the longer formulas must still parse
        return scaled
    except (ValueError, FormulaError) as exc:
        msg = f"line {line.name!r}: cannot apply the optimism bias ({exc})"
        raise ValueError(msg) from None


def apply_optimism_bias(case: Case, bias: OptimismBias = DEFAULT_OPTIMISM_BIAS) -> Case:
    """The case with every graded line's amounts adjusted for optimism bias.

    Per line and year, with the line's grade (or ``bias.default_grade``;
    a line with neither is left as it is):
    a cost ``a > 0`` becomes ``a · (1 + cost uplift)``, a saving ``a < 0``
    becomes ``a · (1 − saving reduction)``; 1.000 kr., signs kept. Formulas
    stay formulas (``max(x, 0)·u + min(x, 0)·d``), so the adjusted case runs
    through every analysis, Monte Carlo included, and exports like any
    other. Staff hours are not adjusted. Raises ``ValueError`` naming the
    line if a formula would grow past the formula language's limits.

    >>> from model.schema import Line
    >>> line = Line(name="x", kind="one_off", area="anlaeg", amounts={2020: 100.0, 2021: -50.0})
    >>> _scale_line(line, 1.25, 0.75).amounts
    {2020: 125.0, 2021: -37.5}
    """
    lines = []
    for line in case.lines:
        up = 1.0 + bias.cost_uplift(line.confidence)
        down = 1.0 - bias.saving_reduction(line.confidence)
        lines.append(line if (up, down) == (1.0, 1.0) else _scale_line(line, up, down))
    return case.model_copy(update={"lines": lines})
