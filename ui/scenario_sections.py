"""What a saved scenario keeps of the pages, beside the changed assumptions: the store's sections.

:func:`with_sections` puts the session's portfolio choice, follow-up,
Følsomhed settings and labour / price-index inputs into a
:class:`model.ScenarioDocument` (``ui.scenario.session_document``);
:func:`load_sections` puts a document's back into the session
(``ui.scenario.load_document``), and :func:`reset_everything` takes the
session back to the documents ("Nulstil alt"). A page left at its defaults
adds no section, so an untouched session stays "not changed".
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from pydantic import BaseModel, ValidationError

from model import (
    DOMAIN_SECTION,
    FOLLOW_UP_SECTION,
    PORTFOLIO_SECTION,
    SENSITIVITY_SECTION,
    DomainScenario,
    PortfolioScenario,
    ScenarioDocument,
    SensitivityScenario,
    StoreError,
)

from . import followup_state, portfolio, state
from .domain import LABOUR, PRICE_INDEX, PRICE_LEVEL
from .keys import BUILDER, SENS
from .store_messages import problem_text

__all__ = ["domain_section", "load_sections", "reset_everything", "sensitivity_section", "with_sections"]

#: ``ui.price_level``'s index figures typed but not understood (cleared with the index).
PRICE_INDEX_ERRORS = "scenario.price_index_errors"
#: Følsomhed's own values kept in a scenario: section field → session key.
_SENS_FIELDS = {
    "ranges": SENS.ranges,
    "optimism": SENS.optimism,
    "limits": SENS.limits,
    "draws": SENS.draws,
    "seed": SENS.seed,
    "distribution": SENS.distribution,
    "vary_anyway": SENS.vary_anyway,
    "correlation": SENS.correlation,
}


def _or_none(section: BaseModel) -> BaseModel | None:
    return None if getattr(section, "empty", False) else section


def sensitivity_section() -> SensitivityScenario | None:
    """The Følsomhed page's settings of the session (None: the defaults); a value no section can hold is left out."""
    values = {name: st.session_state[key] for name, key in _SENS_FIELDS.items() if st.session_state.get(key) is not None}
    kept = {}
    for name, value in values.items():  # a value no section can hold is left out, the others kept
        try:
            SensitivityScenario.model_validate({name: value})
        except ValidationError:
            continue
        kept[name] = value
    return _or_none(SensitivityScenario.model_validate(kept))


def _load_sensitivity(section: SensitivityScenario | None) -> None:
    for key in _SENS_FIELDS.values():
        st.session_state.pop(key, None)
    if section is None:
        return
    for name, key in _SENS_FIELDS.items():
        value = getattr(section, name)
        if value is None or value == {}:
            continue
        if name == "ranges":
            value = {case: {a: tuple(ends) for a, ends in own.items()} for case, own in value.items()}
        elif name in ("vary_anyway", "correlation"):
            value = {case: type(own)(own) for case, own in value.items()}
        elif isinstance(value, dict):
            value = dict(value)
        st.session_state[key] = value


def domain_section() -> DomainScenario | None:
    """The labour inputs, price-index years and common price level of the session (None: the defaults)."""
    try:
        return _or_none(
            DomainScenario(
                labour=dict(st.session_state.get(LABOUR, {})),
                price_index=dict(st.session_state.get(PRICE_INDEX, {})),
                price_level=st.session_state.get(PRICE_LEVEL),
            )
        )
    except ValidationError:
        return None


def _load_domain(section: DomainScenario | None) -> None:
    for key in (LABOUR, PRICE_INDEX, PRICE_LEVEL, PRICE_INDEX_ERRORS):
        st.session_state.pop(key, None)
    if section is None:
        return
    labour = section.labour.model_dump(exclude_none=True)
    if labour:
        st.session_state[LABOUR] = labour
    if section.price_index:
        st.session_state[PRICE_INDEX] = {year: tuple(pair) for year, pair in section.price_index.items()}
    if section.price_level is not None:
        st.session_state[PRICE_LEVEL] = section.price_level


def _portfolio_section() -> PortfolioScenario | None:
    try:
        return _or_none(portfolio.scenario())
    except ValidationError:
        return None


_SECTIONS: tuple[tuple[str, Callable[[], BaseModel | None], Callable[[object], None]], ...] = (
    (PORTFOLIO_SECTION, _portfolio_section, portfolio.restore),
    (FOLLOW_UP_SECTION, followup_state.scenario_section, followup_state.load_section),
    (SENSITIVITY_SECTION, sensitivity_section, _load_sensitivity),
    (DOMAIN_SECTION, domain_section, _load_domain),
)


def with_sections(document: ScenarioDocument) -> ScenarioDocument:
    """``document`` with the session's portfolio, follow-up, Følsomhed and domain sections (absent at defaults)."""
    for name, read, _ in _SECTIONS:
        document = document.with_section(name, read())
    return document


def load_sections(document: ScenarioDocument) -> list[str]:
    """Put ``document``'s sections into the session (a missing one: the page's defaults); one message per bad one."""
    errors = []
    for name, _, write in _SECTIONS:
        try:
            section = document.section(name)
        except StoreError as exc:
            errors.append(problem_text(exc))
            section = None
        write(section)
    return errors


def reset_everything() -> None:
    """Back to the documents: changed values, uploads, settings, Følsomhed, portfolio, follow-up, labour, price index."""
    state.reset_all()
    st.session_state.pop(BUILDER.built, None)  # the built cases went with the uploads; the draft on Ny case stays
    for _, _, write in _SECTIONS:
        write(None)
