"""The decision memo (model.memo): DOCX read back with python-docx, PDF through real LibreOffice and pdftotext, the CLI.

Hand-checked figures: I4 as documented is the document's own section 1
(seeds/003, I4 section 1: Samlet varig ændring -6.875 -6.330 -10.040
-10.040, Samlet økonomisk påvirkning 34.505 -6.330 -10.040 -10.040,
2017-2020) and overview (Anlæg 41.380, 6 år, -10.040). With the minutes
saved per handover on plejecentre 20 → 15, the plejecentre's half of the
18.540 gain scales by 15/20: 18.540 × (0,5 × 0,75 + 0,5) = 16.222,5, rounded
to 5 kr. thousands 16.225 (2017: 60 % → 9.733,5 → 9.735; 2018: 80 % →
12.978 → 12.980); the net permanent effect 8.500 - 16.225 = -7.725 and the
payback 8 years (from 2016).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

import docx
import pytest
from conftest import CASES, ROOT

from model import evaluate, format_amount, load_case, tornado
from model.memo import ChangeNote, memo_content, memo_docx, memo_pdf

NOTE = ChangeNote("Målt på tre plejecentre i 2026", "Anna Hansen", "2026-11-29 10:15 UTC")


@pytest.fixture(scope="module")
def i4():
    return load_case(CASES / "i4.yaml")


@pytest.fixture(scope="module")
def documented(i4):
    return memo_docx(memo_content([i4]))


@pytest.fixture(scope="module")
def changed(i4):
    case = i4.with_values({"minutter_plejecenter": 15.0})
    return memo_docx(memo_content([case], {"I4": i4}, notes={"I4": {"minutter_plejecenter": NOTE}}))


def _document(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _tables(data: bytes) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in _document(data).tables]


def _key_figures(data: bytes) -> dict[str, str]:
    box = _tables(data)[0]  # labels and values in alternating rows, three a row
    return {
        label: value
        for labels, values in ((box[0], box[1]), (box[2], box[3]))
        for label, value in zip(labels, values, strict=True)
    }


def _section1(data: bytes) -> list[list[str]]:
    return next(t for t in _tables(data) if t[0][0].endswith("p/l") and t[0][1] == "Styringsområde")


def test_key_figures_of_i4_as_documented(documented, i4):
    k = evaluate(i4).kpis
    assert _key_figures(documented) == {
        "Drift": "0",
        "Anlæg": "41.380",
        "Tilbagebetalingstid": "6 år",
        "Varig effektivisering, netto": "-10.040",
        "Nutidsværdi (NPV)": format_amount(k.npv),
        "Årsværk frigjort": "27,1",
    }
    assert format_amount(k.npv) == "29.079"  # the README's overview figure


def test_section1_of_i4_as_documented_equals_the_engine_and_the_document(documented, i4):
    table = _section1(documented)
    assert table[0] == ["1.000 kr. 2016 p/l", "Styringsområde", "2017", "2018", "2019", "2020"]  # 2016: innovation pool only
    frame = evaluate(i4).section1()
    rows = {row[0]: row[2:] for row in table[1:]}
    assert list(rows) == list(frame.index[:-1])  # every row of section 1, without the app's cumulative row
    for label, cells in rows.items():
        assert cells == [format_amount(frame.loc[label, year]) for year in (2017, 2018, 2019, 2020)]
    assert rows["Samlet varig ændring"] == ["-6.875", "-6.330", "-10.040", "-10.040"]
    assert rows["Samlet økonomisk påvirkning"] == ["34.505", "-6.330", "-10.040", "-10.040"]
    text = "\n".join(p.text for p in _document(documented).paragraphs)
    assert "i alt 800 t. kr." in text  # the innovation-pool footnote
    assert "Ingen: tallene er dokumentets egne." in text


def test_changed_assumption_with_its_note(changed):
    figures = _key_figures(changed)
    assert figures["Tilbagebetalingstid"] == "8 år"
    assert figures["Varig effektivisering, netto"] == "-7.725"
    rows = {row[0]: row[2:] for row in _section1(changed)[1:]}
    assert rows["Reduceret tid ved vagtskifte"] == ["-9.735", "-12.980", "-16.225", "-16.225"]
    changes = next(t for t in _tables(changed) if t[0][0] == "Forudsætning" and t[0][3] == "Begrundelse")
    assert changes[1:] == [
        ["Sparet tid pr. hold pr. vagtoverdragelse på plejecentre", "20 min.", "15 min.",
         "Målt på tre plejecentre i 2026", "Anna Hansen", "2026-11-29 10:15 UTC"],
    ]  # fmt: skip
    text = "\n".join(p.text for p in _document(changed).paragraphs)
    assert "i dokumentet var tilbagebetalingstiden 6 år og den varige effektivisering -10.040 t.kr." in text


def test_charts_are_embedded_png_images(changed):
    document = _document(changed)
    assert len(document.inline_shapes) == 2  # cumulative impact, costs against savings
    images = [part.blob for part in document.part.package.parts if part.content_type == "image/png"]
    assert len(images) == 2
    for blob in images:
        assert blob[:8] == b"\x89PNG\r\n\x1a\n"
        assert len(blob) > 20_000  # a drawn chart, not an empty canvas


def test_sensitivity_summary_lists_the_five_largest_npv_swings(documented, i4):
    table = next(t for t in _tables(documented) if t[0][:2] == ["Forudsætning", "Lavt – højt skøn"])
    bars = tornado(i4, kpi="npv").bars[:5]
    assert [row[0] for row in table[1:]] == [b.range.label for b in bars]
    assert [row[4] for row in table[1:]] == [format_amount(b.swing) for b in bars]
    text = "\n".join(p.text for p in _document(documented).paragraphs)
    assert "Nulpunktsværdier (nutidsværdien er positiv)" in text
    assert "Monte Carlo-simulering er ikke kørt" in text


def test_audit_notes_of_i5_are_its_three_slips():
    memo = memo_content([load_case(CASES / "i5.yaml")], with_sensitivity=False)
    text = [p.text for p in _document(memo_docx(memo)).paragraphs if p.text.startswith("Regnefejl")]
    assert text == [
        "Regnefejl i tabel 2, Projektledelse: trykt 675, korrekt 1.050. Ses i 2 celler: tabel 2, Projektledelse, I alt; "
        "tabel 2, Investeringer totalt, service, I alt.",
        "Regnefejl i tabel 3, Mobile lifte (inkl. ekstra udstyr mm.): trykt 835, korrekt 830. Ses i 1 celle: "
        "tabel 3, Mobile lifte (inkl. ekstra udstyr mm.), I alt.",
        "Regnefejl i tabel 3, Investeringer totalt, anlæg: trykt 2.465, korrekt 2.460. Ses i 1 celle: "
        "tabel 3, Investeringer totalt, anlæg, I alt.",
    ]


def test_portfolio_memo_adds_the_cases():
    cases = [load_case(CASES / "i3.yaml"), load_case(CASES / "i5.yaml")]
    data = memo_docx(memo_content(cases, with_sensitivity=False))
    figures = next(t for t in _tables(data) if t[0][0] == "Forslag")
    # overview (seeds/003 page 1): I3 2.950 / 4.050 / 5 år / -1.700; I5 1.900 / 2.460 / 4 år / -1.935
    assert [row[1:5] for row in figures[1:]] == [
        ["2.950", "4.050", "5 år", "-1.700"],
        ["1.900", "2.460", "4 år", "-1.935"],
        ["4.850", "6.510", "", "-3.635"],
    ]
    assert _document(data).paragraphs[0].text == "Beslutningsnotat: Porteføljevalg: I3, I5"


@pytest.mark.libreoffice
def test_pdf_through_libreoffice_shows_the_same_figures(changed):
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is missing: run scripts/install-system-deps.sh"
    pdf = memo_pdf(changed)
    assert pdf[:5] == b"%PDF-"
    raw = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    text = " ".join(raw.split())  # a table cell wraps its text over lines
    for figure in ("41.380", "8 år", "-7.725", "-9.735", "-12.980", "-16.225", "Anna Hansen", "Målt på tre plejecentre"):
        assert figure in text, figure
    assert "1. Forslagets samlede økonomiske konsekvenser" in text


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "model", "memo", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_cli_writes_the_docx_with_the_change_and_its_note(tmp_path):
    out = tmp_path / "notat.docx"
    done = _cli(
        "cases", "--case", "I4", "--set", "I4.minutter_plejecenter=15", "--note", "Målt", "--author", "Bo", "--docx", str(out)
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"wrote {out} (I4)"
    assert _key_figures(out.read_bytes())["Varig effektivisering, netto"] == "-7.725"
    changes = next(t for t in _tables(out.read_bytes()) if t[0][3:5] == ["Begrundelse", "Af"])
    assert changes[1][1:5] == ["20 min.", "15 min.", "Målt", "Bo"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--case", "I9"], "error: no case I9 in cases"),
        (["--case", "I4", "--set", "I4.nothing=3"], "error: case I4: unknown assumption(s): nothing"),
        (["--case", "I4", "--set", "I5.timer_pr_uge=3"], "error: --set I5.timer_pr_uge: the memo does not cover case I5"),
    ],
)
def test_cli_bad_arguments_give_one_clear_line(tmp_path, args, message):
    done = _cli("cases", *args, "--docx", str(tmp_path / "x.docx"))
    assert done.returncode == 2
    assert done.stderr.strip() == message
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.docx").exists()


def test_cli_without_libreoffice_writes_the_docx_and_says_why_there_is_no_pdf(tmp_path):
    bare = tmp_path / "bin"  # a PATH with python only: no soffice
    bare.mkdir()
    (bare / "python").symlink_to(sys.executable)
    env = {**os.environ, "PATH": str(bare)}
    done = _cli("cases", "--case", "I3", "--docx", str(tmp_path / "a.docx"), "--pdf", str(tmp_path / "a.pdf"), env=env)
    assert done.returncode == 1
    assert (tmp_path / "a.docx").stat().st_size > 10_000
    assert not (tmp_path / "a.pdf").exists()
    assert done.stderr.strip() == (
        "error: no PDF: PDF needs LibreOffice (soffice), which is not installed here; the DOCX works without it"
    )
