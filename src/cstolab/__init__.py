"""cstolab: data and tools for an open course on the CSTO and its January 2022 operation.

>>> import cstolab
>>> df = cstolab.load("members")

Heavy modules (Altair, the exercise checker) are imported only when first used, so
``import cstolab`` costs little more than ``import pandas``.
"""

from __future__ import annotations

import importlib
from typing import Any

from cstolab.data import DataValidationError, datasets, describe, load

__version__ = "0.1.0"

__all__ = ["datasets", "load", "describe", "DataValidationError", "__version__"]

# name -> module that defines it; imported on first attribute access (PEP 562)
_LAZY = {
    "summarise_claims": "cstolab.claims",
    "check": "cstolab.exercises",
    "hint": "cstolab.exercises",
    "charts": "cstolab.charts",
    "airlift": "cstolab.airlift",
    "exercises": "cstolab.exercises",
    "claims": "cstolab.claims",
    "sources": "cstolab.sources",
    "figures": "cstolab.figures",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = importlib.import_module(_LAZY[name])
        value = module if module.__name__.endswith(name) else getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'cstolab' has no attribute {name!r}")
