"""The model's public names, one module per area; ``model/__init__.py`` gathers them.

A new public name goes in the area of the module that defines it, both in that
area's imports and in its ``__all__``; ``model.__all__`` is the union of the
areas' lists, so nothing else changes:

=====================  ==========================================================
``reading``            case files in: loader, schema, formula
``evaluation``         layout, evaluate, document rows, key figures, KPIs of a series
``analysis``           uncertainty, optimism bias, audit and its slips, correlated runs
``portfolio_choice``   overview, portfolio, the choice of cases and its bundles
``follow_up``          actuals, success criteria, realisation, status report
``domain``             labour, price levels, discount presets
``exports``            Danish number text, CSV/XLSX/workbook exporters, charts, memo
``scenario_store``     the scenario store, imported on first use (SQLAlchemy loads late)
=====================  ==========================================================

Import from ``model``, never from here: ``from model import evaluate``.
"""
