#!/usr/bin/env bash
# wait-for-health.sh NAME=URL... - wait until every endpoint is healthy, all within one deadline.
#
#   http://, https://    healthy when GET answers below 400 (curl; e.g. MinIO's
#                        /minio/health/live, SurrealDB's /health, RGW's /)
#   redis://, rediss://  healthy when PING answers PONG (redis-cli; user, password and db from the
#                        URL, the password passed through REDISCLI_AUTH, never on the command line)
#
# Env: HEALTH_TIMEOUT_SECONDS   deadline for all endpoints together (default 60)
#      HEALTH_ATTEMPT_SECONDS   time limit of one probe (default 5)
#      HEALTH_INTERVAL_SECONDS  pause between probes of one endpoint (default 1)
# The run ends by the deadline plus at most one probe per endpoint. Exit 0 when every endpoint is
# healthy; 1 naming each one that is not, with its last error; 2 on bad arguments.
# Credentials in URLs never appear in the output.
set -euo pipefail
. "$(dirname "$0")/common.sh"

timeout_s=${HEALTH_TIMEOUT_SECONDS:-60}
attempt_s=${HEALTH_ATTEMPT_SECONDS:-5}
interval_s=${HEALTH_INTERVAL_SECONDS:-1}
for value in "$timeout_s" "$attempt_s" "$interval_s"; do
  [[ "$value" =~ ^[0-9]+$ ]] || usage_error "HEALTH_*_SECONDS must be whole seconds, got '$value'"
done
[ "$#" -gt 0 ] || usage_error "usage: wait-for-health.sh NAME=URL... (e.g. minio=http://127.0.0.1:9000/minio/health/live redis=redis://127.0.0.1:6379)"

url_decode() { local encoded=${1//+/ }; printf '%b' "${encoded//%/\\x}"; }

# One HTTP probe; prints the error on failure.
probe_http() {
  curl --fail --silent --show-error --output /dev/null \
    --connect-timeout "$attempt_s" --max-time "$attempt_s" "$1" 2>&1
}

# One redis PING; prints the error (or the unexpected answer) on failure.
probe_redis() {
  local url=$1
  local pattern='^(rediss?)://(([^:@/]*)(:([^@/]*))?@)?([^:/@]+|\[[^]/]+\])(:([0-9]+))?(/([0-9]*))?$'
  [[ "$url" =~ $pattern ]] || { echo "not a redis URL: redis[s]://[[user]:password@]host[:port][/db]"; return 1; }
  local scheme=${BASH_REMATCH[1]} user=${BASH_REMATCH[3]} password=${BASH_REMATCH[5]}
  local host=${BASH_REMATCH[6]} port=${BASH_REMATCH[8]:-6379} db=${BASH_REMATCH[10]:-0}
  host=${host#[}; host=${host%]}
  local args=(-h "$host" -p "$port" -n "${db:-0}")
  [ "$scheme" = rediss ] && args+=(--tls)
  [ -n "$user" ] && args+=(--user "$(url_decode "$user")")
  local answer
  answer=$(REDISCLI_AUTH=$(url_decode "$password") timeout --kill-after=1 "$attempt_s" \
    redis-cli --no-auth-warning "${args[@]}" PING 2>&1) || true
  [ "$answer" = PONG ] && return 0
  [ -n "$answer" ] || answer="no answer within ${attempt_s}s"
  echo "$answer"
  return 1
}

probe() {
  case "$1" in
    http://* | https://*) probe_http "$1" ;;
    redis://* | rediss://*) probe_redis "$1" ;;
  esac
}

# Validate every argument before waiting for any.
for target in "$@"; do
  [[ "$target" == *=* ]] && [ -n "${target%%=*}" ] || usage_error "expected NAME=URL, got '$(redact_url "$target")'"
  case "${target#*=}" in
    http://* | https://* | redis://* | rediss://*) ;;
    *) usage_error "${target%%=*}: unsupported URL '$(redact_url "${target#*=}")' (http, https, redis or rediss)" ;;
  esac
done
command -v curl >/dev/null || usage_error "curl is not on PATH"

started=$(date +%s)
deadline=$((started + timeout_s))
unhealthy=()
for target in "$@"; do
  name=${target%%=*}
  url=${target#*=}
  shown=$(redact_url "$url")
  [[ "$url" == redis* ]] && ! command -v redis-cli >/dev/null && usage_error "redis-cli is not on PATH (Debian/Ubuntu package redis-tools)"
  attempts=0
  while :; do
    attempts=$((attempts + 1))
    if last_error=$(probe "$url"); then
      log "$name ($shown) is healthy: $attempts attempt(s), $(($(date +%s) - started))s since start"
      break
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      error "$name ($shown) is not healthy after $(($(date +%s) - started))s and $attempts attempt(s): $(redact_url "${last_error//$'\n'/ }")"
      unhealthy+=("$name")
      break
    fi
    sleep "$interval_s"
  done
done

if [ "${#unhealthy[@]}" -gt 0 ]; then
  die "not healthy within ${timeout_s}s: ${unhealthy[*]}"
fi
log "all $# endpoint(s) healthy in $(($(date +%s) - started))s"
