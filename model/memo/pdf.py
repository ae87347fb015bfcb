"""The memo as PDF: the DOCX converted by LibreOffice headless, when LibreOffice is installed.

``soffice --headless --convert-to pdf`` with its own throw-away user profile
(``-env:UserInstallation``) per call, so two conversions at once never share
one. Without LibreOffice, :func:`memo_pdf` raises :class:`PdfUnavailable`
with a message saying so; the DOCX works regardless.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["PdfUnavailable", "memo_pdf", "memo_pdf_available"]

#: Seconds a conversion may take before it is given up.
TIMEOUT = 120.0


class PdfUnavailable(RuntimeError):
    """No PDF could be made: LibreOffice is missing, failed or timed out (the message says which)."""


def _soffice() -> str | None:
    """Path of LibreOffice's ``soffice`` (or ``libreoffice``), or None where it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def memo_pdf_available() -> bool:
    """Whether LibreOffice is installed, so :func:`memo_pdf` can make a PDF."""
    return _soffice() is not None


def memo_pdf(docx: bytes, timeout: float = TIMEOUT) -> bytes:
    """Convert ``docx`` bytes to PDF bytes with LibreOffice headless.

    Raises :class:`PdfUnavailable` with a plain message when LibreOffice is
    not installed, fails, or takes longer than ``timeout`` seconds.
    """
    executable = _soffice()
    if executable is None:
        msg = "PDF needs LibreOffice (soffice), which is not installed here; the DOCX works without it"
        raise PdfUnavailable(msg)
    with tempfile.TemporaryDirectory(prefix="memo-pdf-") as folder:
        work = Path(folder)
        source = work / "notat.docx"
        source.write_bytes(docx)
        command = [
            executable,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            msg = f"LibreOffice did not finish the PDF within {timeout:.0f} s; the DOCX works without it"
            raise PdfUnavailable(msg) from None
        except OSError as exc:
            msg = f"LibreOffice could not be started ({exc.strerror}); the DOCX works without it"
            raise PdfUnavailable(msg) from None
        result = work / "out" / "notat.pdf"
        if done.returncode != 0 or not result.exists():
            msg = f"LibreOffice could not convert the memo to PDF (exit status {done.returncode}); the DOCX works without it"
            raise PdfUnavailable(msg)
        return result.read_bytes()
