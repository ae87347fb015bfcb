"""The scenario store: named scenarios with immutable versions, in SQLite or PostgreSQL.

Typical use::

    from model.store import ScenarioStore, ScenarioDocument
    store = ScenarioStore.connect()               # WORKBENCH_DATABASE_URL, secrets.toml, or data/workbench.db
    doc = ScenarioDocument().with_change("i5", "timer_sparet", 3.0, note="målt i 2024", author="Anna")
    scenario = store.create("I5 med målte timer", doc, author="Anna")
    store.open(scenario.info.id).version.document.values()   # {'i5': {'timer_sparet': 3.0}}

See ``docs/store.md``: the document, the tables, migrations, and how a
feature adds its own section.
"""

from __future__ import annotations

from ..lazy import lazy_names
from .diff import Difference, DocumentChange, against_documents, diff
from .document import (
    DOCUMENT_FORMAT,
    CaseFile,
    Change,
    ScenarioDocument,
    Section,
    SectionType,
    register_section,
    registered_sections,
)
from .errors import ScenarioNotFound, StaleVersionError, StoreError, StoreUnavailable, translate_error
from .sections import (
    DOMAIN_SECTION,
    FOLLOW_UP_SECTION,
    PORTFOLIO_SECTION,
    SENSITIVITY_SECTION,
    DomainScenario,
    LabourInputs,
    SensitivityScenario,
)

# The engine, migrations and repository (SQLAlchemy, Alembic) load on first use: the command line registers
# its subcommands without importing them.
_LAZY = {
    "DATABASE_URL_ENV": "engine",
    "DEFAULT_DATABASE": "engine",
    "configure_engine": "engine",
    "describe_url": "engine",
    "make_store_engine": "engine",
    "resolve_url": "engine",
    "current_revision": "migrate",
    "ensure_schema": "migrate",
    "head_revision": "migrate",
    "upgrade": "migrate",
    "Draft": "repository",
    "Scenario": "repository",
    "ScenarioInfo": "repository",
    "ScenarioStore": "repository",
    "Version": "repository",
    "parse_scenario_id": "repository",
}

__all__ = [
    "DATABASE_URL_ENV",
    "DEFAULT_DATABASE",
    "DOCUMENT_FORMAT",
    "DOMAIN_SECTION",
    "FOLLOW_UP_SECTION",
    "PORTFOLIO_SECTION",
    "SENSITIVITY_SECTION",
    "CaseFile",
    "Change",
    "Difference",
    "DocumentChange",
    "DomainScenario",
    "Draft",
    "LabourInputs",
    "Scenario",
    "ScenarioDocument",
    "ScenarioInfo",
    "ScenarioNotFound",
    "ScenarioStore",
    "Section",
    "SectionType",
    "SensitivityScenario",
    "StaleVersionError",
    "StoreError",
    "StoreUnavailable",
    "Version",
    "against_documents",
    "configure_engine",
    "current_revision",
    "describe_url",
    "diff",
    "ensure_schema",
    "head_revision",
    "make_store_engine",
    "parse_scenario_id",
    "register_section",
    "registered_sections",
    "resolve_url",
    "translate_error",
    "upgrade",
]


#: The store's public names, imported from their modules when first used.
__getattr__ = lazy_names(__name__, _LAZY, globals())
