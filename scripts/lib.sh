# shellcheck shell=bash
# Shared helpers for scripts/run.sh and scripts/test.sh. Source it, don't run it.
# Needs bash, coreutils, util-linux (setsid, flock), node and npm; nothing else (no python, curl or ps).

AP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Every dotnet command takes this lock so that parallel builds in one work tree don't collide.
AP_BUILD_LOCK="${AP_BUILD_LOCK:-/tmp/ap-build.lock}"
# The Azurite well-known development account (public, documented by Microsoft; not a secret).
AP_AZURITE_ACCOUNT_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

ap_log() { printf '[%s] %s\n' "${AP_SCRIPT:-autopilot}" "$*" >&2; }
ap_die() { ap_log "error: $*"; exit 1; }

ap_require_tools() {
  command -v dotnet >/dev/null 2>&1 ||
    ap_die "dotnet not found: install the .NET 10 SDK (see global.json) and put 'dotnet' on PATH."
  command -v node >/dev/null 2>&1 ||
    ap_die "node not found: install Node.js 20 or later (Azurite, the storage emulator, runs on it)."
  command -v npm >/dev/null 2>&1 ||
    ap_die "npm not found: install npm (it comes with Node.js) to install Azurite from package-lock.json."
}

# Runs dotnet under the shared build lock (exclusive).
ap_dotnet() { flock "$AP_BUILD_LOCK" dotnet "$@"; }

# Filters the expected NU1603 warnings (the package mirror substitutes newer dependencies; see
# Directory.Build.props) out of dotnet output. Use with pipefail so the dotnet status survives.
ap_hide_nu1603() { sed -u "/: warning NU1603: /d"; }

# Installs the pinned Node tools (Azurite) from package-lock.json when they are missing.
# Installs node_modules from package-lock.json when absent or installed from another lock (a stamp of the lock's
# hash is kept beside it), so a pinned version change reaches every work tree on its next run.
ap_ensure_node_modules() {
  local stamp="$AP_ROOT/node_modules/.autopilot-lock-sha256" want
  want=$(sha256sum "$AP_ROOT/package-lock.json" | cut -d' ' -f1)
  if [[ -x "$AP_ROOT/node_modules/.bin/azurite" && -f $stamp && $(cat "$stamp") == "$want" ]]; then return 0; fi
  ap_log "installing Node tools from package-lock.json (npm ci) ..."
  (cd "$AP_ROOT" && npm ci --no-audit --no-fund --loglevel=error) || ap_die "npm ci failed"
  [[ -x "$AP_ROOT/node_modules/.bin/azurite" ]] || ap_die "npm ci did not install azurite"
  echo "$want" >"$stamp"
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
ap_port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# Prints N distinct TCP ports that nothing listens on (below Linux's ephemeral range, 32768+).
ap_pick_free_ports() {
  local n=$1 tries=0 p
  local picked=()
  while ((${#picked[@]} < n)); do
    ((++tries <= 1000)) || ap_die "could not find $n free TCP ports"
    p=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
    [[ " ${picked[*]} " == *" $p "* ]] && continue
    ap_port_open "$p" && continue
    picked+=("$p")
  done
  echo "${picked[@]}"
}

# GET URL; prints "STATUS SERVER-HEADER" ("000 -" when nothing answers). Uses node: curl may be absent.
ap_http_probe() {
  node -e '
    const req = require("http").get(process.argv[1], { timeout: 2000 }, (res) => {
      console.log(res.statusCode + " " + (res.headers.server || "-").replace(/\s+/g, "_"));
      res.resume();
      process.exit(0);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => { console.log("000 -"); process.exit(0); });
  ' "$1"
}

# GET URL; prints the body (empty when nothing answers).
ap_http_body() {
  node -e '
    const req = require("http").get(process.argv[1], { timeout: 2000 }, (res) => {
      let body = ""; res.setEncoding("utf8");
      res.on("data", (c) => body += c);
      res.on("end", () => { process.stdout.write(body); process.exit(0); });
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => process.exit(0));
  ' "$1"
}

# True when the Azurite SERVICE (Blob|Queue|Table) answers on PORT.
ap_is_azurite() {
  local service=$1 port=$2 status server
  read -r status server < <(ap_http_probe "http://127.0.0.1:$port/devstoreaccount1")
  [[ $status != 000 && $server == Azurite-"$service"* ]]
}

# Explicit Azurite connection string for the given blob/queue/table ports.
ap_azurite_connection_string() {
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/devstoreaccount1;QueueEndpoint=http://127.0.0.1:%s/devstoreaccount1;TableEndpoint=http://127.0.0.1:%s/devstoreaccount1;' \
    "$AP_AZURITE_ACCOUNT_KEY" "$1" "$2" "$3"
}

# Starts Azurite on 127.0.0.1 in its own process group; sets AP_AZURITE_PID.
# Usage: ap_start_azurite LOCATION LOGFILE BLOB_PORT QUEUE_PORT TABLE_PORT
ap_start_azurite() {
  local location=$1 log=$2
  mkdir -p "$location"
  # --disableTelemetry also matters for stopping: without it Azurite ignores SIGTERM for over a minute.
  setsid "$AP_ROOT/node_modules/.bin/azurite" --silent --disableTelemetry --skipApiVersionCheck --loose \
    --location "$location" \
    --blobHost 127.0.0.1 --blobPort "$3" \
    --queueHost 127.0.0.1 --queuePort "$4" \
    --tableHost 127.0.0.1 --tablePort "$5" \
    </dev/null >"$log" 2>&1 &
  # shellcheck disable=SC2034 # read by the caller
  AP_AZURITE_PID=$!
}

# Waits until Azurite answers on all three ports. Usage: ap_wait_azurite PID LOGFILE BLOB QUEUE TABLE
ap_wait_azurite() {
  local pid=$1 log=$2 i
  for ((i = 0; i < 120; i++)); do
    if ap_is_azurite Blob "$3" && ap_is_azurite Queue "$4" && ap_is_azurite Table "$5"; then
      return 0
    fi
    if ! ap_pid_alive "$pid"; then
      ap_log "Azurite exited during start-up; its log ($log):"
      tail -n 20 "$log" >&2 || true
      return 1
    fi
    sleep 0.5
  done
  ap_log "Azurite did not answer within 60 s; its log ($log):"
  tail -n 20 "$log" >&2 || true
  return 1
}

# True when redis answers PING on 127.0.0.1:PORT.
ap_redis_ping() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  timeout 2 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "PING\r\n" >&3
    IFS= read -r reply <&3 || exit 1
    [[ $reply == +PONG* ]]' _ "$1" 2>/dev/null
}

# Installs Debian's redis-server when it is missing (root only); otherwise says what to install.
ap_ensure_redis_server() {
  command -v redis-server >/dev/null 2>&1 && return 0
  if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    ap_die "redis-server not found. Install it (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis) and run again."
  fi
  ap_log "redis-server not found: installing the Debian package (apt-get install redis-server) ..."
  # Keep the package from starting a system-wide redis on port 6379 (the tests start their own).
  local policy=/usr/sbin/policy-rc.d added=0 rc=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && added=1
  fi
  {
    DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=120 update &&
      DEBIAN_FRONTEND=noninteractive apt-get -qq -y -o DPkg::Lock::Timeout=120 \
        install --no-install-recommends redis-server >/dev/null
  } || rc=$?
  if ((added)); then rm -f "$policy"; fi
  ((rc == 0)) || ap_die "apt-get install redis-server failed (exit $rc)"
  command -v redis-server >/dev/null 2>&1 || ap_die "redis-server is still not on PATH after installing it"
}

# Starts redis-server on 127.0.0.1:PORT without persistence; sets AP_REDIS_PID.
# Usage: ap_start_redis PORT WORKDIR LOGFILE
ap_start_redis() {
  setsid redis-server --port "$1" --bind 127.0.0.1 --save '' --appendonly no --dir "$2" \
    </dev/null >"$3" 2>&1 &
  # shellcheck disable=SC2034 # read by the caller
  AP_REDIS_PID=$!
}

ap_wait_redis() {
  local pid=$1 log=$2 port=$3 i
  for ((i = 0; i < 60; i++)); do
    ap_redis_ping "$port" && return 0
    if ! ap_pid_alive "$pid"; then
      ap_log "redis-server exited during start-up; its log ($log):"
      tail -n 20 "$log" >&2 || true
      return 1
    fi
    sleep 0.25
  done
  ap_log "redis-server did not answer within 15 s; its log ($log):"
  tail -n 20 "$log" >&2 || true
  return 1
}

# True while PID is a live (non-zombie) process. (kill -0 also succeeds on an unreaped zombie.)
ap_pid_alive() {
  local stat state
  { IFS= read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
  read -r state _ <<<"${stat##*) }"
  [[ $state != Z ]]
}

# True while any live (non-zombie) process is in process group PGID. Reads /proc: ps may be absent.
ap_group_alive() {
  local pgid=$1 f stat state pgrp
  for f in /proc/[0-9]*/stat; do
    { IFS= read -r stat <"$f"; } 2>/dev/null || continue
    read -r state _ pgrp _ <<<"${stat##*) }"
    [[ $pgrp == "$pgid" && $state != Z ]] && return 0
  done
  return 1
}

# Stops the process group led by PID (TERM, then KILL after GRACE seconds) and reaps it.
# Usage: ap_stop_group PID NAME [GRACE_SECONDS]
ap_stop_group() {
  local pid=$1 name=$2 grace=${3:-10} i
  [[ -n $pid ]] || return 0
  if ap_group_alive "$pid"; then
    ap_log "stopping $name (process group $pid) ..."
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do
      ap_group_alive "$pid" || break
      sleep 0.1
    done
    if ap_group_alive "$pid"; then
      ap_log "$name did not stop within ${grace} s: killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
}

# Installs Debian's chromium for the browser tests when /usr/bin/chromium is missing (root only); otherwise says
# what to install. Playwright never downloads a browser here: the tests launch this one (AUTOPILOT_CHROMIUM overrides).
ap_ensure_chromium() {
  local browser=${AUTOPILOT_CHROMIUM:-/usr/bin/chromium}
  [[ -x $browser ]] && return 0
  if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    ap_die "$browser not found (the browser tests need it). Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set AUTOPILOT_CHROMIUM to a Chromium binary, and run again."
  fi
  ap_log "$browser not found: installing the Debian package (apt-get install chromium) for the browser tests ..."
  local started=$SECONDS
  {
    DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=120 update &&
      DEBIAN_FRONTEND=noninteractive apt-get -qq -y -o DPkg::Lock::Timeout=120 \
        install --no-install-recommends chromium fonts-dejavu-core >/dev/null
  } || ap_die "apt-get install chromium failed"
  [[ -x $browser ]] || ap_die "chromium is installed but $browser is still missing"
  ap_log "installed $("$browser" --version 2>/dev/null || echo chromium) in $((SECONDS - started)) s"
}
