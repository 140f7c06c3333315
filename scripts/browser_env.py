"""Where the test browser and axe-core live, and how Chromium is started (one place for all).

Used by scripts/setup_browser.py, tests/test_browser.py and benchmarks/run_all.py.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Debian's Chromium: the tests never download a browser of their own.
CHROMIUM = Path(os.environ.get("CSTOLAB_CHROMIUM", "/usr/bin/chromium"))
AXE_PREFIX = ROOT / ".venv" / "axe"
AXE_JS = AXE_PREFIX / "node_modules" / "axe-core" / "axe.min.js"
# Headless as root, and quiet: without the background-networking flags Chromium tries to reach
# update and sync servers, which this offline setup (rightly) refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
