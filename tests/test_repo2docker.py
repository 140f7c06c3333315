"""repo2docker (Binder, JupyterHub images) builds an image with the course installed.

Docker is not needed: ``jupyter-repo2docker --no-build`` only writes the Dockerfile, and a dry run
never contacts the container engine (DOCKER_HOST points nowhere to prove it). What the image then
holds is tested elsewhere: a plain install of the wheel carries the datasets and switches on the
chart server extension and JupyterLab's defaults (tests/test_packaging.py), so no postBuild is
needed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / ".binder"


@pytest.fixture(scope="module")
def dockerfile() -> str:
    repo2docker = Path(sys.executable).with_name("jupyter-repo2docker")
    env = {**os.environ, "DOCKER_HOST": "unix:///nonexistent/docker.sock"}
    result = subprocess.run(
        [str(repo2docker), "--no-build", "--debug", "."],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "Building conda environment for python=3.11" in result.stderr
    return result.stdout


def test_dockerfile_installs_the_course_after_copying_the_repository(dockerfile: str):
    lines = dockerfile.splitlines()
    copy_repo = [
        i for i, line in enumerate(lines) if re.match(r"COPY .*\bsrc/ \$\{REPO_DIR\}/", line)
    ]
    install = [
        i
        for i, line in enumerate(lines)
        if 'pip install --no-cache-dir -r ".binder/requirements.txt"' in line
    ]
    assert len(copy_repo) == 1 and len(install) == 1, dockerfile
    # a local requirement (".") is installed only once the whole repository is in the image
    assert copy_repo[0] < install[0]
    # runtime.txt's Python: the conda lock file of 3.11 (its name escaped by repo2docker)
    assert re.search(r"environment-2epy-2d3-2e11-2dlinux.*/tmp/env/environment.lock", dockerfile)


def test_requirements_name_the_course_and_read_as_utf8():
    from repo2docker.utils import is_local_pip_requirement, open_guess_encoding

    with open_guess_encoding(BINDER / "requirements.txt") as file:
        lines = file.read().splitlines()
    assert file.encoding.lower().replace("-", "").replace("_", "") in {"utf8", "ascii"}
    requirements = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert "." in requirements  # the course itself, from the repository root
    assert any(is_local_pip_requirement(line) for line in requirements)
    # JupyterHub launch links are nbgitpuller links (book/instructors/launch.md)
    assert any(line.startswith("nbgitpuller") for line in requirements)
    assert (BINDER / "runtime.txt").read_text().strip() == "python-3.11"


def test_build_context_leaves_out_local_environments_and_builds(monkeypatch):
    """What repo2docker would send to Docker: the repository, without .venv or book/_build."""
    from repo2docker.buildpacks.python import PythonBuildPack

    class Engine:
        def build(self, fileobj, **kwargs):
            self.names = tarfile.open(fileobj=fileobj).getnames()
            return iter(())

    monkeypatch.chdir(ROOT)  # repo2docker reads the repository from the working directory
    pack = PythonBuildPack(base_image="docker.io/library/buildpack-deps:jammy")
    pack.platform = "linux/amd64"
    assert pack.detect()
    engine = Engine()
    list(pack.build(engine, "cstolab", 0, {"NB_USER": "jovyan", "NB_UID": "1000"}, [], {}))
    top = {name.split("/")[1] for name in engine.names if name.startswith("src/") and "/" in name}
    assert {"pyproject.toml", "src", "data", "notebooks", "book", "jupyter-config"} <= top
    # what `pip install .` needs in the image: the package, its data and its Jupyter config
    for needed in (
        "src/cstolab/__init__.py",
        "book/references.bib",
        "jupyter-config/lab-overrides.json",
    ):
        assert f"src/{needed}" in engine.names
    assert not any(
        part in {".venv", "__pycache__", ".ipynb_checkpoints"}
        for name in engine.names
        for part in name.split("/")
    )
    assert not any(name.startswith(("src/book/_build", "src/lab/")) for name in engine.names)
