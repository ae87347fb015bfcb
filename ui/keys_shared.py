"""The session keys every page shares: the scenario, the sidebar, the scenario store, labour and price levels, the frame.

Declared once here and re-exported by :mod:`ui.keys` (import them from
there); a page's own keys are in ``ui/keys.py``. See that module for the
two kinds of keys (our own values; remembered widgets under :func:`widget`).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "DOMAIN",
    "FRAME",
    "SCENARIO",
    "SIDEBAR",
    "STORE",
    "WIDGET_PREFIX",
    "DomainKeys",
    "FrameKeys",
    "ScenarioKeys",
    "SidebarKeys",
    "StoreKeys",
    "widget",
]

#: Prefix of the key under which a remembered widget is drawn (its value is kept under the key itself).
WIDGET_PREFIX = "input."


def widget(key: str) -> str:
    """The widget key of the remembered value ``key``: ``"input.<key>"``."""
    return f"{WIDGET_PREFIX}{key}"


@dataclass(frozen=True)
class ScenarioKeys:
    """The user's scenario (``ui.state``): values per case, uploads, inclusion, settings, typed inputs.

    ``overrides``: ``{case id: {assumption: value}}``; ``extra``: ``{case id:
    Case}``; ``included``: the overview's case ids (None: the case folder's);
    ``settings``: changed :class:`model.Settings` fields; ``inputs``: typed
    text of number inputs, ``{input key: {"text", "error"}}``.
    """

    overrides: str = "scenario.overrides"
    extra: str = "scenario.extra"
    included: str = "scenario.included"
    settings: str = "scenario.settings"
    inputs: str = "scenario.inputs"
    #: This run's look at the case folder (``ui.state.start_run`` clears it).
    loaded: str = "scenario.loaded_this_run"

    @property
    def all(self) -> tuple[str, ...]:
        """Every scenario key ("reset all" clears them)."""
        return (self.overrides, self.extra, self.included, self.settings, self.inputs)


@dataclass(frozen=True)
class SidebarKeys:
    """The sidebar: the language, one input per appraisal setting, the discount presets, and "reset all"."""

    language: str = "i18n.language"
    reset_all: str = "sidebar.reset_all"

    def rate(self, preset: str) -> str:
        """The button that sets the discount rate to a :class:`model.DiscountPreset` (its ``key``)."""
        return f"sidebar.rate.{preset}"

    def setting(self, field: str) -> str:
        """The number input of one :class:`model.Settings` field."""
        return f"setting.{field}"


@dataclass(frozen=True)
class StoreKeys:
    """The saved scenario the session is on (``ui.scenario``, ``ui.scenario_sidebar``, ``ui.scenario_history``).

    ``notes`` ``{case: {assumption: {"value", "note", "author", "at"}}}``;
    ``current`` ``{"id", "name", "version"}``; ``token`` this tab's draft id;
    ``saved`` / ``drafted`` the content keys last saved and drafted;
    ``author`` the sidebar's name; ``problem`` the last store problem (one
    line); ``conflict`` a refused save's details; ``offline`` the store's
    failure (nothing retried until the user asks); ``started`` the URL was
    read. The rest are the sidebar's and the Scenarier page's inputs.
    """

    notes: str = "scenario.notes"
    current: str = "scenario.current"
    token: str = "scenario.draft_token"  # noqa: S105 (a session-state key, not a secret)
    saved: str = "scenario.saved_key"
    drafted: str = "scenario.drafted_key"
    author: str = "scenario.author"
    problem: str = "scenario.problem"
    conflict: str = "scenario.conflict"
    offline: str = "scenario.offline"
    started: str = "scenario.started"
    name: str = "scenario.input.name"
    name_copy: str = "scenario.input.name.copy"
    open: str = "scenario.input.open"
    chosen: str = "scenarios.chosen"
    copy_name: str = "scenarios.copy_name"

    def note(self, case_id: str, name: str) -> str:
        """The "Hvorfor?" field of assumption ``name`` of ``case_id``."""
        return f"scenario.note.{case_id}.{name}"


@dataclass(frozen=True)
class DomainKeys:
    """Labour and price levels (``ui.domain``, ``ui.labour``, ``ui.price_level``), kept with the scenario.

    ``labour``: ``{"absence_days", "shortage"}`` as the user set them;
    ``price_index``/``price_level``: the user's index and common price
    level; ``price_index_errors``: the last index upload's problems; the
    remaining fields are the inputs that set them.
    """

    labour: str = "scenario.labour"
    price_index: str = "scenario.price_index"
    price_level: str = "scenario.price_level"
    price_index_errors: str = "scenario.price_index_errors"
    absence_days: str = "labour.absence_days"
    shortage: str = "labour.shortage"

    def shortage_reference(self, reference: str) -> str:
        """The button that takes a shortage figure from the seeds (a ``ShortageReference.key``)."""
        return f"labour.reference.{reference}"


@dataclass(frozen=True)
class FrameKeys:
    """Shared by every page: what the parts outside the fragments showed (``ui.fragments``), the memo's PDFs."""

    view: str = "fragments.view"
    memo_pdf_prefix: str = "memo.pdf."

    def memo_pdf(self, key: str) -> str:
        """The PDF made for the memo downloads under ``key``: ``{"digest": ..., "data": bytes}``."""
        return f"{self.memo_pdf_prefix}{key}"


SCENARIO = ScenarioKeys()
SIDEBAR = SidebarKeys()
STORE = StoreKeys()
DOMAIN = DomainKeys()
FRAME = FrameKeys()
