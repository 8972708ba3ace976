# Run `make help` for the list of targets.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run setup test lint format messages compile-messages bench clean

help: ## Show this list of targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	@test -x $(PY) || { PYTHON_BIN=$$(scripts/find-python.sh) && echo "Using $$PYTHON_BIN" && $$PYTHON_BIN -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

compile-messages: $(VENV)/.installed ## Build the .mo catalogs from locale/*.po
	$(PY) scripts/compile_messages.py

setup: $(VENV)/.installed compile-messages ## Install, migrate, collect static files, load demo content
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) seed_demo
	$(MANAGE) ensure_dev_superuser

run: setup ## Set everything up and serve the site on http://127.0.0.1:8000/
	@echo "Site: http://$(HOST):$(PORT)/   Admin: http://$(HOST):$(PORT)/admin/"
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev compile-messages ## Install test requirements and run lint, checks and the whole suite
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/pytest --create-db $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev ## Run ruff check and ruff format --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev ## Reformat and autofix with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: $(VENV)/.installed ## Regenerate locale/*.po from the English source strings
	$(MANAGE) makemessages --locale zh_Hans --locale zh_Hant --ignore '.venv/*' --ignore 'static_collected/*' --no-obsolete
	$(MANAGE) makemessages --domain djangojs --locale zh_Hans --locale zh_Hant --ignore '.venv/*' --ignore 'static_collected/*' --no-obsolete

bench: $(VENV)/.installed-dev compile-messages ## Run the performance benchmarks
	DJANGO_SETTINGS_MODULE=cms.settings.test $(VENV)/bin/pytest benchmarks -q -s -p no:cacheprovider

clean: ## Remove the virtualenv, local database, private files and build output
	rm -rf $(VENV) var static_collected
