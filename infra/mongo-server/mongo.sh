#!/usr/bin/env bash
# MongoDB protocol: the repo's embedded mongo-java-server (this module), data in $RUN/mongo/hearken.mv;
# or an external server through MONGODB_URI.
# Sourced by ./hearken; run on its own as infra/mongo-server/mongo.sh start|stop|ready|purge|data-dir.
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh disable=SC2034 # (settings read by the other scripts)
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

MONGO_MODULE="$ROOT/infra/mongo-server"

mongo_configure() {
  MONGO_PORT="${HEARKEN_MONGO_PORT:-27017}"
  MONGO_STARTED=0
}

mongo_data_dir() { printf '%s/mongo\n' "$RUN"; }

# Builds the module and caches its classpath; again only when its sources or poms changed.
ensure_mongo_classpath() {
  # build output of this checkout, not run data: kept in the module's target/ so a purged run dir does not rebuild
  MONGO_CP_FILE="$MONGO_MODULE/target/hearken-classpath.txt"
  [[ -f $MONGO_MODULE/pom.xml && -d $MONGO_MODULE/src ]] \
    || die "infra/mongo-server is missing: set MONGODB_URI to a MongoDB, or build the module first"
  if [[ -s $MONGO_CP_FILE && -d $MONGO_MODULE/target/classes ]] \
    && [[ -z $(find "$MONGO_MODULE/src" "$MONGO_MODULE/pom.xml" "$ROOT/pom.xml" -newer "$MONGO_CP_FILE" -print -quit) ]]; then
    return 0
  fi
  local t0
  t0=$(now_ms)
  info "building infra/mongo-server (log: $(log_file mongo-build))"
  rotate_log mongo-build
  (cd "$ROOT" && mvnw -q -pl infra/mongo-server -am install -DskipTests \
    && mvnw -q -pl infra/mongo-server dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$MONGO_CP_FILE.tmp") \
    >>"$(log_file mongo-build)" 2>&1 || fail_with_log mongo-build "building infra/mongo-server failed"
  mv -f "$MONGO_CP_FILE.tmp" "$MONGO_CP_FILE"
  ok "infra/mongo-server built in $(since "$t0")"
}

mongo_start() {
  MONGO_STARTED=0
  if [[ -n ${MONGODB_URI:-} ]]; then
    MONGO_URI=$MONGODB_URI MONGO_MODE=external
    printf '%s' "$MONGODB_URI" >"$RUN/pids/mongo.external"
    ok "mongo: using MONGODB_URI=$MONGODB_URI"
    return
  fi
  MONGO_MODE=embedded
  MONGO_URI="mongodb://localhost:$MONGO_PORT"
  rm -f "$RUN/pids/mongo.external"
  if running_pid mongo >/dev/null; then
    [[ $(recorded_port mongo "$MONGO_PORT") == "$MONGO_PORT" ]] \
      || die "mongo already runs on port $(recorded_port mongo "$MONGO_PORT") in $RUN; run down first to change ports"
    ok "mongo already running (pid $(running_pid mongo), localhost:$MONGO_PORT)"
    return
  fi
  require_port_free "$MONGO_PORT" mongo
  mkdir -p "$RUN/mongo"
  ensure_mongo_classpath
  MONGO_T0=$(now_ms)
  local heap
  read -ra heap <<<"${HEARKEN_MONGO_HEAP:--Xms64m -Xmx512m}"
  start_bg mongo "$RUN/mongo" "$JAVA" "${heap[@]}" "$(marker)" -Dhearken.component=mongo \
    -cp "$MONGO_MODULE/target/classes:$(<"$MONGO_CP_FILE")" io.hearken.mongoserver.EmbeddedMongoServer \
    --port "$MONGO_PORT" --file "$RUN/mongo/hearken.mv"
  printf '%s' "$MONGO_PORT" >"$(port_file mongo)"
  MONGO_STARTED=1
  record_started mongo
  info "mongo starting (pid $(<"$(pid_file mongo)"), localhost:$MONGO_PORT, data $RUN/mongo/hearken.mv)"
}

mongo_ready() { port_open "$(recorded_port mongo "$MONGO_PORT")"; }

mongo_wait_ready() {
  ((MONGO_STARTED)) || return 0
  wait_until mongo 60 "$(<"$(pid_file mongo)")" mongo_ready
  ok "mongo ready in $(since "$MONGO_T0")"
}

mongo_stop() { stop_processes 20 mongo; }

mongo_purge() { rm -rf "$RUN/mongo"; }

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then set -euo pipefail; component_main mongo "$@"; fi
