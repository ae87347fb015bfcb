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
from .engine import DATABASE_URL_ENV, DEFAULT_DATABASE, configure_engine, describe_url, make_store_engine, resolve_url
from .errors import ScenarioNotFound, StaleVersionError, StoreError, StoreUnavailable, translate_error
from .migrate import current_revision, ensure_schema, head_revision, upgrade
from .repository import Draft, Scenario, ScenarioInfo, ScenarioStore, Version, parse_scenario_id

__all__ = [
    "DATABASE_URL_ENV",
    "DEFAULT_DATABASE",
    "DOCUMENT_FORMAT",
    "CaseFile",
    "Change",
    "Difference",
    "DocumentChange",
    "Draft",
    "Scenario",
    "ScenarioDocument",
    "ScenarioInfo",
    "ScenarioNotFound",
    "ScenarioStore",
    "Section",
    "SectionType",
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
