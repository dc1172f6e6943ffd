#!/usr/bin/env bash
# ensure-bucket.sh - make sure the attachment bucket exists (the runbook's "ensure attachment bucket
# exists"), with this project's CLI: the bucket gate in apply mode. It creates a missing bucket and
# never deletes or empties anything; it writes chat-attachment-bucket-latest.md to REPORTS_DIR.
# (The project's CLI rather than the AWS CLI: Debian's aws 2.9 crashes on RGW error responses with
# empty messages, and the gate's errors name the endpoint and the permission at fault.)
#
# Env: S3_ENDPOINT (required: without it the CLI would start a throwaway local RGW instead),
#      S3_BUCKET, APP_ENV (required), S3_ACCESS_KEY / S3_SECRET_KEY (read by the CLI from the
#      environment, never put on its command line), S3_REGION, S3_TIMEOUT_SECONDS (default 30),
#      REPORTS_DIR (default docs/research), SRG_CLI (default dist/cli/index.js of this checkout),
#      NODE (default node; the CLI needs Node.js 24).
# Exit 0 when the bucket exists (or was created); 1 otherwise, bounded by S3_TIMEOUT_SECONDS per
# S3 operation; 2 on missing settings.
set -euo pipefail
. "$(dirname "$0")/common.sh"

[ -n "${S3_ENDPOINT:-}" ] || usage_error "S3_ENDPOINT is not set (start-storage.sh exports it)"
[ -n "${S3_BUCKET:-}" ] || usage_error "S3_BUCKET is not set"
[ -n "${APP_ENV:-}" ] || usage_error "APP_ENV is not set"
cli=${SRG_CLI:-$(cd "$(dirname "$0")/../.." && pwd)/dist/cli/index.js}
[ -f "$cli" ] || usage_error "the CLI $cli does not exist (npm run build makes it)"

log "ensuring bucket $S3_BUCKET on $(redact_url "$S3_ENDPOINT")"
# The summary goes to stderr with the logs: the report file is the record.
if ! "${NODE:-node}" "$cli" --gates bucket --mode apply --fail-fast true \
  --app-env "$APP_ENV" --s3-bucket "$S3_BUCKET" --s3-endpoint "$S3_ENDPOINT" \
  --s3-timeout-seconds "${S3_TIMEOUT_SECONDS:-30}" --reports-dir "${REPORTS_DIR:-docs/research}" >&2; then
  die "bucket $S3_BUCKET is not ensured on $(redact_url "$S3_ENDPOINT"): see chat-attachment-bucket-latest.md in ${REPORTS_DIR:-docs/research}"
fi
log "bucket $S3_BUCKET is there"
