# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Each creates what it needs first (the virtualenv, Chromium, npm tools) and skips what is there.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Material 9.8 prints an end-of-life banner on every build; it is known (see README) and noisy.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build public-site-url test lint test-fast browser spelling review drift preview translations bench clean

help:
	@echo "make serve         build and serve the site at http://$(HOST):$(PORT) with live reload"
	@echo "make build         strict build into site/ for publishing (SITE_URL=...; LOCAL=1 to view locally)"
	@echo "make test          every test, browser tests included (after make lint)"
	@echo "make lint          ruff on the Python, ESLint on our scripts"
	@echo "make review        spelling (both languages), typography and checklist craft, as file:line messages"
	@echo "make drift         Dutch pages changed against BASE (origin/main) whose translation was not restamped"
	@echo "make preview       what a reviewer sees: site, sheet PDFs, screenshots of changed pages (.cache/preview/)"
	@echo "make translations  list missing and outdated English pages"
	@echo "make bench         speed and size benchmarks (results in bench/RESULTS.md)"
	@echo "make clean         remove site/ and the build cache .cache/"

# The environment is rebuilt when pyproject.toml changes.
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Playwright cannot download its own browser here: use Debian's, installed when missing and we
# are root (CI runs as root). Tests and previews run in chromium-headless-shell, the same Chromium
# without the desktop browser around it (the browser tests take about a fifth less time in it);
# the bench's Lighthouse needs the full chromium. A browser named by CHROMIUM (the workflows set
# it to Playwright's own) is used as it is; either package alone also runs the tests.
CHROMIUM_PACKAGES := chromium chromium-headless-shell
browser:
	@if [ -n "$$CHROMIUM" ] && [ -x "$$CHROMIUM" ]; then :; \
	elif command -v chromium >/dev/null 2>&1 && command -v chromium-headless-shell >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's $(CHROMIUM_PACKAGES) packages..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(CHROMIUM_PACKAGES) >/dev/null; \
	elif command -v chromium-headless-shell >/dev/null 2>&1 || command -v chromium >/dev/null 2>&1; then :; \
	else \
		echo "Chromium is missing: install it (Debian/Ubuntu: sudo apt-get install $(CHROMIUM_PACKAGES))" >&2; \
		echo "or set CHROMIUM=/path/to/chromium." >&2; exit 1; \
	fi

# Spelling needs the hunspell command and Debian's Dutch and British English dictionaries:
# installed when missing and we are root (CI runs as root), like the browser.
HUNSPELL_PACKAGES := hunspell hunspell-nl hunspell-en-gb
spelling:
	@missing=""; \
	if ! command -v hunspell >/dev/null 2>&1; then missing="$(HUNSPELL_PACKAGES)"; else \
		dicts="$$(hunspell -D </dev/null 2>&1)"; \
		echo "$$dicts" | grep -q '/nl$$' || missing="hunspell-nl"; \
		echo "$$dicts" | grep -q '/en_GB$$' || missing="$$missing hunspell-en-gb"; \
	fi; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing $$missing..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
		echo "Spelling needs Hunspell with Dutch and British English dictionaries; missing: $$missing" >&2; \
		echo "Install them (Debian/Ubuntu: sudo apt-get install $$missing)." >&2; exit 1; \
	fi

# Spelling, typography and checklist craft over docs/, as file:line messages (hooks/guide/review/).
review: $(BIN)/.installed spelling
	PYTHONPATH=hooks $(BIN)/python -m guide.review.run

# Translation drift in a change: Dutch pages changed against BASE whose English page was not
# restamped; written to the job summary when GITHUB_STEP_SUMMARY is set.
BASE ?= origin/main
drift: $(BIN)/.installed
	PYTHONPATH=hooks $(BIN)/python -m guide.review.drift --base $(BASE)

# What reviewers see, in .cache/preview/: the built site, both sheet PDFs, screenshots of the pages
# changed against BASE (375 and 1280 px, both languages) and summary.md.
preview: $(BIN)/.installed browser
	PYTHONPATH=hooks $(BIN)/python -m guide.review.preview --base $(BASE) --out .cache/preview

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --livereload --dev-addr $(HOST):$(PORT)

# The build for publishing: canonical links, hreflang, sitemaps and the PDFs' footer carry
# SITE_URL, so a missing or local address is refused. LOCAL=1 builds for viewing on this machine.
# It builds beside site/ and takes its place only once it succeeded: a build that fails half-way
# (a broken anchor, a misplaced placeholder) leaves the last good site as it was.
NEXT_SITE := .cache/site-next
build: public-site-url $(BIN)/.installed
	rm -rf $(NEXT_SITE)
	$(BIN)/mkdocs build --strict --site-dir $(NEXT_SITE)
	rm -rf site && mv $(NEXT_SITE) site

public-site-url:
ifeq ($(LOCAL),)
	@case "$(SITE_URL)" in \
	  ""|*://localhost|*://localhost[:/]*|*://127.[0-9]*|*://\[::1\]*|*://0.0.0.0*) \
	    echo "make build makes the site for publishing, and SITE_URL is $(if $(SITE_URL),$(SITE_URL): a local address,not set)." >&2; \
	    echo "Set it to the address the site will be served from, for example" >&2; \
	    echo "  make build SITE_URL=https://<user>.github.io/<repository>/" >&2; \
	    echo "or build for viewing on this machine with: make build LOCAL=1" >&2; \
	    exit 2;; \
	esac
endif

# One worker per CPU, each taking whole test files (so a file's built site is built once).
test: $(BIN)/.installed node_modules/.installed browser spelling lint
	$(BIN)/python -m pytest -n auto --dist loadfile

# Likely bugs in our Python (ruff) and our scripts (ESLint); no style rules beyond line length.
lint: $(BIN)/.installed node_modules/.installed
	$(BIN)/ruff check hooks bench tests
	npx --no-install eslint docs/assets/javascripts

# Unit and build tests only: no browser needed.
test-fast: $(BIN)/.installed spelling
	$(BIN)/python -m pytest -m "not browser"

# Lists missing and outdated translations; STAMP="docs/x.en.md ..." records that those English
# pages now follow their Dutch source.
translations: $(BIN)/.installed
	PYTHONPATH=hooks $(BIN)/python -m guide.content.translations $(if $(STAMP),--stamp $(STAMP))

# Synthetic builds, first-visit bytes and Lighthouse; writes bench/RESULTS.md and bench/results.json.
bench: $(BIN)/.installed node_modules/.installed browser
	$(BIN)/python bench/run.py

clean:
	rm -rf site .cache .pytest_cache
