"""Public names: the domain's references (labour and hours, price levels and indices, discount presets)."""

from ..discount import DISCOUNT_PRESETS, DiscountPreset
from ..domain_summary import evaluate_paths_at, reindex_cases, summary_with_domain
from ..labour import (
    DEFAULT_ABSENCE_DAYS,
    SHORTAGE_REFERENCES,
    Labour,
    LabourFigures,
    ShortageReference,
    kept_hours,
    labour_figures,
    portfolio_labour,
)
from ..price_index import (
    DEFAULT_INDEX_FILE,
    INDEX_KINDS,
    IndexFactors,
    MissingIndexError,
    PriceIndex,
    line_index,
    load_price_index,
    parse_price_index,
    reindex_case,
)

__all__ = [
    "DEFAULT_ABSENCE_DAYS",
    "DEFAULT_INDEX_FILE",
    "DISCOUNT_PRESETS",
    "INDEX_KINDS",
    "SHORTAGE_REFERENCES",
    "DiscountPreset",
    "IndexFactors",
    "Labour",
    "LabourFigures",
    "MissingIndexError",
    "PriceIndex",
    "ShortageReference",
    "evaluate_paths_at",
    "kept_hours",
    "labour_figures",
    "line_index",
    "load_price_index",
    "parse_price_index",
    "portfolio_labour",
    "reindex_case",
    "reindex_cases",
    "summary_with_domain",
]
