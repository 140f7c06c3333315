"""Jupyter server extension: serve the course's Vega bundle so charts draw in JupyterLab offline.

Altair's HTML output would fetch Vega from a CDN, which fails on a train and tells a third party
who is studying what. With cstolab installed, every Jupyter server in the environment (``make lab``,
a JupyterHub image) serves :func:`cstolab.vegajs.build_bundle` at ``<base_url>cstolab/vega.js``,
and the course's chart renderer (:mod:`cstolab.charts`) loads Vega from there.

The extension is switched on by ``etc/jupyter/jupyter_server_config.d/cstolab.json``, which the
wheel installs; ``jupyter server extension list`` shows it. We serve the bundle from memory
rather than writing it into the user's folders, so nothing appears next to their notebooks.

>>> URL_PATH
'cstolab/vega.js'
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from typing import Any

URL_PATH = "cstolab/vega.js"
_BUILD = "import sys; from cstolab.vegajs import build_bundle; sys.stdout.buffer.write(build_bundle().encode())"


_LOCK = threading.Lock()  # the start-up thread and a first request must not build it twice


def build_bundle() -> str:
    """:func:`cstolab.vegajs.build_bundle`, computed in a child process.

    Building it loads Altair and vl-convert's JavaScript engine, about 150 MiB that would stay in
    every Jupyter server for an 880 KB string: on a JupyterHub that is 150 MiB per student
    (benchmarks/class_load.py). A child process gives the memory back when it exits. A hub
    builds it once for all its students and names the file in ``CSTOLAB_VEGA_BUNDLE``
    (:mod:`cstolab.hub.config`), so a class starting at once does not build it forty times.
    """
    with _LOCK:
        return _built()


@functools.cache
def _built() -> str:
    shared = os.environ.get("CSTOLAB_VEGA_BUNDLE", "")
    if shared and os.path.isfile(shared):
        with open(shared, encoding="utf-8") as file:
            return file.read()
    result = subprocess.run([sys.executable, "-c", _BUILD], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "cstolab.labserver"}]


def _handler_class() -> type:
    # Imported here so that ``import cstolab`` never pulls in the Jupyter server.
    from jupyter_server.base.handlers import JupyterHandler
    from tornado import web

    class VegaBundleHandler(JupyterHandler):
        """GET the bundle (JavaScript, cacheable for a day: it changes only with Altair)."""

        auth_resource = "contents"

        @web.authenticated
        def get(self) -> None:
            self.set_header("Content-Type", "text/javascript; charset=utf-8")
            self.set_header("Cache-Control", "private, max-age=86400")
            self.finish(build_bundle())

    return VegaBundleHandler


def _load_jupyter_server_extension(serverapp: Any) -> None:
    from jupyter_server.utils import url_path_join

    web_app = serverapp.web_app
    route = url_path_join(web_app.settings["base_url"], URL_PATH)
    web_app.add_handlers(".*$", [(route, _handler_class())])

    # Building the bundle takes a few seconds; do it now so the first chart does not wait.
    threading.Thread(target=build_bundle, name="cstolab-vega-bundle", daemon=True).start()
    serverapp.log.info("cstolab: serving the Vega bundle at %s", route)
