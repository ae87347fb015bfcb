"""The building blocks of the case-file models: frozen strict models, years, finite numbers of sane size."""

from __future__ import annotations

import math
import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt
from pydantic_core import PydanticCustomError

__all__ = ["MAX_MAGNITUDE", "Frozen", "Number", "Year", "finite", "problem"]

#: Largest magnitude accepted for any number in a case file. Municipal
#: business cases are far below 10^12 thousand kroner; anything larger is a
#: typo or an attack, and would make sums lose precision.
MAX_MAGNITUDE = 1e12

Year = Annotated[StrictInt, Field(ge=1900, le=2200)]


def finite(value: float | None, what: str) -> float | None:
    """``value`` if it is None or a finite number within ±:data:`MAX_MAGNITUDE`; ``ValueError`` naming ``what`` otherwise."""
    if value is None:
        return None
    if isinstance(value, int) and abs(value) > MAX_MAGNITUDE:
        msg = f"{what} is implausibly large (limit ±{MAX_MAGNITUDE:.0e})"
        raise ValueError(msg)
    if not math.isfinite(value):
        msg = f"{what} must be a finite number, got {value!r}"
        raise ValueError(msg)
    if abs(value) > MAX_MAGNITUDE:
        msg = f"{what} {value!r} is implausibly large (limit ±{MAX_MAGNITUDE:.0e})"
        raise ValueError(msg)
    return value


Number = StrictFloat | StrictInt


class Frozen(BaseModel):
    """A pydantic model that is immutable, strict, and refuses unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


def problem(code: str, template: str, **context: object) -> PydanticCustomError:
    """A validation error with a stable ``code`` and its ``context``, so a UI can word it in its language.

    ``{key!r}`` in ``template`` shows the value's ``repr`` (the context then
    holds that text), as in an f-string.
    """
    for key in _REPR.findall(template):
        context[key] = repr(context[key])
    return PydanticCustomError(code, _REPR.sub(r"{\1}", template), context)


_REPR = re.compile(r"\{(\w+)!r\}")
