# panelkeeper: `make run` to try it, `make test` before every commit, `make bench` for speed,
# `make mutation` to see how well the tests pin the rules package.
# Everything is driven by small scripts in scripts/ so each step can also be run alone.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
VENV := .venv
BIN := $(VENV)/bin
export PANELKEEPER_VAR_DIR ?= $(CURDIR)/var

.PHONY: run test bench mutation lint typecheck pytest venv-run venv-test

## run: set up, load the demo organisations, and serve http://127.0.0.1:8000
run: venv-run
	@mkdir -p "$(PANELKEEPER_VAR_DIR)"
	@$(BIN)/panelkeeper migrate --no-input --verbosity 0
	@PANELKEEPER_DEMO=1 $(BIN)/panelkeeper demo > "$(PANELKEEPER_VAR_DIR)/demo-sign-ins.txt"
	@PANELKEEPER_DEMO=1 $(BIN)/python scripts/serve.py --sign-ins "$(PANELKEEPER_VAR_DIR)/demo-sign-ins.txt"

## test: lint, type-check the package, and run every test on SQLite and PostgreSQL
test: venv-test lint typecheck pytest

venv-run:
	@scripts/setup-venv run

venv-test:
	@scripts/system-packages
	@scripts/setup-venv test

lint: venv-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: venv-test
	$(BIN)/mypy

pytest: venv-test
	@scripts/test-databases

## bench: every benchmark in benchmarks/, with the machine it ran on (they build their data
## with the tests' factory and send mail to the tests' SMTP server, so the test pins).
## ONLY="scale" runs just the benchmarks named. bench_scale measures every page at a tenth of
## national scale, on PostgreSQL when one answers at 127.0.0.1:5432 (about 15 minutes).
bench: venv-test
	@$(BIN)/python -m benchmarks $(ONLY)

## mutation: seed changes into panelkeeper/rules and report how many the rules tests catch
mutation:
	@scripts/setup-venv test
	@scripts/mutation
