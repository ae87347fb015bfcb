"""The case-file format as a JSON Schema, generated from the pydantic models.

``docs/case.schema.json`` is this schema, written by ``python -m model schema
--write docs/case.schema.json``; a test fails when the file is stale. Case
files name it in their first line::

    # yaml-language-server: $schema=../docs/case.schema.json

so an editor with the YAML language server (VS Code's YAML extension, …)
completes field names and checks types as the analyst types. The schema
checks the *shape* of a file (fields, types, allowed words); what only the
whole case can tell (formula names, cycles among derived items, years inside
the case) is checked by ``python -m model validate``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .schema import CASE_FORMAT_VERSION, Case

__all__ = ["SCHEMA_FILE", "case_json_schema", "case_schema_text"]

#: Where the generated schema is kept in the repository.
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "case.schema.json"


def case_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a case file, from :class:`model.Case`."""
    schema = Case.model_json_schema(mode="validation")
    # A YAML file may start with the language server's comment and nothing else special;
    # mapping keys that are years arrive as strings in an editor's JSON view.
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.invalid/business-case-workbench/case.schema.json",
        "title": f"Business case file, format version {CASE_FORMAT_VERSION}",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def case_schema_text() -> str:
    """The schema as the text of ``docs/case.schema.json`` (sorted keys, two-space indent, final newline)."""
    return json.dumps(case_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
