"""What one version of a scenario holds: a typed, extensible document.

A :class:`ScenarioDocument` is everything a user changed on top of the
case files (the "documents"): appraisal settings, the cases the overview
includes, every changed assumption with its note (why), author and time,
and the case files uploaded, built or saved as variants in the app (their
whole YAML text). Other features store their own data in ``sections``:
each section has a registered name, a pydantic model and a schema version
(:func:`register_section`), so a feature reads back typed data, and a
section this program does not know is kept as it is (never dropped).

Documents are immutable (frozen pydantic models); :meth:`ScenarioDocument.with_change`
and friends return new ones. Stored as JSON (:meth:`ScenarioDocument.to_json`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import StoreError

__all__ = [
    "DOCUMENT_FORMAT",
    "CaseFile",
    "Change",
    "ScenarioDocument",
    "Section",
    "SectionType",
    "register_section",
    "registered_sections",
]

#: Version of the document's own layout (the ``format`` field); sections carry their own versions.
DOCUMENT_FORMAT = 1
_MAX_NOTE = 2000


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Change(_Frozen):
    """One changed assumption: ``value`` (the assumption's unit) replaces the case file's, with why, who and when."""

    case: str = Field(min_length=1, max_length=64)
    assumption: str = Field(min_length=1, max_length=128)
    value: float = Field(allow_inf_nan=False)
    note: str = Field(default="", max_length=_MAX_NOTE)
    author: str = Field(default="", max_length=200)
    at: datetime

    @field_validator("at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class CaseFile(_Frozen):
    """A case the user brought in: uploaded, built in the app, or saved as a variant; ``text`` is the whole YAML file."""

    case: str = Field(min_length=1, max_length=64)
    kind: Literal["upload", "variant", "built"]
    text: str = Field(max_length=1_000_000)


class Section(_Frozen):
    """One feature's data: its schema ``version`` and JSON-able ``data`` (validated by the registered model)."""

    version: int = Field(ge=1)
    data: dict[str, Any]


@dataclass(frozen=True)
class SectionType:
    """A registered section: its name, pydantic model and current schema version."""

    name: str
    model: type[BaseModel]
    version: int


_SECTIONS: dict[str, SectionType] = {}


def register_section(name: str, model: type[BaseModel], version: int = 1) -> SectionType:
    """Declare that ``sections[name]`` holds a ``model`` at schema ``version``; call once at import of the feature.

    Registering the same name again with the same model replaces it (module
    reloads); a different model under a taken name raises ``ValueError``.
    """
    known = _SECTIONS.get(name)
    if known is not None and known.model.__qualname__ != model.__qualname__:
        msg = f"section {name!r} is already registered by {known.model.__qualname__}"
        raise ValueError(msg)
    _SECTIONS[name] = SectionType(name, model, version)
    return _SECTIONS[name]


def registered_sections() -> dict[str, SectionType]:
    """The sections registered so far, by name."""
    return dict(_SECTIONS)


class ScenarioDocument(_Frozen):
    """One version's content. ``settings`` are :class:`model.Settings` fields that differ from the defaults;
    ``included`` the cases the overview includes (None: every case of the case folder); ``changes`` at most
    one per (case, assumption); ``case_files`` at most one per case id."""

    format: Literal[1] = DOCUMENT_FORMAT
    settings: dict[str, int | float] = Field(default_factory=dict)
    included: list[str] | None = None
    changes: tuple[Change, ...] = ()
    case_files: tuple[CaseFile, ...] = ()
    sections: dict[str, Section] = Field(default_factory=dict)

    # --- reading -------------------------------------------------------------------------

    def change(self, case: str, assumption: str) -> Change | None:
        """The change of ``case.assumption``, if there is one."""
        return next((c for c in self.changes if c.case == case and c.assumption == assumption), None)

    def values(self) -> dict[str, dict[str, float]]:
        """``{case: {assumption: value}}`` of every change."""
        out: dict[str, dict[str, float]] = {}
        for c in self.changes:
            out.setdefault(c.case, {})[c.assumption] = c.value
        return out

    def section(self, name: str) -> BaseModel | None:
        """The typed data of section ``name`` (None when absent); ``StoreError`` if it does not validate."""
        kind = _SECTIONS.get(name)
        stored = self.sections.get(name)
        if stored is None:
            return None
        if kind is None:
            msg = f"section {name!r} is not registered"
            raise StoreError(msg, code="section", name=name, field="")
        try:
            return kind.model.model_validate(stored.data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            msg = f"section {name!r} of the scenario does not fit version {kind.version}: {where}: {first['msg']}"
            raise StoreError(msg, code="section", name=name, field=where) from None

    # --- new documents -----------------------------------------------------------------------

    def with_change(
        self, case: str, assumption: str, value: float | None, note: str = "", author: str = "", at: datetime | None = None
    ) -> ScenarioDocument:
        """This document with ``case.assumption`` set to ``value`` (None: back to the case file's value)."""
        rest = tuple(c for c in self.changes if not (c.case == case and c.assumption == assumption))
        if value is None:
            return self.model_copy(update={"changes": rest})
        change = Change(case=case, assumption=assumption, value=value, note=note, author=author, at=at or datetime.now(UTC))
        return self.model_copy(update={"changes": (*rest, change)})

    def with_section(self, name: str, data: BaseModel | None) -> ScenarioDocument:
        """This document with section ``name`` replaced by ``data`` (None removes it); the name must be registered."""
        kind = _SECTIONS.get(name)
        if kind is None:
            msg = f"section {name!r} is not registered (see model.store.register_section)"
            raise ValueError(msg)
        sections = {k: v for k, v in self.sections.items() if k != name}
        if data is not None:
            if not isinstance(data, kind.model):
                msg = f"section {name!r} takes a {kind.model.__name__}, not a {type(data).__name__}"
                raise TypeError(msg)
            sections[name] = Section(version=kind.version, data=data.model_dump(mode="json"))
        return self.model_copy(update={"sections": sections})

    # --- storage ------------------------------------------------------------------------

    def to_json(self) -> str:
        """The document as compact JSON (what the store keeps)."""
        return self.model_dump_json(exclude_defaults=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> ScenarioDocument:
        """Read a stored document; ``StoreError`` naming the field when it does not fit."""
        try:
            return cls.model_validate_json(text)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "document"
            msg = f"a stored scenario document does not fit this program: {where}: {first['msg']}"
            raise StoreError(msg, code="document", field=where) from None

    def content_key(self) -> str:
        """The document as JSON with sorted keys: equal keys mean equal content."""
        return self.model_dump_json()
