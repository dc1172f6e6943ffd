#!/usr/bin/env bash
# start-storage.sh - start the S3-compatible storage of the CI gate on 127.0.0.1 and hand its
# endpoint and credentials to the later steps.
#
#   S3_SERVER=minio (default)  MinIO in docker, started by this step: MinIO needs its
#                              `server /data` command, which the workflow linter in use does not
#                              allow a service container to have.
#   S3_SERVER=rgw              the project's local Ceph RGW (scripts/rgw-up.sh), where docker is
#                              not available (a developer machine, this project's tests).
#
# Env: S3_PORT (default 9000); S3_ACCESS_KEY / S3_SECRET_KEY (generated when unset);
#      MINIO_IMAGE, MINIO_CONTAINER (default surreal-release-gates-minio);
#      RGW_DATA_DIR (default: a new temporary directory), MON_PORT (rgw only).
# Prints S3_ENDPOINT=<url> on stdout. On a runner it also masks the secret and appends
# S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, S3_SERVER (and RGW_DATA_DIR) to GITHUB_ENV.
# Stop with stop-storage.sh.
set -euo pipefail
. "$(dirname "$0")/common.sh"

server=${S3_SERVER:-minio}
port=${S3_PORT:-9000}
[[ "$port" =~ ^[0-9]+$ ]] || usage_error "S3_PORT must be a port number, got '$port'"
access_key=${S3_ACCESS_KEY:-srg$(random_hex 17)}
secret_key=${S3_SECRET_KEY:-$(random_hex 40)}
mask "$secret_key"
endpoint="http://127.0.0.1:$port"

case "$server" in
  minio)
    image=${MINIO_IMAGE:-quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z}
    container=${MINIO_CONTAINER:-surreal-release-gates-minio}
    command -v docker >/dev/null || usage_error "docker is not on PATH: S3_SERVER=minio needs it (S3_SERVER=rgw starts the local Ceph RGW instead)"
    # MinIO refuses a root user under 3 or a password under 8 characters.
    [ "${#access_key}" -ge 3 ] && [ "${#secret_key}" -ge 8 ] || usage_error "S3_ACCESS_KEY needs 3+ and S3_SECRET_KEY 8+ characters for MinIO"
    docker rm -f "$container" >/dev/null 2>&1 || true
    log "starting $image as $container on $endpoint"
    # The credentials reach docker through its environment (-e NAME without a value), never argv.
    if ! MINIO_ROOT_USER=$access_key MINIO_ROOT_PASSWORD=$secret_key docker run --detach --name "$container" \
      --publish "127.0.0.1:$port:9000" --env MINIO_ROOT_USER --env MINIO_ROOT_PASSWORD \
      "$image" server /data >&2; then
      die "docker run $image failed: check that the image can be pulled (set minio-image to another MinIO build) and that port $port is free"
    fi
    ;;
  rgw)
    data_dir=${RGW_DATA_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/srg-ci-rgw-XXXXXX")}
    log "starting the local Ceph RGW on $endpoint (data in $data_dir)"
    if ! RGW_PORT=$port RGW_DATA_DIR=$data_dir S3_ACCESS_KEY=$access_key S3_SECRET_KEY=$secret_key \
      bash "$(dirname "$0")/../rgw-up.sh" >&2; then
      die "scripts/rgw-up.sh failed (logs in $data_dir/log)"
    fi
    export_env RGW_DATA_DIR "$data_dir"
    ;;
  *) usage_error "S3_SERVER must be minio or rgw, got '$server'" ;;
esac

export_env S3_SERVER "$server"
export_env S3_ENDPOINT "$endpoint"
export_env S3_ACCESS_KEY "$access_key"
export_env S3_SECRET_KEY "$secret_key"
echo "S3_ENDPOINT=$endpoint"
