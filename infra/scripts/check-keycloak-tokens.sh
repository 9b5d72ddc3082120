#!/usr/bin/env bash
# Checks that the hearken realm issues the tokens the gateway relies on: for every demo user (password grant
# on hearken-web) and both partner clients (client credentials), the access token must carry the expected
# realm role in realm_access.roles and the expected `tenant` claim.
#
#   infra/scripts/check-keycloak-tokens.sh [keycloak-url]     (default: $KEYCLOAK_URL or http://localhost:8180)
set -euo pipefail

KC="${1:-${KEYCLOAK_URL:-http://localhost:8180}}"
TOKEN_URL="$KC/realms/hearken/protocol/openid-connect/token"
failures=0

claims() { # JWT -> its payload as JSON (base64url, padding restored)
  local payload
  payload=$(cut -d. -f2 <<<"$1" | tr '_-' '/+')
  while ((${#payload} % 4)); do payload="$payload="; done
  base64 -d <<<"$payload"
}

check() { # label expected-role expected-tenant curl-form-args...
  local label=$1 role=$2 tenant=$3 answer token body
  shift 3
  answer=$(curl -sS -m 10 "$TOKEN_URL" "$@") || { echo "FAIL $label: no answer from $TOKEN_URL"; failures=$((failures + 1)); return; }
  token=$(jq -r '.access_token // empty' <<<"$answer")
  if [[ -z $token ]]; then
    echo "FAIL $label: $(jq -c . <<<"$answer" 2>/dev/null || echo "$answer")"
    failures=$((failures + 1))
    return
  fi
  body=$(claims "$token")
  local roles got_tenant
  roles=$(jq -c '[.realm_access.roles[]? | select(. != "offline_access" and . != "uma_authorization" and . != "default-roles-hearken")]' <<<"$body")
  got_tenant=$(jq -r '.tenant // "-"' <<<"$body")
  if { [[ -z $role ]] && [[ $roles == "[]" ]]; } || { [[ -n $role ]] && jq -e --arg r "$role" 'index($r)' >/dev/null <<<"$roles"; }; then
    if [[ $got_tenant == "$tenant" ]]; then
      printf 'ok   %-24s roles=%-12s tenant=%-7s aud=%s\n' "$label" "$roles" "$got_tenant" "$(jq -c .aud <<<"$body")"
      return
    fi
  fi
  printf 'FAIL %-24s roles=%s tenant=%s (expected role %s, tenant %s)\n' "$label" "$roles" "$got_tenant" "${role:-none}" "$tenant"
  failures=$((failures + 1))
}

user() { check "user $1" "$2" "$3" -d grant_type=password -d client_id=hearken-web -d "username=$1" -d password=hearken-demo; }
partner() { check "client $1" partner "$3" -d grant_type=client_credentials -d "client_id=$1" -d "client_secret=$2"; }

user alice admin acme
user arthur analyst acme
user agatha agent acme
user gina admin globex
user nora '' acme
user petra partner acme
partner hearken-partner-acme partner-secret-acme acme
partner hearken-partner-globex partner-secret-globex globex

# Negative checks: a wrong password and a wrong client secret must be refused.
if curl -sf -o /dev/null "$TOKEN_URL" -d grant_type=password -d client_id=hearken-web -d username=alice -d password=wrong; then
  echo "FAIL a wrong password got a token"; failures=$((failures + 1))
else
  echo "ok   wrong password refused"
fi
if curl -sf -o /dev/null "$TOKEN_URL" -d grant_type=client_credentials -d client_id=hearken-partner-acme -d client_secret=wrong; then
  echo "FAIL a wrong client secret got a token"; failures=$((failures + 1))
else
  echo "ok   wrong client secret refused"
fi

((failures == 0)) || { echo "$failures check(s) failed"; exit 1; }
echo "all token checks passed ($KC)"
