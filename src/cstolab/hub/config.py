"""The JupyterHub configuration of ``make hub``, built as a traitlets Config.

One machine, students as local processes (``SimpleLocalProcessSpawner``): every single-user server
runs as the Unix user that started the hub, in that student's own home folder
``<dir>/homes/<name>``, with the course's environment (the Python running the hub, so the
``cstolab.labserver`` extension draws charts offline and nbgitpuller is there). Everything the
hub keeps (database, cookie secret, proxy pid) lives in ``<dir>/state``, so a restarted hub knows
its students again. Real hubs differ on purpose in three places, see book/instructors/hub.md:
a real authenticator, one Unix user or one container per student, and no ``--allow-root``.

>>> settings = HubSettings(Path("/srv/hub"), user_password="correct-horse")
>>> hub_config(settings).Spawner.home_dir_template
'/srv/hub/homes/{username}'
"""

from __future__ import annotations

import hashlib
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config

# a student's name is also a folder name: lower-case letters, digits, - and _ only
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,31}$"
ADMIN = "instructor"
VEGA_FILE = "vega.js"  # in state/: see cstolab.labserver.build_bundle


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (for the hub's internal API and the proxy's API)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def runtime_dir(base: Path) -> Path:
    """The folder of the students' kernel sockets for a hub over ``base`` (short: see below)."""
    digest = hashlib.sha256(str(base.resolve()).encode()).hexdigest()[:8]
    return Path("/tmp") / f"cstolab-hub-{digest}"


@dataclass
class HubSettings:
    """What differs between ``make hub``, the tests and the load test."""

    base: Path  # holds homes/ and state/
    user_password: str
    admin_password: str = ""
    ip: str = "127.0.0.1"
    port: int = 8000
    proxy: Path | None = None  # configurable-http-proxy; None: whatever is on PATH
    allow_remote: bool = False
    # stop servers idle this long (seconds); 0: no idle culler
    cull_idle: int = 3600
    # a busy machine with a class starting at once needs long start-up timeouts
    start_timeout: int = 300


def hub_config(s: HubSettings) -> Config:
    """The configuration for a hub serving ``s.base``."""
    c = Config()
    base = s.base.resolve()
    state = base / "state"
    bin_dir = Path(sys.executable).parent

    c.JupyterHub.bind_url = f"http://{s.ip}:{s.port}/"
    # the hub's own API and the proxy's API on free loopback ports, so that several hubs (tests,
    # the load test, `make hub`) can run side by side
    c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{free_port()}"
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{free_port()}"
    if s.proxy is not None:
        c.ConfigurableHTTPProxy.command = [str(s.proxy)]
    c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
    c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(state / "cookie_secret")
    c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
    # JupyterHub also reads an optional jupyterhub_config.py from its working folder, state/
    # (the launcher changes into it): the place for an instructor's own overrides

    c.JupyterHub.authenticator_class = "cstolab.hub.auth.DemoAuthenticator"
    c.DemoAuthenticator.user_password = s.user_password
    c.DemoAuthenticator.allow_remote = s.allow_remote
    if s.admin_password:
        c.DemoAuthenticator.admin_users = {ADMIN}
        c.DemoAuthenticator.admin_password = s.admin_password
    # anyone with the password may pick a name (a class signs in as it arrives)
    c.Authenticator.allow_all = True
    c.Authenticator.username_pattern = USERNAME_PATTERN

    c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
    c.SimpleLocalProcessSpawner.home_dir_template = str(base / "homes" / "{username}")
    # the single-user server of the environment running the hub, whatever PATH says
    c.Spawner.cmd = [str(bin_dir / "jupyterhub-singleuser")]
    c.Spawner.default_url = "/lab"
    c.Spawner.start_timeout = s.start_timeout
    c.Spawner.http_timeout = s.start_timeout
    c.Spawner.environment = {
        # the kernel finds the course's python first (notebooks' `!pip list`, terminals)
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        # the chart libraries, built once by the launcher instead of once per student
        "CSTOLAB_VEGA_BUNDLE": str(state / VEGA_FILE),
    }
    # Kernels talk to their server over Unix sockets, not TCP ports: forty students' kernels
    # starting on one machine at once otherwise race for free ports ("Address already in use",
    # a kernel that dies five times and stays dead; benchmarks/class_load.py). A socket path may
    # have at most 107 bytes, so each student's runtime folder is short, under /tmp.
    runtime = runtime_dir(base)
    c.Spawner.environment["JUPYTER_RUNTIME_DIR"] = lambda spawner: str(runtime / spawner.user.name)
    # A kernel that dies in its first seconds is restarted on new "ports" by default, which over
    # IPC brings nothing (the paths are the student's own) and trips jupyter-server's known bug
    # 481: its websocket and activity tracking stay on the old sockets, so a student's Restart
    # after such a death hangs. Keeping the sockets avoids it.
    c.Spawner.args = [
        "--KernelManager.transport=ipc",
        "--KernelRestarter.random_ports_until_alive=False",
    ]
    if os.geteuid() == 0:
        # This demonstration runs every student as the user who started it, and on the course's
        # CI machine that is root, which jupyter-server refuses without --allow-root. Only here:
        # a real hub runs each student as their own user and never passes this flag.
        c.Spawner.args.append("--allow-root")

    if s.cull_idle:
        c.JupyterHub.services = [
            {
                "name": "idle-culler",
                "command": [
                    sys.executable,
                    "-m",
                    "jupyterhub_idle_culler",
                    f"--timeout={s.cull_idle}",
                ],
            }
        ]
        c.JupyterHub.load_roles = [
            {
                "name": "idle-culler",
                "scopes": [
                    "list:users",
                    "read:users:activity",
                    "read:servers",
                    "delete:servers",
                ],
                "services": ["idle-culler"],
            }
        ]
    return c
