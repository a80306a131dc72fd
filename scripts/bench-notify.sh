#!/usr/bin/env bash
# Alert notification delivery benchmark (run through `scripts/bench.sh notify [args]`): own Azurite on free ports, a
# server with ALERT_MINUTE shortened (default 00:00:01), then `Autopilot.Benchmarks notify` raises alerts routed to an
# in-process receiver and reports notifications/s and the delay from due time to delivery (args go to it; --help).
set -euo pipefail

AP_SCRIPT=bench-notify.sh
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$AP_ROOT"

alert_minute_ms=1000
args=()
while (($#)); do
  case $1 in
    --alert-minute-ms) alert_minute_ms=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
ap_require_tools
ap_ensure_node_modules

work=$(mktemp -d "${TMPDIR:-/tmp}/autopilot-notify.XXXXXX")
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
if [[ ${AP_BENCH_NO_BUILD:-} != 1 ]]; then
  ap_log "building Autopilot.Benchmarks and the server (Release) ..."
  ap_dotnet build Autopilot.Benchmarks -c Release -v quiet -nologo 2>&1 | ap_hide_nu1603 || ap_die "build failed"
fi
ap_wait_azurite "$AP_AZURITE_PID" "$work/azurite.log" "$blob_port" "$queue_port" "$table_port" || ap_die "Azurite did not start"
# Private copies, so builds in this work tree (under the build lock) can go on meanwhile.
flock -s "$AP_BUILD_LOCK" cp -r Autopilot.Server/bin/Release/net10.0 "$work/server"
flock -s "$AP_BUILD_LOCK" cp -r Autopilot.Benchmarks/bin/Release/net10.0 "$work/bench"

base="http://127.0.0.1:$server_port"
AZURE_STORAGE_CONNECTION_STRING=$(ap_azurite_connection_string "$blob_port" "$queue_port" "$table_port") \
  TASKHUB_NAME="ntf$RANDOM" AUTOPILOT_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64) \
  DEMO_WAREHOUSE_PATH=${DEMO_WAREHOUSE_PATH:-$AP_ROOT/.data/demo-warehouse.duckdb} ASPNETCORE_URLS=$base \
  ALERT_MINUTE=$(printf '00:00:%02d.%03d' $((alert_minute_ms / 1000)) $((alert_minute_ms % 1000))) MEMO_TIMER_ENABLED=false \
  NOTIFY_ALLOW_PRIVATE_TARGETS=true Logging__LogLevel__Default=Warning setsid dotnet "$work/server/Autopilot.Server.dll" >"$work/server.log" 2>&1 </dev/null &
server_pid=$!
deadline=$((SECONDS + 300))
until curl -sf "$base/health" >/dev/null; do
  ((SECONDS < deadline)) && ap_pid_alive "$server_pid" || { tail -20 "$work/server.log" >&2; ap_die "the server did not start"; }
  sleep 0.5
done
ap_log "running: Autopilot.Benchmarks notify --server $base --alert-minute-ms $alert_minute_ms ${args[*]}"
dotnet "$work/bench/Autopilot.Benchmarks.dll" notify --server "$base" --alert-minute-ms "$alert_minute_ms" "${args[@]}"
