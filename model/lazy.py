"""Names a package imports from its modules on first use (a PEP 562 module ``__getattr__``), so a heavy
module (the scenario store and SQLAlchemy) loads only when one of its names is asked for."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping

__all__ = ["lazy_names"]


def lazy_names(package: str, modules: Mapping[str, str], namespace: MutableMapping[str, object]) -> Callable[[str], object]:
    """A ``__getattr__`` for ``package``: ``name`` is imported from ``package.<modules[name]>`` on first use and kept
    in ``namespace`` (the package's globals), so later lookups are ordinary; an unknown name is an AttributeError."""

    def __getattr__(name: str) -> object:
        module = modules.get(name)
        if module is None:
            msg = f"module {package!r} has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(importlib.import_module(f".{module}", package), name)
        namespace[name] = value
        return value

    return __getattr__
