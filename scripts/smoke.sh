#!/usr/bin/env bash
# End-to-end smoke test against a running deployment (OPS-2):
#   ./scripts/smoke.sh [BASE_URL] [--org ORG] [--token JWT] [--wait SECONDS]
# health → ready → connect → profile → dashboard → memo → feedback → feedback summary → disconnect, as an admin of ORG
# (default org_smoke; X-Tenant-Id/X-User-Role headers, plus a bearer token with --token for AUTH_MODE=jwt). Workflows
# that outlast the route's bounded wait (202) are followed on their status URL. One line per step; exit 0 only when
# every step passed, else 1. Needs curl and node (which the repository's Azurite already needs).
set -uo pipefail

base=http://127.0.0.1:8000
org=org_smoke
token=
wait_limit=600
while (($#)); do
  case $1 in
    --org) org=$2; shift 2 ;;
    --token) token=$2; shift 2 ;;
    --wait) wait_limit=$2; shift 2 ;;
    -h | --help) sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "smoke.sh: unknown option $1" >&2; exit 2 ;;
    *) base=${1%/}; shift ;;
  esac
done
for tool in curl node; do
  command -v "$tool" >/dev/null || { echo "smoke.sh: $tool is needed" >&2; exit 2; }
done

failures=0
status= body=

# request METHOD PATH [JSON] → sets status and body.
request() {
  local out
  local -a headers=(-H "X-Tenant-Id: $org" -H "X-User-Role: admin" -H "Content-Type: application/json")
  [[ -n $token ]] && headers+=(-H "Authorization: Bearer $token")
  out=$(curl -s -m 120 -w $'\n%{http_code}' -X "$1" "$base$2" "${headers[@]}" ${3:+--data "$3"}) || { status=000 body="transport error (curl exit $?)"; return; }
  status=${out##*$'\n'}
  body=${out%$'\n'*}
}

# field EXPR → the JS expression's value over the last body (bound to `b`), or empty.
field() {
  BODY=$body node -e '
    let b; try { b = JSON.parse(process.env.BODY); } catch { process.exit(0); }
    let v; try { v = eval(process.argv[1]); } catch { process.exit(0); }
    if (v !== undefined && v !== null) process.stdout.write(typeof v === "object" ? JSON.stringify(v) : String(v));
  ' "$1"
}

# step NAME CONDITION-DESCRIPTION → prints the verdict from $verdict (empty = ok) and the elapsed time.
step_started=0
begin() { step_started=$(date +%s%3N); }
report() { # NAME FAILURE-REASON
  local ms=$(($(date +%s%3N) - step_started))
  if [[ -z $2 ]]; then
    printf 'ok    %-18s %6d ms\n' "$1" "$ms"
  else
    printf 'FAIL  %-18s %6d ms  %s\n' "$1" "$ms" "$2"
    failures=$((failures + 1))
  fi
}
expect_status() { # WANT → empty or a reason
  [[ $status == "$1" ]] || printf 'HTTP %s (want %s): %.300s' "$status" "$1" "$body"
}

# A workflow trigger answered 202: follow its status URL until it is final; leaves the run's result in body.
follow() {
  local url deadline=$((SECONDS + wait_limit)) state
  url=$(field 'b.status_url')
  [[ -n $url ]] || return
  while ((SECONDS < deadline)); do
    request GET "$url"
    state=$(field 'b.status')
    if [[ $status == 200 && $state != running && $state != queued && -n $state ]]; then
      local result
      result=$(field 'b.result')
      [[ -n $result ]] && body=$result
      status=200
      return
    fi
    sleep 1
  done
  status=504 body="still running after ${wait_limit}s: $body"
}

workflow() { # NAME PATH CHECK-EXPR → runs the workflow, checks status success and the extra expression
  begin
  request POST "$2"
  [[ $status == 202 ]] && follow
  local reason
  reason=$(expect_status 200)
  if [[ -z $reason ]]; then
    local result
    result=$(field 'b.status')
    [[ $result == success ]] || reason="status '$result' (want success): $(printf '%.300s' "$body")"
  fi
  if [[ -z $reason && -n $3 ]]; then
    [[ $(field "$3") == true ]] || reason="check failed ($3): $(printf '%.300s' "$body")"
  fi
  report "$1" "$reason"
}

echo "smoke test of $base as admin of $org"
begin; request GET /health; report health "$(expect_status 200)"
begin; request GET /ready; report ready "$(expect_status 200)"

begin
request POST /api/v1/connectors/bigquery "{\"org_id\":\"$org\"}"
reason=$(expect_status 200)
[[ -z $reason && $(field 'b.status') != active ]] && reason="connection status '$(field 'b.status')' (want active)"
report connect "$reason"

workflow profile "/api/v1/workflows/profile?org_id=$org" ''
workflow dashboard "/api/v1/workflows/dashboard?org_id=$org" 'typeof b.artifact_id === "string" && b.artifact_id.length > 0'
workflow memo "/api/v1/workflows/memo?org_id=$org" 'b.validation && b.validation.passed === true'
memo_artifact=$(field 'b.artifact_id')

begin
if [[ -n $memo_artifact ]]; then
  request POST /api/v1/feedback "{\"tenant_id\":\"$org\",\"user_id\":\"smoke\",\"artifact_id\":\"$memo_artifact\",\"artifact_version\":1,\"artifact_type\":\"memo\",\"feedback_type\":\"positive\",\"comment\":\"smoke test\"}"
  report feedback "$(expect_status 200)"
else
  report feedback "no memo artifact to give feedback on"
fi

begin
request GET "/api/v1/feedback/summary?org_id=$org"
report feedback-summary "$(expect_status 200)"

begin
request POST "/api/v1/connectors/conn_$org/disconnect?org_id=$org"
reason=$(expect_status 200)
[[ -z $reason && $(field 'b.status') != disconnected ]] && reason="status '$(field 'b.status')' (want disconnected): $(printf '%.300s' "$body")"
report disconnect "$reason"

if ((failures)); then
  echo "smoke test failed: $failures step(s)"
  exit 1
fi
echo "smoke test passed"
