"""A case being built (the app's "Ny case" page): checked by the engine's own rules, written as a case file.

The builder holds a case as plain data, the shape a YAML case file reads
into (``{"id": ..., "assumptions": [{...}], "lines": [{...}]}``).
:func:`check_case_data` validates it with the very model the loader uses
(:class:`model.Case`), so a draft and a file are judged by one set of rules,
and returns every problem, not the loader's first five. :func:`case_file_text`
writes a valid case as a format-2 file with the schema comment, which
``python -m model validate`` accepts; :func:`case_data` is the way back
from a case (a template or a copy) to data the builder edits.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from .case_errors import CaseFileProblem, validation_problems
from .loader import case_to_yaml
from .schema import CASE_FORMAT_VERSION, Case

__all__ = ["SCHEMA_COMMENT", "case_data", "case_file_text", "check_case_data"]

#: First line of every case file: lets an editor with the YAML language server complete and check it.
SCHEMA_COMMENT = "# yaml-language-server: $schema=../docs/case.schema.json"


def check_case_data(data: Mapping[str, Any]) -> tuple[Case | None, tuple[CaseFileProblem, ...]]:
    """``(case, ())`` when ``data`` is a valid case, else ``(None, problems)``, every one of them.

    The rules are :class:`model.Case`'s (what :func:`model.parse_case` applies
    to a file): field problems first, each with its path
    (``assumptions[1] ('pris').value``); the checks across the whole case
    (unknown names in a formula, derived items in a circle, a phase-in
    profile that does not exist) once every field is right.
    """
    try:
        return Case.model_validate(dict(data)), ()
    except ValidationError as exc:
        return None, validation_problems(exc, data, limit=None)
    except (TypeError, ValueError, RecursionError) as exc:  # a shape the schema did not foresee
        return None, (CaseFileProblem("", "value_error", {}, f"cannot be read as a case: {exc}"),)


def case_file_text(case: Case) -> str:
    """``case`` as a case file: the schema comment, ``version: 2``, then every field that is not a default.

    :func:`model.parse_case` reads the text back to an equal case.
    """
    return f"{SCHEMA_COMMENT}\nversion: {CASE_FORMAT_VERSION}\n{case_to_yaml(case)}"


def case_data(case: Case) -> dict[str, Any]:
    """``case`` as plain data (the fields a file would give, defaults left out), for a builder to edit."""
    data = case.model_dump(mode="python", exclude_defaults=True)
    return {"id": case.id, "title": case.title, **data}
