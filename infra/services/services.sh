#!/usr/bin/env bash
# The five Quarkus services, each a packaged jar (<module>/target/quarkus-app/quarkus-run.jar) started with
# java -jar; they keep no data of their own (Kafka, PostgreSQL and MongoDB do), only logs in $RUN/logs.
# Health and metrics (/q/*) are on each service's management port, bound to 127.0.0.1.
# Sourced by ./hearken; run on its own as infra/services/services.sh start [module...]|stop|ready|purge|data-dir
# (start needs the infrastructure that ./hearken up or infra-up started: it reads $RUN/infra.env).
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh disable=SC2034 # (settings read by the other scripts)
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

# module:API port:management port, in start order; the gateway is the public door.
SERVICES=(survey-service:8081:9401 profile-service:8082:9402 insight-service:8083:9403 webhook-service:8084:9404
  gateway:8080:9400)

services_configure() { :; }
services_data_dir() { printf '(none: the services keep their data in Kafka, PostgreSQL and MongoDB)\n'; }
services_purge() { :; }

service_names() { local entry; for entry in "${SERVICES[@]}"; do printf '%s\n' "${entry%%:*}"; done; }

service_setting() { # module field(1 = API port, 2 = management port) suffix -> HEARKEN_<NAME>_<suffix> or the default
  local module=$1 field=$2 suffix=$3 entry var rest
  for entry in "${SERVICES[@]}"; do
    if [[ ${entry%%:*} == "$module" ]]; then
      var="HEARKEN_$(tr 'a-z-' 'A-Z_' <<<"${module%-service}")_$suffix"
      rest=${entry#*:}
      if ((field == 1)); then rest=${rest%%:*}; else rest=${rest#*:}; fi
      printf '%s' "${!var:-$rest}"
      return
    fi
  done
  return 1
}
# module -> its HTTP port (HEARKEN_<NAME>_PORT overrides, e.g. HEARKEN_GATEWAY_PORT)
service_port() { service_setting "$1" 1 PORT; }
# module -> its management port, /q/health and /q/metrics (HEARKEN_<NAME>_MANAGEMENT_PORT overrides)
service_management_port() { service_setting "$1" 2 MANAGEMENT_PORT; }
# module -> the base URL of its management interface, as recorded when it was started
service_management_url() {
  local f="$RUN/pids/$1.mgmt-port" port
  if [[ -s $f ]]; then port=$(<"$f"); else port=$(service_management_port "$1"); fi
  printf 'http://localhost:%s' "$port"
}

service_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$ROOT" "$1"; }

present_services() { # modules whose directory and pom exist
  local module
  for module in $(service_names); do
    if [[ -f $ROOT/$module/pom.xml ]]; then printf '%s\n' "$module"; fi
  done
}

service_stale() { # module -> true when its jar is missing or older than its sources or the shared code
  local jar
  jar=$(service_jar "$1")
  [[ -f $jar ]] || return 0
  local paths=("$ROOT/$1/src" "$ROOT/$1/pom.xml" "$ROOT/pom.xml")
  if [[ -d $ROOT/common ]]; then paths+=("$ROOT/common/src" "$ROOT/common/pom.xml"); fi
  [[ -n $(find "${paths[@]}" -newer "$jar" -print -quit 2>/dev/null) ]]
}

build_services() {
  local modules=() stale=() module
  mapfile -t modules < <(present_services)
  for module in $(service_names); do
    [[ " ${modules[*]} " == *" $module "* ]] || warn "skipping $module: $module/pom.xml does not exist (yet)"
  done
  ((${#modules[@]})) || return 0
  if [[ ${HEARKEN_SKIP_BUILD:-0} == 1 ]]; then
    info "HEARKEN_SKIP_BUILD=1: not building"
    return 0
  fi
  for module in "${modules[@]}"; do
    service_stale "$module" || continue
    if running_pid "$module" >/dev/null; then
      warn "$module is running an older build; './hearken down && ./hearken up' to pick up the changes"
    else
      stale+=("$module")
    fi
  done
  ((${#stale[@]})) || { ok "services are up to date"; return 0; }
  local t0 list
  t0=$(now_ms)
  list=$(IFS=,; printf '%s' "${stale[*]}") # -am brings in common and the parent
  info "building $list (Maven, log: $(log_file build)) — a few minutes the first time"
  rotate_log build
  (cd "$ROOT" && mvnw -q -DskipTests package -pl "$list" -am) >>"$(log_file build)" 2>&1 \
    || fail_with_log build "the build failed"
  ok "built in $(since "$t0")"
}

# The services' connection settings, from $RUN/infra.env as the last up/infra-up wrote it.
load_infra_env() {
  [[ -f $RUN/infra.env ]] || die "no $RUN/infra.env: run ./hearken up (or infra-up) first"
  local line key value
  SVC_KEYCLOAK_URL="http://localhost:${HEARKEN_KEYCLOAK_PORT:-8180}" MONGO_URI=''
  SVC_SMTP_HOST=127.0.0.1 SVC_SMTP_PORT=3025 SVC_SMS_URL=http://127.0.0.1:8026 SVC_INVITATION_KEY='' SVC_SMS_AUTH_TOKEN=''
  SVC_CREDENTIAL_KEY='' SVC_REDIS_URL=''
  # Split at the first '=' only: `read` with IFS='=' drops a value's trailing '=' (base64 padding of the secrets).
  while IFS= read -r line; do
    key=${line%%=*} value=${line#*=}
    case $key in
      KAFKA_BOOTSTRAP_SERVERS) SVC_KAFKA=$value ;;
      POSTGRES_HOST) PG_HOST=$value ;;
      POSTGRES_PORT) PG_PORT=$value ;;
      POSTGRES_USER) PG_USER=$value ;;
      POSTGRES_PASSWORD) PG_PASSWORD=$value ;;
      KEYCLOAK_URL) SVC_KEYCLOAK_URL=$value ;;
      MONGODB_URI) MONGO_URI=$value ;;
      SMTP_HOST) SVC_SMTP_HOST=$value ;;
      SMTP_PORT) SVC_SMTP_PORT=$value ;;
      SMS_PROVIDER_URL) SVC_SMS_URL=$value ;;
      HEARKEN_INVITATION_SIGNING_KEY) SVC_INVITATION_KEY=$value ;;
      HEARKEN_SMS_AUTH_TOKEN) SVC_SMS_AUTH_TOKEN=$value ;;
      HEARKEN_CREDENTIAL_KEY) SVC_CREDENTIAL_KEY=$value ;;
      HEARKEN_REDIS_URL) SVC_REDIS_URL=$value ;;
    esac
  done <"$RUN/infra.env"
}

service_env() { # module -> env assignments (names: README.md, k8s/README.md)
  # Only the gateway listens beyond this machine; the services also admit only what carries a credential signed
  # with HEARKEN_CREDENTIAL_KEY (by the gateway, or by another service), so a tenant header alone opens nothing.
  # Health and metrics stay on this machine for every service, the gateway included.
  if [[ $1 != gateway ]]; then printf '%s\n' "QUARKUS_HTTP_HOST=127.0.0.1"; fi
  # Invitation links open the respondent page on this run's gateway (its port may be overridden)
  local links=${HEARKEN_INVITATION_LINK_BASE_URL:-http://localhost:$(service_port gateway)/respond}
  printf '%s\n' \
    "QUARKUS_HTTP_PORT=$(service_port "$1")" \
    "QUARKUS_MANAGEMENT_PORT=$(service_management_port "$1")" "QUARKUS_MANAGEMENT_HOST=127.0.0.1" \
    "KAFKA_BOOTSTRAP_SERVERS=$SVC_KAFKA" \
    "POSTGRES_HOST=$PG_HOST" "POSTGRES_PORT=$PG_PORT" "POSTGRES_USER=$PG_USER" "POSTGRES_PASSWORD=$PG_PASSWORD" \
    "KEYCLOAK_URL=$SVC_KEYCLOAK_URL" \
    "SURVEY_SERVICE_URL=http://127.0.0.1:$(service_port survey-service)" \
    "PROFILE_SERVICE_URL=http://127.0.0.1:$(service_port profile-service)" \
    "INSIGHT_SERVICE_URL=http://127.0.0.1:$(service_port insight-service)" \
    "WEBHOOK_SERVICE_URL=http://127.0.0.1:$(service_port webhook-service)" \
    "HEARKEN_WEBHOOK_ALLOWED_NETWORKS=${HEARKEN_WEBHOOK_ALLOWED_NETWORKS:-127.0.0.2/32}" \
    "HEARKEN_WEBHOOK_HTTPS_ONLY=${HEARKEN_WEBHOOK_HTTPS_ONLY:-false}" \
    "SMTP_HOST=$SVC_SMTP_HOST" "SMTP_PORT=$SVC_SMTP_PORT" "SMS_PROVIDER_URL=$SVC_SMS_URL" \
    "HEARKEN_INVITATION_SIGNING_KEY=$SVC_INVITATION_KEY" "HEARKEN_SMS_AUTH_TOKEN=$SVC_SMS_AUTH_TOKEN" \
    "HEARKEN_INVITATION_LINK_BASE_URL=$links" \
    "HEARKEN_CREDENTIAL_KEY=$SVC_CREDENTIAL_KEY" "HEARKEN_REDIS_URL=$SVC_REDIS_URL"
  if [[ -n ${MONGO_URI:-} ]]; then printf 'MONGODB_URI=%s\n' "$MONGO_URI"; fi
}

service_ready() { [[ $(http_code "$(service_management_url "$1")/q/health/ready") == 200 ]]; }
services_ready() { # every present service answers ready
  local module
  for module in $(present_services); do service_ready "$module" || return 1; done
}

launch_service() { # module name port management-port: the service's jar with its settings, in the background
  # The launcher's instances and the scaling bench's replicas start the same way; env takes the last of two
  # assignments to one name, so the ports given here win over service_env's.
  local module=$1 name=$2 env_vars=() heap=()
  mapfile -t env_vars < <(service_env "$module")
  read -ra heap <<<"${HEARKEN_SERVICE_HEAP:--Xms64m -Xmx384m}"
  start_bg "$name" "$ROOT/$module" env "${env_vars[@]}" "QUARKUS_HTTP_PORT=$3" "QUARKUS_MANAGEMENT_PORT=$4" \
    "$JAVA" "${heap[@]}" "$(marker)" "-Dhearken.component=$name" -jar "$(service_jar "$module")"
}

start_services() { # [module...] (default: every present service)
  local module port mgmt jar pid started=() modules=("$@")
  local -A t0s=()
  if ((${#modules[@]} == 0)); then mapfile -t modules < <(present_services); fi
  for module in "${modules[@]}"; do
    jar=$(service_jar "$module")
    port=$(service_port "$module")
    if pid=$(running_pid "$module"); then
      ok "$module already running (pid $pid, http://localhost:$port)"
      continue
    fi
    if [[ ! -f $jar ]]; then
      (($#)) && die "$jar does not exist: build it first (./mvnw -DskipTests package -pl $module -am)"
      warn "skipping $module: $jar does not exist"
      continue
    fi
    mgmt=$(service_management_port "$module")
    require_port_free "$port" "$module"
    require_port_free "$mgmt" "$module management"
    t0s[$module]=$(now_ms)
    launch_service "$module" "$module" "$port" "$mgmt"
    printf '%s' "$port" >"$(port_file "$module")"
    printf '%s' "$mgmt" >"$RUN/pids/$module.mgmt-port"
    started+=("$module")
    record_started "$module"
    info "$module starting (pid $(<"$(pid_file "$module")"), http://localhost:$port, health on :$mgmt)"
  done
  for module in "${started[@]}"; do
    wait_until "$module" "${HEARKEN_SERVICE_TIMEOUT:-120}" "$(<"$(pid_file "$module")")" service_ready "$module"
    ok "$module ready in $(since "${t0s[$module]}")"
  done
}

stop_services() {
  local names=() name
  mapfile -t names < <(service_names)
  # the gateway first so no new requests come in while the others stop
  stop_processes 20 gateway
  stop_processes 20 "${names[@]}"
  for name in "${names[@]}"; do rm -f "$RUN/pids/$name.mgmt-port"; done
}

services_start() { build_services; start_services "$@"; }
services_wait_ready() { :; } # start_services waits
services_stop() { stop_services; }

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  configure_run_dir
  case ${1:-} in
    start)
      shift
      take_lock; ensure_java; ensure_tools; prepare_run_dir
      load_infra_env
      services_start "$@" ;;
    *) component_main services "$@" ;;
  esac
fi
