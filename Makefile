# Set-up and the everyday commands. Everything is installed from the project's own
# files: the Python packages pinned in requirements.lock, into .venv/, and for the
# browser tests Debian's chromium package.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
PORT   ?= 8000

.PHONY: site serve check test test-fast clean

# Build the public site into site/ from data/ and content/ (checks the data first).
site: $(STAMP)
	$(BIN)/python build_site.py build

# Build, then preview at http://127.0.0.1:8000/ (or PORT=…), rebuilding when data/ or content/ change.
serve: $(STAMP)
	$(BIN)/python build_site.py serve --port $(PORT)

# Check the data only, and list every problem.
check: $(STAMP)
	$(BIN)/python build_site.py check

# Run the whole test suite (the browser tests drive Debian's Chromium).
test: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest

# Run only the module tests (tests/unit/: no site build, no MkDocs, no browser), in seconds.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q tests/unit

$(CHROMIUM):
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --requirement requirements.lock
	touch $(STAMP)

clean:
	rm -rf site site.new site.old build .pytest_cache
