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

__all__ = ["LANGUAGES", "LANGUAGE_KEY", "TEXTS", "language", "t"]

#: Session-state key holding the chosen language.
LANGUAGE_KEY = "i18n.language"
#: The languages, default first.
LANGUAGES = ("da", "en")

TEXTS: dict[str, dict[str, str]] = {
    # --- app.py: frame and shared sidebar -----------------------------------------------------
    "app.title": {"da": "Business case-værktøj", "en": "Business case workbench"},
    "app.caption": {
        "da": "Sundheds- og Omsorgsforvaltningen · investeringspuljen",
        "en": "Health and Care Administration · investment pool",
    },
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
        "og sætter beregningsforudsætningerne til standard.",
        "en": "Back to the documents: removes every changed assumption, uploaded case and variant, "
        "and restores the default appraisal settings.",
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
    "col.irr": {"da": "Intern rente", "en": "IRR"},
    "col.price_level": {"da": "P/L", "en": "Price level"},
    "col.innovation": {"da": "Innovationspulje", "en": "Innovation pool"},
    "csv.drift": {"da": "Drift (1.000 kr.)", "en": "Operating (DKK thousand)"},
    "csv.anlaeg": {"da": "Anlæg (1.000 kr.)", "en": "Capital (DKK thousand)"},
    "csv.payback": {"da": "Tilbagebetalingstid (år)", "en": "Payback time (years)"},
    "csv.net_permanent": {"da": "Varig effektivisering netto (1.000 kr.)", "en": "Net permanent effect (DKK thousand)"},
    "csv.npv": {"da": "Nutidsværdi (1.000 kr.)", "en": "NPV (DKK thousand)"},
    "csv.fte": {"da": "Årsværk frigjort", "en": "FTE freed"},
    "status.document": {"da": "som dokumentet", "en": "as the document"},
    "status.changed": {"da": "ændret", "en": "changed"},
    "status.uploaded": {"da": "uploadet/variant", "en": "uploaded/variant"},
    "status.uploaded_changed": {"da": "uploadet/variant, ændret", "en": "uploaded/variant, changed"},
    "total": {"da": "I alt", "en": "Total"},
    "years": {"da": "{years} år", "en": "{years} years"},
    "unit.tkr": {"da": "1.000 kr.", "en": "DKK thousand"},
    "unit.tkr_pl": {"da": "1.000 kr., {level} p/l", "en": "DKK thousand, {level} prices"},
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
        "(+ når det betaler sig). Årsværk frigjort ved fuld indfasning ({hours} timer pr. årsværk).",
        "en": "Operating is service investment from the investment pool (the innovation pool is left out, as the "
        "document does). Payback in whole years from the first year with spending; “-” where there is none. Net "
        "permanent effect: costs +, savings −. NPV of the net savings over {horizon} years at {rate} (+ when it "
        "pays). FTE freed at full phase-in ({hours} hours per FTE).",
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
    "overview.optimism": {"da": "Vis med optimismetillæg", "en": "Show with optimism bias"},
    "overview.optimism.help": {
        "da": "Tilføjer kolonner, hvor udgifterne er forhøjet og gevinsterne reduceret efter optimismetillægget.",
        "en": "Adds columns where costs are raised and benefits reduced by the optimism bias uplift.",
    },
    "overview.optimism.payback": {"da": "Tilb.tid m. tillæg", "en": "Payback w. uplift"},
    "overview.optimism.net": {"da": "Varig eff. netto m. tillæg", "en": "Net effect w. uplift"},
    "overview.optimism.npv": {"da": "Nutidsværdi m. tillæg", "en": "NPV w. uplift"},
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
    "case.changed_count": {"da": "{count} ændret", "en": "{count} changed"},
    "case.kpis": {"da": "Nøgletal", "en": "Key figures"},
    "case.kpi.net": {"da": "Varig effektivisering netto", "en": "Net permanent effect"},
    "case.kpi.net.help": {
        "da": "Samlet varig ændring ved fuld indfasning, 1.000 kr. pr. år; udgifter +, besparelser −.",
        "en": "Total permanent change once fully phased in, DKK thousand a year; costs +, savings −.",
    },
    "case.kpi.payback": {"da": "Tilbagebetalingstid", "en": "Payback time"},
    "case.kpi.payback.help": {
        "da": "Hele år fra første år med udgifter til og med første år, hvor den akkumulerede påvirkning (alle "
        "midler, også innovationspuljen) er ≤ 0.",
        "en": "Whole years from the first year with spending up to and including the first year the cumulative "
        "impact (all funding, innovation pool included) is ≤ 0.",
    },
    "case.kpi.npv": {"da": "Nutidsværdi", "en": "NPV"},
    "case.kpi.npv.help": {
        "da": "Nutidsværdi af nettobesparelserne over {horizon} år ved {rate}, 1.000 kr. (+ når det betaler sig).",
        "en": "Present value of the net savings over {horizon} years at {rate}, DKK thousand (+ when it pays).",
    },
    "case.kpi.fte": {"da": "Årsværk frigjort", "en": "FTE freed"},
    "case.kpi.fte.help": {
        "da": "Frigjort personaletid ved fuld indfasning, {hours} timer pr. årsværk.",
        "en": "Staff time freed at full phase-in, {hours} hours per FTE.",
    },
    "case.kpi.vs_document": {"da": "mod dokumentet", "en": "against the document"},
    "case.no_payback": {"da": "ingen", "en": "none"},
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
    "case.table.line": {"da": "Linje", "en": "Line"},
    "case.table.empty": {"da": "Ingen linjer.", "en": "No lines."},
    "case.charts": {"da": "Grafer", "en": "Charts"},
    "case.chart.cumulative": {
        "da": "Akkumuleret samlet økonomisk påvirkning",
        "en": "Cumulative total financial impact",
    },
    "case.chart.flows": {"da": "Udgifter og besparelser pr. år", "en": "Costs and savings per year"},
    "chart.year": {"da": "År", "en": "Year"},
    "chart.years_since_start": {"da": "År fra start", "en": "Years since start"},
    "chart.amount": {"da": "1.000 kr.", "en": "DKK thousand"},
    "chart.series": {"da": "Serie", "en": "Series"},
    "chart.current": {"da": "Dine forudsætninger", "en": "Your assumptions"},
    "chart.document": {"da": "Dokumentet", "en": "The document"},
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
    "case.upload.too_many": {
        "da": "der er allerede {count} ekstra cases; fjern nogle først",
        "en": "there are already {count} extra cases; remove some first",
    },
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
    "compare.too_many": {
        "da": "Højst seks ad gangen; de første seks vises.",
        "en": "At most six at a time; showing the first six.",
    },
    "compare.document_suffix": {"da": "{case} (dokument)", "en": "{case} (document)"},
    "compare.kpis": {"da": "Nøgletal", "en": "Key figures"},
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
    "kpi.drift": {"da": "Drift (1.000 kr.)", "en": "Operating (DKK thousand)"},
    "kpi.anlaeg": {"da": "Anlæg (1.000 kr.)", "en": "Capital (DKK thousand)"},
    "kpi.innovation": {"da": "Innovationspulje (1.000 kr.)", "en": "Innovation pool (DKK thousand)"},
    "kpi.payback": {"da": "Tilbagebetalingstid", "en": "Payback time"},
    "kpi.payback_exact": {"da": "Tilbagebetalingstid, præcis (år)", "en": "Payback time, exact (years)"},
    "kpi.discounted_payback": {"da": "Diskonteret tilbagebetalingstid", "en": "Discounted payback time"},
    "kpi.net_permanent": {"da": "Varig effektivisering netto (1.000 kr.)", "en": "Net permanent effect (DKK thousand)"},
    "kpi.npv": {"da": "Nutidsværdi (1.000 kr.)", "en": "NPV (DKK thousand)"},
    "kpi.irr": {"da": "Intern rente", "en": "IRR"},
    "kpi.fte": {"da": "Årsværk frigjort", "en": "FTE freed"},
    "kpi.price_level": {"da": "Pris- og lønniveau", "en": "Price level"},
    "kpi.years": {"da": "År", "en": "Years"},
    # --- Følsomhed placeholder (app_pages/sensitivity.py, issue 4) ---------------------------
    "sensitivity.placeholder": {
        "da": "Følsomhedsanalysen (tornado, nulpunktsværdier, Monte Carlo, optimismetillæg) kommer her.",
        "en": "The sensitivity analysis (tornado, switching values, Monte Carlo, optimism bias) comes here.",
    },
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
    "audit.summary": {"da": "Fund i alt", "en": "Findings in all"},
    "audit.none": {
        "da": "Ingen fund: alle trykte tal stemmer inden for ±1 t.kr.",
        "en": "No findings: every printed figure reconciles within ±1k.",
    },
    "audit.no_reported": {
        "da": "Casen har ingen trykte tal at kontrollere.",
        "en": "The case has no printed figures to check.",
    },
    "audit.count": {"da": "{count} fund", "en": "{count} finding(s)"},
    "audit.overview": {"da": "Oversigtssiden", "en": "The overview page"},
    "audit.no_overview": {
        "da": "Der er ingen overview.yaml med oversigtssidens tal.",
        "en": "There is no overview.yaml with the overview page's figures.",
    },
    "audit.col.table": {"da": "Tabel", "en": "Table"},
    "audit.col.line": {"da": "Linje", "en": "Line"},
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
