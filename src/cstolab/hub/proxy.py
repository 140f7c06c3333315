"""configurable-http-proxy (JupyterHub's proxy, a Node.js program) from the npm registry.

JupyterHub expects the proxy on PATH, usually installed with ``npm install -g``. We install it into
a folder of the checkout instead (``.hub/node``, gitignored), so ``make hub`` changes nothing
outside the repository, and pin the major version JupyterHub 5 and 6 are tested with.

    $ python -m cstolab.hub.proxy          # install if missing, print the command's path

>>> proxy_command(Path("/srv/node")).as_posix()
'/srv/node/node_modules/.bin/configurable-http-proxy'
"""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = "configurable-http-proxy@^4.6"
DEFAULT_DIR = Path(".hub") / "node"


class ProxyInstallError(Exception):
    """npm is missing or could not install the proxy."""


def proxy_command(node_dir: Path) -> Path:
    return node_dir / "node_modules" / ".bin" / "configurable-http-proxy"


def ensure_proxy(node_dir: Path | str = DEFAULT_DIR) -> Path:
    """The proxy's executable under ``node_dir``, installed with npm the first time.

    A file lock makes concurrent callers (``make test`` workers, a running ``make hub``) wait for
    one installation instead of racing.
    """
    node_dir = Path(node_dir).resolve()
    command = proxy_command(node_dir)
    if command.exists():
        return command
    npm = shutil.which("npm")
    if npm is None:
        raise ProxyInstallError(
            "npm not found: install Node.js and npm (Debian: apt-get install nodejs npm), "
            "then run this again"
        )
    node_dir.mkdir(parents=True, exist_ok=True)
    with open(node_dir / ".install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not command.exists():
            result = subprocess.run(
                [npm, "install", "--prefix", str(node_dir), "--no-audit", "--no-fund", PACKAGE],
                capture_output=True,
                text=True,
            )
            if result.returncode != 0 or not command.exists():
                raise ProxyInstallError(
                    f"npm install {PACKAGE} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
                )
    return command


def main() -> int:
    try:
        print(ensure_proxy(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR))
    except ProxyInstallError as err:
        print(f"cstolab.hub.proxy: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
