"""`make hub`: a real JupyterHub with nbgitpuller, driven as students drive it (issue 16).

Every test talks to a hub started by ``python -m cstolab.hub`` (configurable-http-proxy from npm,
SimpleLocalProcessSpawner, the demonstration authenticator) through its REST API and the kernel
websocket, as :mod:`cstolab.hub.student` does. Slow on a busy machine (each student's server takes
seconds to start), so every wait is generous and nothing is timed.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import nbformat
import psutil
import pytest
import websocket

from cstolab.hub.auth import DemoAuthenticator, is_loopback, refuse_remote
from cstolab.hub.config import HubSettings, free_port, hub_config
from cstolab.hub.course import TARGET, build_course_repo
from cstolab.hub.student import KernelDied, Student

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import class_load  # noqa: E402

PASSWORD = "test-class-password"
LESSON = f"{TARGET}/00_how_to_use.ipynb"
CHART_LESSON = f"{TARGET}/{class_load.LESSON}"
GIT = ["git", "-c", "user.name=instructor", "-c", "user.email=instructor@localhost"]


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    """A clone of the student edition's repository that the tests may add commits to.

    ``CSTOLAB_HUB_TEST_COURSE`` (a git URL) runs the tests on an existing course repository, e.g.
    while the lessons are half edited; by default the edition of the checkout is built.
    """
    origin = os.environ.get("CSTOLAB_HUB_TEST_COURSE") or build_course_repo(
        ROOT / ".hub" / "course"  # reused when the lessons did not change
    )
    clone = tmp_path_factory.mktemp("upstream") / "course"
    subprocess.run(["git", "clone", "--quiet", origin, str(clone)], check=True)
    return clone


@pytest.fixture(scope="module")
def hub(tmp_path_factory, course):
    base = tmp_path_factory.mktemp("hub")
    with class_load.running_hub(base, PASSWORD, course.as_uri()) as url:
        yield url, base


def student(url: str, name: str) -> Student:
    s = Student(url, name, PASSWORD, timeout=600)
    s.login()
    s.start_server()
    return s


def edited(notebook: dict, note: str) -> dict:
    """``notebook`` with ``note`` prepended to its first Markdown cell."""
    notebook = json.loads(json.dumps(notebook))
    cell = next(c for c in notebook["cells"] if c["cell_type"] == "markdown")
    cell["source"] = f"{note}\n\n{cell['source']}"
    return notebook


def sources(notebook: dict) -> list[tuple[str, str]]:
    """What the student wrote, cell by cell (the server adds metadata such as "trusted")."""
    return [(c["cell_type"], c["source"]) for c in notebook["cells"]]


def test_a_later_pull_keeps_the_students_edit(hub, course):
    url, base = hub
    ana = student(url, "ana")
    ana.pull(course.as_uri())
    home = base / "homes" / "ana" / TARGET
    assert (home / "00_how_to_use.ipynb").is_file() and (home / class_load.LESSON).is_file()

    original = ana.contents(LESSON)["content"]
    ana.save(LESSON, edited(original, "My note: ask about Article 4."))
    # the instructor changes the same cell of the same lesson, and adds a file
    upstream = course / "00_how_to_use.ipynb"
    changed = nbformat.read(upstream, as_version=4)
    first = next(c for c in changed.cells if c.cell_type == "markdown")
    first.source = "Instructor's correction.\n\n" + first.source
    nbformat.write(changed, upstream)
    (course / "NEWS.md").write_text("Lesson 5 moves to week 3.\n")
    subprocess.run([*GIT, "commit", "--quiet", "-am", "fix"], cwd=course, check=True)
    subprocess.run([*GIT, "add", "NEWS.md"], cwd=course, check=True)
    subprocess.run([*GIT, "commit", "--quiet", "-m", "news"], cwd=course, check=True)

    ana.pull(course.as_uri())
    assert (home / "NEWS.md").read_text() == "Lesson 5 moves to week 3.\n"  # the pull happened
    after = nbformat.read(home / "00_how_to_use.ipynb", as_version=4)
    nbformat.validate(after)
    first_md = next(c for c in after.cells if c.cell_type == "markdown")
    assert "My note: ask about Article 4." in first_md.source
    assert "Instructor's correction." not in first_md.source  # the student's version of the cell won


def test_one_students_token_opens_nothing_of_another(hub, course):
    url, _ = hub
    ana, bob = student(url, "ana"), student(url, "bob")
    for s in (ana, bob):
        s.pull(course.as_uri())
    bob_kernel = bob.open_notebook(LESSON)
    paths = [
        f"/user/bob/api/contents/{LESSON}",
        f"/user/bob/files/{LESSON}",
        f"/user/bob/api/kernels/{bob_kernel}",
        "/user/bob/lab",
        "/hub/api/users/bob",
    ]
    for path in paths:
        assert bob.get(path).status_code == 200, path  # the owner may
        answer = ana.get(path, allow_redirects=False)
        assert answer.status_code in (403, 404), (path, answer.status_code)
    # nor start or stop bob's server, nor reach his files through her own server
    assert ana.api.post(f"{url}/hub/api/users/bob/server", timeout=60).status_code in (403, 404)
    assert ana.api.delete(f"{url}/hub/api/users/bob/server", timeout=60).status_code in (403, 404)
    assert ana.get(f"/user/ana/api/contents/../bob/{LESSON}").status_code in (400, 403, 404)
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        ana.kernel(bob_kernel)  # his kernel, with her token
    assert refused.value.status_code in (403, 404)


def kernel_process(base: Path, name: str, kernel_id: str) -> psutil.Process:
    server = class_load.servers(base)[name]
    for proc in server.children(recursive=True):
        if any(kernel_id in part for part in proc.cmdline()):
            return proc
    raise AssertionError(f"no process for kernel {kernel_id}")


def test_a_kernel_killed_mid_lesson_restarts_and_the_saved_notebook_is_intact(hub, course):
    url, base = hub
    ana = student(url, "ana")
    ana.pull(course.as_uri())
    saved = edited(ana.contents(CHART_LESSON)["content"], "Work in progress: exercise 2.")
    ana.save(CHART_LESSON, saved)
    kernel_id = ana.open_notebook(CHART_LESSON)
    kernel = ana.kernel(kernel_id)
    assert kernel.run("import cstolab\nanswer = len(cstolab.datasets())\nanswer > 0").text == "True"

    victim = kernel_process(base, "ana", kernel_id)
    killer = threading.Timer(3, victim.send_signal, args=(signal.SIGKILL,))
    killer.start()
    with pytest.raises(KernelDied):
        kernel.run("import time\ntime.sleep(600)")  # a long cell, killed while it runs
    killer.join()
    kernel.close()

    ana.restart_kernel(kernel_id)  # the student's Kernel → Restart
    assert kernel_process(base, "ana", kernel_id).pid != victim.pid
    kernel = ana.kernel(kernel_id)
    assert kernel.run("'answer' in globals()").text == "False"  # a fresh kernel
    assert kernel.run("import cstolab\nprint(len(cstolab.datasets()) > 0)").text == "True"
    kernel.close()
    assert sources(ana.contents(CHART_LESSON)["content"]) == sources(saved)
    nbformat.validate(nbformat.read(base / "homes" / "ana" / CHART_LESSON, as_version=4))


def test_three_students_work_through_a_chart_lesson_at_once(course, capsys):
    summary = class_load.run(3, course=course.as_uri(), timeout=1500)
    print(class_load.report(summary))
    assert summary["failed"] == 0, [o["error"] for o in summary["per_student"]]
    assert all(o["cells"] > 20 and o["peak_mib"] > 0 for o in summary["per_student"])
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert re.fullmatch(
        r"3 students: 3 ok, 0 failed, median [\d.]+ s, p95 [\d.]+ s, \d+ MiB per student", last
    )


def test_a_hub_restart_keeps_files_and_logins(tmp_path, course):
    port = free_port()
    with class_load.running_hub(tmp_path, PASSWORD, course.as_uri(), port=port) as url:
        carl = student(url, "carl")
        carl.pull(course.as_uri())
        saved = edited(carl.contents(LESSON)["content"], "Carl's answer to question 1.")
        carl.save(LESSON, saved)
        old_token = carl.token
    # the hub and carl's server have stopped; his files are on disk as he saved them
    on_disk = nbformat.read(tmp_path / "homes" / "carl" / LESSON, as_version=4)
    assert sources(on_disk) == sources(saved)

    with class_load.running_hub(tmp_path, PASSWORD, course.as_uri(), port=port) as url:
        again = Student(url, "carl", PASSWORD, timeout=600)
        again.use_token(old_token)  # still logged in: the token survived the restart
        assert again.get("/hub/api/user").json()["name"] == "carl"
        again.login()  # and logging in again works
        again.start_server()
        assert sources(again.contents(LESSON)["content"]) == sources(saved)


def test_the_demo_refuses_other_addresses_in_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "cstolab.hub", "--ip=0.0.0.0", f"--dir={tmp_path}"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "refusing to listen on 0.0.0.0" in result.stderr
    assert not any(tmp_path.iterdir())  # it stopped before writing anything


def test_the_authenticator_checks_the_address_inside_jupyterhub_too():
    from jupyterhub.app import JupyterHub

    assert is_loopback("http://127.0.0.1:8000/") and is_loopback("http://[::1]:8000/")
    assert not is_loopback("http://0.0.0.0:8000/") and not is_loopback("http://10.0.0.5/")
    refuse_remote("http://0.0.0.0:8000/", allow_remote=True)  # the explicit flag
    app = JupyterHub(bind_url="http://0.0.0.0:8000/")
    auth = DemoAuthenticator(parent=app, user_password="long-enough")
    with pytest.raises(SystemExit):
        auth.check_allow_config()
    DemoAuthenticator(parent=app, user_password="long-enough", allow_remote=True).check_allow_config()


def test_allow_root_only_where_the_demo_runs_as_root(monkeypatch, tmp_path):
    settings = HubSettings(tmp_path, user_password="long-enough")
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert "--allow-root" in hub_config(settings).Spawner.args
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert "--allow-root" not in hub_config(settings).Spawner.args
    config = hub_config(settings)
    assert config.SimpleLocalProcessSpawner.home_dir_template == str(
        tmp_path.resolve() / "homes" / "{username}"
    )
    assert config.JupyterHub.bind_url.startswith("http://127.0.0.1:")
