"""The lessons' own presentation charts: one function per figure, in one module per lesson.

The lessons show students the code they are meant to read or write (loading, filtering, grouping,
the exercises); the code that builds each lesson's figures and their computed text descriptions
lives here, where it is tested (``tests/test_figures_lNN.py``)::

    >>> from cstolab import figures
    >>> callable(figures.l04.claims)  # doctest: +SKIP

Modules are imported on first use, so ``import cstolab.figures`` stays cheap.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def __getattr__(name: str) -> ModuleType:
    if name.startswith("l") and name[1:].isdigit():
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError:
            raise AttributeError(f"no figures module for lesson {name!r}") from None
        globals()[name] = module
        return module
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
