#!/usr/bin/env bash
# Redis: the gateway's shared rate-limit counters, so that limits hold across gateway replicas (gateway
# limits.RedisCounters). Debian's redis-server, installed with apt-get when missing; nothing is persisted (a
# counter lives one window). A managed Redis drops in through HEARKEN_REDIS_URL.
# Sourced by ./hearken; run on its own as infra/redis/redis.sh start|stop|ready|purge|data-dir.
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh disable=SC2034 # (settings read by the other scripts)
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

redis_configure() {
  REDIS_PORT="${HEARKEN_REDIS_PORT:-6379}"
  REDIS_STARTED=0
}

redis_data_dir() { printf '%s/redis\n' "$RUN"; }

ensure_redis() {
  command -v redis-server >/dev/null && return 0
  apt_install redis-server
  command -v redis-server >/dev/null || die "redis-server is missing after installing it"
}

redis_start() {
  REDIS_STARTED=0
  if running_pid redis >/dev/null; then
    ok "redis already running (pid $(running_pid redis), localhost:$(recorded_port redis "$REDIS_PORT"))"
    return
  fi
  require_port_free "$REDIS_PORT" redis
  ensure_redis
  mkdir -p "$RUN/redis"
  REDIS_T0=$(now_ms)
  # Loopback only, no snapshots or append-only file: rate-limit counters are worth one window. The process keeps
  # its command line (set-proc-title no) so ./hearken can tell it is this run's.
  start_bg redis "$RUN/redis" redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --dir "$RUN/redis" --set-proc-title no --maxmemory 64mb --maxmemory-policy volatile-ttl
  printf '%s' "$REDIS_PORT" >"$(port_file redis)"
  REDIS_STARTED=1
  record_started redis
  info "redis starting (pid $(<"$(pid_file redis)"), localhost:$REDIS_PORT)"
}

# Redis takes no -D marker: ours is the one whose data dir is this run's (running_pid asks this for a pid).
redis_owns() { cmdline_has "$1" "$RUN/redis"; }

redis_url() { printf 'redis://127.0.0.1:%s\n' "$(recorded_port redis "$REDIS_PORT")"; }

redis_ready() { # answers PING with PONG (in a subshell: a refused connection must not end the launcher)
  local port reply
  port=$(recorded_port redis "$REDIS_PORT")
  reply=$( (exec 5<>"/dev/tcp/127.0.0.1/$port" && printf 'PING\r\n' >&5 && IFS= read -r -t 2 line <&5 \
    && printf '%s' "$line") 2>/dev/null) || return 1
  [[ $reply == +PONG* ]]
}

redis_wait_ready() {
  ((REDIS_STARTED)) || return 0
  wait_until redis 30 "$(<"$(pid_file redis)")" redis_ready
  ok "redis ready in $(since "$REDIS_T0")"
}

redis_stop() { stop_processes 10 redis; }

redis_purge() { rm -rf "$RUN/redis"; }

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then set -euo pipefail; component_main redis "$@"; fi
