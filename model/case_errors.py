"""What is wrong with a case file: one :class:`CaseFileError` naming the file, and its problems one by one.

The loader (:mod:`model.loader`) raises :class:`CaseFileError`; each
problem it knows of is a :class:`CaseFileProblem` with a field path, a
stable code and its figures, so a UI can word it in its own language
(``ui.case_messages``) instead of showing pydantic's English text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

__all__ = ["CaseFileError", "CaseFileProblem", "validation_message", "validation_problems"]


@dataclass(frozen=True)
class CaseFileProblem:
    """One problem of a case file, for a UI to word in its own language.

    ``where`` is the field path (``lines[0] ('Besparelse').phase_in``) or
    the file's line and column; ``code`` a stable name of the problem
    (pydantic's error type, e.g. ``missing``, or the schema's own, e.g.
    ``derived_cycle``; ``yaml`` for a file that is not valid YAML);
    ``context`` its figures (``{"ge": 1900}``); ``text`` the English message.
    """

    where: str
    code: str
    context: dict[str, str]
    text: str


class CaseFileError(ValueError):
    """A case file could not be read; the message names the file and the field.

    ``problems`` holds the same problems one by one (:class:`CaseFileProblem`), where
    they are known, so that the app can show them in Danish.
    """

    def __init__(self, source: str, problem: str, problems: tuple[CaseFileProblem, ...] = ()) -> None:
        self.source = source
        self.problem = problem
        self.problems = problems
        super().__init__(f"{source}: {problem}")


def _describe(loc: tuple[Any, ...], data: Any) -> str:
    """A readable field path, with line and assumption names where known."""
    parts: list[str] = []
    node = data
    for item in loc:
        if isinstance(item, int) and isinstance(node, list):
            label = ""
            if 0 <= item < len(node) and isinstance(node[item], dict):
                name = node[item].get("name") or node[item].get("label") or node[item].get("id")
                if isinstance(name, str):
                    label = f" ({name!r})"
            parts[-1:] = [f"{parts[-1] if parts else ''}[{item}]{label}"]
            node = node[item] if 0 <= item < len(node) else None
        else:
            parts.append(str(item))
            node = node.get(item) if isinstance(node, dict) else None
    return ".".join(parts)


def validation_problems(exc: ValidationError, data: Any, limit: int | None = 5) -> tuple[CaseFileProblem, ...]:
    """The first ``limit`` (None: all) problems of a validation error, each with its field path (see :class:`CaseFileProblem`)."""
    problems = []
    for error in exc.errors(include_url=False)[:limit]:
        loc = tuple(x for x in error["loc"] if not (isinstance(x, str) and x.startswith(("function-after", "union"))))
        where = _describe(loc, data)
        text = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            text = "unknown field (check the spelling; see docs/case-format.md)"
        elif error["type"] == "missing":
            text = "required field is missing"
        context = {key: str(value) for key, value in (error.get("ctx") or {}).items() if key != "error"}
        problems.append(CaseFileProblem(where, error["type"], context, text))
    return tuple(problems)


def validation_message(exc: ValidationError, data: Any) -> str:
    """The problems of a validation error as one English line: ``where: text; ...; and N more problem(s)``."""
    messages = [f"{p.where}: {p.text}" if p.where else p.text for p in validation_problems(exc, data)]
    more = len(exc.errors()) - len(messages)
    if more > 0:
        messages.append(f"and {more} more problem(s)")
    return "; ".join(messages)
