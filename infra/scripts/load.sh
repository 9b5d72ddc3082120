# shellcheck shell=bash
# ./hearken chaos (the fault run of docs/reliability.md) and ./hearken bench (docs/benchmarks.md): load through
# the gateway from the chaos module. Sourced by ./hearken (needs common.sh, the part scripts and demo.sh).

build_load_tools() { # the chaos module (load generator, fault run, benchmark) and its classpath
  mkdir -p "$RUN/chaos"
  info "building the load generator (chaos module)"
  # One reactor packages common and chaos and writes each module's classpath beside it (a relative outputFile is
  # the module's own): chaos's names common's jar in this checkout, and nothing is installed into ~/.m2, which
  # other checkouts on the machine share.
  (cd "$ROOT" && mvnw -q -DskipTests package dependency:build-classpath -pl chaos -am \
    -Dmdep.outputFile=target/load-tools.classpath && cp chaos/target/load-tools.classpath "$RUN/chaos/classpath.txt") \
    >"$(log_file chaos-build)" 2>&1 || die "building the chaos module failed; see $(log_file chaos-build)"
}
load_tools_classpath() { printf '%s:%s' "$ROOT/chaos/target/classes" "$(cat "$RUN/chaos/classpath.txt")"; }
# A caller's gateway credential for reading a service directly (docs/security.md), valid for the 15 minutes a
# benchmark may take: wrk sends the same one with every request.
bench_credential() { # service tenant|respondent tenant-or-public-resource
  HEARKEN_CREDENTIAL_KEY=$(run_secret credential-key) \
    java -cp "$(load_tools_classpath)" io.hearken.chaos.SignCredential "$1" "$2" "$3" 900
}

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
    --insight-management-port "$(service_management_port insight-service)" \
    --webhook-management-port "$(service_management_port webhook-service)" "$@"
}

# Runs wrk with the given arguments (on the CPUs BENCH_WRK_PIN names, when it names any), shows its throughput,
# latency and error lines on stderr and prints the requests per second (a whole number) on stdout, for the caller to
# compare with another run.
BENCH_WRK_PIN=()
bench_wrk() {
  local out
  out=$("${BENCH_WRK_PIN[@]}" wrk "$@")
  grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%' <<<"$out" >&2
  awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out"
}

# CPU time a process has used so far (all its threads, user and system), in clock ticks.
process_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# The processes a submission passes through, by name, and their CPU ticks now: "name=ticks ...".
submission_path_ticks() {
  local name pid
  for name in gateway survey-service kafka mongo; do
    pid=$(running_pid "$name") || continue
    printf '%s=%s ' "$name" "$(process_ticks "$pid")"
  done
}

# CPU milliseconds per request of each process between two submission_path_ticks readings, for requests answered:
# what each hop costs, which stays comparable when the machine is busy with other work and the throughput is not.
cpu_per_request() { # before after requests
  awk -v before="$1" -v after="$2" -v requests="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    n = split(before, b, " "); split(after, a, " ")
    line = "CPU per request:"
    for (i = 1; i <= n; i++) {
      split(b[i], kb, "="); split(a[i], ka, "=")
      if (requests > 0) line = line sprintf(" %s %.3f ms", kb[1], (ka[2] - kb[2]) * 1000 / hz / requests)
    }
    print line
  }' >&2
}

cmd_bench() {
  # Submission throughput and latency (wrk, closed loop), through the gateway and straight to survey-service.
  # A 202 here means the response is on Kafka (acks=all): docs/benchmarks.md.
  # ./hearken bench capture: invitations, kiosk uploads and SMS replies (CaptureBench), with its own ceiling.
  # ./hearken bench profiles|insights|webhooks|sustained|projector: see bench_profiles, bench_insights,
  # bench_webhooks, bench_sustained and bench_projector below.
  if [[ ${1:-} == sustained ]]; then
    shift
    bench_sustained "$@"
    return
  fi
  if [[ ${1:-} == scaling ]]; then
    shift
    bench_scaling "$@"
    return
  fi
  if [[ ${1:-} == footprint ]]; then
    shift
    bench_footprint "$@"
    return
  fi
  if [[ ${1:-} == projector ]]; then
    shift
    bench_projector "$@"
    return
  fi
  if [[ ${1:-} == profiles ]]; then
    shift
    bench_profiles "$@"
    return
  fi
  if [[ ${1:-} == insights ]]; then
    shift
    bench_insights "$@"
    return
  fi
  if [[ ${1:-} == webhooks ]]; then
    shift
    bench_webhooks "$@"
    return
  fi
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
  local gw survey connections=64 seconds=15 rounds=3 with_consumers=false gateway_cpu='' token survey_id script
  while [[ $# -gt 0 ]]; do
    case $1 in
      --connections) connections=$2; shift 2 ;;
      --seconds) seconds=$2; shift 2 ;;
      --rounds) rounds=$2; shift 2 ;;
      --with-consumers) with_consumers=true; shift ;;
      --gateway-cpu) gateway_cpu=$2; shift 2 ;;
      *) die "bench: unknown option $1 (use --connections N --seconds S --rounds N --with-consumers --gateway-cpu N)" ;;
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
  build_load_tools
  # Straight to survey-service a request needs the respondent's credential the gateway would sign for the survey
  # (docs/security.md); through the gateway it carries none (CREDENTIAL is nil) and the gateway signs one.
  local credential
  credential=$(bench_credential survey-service respondent "/v1/public/surveys/$survey_id")
  script="$RUN/bench/submit.lua"
  # Every request a new response from one of 500 customers, with a score cycling through 0..10.
  cat >"$script" <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  local body = string.format(
    '{"channel":"web","respondent":{"email":"bench-%d@example.com"},"answers":{"nps":%d,"reason":"bench run"}}',
    counter % 500, counter % 11)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["X-Hearken-Credential"] = CREDENTIAL}, body)
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
    ["Idempotency-Key"] = prefix .. "-" .. counter, ["X-Hearken-Credential"] = CREDENTIAL}, body)
end
LUA
  direct="$RUN/bench/submit-direct.lua"
  keyed_direct="$RUN/bench/submit-keyed-direct.lua"
  { printf 'CREDENTIAL = "%s"\n' "$credential"; cat "$script"; } >"$direct"
  { printf 'CREDENTIAL = "%s"\n' "$credential"; cat "$keyed"; } >"$keyed_direct"
  # Limits stay on (every request is counted in Redis, as in production), with quotas above this benchmark's rate:
  # one address posting thousands a second to one survey is what they exist to stop.
  info "restarting the gateway with its quotas raised above the benchmark's rate (limits still counted)"
  cmd_kill gateway >/dev/null
  HEARKEN_GATEWAY_LIMITS_PER_ADDRESS=1000000000 HEARKEN_GATEWAY_LIMITS_PER_SURVEY=1000000000 \
    HEARKEN_GATEWAY_LIMITS_PER_CLIENT=1000000000 HEARKEN_GATEWAY_LIMITS_PER_TENANT=1000000000 \
    cmd_start gateway >/dev/null
  # The consumers of every response (survey-service's own projector, profile-, insight-, webhook-service) share the
  # two cores with the path measured, and a backlog one round leaves is worked off during the next: paused unless
  # --with-consumers, so that the figures say what each hop costs. survey-service goes on answering without its
  # consumers (HEARKEN_CONSUMERS_ENABLED=false); all catch up from their committed positions when started again.
  local consumers=(profile-service insight-service webhook-service) other
  if [[ $with_consumers == false ]]; then
    info "pausing the consumers for the submission rounds (--with-consumers keeps them running)"
    for other in "${consumers[@]}"; do cmd_kill "$other" >/dev/null; done
    cmd_kill survey-service >/dev/null
    HEARKEN_CONSUMERS_ENABLED=false cmd_start survey-service >/dev/null
  fi
  # The gateway was just restarted: its JIT needs longer than a warm-up of the services that kept running.
  info "warm-up (20 s through the gateway, 10 s direct)"
  wrk -t2 -c"$connections" -d20s -s "$script" "$gw/api/v1/public/surveys/$survey_id/responses" >/dev/null
  wrk -t2 -c"$connections" -d10s -s "$direct" "$survey/v1/public/surveys/$survey_id/responses" >/dev/null
  # --gateway-cpu N: the gateway alone on CPU N and everything else of the path (survey-service, Kafka, MongoDB,
  # wrk) on the others, as when the gateway runs on nodes of its own: does the hop still limit what the path takes?
  local others=''
  BENCH_WRK_PIN=()
  if [[ -n $gateway_cpu ]]; then
    others=$(awk -v gw="$gateway_cpu" -v n="$(nproc)" 'BEGIN { for (c = 0; c < n; c++) if (c != gw) \
      printf "%s%d", (out++ ? "," : ""), c }')
    [[ -n $others ]] || die "bench: --gateway-cpu needs a machine with more than one CPU"
    info "pinning the gateway to CPU $gateway_cpu, survey-service, Kafka, MongoDB and wrk to CPU $others"
    taskset -a -p -c "$gateway_cpu" "$(running_pid gateway)" >/dev/null
    for other in survey-service kafka mongo; do taskset -a -p -c "$others" "$(running_pid "$other")" >/dev/null; done
    BENCH_WRK_PIN=(taskset -c "$others")
  fi
  # Rounds alternate the two paths so that a machine slowing down or speeding up meets both alike; each round's
  # ratio is the figure that survives a noisy machine (the direct path is its ceiling).
  local round through straight ticks ratios=()
  for ((round = 1; round <= rounds; round++)); do
    info "round $round/$rounds: through the gateway, POST $gw/api/v1/public/surveys/{id}/responses, $connections connections, ${seconds}s"
    ticks=$(submission_path_ticks)
    through=$(bench_wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" \
      "$gw/api/v1/public/surveys/$survey_id/responses")
    cpu_per_request "$ticks" "$(submission_path_ticks)" "$((through * seconds))"
    info "round $round/$rounds: straight to survey-service, POST $survey/v1/public/surveys/{id}/responses"
    ticks=$(submission_path_ticks)
    straight=$(bench_wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$direct" \
      "$survey/v1/public/surveys/$survey_id/responses")
    cpu_per_request "$ticks" "$(submission_path_ticks)" "$((straight * seconds))"
    ratios+=("$(awk -v a="$through" -v b="$straight" 'BEGIN { printf "%.0f", (b > 0 ? 100 * a / b : 0) }')")
    info "round $round/$rounds: through the gateway $through req/s, direct $straight req/s: ${ratios[-1]} % of direct"
  done
  info "gateway/direct per round: ${ratios[*]} % (median $(printf '%s\n' "${ratios[@]}" | sort -n \
    | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }') %)"
  if [[ -n $gateway_cpu ]]; then
    info "unpinning: every process may use every CPU again"
    for other in gateway survey-service kafka mongo; do
      taskset -a -p -c "0-$(($(nproc) - 1))" "$(running_pid "$other")" >/dev/null
    done
    BENCH_WRK_PIN=()
  fi
  info "through the gateway once more, profiled by JFR ($RUN/bench/gateway.jfr)"
  local jcmd gateway_pid
  jcmd="$(dirname "$(readlink -f "$(command -v java)")")/jcmd"
  gateway_pid=$(running_pid gateway)
  "$jcmd" "$gateway_pid" JFR.start name=bench settings=profile filename="$RUN/bench/gateway.jfr" >/dev/null
  bench_wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" \
    "$gw/api/v1/public/surveys/$survey_id/responses" >/dev/null
  "$jcmd" "$gateway_pid" JFR.stop name=bench >/dev/null
  java -cp "$(load_tools_classpath)" io.hearken.chaos.HotMethods "$RUN/bench/gateway.jfr" 12
  info "straight to survey-service, each with its own Idempotency-Key (claimed in MongoDB before the append)"
  bench_wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$keyed_direct" \
    "$survey/v1/public/surveys/$survey_id/responses" >/dev/null
  # An authenticated read: the gateway verifies the token, checks the role, counts the limits and signs the hop.
  # At 4 connections for the latency the gateway adds (target: < 2 ms p50), at $connections for throughput.
  local read_credential readers
  read_credential=$(bench_credential survey-service tenant acme)
  wrk -t2 -c"$connections" -d10s -H "Authorization: Bearer $token" "$gw/api/v1/surveys/$survey_id" >/dev/null
  for readers in 4 "$connections"; do
    info "authenticated read through the gateway: GET $gw/api/v1/surveys/{id}, $readers connections"
    through=$(bench_wrk -t2 -c"$readers" -d"${seconds}s" --latency -H "Authorization: Bearer $token" \
      "$gw/api/v1/surveys/$survey_id")
    info "the same read straight to survey-service (with the credential the gateway would sign)"
    straight=$(bench_wrk -t2 -c"$readers" -d"${seconds}s" --latency -H "X-Hearken-Credential: $read_credential" \
      "$survey/v1/surveys/$survey_id")
    info "reads at $readers connections: through the gateway $through req/s, direct $straight req/s"
  done
  if [[ $with_consumers == false ]]; then
    info "starting the consumers again"
    cmd_kill survey-service >/dev/null
    for other in survey-service "${consumers[@]}"; do cmd_start "$other" >/dev/null; done
  fi
  info "restarting the gateway with its configured quotas"
  cmd_kill gateway >/dev/null
  cmd_start gateway >/dev/null
}

bench_profiles() {
  # ./hearken bench profiles: identity look-ups and event-to-timeline throughput of profile-service with
  # --profiles customers loaded (docs/benchmarks.md, "Profiles"), each with its ceiling from the same run.
  local profiles=1000000 events=100000 seconds=20 connections=4 bin pg_host pg_port profile_url mgmt lua
  while [[ $# -gt 0 ]]; do
    case $1 in
      --profiles) profiles=$2; shift 2 ;;
      --events) events=$2; shift 2 ;;
      --seconds) seconds=$2; shift 2 ;;
      --connections) connections=$2; shift 2 ;;
      *) die "bench profiles: unknown option $1 (--profiles N --events N --seconds S --connections N)" ;;
    esac
  done
  service_ready profile-service || die "profile-service is not ready: run ./hearken up first"
  command -v wrk >/dev/null || apt_install wrk
  bin=$(pg_bin) || die "no PostgreSQL client found"
  pg_host=${POSTGRES_HOST:-127.0.0.1}
  pg_port=$(recorded_port postgres "$PG_PORT")
  profile_url="http://localhost:$(service_port profile-service)"
  mgmt=$(service_management_url profile-service)
  info "loading $profiles customers into tenant bench-profiles (set-based; a second run adds nothing)"
  local started=$SECONDS
  PGPASSWORD=${POSTGRES_PASSWORD:-hearken} "$bin/psql" -h "$pg_host" -p "$pg_port" -U "${POSTGRES_USER:-hearken}" \
    -d hearken_profile -v ON_ERROR_STOP=1 -q -v profiles="$profiles" -f "$ROOT/infra/scripts/profile-bench-load.sql" \
    || die "loading the bench customers failed"
  info "loaded in $((SECONDS - started)) s"
  mkdir -p "$RUN/bench"
  build_load_tools
  local credential
  credential=$(bench_credential profile-service tenant bench-profiles)
  lua="$RUN/bench/lookup.lua"
  cat >"$lua" <<LUA
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/v1/profiles/lookup?customerId=B-" .. math.random(1, $profiles), {["X-Hearken-Credential"] = "$credential"})
end
LUA
  whole="$RUN/bench/profile.lua"
  cat >"$whole" <<LUA
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/v1/profiles?customerId=B-" .. math.random(1, $profiles), {["X-Hearken-Credential"] = "$credential"})
end
LUA
  info "ceiling: profile-service's liveness (same JVM, no database), $connections connections, ${seconds}s"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$mgmt/q/health/live" \
    | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%'
  info "identity look-up: GET /v1/profiles/lookup?customerId=B-<random of $profiles>, $connections connections"
  wrk -t2 -c"$connections" -d5s -s "$lua" "$profile_url" >/dev/null
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$lua" "$profile_url" \
    | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%'
  info "the whole profile by identity: GET /v1/profiles?customerId=B-<random> (7 queries), $connections connections"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$whole" "$profile_url" \
    | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%'
  local jdbc="jdbc:postgresql://$pg_host:$pg_port/hearken_profile?user=${POSTGRES_USER:-hearken}&password=${POSTGRES_PASSWORD:-hearken}"
  info "event to timeline: $events verified responses of loaded customers, every consumer running"
  java -cp "$(load_tools_classpath)" io.hearken.chaos.ProfileBench --kafka "localhost:$(recorded_port kafka "$KAFKA_PORT")" \
    --metrics "$mgmt/q/metrics" --events "$events" --profiles "$profiles" --jdbc "$jdbc" 2>&1 | grep -v SLF4J
  # The same events feed survey-service's projector, insight-service and webhook-service on the same two cores:
  # stopped for this measurement, they catch up from their committed positions when started again.
  info "event to timeline: $events more, profile-service alone (survey-, insight-, webhook-service stopped meanwhile)"
  local other
  for other in survey-service insight-service webhook-service; do cmd_kill "$other" >/dev/null; done
  java -cp "$(load_tools_classpath)" io.hearken.chaos.ProfileBench --kafka "localhost:$(recorded_port kafka "$KAFKA_PORT")" \
    --metrics "$mgmt/q/metrics" --events "$events" --profiles "$profiles" --jdbc "$jdbc" 2>&1 | grep -v SLF4J
  info "starting survey-, insight- and webhook-service again"
  for other in survey-service insight-service webhook-service; do cmd_start "$other" >/dev/null; done
}

bench_insights() {
  # ./hearken bench insights: score-query latency over rollups worth ten million responses and over a thousand,
  # score-consumer throughput and submit-to-visible freshness (docs/benchmarks.md, "Insights"), each with its ceiling
  # from the same run.
  local events=200000 rate=1000 seconds=20 connections=4 bin pg_host pg_port insight_url mgmt today month year
  while [[ $# -gt 0 ]]; do
    case $1 in
      --events) events=$2; shift 2 ;;
      --rate) rate=$2; shift 2 ;;
      --seconds) seconds=$2; shift 2 ;;
      --connections) connections=$2; shift 2 ;;
      *) die "bench insights: unknown option $1 (--events N --rate N --seconds S --connections N)" ;;
    esac
  done
  service_ready insight-service || die "insight-service is not ready: run ./hearken up first"
  command -v wrk >/dev/null || apt_install wrk
  bin=$(pg_bin) || die "no PostgreSQL client found"
  pg_host=${POSTGRES_HOST:-127.0.0.1}
  pg_port=$(recorded_port postgres "$PG_PORT")
  insight_url="http://localhost:$(service_port insight-service)"
  mgmt=$(service_management_url insight-service)
  info "loading rollups worth 10,000,000 responses (bench-big) and 1,000 (bench-small) into tenant bench-insights"
  local started=$SECONDS
  PGPASSWORD=${POSTGRES_PASSWORD:-hearken} "$bin/psql" -h "$pg_host" -p "$pg_port" -U "${POSTGRES_USER:-hearken}" \
    -d hearken_insight -v ON_ERROR_STOP=1 -q -f "$ROOT/infra/scripts/insight-bench-load.sql" \
    || die "loading the bench rollups failed"
  info "loaded in $((SECONDS - started)) s"
  today=$(date -u +%F)
  month=$(date -u -d '29 days ago' +%F)
  year=$(date -u -d '364 days ago' +%F)
  mkdir -p "$RUN/bench"
  info "ceiling: insight-service's liveness (same JVM, no database), $connections connections, ${seconds}s"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$mgmt/q/health/live" \
    | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%'
  local name query survey credential kept
  build_load_tools
  credential=$(bench_credential insight-service tenant bench-insights)
  # Twice: as configured (what settled days sum to is kept between queries, insight-service/README.md, "Settled
  # buckets"), then with nothing kept (insight-service restarted with HEARKEN_INSIGHT_SCORES_SETTLED_COUNTS_KEPT=0),
  # every bucket of every query read from PostgreSQL: the cost of a first query, or of one after a late answer.
  for kept in configured none; do
    if [[ $kept == none ]]; then
      info "the same queries with nothing kept: restarting insight-service with HEARKEN_INSIGHT_SCORES_SETTLED_COUNTS_KEPT=0"
      cmd_kill insight-service >/dev/null
      HEARKEN_INSIGHT_SCORES_SETTLED_COUNTS_KEPT=0 cmd_start insight-service >/dev/null
    fi
    for survey in bench-big bench-small; do
      for name in "last 30 days, all responses|/scores?from=$month&to=$today" \
                  "a year, channel=web and locale=ja|/scores?from=$year&to=$today&channel=web&locale=ja" \
                  "a year, weekly NPS trend|/trend?question=nps&granularity=week&from=$year&to=$today"; do
        query=${name#*|}
        cat >"$RUN/bench/score.lua" <<LUA
request = function()
  return wrk.format("GET", "/v1/surveys/$survey$query", {["X-Hearken-Credential"] = "$credential"})
end
LUA
        info "$survey, settled sums kept: $kept: ${name%%|*} (GET /v1/surveys/$survey$query), $connections connections"
        wrk -t2 -c"$connections" -d3s -s "$RUN/bench/score.lua" "$insight_url" >/dev/null
        wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$RUN/bench/score.lua" "$insight_url" \
          | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%'
      done
    done
  done
  info "insight-service as configured again"
  cmd_kill insight-service >/dev/null
  cmd_start insight-service >/dev/null
  info "score consumer: $events responses appended at once, then freshness at $rate responses/s for ${seconds}s"
  HEARKEN_CREDENTIAL_KEY=$(run_secret credential-key) java -cp "$(load_tools_classpath)" io.hearken.chaos.InsightBench \
    --kafka "localhost:$(recorded_port kafka "$KAFKA_PORT")" --metrics "$mgmt/q/metrics" --api "$insight_url" \
    --events "$events" --rate "$rate" --seconds "$seconds" 2>&1 | grep -v SLF4J
  # The same events feed survey-service's projector and profile-service's timelines on the same two cores: stopped
  # for this measurement, they catch up from their committed positions when started again.
  info "the same, insight-service alone (survey-service and profile-service stopped meanwhile)"
  cmd_kill survey-service >/dev/null
  cmd_kill profile-service >/dev/null
  HEARKEN_CREDENTIAL_KEY=$(run_secret credential-key) java -cp "$(load_tools_classpath)" io.hearken.chaos.InsightBench \
    --kafka "localhost:$(recorded_port kafka "$KAFKA_PORT")" --metrics "$mgmt/q/metrics" --api "$insight_url" \
    --events "$events" --rate "$rate" --seconds "$seconds" 2>&1 | grep -v SLF4J
  info "starting survey-service and profile-service again"
  cmd_start survey-service >/dev/null
  cmd_start profile-service >/dev/null
}

bench_webhooks() {
  # ./hearken bench webhooks: deliveries/s to one local endpoint (from a backlog) and submit-to-delivery delay
  # (docs/benchmarks.md, "Webhooks"; WebhookBench in the chaos module), against the receiver's own ceiling measured
  # in the same run. The receiver listens on 127.0.0.2, the one loopback address the launcher lets deliveries reach
  # (HEARKEN_WEBHOOK_ALLOWED_NETWORKS). The raised-cap step restarts webhook-service with
  # HEARKEN_WEBHOOKS_MAX_IN_FLIGHT_PER_ENDPOINT, then again with the configured cap (--raised-in-flight 0 skips it).
  local args=()
  while [[ $# -gt 0 ]]; do
    case $1 in
      --rate | --seconds | --warmup | --ceiling-seconds | --timeout | --raised-in-flight)
        [[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || die "bench webhooks: $1 takes a whole number"
        args+=("$1" "$2"); shift 2 ;;
      *) die "bench webhooks: unknown option $1 (--rate N --seconds S --warmup S --ceiling-seconds S" \
        "--timeout S --raised-in-flight N)" ;;
    esac
  done
  service_ready gateway || die "the gateway is not ready: run ./hearken up first"
  service_ready webhook-service || die "webhook-service is not ready: run ./hearken up first"
  mkdir -p "$RUN/bench"
  build_load_tools
  # --in-flight: the per-endpoint cap webhook-service was started with, 8 unless this variable said otherwise
  HEARKEN_RUN_DIR="$RUN" java -cp "$(load_tools_classpath)" io.hearken.chaos.WebhookBench \
    --gateway "http://localhost:$(service_port gateway)" --keycloak "$(keycloak_url)" \
    --metrics "$(service_management_url webhook-service)/q/metrics" --launcher "$ROOT/hearken" \
    --report "$RUN/bench/webhooks.md" --in-flight "${HEARKEN_WEBHOOKS_MAX_IN_FLIGHT_PER_ENDPOINT:-8}" \
    "${args[@]}"
}

bench_sustained() {
  # ./hearken bench sustained: public submissions through the gateway at a steady open-model rate (SustainedBench in
  # the chaos module; without --rate, 80 % of the closed-loop maximum measured first) with every consumer running;
  # every 5 s the rate achieved, latency from each request's intended send time and errors, and the lag of each
  # consumer group on hearken.responses; a freshness probe a second, timed until insight-service's scores and the
  # customer's profile-service timeline show it; against bare Kafka appends measured right before
  # (docs/benchmarks.md, "Throughput by stage"). The gateway runs with its quotas raised meanwhile, as in ./hearken
  # bench.
  local args=() module rc=0
  while [[ $# -gt 0 ]]; do
    case $1 in
      --rate | --minutes | --warmup | --max-in-flight | --calibrate-seconds | --drain)
        [[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || die "bench sustained: $1 takes a whole number"
        args+=("$1" "$2"); shift 2 ;;
      *) die "bench sustained: unknown option $1 (--rate N --minutes M --warmup S --max-in-flight N" \
        "--calibrate-seconds S --drain S)" ;;
    esac
  done
  for module in gateway survey-service profile-service insight-service webhook-service; do
    service_ready "$module" || die "$module is not ready: run ./hearken up first"
  done
  mkdir -p "$RUN/bench"
  build_load_tools
  # The gateway's per-survey quota (60,000 a minute) would cap the rate at 1,000/s; limits are still counted.
  info "restarting the gateway with its quotas raised above the benchmark's rate (limits still counted)"
  cmd_kill gateway >/dev/null
  HEARKEN_GATEWAY_LIMITS_PER_ADDRESS=1000000000 HEARKEN_GATEWAY_LIMITS_PER_SURVEY=1000000000 \
    HEARKEN_GATEWAY_LIMITS_PER_CLIENT=1000000000 HEARKEN_GATEWAY_LIMITS_PER_TENANT=1000000000 \
    cmd_start gateway >/dev/null
  HEARKEN_CREDENTIAL_KEY=$(run_secret credential-key) java -cp "$(load_tools_classpath)" \
    io.hearken.chaos.SustainedBench --gateway "http://localhost:$(service_port gateway)" \
    --keycloak "$(keycloak_url)" --kafka "localhost:$(recorded_port kafka "$KAFKA_PORT")" \
    --insight "http://localhost:$(service_port insight-service)" \
    --profile "http://localhost:$(service_port profile-service)" "${args[@]}" 2>&1 \
    | grep --line-buffered -v SLF4J || rc=$?
  info "restarting the gateway with its configured quotas"
  cmd_kill gateway >/dev/null
  cmd_start gateway >/dev/null
  return "$rc"
}

# ./hearken bench scaling: the consumer groups of each service on hearken.responses with 1, 2 and 3 replicas
# (docs/scaling.md). Replica k of a service listens on its ports + 200 * (k - 1) and joins the same groups.
SCALING_GROUPS=(survey-service:survey-projector insight-service:insight-rollups,insight-alerts,insight-churn
  profile-service:profile-timeline)

start_replica() { # module k: another instance of the service, in the same consumer groups
  local module=$1 k=$2 name="$1-$2" port mgmt
  port=$(( $(service_port "$module") + 200 * (k - 1) ))
  mgmt=$(( $(service_management_port "$module") + 200 * (k - 1) ))
  require_port_free "$port" "$name"
  require_port_free "$mgmt" "$name management"
  launch_service "$module" "$name" "$port" "$mgmt"
  wait_until "$name" "${HEARKEN_SERVICE_TIMEOUT:-120}" "$(<"$(pid_file "$name")")" \
    eval '[[ $(http_code "http://localhost:'"$mgmt"'/q/health/ready") == 200 ]]'
}

bench_scaling() {
  # Each service's consumer groups alone (the other consumers of the topic stopped meanwhile, as ./hearken bench
  # projector does), with 1, 2, ... replicas in turn, on the topic's partitions (ScalingBench in the chaos module).
  local events=100000 customers=20000 counts=(1 2 3) entry module groups m k other rc=0 line only=
  local consumers=(survey-service insight-service profile-service webhook-service) results=()
  while [[ $# -gt 0 ]]; do
    case $1 in
      --events | --customers)
        [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || die "bench scaling: $1 takes a whole number above 0"
        if [[ $1 == --events ]]; then events=$2; else customers=$2; fi
        shift 2 ;;
      --replicas)
        [[ $# -ge 2 && $2 =~ ^[1-9](,[1-9])*$ ]] || die "bench scaling: --replicas takes counts like 1,2,3"
        IFS=, read -ra counts <<<"$2"; shift 2 ;;
      --services)
        [[ $# -ge 2 && $2 =~ ^[a-z,-]+$ ]] || die "bench scaling: --services takes names like insight-service,profile-service"
        only=",$2,"; shift 2 ;;
      *) die "bench scaling: unknown option $1 (--events N --customers C --replicas 1,2,3 --services S1,S2)" ;;
    esac
  done
  for module in "${consumers[@]}"; do
    service_ready "$module" || die "$module is not ready: run ./hearken up first"
  done
  ensure_java
  load_infra_env # the replicas' settings, as start_services gives them
  build_load_tools
  for entry in "${SCALING_GROUPS[@]}"; do
    module=${entry%%:*} groups=${entry#*:}
    [[ -z $only || $only == *",$module,"* ]] || continue
    info "$module alone ($groups): the other consumers of the responses stopped meanwhile"
    for other in "${consumers[@]}"; do [[ $other == "$module" ]] || cmd_kill "$other" >/dev/null; done
    for m in "${counts[@]}"; do
      for ((k = 2; k <= m; k++)); do start_replica "$module" "$k"; done
      info "$module with $m replica(s)"
      while IFS= read -r line; do
        if [[ $line == RESULT$'\t'* ]]; then results+=("${line#RESULT$'\t'}"); else printf '%s\n' "$line"; fi
      done < <(java -cp "$(load_tools_classpath)" io.hearken.chaos.ScalingBench \
        --kafka "localhost:$(recorded_port kafka "$KAFKA_PORT")" --groups "$groups" --members "$m" \
        --events "$events" --customers "$customers" --label "$module" 2>&1 | grep --line-buffered -v SLF4J) || rc=$?
      for ((k = 2; k <= m; k++)); do stop_processes 20 "$module-$k" >/dev/null; done
    done
    for other in "${consumers[@]}"; do [[ $other == "$module" ]] || cmd_start "$other" >/dev/null; done
  done
  printf '\n%-16s %9s %12s %14s %9s\n' service replicas events/s "ceiling rec/s" "vs one"
  local -A one=()
  for line in "${results[@]}"; do
    IFS=$'\t' read -r module m rate ceiling <<<"$line"
    [[ $m == 1 ]] && one[$module]=$rate
    printf '%-16s %9s %12s %14s %8s%%\n' "$module" "$m" "$rate" "$ceiling" \
      "$(( ${one[$module]:-0} > 0 ? rate * 100 / ${one[$module]:-1} : 0 ))"
  done
  return "$rc"
}

bench_footprint() {
  # ./hearken bench footprint: each service's start time and resident memory once idle (issue 19: <= 150 MB RSS
  # idle, start < 3 s on the JVM), one service at a time while the rest of the platform runs. A service is stopped
  # cleanly and started again; "ready" is from the launch of its JVM until its readiness check answers 200 (polled
  # every 100 ms, so it includes Kafka's group join and the first PostgreSQL or MongoDB connection), "Quarkus" is
  # what Quarkus itself logs as "started in" (the application's boot, without the JVM's own start). After --idle
  # seconds without traffic: the resident set from /proc, and the heap and non-heap in use from the JVM's metrics.
  # The heap settings are the launcher's (HEARKEN_SERVICE_HEAP, default -Xms64m -Xmx384m).
  local idle=30 module pid t0 ready quarkus rss heap nonheap log
  while [[ $# -gt 0 ]]; do
    case $1 in
      --idle)
        [[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || die "bench footprint: --idle takes a whole number of seconds"
        idle=$2; shift 2 ;;
      *) die "bench footprint: unknown option $1 (--idle S)" ;;
    esac
  done
  for module in $(present_services); do
    service_ready "$module" || die "$module is not ready: run ./hearken up first"
  done
  info "each service stopped, started again and left idle ${idle} s; the rest of the platform keeps running"
  printf '%-16s %10s %10s %10s %10s %12s\n' service ready Quarkus "RSS MB" "heap MB" "non-heap MB"
  for module in $(present_services); do
    stop_processes 20 "$module" >/dev/null
    log=$(log_file "$module")
    t0=$(now_ms)
    cmd_start "$module" >/dev/null
    ready=$(( $(now_ms) - t0 ))
    quarkus=$(grep -o 'started in [0-9.]*s' "$log" | tail -1 | grep -o '[0-9.]*' || echo '?')
    sleep "$idle"
    pid=$(running_pid "$module") || die "$module stopped while idle"
    rss=$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
    read -r heap nonheap < <(curl -s "$(service_management_url "$module")/q/metrics" | awk '
      /^jvm_memory_used_bytes\{/ && /area="heap"/    { h += $NF }
      /^jvm_memory_used_bytes\{/ && /area="nonheap"/ { n += $NF }
      END { printf "%.0f %.0f\n", h / 1048576, n / 1048576 }')
    printf '%-16s %8d.%d s %8s s %10s %10s %12s\n' "$module" $((ready / 1000)) $((ready % 1000 / 100)) \
      "$quarkus" "$rss" "$heap" "$nonheap"
  done
}

bench_projector() {
  # ./hearken bench projector: survey-service's projector alone (ProjectorBench in the chaos module): --events
  # response events appended straight to hearken.responses, timed until its consumer group has committed past them
  # all, against the same records read from the broker without work (docs/benchmarks.md, "Throughput by stage").
  # profile-, insight- and webhook-service read the same events on the same two cores: stopped meanwhile, as
  # ./hearken bench insights does, they catch up from their committed positions when started again.
  local events=100000 other rc=0
  while [[ $# -gt 0 ]]; do
    case $1 in
      --events)
        [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || die "bench projector: --events takes a whole number above 0"
        events=$2; shift 2 ;;
      *) die "bench projector: unknown option $1 (--events N)" ;;
    esac
  done
  service_ready survey-service || die "survey-service is not ready: run ./hearken up first"
  build_load_tools
  info "survey-service's projector alone: stopping profile-, insight- and webhook-service meanwhile"
  for other in profile-service insight-service webhook-service; do cmd_kill "$other" >/dev/null; done
  java -cp "$(load_tools_classpath)" io.hearken.chaos.ProjectorBench \
    --kafka "localhost:$(recorded_port kafka "$KAFKA_PORT")" \
    --metrics "$(service_management_url survey-service)/q/metrics" --events "$events" 2>&1 \
    | grep --line-buffered -v SLF4J || rc=$?
  info "starting profile-, insight- and webhook-service again"
  for other in profile-service insight-service webhook-service; do cmd_start "$other" >/dev/null; done
  return "$rc"
}
