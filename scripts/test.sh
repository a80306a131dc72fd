#!/usr/bin/env bash
# Runs the whole test suite against real services: its own Azurite and redis-server on free ports,
# stopped again when the tests end. Extra arguments go to `dotnet test`, e.g.
#   ./scripts/test.sh --filter "FullyQualifiedName~Deployment"
# Ends with a line "N passed, N failed" and the tests' exit status.
set -euo pipefail

AP_SCRIPT=test.sh
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$AP_ROOT"

started=$SECONDS
ap_require_tools
ap_ensure_node_modules
ap_ensure_redis_server
ap_ensure_chromium

work=$(mktemp -d "${TMPDIR:-/tmp}/autopilot-test.XXXXXX")
AP_AZURITE_PID=
AP_REDIS_PID=
tests_pid=
tests_rc=

# Stops what this script started. Safe to call twice.
stop_all() {
  # Only an interrupted run still has `dotnet test` going.
  if [[ -n $tests_pid && -z $tests_rc ]]; then ap_stop_group "$tests_pid" "dotnet test" 10; fi
  ap_stop_group "$AP_REDIS_PID" redis-server 5
  ap_stop_group "$AP_AZURITE_PID" Azurite 10
  AP_REDIS_PID='' AP_AZURITE_PID=''
  rm -rf "$work"
}
# shellcheck disable=SC2317 # invoked by the traps below
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_all
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

read -r blob_port queue_port table_port redis_port < <(ap_pick_free_ports 4)
ap_log "starting Azurite on 127.0.0.1:$blob_port/$queue_port/$table_port and redis-server on 127.0.0.1:$redis_port ..."
ap_start_azurite "$work/azurite" "$work/azurite.log" "$blob_port" "$queue_port" "$table_port"
ap_start_redis "$redis_port" "$work" "$work/redis.log"
AUTOPILOT_TEST_STORAGE=$(ap_azurite_connection_string "$blob_port" "$queue_port" "$table_port")
AUTOPILOT_TEST_REDIS="127.0.0.1:$redis_port"
export AUTOPILOT_TEST_STORAGE AUTOPILOT_TEST_REDIS

# The services start while the solution builds. Build under the exclusive build lock, then test under a
# shared one (other test runs may share it; a build in this work tree waits until the tests are done).
ap_log "building (Release) ..."
build_started=$SECONDS
if ! ap_dotnet build Autopilot.sln -c Release -v quiet -nologo 2>&1 | ap_hide_nu1603; then
  ap_die "build failed: no tests ran"
fi
ap_log "built in $((SECONDS - build_started)) s"

ap_wait_azurite "$AP_AZURITE_PID" "$work/azurite.log" "$blob_port" "$queue_port" "$table_port" ||
  ap_die "Azurite did not start"
ap_wait_redis "$AP_REDIS_PID" "$work/redis.log" "$redis_port" || ap_die "redis-server did not start"
ap_log "Azurite and redis-server answer; running tests ..."

log="$work/dotnet-test.log"
# Own process group so an interrupted run can stop the test host too; tee keeps the output visible.
# A test hung for 10 minutes aborts the run (with the hung test named) instead of eating CI's time.
# shellcheck disable=SC2016 # expanded by the inner bash
setsid bash -o pipefail -c '"$@" 2>&1 | tee "$0"' "$log" \
  flock -s "$AP_BUILD_LOCK" dotnet test Autopilot.sln -c Release --no-build --blame-hang-timeout 10m --blame-hang-dump-type none "$@" </dev/null &
tests_pid=$!
set +e
wait "$tests_pid"
tests_rc=$?
set -e

# Sum VSTest's per-assembly lines: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ...".
passed=0 failed=0 skipped=0 assemblies=0
summary_re='(Passed|Failed)! +- +Failed: +([0-9]+), +Passed: +([0-9]+), +Skipped: +([0-9]+)'
while IFS= read -r line; do
  if [[ $line =~ $summary_re ]]; then
    failed=$((failed + BASH_REMATCH[2]))
    passed=$((passed + BASH_REMATCH[3]))
    skipped=$((skipped + BASH_REMATCH[4]))
    assemblies=$((assemblies + 1))
  fi
done < <(sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$log")

if ((tests_rc != 0 && failed == 0)); then
  ap_log "dotnet test exited with $tests_rc without a failed test (crash, timeout or test host abort?)"
fi
stop_all
ap_log "tests finished in $((SECONDS - started)) s in total ($assemblies test assemblies)"
# The closing line CI reads, together with the exit status.
echo "$passed passed, $failed failed, $skipped skipped"
exit "$tests_rc"
