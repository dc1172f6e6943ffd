#!/usr/bin/env bash
# preflight.sh - the operator's local preflight in one command: installs what is missing, then
# runs the release gates. Without S3_ENDPOINT (or --s3-endpoint) it starts a throwaway local
# Ceph RGW and stops it afterwards. Arguments are passed to the CLI (see --help).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
exec npm run --silent preflight -- "$@"
