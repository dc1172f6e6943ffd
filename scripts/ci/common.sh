# common.sh - helpers shared by the CI step scripts (sourced, not run).
# Logs go to stderr, so stdout stays free for what a script reports.

ci_script=$(basename "$0" .sh)

log() { printf '%s: %s\n' "$ci_script" "$*" >&2; }

# An error line; on a GitHub runner also an annotation, so the failing step says why.
error() {
  if [ "${GITHUB_ACTIONS:-}" = true ]; then printf '::error title=%s::%s\n' "$ci_script" "$*"; fi
  printf '%s: ERROR: %s\n' "$ci_script" "$*" >&2
}

die() { error "$*"; exit "${DIE_CODE:-1}"; }

# Exit 2 for a usage error (bad arguments or environment), 1 for a failure of the thing checked.
usage_error() { DIE_CODE=2 die "$*"; }

# Masks a value in the runner's log from here on (only on a runner: elsewhere the
# ::add-mask:: line would print the value itself).
mask() { if [ "${GITHUB_ACTIONS:-}" = true ] && [ -n "$1" ]; then printf '::add-mask::%s\n' "$1"; fi; }

# NAME=value for later steps (GITHUB_ENV) when on a runner; a no-op elsewhere.
export_env() {
  if [ -n "${GITHUB_ENV:-}" ]; then printf '%s=%s\n' "$1" "$2" >>"$GITHUB_ENV"; fi
}

# A 40-hex-digit random string: for throwaway credentials of the local stack. od and cut read
# their whole input, so no pipe is cut short (pipefail would turn a SIGPIPE into a failure).
random_hex() { head -c 64 /dev/urandom | od -An -tx1 | tr -d ' \n' | cut -c1-"${1:-40}"; }

# A URL with its user:password@ part replaced, for logs.
redact_url() { printf '%s' "$1" | sed -E 's#^([a-zA-Z][a-zA-Z0-9+.-]*://)[^@/]*@#\1***@#'; }
