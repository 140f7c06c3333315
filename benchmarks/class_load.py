"""A class on one JupyterHub: N simulated students work through a chart-heavy lesson at once.

    python benchmarks/class_load.py --students 10      # make class-load STUDENTS=10

Starts its own hub (``python -m cstolab.hub`` in a temporary folder, on a free loopback port).
Every student, in a thread of their own and all at the same moment: logs in with the password
form, starts their server, pulls the course with nbgitpuller, opens the lesson (a session starts
its kernel), executes every code cell through the kernel websocket, as Run All does, and calls
``check()`` once with the right answer. A sampler adds up, every second, the resident memory of
each student's single-user server and its kernels (psutil) and keeps each student's peak.

Prints a line per student, then the medians and 95th percentiles of login → first executed cell
and login → last, and finally exactly::

    N students: K ok, F failed, median A s, p95 B s, C MiB per student

(A and B: login → last cell; C: median peak memory). Writes the figures to
``benchmarks/results/class_load_N.json``. Stops the hub, every server and kernel and removes the
temporary folder, also when interrupted; the whole run is bounded by ``--timeout``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil
import requests

from cstolab.hub.config import free_port, runtime_dir
from cstolab.hub.course import TARGET, build_course_repo
from cstolab.hub.student import HubError, Student

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
LESSON = "05_airlift_and_readiness.ipynb"  # four charts, one of them interactive, and a model grid
MIB = 1024 * 1024


@dataclass
class Outcome:
    name: str
    ok: bool = False
    error: str = ""
    first_cell_s: float | None = None  # login → first code cell executed
    last_cell_s: float | None = None  # login → last code cell executed (and check() called)
    cells: int = 0
    peak_mib: float = 0.0  # single-user server + kernels, resident
    server_peak_mib: float = 0.0  # of which the single-user server alone
    end_mib: float = 0.0  # server + kernel once the whole class has finished the lesson
    cpu_s: float = 0.0  # CPU time of the server and its kernels at the end


@contextmanager
def running_hub(base: Path, password: str, course_url: str, port: int = 0) -> Iterator[str]:
    """A hub from ``python -m cstolab.hub`` over ``base``; yields its URL, stops it at the end.

    Stopping is SIGTERM (JupyterHub then stops every student's server and the proxy), then
    SIGKILL for whatever of that process group and of the students' servers is left.
    """
    port = port or free_port()
    log = open(base / "hub.log", "a")
    hub = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cstolab.hub",
            f"--dir={base}",
            f"--port={port}",
            f"--password={password}",
            f"--course={course_url}",
            f"--node-dir={ROOT / '.hub' / 'node'}",
            "--cull-idle=0",
            "--start-timeout=900",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, so that cleaning up finds all of it
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            if hub.poll() is not None:
                raise RuntimeError(f"the hub exited: {(base / 'hub.log').read_text()[-3000:]}")
            try:
                if requests.get(f"{url}/hub/api", timeout=10).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"the hub did not answer within 300 s at {url}")
            time.sleep(0.5)
        yield url
    finally:
        stop_hub(hub, base)
        shutil.rmtree(runtime_dir(base), ignore_errors=True)  # the kernels' sockets
        log.close()


def stop_hub(hub: subprocess.Popen, base: Path) -> None:
    """Stop the hub (it stops its servers), then kill leftovers of this hub only."""
    if hub.poll() is None:
        hub.send_signal(signal.SIGTERM)
        try:
            hub.wait(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(hub.pid, signal.SIGKILL)
            hub.wait(timeout=30)
    for proc in servers(base).values():
        for p in [*proc.children(recursive=True), proc]:
            try:
                p.kill()
            except psutil.NoSuchProcess:
                pass


def servers(base: Path) -> dict[str, psutil.Process]:
    """The running single-user servers whose home is under ``base``, by student name."""
    homes = str(base.resolve() / "homes")
    found = {}
    for proc in psutil.process_iter(["cmdline"]):
        try:
            if not any("jupyterhub-singleuser" in part for part in proc.info["cmdline"] or []):
                continue
            env = proc.environ()
            if env.get("HOME", "").startswith(homes) and "JUPYTERHUB_USER" in env:
                found[env["JUPYTERHUB_USER"]] = proc
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


class Sampler(threading.Thread):
    """Every ``every`` s: each student's server + kernel memory (peak kept) and CPU time."""

    def __init__(self, base: Path, every: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.base, self.every = base, every
        self.peak: dict[str, float] = {}
        self.server_peak: dict[str, float] = {}  # the single-user server alone
        self.last: dict[str, float] = {}  # the latest sample: after the lesson, what a student holds
        self.cpu: dict[str, float] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.every):
            for name, proc in servers(self.base).items():
                rss = cpu = 0.0
                try:
                    server = proc.memory_info().rss
                    for p in [proc, *proc.children(recursive=True)]:
                        rss += p.memory_info().rss
                        times = p.cpu_times()
                        cpu += times.user + times.system
                except psutil.NoSuchProcess:
                    continue
                self.peak[name] = max(self.peak.get(name, 0.0), rss / MIB)
                self.last[name] = rss / MIB
                self.server_peak[name] = max(self.server_peak.get(name, 0.0), server / MIB)
                self.cpu[name] = max(self.cpu.get(name, 0.0), cpu)


def code_cells(student: Student, path: str) -> list[str]:
    notebook = student.contents(path)["content"]
    return [c["source"] for c in notebook["cells"] if c["cell_type"] == "code"]


def check_once_code(cells: list[str]) -> str:
    """Code that calls check() for the lesson's first exercise with its right answer."""
    for source in cells:
        if 'check("' in source:
            exercise = source.split('check("', 1)[1].split('"', 1)[0]
            return (
                "from cstolab import check, exercises\n"
                f"print(check({exercise!r}, exercises.get({exercise!r}).expected()).correct)"
            )
    raise ValueError("the lesson has no check() call")


def simulate(student: Student, repo: str, lesson: str, out: Outcome) -> None:
    """One student's session, recorded in ``out`` (never raises)."""
    start = time.monotonic()
    kernel = None
    try:
        student.login()
        student.start_server()
        student.pull(repo)
        path = f"{TARGET}/{lesson}"
        cells = code_cells(student, path)
        kernel = student.kernel(student.open_notebook(path))
        for number, source in enumerate(cells, start=1):
            result = kernel.run(source)
            if result.status != "ok":
                raise HubError(f"cell {number} failed: {result.error}")
            out.cells = number
            if number == 1:
                out.first_cell_s = time.monotonic() - start
        answer = kernel.run(check_once_code(cells)).text
        if answer != "True":
            raise HubError(f"check() with the right answer said {answer!r}")
        out.last_cell_s = time.monotonic() - start
        out.ok = True
    except Exception as err:  # a failure of one student is a result, not a crash of the run
        out.error = f"{type(err).__name__}: {err}"[:300]
    finally:
        if kernel is not None:
            kernel.close()


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def run(students: int, lesson: str = LESSON, timeout: float = 1800, course: str = "") -> dict:
    """Run the class; the summary (also what is written as JSON)."""
    course = course or build_course_repo(ROOT / ".hub" / "course")
    password = secrets.token_urlsafe(12)
    base = Path(tempfile.mkdtemp(prefix="cstolab-class-"))
    outcomes = [Outcome(f"student{n:02d}") for n in range(1, students + 1)]
    load_before = os.getloadavg()
    started = time.monotonic()
    try:
        with running_hub(base, password, course) as url:
            sampler = Sampler(base)
            sampler.start()
            threads = [
                threading.Thread(
                    target=simulate,
                    args=(Student(url, o.name, password, timeout=timeout), course, lesson, o),
                    daemon=True,  # a student stuck past the deadline must not hold the run
                )
                for o in outcomes
            ]
            for thread in threads:
                thread.start()
            deadline = started + timeout
            for thread in threads:
                thread.join(max(0.0, deadline - time.monotonic()))
            time.sleep(2 * sampler.every)  # one more sample with every kernel still running
            sampler.stopped.set()
            for o in outcomes:
                o.peak_mib = round(sampler.peak.get(o.name, 0.0), 1)
                o.server_peak_mib = round(sampler.server_peak.get(o.name, 0.0), 1)
                o.end_mib = round(sampler.last.get(o.name, 0.0), 1)
                o.cpu_s = round(sampler.cpu.get(o.name, 0.0), 1)
                if not o.ok and not o.error:
                    o.error = f"not finished within {timeout:.0f} s"
    finally:
        if any(not o.ok for o in outcomes) and (base / "hub.log").exists():
            # the hub's log (with the servers' and kernels' messages) explains a failure
            RESULTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(base / "hub.log", RESULTS / f"class_load_{students}.hub.log")
        shutil.rmtree(base, ignore_errors=True)
    return summarise(outcomes, time.monotonic() - started, load_before)


def summarise(outcomes: list[Outcome], wall: float, load_before: tuple) -> dict:
    ok = [o for o in outcomes if o.ok]
    last = [o.last_cell_s for o in ok if o.last_cell_s is not None]
    first = [o.first_cell_s for o in ok if o.first_cell_s is not None]
    peaks = [o.peak_mib for o in outcomes if o.peak_mib]
    return {
        "students": len(outcomes),
        "ok": len(ok),
        "failed": len(outcomes) - len(ok),
        "first_cell_median_s": round(statistics.median(first), 1) if first else None,
        "first_cell_p95_s": round(percentile(first, 95), 1) if first else None,
        "last_cell_median_s": round(statistics.median(last), 1) if last else None,
        "last_cell_p95_s": round(percentile(last, 95), 1) if last else None,
        "peak_mib_median": round(statistics.median(peaks), 0) if peaks else None,
        "peak_mib_max": round(max(peaks), 0) if peaks else None,
        "end_mib_median": round(statistics.median([o.end_mib for o in outcomes]), 0)
        if peaks
        else None,
        "server_peak_mib_median": round(
            statistics.median([o.server_peak_mib for o in outcomes if o.server_peak_mib]), 0
        )
        if peaks
        else None,
        "cpu_s_median": round(statistics.median([o.cpu_s for o in ok]), 1) if ok else None,
        "wall_s": round(wall, 1),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 1024**3, 1),
        "per_student": [asdict(o) for o in outcomes],
    }


def report(summary: dict) -> str:
    lines = [f"{'student':10} {'result':7} {'first s':>8} {'last s':>8} {'peak MiB':>9} {'CPU s':>6}"]
    for o in summary["per_student"]:
        first = f"{o['first_cell_s']:.1f}" if o["first_cell_s"] is not None else "-"
        last = f"{o['last_cell_s']:.1f}" if o["last_cell_s"] is not None else "-"
        lines.append(
            f"{o['name']:10} {'ok' if o['ok'] else 'FAILED':7} {first:>8} {last:>8} "
            f"{o['peak_mib']:>9.0f} {o['cpu_s']:>6.1f}" + (f"  {o['error']}" if o["error"] else "")
        )
    s = summary
    lines += [
        f"login -> first cell: median {s['first_cell_median_s']} s, p95 {s['first_cell_p95_s']} s",
        f"login -> last cell:  median {s['last_cell_median_s']} s, p95 {s['last_cell_p95_s']} s",
        f"peak memory per student (server + kernel): median {s['peak_mib_median']} MiB, "
        f"max {s['peak_mib_max']} MiB (the server alone: median {s['server_peak_mib_median']} "
        f"MiB); after the lesson: median {s['end_mib_median']} MiB; "
        f"CPU per student: median {s['cpu_s_median']} s",
        f"machine: {s['cpus']} CPUs, {s['memory_gib']} GiB; load average before "
        f"{s['load_average_before']}, after {s['load_average_after']}; wall {s['wall_s']} s",
        f"{s['students']} students: {s['ok']} ok, {s['failed']} failed, "
        f"median {s['last_cell_median_s']} s, p95 {s['last_cell_p95_s']} s, "
        f"{s['peak_mib_median']:.0f} MiB per student"
        if s["peak_mib_median"] is not None
        else f"{s['students']} students: {s['ok']} ok, {s['failed']} failed, "
        "median - s, p95 - s, - MiB per student",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=10, help="how many (default 10)")
    parser.add_argument("--lesson", default=LESSON, help=f"notebook to run (default {LESSON})")
    parser.add_argument("--timeout", type=float, default=1800, help="bound on the whole run, s")
    parser.add_argument("--course", default="", help="git URL of the course (default: .hub/course)")
    args = parser.parse_args(argv)
    if args.students < 1:
        parser.exit(2, f"--students must be at least 1 (got {args.students})\n")
    summary = run(args.students, args.lesson, args.timeout, args.course)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"class_load_{args.students}.json").write_text(json.dumps(summary, indent=2))
    print(report(summary))
    return 0 if summary["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
