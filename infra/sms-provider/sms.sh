#!/usr/bin/env bash
# SMS provider stand-in (infra/sms-provider/SmsProviderStandIn.java, run from source by the JDK): where survey
# invitations by SMS go in local runs and tests; it records them (GET /v1/messages?to=). A real provider drops in
# through SMS_PROVIDER_URL and its credentials.
# Sourced by ./hearken; run on its own as infra/sms-provider/sms.sh start|stop|ready|purge|data-dir.
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh disable=SC2034 # (settings read by the other scripts)
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

sms_configure() {
  SMS_PORT="${HEARKEN_SMS_PORT:-8026}"
  SMS_STARTED=0
}

sms_data_dir() { printf '%s/sms\n' "$RUN"; }

sms_start() {
  SMS_STARTED=0
  if running_pid sms >/dev/null; then
    ok "sms already running (pid $(running_pid sms), localhost:$(recorded_port sms "$SMS_PORT"))"
    return
  fi
  require_port_free "$SMS_PORT" "sms provider stand-in"
  mkdir -p "$RUN/sms"
  SMS_T0=$(now_ms)
  start_bg sms "$RUN/sms" "$JAVA" -Xms16m -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "$(marker)" \
    -Dhearken.component=sms "$ROOT/infra/sms-provider/SmsProviderStandIn.java" --port "$SMS_PORT"
  printf '%s' "$SMS_PORT" >"$(port_file sms)"
  SMS_STARTED=1
  record_started sms
  info "sms provider stand-in starting (pid $(<"$(pid_file sms)"), localhost:$SMS_PORT)"
}

sms_url() { printf 'http://127.0.0.1:%s\n' "$(recorded_port sms "$SMS_PORT")"; }

sms_ready() { [[ $(http_code "$(sms_url)/health") == 200 ]]; }

sms_wait_ready() {
  ((SMS_STARTED)) || return 0
  wait_until sms 60 "$(<"$(pid_file sms)")" sms_ready
  ok "sms provider stand-in ready in $(since "$SMS_T0")"
}

sms_stop() { stop_processes 10 sms; }

sms_purge() { rm -rf "$RUN/sms"; }

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then set -euo pipefail; component_main sms "$@"; fi
