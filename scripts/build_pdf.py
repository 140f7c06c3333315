"""Build the whole book as one PDF (Jupyter Book 1's LaTeX builder and xelatex): `make pdf`.

Notebook execution is off: the lessons are committed with their outputs (nbval checks them), so
the PDF prints what the HTML book shows without running a kernel. The build uses a copy of
``book/_config.yml`` with only that changed, and its own build folder, so it shares no Sphinx
environment or execution cache with the HTML build (``make book`` and ``make pdf`` can alternate,
or run at once, without rebuilding each other's pages).

The print edition of charts, quizzes and symbols is made by :mod:`cstolab.sphinxext.printing`.

Usage: python scripts/build_pdf.py [--out DIR]   (default DIR: book/_build/pdf)

Writes ``DIR/<name>.pdf`` (the name is ``latex.latex_documents.targetname`` of the config) and
prints its path, its page count and the build time; the LaTeX build log is ``DIR/build.log``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
DEFAULT_OUT = BOOK / "_build" / "pdf"


def say(message: str) -> None:
    print(f"[build_pdf] {message}", flush=True)


def print_config(out: Path) -> tuple[Path, str]:
    """Write the book's config with execution off into ``out``; return it and the PDF's name."""
    config = yaml.safe_load((BOOK / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    target = config.get("latex", {}).get("latex_documents", {}).get("targetname", "book.tex")
    path = out / "_config.pdf.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path, Path(target).with_suffix(".pdf").name


def page_count(pdf: Path) -> int | None:
    """Pages of ``pdf`` according to poppler's pdfinfo (None without pdfinfo)."""
    if shutil.which("pdfinfo") is None:
        return None
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def first_errors(log: Path, limit: int = 3) -> list[str]:
    """The first LaTeX errors (``! ...`` and the lines after), or Sphinx's exception, or the end."""
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("! ")][:limit]
    if starts:
        return [text for i in starts for text in lines[i : i + 4]]
    sphinx = [i for i, line in enumerate(lines) if "Exception occurred" in line][:1]
    if sphinx:
        return lines[sphinx[0] : sphinx[0] + 4]
    return lines[-25:]


def build(out: Path) -> Path:
    """Build the PDF into ``out``; return its path. Raises RuntimeError naming the log on failure."""
    missing = [tool for tool in ("xelatex", "latexmk", "make") if shutil.which(tool) is None]
    if missing:
        raise RuntimeError(
            f"{', '.join(missing)} not found: run `python scripts/setup_pdf.py` (or `make pdf`)"
        )
    out.mkdir(parents=True, exist_ok=True)
    config, name = print_config(out)
    jb = Path(sys.executable).with_name("jupyter-book")
    cmd = [
        str(jb) if jb.exists() else "jupyter-book",
        "build",
        str(BOOK),
        "--builder",
        "pdflatex",
        "--config",
        str(config),
        "--path-output",
        str(out),
    ]
    log = out / "build.log"
    with open(log, "w", encoding="utf-8") as handle:
        result = subprocess.run(cmd, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT)
    built = out / "_build" / "latex" / name
    if result.returncode != 0 or not built.is_file():
        raise RuntimeError(
            "\n".join(first_errors(log))
            + f"\nthe PDF build failed (exit code {result.returncode}); see {log}"
        )
    pdf = out / name
    shutil.copyfile(built, pdf)
    return pdf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="build folder")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    say(f"building the PDF in {args.out} (notebooks not re-run) ...")
    try:
        pdf = build(args.out.resolve())
    except RuntimeError as err:
        print(err, file=sys.stderr)
        return 1
    seconds = time.perf_counter() - start
    pages = page_count(pdf)
    shown = pdf.relative_to(ROOT) if pdf.is_relative_to(ROOT) else pdf
    say(f"PDF written: {shown} ({pages if pages is not None else '?'} pages, {seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
