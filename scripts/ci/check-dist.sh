#!/usr/bin/env bash
# check-dist.sh - run after `npm run build`: fail when dist/ differs from what is committed
# (changed, deleted or new files), listing the files, so a pull request cannot change the sources
# without the bundle the action runs. The workflow then uploads the fresh dist/ as an artifact.
set -euo pipefail
. "$(dirname "$0")/common.sh"

dir=${1:-dist}
[ -d "$dir" ] || die "$dir/ does not exist: run npm run build"
changes=$(git status --porcelain --untracked-files=all -- "$dir")
if [ -n "$changes" ]; then
  printf '%s\n' "$changes" >&2
  git --no-pager diff --stat -- "$dir" >&2 || true
  die "$dir/ is not what npm run build makes from these sources: run npm run build and commit $dir/ (the expected $dir/ is attached to this run as an artifact)"
fi
log "$dir/ matches a fresh build"
