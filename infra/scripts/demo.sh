# shellcheck shell=bash
# ./hearken demo: a survey in three languages, ~40 responses through the public endpoint, the NPS checked end
# to end, and one customer's profile timeline. Sourced by ./hearken (needs common.sh and the part scripts).

DEMO_TMP=''
demo_http() { # expected-status method url [curl args...] -> body on stdout; dies with the body otherwise
  local expected=$1 method=$2 url=$3 code
  shift 3
  code=$(curl -sS -o "$DEMO_TMP" -w '%{http_code}' -m 15 -X "$method" "$@" "$url") || code=000
  if [[ ! $code =~ ^($expected)$ ]]; then
    printf '%s %s -> HTTP %s\n' "$method" "$url" "$code" >&2
    [[ -s $DEMO_TMP ]] && { jq . "$DEMO_TMP" 2>/dev/null || cat "$DEMO_TMP"; } >&2
    die "unexpected answer from $url"
  fi
  cat "$DEMO_TMP"
}

demo_token() { # user -> access token (password grant on the public client hearken-web)
  demo_http 200 POST "$KC_URL/realms/hearken/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=hearken-web -d "username=$1" -d password=hearken-demo | jq -r .access_token
}

# NPS = (promoters - detractors) * 100 / total, one decimal, half-up (away from zero), 0 when total = 0;
# in integer arithmetic so nothing depends on floating point.
nps_tenths() { # promoters detractors total -> NPS * 10 as an integer
  local diff=$(($1 - $2)) total=$3 abs q
  ((total > 0)) || { echo 0; return; }
  abs=${diff#-}
  q=$(( (abs * 2000 + total) / (2 * total) ))
  if ((diff < 0)); then q=$((-q)); fi
  echo "$q"
}
tenths_str() { # -123 -> -12.3
  local t=$1 sign=''
  if ((t < 0)); then sign=- t=$((-t)); fi
  printf '%s%d.%d' "$sign" $((t / 10)) $((t % 10))
}

cmd_demo() {
  if ! command -v jq >/dev/null || ! command -v curl >/dev/null; then die "the demo needs curl and jq"; fi
  local gw count=${HEARKEN_DEMO_RESPONSES:-40}
  gw="http://localhost:$(service_port gateway)"
  KC_URL=$(keycloak_url)
  service_ready gateway || die "the gateway at $gw is not ready ($(service_management_url gateway)/q/health/ready): run ./hearken up first"
  DEMO_TMP=$(mktemp)
  trap 'rm -f "$DEMO_TMP"' EXIT
  mkdir -p "$RUN/demo"

  info "token for alice (admin, tenant acme) from $KC_URL"
  local token
  token=$(demo_token alice)

  info "creating an NPS survey (en, ja, zh)"
  local survey survey_id
  survey=$(jq -n --arg name "demo-nps-$(date +%Y%m%d-%H%M%S)" '{
    name: $name,
    title: {en: "Customer loyalty (NPS) demo", ja: "顧客ロイヤルティ（NPS）デモ", zh: "客户忠诚度（NPS）演示"},
    defaultLanguage: "en",
    languages: ["en", "ja", "zh"],
    publish: true,
    questions: [
      {id: "nps", type: "NPS", required: true,
       text: {en: "How likely are you to recommend us to a friend?",
              ja: "当社を友人に薦める可能性はどのくらいありますか？",
              zh: "您向朋友推荐我们的可能性有多大？"}},
      {id: "reason", type: "TEXT", required: false,
       text: {en: "What is the main reason for your score?",
              ja: "そのスコアの主な理由は何ですか？",
              zh: "您给出这个分数的主要原因是什么？"}}
    ]}')
  survey_id=$(demo_http 201 POST "$gw/api/v1/surveys" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data "$survey" | jq -r .id)
  [[ -n $survey_id && $survey_id != null ]] || die "the survey answer carried no id"
  ok "survey $survey_id (answer it yourself: $gw/respond/$survey_id, or ?lang=ja / zh)"

  local email customers=(hana.sato@example.com li.wei@example.com maria.garcia@example.com
    tom.baker@example.com aiko.tanaka@example.com chen.jing@example.com)
  local channels=(web in-app email sms kiosk chat call-centre) languages=(en ja zh)
  local -A reasons=(
    [en:p]="Fast and friendly support" [en:n]="Good, but delivery was slow" [en:d]="The app keeps crashing"
    [ja:p]="サポートが迅速で親切でした" [ja:n]="良いけれど配送が遅かった" [ja:d]="アプリが何度もクラッシュする"
    [zh:p]="客服快速又友好" [zh:n]="不错，但配送有点慢" [zh:d]="应用经常崩溃")
  local record="$RUN/demo/responses-$survey_id.tsv"
  printf 'n\tidempotency_key\temail\tchannel\tlanguage\tscore\n' >"$record"

  # Profiles outlive a demo run: remember each customer's response count to wait for this run's entries.
  local -A timeline_before=()
  for email in "${customers[@]}"; do
    timeline_before[$email]=$(demo_http '200|404' GET "$gw/api/v1/profiles?email=$(jq -rn --arg e "$email" '$e|@uri')" \
      -H "Authorization: Bearer $token" | jq -r '.computed.responseCount // 0' 2>/dev/null || echo 0)
  done

  info "submitting $count responses through the public endpoint (scores recorded in $record)"
  local i score band channel lang key body promoters=0 passives=0 detractors=0 first_body='' first_key=''
  local -A per_customer=()
  for ((i = 0; i < count; i++)); do
    score=$((RANDOM % 11))
    if ((score >= 9)); then band=p; promoters=$((promoters + 1))
    elif ((score >= 7)); then band=n; passives=$((passives + 1))
    else band=d; detractors=$((detractors + 1)); fi
    email=${customers[RANDOM % ${#customers[@]}]}
    channel=${channels[i % ${#channels[@]}]}
    lang=${languages[i % ${#languages[@]}]}
    key=$(cat /proc/sys/kernel/random/uuid)
    body=$(jq -nc --arg c "$channel" --arg l "$lang" --arg e "$email" --argjson s "$score" --arg r "${reasons[$lang:$band]}" \
      '{channel: $c, language: $l, respondent: {email: $e}, answers: {nps: $s, reason: $r}}')
    demo_http 202 POST "$gw/api/v1/public/surveys/$survey_id/responses" -H "Idempotency-Key: $key" \
      -H 'Content-Type: application/json' --data "$body" >/dev/null
    per_customer[$email]=$((${per_customer[$email]:-0} + 1))
    printf '%d\t%s\t%s\t%s\t%s\t%d\n' "$((i + 1))" "$key" "$email" "$channel" "$lang" "$score" >>"$record"
    if [[ -z $first_key ]]; then first_key=$key first_body=$body; fi
  done
  ok "$count responses accepted"
  # A client retry with the same Idempotency-Key must not count twice.
  demo_http '20[0-9]' POST "$gw/api/v1/public/surveys/$survey_id/responses" -H "Idempotency-Key: $first_key" \
    -H 'Content-Type: application/json' --data "$first_body" >/dev/null
  ok "replayed response 1 with the same Idempotency-Key (must not be counted again)"

  info "waiting for the NPS to count all $count responses (up to 60 s)"
  local nps_json='' total=-1 deadline
  deadline=$(( $(now_ms) + 60000 ))
  while (( $(now_ms) < deadline )); do
    nps_json=$(demo_http 200 GET "$gw/api/v1/surveys/$survey_id/nps" -H "Authorization: Bearer $token")
    total=$(jq -r '.total' <<<"$nps_json")
    # more than sent can never come back down: no point in waiting
    if [[ $total =~ ^[0-9]+$ ]] && ((total >= count)); then break; fi
    sleep 1
  done
  local expected_tenths service_tenths
  expected_tenths=$(nps_tenths "$promoters" "$detractors" "$count")
  service_tenths=$(jq -r '(.nps * 10) | round' <<<"$nps_json")
  printf '\n  %-12s %10s %10s\n' '' service sent
  printf '  %-12s %10s %10s\n' promoters "$(jq -r .promoters <<<"$nps_json")" "$promoters" \
    passives "$(jq -r .passives <<<"$nps_json")" "$passives" \
    detractors "$(jq -r .detractors <<<"$nps_json")" "$detractors" \
    total "$total" "$count" \
    NPS "$(jq -r .nps <<<"$nps_json")" "$(tenths_str "$expected_tenths")"
  echo
  local failed=0
  if [[ $service_tenths != "$expected_tenths" || $total != "$count" \
    || $(jq -r .promoters <<<"$nps_json") != "$promoters" || $(jq -r .detractors <<<"$nps_json") != "$detractors" ]]; then
    warn "the service's NPS does not match what was sent"
    failed=1
  else
    ok "the service's NPS matches the NPS computed from the sent scores"
  fi

  # One customer's profile: identities and the timeline of their responses (fed through Kafka).
  local who=${customers[0]} profile='' n=0 expected
  for email in "${customers[@]}"; do
    if ((${per_customer[$email]:-0} > ${per_customer[$who]:-0})); then who=$email; fi
  done
  expected=$(( ${timeline_before[$who]:-0} + ${per_customer[$who]:-0} ))
  info "profile timeline of $who (${per_customer[$who]:-0} responses in this run, waiting for $expected entries)"
  deadline=$(( $(now_ms) + 30000 ))
  while (( $(now_ms) < deadline )); do
    profile=$(demo_http '200|404' GET "$gw/api/v1/profiles?email=$(jq -rn --arg e "$who" '$e|@uri')" \
      -H "Authorization: Bearer $token")
    n=$(jq -r '.computed.responseCount // 0' <<<"$profile" 2>/dev/null || echo 0)
    ((n >= expected)) && break
    sleep 1
  done
  if [[ -n $profile ]] && jq -e '.id' >/dev/null 2>&1 <<<"$profile"; then
    jq -r '"  profile     \(.id) (\(.trust))", "  identities  \(.identities | tostring)",
      "  responses   \(.computed.responseCount), last NPS \(.computed.lastNps); newest of the timeline:",
      (.timeline[] | "    \(tostring)")' <<<"$profile"
    ((n >= expected)) || { warn "the profile counts $n responses, expected $expected"; failed=1; }
  else
    warn "no profile for $who after 30 s"
    failed=1
  fi
  ((failed == 0)) || die "demo finished with differences (see above)"
  ok "demo passed"
}

