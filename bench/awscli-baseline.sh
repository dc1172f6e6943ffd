#!/usr/bin/env bash
# awscli-baseline.sh - the S3 work of the action's gates (default: bucket, lifecycle, verify, smoke,
# then go/no-go) on a steady-state run (the bucket exists, the managed rule is applied), done the
# way the runbook's shell scripts do it: one AWS CLI call per S3 operation, one after the other.
# `npm run bench` times it next to the action and checks that both send the same requests.
#
# Requests, as the action sends them on a steady-state run:
#   bucket     HeadBucket
#   lifecycle  GetBucketLifecycleConfiguration + GetBucketVersioning (PutBucketLifecycleConfiguration
#              would follow; a steady-state run never sends it)
#   verify     GetBucketLifecycleConfiguration again (verify judges what the bucket holds now);
#              versioning is shared with lifecycle, as in the action
#   smoke      under <prefix>/<env>/_smoke/<UTC second>-<8 hex>/: GetBucketVersioning and
#              GetBucketLifecycleConfiguration (fresh reads); PutObject payload.bin (64 KiB + 123 B) and meta.json with Content-MD5,
#              content type and user metadata; CreateMultipartUpload + UploadPart per part
#              (Content-MD5 each) + CompleteMultipartUpload for payload-large.bin (threshold +
#              64 KiB + 321 B, parts of max(threshold, 5 MiB)); HeadObject x 3 (size, type,
#              metadata, x-amz-expiration names the managed rule with the date expire-days
#              gives); GetObject x 3 in full and the first and last KiB of each (x 6); ListObjectsV2
#              (exactly the 3 keys, sizes as written); DeleteObjects; HeadObject x 3 (404);
#              on a versioned bucket ListObjectVersions (+ DeleteObjects of the versions); a
#              final ListObjectsV2 that must be empty (+ ListObjectVersions when versioned).
#              A failure in the middle still removes the run's objects (trap on EXIT).
#
# Env: S3_ENDPOINT, S3_BUCKET, APP_ENV (required); GATES (default bucket,lifecycle,verify,smoke;
#      only those four ids); CHAT_ATTACHMENT_S3_PREFIX (default chat-attachments); EXPIRE_DAYS
#      (default 30); EXPECT_EXPIRE_DAYS (optional); SMOKE_MULTIPART_THRESHOLD_MIB (default 5);
#      AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_DEFAULT_REGION for the CLI;
#      AWS_CLI (default /usr/bin/aws, Debian's awscli); AWS_CLI_DEBUG=1 adds --debug to every
#      call (the bench counts the HTTP requests from it).
# Exit: 0 GO; 1 a check failed; 2 bad usage; 3 not steady state (the action would write the
#      lifecycle rule, which this baseline does not time).
set -euo pipefail

: "${S3_ENDPOINT:?S3_ENDPOINT is required}" "${S3_BUCKET:?S3_BUCKET is required}" "${APP_ENV:?APP_ENV is required}"
AWS_CLI=${AWS_CLI:-/usr/bin/aws}
GATES=${GATES:-bucket,lifecycle,verify,smoke}
PREFIX=${CHAT_ATTACHMENT_S3_PREFIX:-chat-attachments}
EXPIRE_DAYS=${EXPIRE_DAYS:-30}
THRESHOLD_MIB=${SMOKE_MULTIPART_THRESHOLD_MIB:-5}
RULE_ID="surreal-release-gates:$PREFIX/$APP_ENV"
ENV_PREFIX="$PREFIX/$APP_ENV/"
MIB=1048576
DAY_S=86400

aws_call() { # output format, then the s3api arguments
  local output=$1 debug=()
  shift
  [ "${AWS_CLI_DEBUG:-0}" = 1 ] && debug=(--debug)
  "$AWS_CLI" "${debug[@]}" --endpoint-url "$S3_ENDPOINT" --output "$output" s3api "$@"
}
s3api() { aws_call text "$@"; }
s3api_json() { aws_call json "$@"; }
fail() { echo "NO-GO: $*" >&2; exit 1; }

IFS=, read -r -a GATE_LIST <<<"${GATES// /}"
for gate in "${GATE_LIST[@]}"; do
  case "$gate" in
    bucket | lifecycle | verify | smoke) ;;
    *) echo "GATES: '$gate' is not one of bucket, lifecycle, verify, smoke (the gates this baseline reproduces)" >&2; exit 2 ;;
  esac
done
[[ "$THRESHOLD_MIB" =~ ^[0-9]+$ ]] && [ "$THRESHOLD_MIB" -ge 5 ] && [ "$THRESHOLD_MIB" -le 512 ] ||
  { echo "SMOKE_MULTIPART_THRESHOLD_MIB must be 5..512, got '$THRESHOLD_MIB'" >&2; exit 2; }

gate_bucket() {
  s3api head-bucket --bucket "$S3_BUCKET" >/dev/null || fail "bucket $S3_BUCKET is missing or not accessible"
  echo "bucket: $S3_BUCKET exists"
}

# JMESPath over GetBucketLifecycleConfiguration, so no extra process parses the JSON:
# managed rule's Days, its NoncurrentDays, delete-marker rules, and the shortest expiry of any
# enabled rule whose prefix filter covers <prefix>/<env>/ (verify's effective retention).
MANAGED="Rules[?ID=='$RULE_ID' && Status=='Enabled' && (Filter.Prefix=='$ENV_PREFIX' || Prefix=='$ENV_PREFIX')]"
COVERING="Rules[?Status=='Enabled' && Expiration.Days && Filter.Tag == null && Filter.And == null && starts_with('$ENV_PREFIX', Filter.Prefix || Prefix || '')].Expiration.Days"
RULES_QUERY="[${MANAGED}.Expiration.Days | [0], ${MANAGED}.NoncurrentVersionExpiration.NoncurrentDays | [0], length(Rules[?ID=='$RULE_ID:delete-markers']), min(${COVERING})]"

# Rules are read by each gate (verify asks again, as the action does); versioning is read once.
VERSIONING_READ=0
read_bucket_state() {
  local rules
  rules=$(s3api get-bucket-lifecycle-configuration --bucket "$S3_BUCKET" --query "$RULES_QUERY") ||
    { echo "not steady state: no readable lifecycle configuration (see the error above)" >&2; exit 3; }
  if [ "$VERSIONING_READ" = 0 ]; then
    VERSIONING=$(s3api get-bucket-versioning --bucket "$S3_BUCKET" --query Status)
    VERSIONING_READ=1
  fi
  read -r MANAGED_DAYS NONCURRENT_DAYS MARKER_RULES EFFECTIVE_DAYS <<<"$rules"
}

gate_lifecycle() {
  read_bucket_state
  local up_to_date=1
  [ "$MANAGED_DAYS" = "$EXPIRE_DAYS" ] || up_to_date=0
  if [ "$VERSIONING" = Enabled ] || [ "$VERSIONING" = Suspended ]; then
    [ "$NONCURRENT_DAYS" = "$EXPIRE_DAYS" ] && [ "$MARKER_RULES" = 1 ] || up_to_date=0
  fi
  # PutBucketLifecycleConfiguration would follow here; a steady-state run never sends it.
  [ "$up_to_date" = 1 ] || { echo "not steady state: $RULE_ID would be written" >&2; exit 3; }
  echo "lifecycle: up to date ($RULE_ID expires $ENV_PREFIX after $EXPIRE_DAYS days)"
}

gate_verify() {
  read_bucket_state
  [[ "$EFFECTIVE_DAYS" =~ ^[0-9]+$ ]] || fail "$ENV_PREFIX never expires"
  [ -z "${EXPECT_EXPIRE_DAYS:-}" ] || [ "$EFFECTIVE_DAYS" = "$EXPECT_EXPIRE_DAYS" ] ||
    fail "$ENV_PREFIX expires after $EFFECTIVE_DAYS days, expected $EXPECT_EXPIRE_DAYS"
  echo "verify: $ENV_PREFIX expires after $EFFECTIVE_DAYS days (versioning: $VERSIONING)"
}

# --- smoke -------------------------------------------------------------------------------------
SMOKE_DIR=''
RUN_PREFIX=''
SMOKE_VERSIONED=1 # until the bucket says otherwise, sweep versions as the action does
SMOKE_WROTE=0
SMOKE_CLEAN=0
UPLOAD_KEY=''
UPLOAD_ID=''

# The gate's `finally`: after a failure, abort the open upload and delete what is left under the
# run prefix (and nothing outside it). Best effort; the exit status stays the failure's.
smoke_cleanup() {
  if [ "$SMOKE_WROTE" = 1 ] && [ "$SMOKE_CLEAN" = 0 ]; then
    echo "smoke: cleaning up $RUN_PREFIX after a failure" >&2
    [ -z "$UPLOAD_ID" ] || s3api abort-multipart-upload --bucket "$S3_BUCKET" --key "$UPLOAD_KEY" --upload-id "$UPLOAD_ID" || true
    local objects versions
    objects=$(s3api_json list-objects-v2 --bucket "$S3_BUCKET" --prefix "$RUN_PREFIX" --query 'Contents[].{Key: Key}') || objects=null
    [ "$objects" = null ] || [ "$objects" = '[]' ] ||
      s3api delete-objects --bucket "$S3_BUCKET" --delete "{\"Objects\":$objects,\"Quiet\":true}" >/dev/null || true
    if [ "$SMOKE_VERSIONED" = 1 ]; then
      versions=$(s3api_json list-object-versions --bucket "$S3_BUCKET" --prefix "$RUN_PREFIX" \
        --query '[Versions || `[]`, DeleteMarkers || `[]`][][].{Key: Key, VersionId: VersionId}') || versions='[]'
      [ "$versions" = '[]' ] ||
        s3api delete-objects --bucket "$S3_BUCKET" --delete "{\"Objects\":$versions,\"Quiet\":true}" >/dev/null || true
    fi
  fi
  [ -z "$SMOKE_DIR" ] || rm -rf "$SMOKE_DIR"
}

md5_base64() { openssl md5 -binary "$1" | base64; }

# The rule-id of x-amz-expiration, raw (Ceph RGW) or URL-encoded (AWS).
names_managed_rule() {
  local encoded=${RULE_ID//:/%3A}
  encoded=${encoded//\//%2F}
  [[ "$1" == *"rule-id=\"$RULE_ID\""* || "$1" == *"rule-id=\"$encoded\""* ]]
}

gate_smoke() {
  local stamp created run_id
  read -r stamp created <<<"$(date -u '+%Y%m%dT%H%M%SZ %Y-%m-%dT%H:%M:%S.000Z')"
  run_id="$stamp-$(openssl rand -hex 4)"
  RUN_PREFIX="${ENV_PREFIX}_smoke/$run_id/"
  SMOKE_DIR=$(mktemp -d)
  trap smoke_cleanup EXIT

  # The objects, as the gate plans them: sizes that are not multiples of anything.
  local names=(payload.bin payload-large.bin meta.json)
  local -A size type sha key
  local part_bytes=$((THRESHOLD_MIB > 5 ? THRESHOLD_MIB * MIB : 5 * MIB)) LARGE_EXTRA=$((64 * 1024 + 321))
  head -c $((64 * 1024 + 123)) /dev/urandom >"$SMOKE_DIR/payload.bin"
  head -c $((THRESHOLD_MIB * MIB + LARGE_EXTRA)) /dev/urandom >"$SMOKE_DIR/payload-large.bin"
  { read -r sha[payload.bin] _; read -r sha[payload-large.bin] _; } <<<"$(sha256sum "$SMOKE_DIR/payload.bin" "$SMOKE_DIR/payload-large.bin")"
  size[payload.bin]=$((64 * 1024 + 123))
  size[payload-large.bin]=$((THRESHOLD_MIB * MIB + LARGE_EXTRA))
  printf '{\n  "attachment_id": "smoke-%s",\n  "file_name": "payload.bin",\n  "content_type": "application/octet-stream",\n  "size_bytes": %d,\n  "sha256": "%s",\n  "storage_key": "%spayload.bin",\n  "created_at": "%s",\n  "source": "surreal-release-gates smoke"\n}\n' \
    "$run_id" "${size[payload.bin]}" "${sha[payload.bin]}" "$RUN_PREFIX" "$created" >"$SMOKE_DIR/meta.json"
  read -r sha[meta.json] _ <<<"$(sha256sum "$SMOKE_DIR/meta.json")"
  size[meta.json]=$(stat -c %s "$SMOKE_DIR/meta.json")
  type[payload.bin]=application/octet-stream
  type[payload-large.bin]=application/octet-stream
  type[meta.json]=application/json
  local name
  for name in "${names[@]}"; do key[$name]="$RUN_PREFIX$name"; done
  metadata() { echo "attachment-id=smoke-$run_id,smoke-run-id=$run_id,sha256=${sha[$1]}"; }

  # The gate reads versioning and the rules afresh (the rules give each object's expected date).
  local versioning
  read_bucket_state
  versioning=$(s3api get-bucket-versioning --bucket "$S3_BUCKET" --query Status)
  [ "$versioning" = Enabled ] || [ "$versioning" = Suspended ] || SMOKE_VERSIONED=0

  # Writes: Content-MD5 on every body and part, so the server verifies integrity.
  SMOKE_WROTE=1
  for name in payload.bin meta.json; do
    s3api put-object --bucket "$S3_BUCKET" --key "${key[$name]}" --body "$SMOKE_DIR/$name" \
      --content-md5 "$(md5_base64 "$SMOKE_DIR/$name")" --content-type "${type[$name]}" --metadata "$(metadata "$name")" \
      --query ETag >/dev/null || fail "PUT $name was not accepted"
  done
  name=payload-large.bin
  UPLOAD_KEY=${key[$name]}
  UPLOAD_ID=$(s3api create-multipart-upload --bucket "$S3_BUCKET" --key "$UPLOAD_KEY" --content-type "${type[$name]}" \
    --metadata "$(metadata "$name")" --query UploadId) || fail "CreateMultipartUpload $name was not accepted"
  split -b "$part_bytes" -d -a 4 "$SMOKE_DIR/$name" "$SMOKE_DIR/part."
  local part number=0 etag parts=''
  for part in "$SMOKE_DIR"/part.*; do
    number=$((number + 1))
    etag=$(s3api upload-part --bucket "$S3_BUCKET" --key "$UPLOAD_KEY" --upload-id "$UPLOAD_ID" --part-number "$number" \
      --body "$part" --content-md5 "$(md5_base64 "$part")" --query ETag) || fail "UploadPart $number of $name was not accepted"
    parts+="${parts:+,}{\"PartNumber\":$number,\"ETag\":\"${etag//\"/\\\"}\"}"
  done
  s3api complete-multipart-upload --bucket "$S3_BUCKET" --key "$UPLOAD_KEY" --upload-id "$UPLOAD_ID" \
    --multipart-upload "{\"Parts\":[$parts]}" >/dev/null || fail "CompleteMultipartUpload $name was not accepted"
  UPLOAD_ID=''
  echo "smoke: PUT ${#names[@]} objects under $RUN_PREFIX ($name in $number parts)"

  # HEAD: attributes as written, and x-amz-expiration names the managed rule with the right date.
  local head length content_type modified attachment_id run_meta sha_meta expiration expiry epochs modified_s expiry_s due
  for name in "${names[@]}"; do
    head=$(s3api head-object --bucket "$S3_BUCKET" --key "${key[$name]}" \
      --query '[ContentLength, ContentType, LastModified, Metadata."attachment-id", Metadata."smoke-run-id", Metadata.sha256, Expiration]')
    IFS=$'\t' read -r length content_type modified attachment_id run_meta sha_meta expiration <<<"$head"
    [ "$length" = "${size[$name]}" ] && [ "$content_type" = "${type[$name]}" ] && [ "$attachment_id" = "smoke-$run_id" ] &&
      [ "$run_meta" = "$run_id" ] && [ "$sha_meta" = "${sha[$name]}" ] || fail "HEAD $name does not show what was written: $head"
    names_managed_rule "$expiration" || fail "HEAD $name: x-amz-expiration does not name $RULE_ID: $expiration"
    expiry=${expiration#*expiry-date=\"}
    expiry=${expiry%%\"*}
    epochs=$(printf '%s\n%s\n' "$modified" "$expiry" | date -u -f - +%s) || fail "HEAD $name: unreadable dates: $head"
    { read -r modified_s; read -r expiry_s; } <<<"$epochs"
    due=$((modified_s + EXPIRE_DAYS * DAY_S))
    [ "$expiry_s" = $(((due / DAY_S + 1) * DAY_S)) ] || { [ $((due % DAY_S)) = 0 ] && [ "$expiry_s" = "$due" ]; } ||
      fail "HEAD $name: expires $expiry, not $EXPIRE_DAYS days after $modified (next midnight UTC)"
  done
  echo "smoke: HEAD ${#names[@]} objects: attributes as written, $RULE_ID expires them $expiry"

  # GET each in full and its first and last KiB, compared with what was written.
  local got="$SMOKE_DIR/got" span first last range
  for name in "${names[@]}"; do
    s3api get-object --bucket "$S3_BUCKET" --key "${key[$name]}" --query ContentLength "$got" >/dev/null
    cmp -s "$got" "$SMOKE_DIR/$name" || fail "GET $name returned other bytes"
    span=$((size[$name] < 1024 ? size[$name] : 1024))
    first="0-$((span - 1))"
    last="$((size[$name] - span))-$((size[$name] - 1))"
    range=$(s3api get-object --bucket "$S3_BUCKET" --key "${key[$name]}" --range "bytes=$first" --query ContentRange "$got")
    [ "$range" = "bytes $first/${size[$name]}" ] || fail "GET $name bytes=$first: Content-Range $range"
    cmp -s "$got" <(head -c "$span" "$SMOKE_DIR/$name") || fail "GET $name bytes=$first returned other bytes"
    range=$(s3api get-object --bucket "$S3_BUCKET" --key "${key[$name]}" --range "bytes=$last" --query ContentRange "$got")
    [ "$range" = "bytes $last/${size[$name]}" ] || fail "GET $name bytes=$last: Content-Range $range"
    cmp -s "$got" <(tail -c "$span" "$SMOKE_DIR/$name") || fail "GET $name bytes=$last returned other bytes"
  done
  echo "smoke: GET ${#names[@]} objects in full and by first and last range: bytes as written"

  # LIST: exactly the run's keys, sizes as written.
  local listing listed=0 listed_key listed_size
  listing=$(s3api list-objects-v2 --bucket "$S3_BUCKET" --prefix "$RUN_PREFIX" --query 'Contents[].[Key, Size]')
  [ "$listing" != None ] || listing=''
  while IFS=$'\t' read -r listed_key listed_size; do
    [ -n "$listed_key" ] || continue
    listed=$((listed + 1))
    name=${listed_key#"$RUN_PREFIX"}
    [ "${size[$name]:-}" = "$listed_size" ] || fail "LIST shows $listed_key ($listed_size B), not one of the run's objects as written"
  done <<<"$listing"
  [ "$listed" = "${#names[@]}" ] || fail "LIST $RUN_PREFIX shows $listed keys, expected ${#names[@]}"

  # DELETE, then each HEAD must be 404.
  local objects='' errors answer
  for name in "${names[@]}"; do objects+="${objects:+,}{\"Key\":\"${key[$name]}\"}"; done
  errors=$(s3api delete-objects --bucket "$S3_BUCKET" --delete "{\"Objects\":[$objects],\"Quiet\":false}" --query 'length(Errors || `[]`)')
  [ "$errors" = 0 ] || fail "DELETE failed for $errors object(s) under $RUN_PREFIX"
  for name in "${names[@]}"; do
    # The expected failure's message decides: 404, not another error. --debug output is passed on.
    answer=$(s3api head-object --bucket "$S3_BUCKET" --key "${key[$name]}" 2>&1 >/dev/null) && fail "HEAD $name after DELETE: still there"
    [ "${AWS_CLI_DEBUG:-0}" = 1 ] && printf '%s\n' "$answer" >&2
    [[ "$answer" == *'(404)'* ]] || fail "HEAD $name after DELETE: ${answer##*$'\n'}"
  done
  echo "smoke: DELETE ${#names[@]} objects, then HEAD each: 404"

  # Versioned bucket: remove the versions and delete markers the run created.
  local versions
  if [ "$SMOKE_VERSIONED" = 1 ]; then
    versions=$(s3api_json list-object-versions --bucket "$S3_BUCKET" --prefix "$RUN_PREFIX" \
      --query '[Versions || `[]`, DeleteMarkers || `[]`][][].{Key: Key, VersionId: VersionId}')
    if [ "$versions" != '[]' ]; then
      errors=$(s3api delete-objects --bucket "$S3_BUCKET" --delete "{\"Objects\":$versions,\"Quiet\":false}" --query 'length(Errors || `[]`)')
      [ "$errors" = 0 ] || fail "deleting versions failed for $errors entries under $RUN_PREFIX"
    fi
  fi

  # Cleanup phase: unfinished multipart uploads of the run are listed (and would be aborted).
  s3api list-multipart-uploads --bucket "$S3_BUCKET" --prefix "$RUN_PREFIX" --query 'length(Uploads || `[]`)' >/dev/null
  # Earlier runs' debris: list _smoke/ (objects, uploads, and versions on a versioned bucket).
  s3api list-objects-v2 --bucket "$S3_BUCKET" --prefix "${ENV_PREFIX}_smoke/" --query 'length(Contents || `[]`)' >/dev/null
  s3api list-multipart-uploads --bucket "$S3_BUCKET" --prefix "${ENV_PREFIX}_smoke/" --query 'length(Uploads || `[]`)' >/dev/null
  if [ "$SMOKE_VERSIONED" = 1 ]; then
    s3api list-object-versions --bucket "$S3_BUCKET" --prefix "${ENV_PREFIX}_smoke/" --query 'length(Versions || `[]`)' >/dev/null
  fi

  # The final word: nothing of this run may remain.
  SMOKE_CLEAN=1
  listed=$(s3api list-objects-v2 --bucket "$S3_BUCKET" --prefix "$RUN_PREFIX" --query 'length(Contents || `[]`)')
  [ "$listed" = 0 ] || { SMOKE_CLEAN=0; fail "cleanup left $listed object(s) under $RUN_PREFIX"; }
  if [ "$SMOKE_VERSIONED" = 1 ]; then
    listed=$(s3api list-object-versions --bucket "$S3_BUCKET" --prefix "$RUN_PREFIX" \
      --query 'length([Versions || `[]`, DeleteMarkers || `[]`][])')
    [ "$listed" = 0 ] || { SMOKE_CLEAN=0; fail "cleanup left $listed version(s)/marker(s) under $RUN_PREFIX"; }
  fi
  listed=$(s3api list-multipart-uploads --bucket "$S3_BUCKET" --prefix "$RUN_PREFIX" --query 'length(Uploads || `[]`)')
  [ "$listed" = 0 ] || { SMOKE_CLEAN=0; fail "cleanup left $listed unfinished upload(s) under $RUN_PREFIX"; }
  echo "smoke: nothing of run $run_id is left under $RUN_PREFIX (versioning: ${versioning/None/Unversioned})"
}

for gate in "${GATE_LIST[@]}"; do "gate_$gate"; done
echo "go/no-go: GO"
