"""Make sure `make pdf` has what it needs: xelatex and latexmk from Debian's TeX Live, poppler.

If a Debian package of :data:`APT_PACKAGES` is missing and we are root, install them with apt-get
(``--no-install-recommends``: about 110 MB to download, 370 MB on disk). We never install
texlive-fonts-extra (about 600 MB): ``book/_config.yml`` avoids the jupyterbook-latex class that
would need it. Not root: print the apt-get command to run and exit 1.

Packages, measured on Debian 12 (removing any one breaks the build or the test):

- texlive-xetex: xelatex, for the Cyrillic and Kazakh names; it pulls texlive-latex-extra
  (fncychap, tabulary, capt-of, needspace, wrapfig for Sphinx's LaTeX) and texlive-latex-recommended
  (fontspec, fancyvrb), named here too so the list says what the build uses;
- texlive-fonts-recommended: without it xelatex stops at hyperref's link font (``pzdr``, Zapf
  Dingbats) - not a dependency of texlive-xetex;
- latexmk: Sphinx's LaTeX Makefile runs it (makeindex comes with TeX Live's binaries; we set
  ``latex_use_xindy: false`` rather than install xindy and its Lisp);
- fonts-freefont-otf: FreeSerif, FreeSans, FreeMono, Sphinx's fonts for xelatex (Latin, Cyrillic,
  Kazakh letters);
- poppler-utils: pdfinfo, pdftotext and pdfimages, for the page count and tests/test_pdf.py.

Usage: python scripts/setup_pdf.py [--for-tests]

``--for-tests`` (used by `make test`): a missing tool that cannot be installed is a notice, not a
failure (tests/test_pdf.py then skips with the reason), except under ``CI=true``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys

from apt_packages import can_install, install

APT_PACKAGES = [
    "texlive-xetex",
    "texlive-latex-recommended",
    "texlive-fonts-recommended",
    "latexmk",
    "fonts-freefont-otf",
    "poppler-utils",
]
# What the build and the test run; checked where there is no dpkg to ask.
COMMANDS = ["xelatex", "latexmk", "make", "pdfinfo", "pdftotext", "pdfimages"]


def say(message: str) -> None:
    print(f"[setup_pdf] {message}", flush=True)


def missing_packages() -> list[str]:
    """The packages of APT_PACKAGES dpkg does not list as installed (all, if there is no dpkg)."""
    dpkg = shutil.which("dpkg-query")
    if dpkg is None:
        return [] if all(shutil.which(c) for c in COMMANDS) else list(APT_PACKAGES)
    missing = []
    for package in APT_PACKAGES:
        result = subprocess.run(
            [dpkg, "-W", "-f=${db:Status-Abbrev}", package], capture_output=True, text=True
        )
        if not result.stdout.startswith("ii"):
            missing.append(package)
    return missing


def ensure() -> bool:
    """True when every package (or, without dpkg, every command) is there, installing if we can."""
    missing = missing_packages()
    if not missing:
        say("TeX Live (xelatex, latexmk), FreeFont and poppler-utils are installed")
        return True
    if not can_install()[0]:
        command = "sudo apt-get install -y --no-install-recommends " + " ".join(missing)
        say(f"the PDF needs Debian packages that are missing; run: {command}")
        return False
    say(f"installing with apt-get: {' '.join(missing)} (about 110 MB to download) ...")
    if not install(missing, say) or missing_packages():
        say(f"apt-get did not install all of: {' '.join(missing)}")
        return False
    say("TeX Live, FreeFont and poppler-utils installed")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--for-tests",
        action="store_true",
        help="missing tools are a notice (tests/test_pdf.py skips), unless CI=true",
    )
    args = parser.parse_args(argv)
    if ensure():
        return 0
    if args.for_tests and os.environ.get("CI", "").lower() != "true":
        say("tests/test_pdf.py will be skipped (it fails instead under CI=true)")
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
