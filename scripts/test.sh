#!/usr/bin/env bash
# Install (if needed) and run the test suite, one worker per CPU core (pytest-xdist; pass
# `-n 0` to run in one process).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/python -m pytest -n auto "$@"
