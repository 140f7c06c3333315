"""Install Debian packages with apt-get, waiting for another apt-get instead of failing.

Used by scripts/setup_pdf.py and scripts/setup_browser.py, which ``make test`` runs one after the
other (and which unattended upgrades may overlap).

>>> install(["poppler-utils"], say=print)  # doctest: +SKIP
True
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable

# how long to wait for dpkg's lock held by another apt-get (seconds)
LOCK_TIMEOUT = 600


def can_install() -> tuple[bool, str]:
    """Whether apt-get can install here, and if not, why (``"not root"`` or ``"no apt-get"``)."""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        return False, "not root"
    if shutil.which("apt-get") is None:
        return False, "no apt-get"
    return True, ""


def install(packages: list[str], say: Callable[[str], None]) -> bool:
    """``apt-get update`` then install ``packages`` without recommends; False (said) on failure."""
    apt = shutil.which("apt-get")
    if apt is None:
        say("apt-get is missing")
        return False
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    lock_wait = ["-o", f"DPkg::Lock::Timeout={LOCK_TIMEOUT}"]
    add = [apt, *lock_wait, "install", "-y", "--no-install-recommends", *packages]
    for cmd in ([apt, *lock_wait, "update"], add):
        result = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            say(f"'{' '.join(cmd)}' failed with exit code {result.returncode}")
            return False
    return True
