"""Every label of the workbench, in Danish (the default) and English: one table.

``TEXTS`` maps a key to ``{"da": ..., "en": ...}``; :func:`t` picks the
language the user chose in the sidebar (``st.session_state["i18n.language"]``)
and fills ``{placeholders}``. Pages add their keys here, grouped under a
comment with the page's name; keys are dotted, page first
(``"overview.title"``). Case content (titles, line names, assumption labels
and sources) is data and stays as the documents wrote it.
"""

from __future__ import annotations

import streamlit as st

from .keys import SIDEBAR

__all__ = ["LANGUAGES", "LANGUAGE_KEY", "TEXTS", "language", "t"]

#: Session-state key holding the chosen language.
LANGUAGE_KEY = SIDEBAR.language
#: The languages, default first.
LANGUAGES = ("da", "en")

TEXTS: dict[str, dict[str, str]] = {
    # --- app.py: frame and shared sidebar -----------------------------------------------------
    "app.title": {"da": "Business case-værktøj", "en": "Business case workbench"},
    "page.overview": {"da": "Oversigt", "en": "Overview"},
    "page.case": {"da": "Business case", "en": "Business case"},
    "page.compare": {"da": "Sammenlign", "en": "Compare"},
    "page.sensitivity": {"da": "Følsomhed", "en": "Sensitivity"},
    "page.audit": {"da": "Kontrol", "en": "Audit"},
    "sidebar.language": {"da": "Sprog", "en": "Language"},
    "language.da": {"da": "Dansk", "en": "Dansk"},
    "language.en": {"da": "English", "en": "English"},
    "sidebar.settings": {"da": "Beregningsforudsætninger", "en": "Appraisal settings"},
    "settings.discount_rate": {"da": "Diskonteringsrente (%)", "en": "Discount rate (%)"},
    "settings.discount_rate.help": {
        "da": "Real rente pr. år til nutidsværdien. Finansministeriet: 3,5 % (år 0-35).",
        "en": "Real rate a year for the NPV. Danish Finance Ministry: 3,5 % (years 0-35).",
    },
    "settings.horizon": {"da": "Horisont (år)", "en": "Horizon (years)"},
    "settings.horizon.help": {
        "da": "År i nutidsværdi og intern rente, fra casens første år; varige ændringer fortsætter efter tabellen.",
        "en": "Years in the NPV and IRR, from the case's first year; permanent changes go on after the table.",
    },
    "settings.hours_per_fte": {"da": "Timer pr. årsværk", "en": "Hours per FTE (årsværk)"},
    "settings.hours_per_fte.help": {
        "da": "Timer i ét årsværk, fx 37 timer × 52 uger = 1.924.",
        "en": "Hours in one full-time equivalent, e.g. 37 hours × 52 weeks = 1.924.",
    },
    "settings.changed": {
        "da": "Ændret fra standard: {rate}, {horizon} år, {hours} timer pr. årsværk.",
        "en": "Changed from the defaults: {rate}, {horizon} years, {hours} hours per FTE.",
    },
    "sidebar.reset_all": {"da": "Nulstil alt", "en": "Reset all"},
    "sidebar.reset_all.help": {
        "da": "Tilbage til dokumenternes tal: fjerner alle ændrede forudsætninger, uploadede cases og varianter "
        "og sætter beregningsforudsætningerne og Følsomhed-sidens intervaller, optimismetillæg, tærskler og "
        "simulering til standard.",
        "en": "Back to the documents: removes every changed assumption, uploaded case and variant, "
        "and restores the default appraisal settings and the Sensitivity page's ranges, optimism bias, thresholds "
        "and simulation settings.",
    },
    "sidebar.reset_all.done": {"da": "Alt er nulstillet til dokumenterne.", "en": "Everything is back to the documents."},
    "sidebar.changed_cases": {"da": "Ændrede cases: {cases}", "en": "Changed cases: {cases}"},
    "sidebar.units": {
        "da": "Beløb i 1.000 kr.; udgifter +, besparelser −.",
        "en": "Amounts in DKK thousand; costs +, savings −.",
    },
    # --- Number input (ui/widgets.py) -------------------------------------------------------
    "input.empty": {"da": "Skriv et tal.", "en": "Enter a number."},
    "input.not_number": {
        "da": "Ikke et tal i dansk format (fx 1.234,5 eller 23,4).",
        "en": "Not a number in Danish format (e.g. 1.234,5 or 23,4).",
    },
    "input.below": {"da": "Skal være mindst {minimum}.", "en": "Must be at least {minimum}."},
    "input.above": {"da": "Må højst være {maximum}.", "en": "Must be at most {maximum}."},
    "input.whole": {"da": "Skal være et helt tal.", "en": "Must be a whole number."},
    "input.rejected": {"da": "Kan ikke bruges: {reason}", "en": "Cannot be used: {reason}"},
    "input.no_finite": {
        "da": "Med denne værdi giver en formel intet endeligt beløb (division med nul?).",
        "en": "With this value a formula gives no finite amount (division by zero?).",
    },
    "input.kept": {"da": "Beregningen bruger fortsat {value}.", "en": "The calculation still uses {value}."},
    # --- Tables and exports (shared) ----------------------------------------------------------
    "col.case": {"da": "Case", "en": "Case"},
    "col.title": {"da": "Titel", "en": "Title"},
    "col.status": {"da": "Status", "en": "Status"},
    "col.drift": {"da": "Drift", "en": "Operating (drift)"},
    "col.anlaeg": {"da": "Anlæg", "en": "Capital (anlæg)"},
    "col.payback": {"da": "Tilbagebetalingstid", "en": "Payback time"},
    "col.net_permanent": {"da": "Varig effektivisering netto", "en": "Net permanent effect"},
    "col.npv": {"da": "Nutidsværdi", "en": "NPV"},
    "col.fte": {"da": "Årsværk", "en": "FTE freed"},
    "col.innovation": {"da": "Innovationspulje", "en": "Innovation pool"},
    "col.line": {"da": "Linje", "en": "Line"},
    "kpis": {"da": "Nøgletal", "en": "Key figures"},
    "kpi.drift": {"da": "Drift (1.000 kr.)", "en": "Operating (DKK thousand)"},
    "kpi.anlaeg": {"da": "Anlæg (1.000 kr.)", "en": "Capital (DKK thousand)"},
    "kpi.innovation": {"da": "Innovationspulje (1.000 kr.)", "en": "Innovation pool (DKK thousand)"},
    "kpi.payback_exact": {"da": "Tilbagebetalingstid, præcis (år)", "en": "Payback time, exact (years)"},
    "kpi.discounted_payback": {"da": "Diskonteret tilbagebetalingstid", "en": "Discounted payback time"},
    "kpi.net_permanent": {"da": "Varig effektivisering netto (1.000 kr.)", "en": "Net permanent effect (DKK thousand)"},
    "kpi.npv": {"da": "Nutidsværdi (1.000 kr.)", "en": "NPV (DKK thousand)"},
    "kpi.irr": {"da": "Intern rente", "en": "IRR"},
    "kpi.fte": {"da": "Årsværk frigjort", "en": "FTE freed"},
    "kpi.price_level": {"da": "Pris- og lønniveau", "en": "Price level"},
    "kpi.years": {"da": "År", "en": "Years"},
    "csv.payback": {"da": "Tilbagebetalingstid (år)", "en": "Payback time (years)"},
    "status.document": {"da": "som dokumentet", "en": "as the document"},
    "status.changed": {"da": "ændret", "en": "changed"},
    "status.uploaded": {"da": "uploadet/variant", "en": "uploaded/variant"},
    "status.uploaded_changed": {"da": "uploadet/variant, ændret", "en": "uploaded/variant, changed"},
    "total": {"da": "I alt", "en": "Total"},
    "years": {"da": "{years} år", "en": "{years} years"},
    "unit.tkr": {"da": "1.000 kr.", "en": "DKK thousand"},
    "unit.tkr_pl": {"da": "1.000 kr., {level} p/l", "en": "DKK thousand, {level} prices"},
    "optimism.show": {"da": "Vis med optimismetillæg", "en": "Show with optimism bias"},
    "optimism.payback": {"da": "Tilb.tid m. tillæg", "en": "Payback w. uplift"},
    "optimism.net": {"da": "Varig eff. netto m. tillæg", "en": "Net effect w. uplift"},
    "optimism.npv": {"da": "Nutidsværdi m. tillæg", "en": "NPV w. uplift"},
    # --- Oversigt (app_pages/overview.py) ------------------------------------------------------
    "overview.title": {
        "da": "Oversigt over investeringsbehov og afledte effektiviseringer på sigt",
        "en": "Investment needs and resulting long-term efficiency gains",
    },
    "overview.include": {"da": "Cases i oversigten", "en": "Cases in the overview"},
    "overview.include.help": {
        "da": "Vælg de cases, der indgår i tabellen og i I alt.",
        "en": "Choose the cases that enter the table and the total.",
    },
    "overview.none": {"da": "Vælg mindst én case.", "en": "Choose at least one case."},
    "overview.no_cases": {
        "da": "Der er ingen case-filer i {folder}.",
        "en": "There are no case files in {folder}.",
    },
    "overview.load_errors": {
        "da": "{count} fil(er) kunne ikke læses og er udeladt:",
        "en": "{count} file(s) could not be read and are left out:",
    },
    "overview.eval_errors": {"da": "Kunne ikke beregnes:", "en": "Could not be evaluated:"},
    "overview.mixed_levels": {
        "da": "Casene har forskelligt pris- og lønniveau ({levels}). Beløbene kan ikke lægges sammen uden "
        "omregning, så der vises ingen I alt-række.",
        "en": "The cases are at different price levels ({levels}). Their amounts cannot be added without "
        "re-indexing, so there is no total row.",
    },
    "overview.changed_note": {
        "da": "Tabellen bygger på dine ændrede forudsætninger for {cases}; øvrige cases er som dokumenterne.",
        "en": "The table uses your changed assumptions for {cases}; the other cases are as the documents.",
    },
    "overview.document_note": {
        "da": "Alle cases er som dokumenterne.",
        "en": "All cases are as the documents.",
    },
    "overview.footnote": {
        "da": "Drift er serviceinvesteringer fra investeringspuljen (innovationspuljen er udeladt, som i dokumentet). "
        "Tilbagebetalingstid i hele år fra første år med udgifter; “-” hvor der ingen er. Varig effektivisering "
        "netto: udgifter +, besparelser −. Nutidsværdi af nettobesparelserne over {horizon} år ved {rate} "
        "(+ når det betaler sig); I alt lægger dem sammen i det tidligste første år (en senere case diskonteres "
        "tilbage dertil). Årsværk frigjort ved fuld indfasning ({hours} timer pr. årsværk).",
        "en": "Operating is service investment from the investment pool (the innovation pool is left out, as the "
        "document does). Payback in whole years from the first year with spending; “-” where there is none. Net "
        "permanent effect: costs +, savings −. NPV of the net savings over {horizon} years at {rate} (+ when it "
        "pays); the total adds them in the earliest first year (a later case is discounted back to it). "
        "FTE freed at full phase-in ({hours} hours per FTE).",
    },
    "overview.innovation_note": {
        "da": "Desuden søges {amount} t.kr. fra innovationspuljen ({cases}); det tæller med i tilbagebetalingstiden.",
        "en": "A further DKK {amount}k is sought from the innovation pool ({cases}); it counts in the payback time.",
    },
    "overview.export": {"da": "Eksport", "en": "Export"},
    "overview.csv_dialect": {"da": "CSV-format", "en": "CSV format"},
    "overview.csv_danish": {
        "da": "Dansk Excel (semikolon, decimalkomma)",
        "en": "Danish Excel (semicolon, decimal comma)",
    },
    "overview.csv_plain": {"da": "Almindelig (komma, decimalpunktum)", "en": "Plain (comma, decimal point)"},
    "overview.file_stem": {"da": "oversigt", "en": "overview"},
    "overview.file_formulas": {"da": "formler", "en": "formulas"},
    "overview.download_csv": {"da": "Hent CSV", "en": "Download CSV"},
    "overview.download_xlsx": {"da": "Hent Excel (formateret)", "en": "Download Excel (formatted)"},
    "overview.download_workbook": {"da": "Hent Excel med formler", "en": "Download Excel with formulas"},
    "overview.download_workbook.help": {
        "da": "Hele beregningen som regneark med levende formler: forudsætninger, linjer og nøgletal.",
        "en": "The whole calculation as a workbook with live formulas: assumptions, lines and key figures.",
    },
    "overview.xlsx_note": {
        "da": "Ændrede forudsætninger: {cases}.",
        "en": "Changed assumptions: {cases}.",
    },
    "overview.optimism.help": {
        "da": "Tilføjer kolonner, hvor udgifterne er forhøjet og besparelserne reduceret med optimismetillægget efter "
        "linjernes sikkerhed. Tillæggene sættes på siden Følsomhed.",
        "en": "Adds columns where costs are raised and savings lowered by the optimism bias, by how sure each line is. "
        "The uplifts are set on the Sensitivity page.",
    },
    # --- Business case (app_pages/case.py) -----------------------------------------------------
    "case.pick": {"da": "Case", "en": "Case"},
    "case.meta": {
        "da": "{administration} · {level} p/l · {first}-{last}",
        "en": "{administration} · {level} prices · {first}-{last}",
    },
    "case.assumptions": {"da": "Forudsætninger", "en": "Assumptions"},
    "case.assumptions.caption": {
        "da": "Skriv tal på dansk: 1.234,5. Ændringer gælder, til du nulstiller dem, også på de andre sider.",
        "en": "Type numbers the Danish way: 1.234,5. Changes hold on every page until you reset them.",
    },
    "case.no_assumptions": {"da": "Casen har ingen forudsætninger.", "en": "The case has no assumptions."},
    "case.document_value": {"da": "Dokumentet: {value}", "en": "Document: {value}"},
    "case.source": {"da": "Kilde: {source}", "en": "Source: {source}"},
    "case.reset_one": {"da": "Nulstil", "en": "Reset"},
    "case.reset_one.help": {"da": "Tilbage til dokumentets værdi", "en": "Back to the document's value"},
    "case.reset_case": {"da": "Nulstil casen", "en": "Reset the case"},
    "case.changed_in": {"da": "{count} ændret: {groups}", "en": "{count} changed: {groups}"},
    "case.group": {"da": "Gruppe af forudsætninger", "en": "Group of assumptions"},
    "case.kpi.net.help": {
        "da": "Samlet varig ændring ved fuld indfasning, 1.000 kr. pr. år; udgifter +, besparelser −.",
        "en": "Total permanent change once fully phased in, DKK thousand a year; costs +, savings −.",
    },
    "case.kpi.payback.help": {
        "da": "Hele år fra første år med udgifter til og med første år, hvor den akkumulerede påvirkning (alle "
        "midler, også innovationspuljen) er ≤ 0.",
        "en": "Whole years from the first year with spending up to and including the first year the cumulative "
        "impact (all funding, innovation pool included) is ≤ 0.",
    },
    "case.kpi.npv.help": {
        "da": "Nutidsværdi af nettobesparelserne over {horizon} år ved {rate}, 1.000 kr. (+ når det betaler sig).",
        "en": "Present value of the net savings over {horizon} years at {rate}, DKK thousand (+ when it pays).",
    },
    "case.kpi.fte.help": {
        "da": "Frigjort personaletid ved fuld indfasning, {hours} timer pr. årsværk.",
        "en": "Staff time freed at full phase-in, {hours} hours per FTE.",
    },
    "case.optimism.help": {
        "da": "Viser nøgletallene, når udgifterne forhøjes og besparelserne reduceres med optimismetillægget efter "
        "linjernes sikkerhed.",
        "en": "Shows the key figures with costs raised and savings lowered by the optimism bias, by how sure each line is.",
    },
    "case.optimism.metric_help": {
        "da": "Med optimismetillæg; ændringen er i forhold til tallet uden tillæg ovenfor.",
        "en": "With optimism bias; the change is against the figure without it above.",
    },
    "case.optimism.caption": {
        "da": "Udgifter forhøjet og besparelser reduceret efter linjernes sikkerhed; linjer uden vurdering udelades, "
        "medmindre du vælger en sikkerhed for dem. Tillæggene sættes på siden Følsomhed.",
        "en": "Costs raised and savings lowered by each line's confidence; lines without a grade are left out unless you "
        "choose a grade for them. The uplifts are set on the Sensitivity page.",
    },
    "case.section1": {
        "da": "1. Forslagets samlede økonomiske konsekvenser",
        "en": "1. The proposal's total financial consequences",
    },
    "case.area": {"da": "Styringsområde", "en": "Budget area"},
    "area.Service": {"da": "Service", "en": "Service"},
    "area.Anlæg": {"da": "Anlæg", "en": "Capital"},
    "row.permanent": {"da": "Samlet varig ændring", "en": "Total permanent change"},
    "row.service_investment": {"da": "Serviceinvesteringer", "en": "Service investments"},
    "row.capital_investment": {"da": "Anlægsinvesteringer", "en": "Capital investments"},
    "row.implementation": {"da": "Samlede implementeringsomkostninger", "en": "Total implementation costs"},
    "row.total_impact": {"da": "Samlet økonomisk påvirkning", "en": "Total financial impact"},
    "row.cumulative": {
        "da": "Akkumuleret påvirkning, alle midler",
        "en": "Cumulative impact, all funding",
    },
    "case.innovation_footnote": {
        "da": "Jf. tabel 2 søges der også om midler fra innovationspuljen, i alt {amount} t. kr.",
        "en": "See table 2: funding is also sought from the innovation pool, DKK {amount}k in all.",
    },
    "case.section1_note": {
        "da": "{unit}. Serviceinvesteringer er fra investeringspuljen; den akkumulerede række tæller alle midler.",
        "en": "{unit}. Service investments are from the investment pool; the cumulative row counts all funding.",
    },
    "case.table1": {"da": "Tabel 1. Varige ændringer", "en": "Table 1. Permanent changes"},
    "case.table2": {"da": "Tabel 2. Serviceinvesteringer", "en": "Table 2. Service investments"},
    "case.table3": {"da": "Tabel 3. Anlægsinvesteringer", "en": "Table 3. Capital investments"},
    "case.table.total1": {"da": "Varige ændringer totalt", "en": "Permanent changes, total"},
    "case.table.total2": {"da": "Investeringer totalt, service", "en": "Investments, service, total"},
    "case.table.total3": {"da": "Investeringer totalt, anlæg", "en": "Investments, capital, total"},
    "case.chart.cumulative": {
        "da": "Akkumuleret samlet økonomisk påvirkning",
        "en": "Cumulative total financial impact",
    },
    "case.chart.flows": {"da": "Udgifter og besparelser pr. år", "en": "Costs and savings per year"},
    "case.view": {"da": "Vis", "en": "Show"},
    "case.view.cumulative": {"da": "Akkumuleret", "en": "Cumulative"},
    "case.view.flows": {"da": "Pr. år", "en": "Per year"},
    "case.view.section1": {"da": "Afsnit 1", "en": "Section 1"},
    "case.view.table1": {"da": "Tabel 1", "en": "Table 1"},
    "case.view.table2": {"da": "Tabel 2", "en": "Table 2"},
    "case.view.table3": {"da": "Tabel 3", "en": "Table 3"},
    "chart.year": {"da": "År", "en": "Year"},
    "chart.years_since_start": {"da": "År fra start", "en": "Years since start"},
    "chart.amount": {"da": "1.000 kr.", "en": "DKK thousand"},
    "chart.current": {"da": "Aktuel", "en": "Current"},
    "chart.document": {"da": "Dokument", "en": "Document"},
    "chart.payback": {"da": "Tilbagebetalt {year}", "en": "Paid back {year}"},
    "chart.costs": {"da": "Udgifter", "en": "Costs"},
    "chart.savings": {"da": "Besparelser", "en": "Savings"},
    "chart.net": {"da": "Netto", "en": "Net"},
    "chart.variant": {"da": "Variant", "en": "Variant"},
    "case.file": {"da": "Gem og hent scenarie", "en": "Save and load a scenario"},
    "case.file.caption": {
        "da": "Hent casen med dine forudsætninger som case-fil, og upload den igen senere. En uploadet fil med samme "
        "case-id og de samme linjer genskaber dine ændringer; andre filer tilføjes som nye cases.",
        "en": "Download the case with your assumptions as a case file, and upload it again later. An uploaded file "
        "with the same case id and lines restores your changes; other files are added as new cases.",
    },
    "case.download": {"da": "Hent case-fil (YAML)", "en": "Download case file (YAML)"},
    "case.upload": {"da": "Upload case-fil", "en": "Upload a case file"},
    "case.upload.applied": {
        "da": "{file}: ændringerne er lagt på {case} ({count} forudsætning(er)).",
        "en": "{file}: the changes are applied to {case} ({count} assumption(s)).",
    },
    "case.upload.added": {"da": "{file}: tilføjet som case {case}.", "en": "{file}: added as case {case}."},
    "case.upload.failed": {
        "da": "{file} kunne ikke bruges; intet er ændret.",
        "en": "{file} could not be used; nothing has changed.",
    },
    "case.upload.not_text": {"da": "filen er ikke UTF-8-tekst", "en": "the file is not UTF-8 text"},
    "case.variant": {"da": "Gem som variant", "en": "Save as a variant"},
    "case.variant.help": {
        "da": "Gemmer casen med dine nuværende forudsætninger som en ny case til sammenligning.",
        "en": "Saves the case with your current assumptions as a new case to compare.",
    },
    "case.variant.saved": {"da": "Gemt som {case}.", "en": "Saved as {case}."},
    "case.variant.label": {"da": "variant", "en": "variant"},
    "case.remove": {"da": "Fjern casen", "en": "Remove the case"},
    "case.remove.help": {
        "da": "Fjerner denne uploadede case eller variant fra sessionen.",
        "en": "Removes this uploaded case or variant from the session.",
    },
    "case.extra": {
        "da": "Uploadet eller gemt variant; “dokumentets værdi” er filens.",
        "en": "Uploaded case or saved variant; “the document's value” is the file's.",
    },
    "case.eval_error": {
        "da": "Casen kan ikke beregnes med disse forudsætninger:",
        "en": "The case cannot be evaluated with these assumptions:",
    },
    # --- Sammenlign (app_pages/compare.py) ------------------------------------------------------
    "compare.title": {"da": "Sammenlign cases og varianter", "en": "Compare cases and variants"},
    "compare.pick": {"da": "Cases og varianter (2-6)", "en": "Cases and variants (2-6)"},
    "compare.pick.help": {
        "da": "“(dokument)” er casen som dokumentet; uden tilføjelse er den med dine forudsætninger.",
        "en": "“(document)” is the case as the document; without it, the case with your assumptions.",
    },
    "compare.too_few": {"da": "Vælg mindst to.", "en": "Choose at least two."},
    "compare.document_suffix": {"da": "{case} (dokument)", "en": "{case} (document)"},
    "compare.kpi": {"da": "Nøgletal", "en": "Key figure"},
    "compare.curves": {"da": "Akkumuleret påvirkning", "en": "Cumulative impact"},
    "compare.axis": {"da": "Vandret akse", "en": "Horizontal axis"},
    "compare.axis.calendar": {"da": "Kalenderår", "en": "Calendar years"},
    "compare.axis.relative": {"da": "År fra start", "en": "Years since start"},
    "compare.yearly": {"da": "År for år", "en": "Year by year"},
    "compare.row": {"da": "Række", "en": "Row"},
    "compare.levels": {
        "da": "Bemærk: forskelligt pris- og lønniveau ({levels}); beløbene er ikke direkte sammenlignelige.",
        "en": "Note: different price levels ({levels}); the amounts are not directly comparable.",
    },
    "compare.hint": {
        "da": "Varianter af én case: ændr forudsætninger på siden Business case og gem dem som variant, "
        "eller sammenlign casen med “(dokument)”.",
        "en": "Variants of one case: change assumptions on the Business case page and save them as a variant, "
        "or compare the case with “(document)”.",
    },
    # --- Opfølgning (app_pages/followup.py, ui/followup.py) -------------------------------------------
    "page.followup": {"da": "Opfølgning", "en": "Follow-up"},
    "followup.title": {"da": "Opfølgning på finansierede cases", "en": "Follow-up of funded cases"},
    "followup.caption": {
        "da": "Følg hver finansieret case mod sin plan, som statusrapporterne gør: fase, overordnet status, faktiske beløb "
        "mod plan og effektmål med baseline og seneste måling. Beløb i 1.000 kr.; udgifter +, besparelser −.",
        "en": "Follow each funded case against its plan, as the status reports do: phase, overall status, actual amounts "
        "against plan, and effect goals with baseline and latest measurement. Amounts in DKK thousand; costs +, savings −.",
    },
    "followup.funded": {"da": "Finansierede cases", "en": "Funded cases"},
    "followup.funded.help": {
        "da": "De cases, der er finansieret og følges op på statustavlen.",
        "en": "The cases that were funded and are followed on the status board.",
    },
    "followup.none": {"da": "Vælg mindst én finansieret case.", "en": "Choose at least one funded case."},
    "followup.board": {"da": "Statustavle", "en": "Status board"},
    "followup.board.note": {
        "da": "Besparelse til dato: linjer der kun sparer, til og med seneste år med faktiske tal; år uden faktisk tal "
        "tæller som plan. Prognose: faktiske tal, plan for resten. Status uden dato er modellens forslag.",
        "en": "Savings to date: lines that only save, up to the last year with an actual; years without an actual count "
        "as plan. Forecast: actuals, plan for the rest. A status without a date is the model's suggestion.",
    },
    "followup.board.phase": {"da": "Fase", "en": "Phase"},
    "followup.board.status": {"da": "Status", "en": "Status"},
    "followup.board.saved_actual": {"da": "Besparelse til dato", "en": "Saved to date"},
    "followup.board.saved_plan": {"da": "Plan til dato", "en": "Plan to date"},
    "followup.board.to_date": {"da": "Til og med", "en": "Up to"},
    "followup.board.payback_plan": {"da": "Tilb.tid, plan", "en": "Payback, plan"},
    "followup.board.payback_forecast": {"da": "Tilb.tid, prognose", "en": "Payback, forecast"},
    "followup.board.npv_forecast": {"da": "NPV, prognose", "en": "NPV, forecast"},
    "followup.col.phase": {"da": "Aktuel fase", "en": "Phase"},
    "followup.col.status": {"da": "Overordnet status", "en": "Overall status"},
    "followup.col.suggested": {"da": "Foreslået status", "en": "Suggested status"},
    "followup.col.payback_forecast": {"da": "Tilbagebetalingstid, prognose", "en": "Payback, forecast"},
    "followup.col.npv_forecast": {"da": "Nutidsværdi, prognose", "en": "NPV, forecast"},
    "followup.col.plan": {"da": "Plan", "en": "Plan"},
    "followup.col.actual": {"da": "Faktisk", "en": "Actual"},
    "followup.col.variance": {"da": "Afvigelse", "en": "Variance"},
    "followup.col.variance_pct": {"da": "Afvigelse %", "en": "Variance %"},
    "followup.col.criterion": {"da": "Succeskriterium", "en": "Success criterion"},
    "followup.col.measure": {"da": "Hvordan måles", "en": "How it is measured"},
    "followup.col.responsible": {"da": "Ansvarlig", "en": "Responsible"},
    "followup.col.frequency": {"da": "Hvornår", "en": "When"},
    "followup.col.unit": {"da": "Enhed", "en": "Unit"},
    "followup.col.target": {"da": "Mål", "en": "Target"},
    "followup.col.baseline": {"da": "Baseline", "en": "Baseline"},
    "followup.col.latest": {"da": "Seneste måling", "en": "Latest measurement"},
    "followup.suggested_mark": {"da": "{status} (foreslået)", "en": "{status} (suggested)"},
    "followup.overridden": {"da": "overstyret", "en": "overridden"},
    "followup.report": {"da": "Hent statusrapport (Excel)", "en": "Download status report (Excel)"},
    "followup.report.help": {
        "da": "Én række pr. case som i statusrapporterne: fase, status, effektmål, baseline, seneste måling, bemærkning "
        "og beløbene; et ark med alle succeskriterier.",
        "en": "One row per case as in the status reports: phase, status, effect goal, baseline, latest measurement, "
        "comment and the amounts; a sheet with every success criterion.",
    },
    "followup.template": {"da": "Hent skabelon til faktiske tal (CSV)", "en": "Download actuals template (CSV)"},
    "followup.template.help": {
        "da": "case;line;year;plan;actual, én række pr. linje og år, til dansk Excel. Udfyld actual og indlæs filen.",
        "en": "case;line;year;plan;actual, one row per line and year, for Danish Excel. Fill in actual and import it.",
    },
    "followup.import": {"da": "Indlæs faktiske tal (CSV eller Excel)", "en": "Import actuals (CSV or Excel)"},
    "followup.import.help": {
        "da": "Kolonnerne case;line;year;actual, semikolon og decimalkomma (1.234,5). Rækker der ikke kan bruges, "
        "vises; resten tæller.",
        "en": "Columns case;line;year;actual, semicolons and decimal comma (1.234,5). Rows that cannot be used are listed; "
        "the rest count.",
    },
    "followup.import.done": {
        "da": "{file}: {count} faktiske tal indlæst.",
        "en": "{file}: {count} actual(s) imported.",
    },
    "followup.file.download": {"da": "Hent status og målinger (YAML)", "en": "Download status and measurements (YAML)"},
    "followup.file.upload": {"da": "Indlæs status og målinger (YAML)", "en": "Import status and measurements (YAML)"},
    "followup.file.loaded": {"da": "{file}: status og målinger indlæst.", "en": "{file}: status and measurements loaded."},
    "followup.file.failed": {
        "da": "{file} kunne ikke bruges; intet er ændret.",
        "en": "{file} could not be used; nothing has changed.",
    },
    "followup.metric.plan": {"da": "plan: {value}", "en": "plan: {value}"},
    "followup.metric.realised": {"da": "Realiseret til dato (1.000 kr.)", "en": "Realised to date (DKK thousand)"},
    "followup.metric.suggested": {"da": "Foreslået status", "en": "Suggested status"},
    "followup.reason.no_actuals": {
        "da": "Ingen faktiske tal endnu: prognosen er planen.",
        "en": "No actuals yet: the forecast is the plan.",
    },
    "followup.reason.on_plan": {
        "da": "Inden for tærsklerne: nutidsværdi højst 10 % under plan, tilbagebetaling ikke senere, afvigelse til dato "
        "højst 10 %.",
        "en": "Within the thresholds: NPV at most 10 % below plan, payback not later, variance to date at most 10 %.",
    },
    "followup.reason.no_payback": {
        "da": "Prognosen betaler sig ikke tilbage (planen: {planned} år).",
        "en": "The forecast does not pay back (plan: {planned} years).",
    },
    "followup.reason.npv_negative": {
        "da": "Prognosens nutidsværdi er {forecast} mod planens {planned}: casen betaler sig ikke længere.",
        "en": "The forecast NPV is {forecast} against the plan's {planned}: the case no longer pays.",
    },
    "followup.reason.npv_shortfall": {
        "da": "Nutidsværdien er {shortfall} lavere end planen ({share}; tærskel 10 %).",
        "en": "The NPV is {shortfall} below plan ({share}; threshold 10 %).",
    },
    "followup.reason.payback_later": {
        "da": "Tilbagebetalingstiden er {forecast} år mod planens {planned} år.",
        "en": "The payback time is {forecast} years against the plan's {planned}.",
    },
    "followup.reason.to_date_over": {
        "da": "Til dato {variance} over plan ({share} af de planlagte beløb; tærskel 10 %).",
        "en": "To date {variance} over plan ({share} of the planned amounts; threshold 10 %).",
    },
    "followup.chart.plan": {"da": "Plan, akkumuleret", "en": "Plan, cumulative"},
    "followup.chart.actual": {"da": "Faktisk/prognose, akkumuleret", "en": "Actual/forecast, cumulative"},
    "followup.chart.variance": {"da": "Afvigelse i året", "en": "Variance in the year"},
    "followup.chart.note": {
        "da": "Kurverne er den akkumulerede samlede økonomiske påvirkning (alle midler); søjlerne årets afvigelse "
        "(faktisk − plan; + er dårligere). Efter seneste faktiske tal følger prognosen planen.",
        "en": "The curves are the cumulative total impact (all funding); the bars the year's variance (actual − plan; "
        "+ is worse). After the last actual the forecast follows the plan.",
    },
    "followup.tab.actuals": {"da": "Faktiske tal", "en": "Actuals"},
    "followup.tab.status": {"da": "Fase og status", "en": "Phase and status"},
    "followup.tab.criteria": {"da": "Succeskriterier", "en": "Success criteria"},
    "followup.no_actuals": {
        "da": "Ingen faktiske tal for casen endnu; alle linjer tæller som plan.",
        "en": "No actuals for the case yet; every line counts as plan.",
    },
    "followup.variance.note": {
        "da": "Afvigelse = faktisk − plan (+ er flere udgifter eller mindre besparelse). Linjer og år uden faktisk tal "
        "tæller som plan.",
        "en": "Variance = actual − plan (+ is more cost or less saving). Lines and years without an actual count as plan.",
    },
    "followup.entry.amount": {"da": "Faktisk beløb (1.000 kr.)", "en": "Actual amount (DKK thousand)"},
    "followup.entry.amount.help": {
        "da": "Med planens fortegn: udgifter +, besparelser − (fx -10.200). Tomt felt fjerner tallet.",
        "en": "With the plan's sign: costs +, savings − (e.g. -10.200). An empty field removes the actual.",
    },
    "followup.entry.save": {"da": "Gem faktisk beløb", "en": "Save actual"},
    "followup.actual.saved": {"da": "Faktisk beløb gemt: {line}, {year}.", "en": "Actual saved: {line}, {year}."},
    "followup.actual.removed": {"da": "Faktisk beløb fjernet: {line}, {year}.", "en": "Actual removed: {line}, {year}."},
    "followup.actual.not_number": {
        "da": "{text} er ikke et tal i dansk format (fx 1.234,5 eller -10.200); intet er ændret.",
        "en": "{text} is not a number in Danish format (e.g. 1.234,5 or -10.200); nothing has changed.",
    },
    "followup.editor": {"da": "Alle linjer og år (tabel)", "en": "Every line and year (table)"},
    "followup.editor.caption": {
        "da": "Planen øverst, dine faktiske tal nedenunder (dansk talformat; tomt: ingen faktisk tal).",
        "en": "The plan above, your actuals below (Danish number format; empty: no actual).",
    },
    "followup.editor.save": {"da": "Gem tabellen", "en": "Save the table"},
    "followup.table.saved": {"da": "{count} faktiske tal gemt for casen.", "en": "{count} actual(s) saved for the case."},
    "followup.table.bad": {
        "da": "Tabellen er ikke gemt: disse celler er ikke tal i dansk format.",
        "en": "The table is not saved: these cells are not numbers in Danish format.",
    },
    "followup.date": {"da": "Dato", "en": "Date"},
    "followup.comment": {"da": "Bemærkning", "en": "Comment"},
    "followup.comment.help": {
        "da": "Påkrævet, når du vælger en anden status end den foreslåede: skriv hvorfor.",
        "en": "Required when you choose another status than the suggested one: say why.",
    },
    "followup.status.save": {"da": "Gem fase og status", "en": "Save phase and status"},
    "followup.status.saved": {"da": "Fase og status gemt for {case}.", "en": "Phase and status saved for {case}."},
    "followup.status.reason": {
        "da": "Du har valgt en anden status end den foreslåede: skriv begrundelsen i bemærkningen. Intet er gemt.",
        "en": "You chose another status than the suggested one: give the reason in the comment. Nothing was saved.",
    },
    "followup.no_criteria": {
        "da": "Casen har ingen succeskriterier (afsnit 9) i sin fil.",
        "en": "The case file has no success criteria (section 9).",
    },
    "followup.measure.value": {"da": "Værdi", "en": "Value"},
    "followup.measure.kind": {"da": "Type", "en": "Kind"},
    "followup.kind.measurement": {"da": "Måling", "en": "Measurement"},
    "followup.kind.baseline": {"da": "Baseline", "en": "Baseline"},
    "followup.measure.save": {"da": "Gem måling", "en": "Save measurement"},
    "followup.measurement.saved": {"da": "Måling gemt for {case}.", "en": "Measurement saved for {case}."},
    # --- Kontrol (app_pages/audit.py) ------------------------------------------------------------
    "audit.title": {"da": "Kontrol af dokumenternes tal", "en": "Audit of the documents' figures"},
    "audit.caption": {
        "da": "Hvert trykt tal sammenlignet med det, motoren beregner ud fra forudsætningerne, og med dokumentets "
        "egne summer. Forskelle inden for afrunding (±1 t.kr.) er udeladt. Forskel = trykt − beregnet.",
        "en": "Every printed figure against what the engine computes from the assumptions, and against the "
        "document's own sums. Gaps within rounding (±1k) are left out. Difference = printed − computed.",
    },
    "audit.use_current": {"da": "Brug mine forudsætninger", "en": "Use my assumptions"},
    "audit.use_current.help": {
        "da": "Sammenlign de trykte tal med casene, som du har ændret dem, i stedet for med dokumenternes forudsætninger.",
        "en": "Compare the printed figures with the cases as you changed them, instead of with the documents' assumptions.",
    },
    "audit.none": {
        "da": "Ingen fund: alle trykte tal stemmer inden for ±1 t.kr.",
        "en": "No findings: every printed figure reconciles within ±1k.",
    },
    "audit.no_overview": {
        "da": "Der er ingen overview.yaml med oversigtssidens tal.",
        "en": "There is no overview.yaml with the overview page's figures.",
    },
    "audit.col.table": {"da": "Tabel", "en": "Table"},
    "audit.col.year": {"da": "År", "en": "Year"},
    "audit.col.reported": {"da": "Trykt", "en": "Printed"},
    "audit.col.computed": {"da": "Beregnet", "en": "Computed"},
    "audit.col.difference": {"da": "Forskel", "en": "Difference"},
    "audit.col.check": {"da": "Kontrol", "en": "Check"},
    "audit.check.value": {"da": "Tal mod beregning", "en": "Figure vs. computation"},
    "audit.check.row_total": {"da": "Rækkens I alt", "en": "Row total"},
    "audit.check.column_sum": {"da": "Sum af rækker", "en": "Sum of rows"},
    "audit.check.same_rows": {"da": "Samme tal to steder", "en": "Same figure twice"},
    "audit.check.drivers": {"da": "Tekstens forudsætninger", "en": "The text's drivers"},
    "audit.check.payback": {"da": "Tilbagebetalingstid", "en": "Payback time"},
    "audit.check.overview": {"da": "Oversigtssiden", "en": "Overview page"},
    "audit.table.section1": {"da": "Afsnit 1", "en": "Section 1"},
    "audit.table.table1": {"da": "Tabel 1", "en": "Table 1"},
    "audit.table.table2": {"da": "Tabel 2", "en": "Table 2"},
    "audit.table.table3": {"da": "Tabel 3", "en": "Table 3"},
    "audit.table.overview": {"da": "Oversigt", "en": "Overview"},
    # --- Kontrol grouped by cause (app_pages/audit.py, ui/audit_view.py) ------------------------------
    "audit.slips": {"da": "Regnefejl i dokumenterne", "en": "Slips in the documents"},
    "audit.slips.help": {
        "da": "Hvert trykt tal, der burde være et andet, tælles én gang, uanset hvor mange celler og kontroller det ses i.",
        "en": "Each printed figure that should be another counts once, however many cells and checks it shows up in.",
    },
    "audit.notes": {"da": "Tekst mod tabeller", "en": "Text against tables"},
    "audit.notes.help": {
        "da": "Tal, som dokumentets tekst nævner, men som tabellerne ikke bygger på.",
        "en": "Figures the document's text states that its tables do not use.",
    },
    "audit.notes.caption": {
        "da": "Beregningen følger tabellerne; her er, hvad tekstens tal ville give i de trykte celler.",
        "en": "The computation follows the tables; here is what the text's figures would give in the printed cells.",
    },
    "audit.slip.title": {
        "da": "{case} · {table} · {line} ({years}): trykt {printed}, korrekt {correct} — ses i {count} celle(r)",
        "en": "{case} · {table} · {line} ({years}): printed {printed}, correct {correct} — shows up in {count} cell(s)",
    },
    "audit.note.part": {
        "da": "{label}: teksten siger {stated} {unit}, tabellerne bygger på {implied} {unit}",
        "en": "{label}: the text says {stated} {unit}, the tables use {implied} {unit}",
    },
    "audit.note.title": {"da": "{case} · {parts} — {count} celle(r)", "en": "{case} · {parts} — {count} cell(s)"},
    "audit.col.text": {"da": "Med tekstens tal", "en": "With the text's figure"},
    "audit.clean": {
        "da": "Ingen fund i {cases}: alle trykte tal stemmer inden for ±1 t.kr.",
        "en": "No findings in {cases}: every printed figure reconciles within ±1k.",
    },
    "audit.no_reported_cases": {
        "da": "Uden trykte tal at kontrollere: {cases}.",
        "en": "No printed figures to check: {cases}.",
    },
    # --- Beslutningsnotat (ui/memo.py; Business case, Sammenlign) ------------------------------------------
    "memo.title": {"da": "Beslutningsnotat", "en": "Decision memo"},
    "memo.caption": {
        "da": "Notatet til udvalget: resumé, nøgletal, afsnit 1 og tabel 1-3, ændrede forudsætninger med begrundelse, "
        "figurer, følsomhed og kontrol af dokumentets tal – med tallene, som de står nu. Notatet er på dansk.",
        "en": "The memo for the committee: summary, key figures, section 1 and tables 1-3, changed assumptions with "
        "their reasons, charts, sensitivity and the audit of the document's figures, as the figures stand now. "
        "The memo is in Danish.",
    },
    "memo.docx": {"da": "Hent notat (Word)", "en": "Download memo (Word)"},
    "memo.help": {
        "da": "Word-dokumentet bygges, når du klikker (et par sekunder).",
        "en": "The Word document is built when you click (a few seconds).",
    },
    "memo.pdf": {"da": "Hent notat (PDF)", "en": "Download memo (PDF)"},
    "memo.make_pdf": {"da": "Lav PDF", "en": "Make PDF"},
    "memo.make_pdf.help": {
        "da": "LibreOffice omsætter Word-dokumentet til PDF; det tager op til et halvt minut.",
        "en": "LibreOffice converts the Word document to PDF; it takes up to half a minute.",
    },
    "memo.making_pdf": {"da": "Laver PDF …", "en": "Making the PDF …"},
    "memo.pdf_failed": {
        "da": "PDF'en kunne ikke laves; Word-dokumentet virker.",
        "en": "The PDF could not be made; the Word document works.",
    },
    "memo.no_pdf": {
        "da": "PDF kræver LibreOffice, som ikke er installeret på serveren; Word-dokumentet virker.",
        "en": "PDF needs LibreOffice, which is not installed on the server; the Word document works.",
    },
    # --- Portefølje (app_pages/portfolio.py, ui/portfolio.py) ---------------------------------------
    "page.portfolio": {"da": "Portefølje", "en": "Portfolio"},
    "portfolio.title": {"da": "Portefølje: hvilke cases skal finansieres?", "en": "Portfolio: which cases to fund?"},
    "portfolio.intro": {
        "da": "Det bedste valg af cases under puljernes budgetter, hvor en case kun vælges sammen med de cases, den "
        "forudsætter, og højst én af hver gruppe alternativer. Valget er eksakt (et heltalsprogram løst med HiGHS) og "
        "bruger casene med dine ændrede forudsætninger.",
        "en": "The best choice of cases under the pools' budgets, where a case is only funded together with the cases "
        "it requires, and at most one of each group of alternatives. The choice is exact (an integer programme solved "
        "with HiGHS) and uses the cases with your changed assumptions.",
    },
    "portfolio.none": {"da": "Vælg mindst én case.", "en": "Pick at least one case."},
    "portfolio.cases": {"da": "Cases at vælge imellem", "en": "Cases to choose among"},
    "portfolio.cases.help": {
        "da": "Som standard oversigtens cases. En variant (fx I4-v1) er et alternativ til sin case.",
        "en": "By default the overview's cases. A variant (e.g. I4-v1) is an alternative to its case.",
    },
    "portfolio.changed": {
        "da": "Med dine ændrede forudsætninger i {cases}.",
        "en": "With your changed assumptions in {cases}.",
    },
    "portfolio.objective": {"da": "Mål", "en": "Objective"},
    "portfolio.objective.help": {
        "da": "Hvad valget gør så stort som muligt: nutidsværdien af nettobesparelserne (i basisåret), den varige "
        "nettobesparelse eller de frigjorte årsværk.",
        "en": "What the choice makes as large as possible: the NPV of the net savings (on the base year), the "
        "permanent net saving, or the FTE freed.",
    },
    "portfolio.objective.npv": {"da": "Nutidsværdi", "en": "NPV"},
    "portfolio.objective.net_permanent": {"da": "Varig effektivisering netto", "en": "Net permanent effect"},
    "portfolio.objective.fte": {"da": "Årsværk frigjort", "en": "FTE freed"},
    "portfolio.max_payback": {"da": "Højeste tilbagebetalingstid", "en": "Maximum payback time"},
    "portfolio.max_payback.none": {"da": "Ingen grænse", "en": "No limit"},
    "portfolio.max_payback.help": {
        "da": "En case skal være tilbagebetalt inden for grænsen sammen med de cases, den forudsætter; en case uden "
        "tilbagebetaling (fx en grundinvestering) kan stadig vælges som forudsætning for en case, der er.",
        "en": "A case must pay back within the limit together with the cases it requires; a case that never pays "
        "back (e.g. a foundation investment) may still be funded as the prerequisite of one that does.",
    },
    "portfolio.budgets": {"da": "Budgetter", "en": "Budgets"},
    "portfolio.budgets.help": {
        "da": "1.000 kr. pr. pulje, i alt over årene eller pr. år. Et nyt loft starter ved det, alle casene skal bruge.",
        "en": "DKK thousand per pool, in total over the years or per year. A new limit starts at what all the cases need.",
    },
    "portfolio.pool.service": {"da": "Drift (investeringspuljen)", "en": "Service (investment pool)"},
    "portfolio.pool.innovation": {"da": "Innovationspuljen", "en": "Innovation pool"},
    "portfolio.pool.anlaeg": {"da": "Anlæg", "en": "Capital (anlæg)"},
    "portfolio.mode.none": {"da": "Ingen grænse", "en": "No limit"},
    "portfolio.mode.total": {"da": "I alt", "en": "Total"},
    "portfolio.mode.year": {"da": "Pr. år", "en": "Per year"},
    "portfolio.budget.total": {"da": "Loft i alt (1.000 kr.)", "en": "Total limit (DKK thousand)"},
    "portfolio.budget.year": {"da": "Loft {year} (1.000 kr.)", "en": "Limit {year} (DKK thousand)"},
    "portfolio.prerequisites": {"da": "Forudsætninger og alternativer", "en": "Prerequisites and alternatives"},
    "portfolio.prerequisites.help": {
        "da": "Fra case-filerne (I4 forudsætter I1, med dokumentets ord). Ændringer her gælder i denne session. Cases "
        "med samme gruppenavn er alternativer: højst én vælges.",
        "en": "From the case files (I4 requires I1, in the document's words). Changes here last for this session. "
        "Cases with the same group name are alternatives: at most one is funded.",
    },
    "portfolio.requires": {"da": "{case} forudsætter", "en": "{case} requires"},
    "portfolio.group": {"da": "Alternativgruppe", "en": "Alternative group"},
    "portfolio.requires.source": {"da": "Kilde: {source}", "en": "Source: {source}"},
    "portfolio.prerequisite_error": {
        "da": "Forudsætningerne kan ikke opfyldes; ret dem ovenfor:",
        "en": "The prerequisites cannot be met; correct them above:",
    },
    "portfolio.choice_error": {
        "da": "Casene kan ikke lægges sammen; fjern dem, der ikke passer, fra listen øverst:",
        "en": "The cases cannot be added up; remove those that do not fit from the list at the top:",
    },
    "portfolio.answer": {"da": "Svaret", "en": "The answer"},
    "portfolio.chosen": {"da": "Valgte cases", "en": "Cases funded"},
    "portfolio.base_year": {"da": "Basisår for nutidsværdier", "en": "Base year of the NPVs"},
    "portfolio.empty": {
        "da": "Ingen case kan finansieres under disse budgetter; se hvorfor i tabellen.",
        "en": "No case can be funded under these budgets; the table says why.",
    },
    "portfolio.answer.caption": {
        "da": "1.000 kr.; udgifter +, besparelser −. Nutidsværdier diskonteret til {year}: en case, der starter "
        "senere, diskonteres tilbage.",
        "en": "DKK thousand; costs +, savings −. NPVs discounted to {year}: a case starting later is discounted back.",
    },
    "portfolio.yes": {"da": "Ja", "en": "Yes"},
    "portfolio.no": {"da": "Nej", "en": "No"},
    "portfolio.col.chosen": {"da": "Valgt", "en": "Funded"},
    "portfolio.col.npv_base": {"da": "Nutidsværdi ({year})", "en": "NPV ({year})"},
    "portfolio.col.innovation": {"da": "Innovationspulje", "en": "Innovation pool"},
    "portfolio.col.reason": {"da": "Hvorfor ikke", "en": "Why not"},
    "portfolio.col.pool": {"da": "Pulje", "en": "Pool"},
    "portfolio.col.limit": {"da": "Loft", "en": "Limit"},
    "portfolio.col.used": {"da": "Brugt", "en": "Used"},
    "portfolio.col.left": {"da": "Tilbage", "en": "Left"},
    "portfolio.col.binding": {"da": "Bindende", "en": "Binding"},
    "portfolio.col.bundle": {"da": "Pakke", "en": "Bundle"},
    "portfolio.col.change": {"da": "Ændring", "en": "Change"},
    "portfolio.col.value": {"da": "Værdi", "en": "Value"},
    "portfolio.col.gain": {"da": "Gevinst", "en": "Gain"},
    "portfolio.no_limit": {"da": "ingen grænse", "en": "no limit"},
    "portfolio.no_change": {"da": "ingen ændring", "en": "no change"},
    "portfolio.budget_use": {"da": "Budgetforbrug", "en": "Budget use"},
    "portfolio.bundles": {"da": "Pakker: en case med sine forudsætninger", "en": "Bundles: a case with its prerequisites"},
    "portfolio.bundles.caption": {
        "da": "Casene lagt sammen år for år til én pengestrøm og regnet som én case.",
        "en": "The cases added year by year into one flow series and evaluated as one case.",
    },
    "portfolio.next_million": {"da": "Den næste 1 mio. kr.", "en": "The next DKK 1 million"},
    "portfolio.download": {"da": "Hent valget (Excel)", "en": "Download the choice (Excel)"},
    "portfolio.reason.payback": {
        "da": "Tilbagebetalingstid over grænsen: {years} (grænse {limit} år)",
        "en": "Payback limit: {years} (limit {limit} years)",
    },
    "portfolio.reason.never": {"da": "aldrig", "en": "never"},
    "portfolio.reason.alternative": {"da": "Alternativ valgt: {cases}", "en": "Alternative funded: {cases}"},
    "portfolio.reason.prerequisite": {"da": "Forudsætning ikke valgt: {cases}", "en": "Prerequisite not funded: {cases}"},
    "portfolio.reason.no_value": {"da": "Tilfører intet: {objective} {value}", "en": "Adds no value: {objective} {value}"},
    "portfolio.reason.budget": {
        "da": "Budget: {where} ville blive {needed} (loft {limit})",
        "en": "Budget: {where} would be {needed} (limit {limit})",
    },
    "portfolio.reason.with": {"da": " med forudsætning(er) {cases}", "en": " with prerequisite(s) {cases}"},
    # --- Excel of the shown tables (Sammenlign, Følsomhed) ---------------------------------------------
    "export.xlsx_tables": {"da": "Hent tabellerne (Excel)", "en": "Download the tables (Excel)"},
    "export.xlsx_tables.help": {
        "da": "Tabellerne, som de står her: tal som tal, afrundet som vist.",
        "en": "The tables as shown here: figures as numbers, rounded as shown.",
    },
    "compare.file_stem": {"da": "sammenligning", "en": "comparison"},
    "sens.file_stem": {"da": "foelsomhed", "en": "sensitivity"},
    # --- Følsomhed (app_pages/sensitivity.py) ----------------------------------------------------
    "sens.title": {"da": "Følsomhed og usikkerhed", "en": "Sensitivity and uncertainty"},
    "sens.caption": {
        "da": "Hvor meget afhænger casens nøgletal af hver forudsætning? Tornado, nulpunktsværdier, Monte Carlo-simulering "
        "og optimismetillæg, beregnet på casen med dine forudsætninger. Beløb i 1.000 kr.; udgifter +, besparelser −.",
        "en": "How much do the case's key figures depend on each assumption? Tornado, switching values, Monte Carlo "
        "simulation and optimism bias, computed on the case with your assumptions. DKK thousand; costs +, savings −.",
    },
    "sens.changed_values": {
        "da": "Bygger på dine ændrede forudsætninger ({count} ændret på siden Business case).",
        "en": "Uses your changed assumptions ({count} changed on the Business case page).",
    },
    "sens.without_bias": {"da": "Uden optimismetillæg", "en": "Without optimism bias"},
    "sens.with_bias": {"da": "Med optimismetillæg", "en": "With optimism bias"},
    "sens.use_bias": {"da": "Analysér med optimismetillæg", "en": "Analyse with optimism bias"},
    "sens.use_bias.help": {
        "da": "Kør tornado, nulpunktsværdier og Monte Carlo på casen med optimismetillæg (se fanen Optimismetillæg).",
        "en": "Run the tornado, switching values and Monte Carlo on the case with optimism bias (see the Optimism bias tab).",
    },
    "sens.kpi": {"da": "Nøgletal og tærskel", "en": "Key figure and threshold"},
    "sens.unit.years": {"da": "år", "en": "years"},
    "sens.threshold.net_permanent": {"da": "varig effektivisering netto ≤ {limit}", "en": "net permanent effect ≤ {limit}"},
    "sens.threshold.payback": {"da": "tilbagebetalingstid ≤ {limit}", "en": "payback time ≤ {limit}"},
    "sens.threshold.npv": {"da": "nutidsværdi ≥ {limit}", "en": "NPV ≥ {limit}"},
    "sens.threshold.net_permanent.label": {
        "da": "Tærskel: varig effektivisering netto højst (1.000 kr.)",
        "en": "Threshold: net permanent effect at most (DKK thousand)",
    },
    "sens.threshold.payback.label": {
        "da": "Tærskel: tilbagebetalingstid højst (år)",
        "en": "Threshold: payback time at most (years)",
    },
    "sens.threshold.npv.label": {"da": "Tærskel: nutidsværdi mindst (1.000 kr.)", "en": "Threshold: NPV at least (DKK thousand)"},
    "sens.threshold.net_permanent.help": {
        "da": "Casen opfylder tærsklen, når den varige effektivisering netto (udgifter +, besparelser −) er højst dette "
        "beløb; 0 betyder, at den skal spare penge.",
        "en": "The case meets the threshold when its net permanent effect (costs +, savings −) is at most this amount; "
        "0 means it must save money.",
    },
    "sens.threshold.payback.help": {
        "da": "Casen opfylder tærsklen, når tilbagebetalingstiden i hele år (som i dokumenterne) er højst dette antal år.",
        "en": "The case meets the threshold when its payback time in whole years (as in the documents) is at most this.",
    },
    "sens.threshold.npv.help": {
        "da": "Casen opfylder tærsklen, når nutidsværdien af nettobesparelserne er mindst dette beløb.",
        "en": "The case meets the threshold when the NPV of its net savings is at least this amount.",
    },
    "sens.tab.tornado": {"da": "Tornado", "en": "Tornado"},
    "sens.tab.switching": {"da": "Nulpunktsværdier", "en": "Switching values"},
    "sens.tab.mc": {"da": "Monte Carlo", "en": "Monte Carlo"},
    "sens.tab.ranges": {"da": "Intervaller", "en": "Ranges"},
    "sens.tab.bias": {"da": "Optimismetillæg", "en": "Optimism bias"},
    "sens.tornado.caption.net_permanent": {
        "da": "Varig effektivisering netto, når én forudsætning ad gangen sættes til sin lave og sin høje værdi og de "
        "øvrige står på basis ({base}). Størst udsving øverst.",
        "en": "Net permanent effect with one assumption at a time at its low and its high value, the others at base "
        "({base}). Largest swing first.",
    },
    "sens.tornado.caption.payback": {
        "da": "Tilbagebetalingstid med sidste år interpoleret (basis {base}), når én forudsætning ad gangen sættes til sin "
        "lave og sin høje værdi; i parentes hele år som i dokumenterne. Størst udsving øverst.",
        "en": "Payback time with the last year interpolated (base {base}), one assumption at a time at its low and its "
        "high value; whole years as in the documents in brackets. Largest swing first.",
    },
    "sens.tornado.caption.npv": {
        "da": "Nutidsværdi, når én forudsætning ad gangen sættes til sin lave og sin høje værdi og de øvrige står på "
        "basis ({base}). Størst udsving øverst.",
        "en": "NPV with one assumption at a time at its low and its high value, the others at base ({base}). Largest "
        "swing first.",
    },
    "sens.tornado.none": {
        "da": "Ingen forudsætning flytter dette nøgletal inden for sit interval.",
        "en": "No assumption moves this key figure within its range.",
    },
    "sens.tornado.no_finite": {
        "da": "En formel giver intet endeligt beløb i en af enderne (division med nul?).",
        "en": "A formula gives no finite amount at one of the ends (division by zero?).",
    },
    "sens.end.low": {"da": "lav", "en": "low"},
    "sens.end.high": {"da": "høj", "en": "high"},
    "sens.end.at_low": {"da": "Lav værdi", "en": "Low value"},
    "sens.end.at_high": {"da": "Høj værdi", "en": "High value"},
    "sens.col.assumption": {"da": "Forudsætning", "en": "Assumption"},
    "sens.col.unit": {"da": "Enhed", "en": "Unit"},
    "sens.col.low": {"da": "Lav", "en": "Low"},
    "sens.col.base": {"da": "Basis", "en": "Base"},
    "sens.col.high": {"da": "Høj", "en": "High"},
    "sens.col.range": {"da": "Interval", "en": "Range"},
    "sens.col.end": {"da": "Ende", "en": "End"},
    "sens.col.value": {"da": "Værdi", "en": "Value"},
    "sens.col.at_low": {"da": "Nøgletal ved lav", "en": "Key figure at low"},
    "sens.col.at_high": {"da": "Nøgletal ved høj", "en": "Key figure at high"},
    "sens.col.swing": {"da": "Udsving", "en": "Swing"},
    "sens.col.note": {"da": "Bemærkning", "en": "Note"},
    "sens.col.switch": {"da": "Nulpunktsværdi", "en": "Switching value"},
    "sens.col.change": {"da": "Ændring fra basis", "en": "Change from base"},
    "sens.col.grade": {"da": "Sikkerhed", "en": "Confidence"},
    "sens.na": {"da": "i.r.", "en": "n/a"},
    "sens.never": {"da": "aldrig", "en": "never"},
    "sens.switch.meets": {
        "da": "Med dine forudsætninger opfylder casen tærsklen {threshold} ({value}). Nulpunktsværdien er den værdi af én "
        "forudsætning (de øvrige på basis), hvor casen holder op med at opfylde den.",
        "en": "With your assumptions the case meets the threshold {threshold} ({value}). The switching value is the value "
        "of one assumption (the others at base) at which it stops meeting it.",
    },
    "sens.switch.fails": {
        "da": "Med dine forudsætninger opfylder casen ikke tærsklen {threshold} ({value}). Nulpunktsværdien er den værdi "
        "af én forudsætning (de øvrige på basis), hvor casen begynder at opfylde den.",
        "en": "With your assumptions the case does not meet the threshold {threshold} ({value}). The switching value is "
        "the value of one assumption (the others at base) at which it starts to meet it.",
    },
    "sens.switch.none_found": {
        "da": "Ingen enkelt forudsætning kan inden for et bredt interval ændre, om casen opfylder {threshold}; se "
        "bemærkningerne.",
        "en": "No single assumption within a wide bracket changes whether the case meets {threshold}; see the notes.",
    },
    "sens.switch.checked": {"da": "kontrolleret ved genberegning", "en": "checked by re-evaluation"},
    "sens.switch.unchecked": {"da": "ikke bekræftet ved genberegning", "en": "not confirmed by re-evaluation"},
    "sens.switch.other": {"da": "også ved {value}", "en": "also at {value}"},
    "sens.switch.method": {
        "da": "Fundet med rodsøgning (Brent) i et bredt interval, basis ± 10 gange værdien eller intervallets bredde "
        "(inden for forudsætningens mindste og største værdi), og kontrolleret ved at genberegne lige på hver side. "
        "Afrundede formler giver trin; nulpunktsværdien er da trinnets kant.",
        "en": "Found by root finding (Brent) in a wide bracket, base ± 10 times the value or the range's width (within "
        "the assumption's smallest and largest value), and checked by re-evaluating just either side. Rounded formulas "
        "make steps; the switching value is then the step's edge.",
    },
    "sens.reason.base_invalid": {
        "da": "i.r.: casen giver ingen endelige tal med basisværdierne",
        "en": "n/a: the case gives no finite figures at its base values",
    },
    "sens.reason.no_effect": {
        "da": "i.r.: nøgletallet afhænger ikke af denne forudsætning",
        "en": "n/a: the key figure does not depend on this assumption",
    },
    "sens.reason.no_crossing": {
        "da": "i.r.: ingen værdi fra {low} til {high} ændrer udfaldet",
        "en": "n/a: no value from {low} to {high} changes the outcome",
    },
    "sens.reason.non_finite": {
        "da": "i.r.: en formel giver intet endeligt beløb ved {at} (division med nul?), før udfaldet ændres",
        "en": "n/a: a formula gives no finite amount at {at} (division by zero?) before the outcome changes",
    },
    "sens.reason.not_verified": {
        "da": "i.r.: rodsøgningen fandt intet skift, som genberegningen bekræfter",
        "en": "n/a: the root finder found no change that re-evaluation confirms",
    },
    "sens.mc.distribution": {"da": "Fordeling", "en": "Distribution"},
    "sens.mc.distribution.help": {
        "da": "Hver forudsætning trækkes uafhængigt mellem sin lave og høje værdi med basis som den mest sandsynlige. "
        "PERT samler trækkene tættere om basis end trekantsfordelingen.",
        "en": "Each assumption is drawn independently between its low and high value with the base as the most likely. "
        "PERT keeps the draws closer to the base than the triangular distribution.",
    },
    "sens.mc.pert": {"da": "Beta-PERT", "en": "Beta-PERT"},
    "sens.mc.triangular": {"da": "Trekant", "en": "Triangular"},
    "sens.mc.draws": {"da": "Antal træk (N)", "en": "Number of draws (N)"},
    "sens.mc.draws.help": {"da": "Fra 1 til {most}; 10.000 er standard.", "en": "From 1 to {most}; 10.000 is the default."},
    "sens.mc.seed": {"da": "Seed", "en": "Seed"},
    "sens.mc.seed.help": {
        "da": "Startværdien for tilfældighedsgeneratoren: samme seed giver samme resultat.",
        "en": "The random generator's starting value: the same seed gives the same result.",
    },
    "sens.mc.new_seed": {"da": "Ny seed", "en": "New seed"},
    "sens.mc.progress": {"da": "Simulerer: {done} af {n} træk", "en": "Simulating: {done} of {n} draws"},
    "sens.mc.summary": {
        "da": "{n} træk, {distribution}, seed {seed}. Alle træk beregnes i samme formler som casen, 10.000 ad gangen.",
        "en": "{n} draws, {distribution}, seed {seed}. Every draw goes through the case's own formulas, 10.000 at a time.",
    },
    "sens.mc.invalid": {
        "da": "{count} af {n} træk gav intet endeligt beløb (division med nul?) og er udeladt af tallene nedenfor.",
        "en": "{count} of {n} draws gave no finite amount (division by zero?) and are left out of the figures below.",
    },
    "sens.mc.probability": {"da": "Sandsynlighed for {threshold}", "en": "Probability of {threshold}"},
    "sens.mc.never": {
        "da": "{share} af trækkene tilbagebetales aldrig (de tæller som “aldrig” i P-værdierne).",
        "en": "{share} of the draws never pay back (they count as “never” in the percentiles).",
    },
    "sens.mc.mean": {"da": "Middel", "en": "Mean"},
    "sens.mc.deterministic": {"da": "Deterministisk", "en": "Deterministic"},
    "sens.mc.percentile_note": {
        "da": "P10, P50 og P90: 10 %, 50 % og 90 % af trækkene ligger på eller under værdien. Tilbagebetalingstiden er "
        "med sidste år interpoleret; sandsynligheden for tilbagebetaling regnes i hele år.",
        "en": "P10, P50 and P90: 10 %, 50 % and 90 % of the draws are at or below the value. Payback time has its last "
        "year interpolated; the probability of payback counts whole years.",
    },
    "sens.mc.no_histogram": {"da": "Ingen endelige træk at vise.", "en": "No finite draws to show."},
    # --- domain: correlation in Monte Carlo ---
    "sens.corr.title": {"da": "Korrelation mellem to antagelser", "en": "Correlation between two assumptions"},
    "sens.corr.caption": {
        "da": "To antagelser, der følger hinanden (fx borgere og timer pr. borger), giver en bredere spredning end "
        "uafhængige træk. Vælg to antagelser og en rangkorrelation ρ (Spearman, mellem −0,99 og 0,99); samme seed, "
        "antal træk og fordeling som ovenfor (Gauss-copula).",
        "en": "Two assumptions that move together (e.g. citizens and hours per citizen) spread the result more than "
        "independent draws. Choose two assumptions and a rank correlation ρ (Spearman, from −0,99 to 0,99); the same "
        "seed, draws and distribution as above (Gaussian copula).",
    },
    "sens.corr.a": {"da": "Antagelse 1", "en": "Assumption 1"},
    "sens.corr.b": {"da": "Antagelse 2", "en": "Assumption 2"},
    "sens.corr.rho": {"da": "ρ", "en": "ρ"},
    "sens.corr.rho.help": {
        "da": "Rangkorrelation fra −0,99 til 0,99; 0 er uafhængige træk.",
        "en": "Rank correlation from −0,99 to 0,99; 0 is independent draws.",
    },
    "sens.corr.same": {"da": "Vælg to forskellige antagelser.", "en": "Choose two different assumptions."},
    "sens.corr.zero": {
        "da": "ρ = 0: trækkene er uafhængige, som i tabellen ovenfor. Skriv en anden ρ for at sammenligne.",
        "en": "ρ = 0: the draws are independent, as in the table above. Type another ρ to compare.",
    },
    "sens.corr.too_few": {
        "da": "Casen har færre end to antagelser med et interval.",
        "en": "The case has fewer than two assumptions with a range.",
    },
    "sens.corr.col.figure": {"da": "Nøgletal", "en": "Key figure"},
    "sens.corr.col.rho": {"da": "ρ", "en": "ρ"},
    "sens.corr.col.width": {"da": "P90 − P10", "en": "P90 − P10"},
    "sens.ask.portfolio": {"da": "Simulér porteføljen", "en": "Simulate the portfolio"},
    "sens.port.title": {"da": "Porteføljen: delte drivere", "en": "The portfolio: shared drivers"},
    "sens.port.caption": {
        "da": "Casene i oversigten simuleret sammen: en antagelse med samme navn, enhed og interval i flere cases "
        "(fx timeprisen i I3, I4 og I5) trækkes én gang pr. træk og bruges af dem alle, mod hver case trukket for sig. "
        "Samme seed, antal træk og fordeling som ovenfor.",
        "en": "The cases in the overview simulated together: an assumption with the same name, unit and range in "
        "several cases (e.g. the hourly rate of I3, I4 and I5) is drawn once per draw and used by all of them, against "
        "each case drawn on its own. The same seed, draws and distribution as above.",
    },
    "sens.port.too_few": {
        "da": "Tag mindst to cases med i oversigten for at simulere porteføljen.",
        "en": "Include at least two cases in the overview to simulate the portfolio.",
    },
    "sens.port.col.how": {"da": "Træk", "en": "Draws"},
    "sens.port.apart": {"da": "hver case for sig", "en": "each case on its own"},
    "sens.port.shared": {"da": "delte drivere", "en": "shared drivers"},
    "sens.port.npv": {"da": "Nutidsværdi (1.000 kr.)", "en": "NPV (DKK thousand)"},
    "sens.port.net_permanent": {
        "da": "Varig effektivisering netto (1.000 kr.)",
        "en": "Net permanent effect (DKK thousand)",
    },
    "sens.port.fte_full": {"da": "Årsværk frigjort (brutto)", "en": "FTE freed (gross)"},
    "sens.port.none_shared": {"da": "ingen", "en": "none"},
    "sens.port.result": {
        "da": "Cases: {cases}. Delte drivere: {shared}. {n} træk, seed {seed}.",
        "en": "Cases: {cases}. Shared drivers: {shared}. {n} draws, seed {seed}.",
    },
    "sens.corr.result": {
        "da": "ρ = {rho} mellem {a} og {b} (opnået i trækkene: {achieved}); {n} træk, seed {seed}. 1.000 kr.",
        "en": "ρ = {rho} between {a} and {b} (achieved in the draws: {achieved}); {n} draws, seed {seed}. 1.000 kr.",
    },
    "sens.mc.share": {"da": "Andel af træk", "en": "Share of draws"},
    "sens.mc.from": {"da": "Fra", "en": "From"},
    "sens.mc.to": {"da": "Til", "en": "To"},
    "sens.range.caption": {
        "da": "Hver forudsætning har en lav, en basis- og en høj værdi. Hvor casen ikke angiver et interval, bruges "
        "±20 % af værdien (markeret *), afskåret ved forudsætningens mindste og største værdi.",
        "en": "Each assumption has a low, a base and a high value. Where the case gives no range, ±20 % of the value is "
        "used (marked *), cut at the assumption's smallest and largest value.",
    },
    "sens.range.legend": {
        "da": "* standardinterval ±20 % (casen angiver intet interval).",
        "en": "* default range ±20 % (the case gives none).",
    },
    "sens.range.fixed": {"da": "fast (indgår ikke)", "en": "fixed (not varied)"},
    "sens.range.user": {"da": "sat af dig", "en": "set by you"},
    "sens.range.default": {"da": "standard ±20 %", "en": "default ±20 %"},
    "sens.range.partly_default": {"da": "case-fil og standard ±20 %", "en": "case file and default ±20 %"},
    "sens.range.case": {"da": "case-fil", "en": "case file"},
    "sens.range.clipped": {"da": "afskåret ved mindste/største værdi", "en": "cut at the smallest/largest value"},
    "sens.range.edit": {"da": "Ret et interval", "en": "Change a range"},
    "sens.range.pick": {"da": "Forudsætning", "en": "Assumption"},
    "sens.range.blank_help": {
        "da": "Skriv tal på dansk (1.234,5). Tomt felt: standard ±20 %.",
        "en": "Type numbers the Danish way (1.234,5). Empty: the default ±20 %.",
    },
    "sens.range.save": {"da": "Gem interval", "en": "Save range"},
    "sens.range.reset": {"da": "Tilbage til casens", "en": "Back to the case's"},
    "sens.range.not_number": {
        "da": "Ikke et tal i dansk format (fx 1.234,5 eller 23,4); intet er ændret.",
        "en": "Not a number in Danish format (e.g. 1.234,5 or 23,4); nothing has changed.",
    },
    "sens.range.problem.fixed": {
        "da": "Casen holder denne forudsætning fast; den får intet interval.",
        "en": "The case holds this assumption fixed; it takes no range.",
    },
    "sens.range.problem.not_finite": {
        "da": "Den {end} værdi skal være et endeligt tal.",
        "en": "The {end} value must be a finite number.",
    },
    "sens.range.problem.below_minimum": {
        "da": "Den {end} værdi {value} er under den mindste mulige, {limit}; intet er ændret.",
        "en": "The {end} value {value} is below the smallest possible, {limit}; nothing has changed.",
    },
    "sens.range.problem.above_maximum": {
        "da": "Den {end} værdi {value} er over den største mulige, {limit}; intet er ændret.",
        "en": "The {end} value {value} is above the largest possible, {limit}; nothing has changed.",
    },
    "sens.range.problem.low_above_high": {
        "da": "Lav ({low}) er større end høj ({high}); intet er ændret.",
        "en": "Low ({low}) is greater than high ({high}); nothing has changed.",
    },
    "sens.range.problem.low_above_base": {
        "da": "Lav ({low}) er større end basisværdien ({base}); intet er ændret.",
        "en": "Low ({low}) is greater than the base value ({base}); nothing has changed.",
    },
    "sens.range.problem.high_below_base": {
        "da": "Høj ({high}) er mindre end basisværdien ({base}); intet er ændret.",
        "en": "High ({high}) is less than the base value ({base}); nothing has changed.",
    },
    "sens.range.stale": {
        "da": "Dine intervaller for {names} passer ikke længere til de ændrede værdier; standardintervallet bruges.",
        "en": "Your ranges for {names} no longer fit the changed values; the default range is used.",
    },
    "sens.grade.high": {"da": "Høj sikkerhed", "en": "High confidence"},
    "sens.grade.medium": {"da": "Middel sikkerhed", "en": "Medium confidence"},
    "sens.grade.low": {"da": "Lav sikkerhed", "en": "Low confidence"},
    "sens.bias.caption": {
        "da": "Optimismetillæg efter linjens sikkerhed: udgifter forhøjes og besparelser reduceres med procenterne "
        "nedenfor, år for år.",
        "en": "Optimism bias by each line's confidence: costs are raised and savings reduced by the percentages below, "
        "year by year.",
    },
    "sens.bias.cost": {"da": "Tillæg til udgifter (%)", "en": "Cost uplift (%)"},
    "sens.bias.saving": {"da": "Fradrag i besparelser (%)", "en": "Saving reduction (%)"},
    "sens.bias.cost_factor": {"da": "Udgifter ganges med", "en": "Costs times"},
    "sens.bias.saving_factor": {"da": "Besparelser ganges med", "en": "Savings times"},
    "sens.bias.default_grade": {"da": "Linjer uden angivet sikkerhed", "en": "Lines without a confidence grade"},
    "sens.bias.default_grade.help": {
        "da": "Linjer, hvor case-filen ikke angiver nogen sikkerhed (confidence), er ikke vurderet og får intet tillæg. "
        "Vælg en sikkerhed her for at give dem alle den – et valg, ikke et fund.",
        "en": "Lines whose case file gives no confidence are not graded and get no uplift. Choose a grade here to give it "
        "to all of them – a choice, not a finding.",
    },
    "sens.bias.not_graded": {"da": "Ikke vurderet (udelades)", "en": "Not graded (left out)"},
    "sens.bias.reset": {"da": "Standardværdier", "en": "Defaults"},
    "sens.bias.source": {
        "da": "Kilde: HM Treasury, The Green Book: Supplementary Green Book Guidance – Optimism Bias (2003), bygget på "
        "Mott MacDonald, Review of Large Public Procurement in the UK (2002). Standardværdierne (10/20/40 %) er et "
        "politisk valg for dette værktøj, forankret i vejledningens grænser: høj = nedre grænse 10 % for "
        "udstyr/udvikling, middel = lige under øvre grænse 24 % for standardbyggeri, lav = omkring øvre grænse 41 % for "
        "udliciteret drift. Green Book angiver ingen tal for gevinster; her behandles usikre besparelser som usikre "
        "udgifter. Linjer uden vurdering udelades, medmindre du vælger en sikkerhed for dem.",
        "en": "Source: HM Treasury, The Green Book: Supplementary Green Book Guidance – Optimism Bias (2003), built on "
        "Mott MacDonald, Review of Large Public Procurement in the UK (2002). The defaults (10/20/40 %) are a policy "
        "choice of this tool, anchored in that guidance's bounds: high = lower bound 10 % for equipment/development, "
        "medium = just under the upper bound 24 % for standard buildings, low = about the upper bound 41 % for "
        "outsourced operations. The Green Book gives no figures for benefits; here uncertain savings are treated like "
        "uncertain costs. Lines without a grade are left out unless you choose a grade for them.",
    },
    "sens.bias.ungraded": {"da": "ikke vurderet → {grade}", "en": "not graded → {grade}"},
    # --- domain: labour supply, price levels, discount presets (issue 13) ---------------------------
    "domain.rate_preset": {"da": "{rate} ({period})", "en": "{rate} ({period})"},
    "page.labour": {"da": "Arbejdskraft", "en": "Labour"},
    "price.title": {"da": "Prisniveau", "en": "Price level"},
    "price.caption": {
        "da": "Casene er i hver deres pris- og lønniveau (p/l). Vælg et fælles år: lønlinjer (medarbejdertid, løn) "
        "fremskrives med lønindekset, øvrige linjer med prisindekset for de kommunale serviceudgifter.",
        "en": "Each case is at its own price and wage level (p/l). Choose a common year: wage lines (staff time, "
        "salaries) move with the wage index, the other lines with the price index of municipal service expenditure.",
    },
    "price.level": {"da": "Fælles prisniveau", "en": "Common price level"},
    "price.level.own": {"da": "Casenes eget niveau", "en": "The cases' own level"},
    "price.missing": {
        "da": "Indekset mangler {years} (første case der mangler det: {case}). Indtast lønnens og prisernes ændring i "
        "procent for de år nedenfor, fra den kilde indekset nævner.",
        "en": "The index lacks {years} (first case that needs it: {case}). Enter the wage and price change in percent "
        "for those years below, from the source the index names.",
    },
    "price.unit": {
        "da": "1.000 kr. i {year}-p/l; nutidsværdien med sidepanelets rente og horisont.",
        "en": "DKK thousand at {year} prices; NPV with the sidebar's rate and horizon.",
    },
    "price.col.from": {"da": "Fra p/l", "en": "From p/l"},
    "price.col.to": {"da": "Til p/l", "en": "To p/l"},
    "price.col.wage": {"da": "Lønfaktor", "en": "Wage factor"},
    "price.col.price": {"da": "Prisfaktor", "en": "Price factor"},
    "price.source": {"da": "Indeksets kilde: {source}", "en": "Source of the index: {source}"},
    "price.edit": {"da": "Pris- og lønindeks (ret eller tilføj år)", "en": "Price and wage index (change or add years)"},
    "price.input.wage": {"da": "Løn, ændring (%)", "en": "Wages, change (%)"},
    "price.input.price": {"da": "Priser, ændring (%)", "en": "Prices, change (%)"},
    "price.input.blank": {"da": "ikke kendt", "en": "not known"},
    "price.input.bad": {
        "da": "“{text}” er ikke en ændring i procent mellem -50 og 50 (fx 1,5); indekset bruger den forrige værdi.",
        "en": "“{text}” is not a change in percent between -50 and 50 (e.g. 1,5); the index keeps the previous value.",
    },
    "price.download": {"da": "Hent indeksfilen", "en": "Download the index file"},
    "price.download.help": {
        "da": "Indekset med dine tal, i samme format som model/data/pl_index.yaml (til python -m model summary --index).",
        "en": "The index with your figures, in the format of model/data/pl_index.yaml (for python -m model summary --index).",
    },
    "labour.title": {"da": "Årsværk frigjort og fastholdt", "en": "Staff time freed and kept (FTE)"},
    "labour.caption": {
        "da": "Hvad casene giver mod manglen på hænder: årsværk frigjort (tid der spares) og årsværk fastholdt "
        "(medarbejdere der bliver længere, som i I6), ved fuld indfasning, for casene i oversigten.",
        "en": "What the cases give against the shortage of hands: FTE freed (time saved) and FTE kept (staff who stay "
        "longer, as in I6), fully phased in, for the cases in the overview.",
    },
    "labour.absence_days": {"da": "Fraværsdage pr. fuldtidsansat", "en": "Absence days per full-time employee"},
    "labour.absence_days.help": {
        "da": "Standard 21,9 sygedage pr. fuldtidsansat i ældreplejen (2022), fra oplægget “Arbejdskraftssituationen i "
        "ældreplejen i dag” (marts 2024). Kommunalt gennemsnit: 16,1. Læg ferie til, hvis du vil regne med arbejdede timer.",
        "en": "Default 21,9 sick days per full-time employee in eldercare (2022), from the talk “Arbejdskraftssituationen i "
        "ældreplejen i dag” (March 2024). Municipal average: 16,1. Add holidays to count worked hours only.",
    },
    "labour.net_hours": {
        "da": "Nettotimer pr. årsværk: {gross} − {days} dage × {per_day} timer = {net} timer.",
        "en": "Net hours per FTE: {gross} − {days} days × {per_day} hours = {net} hours.",
    },
    "labour.shortage": {"da": "Mangel at sammenligne med (personer)", "en": "Shortage to compare with (persons)"},
    "labour.shortage.help": {
        "da": "Skriv et tal, eller vælg en af kildernes tal nedenfor.",
        "en": "Type a figure, or choose one of the sources' figures below.",
    },
    "labour.references": {"da": "Kildernes tal:", "en": "The sources' figures:"},
    "labour.reference": {"da": "{persons}: “{quote}”", "en": "{persons}: “{quote}”"},
    "labour.reference.use": {"da": "Brug {persons}", "en": "Use {persons}"},
    "labour.col.freed": {"da": "Frigjort, brutto (årsværk)", "en": "Freed, gross (FTE)"},
    "labour.col.freed_net": {"da": "Frigjort, netto (årsværk)", "en": "Freed, net (FTE)"},
    "labour.col.kept": {"da": "Fastholdt, brutto (årsværk)", "en": "Kept, gross (FTE)"},
    "labour.col.kept_net": {"da": "Fastholdt, netto (årsværk)", "en": "Kept, net (FTE)"},
    "labour.col.total": {"da": "I alt, netto (årsværk)", "en": "Total, net (FTE)"},
    "labour.col.share": {"da": "Andel af manglen", "en": "Share of the shortage"},
    "labour.summary": {
        "da": "Casene frigør og fastholder i alt **{total} årsværk** (netto): {share} % af en mangel på {persons}.",
        "en": "Together the cases free and keep **{total} FTE** (net): {share} % of a shortage of {persons}.",
    },
    "labour.chart.freed": {"da": "Frigjort (netto)", "en": "Freed (net)"},
    "labour.chart.kept": {"da": "Fastholdt (netto)", "en": "Kept (net)"},
    "labour.chart.shortage": {"da": "Mangel", "en": "Shortage"},
    "labour.chart.axis": {"da": "Årsværk", "en": "FTE"},
    "labour.footnote": {
        "da": "Brutto: betalte timer / timer pr. årsværk (sidepanelet), som dokumenterne regner. Netto: brutto × "
        "nettotimer / timer pr. årsværk, de medarbejdere der i gennemsnit er på arbejde, da sygedage er betalt men "
        "ikke arbejdet; derfor er netto mindre end brutto. Det gælder både frigjorte og fastholdte årsværk.",
        "en": "Gross: paid hours / hours per FTE (sidebar), as the documents count. Net: gross × net hours / hours per "
        "FTE, the staff at work on an average day, as sick days are paid but not worked; so net is smaller than "
        "gross. This holds for FTE freed and kept alike.",
    },
    "domain.range.base_at_low": {
        "da": "dokumentets værdi er intervallets nedre ende",
        "en": "the document's value is the low end of the range",
    },
    "domain.range.base_at_high": {
        "da": "dokumentets værdi er intervallets øvre ende",
        "en": "the document's value is the high end of the range",
    },
    "domain.vary_anyway": {"da": "Variér alligevel disse faste størrelser", "en": "Vary these fixed quantities anyway"},
    "domain.vary_anyway.help": {
        "da": "Kalenderens og planens konstanter (uger pr. år, antal fastlagt i forslaget) holdes faste i tornado, "
        "nulpunktsværdier og Monte Carlo. Vælg dem her for at variere dem alligevel (standard ±20 %).",
        "en": "Constants of the calendar and the plan (weeks per year, counts fixed by the proposal) are held fixed in "
        "the tornado, switching values and Monte Carlo. Choose them here to vary them anyway (default ±20 %).",
    },
    # --- Speed (issue 10): totals marked, lazy analyses ---------------------------------------------
    "table.total_mark": {"da": "Σ markerer en totalrække", "en": "Σ marks a total row"},
    "sens.ask.caption": {
        "da": "Beregnes, når du beder om det; derefter følger resultatet dine ændringer.",
        "en": "Computed when you ask for it; from then on the result follows your changes.",
    },
    "sens.ask.switching": {"da": "Beregn nulpunktsværdier", "en": "Compute switching values"},
    "sens.ask.mc": {"da": "Kør Monte Carlo", "en": "Run Monte Carlo"},
    # --- scenario store: sidebar box, notes, Scenarier page (issue 9) -------------------------------
    "page.scenarios": {"da": "Scenarier", "en": "Scenarios"},
    "scenario.title": {"da": "Scenarie", "en": "Scenario"},
    "scenario.unsaved_name": {"da": "ikke gemt", "en": "not saved"},
    "scenario.version": {"da": "version {version}", "en": "version {version}"},
    "scenario.dirty": {"da": "ikke gemte ændringer", "en": "unsaved changes"},
    "scenario.author": {"da": "Dit navn (til historikken)", "en": "Your name (for the history)"},
    "scenario.author.placeholder": {"da": "fx Anna Jensen", "en": "e.g. Anna Jensen"},
    "scenario.save": {"da": "Gem", "en": "Save"},
    "scenario.save.help": {
        "da": "Gem som en ny version af scenariet. Et scenarie, der ikke er gemt endnu, gemmes med 'Gem som'.",
        "en": "Save as a new version of the scenario. A scenario not saved yet is saved with 'Save as'.",
    },
    "scenario.save_as": {"da": "Gem som", "en": "Save as"},
    "scenario.save_as.confirm": {"da": "Gem som nyt scenarie", "en": "Save as a new scenario"},
    "scenario.name": {"da": "Navn", "en": "Name"},
    "scenario.name_missing": {"da": "Giv scenariet et navn.", "en": "Give the scenario a name."},
    "scenario.saved": {"da": "Gemt som version {version}.", "en": "Saved as version {version}."},
    "scenario.saved_as": {"da": "Gemt som {name}.", "en": "Saved as {name}."},
    "scenario.open": {"da": "Åbn", "en": "Open"},
    "scenario.open.choose": {"da": "Gemt scenarie", "en": "Saved scenario"},
    "scenario.opened": {"da": "{name} er åbnet.", "en": "{name} is open."},
    "scenario.history": {"da": "Historik", "en": "History"},
    "scenario.none_saved": {"da": "Ingen gemte scenarier endnu.", "en": "No saved scenarios yet."},
    "scenario.store_offline": {
        "da": "Scenarielageret kan ikke nås lige nu.",
        "en": "The scenario store cannot be reached right now.",
    },
    "scenario.someone": {"da": "en anden", "en": "someone else"},
    "scenario.conflict": {
        "da": "{who} har gemt version {latest}, efter du åbnede scenariet. Deres ændringer:",
        "en": "{who} saved version {latest} after you opened the scenario. Their changes:",
    },
    "scenario.save_on_top": {"da": "Gem ovenpå", "en": "Save on top"},
    "scenario.save_copy": {"da": "Gem som kopi", "en": "Save as a copy"},
    "scenario.problem": {
        "da": "Scenariet kan ikke gemmes eller hentes: {problem}. Du arbejder videre på dokumenterne og dine ændringer.",
        "en": "The scenario cannot be saved or opened: {problem}. You keep working on the documents and your changes.",
    },
    "scenario.retry": {"da": "Prøv igen", "en": "Try again"},
    "scenario.note": {"da": "Hvorfor?", "en": "Why?"},
    "scenario.note.placeholder": {"da": "Begrundelse for den ændrede værdi", "en": "Reason for the changed value"},
    "scenario.note.by": {"da": "Ændret af {author}, {when}", "en": "Changed by {author}, {when}"},
    "scenario.page.caption": {
        "da": "Gemte scenarier: dokumenterne plus ændrede forudsætninger med begrundelse, indstillinger, "
        "valgte cases og egne case-filer. Hver gem er en ny version; ældre versioner kan åbnes og gendannes.",
        "en": "Saved scenarios: the documents plus changed assumptions with reasons, settings, included cases and "
        "own case files. Every save is a new version; older versions can be opened and restored.",
    },
    "scenario.link": {"da": "Link til scenariet: `{link}`", "en": "Link to the scenario: `{link}`"},
    "scenario.list.title": {"da": "Gemte scenarier", "en": "Saved scenarios"},
    "scenario.history.title": {"da": "Historik: {name}", "en": "History: {name}"},
    "scenario.history.against_documents": {
        "da": "Version {version} mod dokumenterne",
        "en": "Version {version} against the documents",
    },
    "scenario.history.no_changes": {"da": "Ingen ændrede forudsætninger.", "en": "No changed assumptions."},
    "scenario.history.version": {"da": "Version {version} · {author} · {when}", "en": "Version {version} · {author} · {when}"},
    "scenario.history.same": {"da": "Ingen ændringer mod versionen før.", "en": "No changes against the version before."},
    "scenario.history.open": {"da": "Åbn denne version", "en": "Open this version"},
    "scenario.history.restore": {"da": "Gendan som nyeste version", "en": "Restore as the newest version"},
    "scenario.history.opened": {"da": "Version {version} er åbnet.", "en": "Version {version} is open."},
    "scenario.history.restored": {
        "da": "Version {version} er gendannet som version {new}.",
        "en": "Version {version} is restored as version {new}.",
    },
    "scenario.history.document": {"da": "dokumentet", "en": "the document"},
    "scenario.history.included": {"da": "Valgte cases", "en": "Included cases"},
    "scenario.kind.setting": {"da": "Indstilling", "en": "Setting"},
    "scenario.kind.included": {"da": "Oversigt", "en": "Overview"},
    "scenario.kind.value": {"da": "Værdi", "en": "Value"},
    "scenario.kind.note": {"da": "Begrundelse", "en": "Reason"},
    "scenario.kind.case_file": {"da": "Case-fil", "en": "Case file"},
    "scenario.kind.section": {"da": "Data", "en": "Data"},
    "scenario.col.what": {"da": "Hvad", "en": "What"},
    "scenario.col.before": {"da": "Før", "en": "Before"},
    "scenario.col.after": {"da": "Efter", "en": "After"},
    "scenario.col.note": {"da": "Hvorfor", "en": "Why"},
    "scenario.col.author": {"da": "Af", "en": "By"},
    "scenario.col.assumption": {"da": "Forudsætning", "en": "Assumption"},
    "scenario.col.document": {"da": "Dokumentet", "en": "Document"},
    "scenario.col.scenario": {"da": "Scenariet", "en": "Scenario"},
    "scenario.col.name": {"da": "Navn", "en": "Name"},
    "scenario.col.version": {"da": "Version", "en": "Version"},
    "scenario.col.saved": {"da": "Gemt", "en": "Saved"},
    "scenario.copy": {"da": "Kopiér", "en": "Copy"},
    "scenario.copy.default": {"da": "Kopi", "en": "Copy"},
    "scenario.copied": {"da": "Kopieret som {name}.", "en": "Copied as {name}."},
    "scenario.delete": {"da": "Slet", "en": "Delete"},
    "scenario.deleted": {"da": "Scenariet er slettet (kan fortrydes nedenfor).", "en": "The scenario is deleted (undo below)."},
    "scenario.deleted_list": {"da": "Slettede scenarier ({count})", "en": "Deleted scenarios ({count})"},
    "scenario.undelete": {"da": "Fortryd sletning", "en": "Undo delete"},
    "scenario.undeleted": {"da": "Scenariet er tilbage.", "en": "The scenario is back."},
    "scenario.url_problem": {
        "da": "Linket åbner ikke et scenarie: {problem}. Du ser dokumenterne.",
        "en": "The link does not open a scenario: {problem}. You see the documents.",
    },
    # --- Ny case: the case builder (ui/builder*.py, app_pages/builder.py) -------------------------------------
    "page.builder": {"da": "Ny case", "en": "New case"},
    "builder.title": {"da": "Ny business case", "en": "New business case"},
    "builder.intro": {
        "da": "Byg en case fra bunden, fra skabelonen eller som kopi af en case: skriv antagelserne, de afledte "
        "størrelser og linjerne i tabellerne. Hver række kontrolleres med værktøjets egne regler, mens du skriver, "
        "og nøgletal og afsnit 1 regnes, så snart casen er uden fejl. Tal skrives på dansk (1.234,5); beløb i "
        "1.000 kr., udgifter positive, besparelser negative.",
        "en": "Build a case from scratch, from the template or as a copy of a case: type the assumptions, the "
        "derived items and the lines in the tables. Every row is checked with the workbench's own rules as you "
        "type, and the key figures and section 1 are computed as soon as the case has no problems. Numbers are "
        "written the Danish way (1.234,5); amounts in 1.000 kr., costs positive, savings negative.",
    },
    "builder.start": {"da": "Start forfra", "en": "Start over"},
    "builder.start.from": {"da": "Start fra", "en": "Start from"},
    "builder.start.blank": {"da": "Tom case", "en": "Blank case"},
    "builder.start.template": {"da": "Skabelonen", "en": "The template"},
    "builder.start.copy": {"da": "Kopi af en case", "en": "A copy of a case"},
    "builder.start.button": {"da": "Start herfra", "en": "Start from here"},
    "builder.start.help": {
        "da": "Erstatter det, der står i tabellerne nu.",
        "en": "Replaces what the tables hold now.",
    },
    "builder.head": {"da": "Casen", "en": "The case"},
    "builder.head.id": {"da": "Case-id", "en": "Case id"},
    "builder.head.title": {"da": "Titel", "en": "Title"},
    "builder.head.administration": {"da": "Forvaltning / område", "en": "Administration / area"},
    "builder.head.price_level": {"da": "Prisniveau (år)", "en": "Price level (year)"},
    "builder.head.first_year": {"da": "Første år", "en": "First year"},
    "builder.head.horizon": {"da": "Antal år i tabellerne", "en": "Years in the tables"},
    "builder.head.id.help": {
        "da": "Bogstaver, cifre, - og _ (højst 32), fx N1.",
        "en": "Letters, digits, - and _ (at most 32), e.g. N1.",
    },
    "builder.assumptions": {"da": "Antagelser", "en": "Assumptions"},
    "builder.assumptions.caption": {
        "da": "Én figur pr. række med enhed og kilde. Navnet bruges i formler: små bogstaver, cifre og _.",
        "en": "One figure a row, with unit and source. The name is used in formulas: lower-case letters, digits and _.",
    },
    "builder.derived": {"da": "Afledte størrelser", "en": "Derived items"},
    "builder.derived.caption": {
        "da": "Størrelser regnet af antagelserne, skrevet én gang og brugt ved navn i linjerne.",
        "en": "Quantities computed from the assumptions, written once and used by name in the lines.",
    },
    "builder.profiles": {"da": "Indfasningsprofiler", "en": "Phase-in profiles"},
    "builder.profiles.caption": {
        "da": "Andel af den fulde effekt pr. år, fx 2028: 0,5; 2029: 1 (år før det første er 0, senere år som det sidste).",
        "en": "Share of the full effect a year, e.g. 2028: 0,5; 2029: 1 (years before the first are 0, later years as the last).",
    },
    "builder.lines": {"da": "Linjer (tabel 1-3)", "en": "Lines (tables 1-3)"},
    "builder.lines.caption": {
        "da": "Tabel 1: varige ændringer; tabel 2: engangsudgifter i drift; tabel 3: anlæg. En engangslinje med år "
        "falder kun det år; en linje med indfasning ganges med profilens andel.",
        "en": "Table 1: permanent changes; table 2: one-off operating costs; table 3: capital. A one-off line with a "
        "year falls in that year only; a line with a phase-in is multiplied by the profile's share.",
    },
    "builder.col.name": {"da": "Navn", "en": "Name"},
    "builder.col.label": {"da": "Betegnelse", "en": "Label"},
    "builder.col.value": {"da": "Værdi", "en": "Value"},
    "builder.col.unit": {"da": "Enhed", "en": "Unit"},
    "builder.col.source": {"da": "Kilde", "en": "Source"},
    "builder.col.low": {"da": "Lav", "en": "Low"},
    "builder.col.high": {"da": "Høj", "en": "High"},
    "builder.col.minimum": {"da": "Min.", "en": "Min."},
    "builder.col.maximum": {"da": "Maks.", "en": "Max."},
    "builder.col.integer": {"da": "Helt tal", "en": "Whole number"},
    "builder.col.group": {"da": "Gruppe", "en": "Group"},
    "builder.col.formula": {"da": "Formel", "en": "Formula"},
    "builder.col.shares": {"da": "Andele (år: andel; …)", "en": "Shares (year: share; …)"},
    "builder.col.table": {"da": "Tabel", "en": "Table"},
    "builder.col.phase_in": {"da": "Indfasning", "en": "Phase-in"},
    "builder.col.year": {"da": "År (engang)", "en": "Year (one-off)"},
    "builder.col.amounts": {"da": "Beløb pr. år", "en": "Amounts a year"},
    "builder.col.hours": {"da": "Timer", "en": "Hours"},
    "builder.col.innovation": {"da": "Innovationspulje", "en": "Innovation pool"},
    "builder.help.value": {
        "da": "Dansk tal: 1.234,5 eller 0,6 (andele som brøk, ikke procent).",
        "en": "Danish number: 1.234,5 or 0,6 (shares as fractions, not percent).",
    },
    "builder.help.formula": {
        "da": "Tal, navne på antagelser og afledte størrelser, + - * / ** og min, max, abs, round, mround; "
        "fx antal * pris / 1000.",
        "en": "Numbers, names of assumptions and derived items, + - * / ** and min, max, abs, round, mround; "
        "e.g. antal * pris / 1000.",
    },
    "builder.help.phase_in": {
        "da": "Navnet på en indfasningsprofil, eller tomt for fuld effekt hvert år.",
        "en": "The name of a phase-in profile, or empty for the full effect every year.",
    },
    "builder.help.year": {
        "da": "En engangslinje: året beløbet falder i.",
        "en": "A one-off line: the year the amount falls in.",
    },
    "builder.help.amounts": {
        "da": "I stedet for en formel: beløb pr. år, fx 2027: 500; 2028: 250.",
        "en": "Instead of a formula: amounts a year, e.g. 2027: 500; 2028: 250.",
    },
    "builder.help.hours": {
        "da": "Medarbejdertimer frigjort pr. år ved fuld effekt (et navn eller en formel).",
        "en": "Staff hours freed a year at full effect (a name or a formula).",
    },
    "builder.table.1": {"da": "1 · Varig", "en": "1 · Permanent"},
    "builder.table.2": {"da": "2 · Engang, drift", "en": "2 · One-off, operating"},
    "builder.table.3": {"da": "3 · Engang, anlæg", "en": "3 · One-off, capital"},
    "builder.problems": {"da": "Ret dette", "en": "To fix"},
    "builder.no_problems": {"da": "Ingen fejl i tabellen.", "en": "No problems in the table."},
    "builder.row": {"da": "Række {row}", "en": "Row {row}"},
    "builder.case_problem": {"da": "Casen", "en": "The case"},
    "builder.problem.number": {
        "da": "{where}: skal være et tal skrevet på dansk, fx 1.234,5 eller 0,6 (står: {text}).",
        "en": "{where}: must be a number written the Danish way, e.g. 1.234,5 or 0,6 (it says: {text}).",
    },
    "builder.problem.year": {
        "da": "{where}: skal være et årstal, fx 2027 (står: {text}).",
        "en": "{where}: must be a year, e.g. 2027 (it says: {text}).",
    },
    "builder.problem.count": {
        "da": "{where}: skal være et helt antal år, fx 5 (står: {text}).",
        "en": "{where}: must be a whole number of years, e.g. 5 (it says: {text}).",
    },
    "builder.problem.years": {
        "da": "{where}: skriv år og værdi som 2028: 0,5; 2029: 1 (står: {text}).",
        "en": "{where}: write year and value as 2028: 0,5; 2029: 1 (it says: {text}).",
    },
    "builder.problem.evaluation": {
        "da": "{where}: casen kan ikke beregnes: {text}",
        "en": "{where}: the case cannot be computed: {text}",
    },
    "builder.preview": {"da": "Forhåndsvisning", "en": "Preview"},
    "builder.preview.waiting": {
        "da": "Nøgletal og afsnit 1 vises her, når casen er uden fejl. Det, du har skrevet, er gemt.",
        "en": "The key figures and section 1 show here once the case has no problems. What you typed is kept.",
    },
    "builder.preview.caption": {
        "da": "Regnet af værktøjet ud fra casefilen, som den kan hentes nedenfor ({rate}, {horizon} år).",
        "en": "Computed by the workbench from the case file as it can be downloaded below ({rate}, {horizon} years).",
    },
    "builder.download": {"da": "Hent casefil (YAML)", "en": "Download case file (YAML)"},
    "builder.download.help": {
        "da": "Casefil i format 2, som python -m model validate godkender.",
        "en": "A case file in format 2, which python -m model validate accepts.",
    },
    "builder.add": {"da": "Tilføj til mine cases", "en": "Add to my cases"},
    "builder.add.help": {
        "da": "Casen kommer med på Oversigt, Business case, Sammenlign og de andre sider og gemmes i det åbne scenarie.",
        "en": "The case joins Overview, Business case, Compare and the other pages, and is saved in the open scenario.",
    },
    "builder.added": {"da": "{case} er tilføjet til dine cases.", "en": "{case} has been added to your cases."},
    "builder.replaced": {"da": "{case} er opdateret blandt dine cases.", "en": "{case} has been updated among your cases."},
    "builder.saved": {
        "da": "Gemt i scenariet {scenario}, version {version}.",
        "en": "Saved in the scenario {scenario}, version {version}.",
    },
    "builder.no_scenario": {
        "da": "Intet scenarie er åbent: gem scenariet i sidepanelet for at beholde casen.",
        "en": "No scenario is open: save the scenario in the sidebar to keep the case.",
    },
    "builder.not_saved": {
        "da": "Casen kunne ikke gemmes i scenariet {scenario}: {problem}",
        "en": "The case could not be saved in the scenario {scenario}: {problem}",
    },
    "builder.taken": {
        "da": "{case} er en case fra casemappen; giv den nye case et andet id.",
        "en": "{case} is a case of the case folder; give the new case another id.",
    },
    "builder.refused": {"da": "{case} kunne ikke tilføjes: {problem}", "en": "{case} could not be added: {problem}"},
    # --- scenario store problems in the user's language (ui/store_messages.py) -------------------------
    "store.where.sqlite": {"da": "SQLite-filen {database}", "en": "the SQLite file {database}"},
    "store.where.server": {"da": "{backend}-databasen {database} på {host}", "en": "the {backend} database {database} on {host}"},
    "store.error.locked": {
        "da": "scenarielageret ({where}) er låst af et andet program; prøv igen om lidt",
        "en": "the scenario store ({where}) is locked by another program; try again shortly",
    },
    "store.error.damaged": {
        "da": "scenarielageret ({where}) er ikke en læsbar SQLite-database (beskadiget fil?)",
        "en": "the scenario store ({where}) is not a readable SQLite database (damaged file?)",
    },
    "store.error.read_only": {
        "da": "scenarielageret ({where}) kan ikke åbnes til skrivning",
        "en": "the scenario store ({where}) cannot be opened for writing",
    },
    "store.error.unreachable": {
        "da": "scenarielageret ({where}) kan ikke nås",
        "en": "the scenario store ({where}) cannot be reached",
    },
    "store.error.refused": {
        "da": "scenarielageret ({where}) afviste forespørgslen",
        "en": "the scenario store ({where}) refused the request",
    },
    "store.error.failed": {"da": "scenarielageret ({where}) fejlede", "en": "the scenario store ({where}) failed"},
    "store.error.bad_id": {
        "da": "»{id}« er ikke et scenarie-id (et id ser sådan ud: 3f2b8c1e-5d4a-4c3b-9a1f-0e6d7c8b9a10)",
        "en": "'{id}' is not a scenario id (an id looks like 3f2b8c1e-5d4a-4c3b-9a1f-0e6d7c8b9a10)",
    },
    "store.error.not_found": {"da": "der er intet scenarie med id {id}", "en": "there is no scenario with id {id}"},
    "store.error.deleted": {"da": "scenariet {id} er slettet", "en": "scenario {id} was deleted"},
    "store.error.no_version": {
        "da": "scenariet {id} har ingen version {version}",
        "en": "scenario {id} has no version {version}",
    },
    "store.error.empty": {"da": "{field} mangler", "en": "the {field} is missing"},
    "store.error.too_long": {
        "da": "{field} er længere end {limit} tegn",
        "en": "the {field} is longer than {limit} characters",
    },
    "store.error.section": {
        "da": "scenariets {section} passer ikke til denne version af programmet (felt {field}) og er udeladt",
        "en": "the scenario's {section} does not fit this version of the program (field {field}) and is left out",
    },
    "store.error.document": {
        "da": "et gemt scenarie passer ikke til denne version af programmet (felt {field})",
        "en": "a saved scenario does not fit this version of the program (field {field})",
    },
    "store.error.configuration": {
        "da": "scenarielageret er ikke sat rigtigt op ({detail}); se vejledningen om opsætning",
        "en": "the scenario store is not set up correctly ({detail}); see the deployment guide",
    },
    "store.error.conflict": {
        "da": "en anden har gemt version {latest} i mellemtiden",
        "en": "someone else saved version {latest} in the meantime",
    },
    "store.error.other": {"da": "scenarielageret fejlede", "en": "the scenario store failed"},
    "store.error.parts": {
        "da": "dele af scenariet kunne ikke læses: {details}",
        "en": "parts of the scenario could not be read: {details}",
    },
    "store.field.scenario_name": {"da": "scenariets navn", "en": "scenario name"},
    "store.field.author_name": {"da": "dit navn", "en": "author name"},
    "store.section.portfolio": {"da": "porteføljevalg", "en": "portfolio choice"},
    "store.section.follow_up": {"da": "opfølgning", "en": "follow-up"},
    "store.section.sensitivity": {"da": "følsomhedsindstillinger", "en": "sensitivity settings"},
    "store.section.domain": {"da": "arbejdskraft og prisindeks", "en": "labour and price index"},
    "scenario.section.set": {"da": "sat", "en": "set"},
    "scenario.section.default": {"da": "standard", "en": "defaults"},
    "scenario.section.changed": {"da": "ændret", "en": "changed"},
}


def language() -> str:
    """The language the user chose ("da" or "en"); Danish until they choose."""
    chosen = st.session_state.get(LANGUAGE_KEY, LANGUAGES[0])
    return chosen if chosen in LANGUAGES else LANGUAGES[0]


def t(key: str, **fmt: object) -> str:
    """The label ``key`` in the user's language, with ``{placeholders}`` filled from ``fmt``.

    An unknown key comes back as itself, so a missing translation shows on
    the page instead of stopping it (``tests/test_app_i18n.py`` checks that
    every key the code uses exists in both languages).
    """
    entry = TEXTS.get(key)
    if entry is None:
        return key
    text = entry.get(language()) or entry[LANGUAGES[0]]
    return text.format(**fmt) if fmt else text
