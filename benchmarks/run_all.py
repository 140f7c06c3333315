"""The course's performance budget: measure, compare with the targets, print and save a table.

    python benchmarks/run_all.py              # everything (a few minutes on 2 cores)
    python benchmarks/run_all.py --skip cold-build,nbval   # only the quick parts

Writes ``benchmarks/results/budget.md`` and ``benchmarks/results/budget.json``. Measures:

- **pages**: bytes per page of the built book (HTML, JS, CSS, data; raw and gzip), the number of
  charts, the largest chart spec, and (in Chromium) the time from navigation to every chart drawn;
- **build**: a cold build of a fresh copy of the repository (no ``_build``) against a cached
  rebuild of that copy with nothing changed;
- **nbval**: the whole nbval run over ``notebooks/`` against its floor: starting a kernel and
  importing pandas, altair and cstolab, once per notebook;
- **import**: what ``import cstolab`` adds to ``import pandas`` (fresh interpreters, median);
- **plumbing**: per content lesson, the share of visible code lines in cells that call ``glue(`` or
  ``described(`` (see ``benchmarks/plumbing_share.py``);
- **pdf**: `make pdf` from scratch into a temporary folder (``scripts/build_pdf.py``): build time,
  pages, size and pictures of the PDF (skipped when TeX Live is missing: ``scripts/setup_pdf.py``).

Targets: chart JS only on pages with charts and only once per page; no chart spec over 200 KB;
cached rebuild < 20 % of the cold build; nbval within 2x its floor; ``import cstolab`` adds
< 100 ms to ``import pandas``; plumbing ≤ 20 % of every content lesson's visible code. Exit status 0, or 1 with ``--strict`` when a target fails.
"""

from __future__ import annotations

import argparse
import fcntl
import functools
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import book_budget  # noqa: E402
import plumbing_share  # noqa: E402

ROOT = book_budget.ROOT
RESULTS = ROOT / "benchmarks" / "results"
LOCK = ROOT / "book" / ".build.lock"
sys.path.insert(0, str(ROOT / "scripts"))
from browser_env import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PARTS = ("pages", "browser", "cold-build", "nbval", "import", "plumbing", "pdf")

TARGET_REBUILD_RATIO = 0.20
TARGET_NBVAL_RATIO = 2.0
TARGET_IMPORT_MS = 100.0
# make test builds the PDF once (tests/test_pdf.py) inside CI's 90 minutes; keep it a small share.
TARGET_PDF_S = 600.0

# What a fresh copy of the repository leaves out: build products, caches, the venv.
COPY_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "_build",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".ipynb_checkpoints",
    "artifacts",
    "results",
    "student-edition",
    "build",
    "dist",
    "*.egg-info",
    ".build.lock",
)


def say(message: str) -> None:
    print(f"[benchmarks] {message}", flush=True)


@contextmanager
def build_lock():
    """The lock tests/conftest.py takes, so a benchmark never builds while a test does."""
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_repo_book() -> None:
    say("building the book (cached) ...")
    with build_lock():
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "build_book.py")],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
    if result.returncode != 0:
        sys.exit(
            "the book does not build; see `make book`:\n"
            + result.stdout[-3000:]
            + result.stderr[-3000:]
        )


# --- pages ---------------------------------------------------------------------------------


def measure_pages() -> dict[str, Any]:
    html = book_budget.HTML
    pages = [p for p in book_budget.toc_pages() if (html / p).is_file()]
    weights = [book_budget.page_weight(p, html) for p in pages]
    library_problems = []
    for page in pages:
        text = (html / page).read_text(encoding="utf-8")
        charts, loads = len(book_budget.chart_ids(text)), book_budget.chart_library_loads(text)
        if (charts and loads != 1) or (not charts and loads):
            library_problems.append(f"{page}: {charts} chart(s), library loaded {loads}x")
    largest = max(weights, key=lambda w: w.largest_spec)
    heaviest = {
        kind: (
            w.as_dict() if (w := book_budget.heaviest(weights, charts=kind == "chart")) else None
        )
        for kind in ("chart", "text")
    }
    say("stock Jupyter Book 1 reference (jupyter-book create, built in a temporary folder) ...")
    with tempfile.TemporaryDirectory(prefix="cstolab-stock-") as tmp:
        jb = Path(sys.executable).with_name("jupyter-book")
        stock = book_budget.stock_reference(Path(tmp), str(jb) if jb.exists() else "jupyter-book")
    return {
        "pages": [w.as_dict() for w in weights],
        "chart_pages": sum(1 for w in weights if w.charts),
        "chart_library_problems": library_problems,
        "largest_spec": {"page": largest.page, "bytes": largest.largest_spec},
        "heaviest": heaviest,
        "over_limit": [
            f"{w.page}: {_kb(w.total_gz)} KiB"
            for w in weights
            if w.total_gz > book_budget.page_limit(w)
        ],
        "stock": stock.as_dict(),
    }


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


_DRAWN = """() => [...document.querySelectorAll('[id^="altair-viz-"]')].every(
    el => el.querySelector('svg.marks g[class*="role-mark"] > *'))"""


def measure_draw_times(chart_pages: list[str], runs: int) -> dict[str, float]:
    """Median ms from navigation start to every chart of the page drawn, with a cold cache."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(book_budget.HTML))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    times: dict[str, float] = {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=str(CHROMIUM),
                args=CHROMIUM_ARGS,
            )
            for page_path in chart_pages:
                samples = []
                for _ in range(runs):
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    page = context.new_page()
                    page.goto(base + page_path, wait_until="commit")
                    page.wait_for_function(_DRAWN, polling="raf", timeout=60_000)
                    samples.append(page.evaluate("() => performance.now()"))
                    context.close()
                times[page_path] = round(statistics.median(samples), 1)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return times


# --- builds --------------------------------------------------------------------------------


def measure_builds() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="cstolab-cold-") as tmp:
        copy = Path(tmp) / "repo"
        shutil.copytree(ROOT, copy, symlinks=True, ignore=COPY_IGNORE)
        link = copy / "book" / "notebooks"
        if not link.is_symlink():
            raise RuntimeError("book/notebooks should be a symlink to ../notebooks in the copy")
        timings = {}
        for label in ("cold", "cached"):
            say(f"{label} build of a fresh copy in {copy} ...")
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, str(copy / "scripts" / "build_book.py")],
                cwd=copy,
                capture_output=True,
                text=True,
            )
            timings[label] = round(time.perf_counter() - start, 2)
            if result.returncode != 0:
                timings[f"{label}_error"] = (result.stdout + result.stderr)[-2000:]
    timings["ratio"] = round(timings["cached"] / timings["cold"], 3) if timings["cold"] else None
    return timings


# --- nbval ---------------------------------------------------------------------------------


def notebooks() -> list[Path]:
    return sorted(
        p for p in (ROOT / "notebooks").glob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
    )


def measure_nbval() -> dict[str, Any]:
    books = notebooks()
    say(f"nbval over {len(books)} notebooks ...")
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "-p",
        "no:xdist",
        "-q",
        "-o",
        "addopts=",
        "--nbval",
        "--nbval-sanitize-with",
        str(ROOT / "tests" / "sanitize.cfg"),
        *map(str, books),
    ]
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    run = time.perf_counter() - start
    say("floor: a kernel importing pandas, altair and cstolab, once per notebook ...")
    floor = sum(_kernel_floor(nb.parent) for nb in books)
    last = [line for line in result.stdout.splitlines() if line.strip()][-1:] or [""]
    return {
        "notebooks": len(books),
        "run_s": round(run, 2),
        "floor_s": round(floor, 2),
        "ratio": round(run / floor, 2) if floor else None,
        "outcome": last[0],
        "passed": result.returncode == 0,
    }


def _kernel_floor(cwd: Path) -> float:
    from jupyter_client.manager import start_new_kernel

    start = time.perf_counter()
    km, kc = start_new_kernel(kernel_name="python3", cwd=str(cwd), stderr=subprocess.DEVNULL)
    try:
        reply = kc.execute_interactive("import pandas, altair, cstolab", timeout=120)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"the floor's imports failed: {reply['content']}")
    finally:
        kc.stop_channels()
        km.shutdown_kernel()
    return time.perf_counter() - start


# --- import time ---------------------------------------------------------------------------

_TIMED_IMPORT = """
import time
t0 = time.perf_counter()
import pandas
t1 = time.perf_counter()
import cstolab
t2 = time.perf_counter()
print((t1 - t0) * 1000, (t2 - t1) * 1000)
"""


def measure_import(runs: int) -> dict[str, Any]:
    """Fresh interpreters import pandas, then cstolab; the median of what cstolab adds."""
    pandas_ms, added_ms = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _TIMED_IMPORT], capture_output=True, text=True, check=True
        )
        first, second = map(float, out.stdout.split())
        pandas_ms.append(first)
        added_ms.append(second)
    return {
        "runs": runs,
        "pandas_ms": round(statistics.median(pandas_ms), 1),
        "cstolab_added_ms": round(statistics.median(added_ms), 1),
        "cstolab_added_max_ms": round(max(added_ms), 1),
    }


# --- pdf -----------------------------------------------------------------------------------


def measure_pdf() -> dict[str, Any] | None:
    """Time a PDF build from scratch (execution off, as `make pdf`); None without TeX Live."""
    missing = [t for t in ("xelatex", "latexmk", "pdfinfo", "pdfimages") if shutil.which(t) is None]
    if missing:
        say(f"{', '.join(missing)} missing: skipping the PDF (python scripts/setup_pdf.py)")
        return None
    with tempfile.TemporaryDirectory(prefix="cstolab-pdf-") as tmp:
        say(f"PDF build from scratch in {tmp} ...")
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "build_pdf.py"), "--out", tmp],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - start
        pdfs = list(Path(tmp).glob("*.pdf"))
        if result.returncode != 0 or not pdfs:
            return {"build_s": round(seconds, 1), "error": (result.stdout + result.stderr)[-2000:]}
        info = subprocess.run(["pdfinfo", str(pdfs[0])], capture_output=True, text=True).stdout
        pages = int(
            next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:"))
        )
        listing = subprocess.run(
            ["pdfimages", "-list", str(pdfs[0])], capture_output=True, text=True
        ).stdout.splitlines()[2:]
        return {
            "build_s": round(seconds, 1),
            "pages": pages,
            "bytes": pdfs[0].stat().st_size,
            "images": sum(1 for row in listing if row.split()[2:3] == ["image"]),
        }


# --- report --------------------------------------------------------------------------------


def _kb(n: int) -> str:
    return f"{n / 1024:,.1f}"


def verdicts(results: dict[str, Any]) -> list[dict[str, str]]:
    rows = []

    def row(target: str, measured: str, budget: str, ok: bool | None) -> None:
        rows.append(
            {
                "target": target,
                "measured": measured,
                "budget": budget,
                "result": "—" if ok is None else ("PASS" if ok else "FAIL"),
            }
        )

    pages = results.get("pages")
    if pages:
        problems = pages["chart_library_problems"]
        row(
            "chart JS only on chart pages, once per page",
            f"{pages['chart_pages']} chart pages; "
            + (f"{len(problems)} problem(s): {'; '.join(problems)}" if problems else "no problem"),
            "0 problems",
            not problems,
        )
        stock = pages.get("stock")
        for kind, limit in (
            ("chart", book_budget.CHART_PAGE_LIMIT),
            ("text", book_budget.TEXT_PAGE_LIMIT),
        ):
            w = (pages.get("heaviest") or {}).get(kind)
            if w is None:
                continue
            reference = f"; stock Jupyter Book 1 page {_kb(stock['total_gz'])} KiB" if stock else ""
            row(
                f"heaviest {kind} page, gzip (HTML + every script, stylesheet, preload it names)",
                f"{_kb(w['total_gz'])} KiB ({w['page']}){reference}",
                f"≤ {limit // 1024} KiB",
                w["total_gz"] <= limit,
            )
        if pages.get("over_limit"):
            row("pages over their limit", "; ".join(pages["over_limit"]), "none", False)
        big = pages["largest_spec"]
        row(
            "largest chart spec",
            f"{big['bytes']:,} B ({big['page']})",
            f"≤ {book_budget.MAX_SPEC_BYTES:,} B",
            big["bytes"] <= book_budget.MAX_SPEC_BYTES,
        )
    draw = results.get("draw_ms")
    if draw:
        slowest = max(draw, key=draw.get)
        row(
            "navigation to all charts drawn (slowest page, cold cache)",
            f"{draw[slowest]:,.0f} ms ({slowest})",
            "measured only",
            None,
        )
    build = results.get("build")
    if build:
        failed = [k for k in build if k.endswith("_error")]
        row(
            "cached rebuild vs cold build",
            f"{build['cached']:.1f} s / {build['cold']:.1f} s = {build['ratio']:.0%}"
            + (f" (build failed: {', '.join(failed)})" if failed else ""),
            f"< {TARGET_REBUILD_RATIO:.0%}",
            not failed and build["ratio"] < TARGET_REBUILD_RATIO,
        )
    nbval = results.get("nbval")
    if nbval:
        row(
            f"nbval run vs floor ({nbval['notebooks']} notebooks)",
            f"{nbval['run_s']:.1f} s / {nbval['floor_s']:.1f} s = {nbval['ratio']:.2f}x"
            + ("" if nbval["passed"] else f" (nbval failed: {nbval['outcome']})"),
            f"≤ {TARGET_NBVAL_RATIO:g}x",
            nbval["ratio"] is not None and nbval["ratio"] <= TARGET_NBVAL_RATIO,
        )
    imp = results.get("import")
    if imp:
        row(
            "import cstolab after import pandas (median)",
            f"{imp['cstolab_added_ms']:.1f} ms"
            f" (pandas alone {imp['pandas_ms']:.0f} ms, {imp['runs']} runs)",
            f"< {TARGET_IMPORT_MS:g} ms",
            imp["cstolab_added_ms"] < TARGET_IMPORT_MS,
        )
    plumbing = results.get("plumbing")
    if plumbing:
        worst = max(plumbing, key=lambda r: r["share"])
        row(
            "plumbing share of visible code (worst content lesson)",
            f"{worst['share']:.0%} ({worst['lesson']}: {worst['plumbing']} of {worst['visible']} lines)",
            f"≤ {plumbing_share.TARGET:.0%} in every lesson",
            all(r["share"] <= plumbing_share.TARGET for r in plumbing),
        )
    pdf = results.get("pdf")
    if pdf:
        row(
            "PDF from scratch (`make pdf`, notebooks not re-run)",
            f"failed after {pdf['build_s']:.0f} s"
            if "error" in pdf
            else f"{pdf['build_s']:.0f} s; {pdf['pages']} pages, {pdf['bytes'] / 2**20:.1f} MB,"
            f" {pdf['images']} pictures",
            f"≤ {TARGET_PDF_S:g} s",
            "error" not in pdf and pdf["build_s"] <= TARGET_PDF_S,
        )
    return rows


def markdown(results: dict[str, Any], rows: list[dict[str, str]]) -> str:
    lines = [
        "# Performance budget",
        "",
        f"Measured {results['when']} on {results['machine']}"
        " by `benchmarks/run_all.py` (`make benchmarks`).",
        "",
        "| target | measured | budget | result |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r['target']} | {r['measured']} | {r['budget']} | {r['result']} |" for r in rows]
    pages = results.get("pages")
    if pages:
        draw = results.get("draw_ms", {})
        lines += [
            "",
            "## Bytes per page",
            "",
            "KiB the browser fetches for each page: the HTML plus every script, stylesheet and"
            " preload it names (the theme's files included; fonts and images not). *data* is the chart specs inlined in the HTML (also counted in *HTML*)"
            " plus the search"
            " index; *total* counts each byte once.",
            "",
            "| page | HTML | JS | CSS | data | total | total gzip | charts | largest spec"
            " | charts drawn |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        for w in pages["pages"]:
            drawn = f"{draw[w['page']]:,.0f} ms" if w["page"] in draw else "–"
            spec = f"{_kb(w['largest_spec'])}" if w["charts"] else "–"
            lines.append(
                f"| {w['page']} | {_kb(w['html'])} ({_kb(w['html_gz'])})"
                f" | {_kb(w['js'])} ({_kb(w['js_gz'])})"
                f" | {_kb(w['css'])} ({_kb(w['css_gz'])}) | {_kb(w['data'])} ({_kb(w['data_gz'])})"
                f" | {_kb(w['total'])} | {_kb(w['total_gz'])} | {w['charts']} | {spec} | {drawn} |"
            )
        stock = pages.get("stock")
        if stock:
            lines.append(
                f"| *stock Jupyter Book 1 ({stock['page']} of `jupyter-book create`, same run)*"
                f" | {_kb(stock['html'])} ({_kb(stock['html_gz'])})"
                f" | {_kb(stock['js'])} ({_kb(stock['js_gz'])})"
                f" | {_kb(stock['css'])} ({_kb(stock['css_gz'])})"
                f" | {_kb(stock['data'])} ({_kb(stock['data_gz'])})"
                f" | {_kb(stock['total'])} | {_kb(stock['total_gz'])} | – | – | – |"
            )
        lines += [
            "",
            "Figures in brackets: gzip (level 6). Limits (issue 18): chart pages"
            f" ≤ {book_budget.CHART_PAGE_LIMIT // 1024} KiB, text pages"
            f" ≤ {book_budget.TEXT_PAGE_LIMIT // 1024} KiB gzip. The search index is fetched only"
            " by the search page once the reader has searched (not counted above).",
        ]
    plumbing = results.get("plumbing")
    if plumbing:
        lines += [
            "",
            "## Plumbing per lesson",
            "",
            "Visible code lines (cells not folded with `hide-input`) and those in cells that call"
            " `glue(` or `described(`.",
            "",
            "| lesson | visible | plumbing | share |",
            "|---|--:|--:|--:|",
        ]
        lines += [
            f"| {r['lesson']} | {r['visible']} | {r['plumbing']} | {r['share']:.0%} |"
            for r in plumbing
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--skip", default="", help=f"comma-separated parts to skip: {', '.join(PARTS)}"
    )
    parser.add_argument("--runs", type=int, default=7, help="runs for the import timing (median)")
    parser.add_argument(
        "--draw-runs", type=int, default=3, help="page loads per chart page (median)"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    unknown = skip - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s) {sorted(unknown)}; choose from {PARTS}")

    results: dict[str, Any] = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}",
    }
    if not {"pages", "browser"} <= skip and not os.environ.get("CSTOLAB_BOOK_HTML"):
        build_repo_book()
    if "pages" not in skip or "browser" not in skip:
        results["pages"] = measure_pages()
    if "browser" not in skip:
        if CHROMIUM.exists():
            chart_pages = [w["page"] for w in results["pages"]["pages"] if w["charts"]]
            say(f"time to draw the charts of {len(chart_pages)} pages in Chromium ...")
            results["draw_ms"] = measure_draw_times(chart_pages, args.draw_runs)
        else:
            say(
                f"no Chromium at {CHROMIUM}: skipping the draw times"
                " (python scripts/setup_browser.py)"
            )
    if "import" not in skip:
        say("import times ...")
        results["import"] = measure_import(args.runs)
    if "cold-build" not in skip:
        results["build"] = measure_builds()
    if "nbval" not in skip:
        results["nbval"] = measure_nbval()
    if "plumbing" not in skip:
        results["plumbing"] = plumbing_share.measure()
    if "pdf" not in skip:
        results["pdf"] = measure_pdf()

    rows = verdicts(results)
    results["verdicts"] = rows
    text = markdown(results, rows)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "budget.md").write_text(text, encoding="utf-8")
    (RESULTS / "budget.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print()
    print(text)
    print(f"written to {(RESULTS / 'budget.md').relative_to(ROOT)} and budget.json")
    failed = [r["target"] for r in rows if r["result"] == "FAIL"]
    if failed:
        say(f"targets missed: {'; '.join(failed)}")
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
