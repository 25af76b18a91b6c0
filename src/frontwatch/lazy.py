"""Lazy package exports, so that importing a package loads none of its heavy modules.

    __getattr__ = lazy_exports(__name__, {"Engine": "frontwatch.engine.choice"})

A name is imported from its module on first use (PEP 562 module ``__getattr__``).
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports each exported name from its module on use."""

    def __getattr__(name: str) -> Any:
        if name in exports:
            return getattr(importlib.import_module(exports[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
