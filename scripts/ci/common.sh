#!/usr/bin/env bash
# common.sh - helpers shared by the CI step scripts (sourced, not run).
# Logs go to stderr, so stdout stays free for what a script reports.

ci_script=$(basename "$0" .sh)

# The runner reads a workflow command from any line of the log that starts with '::'. Text that
# may come from a server (an error message, a URL) must not be able to start one:
#   escape_data      the data of a command: %, CR and LF escaped (%25, %0D, %0A), so it stays on
#                    its line and the runner restores it as it was;
#   escape_property  a property value (title=...): also ':' and ',' (%3A, %2C).
escape_data() {
  local text=$1
  text=${text//'%'/'%25'}
  text=${text//$'\r'/'%0D'}
  text=${text//$'\n'/'%0A'}
  printf '%s' "$text"
}
escape_property() {
  local text
  text=$(escape_data "$1")
  text=${text//':'/'%3A'}
  text=${text//','/'%2C'}
  printf '%s' "$text"
}

# Prints each line of a message with a prefix. CR counts as a line break, as it does for the
# runner, so no line of the message can start a command.
prefixed() {
  local prefix=$1 line
  shift
  while IFS= read -r line; do printf '%s%s\n' "$prefix" "$line"; done <<<"${*//$'\r'/$'\n'}"
}

log() { prefixed "$ci_script: " "$*" >&2; }

# An error line; on a GitHub runner also an annotation, so the failing step says why.
error() {
  if [ "${GITHUB_ACTIONS:-}" = true ]; then printf '::error title=%s::%s\n' "$(escape_property "$ci_script")" "$(escape_data "$*")"; fi
  prefixed "$ci_script: ERROR: " "$*" >&2
}

die() { error "$*"; exit "${DIE_CODE:-1}"; }

# Exit 2 for a usage error (bad arguments or environment), 1 for a failure of the thing checked.
usage_error() { DIE_CODE=2 die "$*"; }

# Masks a value in the runner's log from here on (only on a runner: elsewhere the
# ::add-mask:: line would print the value itself).
mask() { if [ "${GITHUB_ACTIONS:-}" = true ] && [ -n "$1" ]; then printf '::add-mask::%s\n' "$(escape_data "$1")"; fi; }

# NAME=value for later steps (GITHUB_ENV) when on a runner; a no-op elsewhere.
export_env() {
  if [ -n "${GITHUB_ENV:-}" ]; then printf '%s=%s\n' "$1" "$2" >>"$GITHUB_ENV"; fi
}

# A 40-hex-digit random string: for throwaway credentials of the local stack. od and cut read
# their whole input, so no pipe is cut short (pipefail would turn a SIGPIPE into a failure).
random_hex() { head -c 64 /dev/urandom | od -An -tx1 | tr -d ' \n' | cut -c1-"${1:-40}"; }

# A URL with its user:password@ part replaced, for logs.
redact_url() { printf '%s' "$1" | sed -E 's#^([a-zA-Z][a-zA-Z0-9+.-]*://)[^@/]*@#\1***@#'; }
