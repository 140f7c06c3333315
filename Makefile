# Two commands for everyone: `make book` and `make test` (see README.md).
# Both create .venv if needed and reinstall only when pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# the `hub` extra (JupyterHub, nbgitpuller), for `make hub`, `make class-load` and `make test`
HUBSTAMP := $(VENV)/.installed-hub

.PHONY: book test lab clean lint student-edition benchmarks setup notebooks pdf linkcheck hub class-load

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e ".[dev,instructor]"
	@touch $(STAMP)

$(HUBSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[hub]"
	@touch $(HUBSTAMP)

## Build the HTML book into book/_build/html (notebooks re-run only when they, data/ or src/ change).
book: $(STAMP)
	$(BIN)/python scripts/build_book.py

## The whole book as one PDF, book/_build/pdf/cstolab.pdf (xelatex; installs TeX Live when root).
pdf: $(STAMP)
	$(BIN)/python scripts/setup_pdf.py
	$(BIN)/python scripts/build_pdf.py

## Run every test: unit tests, nbval over all notebooks, the book build and the browser tests.
test: $(STAMP) $(HUBSTAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/python -m cstolab.hub.proxy
	$(BIN)/python scripts/setup_browser.py
	$(BIN)/python scripts/setup_pdf.py --for-tests
	$(BIN)/python -m pytest -n 2 --dist loadfile

## Re-execute the lesson notebooks in place (their outputs are committed and checked by nbval).
notebooks: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py

## JupyterLab on the study edition of the lessons in lab/ (solutions folded; your edits are kept).
LAB ?= lab
lab: $(STAMP)
	$(BIN)/cstolab study-edition $(LAB) --update
	$(BIN)/jupyter lab --notebook-dir=$(LAB)

## Write a student edition (no solutions) to OUT (default: student-edition/).
OUT ?= student-edition
student-edition: $(STAMP)
	$(BIN)/cstolab student-edition $(OUT)

## Check the book's outside links with Sphinx's linkcheck (needs a network, so not in `make test`).
## Report: book/_build/linkcheck/_build/html/output.txt; exit status 1 when a link is broken.
linkcheck: $(STAMP)
	$(BIN)/python scripts/linkcheck.py

## A JupyterHub for a class on http://127.0.0.1:8000 (password printed at start; state in .hub/).
## HUB_ARGS are passed on, e.g. make hub HUB_ARGS="--port 8100 --edition study".
HUB_ARGS ?=
hub: $(HUBSTAMP)
	$(BIN)/python -m cstolab.hub $(HUB_ARGS)

## STUDENTS simulated students work through a lesson on one hub at once (benchmarks/class_load.py).
STUDENTS ?= 10
class-load: $(HUBSTAMP)
	$(BIN)/python benchmarks/class_load.py --students $(STUDENTS)

## Print the performance budget table (writes benchmarks/results/).
benchmarks: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks

clean:
	rm -rf book/_build .pytest_cache .ruff_cache tests/artifacts benchmarks/results
	find . -name __pycache__ -type d -prune -not -path './.venv/*' -exec rm -rf {} +
