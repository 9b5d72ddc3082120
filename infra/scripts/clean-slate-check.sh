#!/usr/bin/env bash
# Clean-slate check: up, down --purge, up, demo, down --purge on a run dir and ports of its own, so it collides
# with nothing (not a developer's ./hearken up, not ./hearken test's infrastructure). It proves that a purged run
# dir leaves nothing behind that stops the next up (PostgreSQL's fallback directory included), that the demo
# passes on fresh data (and leaves no dead letter), and that purge stops everything. ./hearken test runs it after the Maven suite.
#
#   infra/scripts/clean-slate-check.sh      (HEARKEN_CLEAN_SLATE_RUN_DIR to choose the run dir)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export HEARKEN_RUN_DIR="${HEARKEN_CLEAN_SLATE_RUN_DIR:-$ROOT/target/clean-slate-run}"
export HEARKEN_KAFKA_PORT=26092 HEARKEN_KAFKA_CONTROLLER_PORT=26093 HEARKEN_PG_PORT=26432 HEARKEN_MONGO_PORT=26017
export HEARKEN_KEYCLOAK_PORT=26180 HEARKEN_KEYCLOAK_MGMT_PORT=26190 HEARKEN_REDIS_PORT=26379
export HEARKEN_GATEWAY_PORT=26080 HEARKEN_SURVEY_PORT=26081 HEARKEN_PROFILE_PORT=26082 HEARKEN_INSIGHT_PORT=26083
export HEARKEN_WEBHOOK_PORT=26084
export HEARKEN_GATEWAY_MANAGEMENT_PORT=26400 HEARKEN_SURVEY_MANAGEMENT_PORT=26401
export HEARKEN_PROFILE_MANAGEMENT_PORT=26402 HEARKEN_INSIGHT_MANAGEMENT_PORT=26403 HEARKEN_WEBHOOK_MANAGEMENT_PORT=26404
export HEARKEN_DEMO_RESPONSES="${HEARKEN_DEMO_RESPONSES:-12}"
# its own infrastructure, never one the shell points at
unset POSTGRES_HOST POSTGRES_PORT POSTGRES_USER POSTGRES_PASSWORD MONGODB_URI KAFKA_BOOTSTRAP_SERVERS KEYCLOAK_URL \
  HEARKEN_REDIS_URL

hearken() { "$ROOT/hearken" "$@"; }
t0=$(date +%s)
step() { printf '\n==> clean-slate check (%s s): ./hearken %s\n' "$(($(date +%s) - t0))" "$*"; }
failed() {
  local rc=$?
  trap - EXIT
  if ((rc != 0)); then
    printf 'error: clean-slate check failed (exit %s); stopping and purging %s\n' "$rc" "$HEARKEN_RUN_DIR" >&2
    hearken down --purge >/dev/null 2>&1 || true
  fi
  exit "$rc"
}
trap failed EXIT

step up;            hearken up >/dev/null
step down --purge;  hearken down --purge
leftover=$(find "$HEARKEN_RUN_DIR" -mindepth 1 -maxdepth 1 ! -name .lock -print -quit)
[[ -z $leftover ]] || { echo "error: down --purge left $leftover" >&2; exit 1; }
step up;            hearken up >/dev/null
step demo;          hearken demo
# The demo sends nothing a consumer refuses: the operator's view of dead letters answers, and is empty.
step dead-letters;  letters=$(hearken dead-letters)
[[ $letters == "no dead letters" ]] || { echo "error: dead letters after the demo: $letters" >&2; exit 1; }
step down --purge;  hearken down --purge
if pgrep -f -- "-Dhearken.run=$HEARKEN_RUN_DIR( |$)" >/dev/null; then
  echo "error: processes of $HEARKEN_RUN_DIR still run after down --purge" >&2
  exit 1
fi
printf '\nclean-slate check passed in %s s\n' "$(($(date +%s) - t0))"
