"""Actuals: the realised amount per case, line and year, read from CSV or XLSX.

An actual is in **1.000 kr.** with the plan's sign (costs positive, savings
negative): a saving line planned at -11.125 that realised 10,2 mio. kr. has
the actual -10.200. The file has one row per case, line and year::

    case;line;year;actual
    I4;Reduceret tid ved vagtskifte;2017;-10.200
    I4;Indkøb af skærme;2017;7.500,5

- **CSV in the Danish Excel dialect**: ``;`` between columns, a decimal
  comma and optional thousands dots (``1.234,5``); a byte-order mark and
  CRLF line ends are fine; UTF-8, or Windows-1252 as Excel's "CSV
  (semikolonsepareret)" writes it. Other columns (the template's ``plan``)
  are ignored; an empty ``actual`` cell means "no actual yet".
- **XLSX**: the first sheet, the same header in row 1; cells may be numbers
  or Danish text.

A row naming an unknown case, line or year, or whose actual is not a
number, is one message naming the file and the row; the other rows still
count. The years a case can be followed in are its table's years extended
to the appraisal horizon (:func:`follow_up_years`): permanent lines go on
after the table.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .danish import parse_number
from .evaluate import CaseResult
from .export_csv import FORMULA_PREFIXES, csv_bytes
from .schema import Case

__all__ = [
    "ACTUALS_COLUMNS",
    "MAX_ACTUALS_BYTES",
    "Actuals",
    "ActualsImport",
    "actuals_template_csv",
    "follow_up_years",
    "parse_actuals",
    "plan_by_line",
    "read_actuals",
]

#: The columns an actuals file must have, in the template's order.
ACTUALS_COLUMNS = ("case", "line", "year", "actual")
#: Largest actuals file accepted, in bytes.
MAX_ACTUALS_BYTES = 5_000_000
_MAX_ROWS = 100_000

Key = tuple[str, str, int]


@dataclass(frozen=True)
class Actuals:
    """Realised amounts, ``(case id, line name, year) -> 1.000 kr.`` (plan's sign), immutable and hashable."""

    entries: tuple[tuple[str, str, int, float], ...] = ()

    @classmethod
    def from_mapping(cls, values: Mapping[Key, float]) -> Actuals:
        """Actuals from ``{(case, line, year): amount}``; the entries are kept sorted."""
        return cls(tuple(sorted((c, ln, int(y), float(v)) for (c, ln, y), v in values.items())))

    def as_dict(self) -> dict[Key, float]:
        """``{(case, line, year): amount}``."""
        return {(c, ln, y): v for c, ln, y, v in self.entries}

    def for_case(self, case_id: str) -> dict[tuple[str, int], float]:
        """``{(line, year): amount}`` of one case."""
        return {(ln, y): v for c, ln, y, v in self.entries if c == case_id}

    def with_value(self, case_id: str, line: str, year: int, value: float | None) -> Actuals:
        """A copy with one actual set (``None`` removes it)."""
        values = self.as_dict()
        values.pop((case_id, line, year), None)
        if value is not None:
            values[(case_id, line, year)] = float(value)
        return Actuals.from_mapping(values)

    def replace_case(self, case_id: str, values: Mapping[tuple[str, int], float]) -> Actuals:
        """A copy with every actual of ``case_id`` replaced by ``{(line, year): amount}``."""
        kept = {k: v for k, v in self.as_dict().items() if k[0] != case_id}
        kept.update({(case_id, line, year): v for (line, year), v in values.items()})
        return Actuals.from_mapping(kept)

    def merged(self, other: Actuals) -> Actuals:
        """These actuals with ``other``'s on top (an import over what was entered)."""
        return Actuals.from_mapping({**self.as_dict(), **other.as_dict()})

    def __len__(self) -> int:
        return len(self.entries)


@dataclass(frozen=True)
class ActualsImport:
    """What a file gave: the rows that could be used, and one message per row that could not."""

    actuals: Actuals
    errors: tuple[str, ...]


def follow_up_years(case: Case, horizon: int = 10) -> tuple[int, ...]:
    """The years a case is followed in: its table's years, extended to ``horizon`` years from the first.

    I4's table covers 2016-2020; with the 10-year horizon it is followed in
    2016-2025, where the permanent lines go on at their 2020 level.
    """
    return tuple(range(case.first_year, max(case.last_year, case.first_year + horizon - 1) + 1))


def plan_by_line(result: CaseResult, years: Sequence[int]) -> dict[str, np.ndarray]:
    """The plan of every line over ``years`` (1.000 kr., costs +, savings -).

    Within the table the evaluated amounts; after it a permanent line stays
    at its last year's level and a one-off line is 0 (the documents'
    convention, as the payback and NPV use it).
    """
    table = result.years
    plan: dict[str, np.ndarray] = {}
    for line in result.case.lines:
        values = np.asarray(result.flows.lines[line.name], dtype=float)
        after = float(values[-1]) if line.kind == "permanent" else 0.0
        plan[line.name] = np.array([float(values[table.index(y)]) if y in table else after for y in years])
    return plan


# --- Reading ------------------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _unquote(text: str) -> str:
    """Undo the apostrophe our own exports put before text a spreadsheet would take for a formula."""
    text = text.strip()
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES) else text


def _csv_rows(data: bytes, source: str) -> Iterator[tuple[int, list[str]]]:
    text = _decode(data)
    if not text.strip():
        msg = f"{source}: the file is empty; it needs a header row {';'.join(ACTUALS_COLUMNS)} and one row per actual"
        raise ValueError(msg)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    for row in reader:
        yield reader.line_num, row


def _xlsx_rows(data: bytes, source: str) -> Iterator[tuple[int, list[object]]]:
    from openpyxl import load_workbook  # only needed for XLSX files

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        msg = f"{source}: cannot be read as an Excel workbook (.xlsx)"
        raise ValueError(msg) from None
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, ["" if cell is None else cell for cell in row]
    finally:
        book.close()


def _number(value: object) -> float:
    if isinstance(value, bool):
        msg = f"{value!r} is not a number"
        raise ValueError(msg)
    number = float(value) if isinstance(value, (int, float)) else parse_number(str(value))
    if not math.isfinite(number) or abs(number) > 1e12:
        msg = f"{value!r} is not a plausible amount"
        raise ValueError(msg)
    return number


def _year(value: object) -> int:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        return int(value)
    text = str(value).strip()
    if text.isdigit() and len(text) == 4:
        return int(text)
    msg = f"year {text!r} is not a year such as 2017"
    raise ValueError(msg)


def _header(row: Sequence[object], source: str) -> dict[str, int]:
    names = [str(cell).strip().lower() for cell in row]
    missing = [c for c in ACTUALS_COLUMNS if c not in names]
    if missing:
        found = ";".join(str(cell) for cell in row)
        commas = "," in found and len(row) == 1
        hint = " (the columns must be separated by semicolons, as Danish Excel saves CSV)" if commas else ""
        msg = f"{source}, row 1: the header must name the columns {';'.join(ACTUALS_COLUMNS)}{hint}; found {found[:80]!r}"
        raise ValueError(msg)
    return {c: names.index(c) for c in ACTUALS_COLUMNS}


def _collect(rows: Iterable[tuple[int, Sequence[object]]], source: str, cases: Mapping[str, Case], horizon: int) -> ActualsImport:
    errors: list[str] = []
    values: dict[Key, float] = {}
    first_row: dict[Key, int] = {}
    rows = iter(rows)
    try:
        header_row = next(rows, None)
        if header_row is None:
            return ActualsImport(Actuals(), (f"{source}: the file is empty; it needs a header row {';'.join(ACTUALS_COLUMNS)}",))
        columns = _header(header_row[1], source)
        for number, row in rows:
            if number > _MAX_ROWS:
                errors.append(f"{source}: more than {_MAX_ROWS:,} rows; the rest are left out")
                break
            cells = [row[i] if i < len(row) else "" for i in columns.values()]
            case_id, line, year_text, amount = (
                _unquote(str(cells[0])),
                _unquote(str(cells[1])),
                cells[2],
                cells[3],
            )
            if not any(str(c).strip() for c in row):
                continue
            where = f"{source}, row {number}"
            try:
                case = cases.get(case_id)
                if case is None:
                    known = ", ".join(sorted(cases))
                    msg = f"unknown case {case_id!r} (known: {known})"
                    raise ValueError(msg)
                if line not in {ln.name for ln in case.lines}:
                    msg = f"case {case_id} has no line {line!r}"
                    raise ValueError(msg)
                year = _year(year_text)
                years = follow_up_years(case, horizon)
                if year not in years:
                    msg = f"year {year} is outside {case_id}'s follow-up years {years[0]}-{years[-1]}"
                    raise ValueError(msg)
                if str(amount).strip() == "":
                    continue  # no actual yet, as in the template
                value = _number(amount)
            except ValueError as exc:
                errors.append(f"{where}: {exc}")
                continue
            key = (case_id, line, year)
            if key in values:
                errors.append(f"{where}: repeats {case_id} / {line} / {year} from row {first_row[key]}; the first is kept")
                continue
            values[key], first_row[key] = value, number
    except (ValueError, csv.Error) as exc:
        message = str(exc) if str(exc).startswith(source) else f"{source}: {exc}"
        errors.append(message)
    return ActualsImport(Actuals.from_mapping(values), tuple(errors))


def parse_actuals(data: bytes, source: str, cases: Mapping[str, Case], horizon: int = 10) -> ActualsImport:
    """Read an actuals file's bytes (XLSX when it is a zip, else CSV); ``source`` names it in messages.

    ``cases`` maps case id to case (lines and years are checked against
    them); ``horizon`` extends the years as :func:`follow_up_years` does.
    """
    if len(data) > MAX_ACTUALS_BYTES:
        return ActualsImport(Actuals(), (f"{source}: the file is larger than {MAX_ACTUALS_BYTES:,} bytes",))
    try:
        rows = _xlsx_rows(data, source) if data.startswith(b"PK\x03\x04") else _csv_rows(data, source)
        return _collect(rows, source, cases, horizon)
    except ValueError as exc:
        return ActualsImport(Actuals(), (str(exc),))


def read_actuals(path: str | Path, cases: Mapping[str, Case], horizon: int = 10) -> ActualsImport:
    """Read an actuals file (CSV or XLSX) from disk; a file that cannot be opened is one message."""
    path = Path(path)
    try:
        if not path.is_file():
            return ActualsImport(Actuals(), (f"{path}: no such file",))
        with path.open("rb") as handle:
            data = handle.read(MAX_ACTUALS_BYTES + 1)
    except OSError as exc:
        return ActualsImport(Actuals(), (f"{path}: cannot be read: {exc.strerror or exc}",))
    return parse_actuals(data, str(path), cases, horizon)


def actuals_template_csv(results: Sequence[CaseResult], actuals: Actuals = Actuals(), horizon: int = 10) -> bytes:
    """A CSV to fill in (Danish Excel): ``case;line;year;plan;actual``, one row per line and year.

    ``plan`` is the case's plan for reference (ignored when read back);
    ``actual`` holds what is already entered, else it is empty.
    """
    rows: list[list[object]] = []
    for result in results:
        case = result.case
        years = follow_up_years(case, horizon)
        plan = plan_by_line(result, years)
        entered = actuals.for_case(case.id)
        for line in case.lines:
            for index, year in enumerate(years):
                rows.append([case.id, line.name, year, round(float(plan[line.name][index]), 6), entered.get((line.name, year))])
    return csv_bytes(["case", "line", "year", "plan", "actual"], rows, dialect="danish")
