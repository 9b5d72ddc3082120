# shellcheck shell=bash
# ./hearken dead-letters: the operator's view of the dead-letter topic (every tenant, every consumer) and its
# redrive, through survey-service's management interface (never the API port, never the gateway). See README.md,
# "Dead letters". Sourced by ./hearken (needs common.sh and services.sh).

cmd_dead_letters() {
  local action=list query=() format=text arg
  if [[ ${1:-} == list || ${1:-} == redrive ]]; then action=$1; shift; fi
  while [[ $# -gt 0 ]]; do
    arg=$1
    case $arg in
      --tenant | --consumer | --id)
        [[ $# -ge 2 ]] || die "dead-letters: $arg needs a value"
        query+=(--data-urlencode "${arg#--}=$2"); shift 2 ;;
      --again) query+=(--data-urlencode "again=true"); shift ;;
      --json) format=json; shift ;;
      *) die "dead-letters: unknown option $arg (dead-letters [list|redrive] [--tenant T] [--consumer C] [--id ID]... [--again] [--json])" ;;
    esac
  done
  local base
  base="$(service_management_url survey-service)/q/dead-letters"
  service_ready survey-service || die "survey-service is not running or not ready ($base); ./hearken up first"
  if [[ $format == text ]]; then query+=(--data-urlencode "format=text"); fi
  if [[ $action == list ]]; then
    curl -sS -f -G "${query[@]}" "$base" || die "listing dead letters failed ($base)"
  else
    info "handing dead letters back to their consumers"
    curl -sS -f -X POST -G "${query[@]}" "$base/redrive" || die "redrive failed ($base/redrive)"
  fi
}
