#!/usr/bin/env bash
# Keycloak: keycloak-quarkus-dist from Maven Central (unpacked once into the cache, shared by every run dir),
# start-dev with the hearken realm (hearken-realm.json beside this script) and an in-memory database; the
# only run data is its transaction log in $RUN/keycloak.
# Sourced by ./hearken; run on its own as infra/keycloak/keycloak.sh start|stop|ready|purge|data-dir.
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh disable=SC2034 # (settings read by the other scripts)
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

KEYCLOAK_VERSION=26.7.3
REALM_FILE="$ROOT/infra/keycloak/hearken-realm.json"

keycloak_configure() {
  KC_PORT="${HEARKEN_KEYCLOAK_PORT:-8180}"
  KC_MGMT_PORT="${HEARKEN_KEYCLOAK_MGMT_PORT:-9180}"
  KC_HOME="$CACHE_DIR/keycloak-$KEYCLOAK_VERSION"
  KEYCLOAK_STARTED=0 KC_AUGMENT_LOCKED=0
}

keycloak_data_dir() { printf '%s/keycloak\n' "$RUN"; }

keycloak_enabled() { [[ ${HEARKEN_WITH_KEYCLOAK:-1} != 0 ]]; }

keycloak_url() { printf 'http://localhost:%s' "$(recorded_port keycloak "$KC_PORT")"; }
keycloak_mgmt_port() { cat "$RUN/pids/keycloak.mgmt-port" 2>/dev/null || printf '%s' "$KC_MGMT_PORT"; }

ensure_keycloak_dist() {
  [[ -x $KC_HOME/bin/kc.sh ]] && return 0
  mkdir -p "$CACHE_DIR/downloads"
  local lock tarball="$CACHE_DIR/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" t0
  exec {lock}>"$CACHE_DIR/keycloak-dist.lock"
  if ! flock -n "$lock"; then
    info "waiting for another ./hearken that is fetching Keycloak into $CACHE_DIR"
    flock "$lock"
  fi
  if [[ ! -x $KC_HOME/bin/kc.sh ]]; then
    t0=$(now_ms)
    if [[ ! -s $tarball ]]; then
      info "fetching Keycloak $KEYCLOAK_VERSION from Maven Central (176 MB, once)"
      mvnw -q -f "$ROOT/infra/kafka/pom.xml" dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
        -DoutputDirectory="$CACHE_DIR/downloads" >"$RUN/logs/keycloak-fetch.log" 2>&1 \
        || fail_with_log keycloak-fetch "could not fetch org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz"
    fi
    rm -rf "$KC_HOME.tmp" && mkdir -p "$KC_HOME.tmp"
    tar xzf "$tarball" -C "$KC_HOME.tmp" --strip-components=1
    mv "$KC_HOME.tmp" "$KC_HOME"
    ok "Keycloak $KEYCLOAK_VERSION unpacked into $KC_HOME ($(since "$t0"))"
  fi
  exec {lock}>&-
}


keycloak_start() {
  KEYCLOAK_STARTED=0 KC_AUGMENT_LOCKED=0
  if running_pid keycloak >/dev/null; then
    [[ $(recorded_port keycloak "$KC_PORT") == "$KC_PORT" ]] \
      || die "keycloak already runs on port $(recorded_port keycloak "$KC_PORT") in $RUN; run down first to change ports"
    ok "keycloak already running (pid $(running_pid keycloak), http://localhost:$KC_PORT)"
    return
  fi
  require_port_free "$KC_PORT" keycloak
  require_port_free "$KC_MGMT_PORT" "keycloak management"
  ensure_keycloak_dist
  # The first start of a fresh unpack rewrites lib/quarkus (Quarkus augmentation, ~25 s): two launchers
  # (say `up` and `test`) doing that at once in the shared install would corrupt it, so the first start holds
  # a lock until Keycloak is ready; later starts with the same options skip that step.
  if [[ ! -f $KC_HOME/.hearken-augmented ]]; then
    exec 6>"$CACHE_DIR/keycloak-augment.lock"
    if ! flock -n 6; then
      info "waiting for another ./hearken's first Keycloak start (it prepares the shared install in $KC_HOME)"
      flock -w 300 6 || die "timed out waiting for another Keycloak's first start"
    fi
    if [[ -f $KC_HOME/.hearken-augmented ]]; then exec 6>&-; else KC_AUGMENT_LOCKED=1; fi
  fi
  mkdir -p "$KC_HOME/data/import" "$RUN/keycloak"
  cmp -s "$REALM_FILE" "$KC_HOME/data/import/hearken-realm.json" || cp "$REALM_FILE" "$KC_HOME/data/import/hearken-realm.json"
  KEYCLOAK_T0=$(now_ms)
  # --db=dev-mem re-imports the realm at every start. The transaction log goes to the run dir because the
  # install in the cache is shared by every run dir. Keep these options fixed: changing them rebuilds (~90 s).
  start_bg keycloak "$RUN/keycloak" env JAVA_HOME="$JAVA_HOME" \
    JAVA_OPTS_KC_HEAP="${HEARKEN_KEYCLOAK_HEAP:--Xms64m -Xmx384m}" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$KC_HOME/bin/kc.sh" start-dev --http-port="$KC_PORT" --http-management-port="$KC_MGMT_PORT" \
    --health-enabled=true --import-realm --db=dev-mem \
    -Dquarkus.transaction-manager.object-store.directory="$RUN/keycloak/transaction-logs" \
    "$(marker)" -Dhearken.component=keycloak
  printf '%s' "$KC_PORT" >"$(port_file keycloak)"
  printf '%s' "$KC_MGMT_PORT" >"$RUN/pids/keycloak.mgmt-port"
  KEYCLOAK_STARTED=1
  record_started keycloak
  info "keycloak starting in the background (pid $(<"$(pid_file keycloak)"), http://localhost:$KC_PORT)"
}

keycloak_ready() { [[ $(http_code "http://localhost:$(keycloak_mgmt_port)/health/ready") == 200 ]]; }

keycloak_wait_ready() {
  ((KEYCLOAK_STARTED)) || return 0
  wait_until keycloak "${HEARKEN_KEYCLOAK_TIMEOUT:-180}" "$(<"$(pid_file keycloak)")" keycloak_ready
  if ((KC_AUGMENT_LOCKED)); then
    touch "$KC_HOME/.hearken-augmented"
    exec 6>&-
    KC_AUGMENT_LOCKED=0
  fi
  ok "keycloak ready in $(since "$KEYCLOAK_T0") (realm hearken)"
}

keycloak_stop() { stop_processes 30 keycloak; rm -f "$RUN/pids/keycloak.mgmt-port"; }

keycloak_purge() { rm -rf "$RUN/keycloak"; }

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then set -euo pipefail; component_main keycloak "$@"; fi
