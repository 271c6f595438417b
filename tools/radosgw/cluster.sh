#!/usr/bin/env bash
# A throwaway one-node Ceph cluster (mon + memstore OSD + radosgw) on 127.0.0.1: a real S3
# for tests. Nothing outside its own directory is touched; `stop` kills every daemon it
# started and removes the directory.
#
#   tools/radosgw/cluster.sh install             install ceph-mon ceph-osd radosgw ceph-common (root only)
#   tools/radosgw/cluster.sh start [--dir DIR] [--watch-pid PID]
#   tools/radosgw/cluster.sh stop  [--dir DIR]
#   tools/radosgw/cluster.sh status [--dir DIR]
#
# `start` prints KEY=VALUE lines on stdout (progress goes to stderr), so that
#   set -a; eval "$(tools/radosgw/cluster.sh start)"; set +a
# exports NETIKS_RADOSGW_ENDPOINT, _ACCESS_KEY_ID, _SECRET_ACCESS_KEY, _BUCKET, _REGION, _DIR.
# Without --dir it makes a new temp directory; with a --dir that already holds a running
# cluster it prints that cluster's lines again (a stale one is torn down and made anew).
# --watch-pid PID stops the cluster when that process ends (a test runner killed mid-run).
# Exit codes: 0 ok, 2 usage, 3 packages missing and not installable, 4 the cluster did not start.
set -euo pipefail

PACKAGES=(ceph-mon ceph-osd radosgw ceph-common)
BINARIES=(ceph-mon ceph-osd radosgw radosgw-admin ceph ceph-authtool monmaptool)
MARKER=netiks-radosgw-cluster
ACCESS_KEY_ID=NETIKSRADOSGWTEST001
SECRET_ACCESS_KEY=netiks-radosgw-test-secret-access-key
BUCKET=netiks-interop
REGION=us-east-1
EMPTY_SHA256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
START_TIMEOUT_S=${NETIKS_RADOSGW_START_TIMEOUT_S:-120}

say() { echo "radosgw: $*" >&2; }
die() {
  local code=$1
  shift
  say "$*"
  exit "$code"
}

missing_binaries() {
  local missing=()
  local found
  for binary in "${BINARIES[@]}"; do
    found=$(type -P "$binary" || true)
    [ -f "$found" ] && [ -x "$found" ] || missing+=("$binary")
  done
  echo "${missing[*]}"
}

cmd_install() {
  local missing
  missing=$(missing_binaries)
  if [ -z "$missing" ]; then
    say "packages already installed ($(ceph --version 2> /dev/null | awk '{print $3}'))"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    die 3 "missing $missing; installing ${PACKAGES[*]} needs root (apt-get), and this is uid $(id -u)"
  fi
  command -v apt-get > /dev/null || die 3 "missing $missing, and there is no apt-get to install ${PACKAGES[*]} with"
  local started=$SECONDS
  say "installing ${PACKAGES[*]} with apt-get (missing: $missing)"
  export DEBIAN_FRONTEND=noninteractive
  # Daemons the packages' own units might start find no /etc/ceph/ceph.conf and stay idle: this
  # script's daemons read the config in their own directory only.
  apt-get update -qq > /dev/null || die 3 "apt-get update failed"
  if ! apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" > /dev/null; then
    die 3 "apt-get install ${PACKAGES[*]} failed"
  fi
  missing=$(missing_binaries)
  [ -z "$missing" ] || die 3 "installed ${PACKAGES[*]}, but $missing is still missing"
  say "installed in $((SECONDS - started)) s"
}

free_port() {
  # Bind port 0 and report what the kernel chose: free now, and very likely still when used.
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

pids_of() { cat "$1"/pids/* 2> /dev/null || true; }

# Every daemon of the cluster, by pid file; then the directory.
cmd_stop() {
  local dir=$1
  [ -d "$dir" ] || return 0
  [ -f "$dir/$MARKER" ] || die 2 "$dir is not a cluster made by this script (no $MARKER file); not touching it"
  local pids
  pids=$(pids_of "$dir")
  if [ -f "$dir/watcher.pid" ]; then
    local watcher
    watcher=$(cat "$dir/watcher.pid")
    # Not the watcher that is running this very stop (bash -c may have exec'd into it).
    if [ "$watcher" != "$$" ] && [ "$watcher" != "$PPID" ]; then kill "$watcher" 2> /dev/null || true; fi
  fi
  for pid in $pids; do kill -TERM "$pid" 2> /dev/null || true; done
  for _ in $(seq 1 20); do
    local alive=0
    for pid in $pids; do kill -0 "$pid" 2> /dev/null && alive=1; done
    [ $alive -eq 0 ] && break
    sleep 0.1
  done
  for pid in $pids; do kill -KILL "$pid" 2> /dev/null || true; done
  rm -rf "$dir"
  say "stopped and removed $dir"
}

rgw_answers() {
  local endpoint=$1
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$endpoint/" || true)
  [ "$code" = 200 ] || [ "$code" = 403 ]
}

running() {
  local dir=$1
  [ -f "$dir/$MARKER" ] && [ -f "$dir/env" ] || return 1
  for pid in $(pids_of "$dir"); do kill -0 "$pid" 2> /dev/null || return 1; done
  # shellcheck disable=SC1091
  rgw_answers "$(. "$dir/env" && echo "$NETIKS_RADOSGW_ENDPOINT")"
}

write_config() {
  local dir=$1 fsid=$2 mon_port=$3 rgw_port=$4
  cat > "$dir/ceph.conf" << EOF
[global]
fsid = $fsid
mon_host = v2:127.0.0.1:$mon_port
mon_initial_members = a
public_addr = 127.0.0.1
ms_bind_ipv6 = false
ms_bind_msgr1 = false
ms_mon_client_mode = crc
ms_client_mode = crc
ms_mon_service_mode = crc
ms_service_mode = crc
ms_mon_cluster_mode = crc
ms_cluster_mode = crc
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
keyring = $dir/keyring
run_dir = $dir/run
admin_socket = $dir/run/\$name.asok
log_file = $dir/log/\$name.log
mon_data = $dir/mon/\$name
osd_data = $dir/osd/\$name
osd_objectstore = memstore
memstore_device_bytes = 2147483648
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
osd_crush_chooseleaf_type = 0
mon_allow_pool_size_one = true
mon_allow_pool_delete = true
mon_warn_on_pool_no_redundancy = false
mon_max_pg_per_osd = 1000
# The disk may be nearly full: the mon must not refuse to run because of it (memstore keeps data in RAM).
mon_data_avail_warn = 1
mon_data_avail_crit = 0
osd_max_object_name_len = 460
osd_max_object_namespace_len = 64
rgw_frontends = beast endpoint=127.0.0.1:$rgw_port
rgw_enable_gc_threads = false
rgw_enable_lc_threads = false
rgw_dynamic_resharding = false
rgw_enable_usage_log = false
EOF
}

# Runs a daemon in the foreground of a session of its own, its pid kept for `stop`.
daemon() {
  local name=$1
  shift
  setsid "$@" < /dev/null > "$DIR/log/$name.out" 2>&1 &
  echo $! > "$DIR/pids/$name"
}

# A daemon that exited: say which and why, rather than wait for the deadline.
dead_daemon() {
  local pidfile
  for pidfile in "$DIR"/pids/*; do
    [ -f "$pidfile" ] || continue
    if ! kill -0 "$(cat "$pidfile")" 2> /dev/null; then
      local name
      name=$(basename "$pidfile")
      say "$name exited: $(tail -n 3 "$DIR/log/$name.out" 2> /dev/null | tr '\n' ' ')"
      return 0
    fi
  done
  return 1
}

wait_for() {
  local what=$1 deadline=$2
  shift 2
  until "$@" > /dev/null 2>&1; do
    ! dead_daemon || return 1
    [ $SECONDS -lt "$deadline" ] || return 1
    sleep 0.5
  done
  say "$what after $((SECONDS - START)) s"
}

osd_up() { ceph -c "$DIR/ceph.conf" osd dump 2> /dev/null | grep -q '^osd.0 up'; }

make_cluster() {
  local dir=$1
  local fsid mon_port rgw_port conf="$dir/ceph.conf"
  mkdir -p "$dir"/{run,log,mon,osd,pids}
  touch "$dir/$MARKER"
  fsid=$(cat /proc/sys/kernel/random/uuid)
  mon_port=$(free_port)
  rgw_port=$(free_port)
  write_config "$dir" "$fsid" "$mon_port" "$rgw_port"
  local deadline=$((SECONDS + START_TIMEOUT_S))

  # No cephx: the keyring is only what mkfs wants to find.
  ceph-authtool --create-keyring "$dir/keyring" --gen-key -n mon. --cap mon 'allow *' > /dev/null
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/monmap" > /dev/null
  ceph-mon -c "$conf" -i a --mkfs --monmap "$dir/monmap" --keyring "$dir/keyring" > "$dir/log/mon-mkfs.log" 2>&1
  daemon mon.a ceph-mon -c "$conf" -i a -f
  wait_for "mon up" $deadline ceph -c "$conf" --connect-timeout 2 mon stat || return 1

  local osd_uuid osd_id
  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  osd_id=$(ceph -c "$conf" osd new "$osd_uuid")
  mkdir -p "$dir/osd/osd.$osd_id"
  ceph-osd -c "$conf" -i "$osd_id" --mkfs --osd-uuid "$osd_uuid" > "$dir/log/osd-mkfs.log" 2>&1
  daemon "osd.$osd_id" ceph-osd -c "$conf" -i "$osd_id" -f
  wait_for "osd up" $deadline osd_up || return 1

  daemon client.rgw radosgw -c "$conf" -n client.rgw -f
  local endpoint="http://127.0.0.1:$rgw_port"
  wait_for "radosgw answering on $endpoint" $deadline rgw_answers "$endpoint" || return 1

  radosgw-admin -c "$conf" user create --uid=netiks --display-name="Netiks interop tests" \
    --access-key="$ACCESS_KEY_ID" --secret-key="$SECRET_ACCESS_KEY" > /dev/null
  local code
  # curl 7.88 signs S3 requests without x-amz-content-sha256 unless it is given, which radosgw
  # refuses (SignatureDoesNotMatch): the SHA-256 of the empty body, signed as a header.
  code=$(curl -s -o "$dir/log/create-bucket.xml" -w '%{http_code}' --max-time 10 -X PUT \
    --aws-sigv4 "aws:amz:$REGION:s3" --user "$ACCESS_KEY_ID:$SECRET_ACCESS_KEY" \
    -H "x-amz-content-sha256: $EMPTY_SHA256" "$endpoint/$BUCKET")
  [ "$code" = 200 ] || {
    say "creating bucket $BUCKET answered HTTP $code: $(cat "$dir/log/create-bucket.xml")"
    return 1
  }
  cat > "$dir/env" << EOF
NETIKS_RADOSGW_ENDPOINT=$endpoint
NETIKS_RADOSGW_ACCESS_KEY_ID=$ACCESS_KEY_ID
NETIKS_RADOSGW_SECRET_ACCESS_KEY=$SECRET_ACCESS_KEY
NETIKS_RADOSGW_BUCKET=$BUCKET
NETIKS_RADOSGW_REGION=$REGION
NETIKS_RADOSGW_DIR=$dir
EOF
  say "cluster ready in $((SECONDS - START)) s: $endpoint, bucket $BUCKET"
}

# Stops the cluster when the process that asked for it is gone.
start_watcher() {
  local dir=$1 pid=$2 self
  self=$(readlink -f "$0")
  nohup setsid bash -c 'while kill -0 "$1" 2> /dev/null && [ -d "$2" ]; do sleep 2; done; "$3" stop --dir "$2"' \
    _ "$pid" "$dir" "$self" > /dev/null 2>&1 &
  echo $! > "$dir/watcher.pid"
}

cmd_start() {
  local dir=$1 watch_pid=$2
  if [ -n "$dir" ] && running "$dir"; then
    say "reusing the cluster running in $dir"
    cat "$dir/env"
    return 0
  fi
  [ -z "$(missing_binaries)" ] || die 3 "missing $(missing_binaries); run '$0 install' as root first"
  if [ -n "$dir" ]; then
    [ ! -e "$dir" ] || cmd_stop "$dir"
    mkdir -p "$dir"
  else
    dir=$(mktemp -d "${TMPDIR:-/tmp}/netiks-radosgw.XXXXXX")
  fi
  DIR=$dir
  START=$SECONDS
  # In a subshell of its own, where `set -e` holds: inside an `if` or `||` bash ignores it.
  local status
  set +e
  (
    set -e
    make_cluster "$dir"
  )
  status=$?
  set -e
  if [ $status -ne 0 ]; then
    say "the cluster in $dir did not start (a daemon exited, a step failed, or ${START_TIMEOUT_S} s passed); last log lines:"
    tail -n 5 "$dir"/log/*.log >&2 2> /dev/null || true
    if [ "${NETIKS_RADOSGW_KEEP_ON_FAILURE:-}" = 1 ]; then
      say "kept for a look (NETIKS_RADOSGW_KEEP_ON_FAILURE=1); '$0 stop --dir $dir' removes it"
    else
      cmd_stop "$dir"
    fi
    exit 4
  fi
  [ -z "$watch_pid" ] || start_watcher "$dir" "$watch_pid"
  cat "$dir/env"
}

command=${1:-}
[ $# -eq 0 ] || shift
dir=${NETIKS_RADOSGW_DIR:-}
watch_pid=
while [ $# -gt 0 ]; do
  case $1 in
    --dir)
      dir=$2
      shift 2
      ;;
    --watch-pid)
      watch_pid=$2
      shift 2
      ;;
    *) die 2 "unknown argument: $1" ;;
  esac
done

case $command in
  install) cmd_install ;;
  start) cmd_start "$dir" "$watch_pid" ;;
  stop)
    [ -n "$dir" ] || die 2 "stop needs --dir DIR (or NETIKS_RADOSGW_DIR)"
    cmd_stop "$dir"
    ;;
  status)
    [ -n "$dir" ] || die 2 "status needs --dir DIR (or NETIKS_RADOSGW_DIR)"
    if running "$dir"; then cat "$dir/env"; else die 4 "no running cluster in $dir"; fi
    ;;
  *) die 2 "usage: $0 install | start [--dir DIR] [--watch-pid PID] | stop --dir DIR | status --dir DIR" ;;
esac
