"""Section 9 of a case, "Opfølgning": its success criteria, as the case file holds them.

Every case of the round ends with a table of success criteria: what counts
as success ("Mindre tidsforbrug ved vagtskifter"), how it is measured
("Interview og analyse"), who follows up ("De enkelte driftsenheder") and
when ("Årligt"). A case file transcribes it under ``follow_up:``; a
criterion may carry the ``target`` and ``baseline`` the document gives, in
its own ``unit``. Measurements after the decision are follow-up data, not
part of the case file (see :mod:`model.followup`).

This module is imported by :mod:`model.schema` and imports nothing of it.
"""

from __future__ import annotations

import math
import re

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StrictStr, field_validator, model_validator

__all__ = ["FollowUpPlan", "SuccessCriterion"]

_IDENT = re.compile(r"^[a-z][a-z0-9_]*$")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class SuccessCriterion(_Frozen):
    """One row of section 9's table: criterion, measure, responsible, frequency, source.

    ``id`` is a short lower-case name that follow-up data uses to attach
    measurements (``vagtskifte``). ``target`` and ``baseline`` are numbers
    in ``unit`` where the document gives them (I3: 250 borgere a year), else
    null; ``higher_is_better`` says which way the measure should move.
    """

    id: StrictStr
    criterion: StrictStr = Field(min_length=1, max_length=500)
    measure: StrictStr = Field(min_length=1, max_length=500)
    responsible: StrictStr = Field(min_length=1, max_length=300)
    frequency: StrictStr = Field(max_length=300)  # "" where the document leaves the cell blank
    source: StrictStr = Field(min_length=1)
    unit: StrictStr = ""
    target: StrictFloat | StrictInt | None = None
    baseline: StrictFloat | StrictInt | None = None
    higher_is_better: bool = True

    @field_validator("id")
    @classmethod
    def _identifier(cls, value: str) -> str:
        if not _IDENT.match(value) or len(value) > 40:
            msg = f"criterion id {value!r} must be lower-case letters, digits and _ (e.g. 'vagtskifte'), at most 40"
            raise ValueError(msg)
        return value

    @model_validator(mode="after")
    def _finite(self) -> SuccessCriterion:
        for what in ("target", "baseline"):
            number = getattr(self, what)
            if number is not None and not (math.isfinite(number) and abs(number) < 1e12):
                msg = f"{what} must be a finite number"
                raise ValueError(msg)
        return self


class FollowUpPlan(_Frozen):
    """Section 9 as a whole: the text above the table (``note``) and its criteria."""

    source: StrictStr = "Afsnit 9. Opfølgning"
    note: StrictStr = ""
    criteria: list[SuccessCriterion] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> FollowUpPlan:
        ids = [c.id for c in self.criteria]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            msg = f"criterion ids must be unique; repeated: {', '.join(repeated)}"
            raise ValueError(msg)
        return self

    def criterion(self, criterion_id: str) -> SuccessCriterion:
        """The criterion called ``criterion_id``; ``KeyError`` if there is none."""
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)
