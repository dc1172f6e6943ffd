#!/usr/bin/env bash
# rgw-up.sh - bring up a throwaway single-node Ceph (mon + 1 OSD + radosgw)
# on 127.0.0.1 only, as background processes: the local S3 of the preflight
# CLI and of the integration tests.
#
# Env (all optional):
#   RGW_PORT      S3 port (default 7480)
#   MON_PORT      mon msgr2 port (default RGW_PORT+6000, e.g. 13480)
#   RGW_DATA_DIR  data dir (default /tmp/rgw/run-$RGW_PORT); WIPED on start
#   OSD_STORE     memstore (default) | bluestore (sparse file)
#   S3_ACCESS_KEY / S3_SECRET_KEY  fixed credentials of the S3 user
#   RGW_LC_DEBUG_INTERVAL  seconds per lifecycle "day" (default 10)
#   RGW_LC_MAX_WORKER  LC worker threads (default 3)
#   RGW_ENABLE_LC_THREADS  false: no lifecycle processing (default true)
#   UP_TIMEOUT    seconds to wait for each stage (default 120)
# Stop with rgw-down.sh (same RGW_PORT / RGW_DATA_DIR).
set -euo pipefail

T0=$(date +%s%N)
RGW_PORT=${RGW_PORT:-7480}
MON_PORT=${MON_PORT:-$((RGW_PORT + 6000))}
D=$(realpath -m "${RGW_DATA_DIR:-/tmp/rgw/run-$RGW_PORT}")
OSD_STORE=${OSD_STORE:-memstore}
S3_ACCESS_KEY=${S3_ACCESS_KEY:-TESTACCESSKEY0000001}
S3_SECRET_KEY=${S3_SECRET_KEY:-testsecretkey00000000000000000000000001}
LC_INTERVAL=${RGW_LC_DEBUG_INTERVAL:-10}
UP_TIMEOUT=${UP_TIMEOUT:-120}
HOST=127.0.0.1

log() { local ms=$(( ($(date +%s%N) - T0) / 1000000 )); printf '[rgw-up %3d.%03ds] %s\n' $((ms/1000)) $((ms%1000)) "$*"; }
die() { echo "rgw-up: ERROR: $*" >&2; exit 1; }
# on any failure, stop whatever this run already started (by PID file), keep logs
# (only once this run owns $D: never touch another live instance's dir)
OWN_DIR=0
on_exit() { local rc=$?; if [ $rc -ne 0 ] && [ "$OWN_DIR" = 1 ] && [ -d "$D/pids" ]; then
  echo "rgw-up: failed (rc=$rc), stopping started daemons; logs kept in $D/log" >&2
  KEEP_DATA=1 RGW_DATA_DIR=$D "$(dirname "$0")/rgw-down.sh" >&2 || true; fi; }
trap on_exit EXIT

for b in ceph-authtool monmaptool ceph-mon ceph-osd radosgw radosgw-admin ceph uuidgen curl ss; do
  command -v "$b" >/dev/null || die "missing $b (run scripts/install-deps.sh)"
done

port_in_use() { ss -Hltn "sport = :$1" | grep -q .; }
port_in_use "$RGW_PORT" && die "port $RGW_PORT already in use"
port_in_use "$MON_PORT" && die "port $MON_PORT already in use"

# refuse to wipe a dir whose daemons are still alive
if [ -d "$D/pids" ]; then
  for f in "$D"/pids/*.pid; do
    [ -e "$f" ] || continue
    p=$(cat "$f"); if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
      die "$D has a running daemon (pid $p from $f); run rgw-down.sh first"
    fi
  done
fi
rm -rf "$D"
mkdir -p "$D"/{mon/ceph-a,osd/ceph-0,run,log,pids,crash,rgw}
OWN_DIR=1
CONF=$D/ceph.conf
export CEPH_CONF=$CONF
FSID=$(uuidgen)

cat >"$CONF" <<EOF
[global]
fsid = $FSID
mon host = [v2:$HOST:$MON_PORT]
mon initial members = a
public addr = $HOST
cluster addr = $HOST
ms bind msgr1 = false
ms bind ipv6 = false
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
auth allow insecure global id reclaim = false
run dir = $D/run
admin socket = $D/run/\$name.asok
log file = $D/log/\$name.log
crash dir = $D/crash
keyring = $D/keyring
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
# commit map changes faster (default 1s): each pool create = 2 map commits
paxos propose interval = 0.05
paxos min wait = 0.01

[mon]
mon data = $D/mon/ceph-\$id
mon cluster log file = $D/log/cluster.log
mon data avail warn = 1
mon data avail crit = 0

[osd]
osd data = $D/osd/ceph-\$id
keyring = $D/osd/ceph-\$id/keyring
osd objectstore = $OSD_STORE
memstore device bytes = 4294967296
bluestore block path = $D/osd/ceph-\$id/block.img
bluestore block create = true
bluestore block size = 10737418240
bluestore block db create = false
bluestore block wal create = false
bdev enable discard = false
osd memory target = 939524096
bluestore cache autotune = false
bluestore cache size = 134217728

[client.rgw.a]
keyring = $D/rgw/keyring
rgw frontends = beast endpoint=$HOST:$RGW_PORT tcp_nodelay=1
rgw data = $D/rgw
rgw lc debug interval = $LC_INTERVAL
rgw lifecycle work time = 00:00-23:59
rgw enable lc threads = ${RGW_ENABLE_LC_THREADS:-true}
# 3 = Ceph default; measured expiry latency 10-22s (vs 11-46s with 1 worker)
rgw lc max worker = ${RGW_LC_MAX_WORKER:-3}
rgw enable gc threads = true
rgw gc processor period = 10
rgw gc obj min wait = 10
rgw thread pool size = 64
# Pacific's SIGTERM path can hang in RGWLC::stop_processor() (LC workers wait
# on their already-stopped work pool); default safety alarm is 120s
rgw exit timeout secs = 3
EOF

log "generating keys and monmap (fsid $FSID)"
ceph-authtool --create-keyring "$D/mon.keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
ceph-authtool --create-keyring "$D/keyring" --gen-key -n client.admin \
  --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' --cap mds 'allow *' >/dev/null
ceph-authtool "$D/mon.keyring" --import-keyring "$D/keyring" >/dev/null
monmaptool --create --addv a "[v2:$HOST:$MON_PORT]" --fsid "$FSID" "$D/monmap" >/dev/null

log "mkfs mon"
ceph-mon -c "$CONF" --mkfs -i a --monmap "$D/monmap" --keyring "$D/mon.keyring"

# start a daemon in the foreground (-f) as a background job; record its PID
start_daemon() { # name, cmd...
  local name=$1; shift
  nohup "$@" </dev/null >>"$D/log/$name.stdout" 2>&1 &
  echo $! >"$D/pids/$name.pid"
}

log "starting mon on $HOST:$MON_PORT"
start_daemon mon.a ceph-mon -c "$CONF" -f -i a

wait_for() { # desc, timeout, cmd...
  local desc=$1 to=$2; shift 2
  local end=$(( $(date +%s) + to ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$end" ] || die "timeout waiting for $desc (logs in $D/log)"
    for f in "$D"/pids/*.pid; do
      kill -0 "$(cat "$f")" 2>/dev/null || die "daemon $(basename "$f" .pid) died (see $D/log)"
    done
    sleep 0.2
  done
}
wait_for "mon quorum" "$UP_TIMEOUT" ceph --connect-timeout 5 mon stat

log "creating osd.0 ($OSD_STORE)"
OSD_UUID=$(uuidgen)
OSD_ID=$(ceph osd new "$OSD_UUID")
[ "$OSD_ID" = 0 ] || die "unexpected osd id $OSD_ID"
ceph-osd -c "$CONF" -i 0 --mkfs --mkkey --no-mon-config --osd-uuid "$OSD_UUID" >>"$D/log/osd.0.mkfs" 2>&1 \
  || { cat "$D/log/osd.0.mkfs" >&2; die "ceph-osd --mkfs failed"; }
ceph auth add osd.0 osd 'allow *' mon 'allow profile osd' mgr 'allow profile osd' \
  -i "$D/osd/ceph-0/keyring" >/dev/null 2>&1
start_daemon osd.0 ceph-osd -c "$CONF" -f -i 0
osd_up() { ceph osd dump 2>/dev/null | grep -q '^osd\.0 up'; }
wait_for "osd.0 up" "$UP_TIMEOUT" osd_up

log "starting radosgw on $HOST:$RGW_PORT"
ceph auth get-or-create client.rgw.a mon 'allow rw' osd 'allow rwx' mgr 'allow rw' \
  -o "$D/rgw/keyring" >/dev/null 2>&1
start_daemon rgw.a radosgw -c "$CONF" -f -n client.rgw.a
wait_for "S3 endpoint" "$UP_TIMEOUT" curl -sf -o /dev/null "http://$HOST:$RGW_PORT/"
log "S3 endpoint answers"

radosgw-admin -c "$CONF" user create --uid=testuser --display-name="Test User" \
  --access-key="$S3_ACCESS_KEY" --secret-key="$S3_SECRET_KEY" >"$D/user.json" 2>>"$D/log/radosgw-admin.log" \
  || die "radosgw-admin user create failed"

cat >"$D/env" <<EOF
export CEPH_CONF=$CONF
export AWS_ACCESS_KEY_ID=$S3_ACCESS_KEY
export AWS_SECRET_ACCESS_KEY=$S3_SECRET_KEY
export AWS_DEFAULT_REGION=us-east-1
export S3_ENDPOINT=http://$HOST:$RGW_PORT
EOF
log "ready: S3_ENDPOINT=http://$HOST:$RGW_PORT  (source $D/env)"
