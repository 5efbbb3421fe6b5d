# Two commands: `make run` (the app with demo data on SQLite) and `make test` (every test).
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app backend
PORT ?= 5000
PYTHON ?= python3.11

.PHONY: run test test-py test-pwa pwa catalogs i18n tts migrate demo chromium redis bench clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

pwa/node_modules/.installed: pwa/package.json pwa/package-lock.json
	cd pwa && npm ci --no-audit --no-fund
	touch $@

## Compile the catalogs and export them as JSON for the PWA.
catalogs: $(VENV)/.installed tts
	$(FLASK) i18n compile

## Extract strings and merge them into every catalog (after changing user-facing text).
i18n: $(VENV)/.installed tts
	$(FLASK) i18n update

## The computer voice: every phrase spoken by espeak-ng into pwa/public/audio/tts (unchanged ones skipped).
## Before the catalogs: the phone's phrase catalogue names the phrases that have a voice file.
tts: $(VENV)/.installed
	@command -v espeak-ng >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng; \
	  else echo "espeak-ng is missing. Run: sudo apt-get install espeak-ng" >&2; exit 1; fi; }
	$(FLASK) audio tts

## Build the PWA into pwa/dist (served by Flask at /).
pwa: catalogs pwa/node_modules/.installed
	cd pwa && npm run build

migrate: $(VENV)/.installed
	$(FLASK) db upgrade

demo: migrate
	$(FLASK) demo

## Serve the app with demo data on http://127.0.0.1:$(PORT) (SQLite in instance/).
run: pwa demo
	MAATJE_INSECURE_COOKIES=1 MAIL_LOG_BODY=1 $(FLASK) run --host 127.0.0.1 --port $(PORT)

## Chromium for the end-to-end tests: installed from Debian when we are root.
chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "Chromium is missing. Run: sudo apt-get install chromium" >&2; exit 1; fi; }

## redis-server for the shared rate-limit test (it starts its own on a free port): from Debian when we are root.
redis:
	@command -v redis-server >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; \
	  else echo "redis-server is missing. Run: sudo apt-get install redis-server" >&2; exit 1; fi; }

## Every test: pytest (API, sync properties, end-to-end in Chromium) and Vitest. DATABASE_URL picks the database.
test: pwa chromium redis
	$(PY) -m pytest
	cd pwa && npm test

bench: $(VENV)/.installed
	$(PY) -m bench.run_all

clean:
	rm -rf $(VENV) pwa/node_modules pwa/dist pwa/public/i18n instance
