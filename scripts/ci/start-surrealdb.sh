#!/usr/bin/env bash
# start-surrealdb.sh - start SurrealDB (in memory) in docker on 127.0.0.1, as the runbook's CI gate
# does. A step, not a service container: the image needs its `start` command.
# Env: SURREALDB_PORT (default 8000), SURREALDB_IMAGE, SURREALDB_CONTAINER
#      (default surreal-release-gates-surrealdb), SURREAL_USER (root), SURREAL_PASS (generated).
# Prints SURREALDB_URL=<url> on stdout; on a runner it masks the password and appends SURREALDB_URL,
# SURREAL_USER and SURREAL_PASS to GITHUB_ENV. Health: GET <url>/health.
set -euo pipefail
. "$(dirname "$0")/common.sh"

port=${SURREALDB_PORT:-8000}
[[ "$port" =~ ^[0-9]+$ ]] || usage_error "SURREALDB_PORT must be a port number, got '$port'"
image=${SURREALDB_IMAGE:-surrealdb/surrealdb:v2.3.10}
container=${SURREALDB_CONTAINER:-surreal-release-gates-surrealdb}
user=${SURREAL_USER:-root}
pass=${SURREAL_PASS:-$(random_hex 32)}
mask "$pass"
url="http://127.0.0.1:$port"
command -v docker >/dev/null || usage_error "docker is not on PATH"

docker rm -f "$container" >/dev/null 2>&1 || true
log "starting $image as $container on $url"
# SurrealDB reads SURREAL_USER / SURREAL_PASS from its environment: the password stays out of argv.
if ! SURREAL_USER=$user SURREAL_PASS=$pass docker run --detach --name "$container" \
  --publish "127.0.0.1:$port:8000" --env SURREAL_USER --env SURREAL_PASS \
  "$image" start --bind 0.0.0.0:8000 memory >&2; then
  die "docker run $image failed: check that the image can be pulled (set surrealdb-image) and that port $port is free"
fi

export_env SURREALDB_URL "$url"
export_env SURREAL_USER "$user"
export_env SURREAL_PASS "$pass"
echo "SURREALDB_URL=$url"
