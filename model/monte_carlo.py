"""Monte Carlo: N draws of every key figure from the assumptions' three-point ranges, in blocks."""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .evaluate import Settings, assumption_values
from .key_figures import KPIS, kpi_values
from .ranges import DEFAULT_SHARE, Range, UncertaintyError, ranges
from .schema import Case
from .thresholds import Threshold, check_kpi

__all__ = [
    "BLOCK",
    "DEFAULT_DRAWS",
    "DISTRIBUTIONS",
    "MAX_DRAWS",
    "MAX_SEED",
    "MonteCarlo",
    "block_sizes",
    "check_draws",
    "monte_carlo",
    "monte_carlo_block",
]

#: Distributions for Monte Carlo draws from a three-point range.
DISTRIBUTIONS: tuple[str, ...] = ("pert", "triangular")
#: Draws in a Monte Carlo run unless the user says otherwise.
DEFAULT_DRAWS = 10_000
#: Most draws accepted in one run: 10^6 takes a few seconds and ~50 MB.
MAX_DRAWS = 1_000_000
#: Largest seed accepted (seeds are whole numbers 0..MAX_SEED).
MAX_SEED = 2**32 - 1
#: Draws per block: one vectorised pass, with its own random streams (see monte_carlo_block).
BLOCK = 10_000


@dataclass(frozen=True)
class MonteCarlo:
    """``n`` draws of every key figure, reproducible from ``seed``.

    ``kpis[k]`` has shape ``(n,)``: ``nan`` for a draw whose formulas gave no
    finite amount (counted in ``n_invalid``, left out of every statistic),
    ``inf`` payback for a draw that never pays back (kept: it counts as
    "not within N years" and sorts above every finite payback).
    """

    distribution: str
    n: int
    seed: int
    ranges: tuple[Range, ...]
    kpis: Mapping[str, np.ndarray] = field(repr=False)
    valid: np.ndarray = field(repr=False)

    @classmethod
    def from_blocks(
        cls,
        case: Case,
        blocks: Sequence[Mapping[str, np.ndarray]],
        *,
        seed: int,
        distribution: str,
        default_share: float = DEFAULT_SHARE,
    ) -> MonteCarlo:
        """A run put together from :func:`monte_carlo_block` results, in block order."""
        kpis = {key: np.concatenate([b[key] for b in blocks]) for key in KPIS}
        valid = np.concatenate([b["valid"] for b in blocks])
        return cls(
            distribution=distribution,
            n=int(valid.size),
            seed=seed,
            ranges=ranges(case, default_share),
            kpis=kpis,
            valid=valid,
        )

    @property
    def n_valid(self) -> int:
        """Draws with finite figures."""
        return int(self.valid.sum())

    @property
    def n_invalid(self) -> int:
        """Draws whose formulas gave no finite amount (division by zero), left out."""
        return self.n - self.n_valid

    def values(self, kpi: str) -> np.ndarray:
        """The valid draws of ``kpi`` (``inf`` kept for a payback that never comes)."""
        check_kpi(kpi)
        return self.kpis[kpi][self.valid]

    def percentiles(self, kpi: str, q: Sequence[float] = (10, 50, 90)) -> tuple[float, ...]:
        """P10/P50/P90 (or ``q``) of ``kpi`` over the valid draws; nan when none.

        Each percentile is an actual draw (numpy's ``inverted_cdf``, no
        interpolation), so a payback that never comes stays ``inf`` ("never")
        instead of turning into nan.
        """
        data = self.values(kpi)
        if data.size == 0:
            return tuple(math.nan for _ in q)
        return tuple(float(v) for v in np.percentile(data, list(q), method="inverted_cdf"))

    def mean(self, kpi: str) -> float:
        """Mean of ``kpi`` over the valid draws (inf if any payback never comes)."""
        data = self.values(kpi)
        return float(data.mean()) if data.size else math.nan

    def probability(self, threshold: Threshold) -> float:
        """Share of valid draws that meet ``threshold`` (e.g. payback ≤ N years); nan when none are valid."""
        data = self.values(threshold.figure)
        return float(threshold.meets(data).mean()) if data.size else math.nan

    def share_never(self) -> float:
        """Share of valid draws that never pay back."""
        data = self.values("payback")
        return float(np.isinf(data).mean()) if data.size else math.nan

    def histogram(self, kpi: str, bins: int = 40) -> pd.DataFrame:
        """Counts of the finite draws of ``kpi`` in ``bins`` equal bins: ``start``, ``end``, ``count``, ``share``.

        ``share`` is of all valid draws, so a payback histogram's shares add
        up to 1 minus :meth:`share_never`.
        """
        data = self.values(kpi)
        finite = data[np.isfinite(data)]
        if finite.size == 0:
            return pd.DataFrame(columns=["start", "end", "count", "share"])
        counts, edges = np.histogram(finite, bins=bins)
        return pd.DataFrame({"start": edges[:-1], "end": edges[1:], "count": counts, "share": counts / max(data.size, 1)})


def check_draws(n: object, seed: object, distribution: object) -> None:
    """Refuse a number of draws, a seed or a distribution that :func:`monte_carlo` cannot use.

    ``n``: a whole number from 1 to :data:`MAX_DRAWS`; ``seed``: a whole
    number from 0 to :data:`MAX_SEED`; ``distribution``: one of
    :data:`DISTRIBUTIONS`. Raises :class:`UncertaintyError` saying which.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= MAX_DRAWS:
        msg = f"the number of draws must be a whole number from 1 to {MAX_DRAWS:,}, got {n!r}"
        raise UncertaintyError(msg)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed <= MAX_SEED:
        msg = f"the seed must be a whole number from 0 to {MAX_SEED}, got {seed!r}"
        raise UncertaintyError(msg)
    if distribution not in DISTRIBUTIONS:
        msg = f"unknown distribution {distribution!r}; choose one of {', '.join(DISTRIBUTIONS)}"
        raise UncertaintyError(msg)


def block_sizes(n: int) -> list[int]:
    """Sizes of the blocks that make up ``n`` draws: full :data:`BLOCK` s, then the rest.

    >>> block_sizes(25_000)
    [10000, 10000, 5000]
    """
    full, rest = divmod(int(n), BLOCK)
    return [BLOCK] * full + ([rest] if rest else [])


def _draw(rng: np.random.Generator, r: Range, distribution: str, size: int) -> np.ndarray:
    """``size`` draws from ``r``: triangular(low, base, high) or Beta-PERT.

    Beta-PERT: ``α = 1 + 4(m − a)/(b − a)``, ``β = 1 + 4(b − m)/(b − a)``,
    ``x = a + (b − a)·Beta(α, β)``; its mean is ``(a + 4m + b)/6``.
    """
    a, m, b = r.low, r.base, r.high
    if distribution == "triangular":
        return rng.triangular(a, m, b, size)
    alpha = 1.0 + 4.0 * (m - a) / (b - a)
    beta = 1.0 + 4.0 * (b - m) / (b - a)
    return a + (b - a) * rng.beta(alpha, beta, size)


def monte_carlo_block(
    case: Case,
    settings: Settings | None = None,
    *,
    block: int,
    size: int,
    seed: int,
    distribution: str = "pert",
    default_share: float = DEFAULT_SHARE,
) -> dict[str, np.ndarray]:
    """Draws ``block · BLOCK`` to ``block · BLOCK + size - 1`` of a run: every key figure, one vectorised pass.

    Each assumption with a range is drawn from its own random stream,
    ``numpy.random.default_rng([seed, block, crc32(name)])``: a block is the
    same whatever the run's ``n`` and whichever blocks are computed (or
    cached) before it, and adding an assumption leaves the others' draws
    alone. Returns :func:`kpi_values`' arrays of shape ``(size,)``.
    """
    check_draws(max(size, 1), seed, distribution)
    if not 1 <= size <= BLOCK or block < 0:
        msg = f"a block holds 1 to {BLOCK} draws and has a number from 0, got block {block}, size {size}"
        raise UncertaintyError(msg)
    values: dict[str, float | np.ndarray] = dict(assumption_values(case))
    for r in ranges(case, default_share):
        if r.width > 0:
            rng = np.random.default_rng([int(seed), int(block), zlib.crc32(r.name.encode())])
            values[r.name] = _draw(rng, r, distribution, size)
    figures = kpi_values(case, values, settings)
    return {key: np.broadcast_to(figures[key], (size,)).copy() for key in (*KPIS, "valid")}


def monte_carlo(
    case: Case,
    settings: Settings | None = None,
    *,
    n: int = DEFAULT_DRAWS,
    seed: int = 0,
    distribution: str = "pert",
    default_share: float = DEFAULT_SHARE,
    progress: Callable[[int, int], None] | None = None,
) -> MonteCarlo:
    """``n`` Monte Carlo draws of every key figure, from each assumption's three-point range.

    Each assumption is drawn independently from ``distribution`` (``"pert"``
    or ``"triangular"``) over its :func:`ranges` (points and assumptions
    held fixed stay at their value). The draws come in blocks of
    :data:`BLOCK` (see :func:`monte_carlo_block`), each one vectorised pass
    through the case's formulas; ``progress(done, n)`` is called after each.
    The same seed gives the same result, and the first 10.000 draws of a
    bigger run are those of a run of 10.000.
    """
    check_draws(n, seed, distribution)
    parts = []
    done = 0
    for block, size in enumerate(block_sizes(int(n))):
        parts.append(
            monte_carlo_block(
                case, settings, block=block, size=size, seed=int(seed), distribution=distribution, default_share=default_share
            )
        )
        done += size
        if progress is not None:
            progress(done, int(n))
    return MonteCarlo.from_blocks(case, parts, seed=int(seed), distribution=distribution, default_share=default_share)
