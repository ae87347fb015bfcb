"""Follow-up files (phase, status, measurements) and the XLSX status report, parsed back with openpyxl."""

from __future__ import annotations

import io
import json

import pytest
from conftest import CASES
from openpyxl import load_workbook

from model import CaseFileError, evaluate, load_paths
from model.followup import CaseFollowUp, FollowUpData, Measurement, StatusEntry, follow_up_to_yaml, parse_follow_up
from model.realisation import realisation
from model.status_report import CRITERIA_COLUMNS, STATUS_COLUMNS, StatusItem, status_report_xlsx

CASE_MAP = {case.id: case for case in load_paths([CASES]).cases}

FOLLOW_UP = """\
cases:
  I4:
    status:
      - {date: "2018-03-01", phase: Implementering, status: Går som planlagt, comment: "Tavlerne er sat op"}
      - date: "2019-02-15"
        phase: Drift
        status: Går som planlagt
        suggested: Behov for ændringer
        comment: "=HYPERLINK(\\"http://x\\") Gevinsten kommer i 2019: vagtskifterne er lagt om"
    measurements:
      - {criterion: vagtskifte, date: "2016-11-30", value: 0, kind: baseline}
      - {criterion: vagtskifte, date: "2017-12-31", value: 12}
      - {criterion: vagtskifte, date: "2018-12-31", value: 16.5, comment: Interview på 3 plejecentre}
"""


def test_the_follow_up_file_reads_back_and_knows_the_latest():
    data = parse_follow_up(FOLLOW_UP, "opfoelgning.yaml", CASE_MAP)
    i4 = data.of("I4")
    assert (i4.current.date, i4.current.phase, i4.current.overridden) == ("2019-02-15", "Drift", True)
    assert (i4.latest("vagtskifte").value, i4.baseline("vagtskifte").value) == (16.5, 0)
    assert data.of("I5") == CaseFollowUp()
    assert parse_follow_up(follow_up_to_yaml(data), "again.yaml", CASE_MAP) == data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("Drift", "Dr i f t"), "cases.I4.status[1].phase: Input should be 'Ikke igangsat', 'Udvikling', 'Implementering', "
         "'Drift' or 'Afsluttet'"),
        (('"2018-03-01"', '"1.3.2018"'),
         "cases.I4.status[0].date: date '1.3.2018' must be written as YYYY-MM-DD, e.g. 2018-03-01"),
        (("criterion: vagtskifte, date: \"2017", "criterion: nope, date: \"2017"),
         "cases.I4.measurements[1]: I4 has no criterion 'nope' (fravaer, genindlaeggelser, serviceforbedring, uth, "
         "vagtskifte, ventedage)"),
        (("  I4:", "  I9:"), "cases.I9: unknown case (known: I1, I2, I3, I4, I5, I6)"),
    ],
)  # fmt: skip
def test_a_bad_follow_up_file_is_one_message(change, message):
    with pytest.raises(CaseFileError) as caught:
        parse_follow_up(FOLLOW_UP.replace(*change), "opfoelgning.yaml", CASE_MAP)
    assert str(caught.value) == f"opfoelgning.yaml: {message}"


def test_an_override_needs_a_reason():
    with pytest.raises(ValueError, match="differs from the suggested 'Behov for ændringer': give the reason"):
        StatusEntry(date="2019-01-01", phase="Drift", status="Går som planlagt", suggested="Behov for ændringer")
    kept = StatusEntry(date="2019-01-01", phase="Drift", status="Behov for ændringer", suggested="Behov for ændringer")
    assert not kept.overridden


def _report():
    data = parse_follow_up(FOLLOW_UP, "opfoelgning.yaml", CASE_MAP).with_measurement(
        "I5", Measurement(criterion="loftlifte", date="2017-06-30", value=64)
    )
    actuals = {("Reduceret tid ved vagtskifte", 2017): -9000.0, ("Reduceret tid ved vagtskifte", 2018): -12000.0}
    items = []
    for case_id, own in (("I4", actuals), ("I5", {})):
        case = CASE_MAP[case_id]
        items.append(StatusItem(realisation(evaluate(case), own), case, data.of(case_id)))
    return items, load_workbook(io.BytesIO(status_report_xlsx(items)))


def test_the_status_report_parses_back_to_the_same_figures():
    items, book = _report()
    assert book.sheetnames == ["Status", "Effektmål"]
    sheet = book["Status"]
    assert [cell.value for cell in sheet[4]] == [header for header, _ in STATUS_COLUMNS]
    i4_row, i5_row = ([cell.value for cell in sheet[row]] for row in (5, 6))
    z4, z5 = (item.realisation for item in items)
    assert i4_row[:5] == ["I4", CASE_MAP["I4"].title, "Drift", "Går som planlagt", "Behov for ændringer"]
    # realised to date 2018: 800 + (34.505 + 2.125) + (-6.330 + 2.830) = 33.930 (plan 28.975)
    assert i4_row[8:13] == [pytest.approx(33930), pytest.approx(28975), 2018, 6, 7]
    assert i4_row[13:15] == [pytest.approx(z4.planned_npv), pytest.approx(z4.forecast_npv)]
    assert (i4_row[8], i4_row[14]) == (pytest.approx(z4.realised_to_date), pytest.approx(z4.forecast_npv))
    # the comment stays text, not a formula
    assert i4_row[15] == '=HYPERLINK("http://x") Gevinsten kommer i 2019: vagtskifterne er lagt om'
    assert sheet.cell(5, 16).data_type == "s"
    goal = "• Mindre tidsforbrug ved vagtskifter (mål: 20 min. sparet pr. hold pr. vagtoverdragelse, plejecentre)"
    assert i4_row[5].splitlines()[0] == goal
    assert i4_row[6].splitlines()[0] == "0 min. sparet pr. hold pr. vagtoverdragelse, plejecentre (2016-11-30)"
    assert i4_row[7].splitlines()[0] == "16,5 min. sparet pr. hold pr. vagtoverdragelse, plejecentre (2018-12-31)"
    # I5 without actuals or status: the suggestion, and "-" for the year to date
    assert i5_row[2:5] == ["-", "Går som planlagt", "Går som planlagt"]
    assert i5_row[8:15] == [0, 0, "-", 4, 4, pytest.approx(z5.planned_npv), pytest.approx(z5.planned_npv)]


def test_the_criteria_sheet_has_every_criterion_with_numbers():
    _, book = _report()
    rows = [[cell.value for cell in row] for row in book["Effektmål"].iter_rows()]
    assert rows[0] == [header for header, _ in CRITERIA_COLUMNS]
    assert len(rows) == 1 + 6 + 2  # I4's six criteria, I5's two
    handover = rows[1]
    assert handover[:7] == ["I4", "Mindre tidsforbrug ved vagtskifter", "Interview og analyse", "De enkelte driftsenheder",
                            "Årligt", "min. sparet pr. hold pr. vagtoverdragelse, plejecentre", 20]  # fmt: skip
    assert handover[7:12] == [0, "2016-11-30", 16.5, "2018-12-31", "Interview på 3 plejecentre"]
    hoists = rows[7]
    assert (hoists[0], hoists[6], hoists[9], hoists[10]) == ("I5", 80, 64, "2017-06-30")


def test_empty_follow_up_data_reads_as_none():
    assert parse_follow_up("", "tom.yaml") == FollowUpData()


def test_the_scenario_section_keeps_everything_through_json():
    """What the scenario store keeps (model_dump as JSON, validated back) is the same follow-up."""
    from model import Actuals, FollowUpScenario

    data = parse_follow_up(FOLLOW_UP, "opfoelgning.yaml", CASE_MAP)
    actuals = Actuals.from_mapping({("I4", "Licenser", 2017): 8000.5})
    section = FollowUpScenario.of(actuals, data, ["I4", "I5"])
    back = FollowUpScenario.model_validate(json.loads(json.dumps(section.model_dump(mode="json"))))
    assert back == section
    assert back.to_actuals() == actuals and back.data.of("I4").current.phase == "Drift"
    assert FollowUpScenario.of(Actuals(), FollowUpData(), None).empty
