# Set-up and the everyday commands. Everything is installed from the project's own
# files: the Python packages pinned in requirements.lock, into .venv/.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site check test clean

# Build the public site into site/ from data/ and content/ (checks the data first).
site: $(STAMP)
	$(BIN)/python build_site.py build

# Check the data only, and list every problem.
check: $(STAMP)
	$(BIN)/python build_site.py check

# Run the whole test suite.
test: $(STAMP)
	$(BIN)/python -m pytest

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --requirement requirements.lock
	touch $(STAMP)

clean:
	rm -rf site site.new site.old build .pytest_cache
