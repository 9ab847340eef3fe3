# The two commands: `make demo` runs the site with demo content, `make test` runs the suite.
SHELL := /bin/sh
VENV := .venv
BIN := $(VENV)/bin
PYTHON_FOUND := $(shell scripts/find-python)
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The address links are made from (website/addresses.py): the one `make demo` serves.
SITE_URL ?= http://$(HOST):$(PORT)
export SITE_URL

.PHONY: demo test install install-test setup messages lint check clean

$(BIN)/python:
	@if [ -z "$(PYTHON_FOUND)" ]; then \
		echo "Python 3.12 or newer is needed (Django 6.1 requires it) and none was found."; \
		echo "Install python3.12 or newer, or run: make PYTHON=/path/to/python3.12 $(MAKECMDGOALS)"; \
		exit 1; \
	fi
	@echo "Creating $(VENV) with $(PYTHON_FOUND)"
	"$(PYTHON_FOUND)" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Migrate, fill the per-language columns wagtail-modeltranslation adds outside
# migrations, and load the demo content (idempotent: loading twice changes nothing).
# Then work off the tasks loading queued (search and reference index), so search finds
# the demo content at once instead of after the worker catches up.
setup: install
	$(MANAGE) migrate --noinput
	$(MANAGE) update_translation_fields
	$(MANAGE) load_demo
	@echo "Indexing the demo content for search..."
	$(MANAGE) db_worker --batch --no-startup-delay --verbosity 0

demo: setup
	@echo ""
	@echo "  Site (Chinese):  http://$(HOST):$(PORT)/"
	@echo "  Site (English):  http://$(HOST):$(PORT)/en/"
	@echo "  Admin:           http://$(HOST):$(PORT)/admin/"
	@echo ""
	@# Scheduled publishing and expiry, and the task worker (email alerts, Wagtail's index
	@# updates), run beside the server and stop with it.
	$(MANAGE) run_scheduler & scheduler=$$!; \
	$(MANAGE) db_worker --no-reload --verbosity 0 & worker=$$!; \
	trap 'kill $$scheduler $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

# The suite spreads over one worker per CPU (pytest-xdist); TEST_WORKERS=0 runs it in one
# process. tests/conftest.py keeps the production tests, which start servers on fixed ports,
# together in one worker.
TEST_WORKERS ?= auto
test: install-test
	@[ -x "$${CHROMIUM_PATH:-/usr/bin/chromium}" ] || command -v chromium >/dev/null || \
		echo "NOTE: Chromium is not installed, so the browser tests will be skipped (apt-get install chromium)."
	$(BIN)/python -m pytest --numprocesses $(TEST_WORKERS) --dist loadgroup

# The .po catalogues in locale/ are the only home of interface text. This brings both up to
# date with the code and templates (makemessages merges with msgmerge: translations are kept,
# new strings arrive empty, changed ones fuzzy), lists what still needs a translator, and
# compiles, then writes the Traditional catalogue from the Simplified one. Translate in the .po itself (any editor, Poedit, Weblate); then run it again.
messages: install-test
	@# With the default standard, so the catalogues land in locale/, not in Taiwan's locale/s2twp/.
	TRADITIONAL_CHINESE_STANDARD=s2hk $(MANAGE) makemessages --locale zh_Hans --locale en --ignore ".venv/*" --ignore "test-artifacts/*" --no-obsolete
	@msgattrib --only-fuzzy --no-wrap locale/zh_Hans/LC_MESSAGES/django.po 2>/dev/null | grep '^msgid "..*"' | sed 's/^/  fuzzy: /' || true
	@msgattrib --untranslated --no-fuzzy --no-wrap locale/zh_Hans/LC_MESSAGES/django.po 2>/dev/null | grep '^msgid "..*"' | sed 's/^/  untranslated: /' || true
	$(MANAGE) compilemessages --locale zh_Hans --locale en --ignore ".venv/*"
	@# The Traditional catalogues (Hong Kong, Taiwan) are written from the Simplified one
	@# and locale/traditional-corrections.tsv (docs/traditional-chinese.md).
	$(MANAGE) traditional_catalogue

# Style (ruff), template indentation (djhtml) and the import rule (import-linter contracts in
# pyproject.toml: imports run downhill only; docs/architecture.md).
lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')
	$(BIN)/lint-imports --no-cache

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 test-artifacts static

# Search quality over the demo content: precision@1 and @3 of the relevance set
# (tests/search/relevance.py), then the evaluation (tests/search/eval/: articles and judged
# queries written for it): P@1, P@5, R@10 and nDCG@10 per class of query, the site beside an
# offline BM25 (rank-bm25) over the same segmented text; fails if the site is behind in a class.
.PHONY: search-eval search-bench
search-eval: install-test
	SEARCH_EVAL=1 $(BIN)/python -m pytest tests/search/test_relevance.py tests/search/eval -q -s -p no:randomly

# Search speed over 10,000 bilingual articles, on a throwaway database (docs/performance.md).
SEARCH_BENCH_DB ?= sqlite:////tmp/jimc-search-bench.sqlite3
search-bench: install
	DATABASE_URL=$(SEARCH_BENCH_DB) $(MANAGE) migrate --noinput
	DATABASE_URL=$(SEARCH_BENCH_DB) $(MANAGE) update_translation_fields
	DATABASE_URL=$(SEARCH_BENCH_DB) $(MANAGE) load_demo --verbosity 0
	DATABASE_URL=$(SEARCH_BENCH_DB) $(MANAGE) search_benchmark --settings=website.settings.test

# Production: gunicorn with website.settings.production, settings from the environment
# (docs/deployment.md). Migrates, collects hashed and compressed static files, refuses to
# start if `check --deploy` warns, and runs the scheduler and the task worker beside gunicorn
# (SCHEDULER=0 on all but one app server; WORKER=0 where other servers' workers suffice).
.PHONY: serve backup restore
SERVE_PORT ?= 8000
WORKERS ?= 3
SCHEDULER ?= 1
WORKER ?= 1
PROD := DJANGO_SETTINGS_MODULE=website.settings.production
serve: install
	$(PROD) $(MANAGE) migrate --noinput
	$(PROD) $(MANAGE) update_translation_fields
	$(PROD) $(MANAGE) collectstatic --noinput --verbosity 0
	$(PROD) $(MANAGE) check --deploy --fail-level WARNING
	@scheduler=; worker=; \
	if [ "$(SCHEDULER)" = 1 ]; then $(PROD) $(MANAGE) run_scheduler & scheduler=$$!; fi; \
	if [ "$(WORKER)" = 1 ]; then $(PROD) $(MANAGE) db_worker & worker=$$!; fi; \
	trap 'kill $$scheduler $$worker 2>/dev/null' EXIT INT TERM; \
	$(PROD) $(BIN)/gunicorn website.wsgi --bind $(HOST):$(SERVE_PORT) --workers $(WORKERS) \
		--access-logfile - --forwarded-allow-ips "$${FORWARDED_ALLOW_IPS:-127.0.0.1}"

# One archive with the database (pg_dump or the SQLite file) and the media; restore into
# an empty database. BACKUP=path/to/archive.tar.gz for restore. Production settings unless
# DJANGO_SETTINGS_MODULE says otherwise (docs/deployment.md).
backup: install
	$(BIN)/python scripts/backup $(if $(BACKUP),--output $(BACKUP))
restore: install
	@[ -n "$(BACKUP)" ] || { echo "usage: make restore BACKUP=path/to/backup.tar.gz"; exit 1; }
	$(BIN)/python scripts/restore $(BACKUP)

# Throughput of the production stack over 10,000 articles: gunicorn, whitenoise, the Redis page
# cache warm and off, wrk at 16 and 64 connections (docs/performance.md). Needs PostgreSQL,
# Redis and wrk; BENCH_REDIS is emptied, so give it a database of its own.
.PHONY: bench
BENCH_DB ?= postgres://postgres@127.0.0.1:5432/jimc_bench
BENCH_REDIS ?= redis://127.0.0.1:6379/5
BENCH_PORT ?= 8641
bench: install
	@command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
	$(BIN)/python scripts/bench --database $(BENCH_DB) --redis $(BENCH_REDIS) --port $(BENCH_PORT) --workers $(WORKERS)

# Archive import speed: 10,000 made-up articles (saved pages in four encodings, text files, a CSV
# manifest) into a throwaway database, with time and memory (docs/performance.md).
.PHONY: import-bench
IMPORT_BENCH_DB ?= sqlite:////tmp/jimc-import-bench.sqlite3
IMPORT_BENCH_ARTICLES ?= 10000
import-bench: install
	rm -f /tmp/jimc-import-bench.sqlite3
	DATABASE_URL=$(IMPORT_BENCH_DB) $(MANAGE) migrate --noinput
	DATABASE_URL=$(IMPORT_BENCH_DB) $(MANAGE) update_translation_fields
	DATABASE_URL=$(IMPORT_BENCH_DB) $(MANAGE) load_demo --verbosity 0
	DATABASE_URL=$(IMPORT_BENCH_DB) $(MANAGE) archive_benchmark --articles $(IMPORT_BENCH_ARTICLES)
