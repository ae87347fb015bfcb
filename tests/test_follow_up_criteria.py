"""Section 9 ("Opfølgning") of I1–I6 is in their case files: every criterion, how it is measured, who, when, a source.

The expected rows were read off each document's section-9 table by hand;
the counts and the quoted first criteria are what the documents print.
"""

from __future__ import annotations

import pytest
from conftest import CASES

from model import CaseFileError, case_to_yaml, load_case, parse_case

# case -> (number of rows in section 9's table, the first criterion as printed, its "when")
EXPECTED = {
    "i1": (3, "Trådløs adgang overalt i forvaltningens bygningsmasse", "Ved implementeringen"),
    "i2": (2, "Lederne oplever at være blevet klædt på til at løfte nye digitale og teknologiske løsninger.", None),
    "i3": (5, "1) Antallet af velfærdsteknologiske løsninger der visiteres til borgere er steget med 25 % efter 6 måneder.",
           "August 2017"),
    "i4": (6, "Mindre tidsforbrug ved vagtskifter", "Årligt"),
    "i5": (2, "I midt 2017, er der visiteret 80 ekstra loftlifte, og kun en medarbejder til forflytning.", None),
    "i6": (3, "80 % af medarbejderne træner min. 35 minutter om ugen i arbejdstiden.",
           "Kvartalsvist de første to år og derefter halvårligt"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_case_has_its_section_9_criteria(name):
    case = load_case(CASES / f"{name}.yaml")
    count, first, when = EXPECTED[name]
    assert case.follow_up is not None
    criteria = case.follow_up.criteria
    assert len(criteria) == count
    assert criteria[0].criterion == first
    if when is not None:
        assert criteria[0].frequency == when
    for criterion in criteria:
        assert criterion.measure and criterion.responsible
        assert criterion.source.startswith("Afsnit 9"), criterion.source


def test_i4_follows_up_the_handover_minutes_the_gain_rests_on():
    """I4's only numeric target is section 4's 20 minutes per team per handover on plejecentre."""
    case = load_case(CASES / "i4.yaml")
    handover = case.follow_up.criterion("vagtskifte")
    assert (handover.measure, handover.responsible, handover.frequency) == (
        "Interview og analyse",
        "De enkelte driftsenheder",
        "Årligt",
    )
    assert handover.target == case.assumption("minutter_plejecenter").value == 20
    assert case.follow_up.criterion("fravaer").higher_is_better is False


def test_targets_are_the_figures_in_the_criteria():
    targets = {
        name: {c.id: c.target for c in load_case(CASES / f"{name}.yaml").follow_up.criteria if c.target is not None}
        for name in ("i3", "i5", "i6")
    }
    assert targets == {
        "i3": {
            "visiterede_loesninger": 25,
            "borgere_laeringslejligheder": 250,
            "uddannede_medarbejdere": 500,
            "platform_brugere": 500,
            "opfoelgende_besoeg": 200,
        },
        "i5": {"loftlifte": 80, "noedkald": 50},
        "i6": {"traening": 80, "squat": 50, "traeningsplan": 100},
    }


def test_follow_up_survives_the_yaml_round_trip():
    case = load_case(CASES / "i3.yaml")
    assert parse_case(case_to_yaml(case)).follow_up == case.follow_up


def test_a_repeated_criterion_id_is_one_clear_message():
    text = (CASES / "i5.yaml").read_text(encoding="utf-8").replace("id: noedkald", "id: loftlifte")
    with pytest.raises(CaseFileError) as caught:
        parse_case(text, "i5.yaml")
    assert str(caught.value) == "i5.yaml: follow_up: criterion ids must be unique; repeated: loftlifte"
