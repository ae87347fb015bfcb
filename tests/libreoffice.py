"""Recalculate .xlsx workbooks with LibreOffice headless, then read their values.

LibreOffice keeps the cached results of an .xlsx unless told otherwise; the
throw-away user profile made here sets "recalculate on load" to *always*
(``org.openoffice.Office.Calc/Formula/Load``: ``OOXMLRecalcMode`` and
``ODFRecalcMode`` = 0), so every formula is computed afresh by LibreOffice
before the file is written back out as .xlsx. Each call gets its own profile
directory: two soffice processes must never share one.

    paths = recalculate([book_a, book_b], out_dir)   # one soffice run for both
    values = read_values(paths[0])                   # {sheet: {"C5": 123.0, ...}}
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl

__all__ = ["LibreOfficeError", "read_values", "recalculate", "soffice"]

_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


class LibreOfficeError(RuntimeError):
    """soffice failed, timed out or wrote no output."""


def soffice() -> str | None:
    """Path of the LibreOffice executable, or None where it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def recalculate(paths: Sequence[Path], out_dir: Path, timeout: float = 180.0) -> list[Path]:
    """Open every workbook in ``paths`` in one headless LibreOffice run, recalculate, save as .xlsx in ``out_dir``.

    Returns the written files, in the order of ``paths``. ``out_dir`` must not
    be the folder of an input (the output keeps the input's file name).
    Raises :class:`LibreOfficeError` when soffice is missing, fails, exceeds
    ``timeout`` seconds or leaves a file unwritten.
    """
    executable = soffice()
    if executable is None:
        msg = "LibreOffice (soffice) is not installed"
        raise LibreOfficeError(msg)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if any(Path(p).resolve().parent == out_dir.resolve() for p in paths):
        msg = f"{out_dir} holds an input workbook; the output would overwrite it"
        raise LibreOfficeError(msg)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        user = Path(profile) / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
        command = [
            executable,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out_dir),
            *(str(p) for p in paths),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            msg = f"soffice did not finish within {timeout:.0f} s"
            raise LibreOfficeError(msg) from exc
    outputs = [out_dir / (Path(p).stem + ".xlsx") for p in paths]
    missing = [str(p) for p in outputs if not p.exists()]
    if done.returncode != 0 or missing:
        msg = f"soffice exited with {done.returncode}; missing {missing}; stderr: {done.stderr.strip()[:500]}"
        raise LibreOfficeError(msg)
    return outputs


def read_values(path: Path) -> dict[str, dict[str, object]]:
    """Every non-empty cell's value per sheet, as LibreOffice computed and saved it."""
    book = openpyxl.load_workbook(path, data_only=True)
    try:
        return {
            sheet.title: {cell.coordinate: cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None}
            for sheet in book.worksheets
        }
    finally:
        book.close()
