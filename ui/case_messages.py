"""Case-file problems in the UI's language: Danish sentences for the loader's problem codes.

The engine words its problems in English (``CaseFileError.problem``, what
the command line prints) and keeps each one as a code with its figures
(``CaseFileError.problems``). :func:`problem_text` words them in the
language the user chose: in Danish every known code gets its own sentence
naming the field, so no pydantic text ("Input should be …", "For further
information visit …") reaches the page; a message from one of the schema's
plain checks, which has no code of its own, keeps its field path and
figures with a Danish lead.
"""

from __future__ import annotations

import re

from model import CaseFileError, CaseFileProblem

from .i18n import language

__all__ = ["DANISH", "problem_at", "problem_text"]

#: Danish sentence per problem code; ``{where}`` is the field path, the rest the problem's figures.
DANISH: dict[str, str] = {
    "missing": "{where}: feltet mangler.",
    "extra_forbidden": "{where}: ukendt felt (tjek stavningen; se docs/case-format.md).",
    "int_type": "{where}: skal være et helt tal.",
    "int_parsing": "{where}: skal være et helt tal.",
    "int_from_float": "{where}: skal være et helt tal.",
    "float_type": "{where}: skal være et tal (med punktum som decimaltegn, fx 0.6).",
    "float_parsing": "{where}: skal være et tal (med punktum som decimaltegn, fx 0.6).",
    "string_type": "{where}: skal være tekst.",
    "bool_type": "{where}: skal være true eller false.",
    "bool_parsing": "{where}: skal være true eller false.",
    "literal_error": "{where}: skal være {expected}.",
    "greater_than_equal": "{where}: skal være mindst {ge}.",
    "greater_than": "{where}: skal være større end {gt}.",
    "less_than_equal": "{where}: må højst være {le}.",
    "less_than": "{where}: skal være mindre end {lt}.",
    "too_short": "{where}: skal have mindst {min_length} element(er).",
    "too_long": "{where}: må højst have {max_length} elementer.",
    "string_too_short": "{where}: må ikke være tom.",
    "string_too_long": "{where}: må højst have {max_length} tegn.",
    "dict_type": "{where}: skal være felter med navne (en mapping).",
    "list_type": "{where}: skal være en liste.",
    "not_mapping": "{where}: en casefil skal bestå af felter med navne (id, title, lines, …).",
    "too_large": "{where}: filen er større end {limit} byte.",
    # the schema's own codes (model/schema.py)
    "bad_name": "{where}: navnet {name} må kun have små bogstaver, cifre og _ og skal starte med et bogstav.",
    "reserved_name": "{where}: navnet {name} er reserveret.",
    "amounts_or_formula": "{where}: angiv enten 'amounts' (pr. år) eller 'formula', ikke begge eller ingen.",
    "year_one_off": "{where}: 'year' hører til 'formula' på en engangslinje uden 'phase_in'.",
    "phase_in_formula": "{where}: 'phase_in' hører kun til 'formula'.",
    "round_to": "{where}: 'round_to' er et positivt multiplum (fx 5) og hører til 'formula'.",
    "innovation_pool": "{where}: kun engangs-serviceinvesteringer (tabel 2) kan søges i innovationspuljen.",
    "share_range": "{where}: indfasningsandelen for {year} er {share}; en andel ligger mellem 0 og 1 (0.6, ikke 60).",
    "version": "{where}: filformat version {version} kan ikke læses (programmet læser version {current}).",
    "hours_per_fte": "{where}: timer pr. årsværk ({value}) skal ligge mellem 1 og 8.784.",
    "empty_profile": "{where}: indfasningsprofilen {name} har ingen år.",
    "derived_duplicate": (
        "{where}: afledte størrelser skal have entydige navne, forskellige fra antagelsernes; gentaget: {names}."
    ),
    "unknown_profile": "{where}: der er ingen indfasningsprofil ved navn {name} (profiler: {known}).",
    "year_outside": "{where}: året {year} ligger uden for casen ({first}-{last}).",
    "years_outside": "{where}: årene {years} ligger uden for casen ({first}-{last}).",
    "derived_cycle": "{where}: afledte størrelser bruger hinanden i ring: {cycle}.",
    "old_name": "{where}: {names} er ikke et navn i formler i filformat 2; brug linjens phase_in, round_to og hours.",
    "unknown_name": "{where}: formlen {formula} bruger ukendte navne: {names}.",
}

_QUOTED = re.compile(r"'([^']*)' or '([^']*)'")
_YAML_REASONS = (
    ("is ambiguous", "værdien er tvetydig (YAML læser den som oktal, hexadecimal eller sexagesimal): skriv et almindeligt tal"),
    ("is too large", "tallet er for stort"),
    ("aliases", "aliaser (*navn) er ikke tilladt"),
    ("appears twice", "nøglen står to gange"),
    ("nesting deeper", "filen er indlejret for dybt"),
    ("could not determine a constructor", "ukendt YAML-mærke (!!…)"),
)
_SCHEMA_WORDS = (
    ("unknown function", "ukendt funktion"),
    ("is not allowed (only numbers, names, + - * / **, and", "er ikke tilladt (kun tal, navne, + - * / ** og"),
    ("only numbers are allowed as constants, not", "kun tal er tilladt som konstanter, ikke"),
    ("is nested too deeply", "er indlejret for dybt"),
    ("characters long; at most", "tegn lang; højst"),
    ("are allowed", "er tilladt"),
    ("formula ", "formlen "),
    ("is before", "ligger før"),
    ("a case may cover at most", "en case kan højst dække"),
    ("years", "år"),
    ("must be lower-case letters, digits and _", "må kun have små bogstaver, cifre og _"),
    ("is greater than", "er større end"),
    ("is less than", "er mindre end"),
    ("is below the minimum", "er under minimum"),
    ("is above the maximum", "er over maksimum"),
    ("must be unique; repeated", "skal være entydige; gentaget"),
    ("must be a whole number", "skal være et helt tal"),
    ("is implausibly large", "er urimeligt stor"),
)


def _where(where: str) -> str:
    """The field path, with "line N, column M" in Danish; the file itself where there is no field."""
    if not where:
        return "Filen"
    return where.replace("line ", "linje ").replace("column ", "kolonne ")


def _danish(problem: object) -> str:
    code = getattr(problem, "code", "")
    context = dict(getattr(problem, "context", {}) or {})
    # The schema's whole-case checks name the field themselves (context "where").
    where = _where(context.pop("where", "") or getattr(problem, "where", ""))
    if code == "yaml":
        text = str(getattr(problem, "text", ""))
        reason = next((danish for english, danish in _YAML_REASONS if english in text), "filen er ikke gyldig YAML")
        return f"{where}: {reason}."
    template = DANISH.get(code)
    if template is not None:
        if "expected" in context:
            context["expected"] = _QUOTED.sub(r"'\1' eller '\2'", context["expected"]).replace(", ", " eller ")
        try:
            return template.format(**{**context, "where": where})
        except (KeyError, IndexError):
            pass
    text = str(getattr(problem, "text", ""))
    for english, danish in _SCHEMA_WORDS:
        text = text.replace(english, danish)
    return text if where == "Filen" and text.startswith(("lines[", "derived[", "assumptions[")) else f"{where}: {text}"


def problem_text(error: CaseFileError) -> str:
    """What is wrong with a case file, in the user's language (one line per problem).

    English: the engine's own message. Danish: each problem worded from its
    code (:data:`DANISH`); a problem without one keeps the engine's field
    path and figures.
    """
    problems = getattr(error, "problems", ())
    if language() != "da" or not problems:
        return error.problem
    return "\n".join(_danish(problem) for problem in problems)


#: A field path at the start of an engine message (``lines[0] ('Drift').formula: …``), left out where the UI names the place.
_PATH_LEAD = re.compile(r"^(?:assumptions|derived|lines|phase_in_profiles)\S*(?: \((?:'[^']*'|\"[^\"]*\")\))?[^:\s]*: ")


def problem_at(problem: CaseFileProblem, where: str) -> str:
    """One problem in the user's language, placed at ``where`` (e.g. "Række 2, Værdi") instead of its file path.

    Danish: the sentence of its code (:data:`DANISH`); English: the engine's message.
    """
    text = _PATH_LEAD.sub("", problem.text)
    if language() != "da":
        return f"{where}: {text}" if where else text
    context = {key: value for key, value in problem.context.items() if key != "where"}
    return _danish(CaseFileProblem(where, problem.code, context, text))
