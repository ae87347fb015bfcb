"""What a decision memo says, as data: built from evaluated cases, written by ``model.memo.docx``.

A memo covers one case, a variant of one, or a portfolio choice (several
cases). Per case it holds the evaluated case, the case as its document gives
it, the assumptions that differ from the document with their notes (why, who,
when), the sensitivity summary and the audit's slips and notes grouped by
cause. Nothing here formats a number; amounts stay in 1.000 kr. at the case's
price level, costs positive, savings negative.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..audit import audit_case
from ..choice import Choice
from ..evaluate import CaseResult, Settings, evaluate
from ..schema import Case
from ..slips import AuditGroups, group_findings
from ..uncertainty import MonteCarlo, SwitchingValue, Threshold, TornadoBar, switching_values, tornado

__all__ = [
    "CaseMemo",
    "ChangeNote",
    "ChangedAssumption",
    "LeftOut",
    "Memo",
    "Sensitivity",
    "memo_content",
]

#: Tornado bars the memo shows: the largest swings of the NPV.
TOP_SWINGS = 5


@dataclass(frozen=True)
class ChangeNote:
    """Why an assumption was changed, by whom and when (from the scenario store, or given by the caller).

    ``when``: a date or time as text (ISO 8601 from the store); empty where unknown.
    """

    note: str = ""
    author: str = ""
    when: str = ""


@dataclass(frozen=True)
class ChangedAssumption:
    """One assumption whose value differs from the document's: ``document`` → ``value``, in ``unit``."""

    case: str
    name: str
    label: str
    unit: str
    document: float
    value: float
    source: str
    note: ChangeNote = field(default_factory=ChangeNote)


@dataclass(frozen=True)
class Sensitivity:
    """The sensitivity summary of one case.

    ``swings``: the :data:`TOP_SWINGS` largest tornado bars of the NPV
    (1.000 kr.), largest first, finite swings only; ``base_npv`` the NPV at
    base. ``switching``: per threshold (NPV ≥ 0; payback ≤ the document's
    payback, where it has one) the assumptions that have a switching value.
    ``percentiles``: P10, P50, P90 of the NPV (1.000 kr.) and of the
    interpolated payback (years) from a Monte Carlo run, when one was run;
    ``draws`` how many valid draws it had.
    """

    base_npv: float
    swings: tuple[TornadoBar, ...]
    switching: tuple[tuple[Threshold, bool, tuple[SwitchingValue, ...]], ...]
    percentiles: Mapping[str, tuple[float, float, float]] | None = None
    draws: int | None = None


@dataclass(frozen=True)
class CaseMemo:
    """One case in a memo: ``result`` now, ``document`` as its file gives it (None: the same)."""

    result: CaseResult
    document: CaseResult | None
    changes: tuple[ChangedAssumption, ...]
    sensitivity: Sensitivity | None
    audit: AuditGroups


@dataclass(frozen=True)
class LeftOut:
    """A case a portfolio choice does not fund: ``code`` (budget, prerequisite, payback, alternative, no_value) and
    ``params`` are the choice's own reason (:class:`model.Exclusion`), ``objective`` what the choice maximised."""

    id: str
    title: str
    code: str
    params: Mapping[str, object]
    objective: str


@dataclass(frozen=True)
class Memo:
    """A decision memo: ``title``, the ``cases`` it covers (one, or a portfolio choice), ``settings``, ``created``;
    for a portfolio choice, ``left_out`` the candidates it does not fund and why, ``base_year`` its NPV base year."""

    title: str
    cases: tuple[CaseMemo, ...]
    settings: Settings
    created: date
    left_out: tuple[LeftOut, ...] = ()
    base_year: int | None = None

    @property
    def is_portfolio(self) -> bool:
        """Whether the memo covers more than one case."""
        return len(self.cases) > 1

    @property
    def totals(self) -> dict[str, float]:
        """Sums over the cases of ``drift``, ``anlaeg``, ``innovation``, ``net_permanent``, ``npv`` and ``fte``.

        The NPV total adds each case's NPV as of its own first year (as the
        overview does); amounts in 1.000 kr., årsværk in full-time equivalents.
        """
        kpis = [c.result.kpis for c in self.cases]
        return {
            "drift": sum(k.drift for k in kpis),
            "anlaeg": sum(k.anlaeg for k in kpis),
            "innovation": sum(k.innovation for k in kpis),
            "net_permanent": sum(k.net_permanent for k in kpis),
            "npv": sum(k.npv for k in kpis),
            "fte": sum(k.fte_full for k in kpis),
        }


def changed_assumptions(
    case: Case, document: Case, notes: Mapping[str, ChangeNote] | None = None
) -> tuple[ChangedAssumption, ...]:
    """The assumptions of ``case`` whose value differs from ``document``'s, in the file's order, with their notes.

    ``notes`` by assumption name. An assumption the document lacks is left out.
    """
    notes = notes or {}
    before = {a.name: a for a in document.assumptions}
    changed = []
    for a in case.assumptions:
        old = before.get(a.name)
        if old is None or float(old.value) == float(a.value):
            continue
        changed.append(
            ChangedAssumption(
                case=case.id,
                name=a.name,
                label=a.label,
                unit=a.unit,
                document=float(old.value),
                value=float(a.value),
                source=a.source,
                note=notes.get(a.name, ChangeNote()),
            )
        )
    return tuple(changed)


def sensitivity(
    case: Case, settings: Settings, document_payback: int | None, monte_carlo: MonteCarlo | None = None
) -> Sensitivity:
    """The tornado's :data:`TOP_SWINGS` largest NPV swings, switching values and, if run, Monte Carlo percentiles.

    Thresholds: NPV ≥ 0 (1.000 kr.), and payback ≤ ``document_payback``
    years where the document has a payback time.
    """
    bars = tornado(case, settings, kpi="npv")
    swings = tuple(b for b in bars.bars if math.isfinite(b.swing) and b.swing > 0)[:TOP_SWINGS]
    thresholds = [Threshold("npv", 0.0)]
    if document_payback is not None:
        thresholds.append(Threshold("payback", float(document_payback)))
    switching = []
    for threshold in thresholds:
        found = switching_values(case, threshold, settings)
        rows = tuple(r for r in found.rows if r.value is not None and r.verified)
        switching.append((threshold, found.meets_at_base, rows))
    percentiles = None
    draws = None
    if monte_carlo is not None and monte_carlo.n_valid > 0:
        percentiles = {kpi: monte_carlo.percentiles(kpi) for kpi in ("npv", "payback")}
        draws = monte_carlo.n_valid
    return Sensitivity(bars.base, swings, tuple(switching), percentiles, draws)


def memo_content(
    cases: Sequence[Case],
    documents: Mapping[str, Case] | None = None,
    *,
    settings: Settings | None = None,
    notes: Mapping[str, Mapping[str, ChangeNote]] | None = None,
    monte_carlo: Mapping[str, MonteCarlo] | None = None,
    title: str | None = None,
    created: date | None = None,
    with_sensitivity: bool = True,
    choice: Choice | None = None,
) -> Memo:
    """Build a memo of ``cases`` (one case, a variant, or a portfolio choice).

    ``documents``: per case id the case as its document gives it (default:
    the case itself, i.e. nothing changed); for a variant, the case it was
    made from. ``notes``: per case id, per assumption name, why it was
    changed, by whom and when. ``monte_carlo``: per case id a run whose
    percentiles the memo reports. ``title`` defaults to the case's title, or
    "Porteføljevalg: <ids>" for several. ``choice``: the portfolio choice
    (:func:`model.choose`) the cases are the funded part of; the memo then
    says why each other candidate is out, from the choice's own reasons.
    Raises :class:`model.EvaluationError` when a case gives no finite
    figures, ``ValueError`` for no cases.
    """
    if not cases:
        msg = "a memo needs at least one case"
        raise ValueError(msg)
    settings = settings or Settings()
    documents = documents or {}
    entries = []
    for case in cases:
        result = evaluate(case, settings)
        document_case = documents.get(case.id)
        document = evaluate(document_case, settings) if document_case is not None and document_case != case else None
        changes = changed_assumptions(case, document_case, (notes or {}).get(case.id)) if document is not None else ()
        source = document.case if document is not None else case
        baseline = document if document is not None else result
        run = (monte_carlo or {}).get(case.id)
        summary = sensitivity(case, settings, baseline.kpis.payback_years, run) if with_sensitivity else None
        audit = group_findings(audit_case(evaluate(source, settings)), {source.id: source})
        entries.append(CaseMemo(result=result, document=document, changes=changes, sensitivity=summary, audit=audit))
    if title is None:
        title = cases[0].title if len(cases) == 1 else "Porteføljevalg: " + ", ".join(c.id for c in cases)
    left_out: tuple[LeftOut, ...] = ()
    if choice is not None:
        titles = {f.id: f.title for f in choice.cases}
        objective = choice.options.objective
        left_out = tuple(LeftOut(e.id, titles.get(e.id, ""), e.code, dict(e.params), objective) for e in choice.not_chosen)
    return Memo(
        title=title,
        cases=tuple(entries),
        settings=settings,
        created=created or date.today(),
        left_out=left_out,
        base_year=choice.base_year if choice is not None else None,
    )
