"""Price levels: re-indexing a case from its price level to another year's.

A case's amounts are "1.000 kr. 2016 p/l": 2016 prices and wages. Municipal
budgets move amounts between years with KL's *pris- og lønskøn* for the
municipal service expenditure, which has a **wage** index (løn) and a
**price** index (priser, øvrig drift) that differ. So each line follows one
of them:

- ``price_index: wage`` — staff time and salaries (a saving of staff hours,
  a project manager, staff released for training);
- ``price_index: price`` — equipment, licences, services bought, construction.

A line without ``price_index`` gets the default for its kind
(:func:`line_index`): **wage** when it carries staff hours (``hours`` or
``kept_hours``: its kroner are hours × an hourly wage), **price** otherwise.
A case file overrides the default per line.

The index file (:data:`DEFAULT_INDEX_FILE`, ``model/data/pl_index.yaml``)
holds, per year, the percentage change from the year before of the wage and
the price index, as KL's historical PL overview prints them, and names its
source. A year is only in the file when its figures can be checked against
that source; where one is missing, re-indexing across it stops with a
message naming the year, and the app asks the user to enter it. The factor
from year ``a`` to year ``b > a`` is::

    factor(a → b) = Π_{y = a+1..b} (1 + change_y / 100),   factor(b → a) = 1 / factor(a → b)

Re-indexing multiplies every yearly amount of a line by its factor; staff
hours (physical quantities) stay as they are, and the case's ``price_level``
becomes the new year. The document's printed figures (``reported``) stay at
the document's price level, so a re-indexed case drops them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .formula import FormulaError
from .loader import CaseFileError, read_yaml
from .schema import Case, Line

__all__ = [
    "DEFAULT_INDEX_FILE",
    "INDEX_KINDS",
    "IndexFactors",
    "MissingIndexError",
    "PriceIndex",
    "line_index",
    "load_price_index",
    "parse_price_index",
    "reindex_case",
]

IndexKind = Literal["wage", "price"]
#: The two indices: wages (løn) and prices (priser).
INDEX_KINDS: tuple[IndexKind, ...] = ("wage", "price")
#: The index file shipped with the engine.
DEFAULT_INDEX_FILE = Path(__file__).resolve().parent / "data" / "pl_index.yaml"
#: Largest yearly change accepted, in percent either way (a typo guard; 1980 saw 12 %).
MAX_CHANGE = 50.0


class MissingIndexError(ValueError):
    """The index has no figure for a year a re-indexing crosses; ``years`` names them."""

    def __init__(self, years: tuple[int, ...], kinds: tuple[str, ...], source: str, case: str | None = None) -> None:
        self.years = years
        self.kinds = kinds
        self.source = source
        self.case = case
        listed = ", ".join(str(y) for y in years)
        what = " and ".join({"wage": "wage (løn)", "price": "price (priser)"}[k] for k in kinds)
        where = f"case {case}: " if case else ""
        super().__init__(
            f"{where}the price index has no {what} change for {listed}; enter it from the source the index names ({source})"
        )


def line_index(line: Line) -> IndexKind:
    """The index ``line`` follows: its own ``price_index``, else wage for staff-hour lines and price for the rest."""
    if line.price_index is not None:
        return line.price_index
    return "wage" if (line.hours is not None or line.kept_hours is not None) else "price"


@dataclass(frozen=True)
class IndexFactors:
    """The factors that took a case from ``from_year`` to ``year``, and their source.

    A factor is None when the case has no line on that index and the index
    lacks a year for it (nothing was multiplied by it).
    """

    year: int
    from_year: int
    wage_factor: float | None
    price_factor: float | None
    source: str

    def to_dict(self) -> dict[str, object]:
        """The summary JSON's ``index``: ``year``, ``wage_factor``, ``price_factor``, ``source`` (and ``from_year``)."""
        return {
            "year": self.year,
            "from_year": self.from_year,
            "wage_factor": None if self.wage_factor is None else round(self.wage_factor, 10),
            "price_factor": None if self.price_factor is None else round(self.price_factor, 10),
            "source": self.source,
        }


@dataclass(frozen=True)
class PriceIndex:
    """Yearly percentage changes of the wage and the price index, with their source.

    ``wage[y]``/``price[y]``: change in percent from year ``y − 1`` to ``y``
    (e.g. 1.5 for 1,5 %). ``notes`` may say, per year, where a figure comes
    from when it is not the main source.
    """

    source: str
    wage: Mapping[int, float] = field(default_factory=dict)
    price: Mapping[int, float] = field(default_factory=dict)
    notes: Mapping[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.source, str) or not self.source.strip():
            msg = "the price index must name its source"
            raise ValueError(msg)
        for kind in INDEX_KINDS:
            for year, change in getattr(self, kind).items():
                if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2200:
                    msg = f"{kind} index: {year!r} is not a year from 1900 to 2200"
                    raise ValueError(msg)
                if isinstance(change, bool) or not isinstance(change, (int, float)) or not math.isfinite(change):
                    msg = f"{kind} index {year}: the change must be a number (percent), got {change!r}"
                    raise ValueError(msg)
                if abs(change) > MAX_CHANGE:
                    msg = f"{kind} index {year}: a change of {change:g} % is outside ±{MAX_CHANGE:g} %"
                    raise ValueError(msg)

    def missing(self, from_year: int, to_year: int, kinds: tuple[IndexKind, ...] = INDEX_KINDS) -> tuple[int, ...]:
        """Years between ``from_year`` and ``to_year`` whose change is missing for any of ``kinds``."""
        low, high = sorted((from_year, to_year))
        return tuple(y for y in range(low + 1, high + 1) if any(y not in getattr(self, k) for k in kinds))

    def factor(self, kind: IndexKind, from_year: int, to_year: int) -> float:
        """Factor that takes an amount at ``from_year`` prices to ``to_year`` (see the module docstring).

        >>> PriceIndex("test", wage={2017: 2.0, 2018: 1.0}).factor("wage", 2016, 2018)
        1.0302
        """
        gaps = self.missing(from_year, to_year, (kind,))
        if gaps:
            raise MissingIndexError(gaps, (kind,), self.source)
        low, high = sorted((from_year, to_year))
        result = 1.0
        for year in range(low + 1, high + 1):
            result *= 1.0 + getattr(self, kind)[year] / 100.0
        return result if to_year >= from_year else 1.0 / result

    def with_years(self, rows: Mapping[int, tuple[float | None, float | None]]) -> PriceIndex:
        """A copy with some years' ``(wage, price)`` changes set (None: remove that figure)."""
        wage, price = dict(self.wage), dict(self.price)
        for year, (w, p) in rows.items():
            for target, value in ((wage, w), (price, p)):
                if value is None:
                    target.pop(year, None)
                else:
                    target[year] = float(value)
        return PriceIndex(self.source, dict(sorted(wage.items())), dict(sorted(price.items())), dict(self.notes))

    def years(self) -> tuple[int, ...]:
        """Every year with a wage or a price figure, in order."""
        return tuple(sorted(set(self.wage) | set(self.price)))

    def to_yaml(self) -> str:
        """The index as the YAML text :func:`parse_price_index` reads back."""
        lines = [f"source: {_quoted(self.source)}", "years:"]
        for year in self.years():
            parts = []
            for kind in INDEX_KINDS:
                value = getattr(self, kind).get(year)
                if value is not None:
                    parts.append(f"{kind}: {value!r}")
            if year in self.notes:
                parts.append(f"note: {_quoted(self.notes[year])}")
            lines.append(f"  {year}: {{{', '.join(parts)}}}")
        return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def parse_price_index(text: str, source: str = "<price index>") -> PriceIndex:
    """Read an index file: ``source`` (text) and ``years`` (year → ``{wage, price, note}``; any may be missing).

    Read with the project's strict YAML loader; a problem raises
    :class:`model.CaseFileError` naming ``source`` and the field.
    """
    data = read_yaml(text, source)
    if not isinstance(data, dict) or set(data) - {"source", "years"} or "source" not in data:
        raise CaseFileError(source, "a price index has the fields 'source' (where the figures come from) and 'years'")
    years = data.get("years") or {}
    if not isinstance(years, dict):
        raise CaseFileError(source, "years: give one entry per year, e.g. 2017: {wage: 1.5, price: 1.2}")
    wage: dict[int, float] = {}
    price: dict[int, float] = {}
    notes: dict[int, str] = {}
    for year, row in years.items():
        if not isinstance(row, dict) or set(row) - {"wage", "price", "note"}:
            raise CaseFileError(
                source, f"years.{year}: give wage, price (percent change from the year before) and an optional note"
            )
        for kind, target in (("wage", wage), ("price", price)):
            if row.get(kind) is not None:
                target[year] = row[kind]
        if row.get("note") is not None:
            notes[year] = str(row["note"])
    try:
        return PriceIndex(str(data["source"]), wage, price, notes)
    except ValueError as exc:
        raise CaseFileError(source, str(exc)) from None


def load_price_index(path: str | Path = DEFAULT_INDEX_FILE) -> PriceIndex:
    """Read an index file (default: the one shipped with the engine); :class:`model.CaseFileError` if it is bad."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseFileError(str(path), f"cannot be read: {getattr(exc, 'strerror', None) or exc}") from None
    return parse_price_index(text, str(path))


def _scale(text: str, factor: float) -> str:
    return f"({text}) * {factor!r}"


def _reindex_line(line: Line, factor: float) -> Line:
    if factor == 1.0:
        return line
    update: dict[str, object] = {}
    if line.formula is not None:
        update["formula"] = _scale(line.formula, factor)
    if line.amounts is not None:
        update["amounts"] = {
            year: _scale(amount, factor) if isinstance(amount, str) else float(amount) * factor
            for year, amount in line.amounts.items()
        }
    try:
        scaled = Line.model_validate({**line.model_dump(), **update})
        scaled.formulas()
    except (ValueError, FormulaError) as exc:
        msg = f"line {line.name!r}: cannot be re-indexed ({exc})"
        raise ValueError(msg) from None
    return scaled


def reindex_case(case: Case, index: PriceIndex, year: int) -> tuple[Case, IndexFactors]:
    """``case`` at ``year``'s prices and wages, and the factors used.

    Every line's yearly amounts (1.000 kr., signs kept) are multiplied by
    the factor of its index (:func:`line_index`) from ``case.price_level``
    to ``year``; formulas stay formulas (``(formula) * factor``), so the
    re-indexed case runs through every analysis. Staff hours are unchanged;
    ``price_level`` becomes ``year``; ``reported`` is dropped (the document
    printed its own price level). Raises :class:`MissingIndexError` when the
    index lacks a year on the way.
    """
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2200:
        msg = f"price level {year!r} must be a year from 1900 to 2200"
        raise ValueError(msg)
    kinds = tuple(k for k in INDEX_KINDS if any(line_index(line) == k for line in case.lines))
    gaps = index.missing(case.price_level, year, kinds)
    if gaps:
        raise MissingIndexError(gaps, kinds, index.source, case.id)
    factors: dict[str, float | None] = {
        k: index.factor(k, case.price_level, year) if not index.missing(case.price_level, year, (k,)) else None
        for k in INDEX_KINDS
    }
    lines = [_reindex_line(line, factors[line_index(line)] or 1.0) for line in case.lines]
    moved = case.model_copy(update={"lines": lines, "price_level": year, "reported": None})
    used = IndexFactors(year, case.price_level, factors["wage"], factors["price"], index.source)
    return moved, used
