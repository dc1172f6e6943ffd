#!/usr/bin/env bash
# test.sh - every check in one command: installs what is missing, type-checks, then runs the
# test suite (which starts the local servers it needs and stops them by PID).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
npm run --silent lint
npm test
