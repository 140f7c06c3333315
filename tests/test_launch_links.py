"""Launch buttons: a JupyterHub (nbgitpuller) link on lesson pages only when the book is told where.

Two builds of a tiny copy of the book (intro + lesson 1, execution off, the real configuration and
extensions): one with the book's configuration as committed, one with ``repository`` and
``launch_buttons.jupyterhub_url`` set as book/instructors/launch.md tells instructors to.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
LESSON = "notebooks/01_what_is_the_csto"
HUB = "https://hub.example.edu"
BINDER = "https://binder.example.org"
REPO = "https://github.com/example-org/cstolab"
LAUNCH_SETTINGS = {
    "repository": {"url": REPO, "branch": "main", "path_to_book": "book"},
    "launch_buttons": {"jupyterhub_url": HUB, "binderhub_url": BINDER},
}


class _Links(HTMLParser):
    """Every ``href`` on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [value for name, value in attrs if name == "href" and value]


def _build_tiny_book(folder: Path, extra: dict) -> subprocess.CompletedProcess:
    """Build intro + one lesson with the book's configuration updated by ``extra``."""
    book = folder / "book"
    (book / "notebooks").mkdir(parents=True)
    for name in ("_static", "_templates"):
        shutil.copytree(ROOT / "book" / name, book / name)
    shutil.copy(ROOT / "book" / "references.bib", book)
    shutil.copy(ROOT / f"book/{LESSON}.ipynb", book / f"{LESSON}.ipynb")
    (book / "intro.md").write_text("# A tiny copy of the course\n")
    config = yaml.safe_load((ROOT / "book" / "_config.yml").read_text())
    config["execute"]["execute_notebooks"] = "off"  # committed outputs; minutes saved
    for section, values in extra.items():
        config.setdefault(section, {}).update(values)
    (book / "_config.yml").write_text(yaml.safe_dump(config))
    toc = {"format": "jb-book", "root": "intro", "chapters": [{"file": LESSON}]}
    (book / "_toc.yml").write_text(yaml.safe_dump(toc))
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    return subprocess.run(
        [str(jupyter_book), "build", str(book), "--path-output", str(folder / "out")],
        capture_output=True,
        text=True,
    )


def _lesson_page(folder: Path, extra: dict) -> str:
    """The HTML of the lesson in a tiny book built with ``extra``."""
    result = _build_tiny_book(folder, extra)
    page = folder / "out" / "_build" / "html" / f"{LESSON}.html"
    if result.returncode != 0 or not page.exists():
        pytest.fail("tiny book build failed:\n" + result.stdout[-4000:] + result.stderr[-4000:])
    return page.read_text(encoding="utf-8")


def _links(html: str, marker: str) -> set[str]:
    parser = _Links()
    parser.feed(html)
    return {href for href in parser.hrefs if marker in href}


@pytest.mark.slow
def test_default_build_has_no_launch_button(tmp_path: Path):
    html = _lesson_page(tmp_path, {})
    assert _links(html, "/git-pull?") == set()
    assert _links(html, "/v2/gh/") == set()
    assert "launch-buttons" not in html  # the theme's rocket menu
    # no repository named either (Jupyter Book's default would be its own)
    assert "executablebooks" not in html


@pytest.mark.slow
def test_configured_build_links_the_lesson_on_the_hub_and_binder(tmp_path: Path):
    html = _lesson_page(tmp_path, LAUNCH_SETTINGS)
    (link,) = _links(html, "/git-pull?")
    url = urlsplit(link)
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{HUB}/hub/user-redirect/git-pull"
    query = {key: values[0] for key, values in parse_qs(url.query).items()}
    assert query["repo"] == REPO
    assert query["branch"] == "main"
    # nbgitpuller clones into a folder named after the repository; the lesson opens in JupyterLab
    assert query["urlpath"] == f"lab/tree/cstolab/book/{LESSON}.ipynb"
    # ... and that path exists in this repository (book/notebooks is a symlink to notebooks/)
    assert (ROOT / "book" / f"{LESSON}.ipynb").is_file()
    # Binder builds the repository's .binder/ image and opens the same notebook
    assert _links(html, BINDER) == {
        f"{BINDER}/v2/gh/example-org/cstolab/main?urlpath=lab/tree/book/{LESSON}.ipynb"
    }


@pytest.mark.slow
def test_hub_without_repository_is_one_clear_error(tmp_path: Path):
    result = _build_tiny_book(tmp_path, {"launch_buttons": {"jupyterhub_url": HUB}})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "launch_buttons.jupyterhub_url is set but repository.url is empty" in output
    assert "NoneType" not in output  # the theme's own failure is not reached


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({}, None),
        ({"launch_buttons": {"jupyterhub_url": "", "binderhub_url": ""}}, None),
        ({"launch_buttons": {"binderhub_url": BINDER}, "repository_url": REPO}, None),
        ({"launch_buttons": {"binderhub_url": BINDER}}, "binderhub_url is set but repository"),
        (
            {"launch_buttons": {"jupyterhub_url": HUB}, "repository_url": "https://git.uni.edu/c"},
            "not on GitHub, GitLab or Bitbucket",
        ),
    ],
)
def test_launch_settings_problem(options: dict, problem: str | None):
    from cstolab.sphinxext.launch import launch_settings_problem

    class Config:
        html_theme_options = options

    found = launch_settings_problem(Config())
    assert found is None if problem is None else problem in found
