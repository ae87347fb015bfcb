"""The summary with labour supply and price level: what ``python -m model summary`` adds per case.

Per case, besides :meth:`model.CaseResult.summary`:

``fte_freed``, ``fte_freed_net``, ``fte_kept``, ``fte_kept_net``
    årsværk at full phase-in (see :mod:`model.labour`), with yearly series;
``index``
    ``{"year", "from_year", "wage_factor", "price_factor", "source"}`` when the
    case was re-indexed to a common price level (``--price-level YEAR``),
    else None.

And for the portfolio, ``labour``: the hours per årsværk (gross and net),
the absence assumption, and the totals of the årsværk freed and kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from .evaluate import Settings
from .labour import Labour, labour_figures, portfolio_labour
from .loader import load_paths
from .portfolio import Portfolio, evaluate_cases, summary_data
from .price_index import IndexFactors, PriceIndex, reindex_case
from .schema import Case

__all__ = ["evaluate_paths_at", "reindex_cases", "summary_with_domain"]


def reindex_cases(cases: Sequence[Case], index: PriceIndex, year: int) -> tuple[list[Case], dict[str, IndexFactors]]:
    """Every case at ``year``'s price level, and the factors used per case id.

    Raises :class:`model.MissingIndexError` (naming the years) when the index
    lacks a year some case needs.
    """
    moved: list[Case] = []
    factors: dict[str, IndexFactors] = {}
    for case in cases:
        case_at, used = reindex_case(case, index, year)
        moved.append(case_at)
        factors[case.id] = used
    return moved, factors


def evaluate_paths_at(
    paths: Iterable[str | Path], settings: Settings | None, index: PriceIndex, year: int
) -> tuple[Portfolio, dict[str, IndexFactors]]:
    """Load case files, re-index them to ``year`` and evaluate them; the overview then adds them all."""
    loaded = load_paths(paths)
    cases, factors = reindex_cases(loaded.cases, index, year)
    portfolio = evaluate_cases(cases, settings, loaded.overview, loaded.sources)
    file_errors = tuple(str(e) for e in loaded.errors)
    errors = file_errors + portfolio.errors
    return Portfolio(portfolio.results, portfolio.overview, portfolio.report, errors, portfolio.warnings), factors


def summary_with_domain(
    portfolio: Portfolio, labour: Labour | None = None, factors: Mapping[str, IndexFactors] | None = None
) -> dict[str, object]:
    """:func:`model.summary_data` plus each case's årsværk freed and kept and its ``index``, and the portfolio's ``labour``."""
    data = summary_data(portfolio)
    figures = []
    for entry, result in zip(data["cases"], portfolio.results, strict=True):  # type: ignore[arg-type]
        own = labour_figures(result, labour)
        figures.append(own)
        entry.update(own.to_dict())
        used = (factors or {}).get(result.case.id)
        entry["index"] = used.to_dict() if used is not None else None
    basis = labour or (Labour(hours_per_fte=portfolio.results[0].settings.hours_per_fte) if portfolio.results else Labour())
    data["labour"] = {
        "hours_per_fte": basis.hours_per_fte,
        "absence_days": basis.absence_days,
        "days_per_fte": basis.days_per_fte,
        "net_hours_per_fte": round(basis.net_hours_per_fte, 6),
        "total": {key: round(value, 6) for key, value in portfolio_labour(figures).items()},
    }
    return data
