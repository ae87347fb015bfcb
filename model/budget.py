"""The work a case may ask of the server, declared once and checked before it is evaluated.

Every user of the app shares one server process, and one uploaded file (at
most 1 MB) must not hold it for long. The cost of a case is known from its
file before anything is computed:

- evaluating it is one formula evaluation per line and year at most, each in
  proportion to the formula's length: the *formula weight* is the
  characters of all formulas times the years;
- the audit compares printed rows that show the same lines, year by year:
  at most ``rows × (rows - 1) / 2`` pairs times the years.

The limits below are far above what the documents need (the six cases have
at most 22 assumptions, 14 lines, 6 years and 24 printed rows; the largest
formula weight is about 1 % of the limit) and keep the worst accepted file
to well under two seconds of evaluation and audit. A case beyond a limit is
refused when it is read, with a message naming the limit.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "MAX_ASSUMPTIONS",
    "MAX_AUDIT_COMPARISONS",
    "MAX_FORMULA_WEIGHT",
    "MAX_LINES",
    "MAX_REPORTED_ROWS",
    "MAX_YEARS",
    "audit_comparisons",
    "check_counts",
    "check_work",
]

#: Most assumptions (drivers) in one case.
MAX_ASSUMPTIONS = 300
#: Most lines (rows of tables 1-3) in one case.
MAX_LINES = 300
#: Most years one case covers (first to last year).
MAX_YEARS = 61
#: Most printed rows in a case's ``reported`` tables, all tables together.
MAX_REPORTED_ROWS = 400
#: Most formula text evaluated per scenario: characters of all formulas × years.
MAX_FORMULA_WEIGHT = 1_000_000
#: Most cell comparisons the audit may make between printed rows: pairs of rows × years.
MAX_AUDIT_COMPARISONS = 200_000


def _too_much(what: str, count: int, limit: int, task: str = "evaluate") -> ValueError:
    return ValueError(f"the case is too large to {task} quickly: {count:,} {what} (at most {limit:,}); split the case")


def check_counts(data: Mapping[str, object]) -> None:
    """Refuse a case file (its raw mapping) with more assumptions, lines or printed rows than the limits.

    Cheap: counts list lengths before any field is validated. Raises
    ``ValueError`` naming the count and the limit.
    """
    for field, what, limit in (("assumptions", "assumptions", MAX_ASSUMPTIONS), ("lines", "lines", MAX_LINES)):
        items = data.get(field)
        if isinstance(items, list) and len(items) > limit:
            raise _too_much(what, len(items), limit)
    reported = data.get("reported")
    tables = reported.get("tables") if isinstance(reported, Mapping) else None
    if isinstance(tables, list):
        rows = sum(len(t["rows"]) for t in tables if isinstance(t, Mapping) and isinstance(t.get("rows"), list))
        if rows > MAX_REPORTED_ROWS:
            raise _too_much("printed rows", rows, MAX_REPORTED_ROWS, "audit")


def audit_comparisons(rows: int, years: int) -> int:
    """Upper bound on the audit's cell comparisons between printed rows: ``rows·(rows−1)/2 × years``.

    >>> audit_comparisons(24, 6), audit_comparisons(1000, 5)
    (1656, 2497500)
    """
    return rows * (rows - 1) // 2 * years


def check_work(formula_weight: int, rows: int, years: int) -> None:
    """Refuse a case whose formulas or printed rows would take too long; ``ValueError`` naming the limit.

    ``formula_weight`` is the characters of all formulas times the years;
    ``rows`` the printed rows of all reported tables; ``years`` the case's.
    """
    if formula_weight > MAX_FORMULA_WEIGHT:
        msg = (
            f"the formulas are too heavy to evaluate quickly ({formula_weight:,} characters × years; "
            f"at most {MAX_FORMULA_WEIGHT:,}): simplify them or split the case"
        )
        raise ValueError(msg)
    comparisons = audit_comparisons(rows, years)
    if comparisons > MAX_AUDIT_COMPARISONS:
        msg = (
            f"the printed tables are too large to audit quickly: {rows:,} printed rows would need up to "
            f"{comparisons:,} comparisons (at most {MAX_AUDIT_COMPARISONS:,})"
        )
        raise ValueError(msg)
