"""The demonstration authenticator: one shared password, and only on a loopback address.

JupyterHub's own :class:`SharedPasswordAuthenticator` lets anyone who knows the password log in
as any student. That is right for trying the course on one's own machine and wrong on a network,
so this subclass refuses to start when the hub listens anywhere but loopback, unless
``allow_remote`` is set on purpose (``make hub HUB_ARGS=--allow-remote-demo``). A class on a real
hub uses a real authenticator (book/instructors/hub.md).

>>> is_loopback("http://127.0.0.1:8000/"), is_loopback("http://0.0.0.0:8000/")
(True, False)
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from jupyterhub.authenticators.shared import SharedPasswordAuthenticator
from traitlets import Bool


def is_loopback(url: str) -> bool:
    """True when ``url`` (a bind URL) names a loopback host: 127.0.0.0/8, ::1 or localhost."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name other than localhost, or empty (all addresses)
        return False


class LoopbackError(RuntimeError):
    """The demonstration authenticator was asked to serve a non-loopback address."""


def refuse_remote(bind_url: str, allow_remote: bool) -> None:
    """Raise LoopbackError with one clear sentence unless ``bind_url`` is loopback or allowed."""
    if allow_remote or is_loopback(bind_url):
        return
    raise LoopbackError(
        f"refusing to listen on {urlsplit(bind_url).hostname or 'every address'}: with the "
        "demonstration password anyone who reaches the hub can log in as any student. Use "
        "127.0.0.1, or a real authenticator (book/instructors/hub.md), or pass "
        "--allow-remote-demo if you really mean it"
    )


class DemoAuthenticator(SharedPasswordAuthenticator):
    """SharedPasswordAuthenticator that checks the hub's address when the hub starts."""

    allow_remote = Bool(
        False,
        config=True,
        help="Allow a non-loopback bind address with this (shared-password) authenticator.",
    )

    def check_allow_config(self) -> None:
        # called once by JupyterHub.init_users, before the hub accepts any connection
        super().check_allow_config()
        bind_url = getattr(self.parent, "bind_url", "")
        try:
            refuse_remote(bind_url, self.allow_remote)
        except LoopbackError as err:
            self.log.critical(str(err))
            raise SystemExit(2) from None
