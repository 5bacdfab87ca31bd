#!/usr/bin/env bash
# Install (if needed), then export the SIM fleet to fleet.csv with a progress bar.
# Without EMNIFY_APPLICATION_TOKEN (or EMNIFY_USERNAME) it runs against the built-in emulator
# with 20,000 demo SIMs. Arguments, if any, replace the default command: scripts/demo.sh sims list
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
if [ "$#" -eq 0 ]; then
    set -- sims export --output fleet.csv
fi
if [ -z "${EMNIFY_APPLICATION_TOKEN:-}${EMNIFY_USERNAME:-}" ]; then
    set -- --emulator "$@"
fi
exec .venv/bin/emnify "$@"
