#!/usr/bin/env bash
# Mail: GreenMail's standalone SMTP server from Maven Central (infra/mail/pom.xml), where survey invitations go in
# local runs and tests; its HTTP API shows what arrived. A real SMTP server drops in through SMTP_HOST/SMTP_PORT.
# Sourced by ./hearken; run on its own as infra/mail/mail.sh start|stop|ready|purge|data-dir.
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh disable=SC2034 # (settings read by the other scripts)
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

MAIL_POM="$ROOT/infra/mail/pom.xml"

mail_configure() {
  MAIL_SMTP_PORT="${HEARKEN_SMTP_PORT:-3025}"
  MAIL_API_PORT="${HEARKEN_MAIL_API_PORT:-8025}"
  MAIL_STARTED=0
}

mail_data_dir() { printf '%s/mail\n' "$RUN"; }

ensure_mail_classpath() {
  MAIL_CP_FILE="$CACHE_DIR/mail-classpath-$(sha1sum "$MAIL_POM" | cut -c1-10).txt"
  if [[ -s $MAIL_CP_FILE && -f $(cut -d: -f1 <"$MAIL_CP_FILE") ]]; then return 0; fi
  info "resolving the GreenMail server with Maven (once)"
  mkdir -p "$CACHE_DIR"
  mvnw -q -f "$MAIL_POM" dependency:build-classpath -Dmdep.outputFile="$MAIL_CP_FILE.tmp" >"$RUN/logs/mail-classpath.log" 2>&1 \
    || fail_with_log mail-classpath "could not resolve GreenMail (Maven Central reachable?)"
  mv -f "$MAIL_CP_FILE.tmp" "$MAIL_CP_FILE"
}

mail_start() {
  MAIL_STARTED=0
  if running_pid mail >/dev/null; then
    ok "mail already running (pid $(running_pid mail), smtp localhost:$(recorded_port mail "$MAIL_SMTP_PORT"))"
    return
  fi
  require_port_free "$MAIL_SMTP_PORT" "mail (smtp)"
  require_port_free "$MAIL_API_PORT" "mail (api)"
  mkdir -p "$RUN/mail"
  ensure_mail_classpath
  MAIL_T0=$(now_ms)
  # Auth disabled: any sender and recipient is accepted; each recipient gets a mailbox when mail arrives.
  start_bg mail "$RUN/mail" "$JAVA" -Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "$(marker)" \
    -Dhearken.component=mail -Dgreenmail.auth.disabled \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$MAIL_SMTP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
    -cp "$(<"$MAIL_CP_FILE")" com.icegreen.greenmail.standalone.GreenMailStandaloneRunner
  printf '%s' "$MAIL_SMTP_PORT" >"$(port_file mail)"
  MAIL_STARTED=1
  record_started mail
  info "mail starting (pid $(<"$(pid_file mail)"), smtp localhost:$MAIL_SMTP_PORT, api localhost:$MAIL_API_PORT)"
}

mail_api_url() { printf 'http://127.0.0.1:%s\n' "$MAIL_API_PORT"; }

mail_ready() { [[ $(http_code "$(mail_api_url)/api/service/readiness") == 200 ]]; }

mail_wait_ready() {
  ((MAIL_STARTED)) || return 0
  wait_until mail 60 "$(<"$(pid_file mail)")" mail_ready
  ok "mail ready in $(since "$MAIL_T0")"
}

mail_stop() { stop_processes 10 mail; }

mail_purge() { rm -rf "$RUN/mail"; }

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then set -euo pipefail; component_main mail "$@"; fi
