# Two commands for everyone: `make book` and `make test` (see README.md).
# Both create .venv if needed and reinstall only when pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: book test lab clean lint student-edition benchmarks setup notebooks

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

## Build the HTML book into book/_build/html (notebooks re-run only when they, data/ or src/ change).
book: $(STAMP)
	$(BIN)/python scripts/build_book.py

## Run every test: unit tests, nbval over all notebooks, the book build and the browser tests.
test: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/python scripts/setup_browser.py
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

## Print the performance budget table (writes benchmarks/results/).
benchmarks: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks

clean:
	rm -rf book/_build .pytest_cache .ruff_cache tests/artifacts benchmarks/results
	find . -name __pycache__ -type d -prune -not -path './.venv/*' -exec rm -rf {} +
