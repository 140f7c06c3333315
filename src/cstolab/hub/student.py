"""A simulated student on a JupyterHub, through its REST API and the kernel websocket.

Used by the hub tests and the load test (``benchmarks/class_load.py``); it also smoke-tests a
real hub that uses a password login. Each step is what JupyterLab does for a student: log in,
start the server, pull the lessons (nbgitpuller), open a notebook (a session and its kernel),
run cells, save.

    >>> s = Student("http://127.0.0.1:8000", "ana", "the-password")   # doctest: +SKIP
    >>> s.login(); s.start_server(); s.pull("file:///srv/course")      # doctest: +SKIP
    >>> s.kernel(s.open_notebook("cstolab/05_airlift_and_readiness.ipynb")).run("1 + 1").text  # doctest: +SKIP
    '2'
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import requests
import websocket  # websocket-client

from cstolab.hub.course import BRANCH, TARGET


class HubError(RuntimeError):
    """A step failed: the message says which and what the hub answered."""


class KernelDied(HubError):
    """The kernel stopped (was killed or crashed) while running a cell."""


@dataclass
class Result:
    status: str  # "ok" or "error"
    outputs: list[dict] = field(default_factory=list)
    error: str = ""

    @property
    def text(self) -> str:
        """Plain text of every output, joined."""
        parts = []
        for out in self.outputs:
            if out["msg_type"] == "stream":
                parts.append(out["content"]["text"])
            elif "data" in out["content"]:
                parts.append(out["content"]["data"].get("text/plain", ""))
        return "".join(parts).strip()


class Kernel:
    """One kernel's websocket; :meth:`run` executes code and waits for it to finish."""

    def __init__(self, url: str, token: str, timeout: float) -> None:
        self.timeout = timeout
        self.session = uuid.uuid4().hex
        self.ws = websocket.create_connection(
            url, header=[f"Authorization: token {token}"], timeout=timeout
        )

    def run(self, code: str, timeout: float | None = None) -> Result:
        msg_id = uuid.uuid4().hex
        self.ws.send(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "msg_type": "execute_request",
                        "session": self.session,
                        "username": "student",
                        "version": "5.3",
                        "date": "",
                    },
                    "parent_header": {},
                    "metadata": {},
                    "content": {
                        "code": code,
                        "silent": False,
                        "store_history": True,
                        "user_expressions": {},
                        "allow_stdin": False,
                        "stop_on_error": True,
                    },
                    "channel": "shell",
                    "buffers": [],
                }
            )
        )
        deadline = time.monotonic() + (timeout or self.timeout)
        result, replied, idle = Result("ok"), False, False
        while not (replied and idle):
            left = deadline - time.monotonic()
            if left <= 0:
                raise HubError(f"cell did not finish within {timeout or self.timeout} s")
            self.ws.settimeout(left)  # a reply that never comes must not block past the deadline
            try:
                msg = json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                continue
            kind, content = msg["msg_type"], msg.get("content", {})
            if kind == "status" and content.get("execution_state") in ("restarting", "dead"):
                raise KernelDied(f"kernel {content['execution_state']} while running a cell")
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if kind == "execute_reply":
                replied = True
                if content.get("status") != "ok":
                    result.status = "error"
                    result.error = result.error or f"{content.get('ename')}: {content.get('evalue')}"
            elif kind == "status" and content.get("execution_state") == "idle":
                idle = True
            elif kind == "error":
                result.error = f"{content.get('ename')}: {content.get('evalue')}"
            elif kind in ("stream", "execute_result", "display_data"):
                result.outputs.append({"msg_type": kind, "content": content})
        return result

    def close(self) -> None:
        self.ws.close()


class Student:
    """One student: ``name`` logs in with ``password`` on the hub at ``hub_url``."""

    def __init__(self, hub_url: str, name: str, password: str, timeout: float = 600) -> None:
        self.hub = hub_url.rstrip("/")
        self.name, self.password, self.timeout = name, password, timeout
        self.token = ""
        self.api = requests.Session()

    # --- the hub -------------------------------------------------------------------------
    def login(self) -> str:
        """Log in with the password form, as in a browser, then ask for an API token."""
        browser = requests.Session()
        browser.get(f"{self.hub}/hub/login", timeout=self.timeout)
        xsrf = browser.cookies.get("_xsrf", "")
        form = {"username": self.name, "password": self.password, "_xsrf": xsrf}
        r = browser.post(
            f"{self.hub}/hub/login", data=form, allow_redirects=False, timeout=self.timeout
        )
        if r.status_code != 302 or "login" in r.headers.get("Location", "").split("?")[0]:
            raise HubError(f"{self.name}: login refused ({r.status_code})")
        # the XSRF token is bound to the session that logging in just started: a page gives the
        # new one (the home page, not /hub/spawn where the login redirects, which would spawn)
        browser.get(f"{self.hub}/hub/home", timeout=self.timeout)
        xsrf = browser.cookies.get("_xsrf", "")
        r = browser.post(
            f"{self.hub}/hub/api/users/{self.name}/tokens",
            json={"note": "simulated student", "expires_in": 86400},
            headers={"X-XSRFToken": xsrf},
            timeout=self.timeout,
        )
        self._expect(r, 200, 201, what="token")
        self.use_token(r.json()["token"])
        return self.token

    def use_token(self, token: str) -> None:
        self.token = token
        self.api.headers["Authorization"] = f"token {token}"

    def get(self, path: str, **kw: Any) -> requests.Response:
        """GET ``path`` (below the hub's address) with this student's token."""
        return self.api.get(self.hub + path, timeout=self.timeout, **kw)

    def start_server(self) -> None:
        r = self.api.post(f"{self.hub}/hub/api/users/{self.name}/server", timeout=self.timeout)
        if r.status_code not in (201, 202, 400):  # 400: already running
            raise HubError(f"{self.name}: spawn answered {r.status_code} {r.text[:200]}")
        self._poll(lambda: self._server().get("ready"), "server ready")
        self._poll(lambda: self.get(f"/user/{self.name}/api/status").status_code == 200, "server")

    def stop_server(self) -> None:
        self.api.delete(f"{self.hub}/hub/api/users/{self.name}/server", timeout=self.timeout)
        self._poll(lambda: not self._server(), "server stopped")

    def _server(self) -> dict:
        r = self.get(f"/hub/api/users/{self.name}")
        self._expect(r, 200, what="user model")
        return r.json().get("servers", {}).get("", {})

    # --- the single-user server ------------------------------------------------------------
    def pull(self, repo: str, branch: str = BRANCH, target: str = TARGET) -> list[dict]:
        """Pull ``repo`` into ~/``target`` with nbgitpuller (its event stream); its events."""
        r = self.get(
            f"/user/{self.name}/git-pull/api",
            params={"repo": repo, "branch": branch, "targetpath": target},
        )
        self._expect(r, 200, what="git-pull")
        events = [
            json.loads(line[len("data: ") :])
            for line in r.text.splitlines()
            if line.startswith("data: ")
        ]
        if not events or events[-1].get("phase") != "finished":
            last = events[-1] if events else {}
            raise HubError(f"{self.name}: pull failed: {last.get('message', r.text[-300:])}")
        return events

    def contents(self, path: str) -> dict:
        r = self.get(f"/user/{self.name}/api/contents/{quote(path)}")
        self._expect(r, 200, what=path)
        return r.json()

    def save(self, path: str, notebook: dict) -> None:
        r = self.api.put(
            f"{self.hub}/user/{self.name}/api/contents/{quote(path)}",
            json={"type": "notebook", "format": "json", "content": notebook},
            timeout=self.timeout,
        )
        self._expect(r, 200, 201, what=f"save {path}")

    def open_notebook(self, path: str) -> str:
        """Open ``path`` as JupyterLab does (a session starts its kernel); the kernel id."""
        r = self.api.post(
            f"{self.hub}/user/{self.name}/api/sessions",
            json={"path": path, "name": path, "type": "notebook", "kernel": {"name": "python3"}},
            timeout=self.timeout,
        )
        self._expect(r, 200, 201, what="session")
        return r.json()["kernel"]["id"]

    def kernel(self, kernel_id: str) -> Kernel:
        ws = self.hub.replace("http", "ws", 1)
        return Kernel(
            f"{ws}/user/{self.name}/api/kernels/{kernel_id}/channels", self.token, self.timeout
        )

    def restart_kernel(self, kernel_id: str) -> None:
        """Kernel → Restart after a crash, as a student does it in JupyterLab.

        The server restarts a dead kernel by itself first (JupyterLab shows "Kernel
        Restarting"); the student clicks Restart once the kernel answers again. A Restart that
        arrives while the server's own restart is still starting the kernel races it: it fails
        (500), or jupyter-client ends up with two kernels and the notebook's websocket never
        connects. So this waits for the kernel to answer first, then asks until it is accepted.
        """
        self.wait_for_kernel(kernel_id)
        url = f"{self.hub}/user/{self.name}/api/kernels/{kernel_id}/restart"
        self._poll(lambda: self.api.post(url, timeout=self.timeout).status_code == 200, "restart")

    def wait_for_kernel(self, kernel_id: str) -> None:
        """Wait until the kernel runs a cell on a new connection (after it died, say)."""

        def answers() -> bool:
            try:
                kernel = self.kernel(kernel_id)
            except (websocket.WebSocketException, OSError):
                return False
            try:
                return kernel.run("None", timeout=20).status == "ok"
            except (HubError, websocket.WebSocketException, OSError):
                return False
            finally:
                kernel.close()

        self._poll(answers, f"kernel {kernel_id} answering")

    # --- helpers ---------------------------------------------------------------------------
    def _expect(self, r: requests.Response, *codes: int, what: str) -> None:
        if r.status_code not in codes:
            raise HubError(f"{self.name}: {what} answered {r.status_code} {r.text[:200]}")

    def _poll(self, ready: Any, what: str) -> None:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            try:
                if ready():
                    return
            except requests.RequestException:
                pass  # the proxy may not route to a server that is still starting
            time.sleep(0.5)
        raise HubError(f"{self.name}: {what} not within {self.timeout} s")
