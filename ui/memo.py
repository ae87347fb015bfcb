"""The decision memo's downloads on the pages: DOCX always, PDF when LibreOffice is installed.

The DOCX is built when the user clicks (a deferred download: nothing is
computed on an ordinary rerun). The PDF takes LibreOffice several seconds,
so it is made on a button press, kept in session state for the cases it was
made from, and then offered for download; if LibreOffice fails the page
says so and the DOCX still works.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence

import streamlit as st

from model import (
    Case,
    ChangeNote,
    Choice,
    EvaluationError,
    MonteCarlo,
    PdfUnavailable,
    Settings,
    memo_content,
    memo_docx,
    memo_pdf,
    memo_pdf_available,
)

from . import state
from .i18n import t
from .keys import FRAME, SENS
from .scenario import NOTES
from .widgets import download, show_problems

__all__ = ["DOCX_MIME", "case_memo", "memo_downloads", "monte_carlo_runs", "notes_of"]

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_VARIANT = re.compile(r"-v[0-9]+\Z")  # a variant's id: the case's id and -v<n> (ui.state.add_variant)


def _digest(cases: Sequence[Case], documents: Mapping[str, Case], title: str | None, extra: object) -> str:
    text = "\n".join([c.model_dump_json() for c in cases] + [d.model_dump_json() for d in documents.values()])
    return hashlib.sha256(f"{title}\n{state.settings()}\n{extra!r}\n{text}".encode()).hexdigest()


def notes_of(case_ids: Sequence[str]) -> dict[str, dict[str, ChangeNote]]:
    """Why, by whom and when each changed assumption of ``case_ids`` was changed: the scenario's notes
    (kept with every change, saved in and opened from the scenario store)."""
    kept = st.session_state.get(NOTES, {})
    return {
        cid: {name: ChangeNote(str(m.get("note", "")), str(m.get("author", "")), str(m.get("at", ""))) for name, m in own.items()}
        for cid, own in kept.items()
        if cid in case_ids
    }


def monte_carlo_runs(cases: Sequence[Case]) -> dict[str, MonteCarlo]:
    """The Følsomhed page's last Monte Carlo run of each case, where one was run on the case as it is now."""
    runs = st.session_state.get(SENS.mc_runs, {})
    out = {}
    for case in cases:
        kept = runs.get(case.id)
        if kept is not None and kept[0] == case.model_dump_json():
            out[case.id] = kept[1]
    return out


def _build(
    cases: Sequence[Case],
    documents: Mapping[str, Case],
    notes: Mapping[str, Mapping[str, ChangeNote]],
    title: str | None,
    choice: Choice | None,
    settings: Settings,
    runs: Mapping[str, MonteCarlo],
) -> bytes:
    memo = memo_content(cases, documents, settings=settings, notes=notes, title=title, monte_carlo=runs, choice=choice)
    return memo_docx(memo)


def memo_downloads(
    cases: Sequence[Case],
    documents: Mapping[str, Case],
    *,
    key: str,
    file_stem: str,
    notes: Mapping[str, Mapping[str, ChangeNote]] | None = None,
    title: str | None = None,
    choice: Choice | None = None,
) -> None:
    """The memo of ``cases`` (against ``documents`` by case id) as a DOCX download and, with LibreOffice, a PDF.

    ``notes``: per case id, per assumption, why it was changed, by whom and
    when. ``choice``: the portfolio choice ``cases`` are the funded part of
    (the memo says why each other case is out). ``key`` makes the widgets
    unique per page; ``file_stem`` names the files.
    """
    notes = notes or {}
    # Read from the session now: a deferred download is built after the script run.
    settings, runs = state.settings(), monte_carlo_runs(cases)
    left, right = st.columns(2, vertical_alignment="center")
    with left:
        download(
            t("memo.docx"),
            lambda: _build(cases, documents, notes, title, choice, settings, runs),
            file_name=f"{file_stem}.docx",
            mime=DOCX_MIME,
            key=f"{key}.docx",
            help=t("memo.help"),
        )
    with right:
        if not memo_pdf_available():
            st.caption(t("memo.no_pdf"))
            return
        digest = _digest(cases, documents, title, (notes, sorted(runs), choice))
        made = st.session_state.get(FRAME.memo_pdf(key))
        if made is not None and made["digest"] == digest:
            download(t("memo.pdf"), made["data"], file_name=f"{file_stem}.pdf", mime="application/pdf", key=f"{key}.pdf")
        elif st.button(t("memo.make_pdf"), key=f"{key}.make_pdf", icon=":material/picture_as_pdf:", help=t("memo.make_pdf.help")):
            try:
                with st.spinner(t("memo.making_pdf")):
                    data = memo_pdf(_build(cases, documents, notes, title, choice, settings, runs))
            except (PdfUnavailable, EvaluationError) as exc:
                show_problems(t("memo.pdf_failed"), str(exc))
            else:
                st.session_state[FRAME.memo_pdf(key)] = {"digest": digest, "data": data}
                st.rerun()


def _origin(case_id: str) -> Case:
    """What a case's changes are measured against: its file, or for a variant the case it was made from."""
    document = state.document_case(case_id)
    if state.is_extra(case_id):
        return state.base_cases().get(_VARIANT.sub("", case_id), document)
    return document


def case_memo(case_ids: Sequence[str], key: str, file_stem: str, choice: Choice | None = None, heading: bool = True) -> None:
    """The memo section of one case or variant, or of several (a portfolio ``choice``), with the user's values,
    the scenario's notes on them and the Følsomhed page's Monte Carlo run where there is one.

    ``heading``: False where the section's title is already shown (an expander labelled with it)."""
    ids = list(dict.fromkeys(case_ids))
    if heading:
        st.subheader(t("memo.title"))
    st.caption(t("memo.caption"))
    cases = [state.current_case(cid) for cid in ids]
    origins = {cid: _origin(cid) for cid in ids}
    memo_downloads(cases, origins, key=key, file_stem=file_stem, notes=notes_of(ids), choice=choice)
