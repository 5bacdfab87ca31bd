#!/usr/bin/env bash
# Install (if needed) and run the demo: list the SIM fleet. Without EMNIFY_APPLICATION_TOKEN it
# runs against the built-in emulator.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/python -m emnify_async "$@"
