# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test venv dev-venv e2e-tools messages lint format check pytest clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed
dev-venv: $(VENV)/.installed-dev

# axe-core for the accessibility tests (tests/e2e), pinned with its integrity hash in
# tests/e2e/package-lock.json. Without npm the accessibility tests are skipped (CI fails).
E2E_TOOLS := tests/e2e/node_modules/.installed
$(E2E_TOOLS): tests/e2e/package.json tests/e2e/package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm is missing (apt-get install npm): accessibility tests will be skipped"; fi
e2e-tools: $(E2E_TOOLS)

# Compiles locale/*/LC_MESSAGES/*.po with polib (a wagtail-localize dependency),
# so no system gettext is needed.
messages: venv
	$(PY) -m portal.compile_messages

run: venv messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_admin
	@echo "Demo accounts (username, password, role):"
	$(PY) manage.py ensure_demo_users
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

format: dev-venv
	$(PY) -m ruff format .

lint: dev-venv
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .

check: dev-venv messages
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run

# One worker per core, each with its own test database; a file's tests stay on one worker,
# so a module-scoped fixture (the demo content) is built once. Files are handed out in
# pytest-django's order (not biggest first): the tests that commit, and so empty the
# database, come after those that roll back. PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto
pytest: dev-venv messages e2e-tools
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

test: lint check pytest

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
