"""What changed: between two versions of a scenario, and between a version and the documents.

A :class:`Difference` is one changed thing with its old and new value, in
the store's own terms (no display formatting): a setting, the included
cases, an assumption's value or note, a case file, or another feature's
section. The history shows :func:`diff` against the previous version and
:func:`against_documents` against the case files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from .document import ScenarioDocument

__all__ = ["Difference", "DocumentChange", "against_documents", "diff"]

Kind = Literal["setting", "included", "value", "note", "case_file", "section"]


@dataclass(frozen=True)
class Difference:
    """One change from ``old`` to ``new`` (None: absent, i.e. the document's value or no such thing).

    ``kind`` says what changed; ``case`` and ``name`` where (``name`` is the
    setting, assumption or section). Values are in the assumption's unit.
    """

    kind: Kind
    case: str | None
    name: str | None
    old: object
    new: object
    note: str = ""
    author: str = ""

    def describe(self) -> str:
        """One plain line, e.g. ``i5.timer_sparet: 2.0 -> 3.0``."""
        where = ".".join(p for p in (self.case, self.name) if p) or self.kind
        if self.kind == "note":
            return f"{where} (note): {self.old!r} -> {self.new!r}"
        return f"{where}: {_show(self.old)} -> {_show(self.new)}"

    def to_dict(self) -> dict[str, object]:
        """JSON-able: kind, case, name, old, new, note, author."""
        return {
            "kind": self.kind,
            "case": self.case,
            "name": self.name,
            "old": self.old,
            "new": self.new,
            "note": self.note,
            "author": self.author,
        }


def _show(value: object) -> str:
    if value is None:
        return "document"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def diff(old: ScenarioDocument | None, new: ScenarioDocument) -> list[Difference]:
    """Every difference from ``old`` (None: the documents, an empty scenario) to ``new``.

    Order: settings, included cases, assumption values and notes (by case,
    then assumption), case files, sections.

    >>> from datetime import datetime, UTC
    >>> a = ScenarioDocument().with_change("i5", "timer", 2.0, at=datetime(2026, 1, 1, tzinfo=UTC))
    >>> b = a.with_change("i5", "timer", 3.0, note="målt", at=datetime(2026, 1, 2, tzinfo=UTC))
    >>> [d.describe() for d in diff(a, b)]
    ['i5.timer: 2.0 -> 3.0']
    """
    old = old or ScenarioDocument()
    out: list[Difference] = []
    for name in sorted(set(old.settings) | set(new.settings)):
        before, after = old.settings.get(name), new.settings.get(name)
        if before != after:
            out.append(Difference("setting", None, name, before, after))
    if old.included != new.included:
        out.append(Difference("included", None, None, old.included, new.included))
    before_changes = {(c.case, c.assumption): c for c in old.changes}
    after_changes = {(c.case, c.assumption): c for c in new.changes}
    for key in sorted(set(before_changes) | set(after_changes)):
        b, a = before_changes.get(key), after_changes.get(key)
        if b is not None and a is not None and b.value == a.value:
            if b.note != a.note:
                out.append(Difference("note", key[0], key[1], b.note, a.note, a.note, a.author))
            continue
        if b is None or a is None or b.value != a.value:
            out.append(
                Difference(
                    "value",
                    key[0],
                    key[1],
                    b.value if b else None,
                    a.value if a else None,
                    a.note if a else "",
                    a.author if a else "",
                )
            )
    before_files = {f.case: f for f in old.case_files}
    after_files = {f.case: f for f in new.case_files}
    for case in sorted(set(before_files) | set(after_files)):
        b_file, a_file = before_files.get(case), after_files.get(case)
        if b_file != a_file:
            out.append(Difference("case_file", case, None, b_file.kind if b_file else None, a_file.kind if a_file else None))
    for name in sorted(set(old.sections) | set(new.sections)):
        if old.sections.get(name) != new.sections.get(name):
            before_section, after_section = old.sections.get(name), new.sections.get(name)
            old_version = before_section.version if before_section else None
            new_version = after_section.version if after_section else None
            out.append(Difference("section", None, name, old_version, new_version))
    return out


@dataclass(frozen=True)
class DocumentChange:
    """One changed assumption against its case file: ``document`` value (None if the case is not in the folder) and ``value``."""

    case: str
    assumption: str
    document: float | None
    value: float
    note: str
    author: str


def against_documents(document: ScenarioDocument, document_values: Mapping[str, Mapping[str, float]]) -> list[DocumentChange]:
    """Every changed assumption beside the case file's value (``document_values``: ``{case: {assumption: value}}``)."""
    return [
        DocumentChange(c.case, c.assumption, document_values.get(c.case, {}).get(c.assumption), c.value, c.note, c.author)
        for c in sorted(document.changes, key=lambda c: (c.case, c.assumption))
    ]
