"""The app's domain parts (AppTest): the Arbejdskraft page, the overview's price level, the discount presets."""

from __future__ import annotations

import pytest
from conftest import CASES, overview_table

from model import (
    Labour,
    Settings,
    evaluate,
    format_amount,
    format_number,
    labour_figures,
    load_case,
    overview,
    parse_price_index,
    reindex_case,
)


def _table_with(at, column: str):
    return next(f.value for f in at.dataframe if column in f.value.columns)


def _labour(case_id: str, absence: float = 21.9):
    return labour_figures(evaluate(load_case(CASES / f"{case_id.lower()}.yaml")), Labour(absence_days=absence))


class TestLabourPage:
    def test_table_is_the_engines(self, new_app):
        at = new_app("labour")
        assert not at.exception
        table = _table_with(at, "Frigjort, netto (årsværk)").set_index("Case")
        i4 = _labour("I4")
        assert table.loc["I4", "Frigjort, brutto (årsværk)"] == format_number(i4.fte_freed, 1) == "27,1"
        # I4: 27,134 gross × 0,915769 (1 − 21,9 / 260) = 24,849 net årsværk at work.
        assert table.loc["I4", "Frigjort, netto (årsværk)"] == format_number(i4.fte_freed_net, 1) == "24,8"
        # I6: 125 kept × 0,915769 = 114,47 at work.
        assert table.loc["I6", "Fastholdt, brutto (årsværk)"] == "125"
        assert table.loc["I6", "Fastholdt, netto (årsværk)"] == "114,5"
        # 15.000 by default: I alt net / 15.000 in percent.
        total = sum(_labour(c).fte_total_net for c in ("I1", "I2", "I3", "I4", "I5", "I6"))
        assert table.loc["I alt", "I alt, netto (årsværk)"] == format_number(total, 1)
        assert table.loc["I alt", "Andel af manglen"] == format_number(100 * total / 15000, 2) + " %"

    def test_absence_days_change_the_net_figures(self, new_app):
        at = new_app("labour")
        at.text_input(key="input.labour.absence_days").input("0").run()
        table = _table_with(at, "Frigjort, netto (årsværk)").set_index("Case")
        assert table.loc["I5", "Frigjort, netto (årsværk)"] == table.loc["I5", "Frigjort, brutto (årsværk)"] == "4,6"
        at.text_input(key="input.labour.absence_days").input("300").run()
        assert any("højst" in c.value or "at most" in c.value for c in at.caption)
        table = _table_with(at, "Frigjort, netto (årsværk)").set_index("Case")
        assert table.loc["I5", "Frigjort, netto (årsværk)"] == "4,6"  # the last good value (0) stays

    def test_a_reference_sets_the_shortage(self, new_app):
        at = new_app("labour")
        at.button(key="labour.reference.aarhus_now").click().run()
        assert at.text_input(key="input.labour.shortage").value == "45"
        table = _table_with(at, "Andel af manglen").set_index("Case")
        i4 = _labour("I4")
        assert table.loc["I4", "Andel af manglen"] == format_number(100 * i4.fte_total_net / 45, 2) + " %"


class TestPriceLevel:
    def test_missing_years_are_asked_for_then_the_cases_add_up(self, new_app):
        at = new_app()
        at.selectbox(key="input.price.level").set_value(2017).run()
        assert any("Indekset mangler 2017" in w.body for w in at.warning)
        at.text_input(key="input.price.wage.2017").input("2").run()
        at.text_input(key="input.price.price.2017").input("1,5").run()
        assert not any("Indekset mangler" in w.body for w in at.warning)
        # The same figures by the engine (test figures typed above, not real index values).
        index = parse_price_index("source: x\nyears:\n  2017: {wage: 2.0, price: 1.5}\n")
        i4 = evaluate(reindex_case(load_case(CASES / "i4.yaml"), index, 2017)[0])
        table = _table_with(at, "Nutidsværdi (1.000 kr.)").set_index("Case")
        assert "Titel" not in table.columns  # the price-level table, not the overview above it
        assert table.loc["I4", "Anlæg (1.000 kr.)"] == format_amount(i4.kpis.anlaeg) == format_amount(41380 * 1.015)
        assert table.loc["I4", "Nutidsværdi (1.000 kr.)"] == format_amount(i4.kpis.npv)
        # All six cases at 2017's level, added up in one "I alt" row as the engine adds them.
        moved = [evaluate(reindex_case(load_case(CASES / f"i{k}.yaml"), index, 2017)[0]) for k in range(1, 7)]
        total = overview(moved, allow_mixed_price_levels=True).total
        assert list(table.index) == ["I1", "I2", "I3", "I4", "I5", "I6", "I alt"]
        assert table.loc["I alt", "Anlæg (1.000 kr.)"] == format_amount(total.anlaeg)
        assert table.loc["I alt", "Varig effektivisering netto (1.000 kr.)"] == format_amount(total.net_permanent)
        assert table.loc["I alt", "Nutidsværdi (1.000 kr.)"] == format_amount(total.npv)
        factors = _table_with(at, "Lønfaktor").set_index("Case")
        assert factors.loc["I4", "Lønfaktor"] == "1,02"
        assert factors.loc["I4", "Prisfaktor"] == "1,015"
        assert any("KL, Historisk PL-oversigt" in c.value for c in at.caption)

    def test_bad_index_input_is_named_and_kept_out(self, new_app):
        at = new_app()
        at.selectbox(key="input.price.level").set_value(2017).run()
        at.text_input(key="input.price.wage.2017").input("abc").run()
        assert not at.exception
        assert any("“abc” er ikke en ændring i procent" in c.value for c in at.caption)
        assert any("Indekset mangler 2017" in w.body for w in at.warning)


class TestDiscountPresets:
    @pytest.mark.parametrize(("key", "rate"), [("fm_2013", 0.04), ("fm_2021", 0.035)])
    def test_preset_sets_the_rate(self, new_app, key, rate):
        at = new_app()
        at.text_input(key="input.setting.discount_rate").input("5").run()
        at.button(key=f"sidebar.rate.{key}").click().run()
        assert at.text_input(key="input.setting.discount_rate").value == format_number(rate * 100, 6)
        npv = evaluate(load_case(CASES / "i5.yaml"), Settings(discount_rate=rate)).kpis.npv
        table = overview_table(at).set_index("Case")
        assert table.loc["I5", "Nutidsværdi"] == format_amount(npv)
