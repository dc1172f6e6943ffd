#!/usr/bin/env bash
# stop-storage.sh - stop what start-storage.sh started: the MinIO container (S3_SERVER=minio) or
# the local Ceph RGW whose data dir is RGW_DATA_DIR (S3_SERVER=rgw, stopped by PID file).
set -euo pipefail
. "$(dirname "$0")/common.sh"

case "${S3_SERVER:-minio}" in
  minio) docker rm -f "${MINIO_CONTAINER:-surreal-release-gates-minio}" >&2 ;;
  rgw)
    [ -n "${RGW_DATA_DIR:-}" ] || usage_error "RGW_DATA_DIR is not set: nothing to stop"
    FAST=1 bash "$(dirname "$0")/../rgw-down.sh" "$RGW_DATA_DIR" >&2
    ;;
  *) usage_error "S3_SERVER must be minio or rgw, got '${S3_SERVER}'" ;;
esac
