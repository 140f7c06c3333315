"""A real JupyterLab on 127.0.0.1 and a Chromium that may talk to it only: shared by the Lab tests.

Used by tests/test_jupyterlab.py (charts draw offline) and tests/test_lab_lessons_*.py (every lesson
of the student and the study edition, run as a student would: Run All, read, answer the quiz).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from browser_env import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "jupyter_lab", "guarded_context"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    """Wait until the server answers ``url``; a slow first answer on a busy machine is no failure."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited early:\n{process.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=10):
                return
        except OSError:  # URLError, a refused connection, or a read that timed out while starting
            time.sleep(0.3)
    raise TimeoutError(f"JupyterLab did not answer at {url} within {seconds} s")


@contextmanager
def jupyter_lab(root: Path, home: Path, settings: dict[str, Any] | None = None) -> Iterator[str]:
    """Start JupyterLab over ``root`` with Jupyter folders of its own under ``home``; yield its URL.

    ``settings`` are user settings by plugin id (e.g. the notebook's windowing mode for tests).
    Started as a student would (`jupyter lab`), with no token, as root only where CI is root.
    """
    env = {
        **os.environ,
        # user-level Jupyter folders of our own, so the test neither reads nor writes the user's
        "JUPYTER_CONFIG_DIR": str(home / ".jupyter"),
        "JUPYTER_DATA_DIR": str(home / ".data"),
        "JUPYTER_RUNTIME_DIR": str(home / ".runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / ".settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / ".workspaces"),
    }
    for plugin, values in (settings or {}).items():
        package, _, name = plugin.partition(":")
        path = home / ".settings" / package / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--ServerApp.root_dir={root}",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            # the tests end each lesson's kernel through the REST API without a browser cookie
            "--ServerApp.disable_check_xsrf=True",
            # CI runs as root; Jupyter refuses that unless told
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(base + "api", process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def guarded_context(playwright: Any, blocked: list[str], seen: list[str] | None = None):
    """A browser context whose requests to any host but 127.0.0.1 are aborted and recorded."""

    def guard(route: Any) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            if seen is not None:
                seen.append(url)
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    try:
        context = browser.new_context(
            service_workers="block", viewport={"width": 1280, "height": 900}
        )
        context.route("**/*", guard)
        yield context
    finally:
        browser.close()
