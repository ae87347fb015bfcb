"""The store's tables as SQLAlchemy 2 ORM classes (the migrations create them).

- ``scenarios``: one row per scenario: an unguessable id (UUID4 text), name,
  description, the number of its latest version, who saved it and when, and
  ``deleted_at`` (soft delete: set to delete, cleared to undo).
- ``scenario_versions``: one immutable row per saved version, keyed by
  (scenario id, version number); ``document`` is the
  :class:`~model.store.ScenarioDocument` as JSON.
- ``scenario_drafts``: unsaved work, one row per (scenario, draft token):
  a browser tab's changes on top of ``base_version``, replaced on each change.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = ["Base", "DraftRow", "ScenarioRow", "VersionRow"]


class Base(DeclarativeBase):
    """The store's declarative base."""


class ScenarioRow(Base):
    """A scenario: its identity, name and pointer to the latest version."""

    __tablename__ = "scenarios"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    latest_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    __table_args__ = (Index("ix_scenarios_updated_at", "updated_at"),)


class VersionRow(Base):
    """One saved version: immutable once written."""

    __tablename__ = "scenario_versions"

    scenario_id: Mapped[str] = mapped_column(String(36), ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    author: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    document: Mapped[str] = mapped_column(Text)


class DraftRow(Base):
    """Unsaved changes of one browser tab on top of a saved version."""

    __tablename__ = "scenario_drafts"

    scenario_id: Mapped[str] = mapped_column(String(36), ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True)
    token: Mapped[str] = mapped_column(String(36), primary_key=True)
    base_version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    document: Mapped[str] = mapped_column(Text)
