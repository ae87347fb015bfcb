"""A new case file to start from: ``python -m model new ID --title TITLE``.

:func:`new_case_text` writes a commented case in format 2 with three example
assumptions, two derived items, a phase-in profile, a permanent saving with
hours, a running cost and a one-off investment. It is valid as it stands
(``python -m model validate`` accepts it and ``summary`` evaluates it); the
analyst replaces the examples with the proposal's own drivers.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from .schema import CASE_FORMAT_VERSION

__all__ = ["new_case_text", "parse_years"]

_CASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")


def parse_years(text: str) -> tuple[int, int]:
    """``"2027-2031"`` → ``(2027, 2031)``; ``ValueError`` naming the problem otherwise."""
    match = re.fullmatch(r"\s*(\d{4})\s*-\s*(\d{4})\s*", text)
    if not match:
        msg = f"years {text!r} must be written FIRST-LAST, e.g. 2027-2031"
        raise ValueError(msg)
    first, last = int(match.group(1)), int(match.group(2))
    if not 1900 <= first <= last <= 2200 or last - first > 60:
        msg = f"years {text!r}: the first year must not be after the last, and a case covers at most 61 years"
        raise ValueError(msg)
    return first, last


def _quoted(text: str) -> str:
    """``text`` as a YAML scalar that reads back as exactly that text (a JSON string is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def new_case_text(case_id: str, title: str, years: tuple[int, int] | None = None, price_level: int | None = None) -> str:
    """The text of a new, valid case file (see the module docstring).

    ``years`` defaults to the five years after this one, ``price_level`` to
    this year. Raises ``ValueError`` for an id or title a case cannot have.
    """
    if not _CASE_ID.fullmatch(case_id):
        msg = f"case id {case_id!r} must be letters, digits, '-' or '_' (at most 32)"
        raise ValueError(msg)
    if not title.strip() or len(title) > 300 or any(ord(c) < 32 for c in title):
        msg = "the title must be one line of 1-300 characters"
        raise ValueError(msg)
    this_year = dt.date.today().year
    first, last = years or (this_year + 1, this_year + 5)
    level = price_level if price_level is not None else this_year
    if not 1900 <= level <= 2200:
        msg = f"price level {level} must be a year"
        raise ValueError(msg)
    y2 = min(first + 1, last)
    y3 = min(first + 2, last)
    return f"""# yaml-language-server: $schema=../docs/case.schema.json
# {case_id} {title}
# A new business case (format {CASE_FORMAT_VERSION}; see docs/case-format.md). Amounts in
# 1.000 kr. at {level} prices; costs positive, savings negative. The figures below
# are EXAMPLES: replace them with the proposal's own drivers and sources.
#   python -m model validate THIS_FILE    # checks the file
#   python -m model summary THIS_FILE     # key figures

version: {CASE_FORMAT_VERSION}
id: {case_id}
title: {_quoted(title)}
summary: ""                      # the document's "Kort resumé"
administration: ""               # e.g. Sundheds- og Omsorgsforvaltningen
price_level: {level}
first_year: {first}              # the years the tables cover
last_year: {last}
# hours_per_fte: 1924            # hours in one årsværk for this case only (default: the setting, 1.924)

# The drivers: one figure each, with its unit and where it comes from.
assumptions:
  - name: antal_enheder          # lower-case letters, digits and _; used in formulas
    label: Antal enheder der indkøbes
    value: 100
    unit: stk.
    source: "Eksempel: skriv afsnit og citat, fx “Afsnit 4: indkøb af 100 enheder”"
    group: Investering
    integer: true                # a count: whole numbers only
  - name: pris_pr_enhed
    label: Pris pr. enhed
    value: 20000
    unit: kr.
    source: "Eksempel: tilbud fra leverandør"
    group: Investering
    low: 18000                   # the document's own range, if it gives one
    high: 25000
  - name: timer_pr_enhed
    label: Sparet tid pr. enhed pr. år
    value: 50
    unit: timer/år
    source: "Eksempel: pilotprojekt"
    group: Gevinst
  - name: timepris
    label: Timepris, medarbejdere
    value: 400
    unit: kr./time
    source: "Eksempel: gennemsnitlig timeløn inkl. pension"
    group: Gevinst
  - name: vedligehold_andel
    label: Årlig vedligeholdelse i pct. af indkøbsprisen
    value: 0.1
    unit: andel
    source: "Eksempel: leverandørens serviceaftale"
    group: Drift
    maximum: 1                   # a share: 0.1 is 10 %

# Quantities computed from the drivers, written once and used by name below.
derived:
  - name: timer_sparet
    label: Sparede medarbejdertimer pr. år ved fuld effekt
    formula: "antal_enheder * timer_pr_enhed"
    unit: timer/år
    source: "Antal enheder × sparet tid pr. enhed"
  - name: indkoebspris
    label: Indkøbspris i alt
    formula: "antal_enheder * pris_pr_enhed / 1000"
    unit: t.kr.
    source: "Antal enheder × pris pr. enhed"

# Shares of the full effect per year (years before the first are 0, later years keep the last).
phase_in_profiles:
  gevinst: {{{y2}: 0.5, {y3}: 1}}

# The rows of tables 1-3.
lines:
  - name: Sparet tid
    kind: permanent              # table 1: goes on every year
    area: service
    formula: "-timer_sparet * timepris / 1000"   # a saving: negative
    phase_in: gevinst            # × the profile's share each year (or leave out: full effect)
    round_to: 5                  # round each year to 5 t.kr. after the share (optional)
    hours: timer_sparet          # staff hours freed a year at full effect, × the same share
    source: "Eksempel: afsnit 4"
  - name: Vedligeholdelse
    kind: permanent
    area: service
    formula: "vedligehold_andel * indkoebspris"
    phase_in: gevinst
    source: "Eksempel: afsnit 4"
  - name: Indkøb af enheder
    kind: one_off                # tables 2 (service) and 3 (anlæg): once
    area: anlaeg
    year: {first}                # the amount falls in this year only
    formula: indkoebspris
    confidence: medium           # how sure the figure is (optimism bias): high, medium or low
    source: "Eksempel: afsnit 4"
"""
