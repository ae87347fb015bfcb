"""Every session-state key the app keeps, named once: one small frozen dataclass per page.

Session state is a contract between modules: the case page writes an
assumption's typed text, "reset all" in the sidebar clears it, the
Følsomhed page reads the optimism bias the overview also uses. Each key is
built here and nowhere else; modules import the page's instance
(``SCENARIO``, ``CASE``, ``SENS``, ...) and call its fields or builders.

Two kinds of keys:

- **our own values** (``scenario.overrides``, ``sens.ranges``, ...): what the
  user chose, kept across pages, initialised with ``setdefault``;
- **widget keys**: a remembered widget (``ui.widgets.bound``) keeps its
  value under ``key`` and draws the widget under :func:`widget` ``(key)``,
  i.e. with the prefix ``input.``, because Streamlit drops a widget's own
  state when the widget is not drawn (on another page).

Keys of elements that hold no state (tables, charts, download buttons) are
plain strings in the pages.

The keys every page shares (the scenario, the sidebar, the store, labour and
price levels, the frame) are declared in ``ui/keys_shared.py`` and
importable from here; a page's own keys go here. Import both from
``ui.keys``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .keys_shared import (
    DOMAIN,
    FRAME,
    SCENARIO,
    SIDEBAR,
    STORE,
    WIDGET_PREFIX,
    DomainKeys,
    FrameKeys,
    ScenarioKeys,
    SidebarKeys,
    StoreKeys,
    widget,
)

__all__ = [
    "AUDIT",
    "BUILDER",
    "CASE",
    "COMPARE",
    "DOMAIN",
    "FOLLOWUP",
    "FRAME",
    "OVERVIEW",
    "PORTFOLIO",
    "SCENARIO",
    "SENS",
    "SIDEBAR",
    "STORE",
    "WIDGET_PREFIX",
    "AuditKeys",
    "BuilderKeys",
    "CaseKeys",
    "CompareKeys",
    "DomainKeys",
    "FollowUpKeys",
    "FrameKeys",
    "OverviewKeys",
    "PortfolioKeys",
    "ScenarioKeys",
    "SensitivityKeys",
    "SidebarKeys",
    "StoreKeys",
    "widget",
]


@dataclass(frozen=True)
class CaseKeys:
    """The Business case page: the picked case, the optimism toggle, one number input per assumption."""

    selected: str = "case.selected"
    optimism: str = "case.optimism"
    upload: str = "case.upload"
    #: The last upload's outcome: (kind, i18n key, fields, detail).
    upload_message: str = "case.upload_message"
    #: The "case file" expander (True: open); its content is drawn only when open.
    file_open: str = "case.file_open"
    #: The "decision memo" expander (True: open); its downloads are drawn only when open.
    memo_open: str = "case.memo_open"
    #: The result shown beside the assumptions: a chart, section 1 or a table (``ui.case_views.VIEWS``).
    view: str = "case.view"

    def assumption(self, case_id: str, name: str) -> str:
        """The number input of assumption ``name`` of ``case_id``: ``assumption.<case>.<name>``."""
        return f"{self.assumptions(case_id)}{name}"

    def assumptions(self, case_id: str) -> str:
        """The prefix of every assumption input of ``case_id``."""
        return f"assumption.{case_id}."

    def group(self, case_id: str) -> str:
        """The assumption group shown for ``case_id`` (its name): ``case.group.<case>``."""
        return f"case.group.{case_id}"

    def reset(self, case_id: str, name: str) -> str:
        """The reset button of one assumption."""
        return f"case.reset.{case_id}.{name}"


@dataclass(frozen=True)
class OverviewKeys:
    """The Oversigt page: included cases (saved into the scenario), optimism toggle, CSV dialect."""

    included: str = "overview.included"
    optimism: str = "overview.optimism"
    csv_dialect: str = "overview.csv_dialect"
    #: The Prisniveau and export sections (True: open); drawn only when open.
    price_open: str = "overview.price_open"
    export_open: str = "overview.export_open"


@dataclass(frozen=True)
class CompareKeys:
    """The Sammenlign page: the chosen cases and variants, and the year axis."""

    chosen: str = "compare.chosen"
    axis: str = "compare.axis"


@dataclass(frozen=True)
class AuditKeys:
    """The Afstemning page: audit the user's values rather than the documents'."""

    use_current: str = "audit.use_current"


@dataclass(frozen=True)
class PortfolioKeys:
    """The Portefølje page (``ui.portfolio``): every key it keeps starts with ``prefix``.

    ``cases`` the cases to choose among (None: the overview's); ``requires``
    ``{case id: [ids]}`` and ``groups`` ``{case id: group}`` as edited;
    ``objective``; ``payback`` the payback limit ("none" or years as text);
    per pool a budget ``mode`` and its ``total`` / per-``year`` amounts
    (1.000 kr.). Saved with a scenario (``ui.scenario_sections``); "reset
    all" clears them.
    """

    prefix: str = "portfolio."
    cases: str = "portfolio.cases"
    objective: str = "portfolio.objective"
    payback: str = "portfolio.max_payback"
    requires: str = "portfolio.requires"
    groups: str = "portfolio.groups"
    #: The memo's widgets on the page (``ui.memo``).
    memo: str = "portfolio.memo"

    def mode(self, pool: str) -> str:
        """Budget mode of ``pool``: none, total or year."""
        return f"portfolio.budget.{pool}.mode"

    def total(self, pool: str) -> str:
        """The total limit of ``pool`` (1.000 kr.)."""
        return f"portfolio.budget.{pool}.total"

    def year(self, pool: str, year: int) -> str:
        """The limit of ``pool`` in ``year`` (1.000 kr.)."""
        return f"portfolio.budget.{pool}.{year}"

    def years_prefix(self, pool: str) -> str:
        """The prefix of ``pool``'s per-year limits (and of its mode and total)."""
        return f"portfolio.budget.{pool}."

    def requires_input(self, case_id: str) -> str:
        """The picker of the cases ``case_id`` requires."""
        return f"portfolio.requires.{case_id}"

    def group_input(self, case_id: str) -> str:
        """The text input of ``case_id``'s alternative group."""
        return f"portfolio.group.{case_id}"


@dataclass(frozen=True)
class FollowUpKeys:
    """The Opfølgning page (``ui.followup_state``, ``ui.followup``, ``app_pages/followup.py``).

    Kept in a scenario (``scenario.followup.*``; saved as the store's
    ``follow_up`` section, cleared by "reset all"): ``actuals``
    (:class:`model.Actuals`), ``data`` (:class:`model.FollowUpData`),
    ``funded`` (the board's case ids; None: every case). View state:
    ``message`` (the last entry's outcome), ``imported`` / ``file_loaded``
    (the file id last read, so a rerun does not read it again), ``case``
    (the case shown), the entry, status and measurement forms' inputs.
    """

    actuals: str = "scenario.followup.actuals"
    data: str = "scenario.followup.data"
    funded: str = "scenario.followup.funded"
    message: str = "followup.message"
    imported: str = "followup.imported"
    file_loaded: str = "followup.file_loaded"
    case: str = "followup.case"
    import_upload: str = "input.followup.import"
    file_upload: str = "input.followup.file"
    entry_line: str = "followup.entry.line"
    entry_year: str = "followup.entry.year"
    entry_amount: str = "followup.entry.amount"
    entry_save: str = "followup.entry.save"
    status_phase: str = "followup.status.phase"
    status_status: str = "followup.status.status"
    status_date: str = "followup.status.date"
    status_comment: str = "followup.status.comment"
    status_save: str = "followup.status.save"
    measure_save: str = "followup.measure.save"

    def editor_version(self, case_id: str) -> str:
        """How often ``case_id``'s table of actuals was saved (a new editor after each save)."""
        return f"followup.editor_version.{case_id}"

    def editor(self, case_id: str, version: int) -> str:
        """The table editor of ``case_id``'s actuals, version ``version``."""
        return f"input.followup.editor.{case_id}.{version}"

    def editor_save(self, case_id: str) -> str:
        """The button saving ``case_id``'s table of actuals."""
        return f"followup.editor.save.{case_id}"

    def actual_form(self, case_id: str) -> str:
        """The form entering one actual of ``case_id``."""
        return f"followup.actual_form.{case_id}"

    def measure_form(self, case_id: str) -> str:
        """The form adding a measurement of ``case_id``."""
        return f"followup.measure_form.{case_id}"


@dataclass(frozen=True)
class SensitivityKeys:
    """The Følsomhed page.

    What the user changes there is part of the scenario and "reset all"
    clears it (:attr:`changes`, :attr:`typed`): ``ranges`` ``{case id:
    {assumption: (low, high)}}`` (None: the default) and the last
    ``range_error``; ``optimism`` the changed :class:`model.OptimismBias`
    fields (every page reads them); ``limits`` the threshold per key figure;
    ``draws``, ``seed``, ``distribution`` the Monte Carlo settings;
    ``vary_anyway`` ``{case id: [assumption]}`` the constants (``vary:
    false``) the user asked to vary all the same; ``correlation`` ``{case id:
    {"a", "b", "rho"}}`` the rank correlation between two drivers. View
    choices (``case``, ``kpi``, ``use_optimism``) stay.
    """

    case: str = "sens.case"
    kpi: str = "sens.kpi"
    use_optimism: str = "sens.use_optimism"
    ranges: str = "sens.ranges"
    range_error: str = "sens.range_error"
    optimism: str = "sens.optimism"
    limits: str = "sens.limits"
    draws: str = "sens.draws"
    seed: str = "sens.seed"
    distribution: str = "sens.distribution"
    vary_anyway: str = "sens.vary_anyway"
    correlation: str = "sens.correlation"
    #: The analyses the user asked for ("switching", "mc"): computed only then, then kept up to date.
    asked: str = "sens.asked"
    #: ``{case id: (the case's JSON, MonteCarlo)}``: the last run per case, for the memo (``ui.memo``).
    mc_runs: str = "sens.mc_runs"
    bias_prefix: str = "sens.bias."
    low_prefix: str = "sens.low."
    high_prefix: str = "sens.high."

    @property
    def changes(self) -> tuple[str, ...]:
        """What the user changed on the page: "reset all" clears these."""
        return (
            self.ranges,
            self.range_error,
            self.optimism,
            self.limits,
            self.draws,
            self.seed,
            self.distribution,
            self.vary_anyway,
            self.correlation,
            self.mc_runs,
        )

    @property
    def typed(self) -> tuple[str, str]:
        """Prefixes of the range inputs' typed text (not saved yet): "reset all" clears them."""
        return (self.low_prefix, self.high_prefix)

    def range_inputs(self, case_id: str, name: str) -> tuple[str, str]:
        """The low and high text inputs of one assumption's range."""
        return f"{self.low_prefix}{case_id}.{name}", f"{self.high_prefix}{case_id}.{name}"

    def range_pick(self, case_id: str) -> str:
        """The picker of the assumption whose range is edited."""
        return f"sens.range_pick.{case_id}"

    def vary_anyway_input(self, case_id: str) -> str:
        """The picker of the constants of ``case_id`` to vary all the same."""
        return f"sens.vary_anyway.{case_id}"

    def limit(self, kpi: str) -> str:
        """The threshold input of ``kpi``."""
        return f"sens.limit.{kpi}"

    def bias(self, field: str) -> str:
        """The input of one :class:`model.OptimismBias` field (``cost_high``, ``default_grade``)."""
        return f"{self.bias_prefix}{field}"


@dataclass(frozen=True)
class BuilderKeys:
    """The "Ny case" page (``ui/builder*.py``): the draft being built and its table editors.

    ``draft``: the rows as typed (``ui.builder_draft``); ``base``: per table
    the rows the editor was opened on; ``version``: bumped when a template or
    copy replaces the draft, so the editors open afresh; ``message``: the last
    action's outcome (kind, i18n key, fields). The draft is the user's own
    work in progress and stays until they start another.
    """

    draft: str = "builder.draft"
    base: str = "builder.base"
    version: str = "builder.version"
    message: str = "builder.message"
    start: str = "builder.start"
    copy_of: str = "builder.copy_of"
    #: Ids of the cases this page added to the session (for the store to keep as ``CaseFile(kind="built")``).
    built: str = "builder.built"

    def editor(self, table: str, version: int) -> str:
        """The ``st.data_editor`` of ``table`` (assumptions, derived, profiles, lines) for draft ``version``."""
        return f"builder.editor.{table}.{version}"

    def head(self, field: str) -> str:
        """The input of one head field (id, title, administration, price_level, first_year, horizon)."""
        return f"builder.head.{field}"


BUILDER = BuilderKeys()
CASE = CaseKeys()
OVERVIEW = OverviewKeys()
COMPARE = CompareKeys()
AUDIT = AuditKeys()
SENS = SensitivityKeys()
PORTFOLIO = PortfolioKeys()
FOLLOWUP = FollowUpKeys()
