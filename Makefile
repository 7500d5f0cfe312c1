# nps-kit developer commands. Only python3 (≥ 3.11) is needed: everything else goes into .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
JOBS   ?=

.PHONY: reports test lint bench lab clean install fast slow

# Installed project (re-installed when pyproject.toml changes).
$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -e '.[test]'
	@touch $@

install: $(VENV)/.installed

## make reports: build every demo unit's HTML report into reports/<period>/
# The bundled demo data ends in October 2026: named, so that a run months later reports it
# without the stale-export warning a scheduled run of a real export should print.
DEMO_PERIOD ?= 2026-10
reports: $(VENV)/.installed
	$(BIN)/nps-kit run --all --period $(DEMO_PERIOD) $(if $(JOBS),--jobs $(JOBS),)
	@echo "Open reports/index.html in a browser."

## make test: lint, type-check and run the whole test suite
test: $(VENV)/.installed-test lint
	$(BIN)/python -m pytest -n 2 --dist loadfile -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy nps_kit

## make bench: speed and quality benchmarks (prints ratios measured in one run)
bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/bench_score.py
	$(BIN)/python benchmarks/bench_load.py
	$(BIN)/python benchmarks/bench_text.py
	$(BIN)/python benchmarks/bench_reports.py
	$(BIN)/python benchmarks/bench_scale.py $(if $(QUICK),--quick,)

## make fast: compile the hot text modules with mypyc (needs a C compiler; else pure Python)
# Optional: reports run the same without it, 1.25-1.5x slower in the text analysis. A module
# edited after it runs as Python (with one line saying so) until the next make fast.
fast: $(VENV)/.installed-test
	$(BIN)/python tools/build_fast.py

## make slow: remove the compiled text modules (pure Python again)
slow:
	rm -f nps_kit/text/*.so nps_kit/text/*.pyd nps_kit/text/_compiled.json

## make lab: open JupyterLab on the notebooks (UNIT=ec opens that unit's working copy)
lab: $(VENV)/.installed
	$(BIN)/nps-kit lab $(UNIT)

clean:
	rm -rf reports/*/ reports/index.html .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
