"""Reading and writing case files: strict, safe YAML in, validated models out.

Files are data. They are parsed with a subclass of PyYAML's ``SafeLoader``
(never ``yaml.load``), tightened against YAML 1.1's surprises:

- ``yes``/``no``/``on``/``off`` stay text (only ``true``/``false`` are
  booleans), so a title ``NO`` stays "NO";
- a number with a leading zero (``030``, which YAML 1.1 reads as octal 24),
  hexadecimal, octal, binary and sexagesimal (``1:30``) numbers are refused
  with a message, as are ``.inf`` and ``.nan``;
- dates stay text;
- aliases (``*name``) are refused, which rules out "billion laughs" bombs;
- nesting deeper than 30 levels and files over 1 MB are refused.

Every problem becomes a :class:`CaseFileError` whose message names the file
and the field (or line of the file) at fault.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .case_errors import CaseFileError, CaseFileProblem, validation_message, validation_problems
from .schema import Case, OverviewReport
from .text import has_control, printable

__all__ = [
    "MAX_FILE_BYTES",
    "CaseFileError",
    "CaseFileProblem",
    "LoadResult",
    "case_to_yaml",
    "load_case",
    "load_overview",
    "load_paths",
    "parse_case",
    "read_yaml",
]

#: Largest case file accepted, in bytes.
MAX_FILE_BYTES = 1_000_000
_MAX_DEPTH = 30


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like scalars, no aliases and a depth limit."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in case files", event.start_mark)
        self._depth += 1
        if self._depth > _MAX_DEPTH:
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, f"nesting deeper than {_MAX_DEPTH} levels", event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# Rebuild the implicit resolvers: booleans only true/false, plain decimal
# numbers, and an "ambiguous" tag for the YAML 1.1 forms we refuse.
_StrictLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^[-+]?(?:(?:0|[1-9][0-9]*)\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?(?:0|[1-9][0-9]*)[eE][-+]?[0-9]+$",
        list("-+0123456789."),
    ),
    (
        "!ambiguous",
        r"^[-+]?0[0-9_]+$|^[-+]?0[xXoObB][0-9a-fA-F_]+$|^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$"
        r"|^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$|^[-+]?[0-9][0-9]*_[0-9_]*$",
        list("-+0123456789."),
    ),
]:
    _StrictLoader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


def _refuse_ambiguous(loader: _StrictLoader, node: yaml.Node) -> Any:
    value = loader.construct_scalar(node)
    raise yaml.constructor.ConstructorError(
        None,
        None,
        f"the value {value!r} is ambiguous (YAML reads it as octal, hexadecimal, sexagesimal or "
        "not-a-number); write a plain decimal number such as 30 or 1.5, or quote it if it is text",
        node.start_mark,
    )


def _refuse_float_overflow(loader: _StrictLoader, node: yaml.Node) -> float:
    value = float(loader.construct_scalar(node))
    if value in (float("inf"), float("-inf")):
        raise yaml.constructor.ConstructorError(None, None, f"the number {node.value} is too large", node.start_mark)
    return value


def _checked_int(loader: _StrictLoader, node: yaml.ScalarNode) -> int:
    """A plain decimal integer; more than 15 digits cannot be a real figure (and would not fit a float)."""
    text = loader.construct_scalar(node)
    if len(text.lstrip("+-")) > 15:
        raise yaml.constructor.ConstructorError(None, None, f"the number {text[:20]}... is too large", node.start_mark)
    return int(text)


def _no_duplicates(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    """A mapping whose keys are all different (YAML would silently keep the last of two)."""
    loader.flatten_mapping(node)
    seen = set()
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain name or number, not a list or mapping", key_node.start_mark
            )
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, str) and has_control(key):
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{printable(key)}' contains a control character", key_node.start_mark
            )
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"the key {key!r} appears twice", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor("tag:yaml.org,2002:int", _checked_int)
_StrictLoader.add_constructor("tag:yaml.org,2002:map", _no_duplicates)
_StrictLoader.add_constructor("!ambiguous", _refuse_ambiguous)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _refuse_float_overflow)


# libyaml (C) reads a file about five times faster than PyYAML's Python parser, which
# matters for a 1 MB upload on a shared server. The same strict rules apply: a pass over
# libyaml's events refuses aliases and deep nesting before anything is built, then
# libyaml composes with the strict resolvers and constructors above. A file libyaml
# refuses is read again by the Python loader when it is small, for PyYAML's more
# precise message.
_FAST = getattr(yaml, "__with_libyaml__", False)
#: Largest file re-read by the Python loader for its error message (a few tenths of a second).
_SLOW_MESSAGE_BYTES = 64_000

if _FAST:

    class _FastStrictLoader(yaml.cyaml.CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):  # type: ignore[misc]
        """libyaml's parser with :class:`_StrictLoader`'s resolvers and constructors."""

        def __init__(self, stream: str) -> None:
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    _FastStrictLoader.yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers
    _FastStrictLoader.yaml_constructors = dict(_StrictLoader.yaml_constructors)


def _prescan(text: str) -> None:
    """Refuse aliases and nesting deeper than the limit from libyaml's events, before composing."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in case files", event.start_mark)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth >= _MAX_DEPTH:
                raise yaml.composer.ComposerError(None, None, f"nesting deeper than {_MAX_DEPTH} levels", event.start_mark)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _load_yaml(text: str) -> Any:
    if not _FAST:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - _StrictLoader is a SafeLoader
    try:
        _prescan(text)
        return yaml.load(text, Loader=_FastStrictLoader)  # noqa: S506 - a SafeConstructor with the strict rules
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem):  # libyaml's own limit, met before the prescan's
            raise yaml.composer.ComposerError(None, None, f"nesting deeper than {_MAX_DEPTH} levels", exc.problem_mark) from None
        if len(text) > _SLOW_MESSAGE_BYTES:
            raise
    return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - raises the Python parser's message


def _read_yaml(text: str, source: str) -> Any:
    if len(text.encode("utf-8", errors="replace")) > MAX_FILE_BYTES:
        raise CaseFileError(source, f"file is larger than {MAX_FILE_BYTES:,} bytes")
    try:
        return _load_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = exc.problem or exc.context or "not valid YAML"
        context = {"line": str(mark.line + 1), "column": str(mark.column + 1)} if mark else {}
        detail = CaseFileProblem(where.removesuffix(": "), "yaml", context, problem)
        raise CaseFileError(source, f"{where}{problem}", (detail,)) from None
    except yaml.YAMLError as exc:
        raise CaseFileError(source, f"not valid YAML: {exc}") from None
    except (RecursionError, MemoryError):
        raise CaseFileError(source, "the file is nested too deeply or too large to read") from None
    except ValueError as exc:  # e.g. an integer with more than 4300 digits
        raise CaseFileError(source, f"a value cannot be read: {exc}") from None


def read_yaml(text: str, source: str) -> Any:
    """Data from YAML ``text`` read with the strict safe loader; :class:`CaseFileError` naming ``source`` if bad."""
    return _read_yaml(text, source)


def parse_case(text: str, source: str = "<case>") -> Case:
    """Validate a case from YAML ``text``; ``source`` names it in messages."""
    data = _read_yaml(text, source)
    if not isinstance(data, dict):
        text = "a case file must be a mapping of fields (id, title, lines, ...)"
        raise CaseFileError(source, text, (CaseFileProblem("", "not_mapping", {}, text),))
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise CaseFileError(source, validation_message(exc, data), validation_problems(exc, data)) from None
    except (TypeError, ValueError, RecursionError) as exc:  # a shape the schema did not foresee
        raise CaseFileError(source, f"cannot be read as a case: {exc}") from None


def _read_text(path: Path) -> str:
    try:
        if path.exists() and not path.is_file():
            raise CaseFileError(str(path), "is not a regular file")
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # never more, whatever stat() said
        if len(data) > MAX_FILE_BYTES:
            raise CaseFileError(str(path), f"file is larger than {MAX_FILE_BYTES:,} bytes")
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise CaseFileError(str(path), "file is not UTF-8 text") from None
    except OSError as exc:
        raise CaseFileError(str(path), f"cannot be read: {exc.strerror or exc}") from None


def load_case(path: str | Path) -> Case:
    """Read and validate one case file."""
    path = Path(path)
    return parse_case(_read_text(path), str(path))


def load_overview(path: str | Path) -> OverviewReport:
    """Read and validate an overview file (the document's first page)."""
    path = Path(path)
    data = _read_yaml(_read_text(path), str(path))
    if not isinstance(data, dict) or "overview" not in data:
        raise CaseFileError(str(path), "an overview file has one top-level field, 'overview'")
    try:
        return OverviewReport.model_validate(data["overview"])
    except ValidationError as exc:
        raise CaseFileError(str(path), validation_message(exc, data["overview"])) from None


@dataclass(frozen=True)
class LoadResult:
    """What :func:`load_paths` found: valid cases, an overview, and errors."""

    cases: tuple[Case, ...]
    overview: OverviewReport | None
    errors: tuple[CaseFileError, ...]
    sources: tuple[str, ...] = ()
    """The file each case came from, in the order of ``cases``."""


_OVERVIEW_NAME = "overview.yaml"


def load_paths(paths: Iterable[str | Path]) -> LoadResult:
    """Load case files and folders of them; a bad file is reported, not fatal.

    A folder contributes its ``*.yaml``/``*.yml`` files in name order; a file
    named ``overview.yaml`` is read as the overview report. An entry of that
    name that is not a regular file (a link to ``/dev/zero``, a folder) or a
    link to nothing is reported as an error, not skipped. Cases with an id
    already loaded are reported as errors naming both files.
    """
    cases: list[Case] = []
    errors: list[CaseFileError] = []
    overview: OverviewReport | None = None
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for entry in sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")):
                if entry.is_file():
                    files.append(entry)
                elif entry.is_symlink() and not entry.exists():
                    errors.append(CaseFileError(str(entry), "is a link to nothing (the file it points to is gone)"))
                else:
                    errors.append(CaseFileError(str(entry), "is not a regular file"))
        elif path.exists():
            files.append(path)
        else:
            errors.append(CaseFileError(str(path), "no such file or folder"))
    seen: dict[str, Path] = {}
    for file in files:
        try:
            if file.name == _OVERVIEW_NAME:
                overview = load_overview(file)
                continue
            case = load_case(file)
        except CaseFileError as exc:
            errors.append(exc)
            continue
        if case.id in seen:
            errors.append(CaseFileError(str(file), f"case id {case.id!r} is already used by {seen[case.id]}"))
            continue
        seen[case.id] = file
        cases.append(case)
    return LoadResult(tuple(cases), overview, tuple(errors), tuple(str(seen[c.id]) for c in cases))


class _Dumper(yaml.SafeDumper):
    """SafeDumper that quotes every string the strict loader would not read back as text."""


def _represent_str(dumper: _Dumper, value: str) -> yaml.ScalarNode:
    tag = _StrictLoader.resolve(_StrictLoader.__new__(_StrictLoader), yaml.ScalarNode, value, (True, False))
    style = "'" if tag != "tag:yaml.org,2002:str" else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def case_to_yaml(case: Case) -> str:
    """The case as YAML text that :func:`parse_case` reads back to an equal case."""
    data = case.model_dump(mode="python", exclude_defaults=True)
    data = {"id": case.id, "title": case.title, **data}
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
