"""Safe formulas over assumptions.

A line's yearly amount in a case file may be written as a formula such as
``-gevinst_vagtskifte * (minutter / 20)``. A formula is *data*: it is
parsed once with :mod:`ast` into a small, closed language and compiled to a
numpy closure. Nothing from a file is ever passed to ``eval`` or ``exec``.

The language
------------
- numbers (``7.796`` is seven point eight, as in Python, not Danish),
- names of the case's assumptions and derived items,
- ``+ - * / **``, unary ``-`` and ``+``, parentheses,
- functions ``min(a, b, ...)``, ``max(a, b, ...)``, ``abs(x)``,
  ``round(x, digits=0)`` and ``mround(x, multiple)``; both roundings go half
  away from zero, as Excel's ``ROUND`` does (Python's ``round`` would round
  half to even).

Every value is a float or a numpy array: the same compiled formula evaluates
one scenario (floats) or ten thousand Monte Carlo draws at once (arrays of
shape ``(n,)``), which is what makes the simulation one vectorised pass.

>>> f = Formula.parse("-mround(gevinst * indfasning, 5)")
>>> sorted(f.names)
['gevinst', 'indfasning']
>>> float(f.evaluate({"gevinst": 18540.0, "indfasning": 0.8}))
-14830.0
>>> f.to_excel({"gevinst": "Antagelser!$D$5", "indfasning": "0.8"})
'-(ROUND((Antagelser!$D$5*0.8)/(5),0)*(5))'
"""

from __future__ import annotations

import ast
import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

__all__ = ["MAX_FORMULA_LENGTH", "Formula", "FormulaError", "round_half_away"]

Value = float | np.ndarray
_Compiled = Callable[[Mapping[str, Value]], Value]

#: Longest formula text accepted, in characters. Business-case formulas are
#: short; a longer one is far more likely an attack or a paste error.
MAX_FORMULA_LENGTH = 2_000
#: Deepest nesting of the expression tree accepted.
_MAX_DEPTH = 40


class FormulaError(ValueError):
    """A formula is malformed or uses something outside the language."""


def round_half_away(x: Value, digits: Value = 0) -> Value:
    """Round half away from zero to ``digits`` decimals, like Excel's ROUND.

    ``digits`` may be negative: ``round_half_away(252, -1) == 250``.

    >>> float(round_half_away(2.5)), float(round_half_away(-2.5)), float(round_half_away(252, -1))
    (3.0, -3.0, 250.0)
    """
    scale = np.power(10.0, np.round(digits))
    return np.sign(x) * np.floor(np.abs(x) * scale + 0.5) / scale


def _mround(x: Value, multiple: Value) -> Value:
    """``x`` rounded to the nearest multiple of ``multiple``, half away from zero."""
    return round_half_away(np.divide(x, multiple)) * multiple


def _min(*args: Value) -> Value:
    return _reduce(np.minimum, args)


def _max(*args: Value) -> Value:
    return _reduce(np.maximum, args)


def _reduce(op: Callable[[Value, Value], Value], args: tuple[Value, ...]) -> Value:
    result = args[0]
    for arg in args[1:]:
        result = op(result, arg)
    return result


@dataclass(frozen=True)
class _Function:
    impl: Callable[..., Value]
    min_args: int
    max_args: int | None
    excel: str


_FUNCTIONS: dict[str, _Function] = {
    "min": _Function(_min, 1, None, "MIN"),
    "max": _Function(_max, 1, None, "MAX"),
    "abs": _Function(np.abs, 1, 1, "ABS"),
    "round": _Function(round_half_away, 1, 2, "ROUND"),
    "mround": _Function(_mround, 2, 2, "MROUND"),
}

_BINARY: dict[type, tuple[Callable[[Value, Value], Value], str]] = {
    ast.Add: (np.add, "+"),
    ast.Sub: (np.subtract, "-"),
    ast.Mult: (np.multiply, "*"),
    ast.Div: (np.divide, "/"),
    ast.Pow: (np.power, "^"),
}


@dataclass(frozen=True)
class Formula:
    """A parsed, compiled formula; immutable and hashable by its text.

    Build one with :meth:`parse`; evaluate with :meth:`evaluate`; render it as
    an Excel formula with :meth:`to_excel`.
    """

    text: str
    names: frozenset[str]
    _tree: ast.expr = field(repr=False, compare=False, hash=False)
    _fn: _Compiled = field(repr=False, compare=False, hash=False)

    @classmethod
    def parse(cls, text: str) -> Formula:
        """Parse ``text``; raise :class:`FormulaError` naming what is wrong."""
        if not isinstance(text, str):
            msg = f"a formula must be text, got {type(text).__name__}"
            raise FormulaError(msg)
        if len(text) > MAX_FORMULA_LENGTH:
            msg = f"formula is {len(text)} characters long; at most {MAX_FORMULA_LENGTH} are allowed"
            raise FormulaError(msg)
        if not text.strip():
            msg = "formula is empty"
            raise FormulaError(msg)
        try:
            tree = ast.parse(text.strip(), mode="eval").body
        except SyntaxError as exc:
            msg = f"formula {text!r} is not valid: {exc.msg}"
            raise FormulaError(msg) from None
        except (RecursionError, MemoryError):
            msg = f"formula is nested too deeply (more than {_MAX_DEPTH} levels)"
            raise FormulaError(msg) from None
        names: set[str] = set()
        fn = _compile(tree, names, depth=0, text=text)
        return cls(text=text, names=frozenset(names), _tree=tree, _fn=fn)

    def evaluate(self, env: Mapping[str, Value]) -> Value:
        """Value of the formula with names bound from ``env``.

        Values may be floats or numpy arrays (broadcast together). A name
        missing from ``env`` raises :class:`FormulaError`. Division by zero
        gives ``inf``/``nan`` (numpy semantics); callers check finiteness
        where they know which line and year they are computing.
        """
        missing = self.names - env.keys()
        if missing:
            msg = f"formula {self.text!r} uses unknown name(s): {', '.join(sorted(missing))}"
            raise FormulaError(msg)
        with np.errstate(all="ignore"):
            return self._fn(env)

    def to_excel(self, refs: Mapping[str, str]) -> str:
        """The formula as Excel formula text (without the leading ``=``).

        ``refs`` maps each name to a cell reference, a defined name or a
        literal number as text. ``mround`` becomes ``ROUND(x/m,0)*m``, which,
        unlike Excel's ``MROUND``, accepts negative values.
        """
        return _excel(self._tree, refs)


def _compile(node: ast.AST, names: set[str], depth: int, text: str) -> _Compiled:
    if depth > _MAX_DEPTH:
        msg = f"formula is nested too deeply (more than {_MAX_DEPTH} levels)"
        raise FormulaError(msg)
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            msg = f"formula {text!r}: only numbers are allowed as constants, not {node.value!r}"
            raise FormulaError(msg)
        try:
            value = float(node.value)
        except OverflowError:
            value = float("inf")
        if not np.isfinite(value):
            msg = f"formula {text!r}: the number {node.value!r} is too large"
            raise FormulaError(msg)
        return lambda env: value
    if isinstance(node, ast.Name):
        name = node.id
        names.add(name)
        return lambda env: env[name]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        operand = _compile(node.operand, names, depth + 1, text)
        if isinstance(node.op, ast.USub):
            return lambda env: np.negative(operand(env))
        return operand
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        op = _BINARY[type(node.op)][0]
        left = _compile(node.left, names, depth + 1, text)
        right = _compile(node.right, names, depth + 1, text)
        return lambda env: op(left(env), right(env))
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in _FUNCTIONS:
            shown = ast.unparse(node.func)
            allowed = ", ".join(sorted(_FUNCTIONS))
            msg = f"formula {text!r}: unknown function {shown!r} (allowed: {allowed})"
            raise FormulaError(msg)
        if node.keywords:
            msg = f"formula {text!r}: functions take positional arguments only"
            raise FormulaError(msg)
        spec = _FUNCTIONS[node.func.id]
        count = len(node.args)
        if count < spec.min_args or (spec.max_args is not None and count > spec.max_args):
            msg = f"formula {text!r}: {node.func.id}() cannot take {count} argument(s)"
            raise FormulaError(msg)
        args = [_compile(arg, names, depth + 1, text) for arg in node.args]
        impl = spec.impl
        return lambda env: impl(*(arg(env) for arg in args))
    shown = type(node).__name__
    with contextlib.suppress(Exception):
        shown = repr(ast.unparse(node))
    msg = f"formula {text!r}: {shown} is not allowed (only numbers, names, + - * / **, and {', '.join(sorted(_FUNCTIONS))})"
    raise FormulaError(msg)


def _excel(node: ast.AST, refs: Mapping[str, str]) -> str:
    if isinstance(node, ast.Constant):
        return repr(float(node.value)).removesuffix(".0")
    if isinstance(node, ast.Name):
        return refs[node.id]
    if isinstance(node, ast.UnaryOp):
        sign = "-" if isinstance(node.op, ast.USub) else ""
        return f"{sign}({_excel(node.operand, refs)})"
    if isinstance(node, ast.BinOp):
        symbol = _BINARY[type(node.op)][1]
        return f"({_excel(node.left, refs)}{symbol}{_excel(node.right, refs)})"
    if isinstance(node, ast.Call):
        name = node.func.id  # type: ignore[attr-defined]
        args = [_excel(arg, refs) for arg in node.args]
        if name == "mround":
            return f"ROUND({args[0]}/({args[1]}),0)*({args[1]})"
        if name == "round" and len(args) == 1:
            args.append("0")
        return f"{_FUNCTIONS[name].excel}({','.join(args)})"
    msg = f"cannot render {ast.dump(node)} as Excel"  # unreachable: parse() rejects it
    raise FormulaError(msg)
