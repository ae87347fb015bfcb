"""The "Ny case" page's draft: table rows as typed ↔ the data of a case file, and its problems by row.

The builder keeps what the analyst typed as text, cell by cell, so bad input
is never lost: a value is Danish text (``1.234,5``) until the draft is read.
:func:`draft_data` reads the draft into the data a YAML case file holds,
parsing Danish numbers and ``år: værdi; …`` lists (the UI's job, as the
number inputs do elsewhere); every rule about the case itself is the
engine's (:func:`model.check_case_data`). :func:`placed` puts each problem
beside the table and row it belongs to.

A draft is ``{"head": {field: text}, "assumptions": [row], "derived": [row],
"profiles": [row], "lines": [row], "rest": {field: value}}``; a row is
``{column: text | bool | None, "_rest": json}``, where ``_rest`` keeps the
fields of a copied case the tables do not show (e.g. ``stated``,
``kept_hours``), so a copy loses nothing.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from model import Case, CaseFileProblem, case_data, parse_number

__all__ = [
    "COLUMNS",
    "HEAD",
    "TABLES",
    "Placed",
    "draft_data",
    "draft_from_case",
    "number_text",
    "placed",
]

#: The builder's tables, in the order the page shows them.
TABLES = ("assumptions", "derived", "profiles", "lines")

#: Columns of each table and how a cell is read: text, number (Danish), bool, year, years (``år: værdi; …``).
COLUMNS: dict[str, dict[str, str]] = {
    "assumptions": {
        "name": "text",
        "label": "text",
        "value": "number",
        "unit": "text",
        "source": "text",
        "low": "number",
        "high": "number",
        "minimum": "number",
        "maximum": "number",
        "integer": "bool",
        "group": "text",
    },
    "derived": {"name": "text", "label": "text", "formula": "text", "unit": "text", "source": "text"},
    "profiles": {"name": "text", "shares": "years"},
    "lines": {
        "table": "text",
        "name": "text",
        "formula": "text",
        "phase_in": "text",
        "year": "year",
        "amounts": "years",
        "hours": "text",
        "innovation": "bool",
        "unit": "text",
        "source": "text",
    },
}

#: The case's head: field → how it is read.
HEAD = {
    "id": "text",
    "title": "text",
    "administration": "text",
    "price_level": "year",
    "first_year": "year",
    "horizon": "count",
}

#: Table number (the document's tables 1-3) ↔ a line's kind and area.
_TABLE_KIND = {"1": ("permanent", "service"), "2": ("one_off", "service"), "3": ("one_off", "anlaeg")}
_KIND_TABLE = {"table1": "1", "table2": "2", "table3": "3"}
_LINE_KEYS = ("kind", "area", "funding")
_PATH = re.compile(r"^(assumptions|derived|lines)\[(\d+)\](?: \((?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\))?(?:\.(\w+))?")
_PROFILE_PATH = re.compile(r"^phase_in_profiles\.([^.]+)")


@dataclass(frozen=True)
class Placed:
    """A problem and where it is shown: ``table`` (a key of :data:`COLUMNS`, or ``"head"``), ``row`` (from 0) and ``field``.

    ``problem`` is the engine's (:class:`model.CaseFileProblem`) or the
    builder's own for a cell it could not read (``code`` ``"number"``,
    ``"year"``, ``"years"``, ``"count"``).
    """

    table: str
    row: int | None
    field: str
    problem: CaseFileProblem


def number_text(value: float | int | None) -> str:
    """``value`` in Danish writing with every digit kept: 15000 → ``"15.000"``, 0.1 → ``"0,1"``, None → ``""``."""
    if value is None:
        return ""
    text = f"{float(value):,.12f}".rstrip("0").rstrip(".")
    text = text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
    return "0" if text in ("-0", "") else text


def _whole(value: float) -> float | int:
    """A whole number as ``int`` (the file reads ``80``, not ``80.0``)."""
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _years_text(mapping: dict[int, Any]) -> str:
    parts = []
    for year, value in mapping.items():
        shown = value if isinstance(value, str) else number_text(value)
        parts.append(f"{year}: {shown}")
    return "; ".join(parts)


def _cell(value: Any, kind: str) -> Any:
    if kind == "bool":
        return bool(value)
    if value is None:
        return None
    if kind == "number":
        return number_text(value)
    if kind == "years":
        return _years_text(value)
    return str(value)


def _row(item: dict[str, Any], columns: dict[str, str], shown: dict[str, Any]) -> dict[str, Any]:
    row = {column: _cell(shown.get(column), kind) for column, kind in columns.items()}
    rest = {key: value for key, value in item.items() if key not in columns or value is None}
    row["_rest"] = json.dumps(rest, ensure_ascii=False, default=str) if rest else ""
    return row


def draft_from_case(case: Case, case_id: str | None = None, title: str | None = None) -> dict[str, Any]:
    """A draft of ``case`` (a template or a copy), renamed to ``case_id``/``title`` when given.

    The document's printed figures (``reported``) are left out: they are the
    original's, not the new case's.
    """
    data = case_data(case)
    head = {
        "id": case_id or case.id,
        "title": title or case.title,
        "administration": case.administration,
        "price_level": str(case.price_level),
        "first_year": str(case.first_year),
        "horizon": str(case.last_year - case.first_year + 1),
    }
    draft: dict[str, Any] = {"head": head}
    draft["assumptions"] = [_row(a, COLUMNS["assumptions"], a) for a in data.get("assumptions", [])]
    draft["derived"] = [_row(d, COLUMNS["derived"], d) for d in data.get("derived", [])]
    profiles = data.get("phase_in_profiles", {})
    draft["profiles"] = [_row({}, COLUMNS["profiles"], {"name": name, "shares": shares}) for name, shares in profiles.items()]
    lines = []
    for line, item in zip(case.lines, data["lines"], strict=True):
        shown = {key: value for key, value in item.items() if key not in ("kind", "area", "funding", "phase_in")}
        shown["table"] = _KIND_TABLE[line.table]
        shown["innovation"] = line.funding == "innovationspulje"
        if isinstance(line.phase_in, str):
            shown["phase_in"] = line.phase_in
        elif line.phase_in is not None:  # a profile written on the line itself: "år: andel; …"
            shown["phase_in"] = _years_text(item["phase_in"])
        rest = {key: value for key, value in item.items() if key not in COLUMNS["lines"] and key not in _LINE_KEYS}
        row = {column: _cell(shown.get(column), kind) for column, kind in COLUMNS["lines"].items()}
        row["_rest"] = json.dumps(rest, ensure_ascii=False, default=str) if rest else ""
        lines.append(row)
    draft["lines"] = lines
    shown_top = {"version", "id", "title", "administration", "price_level", "first_year", "last_year", "reported"}
    shown_top |= {"assumptions", "derived", "phase_in_profiles", "lines"}
    draft["rest"] = {key: value for key, value in data.items() if key not in shown_top}
    return draft


# --- Reading a draft ----------------------------------------------------------------------------------------


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (isinstance(value, str) and not value.strip())


class _Unreadable(ValueError):
    """A cell the builder cannot read; ``code`` names the kind of text it wanted."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(text)
        self.code = code


def _value(text: Any, kind: str) -> Any:
    """A cell's value as the file holds it; :class:`_Unreadable` for text that is not what ``kind`` wants."""
    if kind == "bool":
        return bool(text) if not _empty(text) else False
    raw = str(text).strip()
    if kind == "text":
        return raw
    if kind == "number":
        try:
            return _whole(parse_number(raw))
        except ValueError:
            raise _Unreadable("number", raw) from None
    if kind in ("year", "count"):
        if not re.fullmatch(r"-?\d{1,4}", raw.replace(".", "")):
            raise _Unreadable(kind, raw)
        return int(raw.replace(".", ""))
    result: dict[int, Any] = {}
    for part in filter(None, (p.strip() for p in raw.split(";"))):
        year, sep, value = part.partition(":")
        if not sep or not re.fullmatch(r"\d{4}", year.strip()) or not value.strip():
            raise _Unreadable("years", raw)
        try:
            result[int(year)] = _whole(parse_number(value.strip()))
        except ValueError:
            result[int(year)] = value.strip()  # a formula, e.g. a phase-in share from an assumption
    return result


def _problem(code: str, text: str) -> CaseFileProblem:
    return CaseFileProblem("", code, {"text": text}, f"cannot read {text!r}")


def _read_rows(table: str, rows: list[dict[str, Any]], found: list[Placed]) -> tuple[list[dict[str, Any]], list[int]]:
    """The non-empty rows of ``table`` as dicts of the file's fields, and the row number each came from."""
    items, origin = [], []
    for number, row in enumerate(rows):
        cells = {column: row.get(column) for column in COLUMNS[table]}
        if all(_empty(v) or v is False for v in cells.values()):
            continue
        item: dict[str, Any] = {}
        rest = row.get("_rest")
        if isinstance(rest, str) and rest:
            item.update(json.loads(rest))
        for column, kind in COLUMNS[table].items():
            if _empty(cells[column]) and kind != "bool":
                continue
            try:
                item[column] = _value(cells[column], kind)
            except _Unreadable as exc:
                found.append(Placed(table, number, column, _problem(exc.code, str(exc))))
        items.append(item)
        origin.append(number)
    return items, origin


def _line(item: dict[str, Any], number: int, found: list[Placed]) -> dict[str, Any]:
    kind, area = _TABLE_KIND.get(str(item.pop("table", "")), (None, None))
    if kind is not None:
        item["kind"], item["area"] = kind, area
    if item.pop("innovation", False):
        item["funding"] = "innovationspulje"
    if isinstance(item.get("phase_in"), str) and ":" in item["phase_in"]:  # a profile on the line: "år: andel; …"
        try:
            item["phase_in"] = _value(item["phase_in"], "years")
        except _Unreadable as exc:
            found.append(Placed("lines", number, "phase_in", _problem(exc.code, str(exc))))
    return item


def draft_data(draft: dict[str, Any]) -> tuple[dict[str, Any], list[Placed], dict[str, list[int]]]:
    """``(data, problems, origin)``: the draft as a case file's data, the cells it could not read, and
    for each table the draft row of each item (an empty row is left out, so item *i* is row ``origin[table][i]``)."""
    found: list[Placed] = []
    data: dict[str, Any] = dict(draft.get("rest", {}))
    head = draft.get("head", {})
    for field, kind in HEAD.items():
        if _empty(head.get(field)):
            continue
        try:
            data[field] = _value(head[field], kind)
        except _Unreadable as exc:
            found.append(Placed("head", None, field, _problem(exc.code, str(exc))))
    horizon = data.pop("horizon", None)
    if isinstance(data.get("first_year"), int) and isinstance(horizon, int):
        data["last_year"] = data["first_year"] + horizon - 1
    origin: dict[str, list[int]] = {}
    for table in TABLES:
        items, origin[table] = _read_rows(table, draft.get(table, []), found)
        if table == "profiles":
            data["phase_in_profiles"] = {str(p.get("name", "")): p.get("shares", {}) for p in items}
        elif table == "lines":
            data["lines"] = [_line(item, number, found) for item, number in zip(items, origin[table], strict=True)]
        else:
            data[table] = items
    return data, found, origin


_FIELD_OF = {"kind": "table", "area": "table", "funding": "innovation", "phase_in_profiles": "shares"}


def placed(problems: tuple[CaseFileProblem, ...], origin: dict[str, list[int]], data: dict[str, Any]) -> list[Placed]:
    """The engine's ``problems`` of the draft's data, each placed at its table, draft row and column.

    The place is read from the problem's field path (``lines[2] ('Drift').formula``, or the
    ``where`` a whole-case check names); a problem of the case's head or of the file as a
    whole is placed at ``"head"``.
    """
    profiles = list(data.get("phase_in_profiles", {}))
    out = []
    for problem in problems:
        where = str(problem.context.get("where") or problem.where or problem.text)
        match = _PATH.match(where)
        if match and not match.group(3):  # a whole-case check names the field in its text: "lines[0] ('x').phase_in: …"
            match = _PATH.match(problem.text) or match
        if match:
            table, index, field = match.group(1), int(match.group(2)), match.group(3) or ""
            rows = origin.get(table, [])
            row = rows[index] if index < len(rows) else None
            out.append(Placed(table, row, _FIELD_OF.get(field, field), problem))
            continue
        match = _PROFILE_PATH.match(where)
        if match and match.group(1) in profiles:
            index = profiles.index(match.group(1))
            rows = origin.get("profiles", [])
            out.append(Placed("profiles", rows[index] if index < len(rows) else None, "shares", problem))
            continue
        field = where.split(".", 1)[0] if where and where[0].isalpha() else ""
        if field in ("assumptions", "derived", "lines"):  # the table as a whole, e.g. a case needs a line
            out.append(Placed(field, None, "", problem))
            continue
        out.append(Placed("head", None, "horizon" if field == "last_year" else field, problem))
    return out
