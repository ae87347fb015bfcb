"""Uncertainty: three-point ranges, tornado, switching values and Monte Carlo.

Every analysis here runs the case's own formulas through
:func:`model.compute_flows` with assumption values as numpy arrays, so one
call evaluates many scenarios at once: the tornado's 2·k ends, the switching
values' search grid and each block of 10.000 Monte Carlo draws are each a
single vectorised pass, never a Python loop over scenarios.

Key figures (``KPIS``), in the documents' units and signs:

``net_permanent``
    Varig effektivisering, netto: the fully phased-in Samlet varig ændring,
    1.000 kr. a year; **negative is a saving**.
``payback``
    Payback time in years with the last year interpolated
    (``KPIs.payback_exact``); ``inf`` where the case never pays back.
``payback_years``
    The same in whole years as the documents print it (``inf``: never).
``npv``
    Present value of the net savings, 1.000 kr.; **positive when it pays**.

A draw or scenario whose formulas give no finite amount (a division by
zero) has ``nan`` for every key figure and is counted, never raised.

Ranges: an assumption's ``low``/``high`` from the case file, or where one is
missing, ``value ∓ 20 %`` of its magnitude, flagged ``is_default`` and
clipped to the assumption's ``minimum``/``maximum`` (flagged ``clipped``).
An assumption marked ``vary: false`` in the case file (a background figure,
or shares that must add up) is held at its value (``fixed``) and left out
of the tornado and the switching values.

The analyses live in one module each: :mod:`model.ranges`,
:mod:`model.tornado`, :mod:`model.switching`, :mod:`model.monte_carlo`, over
the one key-figure function :func:`model.key_figures` (and
:mod:`model.thresholds`). This module gathers their public names, so that
``from model.uncertainty import ...`` keeps working.
"""

from __future__ import annotations

from .key_figures import KPIS, kpi_values
from .monte_carlo import (
    BLOCK,
    DEFAULT_DRAWS,
    DISTRIBUTIONS,
    MAX_DRAWS,
    MAX_SEED,
    MonteCarlo,
    block_sizes,
    check_draws,
    monte_carlo,
    monte_carlo_block,
)
from .ranges import DEFAULT_SHARE, RANGE_PROBLEMS, Range, UncertaintyError, range_problem, ranges, with_ranges
from .switching import SwitchingValue, SwitchingValues, switching_values
from .thresholds import Threshold
from .tornado import Tornado, TornadoBar, tornado

__all__ = [
    "BLOCK",
    "DEFAULT_DRAWS",
    "DEFAULT_SHARE",
    "DISTRIBUTIONS",
    "KPIS",
    "MAX_DRAWS",
    "MAX_SEED",
    "RANGE_PROBLEMS",
    "MonteCarlo",
    "Range",
    "SwitchingValue",
    "SwitchingValues",
    "Threshold",
    "Tornado",
    "TornadoBar",
    "UncertaintyError",
    "block_sizes",
    "check_draws",
    "kpi_values",
    "monte_carlo",
    "monte_carlo_block",
    "range_problem",
    "ranges",
    "switching_values",
    "tornado",
    "with_ranges",
]
