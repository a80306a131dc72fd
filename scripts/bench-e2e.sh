#!/usr/bin/env bash
# End-to-end benchmark on the demo warehouse (run through `scripts/bench.sh e2e [--burst N[,N...]]`):
#  1. one tenant, stage by stage over HTTP: connect → profile → dashboard → memo, wall time per stage;
#  2. a burst: N fresh tenants connected, then a server started with the weekly memo timer on: its first tick starts
#     every due tenant's memo (each profiles first) through admission; time until all are done and the peak number of
#     memos queued (summed over the tenants' run lists, sampled every 2 s).
# Own Azurite on free ports, a temporary task hub, the shared demo warehouse (.data/demo-warehouse.duckdb).
set -euo pipefail

AP_SCRIPT=bench-e2e.sh
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$AP_ROOT"

bursts=20
while (($#)); do
  case $1 in
    --burst) bursts=$2; shift 2 ;;
    *) ap_die "unknown argument $1 (usage: bench.sh e2e [--burst N[,N...]])" ;;
  esac
done
command -v jq >/dev/null || ap_die "jq is needed (apt-get install -y jq)"
ap_require_tools
ap_ensure_node_modules

work=$(mktemp -d "${TMPDIR:-/tmp}/autopilot-e2e.XXXXXX")
AP_AZURITE_PID=
server_pid=
# shellcheck disable=SC2317 # invoked by the traps below
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  ap_stop_group "$server_pid" "Autopilot server" 20
  ap_stop_group "$AP_AZURITE_PID" Azurite 10
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

read -r blob_port queue_port table_port server_port < <(ap_pick_free_ports 4)
ap_start_azurite "$work/azurite" "$work/azurite.log" "$blob_port" "$queue_port" "$table_port"
ap_log "building Autopilot.Server (Release) ..."
ap_dotnet build Autopilot.Server -c Release -v quiet -nologo 2>&1 | ap_hide_nu1603 || ap_die "build failed"
ap_wait_azurite "$AP_AZURITE_PID" "$work/azurite.log" "$blob_port" "$queue_port" "$table_port" || ap_die "Azurite did not start"
# Run a private copy of the build so builds in this work tree (under the build lock) can go on meanwhile.
flock -s "$AP_BUILD_LOCK" cp -r Autopilot.Server/bin/Release/net10.0 "$work/server"

export AZURE_STORAGE_CONNECTION_STRING
AZURE_STORAGE_CONNECTION_STRING=$(ap_azurite_connection_string "$blob_port" "$queue_port" "$table_port")
export TASKHUB_NAME="e2e$RANDOM"
export AUTOPILOT_ENCRYPTION_KEY
AUTOPILOT_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)
export DEMO_WAREHOUSE_PATH=${DEMO_WAREHOUSE_PATH:-$AP_ROOT/.data/demo-warehouse.duckdb}
export ASPNETCORE_URLS="http://127.0.0.1:$server_port"
export Logging__LogLevel__Default=Warning
base="http://127.0.0.1:$server_port"

start_server() { # $1: MEMO_TIMER_ENABLED
  MEMO_TIMER_ENABLED=$1 MEMO_TIMER_INTERVAL=00:00:01 setsid dotnet "$work/server/Autopilot.Server.dll" >"$work/server.log" 2>&1 </dev/null &
  server_pid=$!
  local deadline=$((SECONDS + 300))
  until curl -sf "$base/health" >/dev/null; do
    ((SECONDS < deadline)) && ap_pid_alive "$server_pid" || { tail -20 "$work/server.log" >&2; ap_die "the server did not start"; }
    sleep 0.5
  done
}
stop_server() { ap_stop_group "$server_pid" "Autopilot server" 20; server_pid=; }

call() { # METHOD PATH TENANT [BODY] → body on stdout
  curl -s -X "$1" "$base/$2" -H "X-Tenant-Id: $3" -H "X-User-Role: admin" -H 'Content-Type: application/json' ${4:+--data "$4"}
}
now_ms() { date +%s%3N; }
# Starts a workflow and follows it to its end; prints its final status.
run_stage() { # PATH TENANT
  local id status
  id=$(call POST "$1" "$2" | jq -r '.workflow_id')
  [[ $id != null ]] || ap_die "$1 did not start a workflow"
  while :; do
    status=$(call GET "api/v1/workflows/$id/status?org_id=$2" "$2" | jq -r '.status')
    case $status in success | partial_failure | failed | dead_letter | cancelled) echo "$status"; return ;; esac
    sleep 0.2
  done
}

ap_log "stage timings (one tenant) ..."
start_server false
tenant=org_e2e_stages
t=$(now_ms); call POST api/v1/connectors/bigquery "$tenant" "{\"org_id\":\"$tenant\"}" >/dev/null; connect_ms=$(($(now_ms) - t))
t=$(now_ms); profile=$(run_stage "api/v1/workflows/profile?org_id=$tenant&wait_seconds=0" "$tenant"); profile_ms=$(($(now_ms) - t))
t=$(now_ms); dashboard=$(run_stage "api/v1/workflows/dashboard?org_id=$tenant&wait_seconds=0" "$tenant"); dashboard_ms=$(($(now_ms) - t))
t=$(now_ms); memo=$(run_stage "api/v1/workflows/memo?org_id=$tenant&wait_seconds=0" "$tenant"); memo_ms=$(($(now_ms) - t))
printf 'stage      wall ms  status\nconnect    %7d  -\nprofile    %7d  %s\ndashboard  %7d  %s\nmemo       %7d  %s\n' \
  "$connect_ms" "$profile_ms" "$profile" "$dashboard_ms" "$dashboard" "$memo_ms" "$memo"

IFS=, read -r -a sizes <<<"$bursts"
for n in "${sizes[@]}"; do
  ap_log "burst: $n fresh tenants' weekly memos from one timer tick ..."
  tenants=()
  for ((i = 0; i < n; i++)); do tenants+=("org_burst${n}_$i"); done
  printf '%s\n' "${tenants[@]}" | xargs -P 8 -I{} curl -s -o /dev/null -X POST "$base/api/v1/connectors/bigquery" \
    -H "X-Tenant-Id: {}" -H "X-User-Role: admin" -H 'Content-Type: application/json' --data '{"org_id":"{}"}'
  stop_server
  t=$(now_ms)
  start_server true
  peak=0 done=0
  while ((done < n)); do
    counts=$(printf '%s\n' "${tenants[@]}" | xargs -P 8 -I{} curl -s "$base/api/v1/workflows/runs?org_id={}&workflow_type=memo" \
      -H "X-Tenant-Id: {}" -H "X-User-Role: member" | jq -r '.items[0].status // "none"' | sort | uniq -c)
    queued=$(awk '$2 == "queued" {print $1}' <<<"$counts"); queued=${queued:-0}
    done=$(awk '$2 ~ /^(success|partial_failure|failed|dead_letter|cancelled)$/ {s += $1} END {print s + 0}' <<<"$counts")
    ((queued > peak)) && peak=$queued
    sleep 2
  done
  elapsed=$(($(now_ms) - t))
  printf 'burst N=%d: all memos done %d ms after the server (timer) started; peak queued %d; statuses:\n%s\n' "$n" "$elapsed" "$peak" "$counts"
  stop_server
  start_server false
done
