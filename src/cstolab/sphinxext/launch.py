"""A clear error for launch buttons configured without the repository they would open.

sphinx-book-theme builds the JupyterHub (nbgitpuller) and Binder links of lesson pages from
``launch_buttons`` and ``repository`` in book/_config.yml. Given a hub or Binder address but no
repository URL, it fails on the first lesson page with "cannot unpack non-iterable NoneType
object"; this check says instead what to set, before anything is read.

>>> class Config:
...     html_theme_options = {"launch_buttons": {"jupyterhub_url": "https://hub.example.edu"}}
>>> launch_settings_problem(Config()).split(":")[0]
'launch_buttons.jupyterhub_url is set but repository.url is empty'
"""

from __future__ import annotations

from typing import Any

from sphinx.errors import ConfigError

# the launch_buttons keys that make sphinx-book-theme build a link to a repository
_NEEDS_REPOSITORY = ("binderhub_url", "jupyterhub_url", "colab_url", "deepnote_url")
_PROVIDERS = ("github.com", "gitlab.com", "bitbucket.org")


def launch_settings_problem(config: Any) -> str | None:
    """The one-line problem with the launch settings, or None when they are usable."""
    options = getattr(config, "html_theme_options", None) or {}
    launch = options.get("launch_buttons") or {}
    wanted = [key for key in _NEEDS_REPOSITORY if str(launch.get(key) or "").strip()]
    if not wanted:
        return None
    url = str(options.get("repository_url") or "").strip()
    if not url:
        return (
            f"launch_buttons.{wanted[0]} is set but repository.url is empty: set repository.url "
            "in book/_config.yml to the course's GitHub, GitLab or Bitbucket address "
            "(see book/instructors/launch.md)."
        )
    if not any(host in url for host in _PROVIDERS) and not options.get("repository_provider"):
        return (
            f"repository.url {url!r} is not on GitHub, GitLab or Bitbucket, so launch buttons "
            "cannot be built from it; use such an address (see book/instructors/launch.md)."
        )
    return None


def _check(app: Any, config: Any) -> None:
    problem = launch_settings_problem(config)
    if problem:
        raise ConfigError(problem)


def setup(app: Any) -> dict[str, Any]:
    app.connect("config-inited", _check)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
