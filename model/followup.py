"""Follow-up data after the decision: phase and status with dated comments, and measurements of the success criteria.

In the vocabulary of the strategy's status reports: a **phase** (Ikke
igangsat, Udvikling, Implementering, Drift, Afsluttet) and an overall
**status** (Går som planlagt; Behov for ændringer; Afsluttes eller
omprioriteres), each entry dated with a comment; and **measurements** of
the case's section-9 criteria (:mod:`model.criteria`), dated, a baseline or
a follow-up measurement. A status that differs from the one the model
suggested (:func:`model.realisation.realisation`) needs a reason in the
comment.

The file is small YAML read with the project's strict safe loader
(docs/follow-up.md)::

    cases:
      I4:
        status:
          - {date: "2018-03-01", phase: Implementering, status: Går som planlagt, comment: "…"}
        measurements:
          - {criterion: vagtskifte, date: "2018-12-31", value: 15, comment: "Interview, 3 plejecentre"}
          - {criterion: vagtskifte, date: "2016-12-01", value: 0, kind: baseline}
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    field_validator,
    model_validator,
)

from .actuals import Actuals
from .case_errors import validation_message
from .loader import CaseFileError, _Dumper, _read_text, _read_yaml
from .schema import Case

__all__ = [
    "PHASES",
    "STATUSES",
    "CaseFollowUp",
    "FollowUpData",
    "FollowUpScenario",
    "Measurement",
    "StatusEntry",
    "follow_up_to_yaml",
    "load_follow_up",
    "parse_follow_up",
]

#: The phases of the strategy's status reports, in order.
PHASES = ("Ikke igangsat", "Udvikling", "Implementering", "Drift", "Afsluttet")
#: The overall statuses of the strategy's status reports, best first.
STATUSES = ("Går som planlagt", "Behov for ændringer", "Afsluttes eller omprioriteres")

Phase = Literal["Ikke igangsat", "Udvikling", "Implementering", "Drift", "Afsluttet"]
Status = Literal["Går som planlagt", "Behov for ændringer", "Afsluttes eller omprioriteres"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


def _iso_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        msg = f"date {value!r} must be written as YYYY-MM-DD, e.g. 2018-03-01"
        raise ValueError(msg) from None


class StatusEntry(_Frozen):
    """One dated status: phase, overall status and a comment.

    ``suggested`` is the status the model suggested when it was set; a
    ``status`` that differs from it is an override and needs a reason in
    ``comment``.
    """

    date: StrictStr
    phase: Phase
    status: Status
    comment: StrictStr = Field(default="", max_length=2000)
    suggested: Status | None = None

    _date = field_validator("date")(_iso_date)

    @model_validator(mode="after")
    def _reason_for_override(self) -> StatusEntry:
        if self.suggested is not None and self.status != self.suggested and not self.comment.strip():
            msg = f"the status {self.status!r} differs from the suggested {self.suggested!r}: give the reason in 'comment'"
            raise ValueError(msg)
        return self

    @property
    def overridden(self) -> bool:
        """True when the status differs from the one the model suggested."""
        return self.suggested is not None and self.status != self.suggested


class Measurement(_Frozen):
    """A dated value of one success criterion, in the criterion's unit; ``kind`` baseline or measurement."""

    criterion: StrictStr
    date: StrictStr
    value: StrictFloat | StrictInt
    kind: Literal["measurement", "baseline"] = "measurement"
    comment: StrictStr = Field(default="", max_length=2000)

    _date = field_validator("date")(_iso_date)

    @field_validator("value")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value) or abs(value) > 1e12:
            msg = "value must be a finite number"
            raise ValueError(msg)
        return value


class CaseFollowUp(_Frozen):
    """One case's status entries and measurements, in the order entered."""

    status: list[StatusEntry] = Field(default_factory=list)
    measurements: list[Measurement] = Field(default_factory=list)

    @property
    def current(self) -> StatusEntry | None:
        """The latest status entry by date (the later one of two on the same day); None if none."""
        if not self.status:
            return None
        return max(enumerate(self.status), key=lambda item: (item[1].date, item[0]))[1]

    def _latest(self, criterion: str, kind: str) -> Measurement | None:
        found = [(m.date, i, m) for i, m in enumerate(self.measurements) if m.criterion == criterion and m.kind == kind]
        return max(found)[2] if found else None

    def latest(self, criterion: str) -> Measurement | None:
        """The latest follow-up measurement of ``criterion``; None if none."""
        return self._latest(criterion, "measurement")

    def baseline(self, criterion: str) -> Measurement | None:
        """The latest baseline measurement of ``criterion``; None if none."""
        return self._latest(criterion, "baseline")


class FollowUpData(_Frozen):
    """Follow-up data of every case followed: ``{case id: CaseFollowUp}``."""

    cases: dict[StrictStr, CaseFollowUp] = Field(default_factory=dict)

    def of(self, case_id: str) -> CaseFollowUp:
        """The case's follow-up (empty if none)."""
        return self.cases.get(case_id, CaseFollowUp())

    def with_status(self, case_id: str, entry: StatusEntry) -> FollowUpData:
        """A copy with ``entry`` added to the case's status history."""
        own = self.of(case_id)
        return self._with(case_id, own.model_copy(update={"status": [*own.status, entry]}))

    def with_measurement(self, case_id: str, measurement: Measurement) -> FollowUpData:
        """A copy with ``measurement`` added to the case's measurements."""
        own = self.of(case_id)
        return self._with(case_id, own.model_copy(update={"measurements": [*own.measurements, measurement]}))

    def _with(self, case_id: str, own: CaseFollowUp) -> FollowUpData:
        return self.model_copy(update={"cases": {**self.cases, case_id: own}})

    def problems(self, cases: Mapping[str, Case]) -> list[str]:
        """Case ids and criterion ids that ``cases`` do not know, one message each."""
        out = []
        for case_id, own in self.cases.items():
            case = cases.get(case_id)
            if case is None:
                out.append(f"cases.{case_id}: unknown case (known: {', '.join(sorted(cases))})")
                continue
            known = {c.id for c in case.follow_up.criteria} if case.follow_up else set()
            for index, m in enumerate(own.measurements):
                if m.criterion not in known:
                    names = ", ".join(sorted(known)) or "none"
                    out.append(f"cases.{case_id}.measurements[{index}]: {case_id} has no criterion {m.criterion!r} ({names})")
        return out


class FollowUpScenario(BaseModel):
    """What a saved scenario keeps of the follow-up: the actuals, status and measurements, the funded cases.

    ``actuals`` are ``[case, line, year, amount]`` rows (1.000 kr., the plan's
    sign); ``funded`` is None when every case is on the status board. Plain
    JSON, so the scenario store keeps it as a section (docs/store.md).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    actuals: list[tuple[str, str, int, float]] = Field(default_factory=list)
    data: FollowUpData = Field(default_factory=FollowUpData)
    funded: list[str] | None = None

    @classmethod
    def of(cls, actuals: Actuals, data: FollowUpData, funded: list[str] | None) -> FollowUpScenario:
        """The section from the session's values."""
        return cls(actuals=list(actuals.entries), data=data, funded=None if funded is None else list(funded))

    def to_actuals(self) -> Actuals:
        """The actuals as :class:`model.Actuals`."""
        return Actuals.from_mapping({(c, line, y): v for c, line, y, v in self.actuals})

    @property
    def empty(self) -> bool:
        """Nothing entered and every case on the board."""
        return not self.actuals and not self.data.cases and self.funded is None


def parse_follow_up(text: str, source: str = "<follow-up>", cases: Mapping[str, Case] | None = None) -> FollowUpData:
    """Validate follow-up data from YAML ``text``; with ``cases``, case and criterion ids are checked too.

    Raises :class:`model.CaseFileError` naming ``source`` and the field.
    """
    data = _read_yaml(text, source)
    if data is None:
        return FollowUpData()
    if not isinstance(data, dict):
        raise CaseFileError(source, "a follow-up file is a mapping with one field, 'cases'")
    try:
        result = FollowUpData.model_validate(data)
    except ValidationError as exc:
        raise CaseFileError(source, validation_message(exc, data)) from None
    if cases is not None:
        problems = result.problems(cases)
        if problems:
            raise CaseFileError(source, "; ".join(problems))
    return result


def load_follow_up(path: str | Path, cases: Mapping[str, Case] | None = None) -> FollowUpData:
    """Read and validate a follow-up file (see :func:`parse_follow_up`)."""
    path = Path(path)
    return parse_follow_up(_read_text(path), str(path), cases)


def follow_up_to_yaml(data: FollowUpData) -> str:
    """The data as YAML that :func:`parse_follow_up` reads back to equal data."""
    plain = data.model_dump(mode="python", exclude_defaults=True)
    return yaml.dump(plain or {"cases": {}}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
