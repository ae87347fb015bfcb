"""The decision memo (Beslutningsnotat): one case, a variant or a portfolio choice, as DOCX and PDF.

    from model.memo import memo_content, memo_docx, memo_pdf
    memo = memo_content([load_case("cases/i4.yaml")])
    Path("notat.docx").write_bytes(memo_docx(memo))
    Path("notat.pdf").write_bytes(memo_pdf(memo_docx(memo)))   # needs LibreOffice

See ``docs/memo.md``.
"""

from .content import CaseMemo, ChangedAssumption, ChangeNote, Memo, Sensitivity, changed_assumptions, memo_content
from .pdf import PdfUnavailable, memo_pdf, memo_pdf_available
from .writer import memo_docx

__all__ = [
    "CaseMemo",
    "ChangeNote",
    "ChangedAssumption",
    "Memo",
    "PdfUnavailable",
    "Sensitivity",
    "changed_assumptions",
    "memo_content",
    "memo_docx",
    "memo_pdf",
    "memo_pdf_available",
]
