#!/usr/bin/env bash
# PostgreSQL: Debian's binaries, a cluster of our own (or an external server through POSTGRES_HOST).
# Sourced by ./hearken; run on its own as infra/postgres/postgres.sh start|stop|ready|purge|data-dir.
#
# Where the data lives: $RUN/pg/data. As root, initdb must run as user postgres, which cannot reach a run dir
# under a mode-700 directory such as /root; then, and only then, the cluster lives in the fallback directory
# $HEARKEN_PG_FALLBACK_ROOT-<hash of the run dir path>/data (default /var/tmp/hearken-pg-<hash>), remembered in
# $RUN/pg/datadir. The fallback carries the run dir's run id: one whose run id is not the run dir's any more
# belongs to a deleted run dir (rm -rf .run) and is removed at the next start; `down --purge` removes it too.
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh disable=SC2034 # (settings read by the other scripts)
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

postgres_configure() {
  PG_PORT="${HEARKEN_PG_PORT:-55432}"
  PG_HOST=localhost PG_MODE=local
  PG_USER=hearken
  PG_PASSWORD=hearken
  PG_DATABASES=(hearken_profile hearken_insight hearken_webhook)
  PG_FALLBACK_ROOT="${HEARKEN_PG_FALLBACK_ROOT:-/var/tmp/hearken-pg}"
}

pg_bin() { # the newest installed PostgreSQL's bin dir
  local dir best=''
  for dir in /usr/lib/postgresql/*/bin; do
    if [[ -x $dir/initdb ]]; then best=$(printf '%s\n%s\n' "$best" "$dir" | sort -V | tail -1); fi
  done
  [[ -n $best ]] || return 1
  printf '%s' "$best"
}

pg_data_dir() {
  if [[ -s $RUN/pg/datadir ]]; then cat "$RUN/pg/datadir"; else printf '%s/pg/data' "$RUN"; fi
}
pg_fallback_dir() { printf '%s-%s' "$PG_FALLBACK_ROOT" "$(printf '%s' "$RUN" | sha1sum | cut -c1-10)"; }

postgres_data_dir() {
  if [[ -s $RUN/pids/postgres.external ]]; then printf 'external: %s\n' "$(<"$RUN/pids/postgres.external")"; fi
  pg_data_dir; printf '\n'
}

postgres_owns() { cmdline_has "$1" "$(pg_data_dir)"; }

as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_external() { [[ -n ${POSTGRES_HOST:-} ]]; }

postgres_setup_external() {
  local port=${POSTGRES_PORT:-5432}
  if ! (exec 3<>"/dev/tcp/$POSTGRES_HOST/$port") 2>/dev/null; then
    warn "POSTGRES_HOST=$POSTGRES_HOST:$port is not reachable: starting a local PostgreSQL instead"
    unset POSTGRES_HOST
    return 1
  fi
  PG_HOST=$POSTGRES_HOST PG_PORT=$port
  PG_USER=${POSTGRES_USER:-$PG_USER} PG_PASSWORD=${POSTGRES_PASSWORD:-$PG_PASSWORD}
  PG_MODE=external
  printf '%s:%s' "$PG_HOST" "$PG_PORT" >"$RUN/pids/postgres.external"
  ok "postgres: using the external server at $PG_HOST:$PG_PORT (databases ${PG_DATABASES[*]} must exist there)"
}

# Stops a cluster we no longer track (its run dir is gone), by its own postmaster.pid.
pg_stop_cluster() { # data-dir
  local data=$1 bin pid
  [[ -f $data/postmaster.pid ]] || return 0
  bin=$(pg_bin) || return 0
  as_pg "$bin/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 && return 0
  pid=$(head -1 "$data/postmaster.pid")
  if [[ $pid =~ ^[0-9]+$ ]] && cmdline_has "$pid" "$data"; then kill -KILL "$pid" 2>/dev/null || true; fi
}

# The fallback directory of this run dir path, unless it belongs to this very run dir (named in pg/datadir
# and carrying our run id): then it is left from a deleted run dir, so it is stopped and removed.
pg_forget_deleted_run() {
  local fallback ours=0 id
  fallback=$(pg_fallback_dir)
  [[ -d $fallback ]] || return 0
  if [[ -s $RUN/pg/datadir && $(<"$RUN/pg/datadir") == "$fallback/data" ]]; then
    id=$(cat "$fallback/run-id" 2>/dev/null || true)
    if [[ -z $id ]]; then run_id >"$fallback/run-id"; fi # made by an earlier launcher: adopt it
    if [[ -z $id || $id == "$(run_id)" ]]; then ours=1; fi
  fi
  ((ours)) && return 0
  warn "removing $fallback: PostgreSQL data left by a deleted run dir $RUN"
  pg_stop_cluster "$fallback/data"
  rm -rf "$fallback"
  rm -f "$RUN/pg/datadir"
}

# A fresh, empty data dir that user postgres can write: $RUN/pg/data, or the fallback when it cannot.
pg_new_data_dir() {
  local data="$RUN/pg/data" fallback
  rm -rf "$data" && mkdir -p "$data" # a half-initialised dir (initdb interrupted) would make initdb refuse
  if is_root; then
    chown postgres:postgres "$data"
    if ! runuser -u postgres -- test -w "$data"; then
      fallback=$(pg_fallback_dir)
      data="$fallback/data"
      warn "user postgres cannot reach $RUN/pg; keeping the PostgreSQL data in $data (./hearken down --purge removes it)"
      rm -rf "$fallback" && mkdir -p "$data"
      run_id >"$fallback/run-id"
      printf '%s\n' "$RUN" >"$fallback/run-dir"
      chown postgres:postgres "$fallback" "$data"
      printf '%s' "$data" >"$RUN/pg/datadir"
      rmdir "$RUN/pg/data" 2>/dev/null || true
    fi
  fi
  chmod 700 "$data"
  printf '%s' "$data"
}

postgres_start() {
  PG_HOST=localhost PG_MODE=local
  if pg_external && postgres_setup_external; then return; fi
  rm -f "$RUN/pids/postgres.external"
  local bin data pid
  bin=$(pg_bin) || { apt_install postgresql; bin=$(pg_bin) || die "PostgreSQL binaries still missing"; }
  if pid=$(running_pid postgres); then
    [[ $(recorded_port postgres "$PG_PORT") == "$PG_PORT" ]] \
      || die "postgres already runs on port $(recorded_port postgres "$PG_PORT") in $RUN; run down first to change ports"
    ok "postgres already running (pid $pid, localhost:$PG_PORT)"
    return
  fi
  local t0
  t0=$(now_ms)
  mkdir -p "$RUN/pg"
  pg_forget_deleted_run
  data=$(pg_data_dir)
  # Our cluster may run without a pid file (a launcher killed mid-start): take it over rather than fail.
  if [[ -f $data/postmaster.pid ]] && as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    head -1 "$data/postmaster.pid" >"$(pid_file postgres)"
    printf '%s' "$(sed -n 4p "$data/postmaster.pid")" >"$(port_file postgres)"
    PG_PORT=$(<"$(port_file postgres)")
    postgres_provision "$bin"
    ok "postgres already running (pid $(<"$(pid_file postgres)"), localhost:$PG_PORT)"
    return
  fi
  require_port_free "$PG_PORT" postgres
  if [[ ! -f $data/PG_VERSION ]]; then
    data=$(pg_new_data_dir)
    # trust: a local development cluster listening on localhost only; services still send their password
    as_pg "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$(log_file postgres-initdb)" 2>&1 \
      || fail_with_log postgres-initdb "initdb failed"
    ok "postgres cluster initialised in $data"
  fi
  rotate_log postgres
  record_started postgres
  # No -l: the server keeps pg_ctl's stdout, a log file opened here, so user postgres needs no access to it.
  as_pg "$bin/pg_ctl" -D "$data" -w -t 60 -o "-p $PG_PORT -k /tmp -c listen_addresses=localhost" start \
    >>"$(log_file postgres)" 2>&1 </dev/null 6>&- 7>&- 8>&- 9>&- || fail_with_log postgres "PostgreSQL did not start"
  head -1 "$data/postmaster.pid" >"$(pid_file postgres)"
  printf '%s' "$PG_PORT" >"$(port_file postgres)"
  postgres_provision "$bin"
  ok "postgres ready in $(since "$t0") (pid $(<"$(pid_file postgres)"), localhost:$PG_PORT)"
}

# pg_ctl start -w already waits.
postgres_wait_ready() { :; }

postgres_ready() {
  local bin
  bin=$(pg_bin) && "$bin/pg_isready" -q -U postgres -h "${1:-$PG_HOST}" -p "${2:-$(recorded_port postgres "$PG_PORT")}" 2>/dev/null
}

# Role and databases, idempotently (CREATE DATABASE has no IF NOT EXISTS).
postgres_provision() {
  local bin=$1 db
  local psql=("$bin/psql" -h /tmp -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
  if [[ -z $("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'") ]]; then
    "${psql[@]}" -c "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'"
  fi
  for db in "${PG_DATABASES[@]}"; do
    if [[ -z $("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
      "${psql[@]}" -c "CREATE DATABASE $db OWNER $PG_USER ENCODING 'UTF8' TEMPLATE template0"
    fi
  done
}

postgres_stop() {
  local data
  data=$(pg_data_dir)
  if [[ -f $data/postmaster.pid ]] && as_pg "$(pg_bin)/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_pg "$(pg_bin)/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 || stop_processes 5 postgres
    ok "postgres stopped"
  fi
  rm -f "$(pid_file postgres)" "$(port_file postgres)"
}

# This run dir's cluster, wherever it lives (the fallback directory included).
postgres_purge() {
  local fallback
  fallback=$(pg_fallback_dir)
  if [[ -d $fallback ]]; then
    pg_stop_cluster "$fallback/data"
    rm -rf "$fallback"
    ok "removed $fallback"
  fi
  rm -rf "$RUN/pg"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then set -euo pipefail; component_main postgres "$@"; fi
