#!/usr/bin/env bash
# Kafka: a single-node KRaft broker from Maven Central jars (infra/kafka/pom.xml), data in $RUN/kafka/data.
# Sourced by ./hearken; run on its own as infra/kafka/kafka.sh start|stop|ready|purge|data-dir.
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh disable=SC2034 # (settings read by the other scripts)
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

KAFKA_POM="$ROOT/infra/kafka/pom.xml"

kafka_configure() {
  KAFKA_PORT="${HEARKEN_KAFKA_PORT:-9092}"
  KAFKA_CONTROLLER_PORT="${HEARKEN_KAFKA_CONTROLLER_PORT:-9093}"
}

kafka_data_dir() { printf '%s/kafka\n' "$RUN"; }

kafka_classpath_file() {
  local sum
  sum=$(sha1sum "$KAFKA_POM" | cut -c1-10)
  printf '%s/kafka-classpath-%s.txt' "$CACHE_DIR" "$sum"
}

# Resolves the broker's jars once (keyed by the pom's checksum) and reuses the classpath file.
ensure_kafka_classpath() {
  KAFKA_CP_FILE=$(kafka_classpath_file)
  local jar stale=0
  if [[ -s $KAFKA_CP_FILE ]]; then
    while IFS= read -r -d ':' jar; do [[ -f $jar ]] || { stale=1; break; }; done < <(cat "$KAFKA_CP_FILE"; printf ':')
    ((stale)) || return 0
  fi
  info "resolving the Kafka broker classpath with Maven (once)"
  mkdir -p "$CACHE_DIR"
  mvnw -q -f "$KAFKA_POM" dependency:build-classpath -Dmdep.outputFile="$KAFKA_CP_FILE.tmp" >"$RUN/logs/kafka-classpath.log" 2>&1 \
    || fail_with_log kafka-classpath "could not resolve the Kafka classpath (Maven Central reachable?)"
  mv -f "$KAFKA_CP_FILE.tmp" "$KAFKA_CP_FILE"
}

# The 90-jar classpath goes through a java @argfile, which keeps `ps` and the pid checks readable.
kafka_argfile() {
  KAFKA_ARGFILE="$RUN/kafka/classpath.args"
  printf -- '-cp %s\n' "$(<"$KAFKA_CP_FILE")" >"$KAFKA_ARGFILE"
}

# A short-lived Kafka tool JVM: small heap, C1 only (starts faster).
kafka_tool() { # main-class args...
  "$JAVA" -Xmx192m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true -Dhearken.kafka.log.level=WARN \
    -Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2.properties" "@$KAFKA_ARGFILE" "$@"
}

write_kafka_properties() {
  cat >"$RUN/kafka/server.properties" <<EOF
# Written by ./hearken at every start; edit the launcher, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=localhost:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://localhost:$KAFKA_PORT,CONTROLLER://localhost:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$RUN/kafka/data
# one broker: every internal topic has a single replica; fewer partitions make the first group join quicker
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# Topics are the services' to declare (hearken.topics.*): a topic created by a first write would get broker
# defaults (one partition, 7 days) and the declaring service would then report it as not as declared.
auto.create.topics.enable=false
EOF
}

kafka_start() {
  KAFKA_STARTED=0
  if running_pid kafka >/dev/null; then
    [[ $(recorded_port kafka "$KAFKA_PORT") == "$KAFKA_PORT" ]] \
      || die "kafka already runs on port $(recorded_port kafka "$KAFKA_PORT") in $RUN; run down first to change ports"
    ok "kafka already running (pid $(running_pid kafka), localhost:$KAFKA_PORT)"
    return
  fi
  require_port_free "$KAFKA_PORT" kafka
  require_port_free "$KAFKA_CONTROLLER_PORT" "kafka controller"
  mkdir -p "$RUN/kafka/data"
  ensure_kafka_classpath
  kafka_argfile
  write_kafka_properties
  # Format once per data dir (a restart on another port works: seen with the controller port changed).
  if [[ ! -f $RUN/kafka/data/meta.properties ]]; then
    local t0 cluster_id
    t0=$(now_ms)
    # A random id; never one that starts with '-', which the storage tool would read as an option (1 start in 32).
    cluster_id=-
    while [[ $cluster_id == -* ]]; do
      cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    done
    rotate_log kafka-format
    kafka_tool kafka.tools.StorageTool format --standalone \
      -t "$cluster_id" -c "$RUN/kafka/server.properties" >>"$(log_file kafka-format)" 2>&1 \
      || fail_with_log kafka-format "formatting the Kafka data dir failed"
    ok "kafka data dir formatted in $(since "$t0")"
  fi
  KAFKA_T0=$(now_ms)
  local heap
  read -ra heap <<<"${HEARKEN_KAFKA_HEAP:--Xms128m -Xmx512m}"
  start_bg kafka "$RUN/kafka" "$JAVA" "${heap[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -Djava.awt.headless=true "$(marker)" -Dhearken.component=kafka \
    -Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2.properties" "@$KAFKA_ARGFILE" \
    kafka.Kafka "$RUN/kafka/server.properties"
  printf '%s' "$KAFKA_PORT" >"$(port_file kafka)"
  KAFKA_STARTED=1
  record_started kafka
  info "kafka starting (pid $(<"$(pid_file kafka)"), localhost:$KAFKA_PORT)"
}

kafka_ready() { port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$(log_file kafka)" 2>/dev/null; }

kafka_wait_ready() {
  ((KAFKA_STARTED)) || return 0
  wait_until kafka 90 "$(<"$(pid_file kafka)")" kafka_ready
  ok "kafka ready in $(since "$KAFKA_T0")"
}

kafka_stop() { stop_processes 30 kafka; }

kafka_purge() { rm -rf "$RUN/kafka"; }

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then set -euo pipefail; component_main kafka "$@"; fi
