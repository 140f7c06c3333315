"""``make hub``: a JupyterHub for the course on 127.0.0.1, with a password printed at start.

    $ python -m cstolab.hub                       # http://127.0.0.1:8000, state in .hub/
    $ python -m cstolab.hub --port 8100 --dir /tmp/hub --password classroom-2026

It writes the student edition into a git repository (``<dir>/course``), installs
configurable-http-proxy if missing, prints the students' password, the instructor's password and
the nbgitpuller link that hands out the lessons, then runs JupyterHub in this process (Ctrl-C
stops it and every student's server; the students' files stay in ``<dir>/homes``).

>>> _parser().parse_args([]).ip
'127.0.0.1'
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path

from cstolab.hub.auth import LoopbackError, refuse_remote
from cstolab.hub.config import ADMIN, VEGA_FILE, HubSettings, hub_config
from cstolab.hub.course import build_course_repo, pull_link
from cstolab.hub.proxy import DEFAULT_DIR, ProxyInstallError, ensure_proxy

# SharedPasswordAuthenticator's own minimums (an admin password grants every student's files)
MIN_PASSWORD = {"password": 8, "admin_password": 32}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="cstolab-hub", description="A demonstration JupyterHub for the course.")
    p.add_argument("--dir", type=Path, default=Path(".hub"), help="state, homes, course (.hub)")
    p.add_argument("--ip", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    p.add_argument(
        "--password",
        default=os.environ.get("CSTOLAB_HUB_PASSWORD", ""),
        help="students' shared password, at least 8 characters (default: generated once and "
        "kept in DIR/state/password)",
    )
    p.add_argument("--admin-password", default="", help="password of the user 'instructor'")
    p.add_argument("--edition", choices=("student", "study"), default="student")
    p.add_argument(
        "--course",
        default="",
        help="git URL of the lessons to hand out (default: write the edition into DIR/course)",
    )
    p.add_argument("--source", default=None, help="lessons folder (default: ./notebooks)")
    p.add_argument("--node-dir", type=Path, default=DEFAULT_DIR, help="where npm installs the proxy")
    p.add_argument("--cull-idle", type=int, default=3600, help="stop servers idle this many s")
    p.add_argument("--start-timeout", type=int, default=300, help="seconds a server may take")
    p.add_argument(
        "--allow-remote-demo",
        action="store_true",
        help="listen on a non-loopback address with the shared demonstration password",
    )
    return p


def _password(given: str, path: Path, length: int) -> str:
    """``given``, or the password kept in ``path`` (made the first time), so restarts keep it."""
    if given:
        return given
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    word = secrets.token_urlsafe(length * 3 // 4)
    path.write_text(word + "\n")
    path.chmod(0o600)
    return word


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        refuse_remote(f"http://{args.ip}:{args.port}/", args.allow_remote_demo)
    except LoopbackError as err:
        print(f"cstolab-hub: {err}", file=sys.stderr)
        return 2
    for name in ("password", "admin_password"):
        value = getattr(args, name)
        if value and len(value) < MIN_PASSWORD[name]:
            print(
                f"cstolab-hub: --{name.replace('_', '-')} must have at least {MIN_PASSWORD[name]} "
                f"characters (got {len(value)})",
                file=sys.stderr,
            )
            return 2
    base = args.dir.resolve()
    state = base / "state"
    user_pw = _password(args.password, state / "password", MIN_PASSWORD["password"] + 4)
    admin_pw = _password(args.admin_password, state / "admin-password", MIN_PASSWORD["admin_password"])
    if admin_pw == user_pw:
        print("cstolab-hub: the admin and student passwords must differ", file=sys.stderr)
        return 2
    try:
        proxy = ensure_proxy(args.node_dir)
        repo_url = args.course or build_course_repo(base / "course", args.source, args.edition)
    except (ProxyInstallError, OSError) as err:
        print(f"cstolab-hub: {err}", file=sys.stderr)
        return 1
    (base / "homes").mkdir(parents=True, exist_ok=True)
    state.mkdir(parents=True, exist_ok=True)
    from cstolab.labserver import build_bundle

    (state / VEGA_FILE).write_text(build_bundle(), encoding="utf-8")

    url = f"http://{args.ip}:{args.port}"
    print(
        f"\nThe course's JupyterHub: {url}/\n"
        f"  students: any name (a-z, 0-9, - and _), password {user_pw}\n"
        f"  instructor (admin): name {ADMIN}, password {admin_pw}\n"
        f"  the lessons (git repository {repo_url}):\n"
        f"    {pull_link(url, repo_url, '00_how_to_use.ipynb')}\n"
        f"  students' files: {base / 'homes'}/<name>/   Stop with Ctrl-C.\n",
        flush=True,
    )
    settings = HubSettings(
        base,
        user_password=user_pw,
        admin_password=admin_pw,
        ip=args.ip,
        port=args.port,
        proxy=proxy,
        allow_remote=args.allow_remote_demo,
        cull_idle=args.cull_idle,
        start_timeout=args.start_timeout,
    )
    os.chdir(state)  # JupyterHub writes a few files into its working folder
    from jupyterhub.app import JupyterHub

    JupyterHub.instance(config=hub_config(settings))
    JupyterHub.launch_instance([])
    return 0
