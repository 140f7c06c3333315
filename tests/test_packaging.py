"""A plain (non-editable) `pip install .` carries the datasets inside the wheel."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_install_outside_repo_loads_every_dataset(tmp_path: Path):
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = wheel_dir.glob("cstolab-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "cstolab/data/datapackage.json" in names
    assert "cstolab/data/members.csv" in names
    assert "cstolab/data/references.bib" in names  # cstolab.sources grades rows from it
    overrides = ".data/data/share/jupyter/lab/settings/overrides.json"
    assert any(name.endswith(overrides) for name in names), "no news toast, no kernel dialog"
    # the Jupyter server config that switches on cstolab.labserver (Vega for JupyterLab, no CDN)
    config = ".data/data/etc/jupyter/jupyter_server_config.d/cstolab.json"
    assert any(name.endswith(config) for name in names), names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "--no-deps", str(wheel)], check=True)
    subprocess.run([*pip, "pandas"], check=True)
    code = (
        "import cstolab, pathlib;"
        "assert 'site-packages' in cstolab.__file__, cstolab.__file__;"
        "print(len(cstolab.load('members')));"
        "print(','.join(n for n in cstolab.datasets() if len(cstolab.load(n)) > 0))"
    )
    out = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert int(out[0]) > 0
    installed = venv / "etc" / "jupyter" / "jupyter_server_config.d" / "cstolab.json"
    assert json.loads(installed.read_text())["ServerApp"]["jpserver_extensions"] == {
        "cstolab.labserver": True
    }
    import cstolab

    assert out[1].split(",") == cstolab.datasets()
