"""Discount-rate presets: the Danish Finance Ministry's real social discount rate, then and now.

The NPV discounts fixed-price (p/l) amounts at a real rate. The Finance
Ministry sets the rate for public appraisals:

- **4 %** a year for years 0–35 from May 2013 until the end of 2020 — the rate
  in force when the 2016 cases were written (Finansministeriet,
  "Dokumentationsnotat – den samfundsøkonomiske diskonteringsrente", maj 2013);
- **3,5 %** a year for years 0–35 since January 2021 (Finansministeriet,
  "Den samfundsøkonomiske diskonteringsrente", 2021) — the engine's default.

The app offers both as one-click presets beside the free entry; any rate
``model.Settings`` accepts can still be typed.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DISCOUNT_PRESETS", "DiscountPreset"]


@dataclass(frozen=True)
class DiscountPreset:
    """A named real discount rate (share a year, 0.04 = 4 %), the years it applied, and its source."""

    key: str
    rate: float
    period: str
    source: str


#: The presets, oldest first.
DISCOUNT_PRESETS: tuple[DiscountPreset, ...] = (
    DiscountPreset(
        "fm_2013",
        0.04,
        "2013–2020",
        "Finansministeriet: Dokumentationsnotat – den samfundsøkonomiske diskonteringsrente (maj 2013); "
        "4 % for år 0–35, gældende da casene blev skrevet (2016)",
    ),
    DiscountPreset(
        "fm_2021",
        0.035,
        "fra 2021",
        "Finansministeriet: Den samfundsøkonomiske diskonteringsrente (januar 2021); 3,5 % for år 0–35",
    ),
)
