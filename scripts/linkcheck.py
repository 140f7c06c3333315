"""Check every outside link of the book with Sphinx's link checker (`make linkcheck`; needs a network).

Jupyter Book's ``linkcheck`` builder writes into the HTML build folder and would execute the
notebooks with an execution cache of its own, so this runs it on the book with execution off (the
lessons are committed executed; their links do not depend on running them) into a folder of its
own, ``book/_build/linkcheck``, and prints where the report is.

Usage: python scripts/linkcheck.py        (exit status 1 when a link is broken)

>>> linkcheck_config({"execute": {"execute_notebooks": "cache"}})["execute"]
{'execute_notebooks': 'off'}
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
OUT = BOOK / "_build" / "linkcheck"
# Jupyter Book puts the linkcheck report where it would put HTML
REPORT = OUT / "_build" / "html" / "output.txt"


def linkcheck_config(config: dict[str, Any]) -> dict[str, Any]:
    """The book's configuration for a link check: no execution, patient with slow sites."""
    config = {**config, "execute": {**config.get("execute", {}), "execute_notebooks": "off"}}
    sphinx = config.setdefault("sphinx", {})
    sphinx["config"] = {
        **(sphinx.get("config") or {}),
        # Sources' sites can be slow; a timeout is reported as such, not as a broken link.
        "linkcheck_timeout": 30,
        "linkcheck_retries": 2,
        "linkcheck_report_timeouts_as_broken": False,
    }
    return config


def main() -> int:
    config = linkcheck_config(yaml.safe_load((BOOK / "_config.yml").read_text(encoding="utf-8")))
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "_config.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        result = subprocess.run(
            [str(jupyter_book), "build", str(BOOK), "--builder", "linkcheck"]
            + ["--config", str(path), "--path-output", str(OUT)],
            cwd=ROOT,
        )
    if REPORT.exists():
        lines = REPORT.read_text(encoding="utf-8").splitlines()
        broken = [line for line in lines if "[broken]" in line]
        print(f"{len(broken)} broken link(s) of those listed in {REPORT.relative_to(ROOT)}")
        print("A site that refuses robots (403) may still work in a browser: check by hand.")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
