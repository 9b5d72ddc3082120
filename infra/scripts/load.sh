# shellcheck shell=bash
# ./hearken chaos (the fault run of docs/reliability.md) and ./hearken bench (docs/benchmarks.md): load through
# the gateway from the chaos module. Sourced by ./hearken (needs common.sh, the part scripts and demo.sh).

build_load_tools() { # the chaos module (load generator, fault run, benchmark) and its classpath
  mkdir -p "$RUN/chaos"
  info "building the load generator (chaos module)"
  (cd "$ROOT" && mvnw -q -DskipTests install -pl chaos -am \
    && mvnw -q -pl chaos dependency:build-classpath -Dmdep.outputFile="$RUN/chaos/classpath.txt") \
    >"$(log_file chaos-build)" 2>&1 || die "building the chaos module failed; see $(log_file chaos-build)"
}
load_tools_classpath() { printf '%s:%s' "$ROOT/chaos/target/classes" "$(cat "$RUN/chaos/classpath.txt")"; }

cmd_chaos() {
  # The fault run of docs/reliability.md: steady load through the gateway while each component is killed
  # (kill -9) and restarted in turn; then every acknowledged response is checked in all three services.
  # ChaosMain's --<name>-management-port options build readiness URLs (/q/health/ready on the management ports);
  # --kafka is the broker the poison phase writes to.
  local gw
  gw="http://localhost:$(service_port gateway)"
  KC_URL=$(keycloak_url)
  if ! service_ready gateway; then
    info "the platform is not up: starting it first"
    cmd_up
  fi
  build_load_tools
  info "fault run: ${*:-all components} (report in $RUN/chaos/report.md)"
  HEARKEN_RUN_DIR="$RUN" java -cp "$(load_tools_classpath)" io.hearken.chaos.ChaosMain \
    --gateway "$gw" --keycloak "$KC_URL" --launcher "$ROOT/hearken" --report "$RUN/chaos/report.md" \
    --record "$RUN/chaos/submissions.tsv" \
    --kafka "localhost:$(recorded_port kafka "$KAFKA_PORT")" --mail-api "$(mail_api_url)" \
    --survey-management-port "$(service_management_port survey-service)" \
    --profile-management-port "$(service_management_port profile-service)" \
    --insight-management-port "$(service_management_port insight-service)" "$@"
}

cmd_bench() {
  # Submission throughput and latency (wrk, closed loop), through the gateway and straight to survey-service.
  # A 202 here means the response is on Kafka (acks=all): docs/benchmarks.md.
  # ./hearken bench capture: invitations, kiosk uploads and SMS replies (CaptureBench), with its own ceiling.
  if [[ ${1:-} == capture ]]; then
    shift
    service_ready gateway || die "the gateway is not ready: run ./hearken up first"
    build_load_tools
    java -cp "$(load_tools_classpath)" io.hearken.chaos.CaptureBench \
      --gateway "http://localhost:$(service_port gateway)" --keycloak "$(keycloak_url)" \
      --sms-auth-token "$(run_secret sms-auth-token)" \
      --sms-inbound-url "http://localhost:8080/api/v1/public/sms/inbound" "$@"
    return
  fi
  local gw survey connections=64 seconds=20 token survey_id script
  while [[ $# -gt 0 ]]; do
    case $1 in
      --connections) connections=$2; shift 2 ;;
      --seconds) seconds=$2; shift 2 ;;
      *) die "bench: unknown option $1 (use --connections N --seconds S)" ;;
    esac
  done
  command -v wrk >/dev/null || apt_install wrk
  command -v jq >/dev/null || apt_install jq
  gw="http://localhost:$(service_port gateway)"
  survey="http://localhost:$(service_port survey-service)"
  KC_URL=$(keycloak_url)
  service_ready gateway || die "the gateway at $gw is not ready ($(service_management_url gateway)/q/health/ready): run ./hearken up first"
  DEMO_TMP=$(mktemp)
  trap 'rm -f "$DEMO_TMP"' EXIT
  token=$(demo_token alice)
  survey_id=$(demo_http 201 POST "$gw/api/v1/surveys" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data '{"name": "bench", "title": {"en": "Bench"}, "publish": true,
      "questions": [{"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend us?"}},
                    {"id": "reason", "type": "TEXT", "required": false, "text": {"en": "Why?"}}]}' | jq -r .id)
  mkdir -p "$RUN/bench"
  script="$RUN/bench/submit.lua"
  # Every request a new response from one of 500 customers, with a score cycling through 0..10.
  cat >"$script" <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  local body = string.format(
    '{"channel":"web","respondent":{"email":"bench-%d@example.com"},"answers":{"nps":%d,"reason":"bench run"}}',
    counter % 500, counter % 11)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
LUA
  # The same, each request with its own Idempotency-Key, which survey-service claims in MongoDB before the append.
  keyed="$RUN/bench/submit-keyed.lua"
  cat >"$keyed" <<'LUA'
counter = 0
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
init = function(args)
  -- unique per run (the clock) and per thread (its id): no two requests share a key
  prefix = string.format("bench-%d-t%d", os.time(), id)
end
request = function()
  counter = counter + 1
  local body = string.format(
    '{"channel":"web","respondent":{"email":"bench-%d@example.com"},"answers":{"nps":%d,"reason":"bench run"}}',
    counter % 500, counter % 11)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json",
    ["Idempotency-Key"] = prefix .. "-" .. counter}, body)
end
LUA
  info "warm-up (5 s), then $seconds s with $connections connections, 2 threads"
  wrk -t2 -c"$connections" -d5s -s "$script" "$gw/api/v1/public/surveys/$survey_id/responses" >/dev/null
  info "through the gateway: POST $gw/api/v1/public/surveys/{id}/responses"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "$gw/api/v1/public/surveys/$survey_id/responses" \
    | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%'
  info "straight to survey-service: POST $survey/v1/public/surveys/{id}/responses"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "$survey/v1/public/surveys/$survey_id/responses" \
    | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%'
  info "straight to survey-service, each with its own Idempotency-Key (claimed in MongoDB before the append)"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$keyed" "$survey/v1/public/surveys/$survey_id/responses" \
    | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%'
}
