# kakeibo: `make run` and `make test` are the two commands of the quickstart.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export KAKEIBO_DATA_DIR ?= $(CURDIR)/data
export PG_TEST_URL ?= postgresql://postgres@127.0.0.1:5432/postgres

.PHONY: install constraints run test lint typecheck pytest bench schema web webtest clean format

# Installs exactly the versions in constraints.txt, so two fresh machines get the same packages.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# kakeibo's own modules compiled ahead (git ignores the caches): pip does this for installed packages, but not for
# an editable install, so with PYTHONDONTWRITEBYTECODE set every command would compile what it imports, every time.
install: $(STAMP)
	@$(BIN)/python -m compileall -q src/kakeibo bench

# Rewrite constraints.txt from the versions .venv holds of what pyproject.toml pulls in (after upgrading them:
# `.venv/bin/pip install -U -e '.[dev]'`). The stamp is renewed too: .venv already is what the file now says.
constraints:
	@test -x $(BIN)/pip || { echo "no $(VENV) yet: run make install first"; exit 1; }
	$(BIN)/pip freeze --exclude-editable | $(BIN)/python scripts/constraints.py > constraints.txt
	touch $(STAMP)

# `npm ci` installs exactly package-lock.json and never rewrites it (npm install would); the build writes only
# into src/kakeibo/web/dist, which git ignores: a fresh clone stays clean.
web:
	@if [ -f web/package.json ]; then cd web && npm ci --no-audit --no-fund && npm run build; fi

# The web app's checks: types, Vitest, the generated API client against the current API, then end to end in
# Debian's Chromium against a real `kakeibo serve`.
webtest: install web
	cd web && npm run typecheck && npm test && npm run api:check && npm run e2e

# Data lives in ./data (KAKEIBO_DATA_DIR above); the demo household is loaded once, into a fresh database.
run: install web
	@$(BIN)/kakeibo migrate
	@$(BIN)/kakeibo demo --if-empty
	@$(BIN)/kakeibo serve

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest

test: lint typecheck pytest webtest

bench: install
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.cli
	$(BIN)/python -m bench.ledger_cli
	$(BIN)/python -m bench.imports
	$(BIN)/python -m bench.categorize
	$(BIN)/python -m bench.assistant
	$(BIN)/python -m bench.assistant_turns
	$(BIN)/python -m bench.assistant_sets
	$(BIN)/python -m bench.recurring
	$(BIN)/python -m bench.forecast
	$(BIN)/python -m bench.anomalies
	$(BIN)/python -m bench.speech
	$(BIN)/python -m bench.web
	$(BIN)/python -m bench.write_load

format: install
	$(BIN)/ruff check --fix src tests bench scripts
	$(BIN)/ruff format src tests bench scripts

# Regenerate the initial migration from the models (pre-release only: no deployed databases yet).
schema: install
	rm -f src/kakeibo/migrations/versions/*_initial_schema.py /tmp/kakeibo-schema.sqlite3
	KAKEIBO_DATABASE_URL=sqlite:////tmp/kakeibo-schema.sqlite3 KAKEIBO_SECRET_KEY=schema-generation-only-key \
		$(BIN)/alembic -c alembic.ini revision --autogenerate -m "initial schema" --rev-id 0001
	rm -f /tmp/kakeibo-schema.sqlite3

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
