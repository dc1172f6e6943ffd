#!/usr/bin/env bash
# require-result.sh EXPECTED LABEL=RESULT... - fail unless every RESULT is EXPECTED (e.g. PASS).
# The last step of a gate job, run even when an earlier step failed or was skipped: a step that
# never ran (empty result) or a continue-on-error can never leave the job green. Every result is
# reported before the exit.
set -euo pipefail
. "$(dirname "$0")/common.sh"

[ "$#" -ge 2 ] || usage_error "usage: require-result.sh EXPECTED LABEL=RESULT..."
expected=$1
shift
failed=()
for pair in "$@"; do
  [[ "$pair" == *=* ]] || usage_error "expected LABEL=RESULT, got '$pair'"
  label=${pair%%=*}
  result=${pair#*=}
  if [ "$result" = "$expected" ]; then
    log "$label: $result"
  else
    error "$label: ${result:-no result (the step did not run)}, expected $expected"
    failed+=("$label")
  fi
done
[ "${#failed[@]}" = 0 ] || die "not $expected: $(IFS=,; echo "${failed[*]}")"
