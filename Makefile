# Run `make help` for the list of targets.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run setup test lint format messages compile-messages bench clean serve-prod

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
	$(MANAGE) createcachetable
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) seed_demo
	$(MANAGE) ensure_dev_superuser

run: setup ## Set everything up; serve http://127.0.0.1:8000/ with a task worker beside it (Ctrl-C stops both)
	@echo "Site: http://$(HOST):$(PORT)/   Admin: http://$(HOST):$(PORT)/admin/   (e-mails are printed here)"
	$(PY) scripts/run_dev.py $(HOST):$(PORT)

# Production settings, gunicorn and PostgreSQL on this machine, for trying them out (README, "Production").
PROD_ENV_REQUIRED := DATABASE_URL SECRET_KEY ALLOWED_HOSTS CASE_MASTER_KEYS CASE_HASH_KEY
serve-prod: $(VENV)/.installed compile-messages ## Serve with production settings and gunicorn (needs DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, CASE_MASTER_KEYS, CASE_HASH_KEY)
	@missing=""; for name in $(PROD_ENV_REQUIRED); do [ -n "$${!name}" ] || missing="$$missing $$name"; done; \
	  if [ -n "$$missing" ]; then echo "Set these environment variables first (see .env.example):$$missing"; exit 1; fi
	DJANGO_SETTINGS_MODULE=cms.settings.production BEHIND_PROXY=$${BEHIND_PROXY:-false} $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=cms.settings.production BEHIND_PROXY=$${BEHIND_PROXY:-false} $(MANAGE) collectstatic --noinput --verbosity 0
	mkdir -p -m 700 "$${PRIVATE_STORAGE_ROOT:-$${VAR_DIR:-var}/private}"
	@echo "Site: http://$(HOST):$(PORT)/   (plain HTTP: SECURE_SSL_REDIRECT is off for this target)"
	DJANGO_SETTINGS_MODULE=cms.settings.production SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false} BEHIND_PROXY=$${BEHIND_PROXY:-false} \
	  GUNICORN_BIND=$(HOST):$(PORT) $(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py cms.wsgi:application

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

# The demo's own catalogs (forms_app/demo/locale/*/demo.po, read by seed_demo) are not interface
# catalogs: without this ignore makemessages would treat that folder as the home of forms_app/demo's
# gettext strings and write them there instead of into locale/.
MESSAGES_IGNORE := --ignore '.venv/*' --ignore 'static_collected/*' --ignore 'forms_app/demo/locale' --ignore 'tests/*'

messages: $(VENV)/.installed ## Regenerate locale/*.po from the English source strings
	$(MANAGE) makemessages --locale zh_Hans --locale zh_Hant $(MESSAGES_IGNORE) --no-obsolete
	$(MANAGE) makemessages --domain djangojs --locale zh_Hans --locale zh_Hant $(MESSAGES_IGNORE) --no-obsolete

bench: $(VENV)/.installed compile-messages ## Benchmark gunicorn + production settings with wrk (see README, Performance)
	$(PY) benchmarks/run.py

clean: ## Remove the virtualenv, local database, private files and build output
	rm -rf $(VENV) var static_collected
