"""The workbench's own sections of a scenario, registered once when the store is imported.

A saved scenario keeps, beside the changed assumptions, what the user set on
the pages (``docs/store.md``, "how a feature adds its data"):

``portfolio`` (:class:`model.PortfolioScenario`, version 1)
    the Portefølje page's cases, edited prerequisites and alternative groups,
    budgets per pool (1.000 kr.), objective and payback limit;
``follow_up`` (:class:`model.FollowUpScenario`, version 1)
    the Opfølgning page's actuals (1.000 kr., the plan's sign), phases and
    statuses, measurements and the funded cases;
``sensitivity`` (:class:`SensitivityScenario`, version 1)
    the Følsomhed page's ranges, optimism bias, thresholds and Monte Carlo settings;
``domain`` (:class:`DomainScenario`, version 1)
    the Arbejdskraft page's absence days and shortage figure, and the price
    index years and the common price level the user set on the overview.

Each is plain, validated JSON; a section missing from a scenario means the
page's defaults.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ..choice_scenario import PortfolioScenario
from ..followup import FollowUpScenario
from .document import register_section

__all__ = [
    "DOMAIN_SECTION",
    "FOLLOW_UP_SECTION",
    "PORTFOLIO_SECTION",
    "SENSITIVITY_SECTION",
    "DomainScenario",
    "LabourInputs",
    "SensitivityScenario",
]

PORTFOLIO_SECTION = "portfolio"
FOLLOW_UP_SECTION = "follow_up"
SENSITIVITY_SECTION = "sensitivity"
DOMAIN_SECTION = "domain"

_End = float | None


class _Plain(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    @property
    def empty(self) -> bool:
        """Nothing set: the page's defaults."""
        return self == type(self)()


class SensitivityScenario(_Plain):
    """The Følsomhed page's settings.

    ``ranges`` ``{case: {assumption: [low, high]}}`` in the assumption's unit
    (None: the default end); ``optimism`` the changed optimism-bias fields
    (shares, 0.2 = 20 %, or ``default_grade``); ``limits`` the threshold per
    key figure (1.000 kr., or years for payback); ``draws``, ``seed``,
    ``distribution`` the Monte Carlo settings (None: the defaults);
    ``vary_anyway`` ``{case: [assumption]}`` the constants varied all the same;
    ``correlation`` ``{case: {"a", "b", "rho"}}`` a rank correlation between two drivers.
    """

    ranges: dict[str, dict[str, tuple[_End, _End]]] = Field(default_factory=dict)
    optimism: dict[str, float | str | None] = Field(default_factory=dict)
    limits: dict[str, float] = Field(default_factory=dict)
    draws: int | None = Field(default=None, ge=1)
    seed: int | None = Field(default=None, ge=0)
    distribution: str | None = Field(default=None, max_length=40)
    vary_anyway: dict[str, list[str]] = Field(default_factory=dict)
    correlation: dict[str, dict[str, str | float | None]] = Field(default_factory=dict)


class LabourInputs(_Plain):
    """The Arbejdskraft page's inputs: absence days per årsværk and the shortage (persons); None: the default."""

    absence_days: float | None = Field(default=None, ge=0, le=366)
    shortage: float | None = Field(default=None, ge=0)


class DomainScenario(_Plain):
    """The labour inputs, the price-index years the user entered ``{year: [wage %, price %]}`` (None: not
    known) and the common price level of the overview (None: each case's own)."""

    labour: LabourInputs = Field(default_factory=LabourInputs)
    price_index: dict[int, tuple[_End, _End]] = Field(default_factory=dict)
    price_level: int | None = Field(default=None, ge=1900, le=2200)


_REGISTERED: tuple[tuple[str, type[BaseModel]], ...] = (
    (PORTFOLIO_SECTION, PortfolioScenario),
    (FOLLOW_UP_SECTION, FollowUpScenario),
    (SENSITIVITY_SECTION, SensitivityScenario),
    (DOMAIN_SECTION, DomainScenario),
)
for _name, _model in _REGISTERED:
    register_section(_name, _model, version=1)
