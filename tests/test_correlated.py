"""Correlated Monte Carlo: rank correlation widens a product's spread as theory says; shared drivers; seeds."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from model import UncertaintyError, load_case, parse_case
from model.correlated import correlated_monte_carlo, portfolio_variables, rank_to_normal

CASES = Path(__file__).resolve().parents[1] / "cases"

# Net permanent effect = −a · b / 1.000, a and b PERT on 80-100-120 (symmetric: mean 100, variance
# (b − a)² · αβ / ((α + β)²(α + β + 1)) = 1.600 · 9 / (36 · 7) = 57,14).
PRODUCT = """
id: X
title: Produkt
price_level: 2020
first_year: 2020
last_year: 2021
assumptions:
  - {name: a, label: a, value: 100, low: 80, high: 120, unit: stk., source: test}
  - {name: b, label: b, value: 100, low: 80, high: 120, unit: kr., source: test}
lines:
  - {name: Gevinst, kind: permanent, area: service, formula: "-a * b / 1000"}
  - {name: Investering, kind: one_off, area: service, amounts: {2020: 15}}
"""


@pytest.fixture(scope="module")
def product():
    return parse_case(PRODUCT)


def _width(run) -> float:
    p10, _, p90 = run.percentiles("net_permanent")
    return p90 - p10


class TestProduct:
    def test_rho_08_widens_the_product_as_the_analytic_variance_says(self, product):
        plain = correlated_monte_carlo(product, n=40_000, seed=7)
        tied = correlated_monte_carlo(product, correlations={("a", "b"): 0.8}, n=40_000, seed=7)
        assert tied.rank_correlation("a", "b") == pytest.approx(0.8, abs=0.01)
        assert plain.rank_correlation("a", "b") == pytest.approx(0.0, abs=0.02)
        # For X, Y with mean μ, variance σ² and correlation r: Var(XY) = μ²σ²(2 + 2r) + σ⁴(1 + r²)
        # (Bohrnstedt & Goldberger 1969). μ = 100, σ² = 57,14; r is the Pearson correlation achieved.
        mu, var = 100.0, 1600 * 9 / (36 * 7)
        a, b = (tied.drawn[k] for k in ("a", "b"))
        r = stats.pearsonr(stats.beta.ppf(a, 3, 3), stats.beta.ppf(b, 3, 3)).statistic
        analytic = (mu**2 * var * (2 + 2 * r) + var**2 * (1 + r**2)) / (2 * mu**2 * var + var**2)
        sample = np.var(tied.cases["X"]["net_permanent"]) / np.var(plain.cases["X"]["net_permanent"])
        assert sample == pytest.approx(analytic, rel=0.03)
        assert analytic == pytest.approx(1.81, abs=0.01)  # r ≈ 0,81: the variance grows by about 1,8
        # The P10-P90 range widens accordingly (the product is close to normal here).
        assert _width(tied) / _width(plain) == pytest.approx(analytic**0.5, rel=0.04)

    def test_negative_correlation_narrows_it(self, product):
        plain = correlated_monte_carlo(product, n=20_000, seed=3)
        opposed = correlated_monte_carlo(product, correlations={("a", "b"): -0.8}, n=20_000, seed=3)
        assert _width(opposed) < 0.6 * _width(plain)

    def test_marginals_are_the_ranges_pert(self, product):
        run = correlated_monte_carlo(product, correlations={("a", "b"): 0.5}, n=20_000, seed=1)
        values = 80 + 40 * stats.beta.ppf(run.drawn["a"], 3, 3)
        assert values.mean() == pytest.approx(100, abs=0.3)  # PERT mean (a + 4m + b) / 6
        assert stats.kstest(run.drawn["a"], "uniform").pvalue > 0.001

    def test_seeded_run_is_reproducible(self, product):
        one = correlated_monte_carlo(product, correlations={("a", "b"): 0.8}, n=25_000, seed=11)
        two = correlated_monte_carlo(product, correlations={("a", "b"): 0.8}, n=25_000, seed=11)
        other = correlated_monte_carlo(product, correlations={("a", "b"): 0.8}, n=25_000, seed=12)
        np.testing.assert_array_equal(one.portfolio["net_permanent"], two.portfolio["net_permanent"])
        assert one.percentiles("npv") == two.percentiles("npv")
        assert not np.array_equal(one.portfolio["net_permanent"], other.portfolio["net_permanent"])

    def test_triangular_marginals(self, product):
        run = correlated_monte_carlo(product, n=20_000, seed=2, distribution="triangular")
        values = stats.triang.ppf(run.drawn["a"], 0.5, loc=80, scale=40)
        assert values.min() >= 80 and values.max() <= 120
        assert _width(run) > 0

    def test_rank_to_normal(self):
        assert rank_to_normal(0.0) == 0.0
        assert rank_to_normal(1.0) == pytest.approx(1.0)
        assert rank_to_normal(0.5) == pytest.approx(2 * np.sin(np.pi / 12))


class TestCommandLine:
    def test_simulate_json(self, tmp_path, capsys):
        from model.cli import main

        (tmp_path / "x.yaml").write_text(PRODUCT, encoding="utf-8")
        args = ["simulate", str(tmp_path / "x.yaml"), "--correlate", "a", "b", "0.8", "--n", "5000", "--seed", "3"]
        assert main(args) == 0
        first = json.loads(capsys.readouterr().out)
        assert main(args) == 0
        assert json.loads(capsys.readouterr().out) == first  # seeded: the same run
        assert first["correlations"] == [{"a": "a", "b": "b", "rho": 0.8}]
        assert set(first["portfolio"]) == {"npv", "net_permanent", "fte_full"}
        net = first["portfolio"]["net_permanent"]
        assert net["p10"] < net["p50"] < net["p90"] < 0  # a saving: negative

    def test_simulate_bad_pair_one_line(self, tmp_path, capsys):
        from model.cli import main

        (tmp_path / "x.yaml").write_text(PRODUCT, encoding="utf-8")
        assert main(["simulate", str(tmp_path / "x.yaml"), "--correlate", "a", "b", "abc"]) == 1
        err = capsys.readouterr().err
        assert err == "error: --correlate A B RHO: RHO must be a number such as 0.8\n"


class TestBadInput:
    @pytest.mark.parametrize(
        ("correlations", "message"),
        [
            ({("a", "c"): 0.5}, r"'c' is not an assumption with a range here"),
            ({("a", "b"): 1.0}, "strictly between -1 and 1"),
            ({("a", "b"): float("nan")}, "strictly between -1 and 1"),
            ({("a", "a"): 0.5}, "always fully correlated with itself"),
        ],
    )
    def test_one_clear_message(self, product, correlations, message):
        with pytest.raises(UncertaintyError, match=message):
            correlated_monte_carlo(product, correlations=correlations, n=100)

    def test_inconsistent_correlations_are_refused(self, product):
        three = parse_case(
            PRODUCT.replace("lines:", "  - {name: c, label: c, value: 1, unit: x, source: t}\nlines:").replace(
                "-a * b / 1000", "-a * b * c / 1000"
            )
        )
        pairs = {("a", "b"): 0.9, ("a", "c"): 0.9, ("b", "c"): -0.9}
        with pytest.raises(UncertaintyError, match="cannot hold together"):
            correlated_monte_carlo(three, correlations=pairs, n=100)

    def test_bad_draws(self, product):
        with pytest.raises(UncertaintyError, match="number of draws"):
            correlated_monte_carlo(product, n=0)


class TestPortfolio:
    @pytest.fixture
    def cases(self):
        return [load_case(CASES / f"i{k}.yaml") for k in (3, 4, 5)]

    def test_the_hourly_rate_is_one_shared_driver(self, cases):
        variables = {v.key: v for v in portfolio_variables(cases)}
        rate = variables["timepris"]
        assert rate.shared
        assert sorted(case for case, _, _ in rate.members) == ["I3", "I4", "I5"]
        # A name used with different ranges (each case's own phase-in share) is not shared.
        assert "I3:indfasning_2017" in variables
        assert "I5:indfasning_2017" in variables
        assert set(v.key for v in portfolio_variables(cases, shared="none")) >= {"I3:timepris", "I4:timepris", "I5:timepris"}

    def test_sharing_widens_the_portfolio_and_the_sums_add_up(self, cases):
        shared = correlated_monte_carlo(cases, n=20_000, seed=5)
        apart = correlated_monte_carlo(cases, shared="none", n=20_000, seed=5)
        for run in (shared, apart):
            total = sum(run.cases[c]["npv"] for c in ("I3", "I4", "I5"))
            np.testing.assert_allclose(run.portfolio["npv"], total)
        # One rate for all three cases moves their årsværk (hours = kroner / rate) together: their draws are
        # correlated, and the portfolio's variance grows by twice the covariances (apart they are ~0).
        # (I5's hours are counted, not converted from kroner, so only I3 and I4 move together.)
        fte = {c: shared.cases[c]["fte_full"] for c in ("I3", "I4", "I5")}
        assert stats.spearmanr(fte["I3"], fte["I4"]).statistic > 0.25
        assert abs(stats.spearmanr(apart.cases["I3"]["fte_full"], apart.cases["I4"]["fte_full"]).statistic) < 0.03
        covariance = np.cov(fte["I3"], fte["I4"])[0, 1]
        extra = np.var(shared.portfolio["fte_full"]) - np.var(apart.portfolio["fte_full"])
        assert extra > covariance > 0  # 2 · cov less the sampling noise of two runs
        p10, _, p90 = shared.percentiles("fte_full")
        q10, _, q90 = apart.percentiles("fte_full")
        assert p90 - p10 > q90 - q10
        # Within each draw the three cases used the same rate: I3's hours × rate = its fixed saving.
        assert shared.to_dict()["shared"]["timepris"] == ["I3:timepris", "I4:timepris", "I5:timepris"]
        p10, p50, p90 = shared.percentiles("npv")
        assert p10 < p50 < p90

    def test_explicit_groups(self, cases):
        groups = {"rate": [("I4", "timepris"), ("I5", "timepris")]}
        keys = {v.key for v in portfolio_variables(cases, shared=groups)}
        assert "rate" in keys and "I3:timepris" in keys
        with pytest.raises(UncertaintyError, match="I4:nope has no range"):
            portfolio_variables(cases, shared={"x": [("I4", "nope")]})

    def test_to_dict(self, cases):
        data = correlated_monte_carlo(cases, n=2_000, seed=1).to_dict()
        assert set(data["portfolio"]) == {"npv", "net_permanent", "fte_full"}
        assert set(data["portfolio"]["npv"]) == {"p10", "p50", "p90"}
        assert data["portfolio"]["npv"]["p10"] < data["portfolio"]["npv"]["p90"]
        assert set(data["cases"]) == {"I3", "I4", "I5"}
