"""The git repository a hub hands out, and the nbgitpuller link that pulls it into a home.

nbgitpuller clones a git URL into the student's home on the first click and, on every later
click, merges the new commits without overwriting what the student changed (it commits the
student's work, then merges with ``-Xours``). It needs a git repository: offline, ``make hub``
writes an edition of the lessons into ``.hub/course`` and commits it there, and the link names it
as a ``file://`` URL. A real hub points the link at the course's public repository (a branch
holding the student edition) instead; see book/instructors/hub.md.

>>> pull_link("http://127.0.0.1:8000", "file:///srv/course", "00_how_to_use.ipynb")
'http://127.0.0.1:8000/hub/user-redirect/git-pull?repo=file%3A%2F%2F%2Fsrv%2Fcourse&branch=main&targetpath=cstolab&urlpath=lab%2Ftree%2Fcstolab%2F00_how_to_use.ipynb'
"""

from __future__ import annotations

import fcntl
import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from cstolab import citations, lab_markdown, student_edition
from cstolab.student_edition import MANIFEST, default_source, write_edition

BRANCH = "main"
# the folder the lessons land in, inside each student's home
TARGET = "cstolab"
# commits are made by the course, not by whoever runs the hub (git refuses to commit without one)
_GIT_ID = ["-c", "user.name=cstolab", "-c", "user.email=cstolab@localhost"]


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", *_GIT_ID, *args], cwd=repo, check=True, capture_output=True, text=True
    )


def _fingerprint(source: Path, edition: str) -> str:
    """A digest of everything the edition is made from: lessons, quizzes, book config, code."""
    files = [p for p in sorted(source.rglob("*")) if p.is_file() and ".ipynb_checkpoints" not in p.parts]
    book = source.parent / "book"
    files += [book / "references.bib", book / "_config.yml"]
    files += [Path(m.__file__) for m in (student_edition, lab_markdown, citations)]
    digest = hashlib.sha256(edition.encode())
    for path in files:
        if path.is_file():
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def build_course_repo(
    repo: Path | str, source: Path | str | None = None, edition: str = "student"
) -> str:
    """Write ``edition`` ("student" or "study") of the lessons into git repo ``repo``; its URL.

    The folder belongs to the hub: each call rewrites the edition and commits what changed (a
    new commit only when the lessons changed), so students' next pull brings the new version.
    Writing an edition takes a minute on a busy machine, so nothing is rewritten when its
    sources have not changed since the last call.
    """
    if edition not in ("student", "study"):
        raise ValueError(f"edition must be 'student' or 'study', not {edition!r}")
    repo = Path(repo).resolve()
    source = Path(source).resolve() if source else default_source()
    repo.parent.mkdir(parents=True, exist_ok=True)
    # one writer at a time (a test run and `make hub` may share .hub/course)
    with open(repo.parent / f".{repo.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _build(repo, source, edition)


def _build(repo: Path, source: Path, edition: str) -> str:
    stamp = repo / ".git" / "cstolab-source"
    fingerprint = _fingerprint(source, edition)
    if stamp.is_file() and stamp.read_text() == fingerprint:
        return repo.as_uri()
    if not (repo / ".git").is_dir():
        repo.mkdir(parents=True, exist_ok=True)
        _git(repo, "init", "--quiet", "-b", BRANCH)
        # the edition's checksum file is for `cstolab ... --update`, not for students
        (repo / ".git" / "info" / "exclude").write_text(MANIFEST + "\n")
    # written aside first: an edition that fails to build leaves the last good one in place
    with tempfile.TemporaryDirectory(dir=repo.parent) as fresh:
        write_edition(fresh, source, solutions=edition == "study", force=True)
        for child in repo.iterdir():
            if child.name != ".git":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        for child in Path(fresh).iterdir():
            child.rename(repo / child.name)
    _git(repo, "add", "--all")
    if _git(repo, "status", "--porcelain").stdout.strip():
        _git(repo, "commit", "--quiet", "-m", f"cstolab {edition} edition")
    stamp.write_text(fingerprint)
    return repo.as_uri()


def pull_link(hub_url: str, repo_url: str, lesson: str = "", branch: str = BRANCH) -> str:
    """The link students click: pull ``repo_url`` into ~/cstolab and open ``lesson`` in Lab."""
    path = f"lab/tree/{TARGET}/{lesson}" if lesson else f"lab/tree/{TARGET}"
    query = urlencode({"repo": repo_url, "branch": branch, "targetpath": TARGET, "urlpath": path})
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{query}"
