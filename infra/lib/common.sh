# shellcheck shell=bash disable=SC2034 # (settings read by the part scripts)
# Helpers shared by ./hearken and the component scripts (infra/<part>/<part>.sh): output, pid/port/log files,
# port checks, starting and stopping background processes, waiting, prerequisites.
#
# Every component script follows one contract, as functions when sourced and as subcommands when run:
#   <part>_configure   read its HEARKEN_* settings        <part>_start    start it unless it runs (no waiting)
#   <part>_wait_ready  block until it answers             <part>_ready    one check: does it answer now?
#   <part>_stop        stop it                            <part>_purge    delete its data (after a stop)
#   <part>_data_dir    where its data lives
# A run dir ($RUN) holds everything a run writes: pids/, logs/, and one folder of data per part. The one
# exception is PostgreSQL's fallback directory (infra/postgres/postgres.sh), which `down --purge` removes too.
[[ -n ${HEARKEN_COMMON_LOADED:-} ]] && return 0
HEARKEN_COMMON_LOADED=1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE_DIR="${HEARKEN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/hearken}"

# The run dir; every part's settings come from its own <part>_configure.
configure_run_dir() {
  RUN="${HEARKEN_RUN_DIR:-$ROOT/.run}"
  case "$RUN" in /*) ;; *) RUN="$PWD/$RUN" ;; esac
}

# Every JVM we start carries this, so we can tell our processes from anyone else's (pid reuse, leftovers).
marker() { printf -- '-Dhearken.run=%s' "$RUN"; }

# What this invocation started, in order: a failed start stops exactly these (see stop_started_on_failure).
STARTED=()
STEP=''
record_started() { STARTED+=("$1"); }
step() { STEP=$*; }

# ----------------------------------------------------------------------------------------------------------
# output and small helpers
# ----------------------------------------------------------------------------------------------------------
if [[ -t 1 && -z ${NO_COLOR:-} ]]; then
  C_B=$'\e[1m' C_G=$'\e[32m' C_Y=$'\e[33m' C_R=$'\e[31m' C_0=$'\e[0m'
else
  C_B='' C_G='' C_Y='' C_R='' C_0=''
fi
info() { printf '%s==>%s %s\n' "$C_B" "$C_0" "$*"; }
ok()   { printf '%s ok%s %s\n' "$C_G" "$C_0" "$*"; }
warn() { printf '%swarn:%s %s\n' "$C_Y" "$C_0" "$*" >&2; }
die()  { printf '%serror:%s %s\n' "$C_R" "$C_0" "$*" >&2; exit 1; }

now_ms() { local t=${EPOCHREALTIME//[.,]/}; echo $((t / 1000)); }
since() { # start_ms -> "12.3 s"
  local d=$(( $(now_ms) - $1 ))
  printf '%d.%d s' $((d / 1000)) $((d % 1000 / 100))
}

is_root() { [[ $(id -u) -eq 0 ]]; }

# Is something listening on this local port? ss looks without connecting (a connect-and-close would
# put a line in the embedded Mongo's log at every check); /dev/tcp where ss is missing.
port_open() {
  if command -v ss >/dev/null; then
    [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

port_owner() { # port -> "pid cmdline" of the listener, if ss can tell
  command -v ss >/dev/null || return 1
  local pid
  pid=$(ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2) || true
  [[ -n $pid ]] || return 1
  printf '%s %s' "$pid" "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-160)"
}

require_port_free() { # port what
  port_open "$1" || return 0
  local owner
  owner=$(port_owner "$1") || owner="unknown process"
  die "port $1 (for $2) is already in use by: $owner
       stop that process, or choose another port (see ./hearken help)"
}

http_code() { curl -s -o /dev/null -m "${2:-3}" -w '%{http_code}' "$1" 2>/dev/null || true; }

pid_file()  { printf '%s/pids/%s.pid' "$RUN" "$1"; }
port_file() { printf '%s/pids/%s.port' "$RUN" "$1"; }
log_file()  { printf '%s/logs/%s.log' "$RUN" "$1"; }

# The recorded port of a component that was started in this run dir, else the configured one.
recorded_port() { local f; f=$(port_file "$1"); if [[ -s $f ]]; then cat "$f"; else printf '%s' "$2"; fi; }

cmdline_has() { # pid exact-argument -> true if the process has that argument
  local arg
  [[ -r /proc/$1/cmdline ]] || return 1
  while IFS= read -r -d '' arg; do [[ $arg == "$2" ]] && return 0; done <"/proc/$1/cmdline"
  return 1
}

# The pid of a running component we started, or nothing (stale pid files are removed).
running_pid() {
  local name=$1 file pid
  file=$(pid_file "$name")
  [[ -s $file ]] || return 1
  pid=$(<"$file")
  if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && owned "$name" "$pid"; then
    printf '%s' "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

owned() { # name pid -> is it the process we started (guards against pid reuse)?
  if declare -F "$1_owns" >/dev/null; then "$1_owns" "$2"; else cmdline_has "$2" "$(marker)"; fi
}
rotate_log() { # keeps the previous log as <name>.log.1
  local f
  f=$(log_file "$1")
  if [[ -s $f ]]; then mv -f "$f" "$f.1"; fi
  : >"$f"
}

# Starts a long-running process detached in its own session (so Ctrl-C on the launcher or the test run
# does not kill it, and a stop can take its whole process group), logging to $RUN/logs/<name>.log.
# A random secret of this run dir (32 bytes, base64), made once and kept, so tokens signed before a restart still
# verify after it. Production takes its secrets from a secret store instead (k8s/README.md).
run_secret() { # name
  local file="$RUN/secrets/$1"
  if [[ ! -s $file ]]; then
    mkdir -p "$RUN/secrets" && chmod 700 "$RUN/secrets"
    (umask 077 && head -c 32 /dev/urandom | base64 >"$file")
  fi
  cat "$file"
}

start_bg() { # name cwd command...
  local name=$1 cwd=$2
  shift 2
  rotate_log "$name"
  (cd "$cwd" && exec setsid "$@") >>"$(log_file "$name")" 2>&1 </dev/null 6>&- 7>&- 8>&- 9>&- &
  printf '%s' "$!" >"$(pid_file "$name")"
}

# SIGTERM to each, then SIGKILL to the process groups of those still alive after the timeout.
stop_processes() { # timeout name...
  local timeout=$1 name pid deadline
  shift
  local -A pids=()
  for name in "$@"; do
    if pid=$(running_pid "$name"); then
      pids[$name]=$pid
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  ((${#pids[@]})) || return 0
  deadline=$(( $(now_ms) + timeout * 1000 ))
  for name in "${!pids[@]}"; do
    pid=${pids[$name]}
    while kill -0 "$pid" 2>/dev/null && (( $(now_ms) < deadline )); do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$name (pid $pid) did not stop within ${timeout}s: killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$(pid_file "$name")" "$(port_file "$name")"
    ok "$name stopped"
  done
}

fail_with_log() { # name message
  local f
  f=$(log_file "$1")
  if [[ -s $f ]]; then
    printf -- '----- last lines of %s -----\n' "$f" >&2
    tail -n 25 "$f" >&2
    printf -- '-----\n' >&2
  fi
  die "$2"
}

# pid is the one start_bg recorded (not running_pid: right after the fork the process may not carry
# its marker yet, because it has not exec'd java).
wait_until() { # name timeout_s pid check-command... (polls until the check passes, the pid dies, or timeout)
  local name=$1 timeout=$2 pid=$3 deadline
  shift 3
  deadline=$(( $(now_ms) + timeout * 1000 ))
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || fail_with_log "$name" "$name exited during start-up"
    (( $(now_ms) < deadline )) || fail_with_log "$name" "$name not ready after ${timeout}s"
    sleep 0.5
  done
}

apt_install() { # package... (only as root; Debian)
  is_root || die "missing $* — install it (apt-get install $*) or run ./hearken as root"
  command -v apt-get >/dev/null || die "missing $* and no apt-get here: install it yourself"
  info "installing $* with apt-get"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
  fi
}

# One launcher at a time per run dir: two concurrent "up"s would format, init and start things twice.
# (fd 9 holds it, fd 6 Keycloak's first-start lock; start_bg closes both so the servers don't inherit them.)
take_lock() {
  mkdir -p "$RUN"
  exec 9>"$RUN/.lock"
  flock -w 600 9 || die "another ./hearken is working on $RUN"
}

# ----------------------------------------------------------------------------------------------------------
# prerequisites
# ----------------------------------------------------------------------------------------------------------
ensure_java() {
  local java major
  java=$(command -v java || true)
  if [[ -z $java ]]; then
    apt_install openjdk-17-jdk-headless
    java=$(command -v java) || die "java still missing after installing openjdk-17-jdk-headless"
  fi
  major=$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  if [[ ${major%%.*} -lt 17 ]]; then
    # Everything here runs on 17 (the machine's default); take Debian's 17 if the default is older.
    [[ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ]] || apt_install openjdk-17-jdk-headless
    java=/usr/lib/jvm/java-17-openjdk-amd64/bin/java
  fi
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$java")")")"
  export JAVA_HOME
  JAVA="$JAVA_HOME/bin/java"
}

ensure_tools() {
  local missing=()
  command -v curl >/dev/null || missing+=(curl)
  command -v jq >/dev/null || missing+=(jq)
  command -v flock >/dev/null || missing+=(util-linux)
  ((${#missing[@]} == 0)) || apt_install "${missing[@]}"
}

mvnw() { "$ROOT/mvnw" -B -Dstyle.color=never "$@"; }

# pids/ and logs/, and the run id: a random name for this run dir's life, so data kept outside it (the
# PostgreSQL fallback) can tell whether the run dir it belongs to still exists.
prepare_run_dir() {
  mkdir -p "$RUN/pids" "$RUN/logs"
  [[ -s $RUN/run-id ]] || cat /proc/sys/kernel/random/uuid >"$RUN/run-id"
}
run_id() { cat "$RUN/run-id" 2>/dev/null || true; }

# Direct use of a component script: infra/<part>/<part>.sh start|stop|ready|purge|data-dir.
component_main() { # part command
  local part=$1 command=${2:-help}
  configure_run_dir
  "${part}_configure"
  case $command in
    start)
      take_lock; ensure_java; ensure_tools; prepare_run_dir
      "${part}_start"
      "${part}_wait_ready" ;;
    stop) take_lock; "${part}_stop" ;;
    ready) "${part}_ready" ;;
    purge) take_lock; "${part}_stop"; "${part}_purge" ;;
    data-dir) "${part}_data_dir" ;;
    *) die "usage: $0 start|stop|ready|purge|data-dir (settings: ./hearken help)" ;;
  esac
}
