"""The Kontrol page's slips and text notes as titles and tables (Danish number format, labels through ``t``)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from model import Finding, Slip, TextNote, format_number, format_value

from .i18n import TEXTS, t

__all__ = ["CELL_NUMBERS", "note_frame", "note_title", "slip_frame", "slip_title", "table_name"]

#: Columns of the cell tables holding numbers (right-aligned), by their i18n key.
CELL_NUMBERS = ("audit.col.reported", "audit.col.computed", "audit.col.difference")


def table_name(table: str) -> str:
    """A table id as the reader names it ("Afsnit 1", "Tabel 2 / Afsnit 1")."""
    return " / ".join(t(f"audit.table.{part}") if f"audit.table.{part}" in TEXTS else part for part in table.split(" vs "))


def _year(year: int | None) -> str:
    return str(year) if year is not None else t("total")


def slip_title(slip: Slip) -> str:
    """One line per slip: case, where, printed against correct, and in how many cells it shows up."""
    return t(
        "audit.slip.title",
        case=slip.case,
        table=table_name(slip.table),
        line=slip.line,
        years=", ".join(_year(y) for y in slip.years),
        printed=format_number(slip.printed, 1),
        correct=format_number(slip.correct, 1),
        count=len(slip.cells),
    )


def _rows(findings: tuple[Finding, ...], computed_key: str) -> pd.DataFrame:
    cells: dict[tuple[str, str, int | None], dict[str, str]] = {}
    for f in findings:
        key = (f.table, f.line, f.year)
        check = t(f"audit.check.{f.check}")
        if key in cells:
            cells[key][t("audit.col.check")] += f", {check.lower()}"
            continue
        cells[key] = {
            t("audit.col.table"): table_name(f.table),
            t("col.line"): f.line,
            t("audit.col.year"): _year(f.year),
            t("audit.col.reported"): format_number(f.reported, 1),
            t(computed_key): format_number(f.computed, 1),
            t("audit.col.difference"): format_number(f.difference, 1),
            t("audit.col.check"): check,
        }
    return pd.DataFrame(list(cells.values()))


def slip_frame(slip: Slip) -> pd.DataFrame:
    """The cells a slip shows up in: table, row, year, printed, computed, difference, and which checks saw it."""
    return _rows(slip.findings, "audit.col.computed")


def note_title(note: TextNote) -> str:
    """One line per text note: case, the assumption(s), what the text says and what the tables use."""
    parts = [
        t("audit.note.part", label=label, stated=format_value(stated, unit), implied=format_value(implied, unit), unit=unit)
        for label, unit, stated, implied in zip(note.labels, note.units, note.stated, note.implied, strict=True)
    ]
    return t("audit.note.title", case=note.case, parts="; ".join(parts), count=len(note.cells))


def note_frame(note: TextNote) -> pd.DataFrame:
    """The printed cells the text's figure would change: printed, what the text's figure gives, difference."""
    renamed = tuple(replace(f, line=f.line.removesuffix(" (tekstens forudsætninger)")) for f in note.findings)
    return _rows(renamed, "audit.col.text")
