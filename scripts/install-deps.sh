#!/usr/bin/env bash
# install-deps.sh - install what the project needs on a Debian machine: the local S3
# (Ceph RGW), the AWS CLI (benchmark baseline), Prometheus tooling, Redis, and npm packages.
# Idempotent and quick when everything is there. Needs root (or sudo) for apt-get.
# FORCE_APT=1 always runs apt-get (CI); otherwise only when a binary is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(ceph-mon ceph-osd radosgw ceph-common curl iproute2 uuid-runtime
  prometheus prometheus-pushgateway redis-server openssl jq)
# awscli is only the benchmark's baseline; distributions that do not package it (Ubuntu's GitHub
# runners carry AWS CLI v2 instead) skip it rather than fail.
OPTIONAL_PACKAGES=(awscli)
NEEDED_BINARIES=(ceph-mon ceph-osd radosgw radosgw-admin ceph-authtool monmaptool ceph uuidgen curl ss openssl jq)

missing=0
for b in "${NEEDED_BINARIES[@]}"; do command -v "$b" >/dev/null 2>&1 || missing=1; done
[ -x /usr/bin/promtool ] && [ -x /usr/bin/prometheus ] && [ -x /usr/bin/redis-server ] || missing=1

if [ "${FORCE_APT:-0}" = 1 ] || [ "$missing" = 1 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "install-deps: installing Debian packages: ${DEBIAN_PACKAGES[*]}"
  $SUDO apt-get update -qq
  for p in "${OPTIONAL_PACKAGES[@]}"; do
    policy=$(apt-cache policy "$p" 2>/dev/null || true)
    if [[ "$policy" =~ Candidate:\ [^\(] ]]; then DEBIAN_PACKAGES+=("$p")
    else echo "install-deps: $p is not packaged here, skipped"; fi
  done
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${DEBIAN_PACKAGES[@]}" >/dev/null
fi

if [ ! -x node_modules/.bin/vitest ] || [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "install-deps: npm ci"
  npm ci --no-audit --no-fund
fi
