# Open Jeugd: `make demo` to try it, `make test` to test it. Everything else is a helper.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= $(shell scripts/find-python)
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_REGION ?= nijmegen
DEMO_YOUTHS ?= 150
DEMO_YEARS ?= 1
DEMO_SEED ?= 7
export IJW_XSD_DIR ?= $(abspath ../shared/ijw/xsd)

.PHONY: demo serve test install assets migrate lint messages clean system-packages

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

node_modules/.installed: package.json
	npm install --no-audit --no-fund --silent
	touch $@

install: $(VENV)/.installed assets

assets: node_modules/.installed

messages: install
	cd openjeugd && ../$(PY) -m django compilemessages --settings=openjeugd.settings -v 0

migrate: install
	mkdir -p var
	DEBUG=1 $(PY) manage.py migrate --noinput -v 0

# Embedded SQLite, a fresh demo region, the web server on http://$(HOST):$(PORT).
demo: export DEBUG = 1
demo: migrate
	$(PY) manage.py demo_data --region "$(DEMO_REGION)" --youths $(DEMO_YOUTHS) \
		--years $(DEMO_YEARS) --seed $(DEMO_SEED) --reset
	$(PY) manage.py demo_logins
	$(PY) manage.py runserver $(HOST):$(PORT)

# As production runs it (docs/operations.md): DEBUG off, migrate, collectstatic, then gunicorn
# with openjeugd/gunicorn_conf.py on http://$(HOST):$(PORT). Needs SECRET_KEY, ALLOWED_HOSTS and,
# for real use, DATABASE_URL; behind a TLS proxy (or SECURE_SSL_REDIRECT=0 to try it locally).
serve: install
	mkdir -p var
	HOST=$(HOST) PORT=$(PORT) $(PY) manage.py serve

# Whole suite on SQLite; again on PostgreSQL when DATABASE_URL points at one. First the system
# packages the browser tests need: installed when we may, else one line says what to install.
test: system-packages
	$(MAKE) --no-print-directory install
	scripts/run-tests

system-packages:
	scripts/system-packages test
lint: install
	$(VENV)/bin/ruff check openjeugd bench tests
	$(VENV)/bin/lint-imports --no-cache

clean:
	rm -rf $(VENV) node_modules var
