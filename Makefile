# Everyday commands. `make run` and `make test` are all a fresh machine needs (Python 3.11).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: install run serve test test-browser lint format seed-fixture clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

## Create the environment, migrate, load the seed (once) and serve on SQLite.
run: install
	DEBUG=true $(BIN)/python manage.py migrate --no-input
	DEBUG=true $(BIN)/python manage.py load_seed
	DEBUG=true $(BIN)/python manage.py collectstatic --no-input -v0
	DEBUG=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

## The whole test suite (browser tests skip, with a message, where no Chromium is installed).
test: install
	$(BIN)/pytest $(PYTEST_ARGS)

test-browser: install
	$(BIN)/pytest -m browser $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Rebuild fixtures/seed.json from fixtures/seed/ and archive/seed/spec.py.
seed-fixture: install
	rm -f /tmp/seed-fixture.sqlite3
	SQLITE_PATH=/tmp/seed-fixture.sqlite3 DEBUG=true $(BIN)/python manage.py migrate -v0
	SQLITE_PATH=/tmp/seed-fixture.sqlite3 DEBUG=true $(BIN)/python manage.py build_seed_fixture

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
