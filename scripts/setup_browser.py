"""Make sure the browser tests have what they need: Debian's Chromium and axe-core.

- Chromium: if ``/usr/bin/chromium`` is missing and we are root, install Debian's ``chromium``
  package (and basic fonts) with apt-get. We never download a browser build of our own
  (``playwright install`` would): the tests drive the system Chromium.
- axe-core (the accessibility engine the tests inject into every page): installed from the npm
  registry into ``.venv/axe`` (git-ignored with the venv), so the tests find
  ``.venv/axe/node_modules/axe-core/axe.min.js``.

Both steps are skipped when their result is already there, so `make test` pays for them once.
Exit status: 0 when everything is ready; non-zero when something is missing *and* ``CI=true``
(locally the browser tests then skip with a clear reason instead).

Usage: python scripts/setup_browser.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from apt_packages import can_install, install
from browser_env import AXE_JS, AXE_PREFIX, CHROMIUM, ROOT

AXE_SPEC = "axe-core@4"
APT_PACKAGES = ["chromium", "fonts-liberation", "fonts-dejavu-core"]


def say(message: str) -> None:
    print(f"[setup_browser] {message}", flush=True)


def ensure_chromium() -> bool:
    if CHROMIUM.exists():
        say(f"Chromium found at {CHROMIUM}")
        return True
    ok, why = can_install()
    if not ok:
        say(
            f"Chromium is missing at {CHROMIUM} and cannot be installed here "
            f"({why}); install Debian's 'chromium' package."
        )
        return False
    say(f"Chromium missing: apt-get install {' '.join(APT_PACKAGES)} ...")
    if not install(APT_PACKAGES, say):
        return False
    if not CHROMIUM.exists():
        say(f"apt-get finished but {CHROMIUM} is still missing")
        return False
    say(f"Chromium installed at {CHROMIUM}")
    return True


def ensure_axe() -> bool:
    if AXE_JS.is_file() and AXE_JS.stat().st_size > 100_000:
        say(f"axe-core found at {AXE_JS.relative_to(ROOT)}")
        return True
    npm = shutil.which("npm")
    if npm is None:
        say("npm is missing, so axe-core cannot be installed; install Debian's 'npm' package")
        return False
    AXE_PREFIX.mkdir(parents=True, exist_ok=True)
    say(f"installing {AXE_SPEC} from the npm registry into {AXE_PREFIX.relative_to(ROOT)} ...")
    cmd = [
        npm,
        "install",
        "--prefix",
        str(AXE_PREFIX),
        "--no-audit",
        "--no-fund",
        "--no-save",
        AXE_SPEC,
    ]
    result = subprocess.run(cmd, stdin=subprocess.DEVNULL)
    if result.returncode != 0 or not AXE_JS.is_file():
        say(f"npm install {AXE_SPEC} failed (exit code {result.returncode})")
        return False
    say(f"axe-core installed at {AXE_JS.relative_to(ROOT)}")
    return True


def main() -> int:
    ok_browser = ensure_chromium()
    ok_axe = ensure_axe()
    if ok_browser and ok_axe:
        say("browser tests are ready")
        return 0
    if os.environ.get("CI", "").lower() == "true":
        say("CI=true: the browser tests cannot run without these, failing")
        return 1
    say("the browser tests will be skipped (they fail instead under CI=true)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
