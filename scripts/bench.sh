#!/usr/bin/env bash
# Benchmarks. Usage:
#   ./scripts/bench.sh engine [args]   durable engine throughput on its own Azurite (free ports, temp --location);
#                                      --inflight L bounds started-and-unfinished orchestrations (MAX_INFLIGHT_WORKFLOWS);
#                                      args go to `Autopilot.Benchmarks engine` (--n 200,2000 --partitions P
#                                      --activities A --orchestrations O --polling-ms M --timeout S ...; --help)
#   ./scripts/bench.sh micro [args]    BenchmarkDotNet micro-benchmarks (args go to BenchmarkSwitcher)
#   ./scripts/bench.sh limiter [args]  cost limiter checks/s on its own redis-server (--help)
#   ./scripts/bench.sh sql [--seconds S]  SQL gate throughput on one thread over the test corpora
#   ./scripts/bench.sh load [args]    the seed's load test against a running deployment (default the one
#                                      scripts/run.sh serves): --base URL --requests 200 --concurrency 10
#   ./scripts/bench.sh e2e [--burst N,..]  connect → profile → dashboard → memo wall time per stage on the demo
#                                      warehouse, then N fresh tenants' weekly memos from one timer tick (default 20)
#   ./scripts/bench.sh notify [--alerts N] [--parallel P] [--alert-minute-ms M]
#                                      alert notifications to a local receiver: notifications/s, due-to-delivery delay
# AP_BENCH_NO_BUILD=1 skips the build and runs the existing Release build (e.g. for a sweep of configurations).
# Results and the measured tuning: Autopilot.Benchmarks/RESULTS.md.
set -euo pipefail

AP_SCRIPT=bench.sh
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$AP_ROOT"

usage() {
  sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
}

command=${1:-}
case $command in
  engine | micro | limiter | sql | load) shift ;;
  e2e)
    shift
    exec bash "$(dirname "${BASH_SOURCE[0]}")/bench-e2e.sh" "$@"
    ;;
  notify)
    shift
    exec bash "$(dirname "${BASH_SOURCE[0]}")/bench-notify.sh" "$@"
    ;;
  -h | --help | help)
    usage
    exit 0
    ;;
  *)
    usage
    exit 2
    ;;
esac

ap_require_tools

build() {
  ap_log "building Autopilot.Benchmarks (Release) ..."
  if ! ap_dotnet build Autopilot.Benchmarks -c Release -v quiet -nologo 2>&1 | ap_hide_nu1603; then
    ap_die "build failed"
  fi
}

if [[ $command == micro ]]; then
  build
  # BenchmarkDotNet builds its own child projects: hold a shared build lock meanwhile.
  exec flock -s "$AP_BUILD_LOCK" dotnet Autopilot.Benchmarks/bin/Release/net10.0/Autopilot.Benchmarks.dll micro "$@"
fi

if [[ $command == load ]]; then
  build
  exec dotnet Autopilot.Benchmarks/bin/Release/net10.0/Autopilot.Benchmarks.dll load "$@"
fi

if [[ $command == sql ]]; then
  build
  exec dotnet Autopilot.Benchmarks/bin/Release/net10.0/Autopilot.Benchmarks.dll sql "$@"
fi

if [[ $command == limiter ]]; then
  ap_ensure_redis_server
  work=$(mktemp -d "${TMPDIR:-/tmp}/autopilot-bench.XXXXXX")
  AP_REDIS_PID=
  bench_pid=
  bench_rc=
  # shellcheck disable=SC2317 # invoked by the traps below
  cleanup_limiter() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n $bench_pid && -z $bench_rc ]]; then ap_stop_group "$bench_pid" "limiter benchmark" 10; fi
    ap_stop_group "$AP_REDIS_PID" redis-server 5
    rm -rf "$work"
    exit "$rc"
  }
  trap cleanup_limiter EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  read -r redis_port < <(ap_pick_free_ports 1)
  ap_log "starting redis-server on 127.0.0.1:$redis_port ..."
  ap_start_redis "$redis_port" "$work" "$work/redis.log"
  if [[ ${AP_BENCH_NO_BUILD:-} != 1 ]]; then build; fi # while redis-server starts
  ap_wait_redis "$AP_REDIS_PID" "$work/redis.log" "$redis_port" || ap_die "redis-server did not start"
  flock -s "$AP_BUILD_LOCK" cp -r Autopilot.Benchmarks/bin/Release/net10.0 "$work/bin"
  ap_log "running: Autopilot.Benchmarks limiter --redis 127.0.0.1:$redis_port $*"
  setsid dotnet "$work/bin/Autopilot.Benchmarks.dll" limiter --redis "127.0.0.1:$redis_port" "$@" </dev/null &
  bench_pid=$!
  set +e
  wait "$bench_pid"
  bench_rc=$?
  set -e
  exit "$bench_rc"
fi

ap_ensure_node_modules
work=$(mktemp -d "${TMPDIR:-/tmp}/autopilot-bench.XXXXXX")
AP_AZURITE_PID=
bench_pid=
bench_rc=

# shellcheck disable=SC2317 # invoked by the traps below
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $bench_pid && -z $bench_rc ]]; then ap_stop_group "$bench_pid" "engine benchmark" 10; fi
  ap_stop_group "$AP_AZURITE_PID" Azurite 10
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

read -r blob_port queue_port table_port < <(ap_pick_free_ports 3)
ap_log "starting Azurite on 127.0.0.1:$blob_port/$queue_port/$table_port (data in $work/azurite) ..."
ap_start_azurite "$work/azurite" "$work/azurite.log" "$blob_port" "$queue_port" "$table_port"
AUTOPILOT_BENCH_STORAGE=$(ap_azurite_connection_string "$blob_port" "$queue_port" "$table_port")
export AUTOPILOT_BENCH_STORAGE

if [[ ${AP_BENCH_NO_BUILD:-} == 1 ]]; then
  [[ -f Autopilot.Benchmarks/bin/Release/net10.0/Autopilot.Benchmarks.dll ]] || ap_die "AP_BENCH_NO_BUILD=1 but there is no Release build"
  ap_log "AP_BENCH_NO_BUILD=1: using the existing Release build"
else
  build # while Azurite starts
fi
ap_wait_azurite "$AP_AZURITE_PID" "$work/azurite.log" "$blob_port" "$queue_port" "$table_port" ||
  ap_die "Azurite did not start"

# Run a private copy of the build so other builds in this work tree (under the build lock) can go on meanwhile.
flock -s "$AP_BUILD_LOCK" cp -r Autopilot.Benchmarks/bin/Release/net10.0 "$work/bin"
ap_log "running: Autopilot.Benchmarks engine $*"
# Own process group so an interrupted run stops the benchmark too.
setsid dotnet "$work/bin/Autopilot.Benchmarks.dll" engine --azurite-pid "$AP_AZURITE_PID" "$@" </dev/null &
bench_pid=$!
set +e
wait "$bench_pid"
bench_rc=$?
set -e
exit "$bench_rc"
