#!/usr/bin/env bash
# Starts Autopilot locally: Azurite (the Azure Storage emulator, data in azurite/) on 127.0.0.1:10000-10002
# and the self-hosted server (Autopilot.Server) on ASPNETCORE_URLS (default http://127.0.0.1:8000).
# Ctrl-C stops both. Configuration: environment variables, see README.md.
# With AZURE_STORAGE_CONNECTION_STRING set, that storage account is used and Azurite is not started.
set -euo pipefail

AP_SCRIPT=run.sh
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$AP_ROOT"

ready_timeout=${AP_READY_TIMEOUT:-120}
blob_port=10000 queue_port=10001 table_port=10002
AP_AZURITE_PID=
server_pid=

# shellcheck disable=SC2317 # invoked by the traps below
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  ap_stop_group "$server_pid" "Autopilot server" 20
  ap_stop_group "$AP_AZURITE_PID" Azurite 10
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ap_require_tools
ap_ensure_node_modules

ap_log "restoring and building Autopilot.Server (Release) ..."
ap_dotnet restore Autopilot.Server/Autopilot.Server.csproj -v quiet 2>&1 | ap_hide_nu1603 || ap_die "dotnet restore failed"
ap_dotnet build Autopilot.Server/Autopilot.Server.csproj -c Release --no-restore -v quiet -nologo 2>&1 | ap_hide_nu1603 ||
  ap_die "build failed"

# --- storage -------------------------------------------------------------------------------------------
if [[ -n ${AZURE_STORAGE_CONNECTION_STRING:-} ]]; then
  ap_log "AZURE_STORAGE_CONNECTION_STRING is set: using it, not starting Azurite."
  storage_note="AZURE_STORAGE_CONNECTION_STRING (as set)"
else
  free=0 azurite=0
  for entry in Blob:$blob_port Queue:$queue_port Table:$table_port; do
    service=${entry%%:*} port=${entry#*:}
    if ! ap_port_open "$port"; then
      free=$((free + 1))
    elif ap_is_azurite "$service" "$port"; then
      azurite=$((azurite + 1))
    else
      ap_die "port $port (Azurite's $service port) is in use by something that is not Azurite. Stop it, or point AZURE_STORAGE_CONNECTION_STRING at another storage account."
    fi
  done
  if ((azurite == 3)); then
    ap_log "Azurite already answers on 127.0.0.1:$blob_port-$table_port: using it (it will be left running)."
    storage_note="Azurite already running on 127.0.0.1:$blob_port-$table_port (not started by run.sh)"
  elif ((free == 3)); then
    mkdir -p azurite
    ap_log "starting Azurite on 127.0.0.1:$blob_port-$table_port (data in azurite/, log in azurite/azurite.log) ..."
    ap_start_azurite azurite azurite/azurite.log "$blob_port" "$queue_port" "$table_port"
    ap_wait_azurite "$AP_AZURITE_PID" azurite/azurite.log "$blob_port" "$queue_port" "$table_port" ||
      ap_die "Azurite did not start"
    storage_note="Azurite on 127.0.0.1:$blob_port-$table_port (data in azurite/)"
  else
    ap_die "only part of Azurite answers on ports $blob_port-$table_port (blob, queue, table); stop that instance and run again."
  fi
  # The well-known development account on the default ports.
  export AZURE_STORAGE_CONNECTION_STRING=UseDevelopmentStorage=true
fi

# --- secrets and defaults ------------------------------------------------------------------------------
if [[ -z ${AUTOPILOT_ENCRYPTION_KEY:-} ]]; then
  key_file=azurite/dev-encryption-key
  if [[ ! -s $key_file ]]; then
    mkdir -p azurite
    (umask 077 && head -c 32 /dev/urandom | base64 >"$key_file")
    ap_log "generated a development encryption key in $key_file (git-ignored; keep it to read stored credentials)."
  fi
  AUTOPILOT_ENCRYPTION_KEY=$(<"$key_file")
  export AUTOPILOT_ENCRYPTION_KEY
fi
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:8000}
# `dotnet run` starts the server in its project folder: anchor the demo warehouse at the repository root.
export DEMO_WAREHOUSE_PATH=${DEMO_WAREHOUSE_PATH:-$AP_ROOT/.data/demo-warehouse.duckdb}

# The first URL, with a wildcard host turned into loopback for probing.
base_url=${ASPNETCORE_URLS%%;*}
base_url=${base_url%/}
case $base_url in
  *://0.0.0.0:* | *://\*:* | *://+:* | *://\[::\]:*) base_url="http://127.0.0.1:${base_url##*:}" ;;
esac
server_port=${base_url##*:}
if [[ $server_port =~ ^[0-9]+$ ]] && ap_port_open "$server_port"; then
  ap_die "port $server_port is already in use (is Autopilot already running?). Stop it or set ASPNETCORE_URLS."
fi

# --- server ----------------------------------------------------------------------------------------------
ap_log "starting Autopilot.Server on $ASPNETCORE_URLS ..."
setsid dotnet run --project Autopilot.Server -c Release --no-build --no-launch-profile </dev/null &
server_pid=$!

# The first start generates the demo warehouse (~1M rows), so readiness can take a while.
ready=0 status="000 -"
deadline=$((SECONDS + ready_timeout))
while ((SECONDS < deadline)); do
  if ! ap_pid_alive "$server_pid"; then
    wait "$server_pid" && rc=0 || rc=$?
    server_pid=
    ap_die "the server exited during start-up (exit $rc); see its output above."
  fi
  status=$(ap_http_probe "$base_url/ready")
  if [[ $status == "200 "* ]]; then ready=1 && break; fi
  sleep 0.5
done

if ((ready)); then
  ap_log "ready after $SECONDS s"
else
  ap_log "warning: $base_url/ready did not answer 200 within $ready_timeout s (last answer: HTTP ${status%% *} $(ap_http_body "$base_url/ready" | head -c 300)); leaving the server running."
fi
cat <<EOF

Autopilot is running.
  health:  $base_url/health
  ready:   $base_url/ready
  API:     $base_url/api/v1/   (headers X-Tenant-Id and X-User-Role; see README.md)
  storage: $storage_note
Press Ctrl-C to stop.

EOF

# Runs until the server exits or Ctrl-C; the EXIT trap stops whatever this script started.
wait "$server_pid"
