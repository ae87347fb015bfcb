"""Public names: the scenario store (SQLAlchemy, Alembic), imported on first use.

``model`` resolves these names through its ``__getattr__`` the first time one
is used, so the commands and pages that never touch the store start without
loading SQLAlchemy. A new store name goes in ``LAZY`` with the module that
defines it (relative to ``model``); ``model.__all__`` lists every key.
No ``__all__`` here: a star import would load the store at once.
"""

#: Public name → the submodule of ``model`` that defines it.
LAZY: dict[str, str] = {
    "CaseFile": "store",
    "Change": "store",
    "Difference": "store",
    "DocumentChange": "store",
    "Scenario": "store",
    "ScenarioDocument": "store",
    "ScenarioInfo": "store",
    "ScenarioNotFound": "store",
    "ScenarioStore": "store",
    "StaleVersionError": "store",
    "StoreError": "store",
    "StoreUnavailable": "store",
    "Version": "store",
    "against_documents": "store",
    "configure_engine": "store",
    "describe_url": "store",
    "diff": "store",
    "parse_scenario_id": "store",
    "register_section": "store",
    "resolve_url": "store",
    "AppliedScenario": "store.apply",
    "apply_value": "store.apply",
    "import_case_file": "store.apply",
    "scenario_cases": "store.apply",
    "scenario_portfolio": "store.apply",
    "scenario_settings": "store.apply",
    # the pages' sections of a saved scenario (model/store/sections.py)
    "DOMAIN_SECTION": "store.sections",
    "FOLLOW_UP_SECTION": "store.sections",
    "PORTFOLIO_SECTION": "store.sections",
    "SENSITIVITY_SECTION": "store.sections",
    "DomainScenario": "store.sections",
    "LabourInputs": "store.sections",
    "SensitivityScenario": "store.sections",
}
