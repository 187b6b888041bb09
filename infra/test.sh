#!/usr/bin/env bash
# The test command: installs what the tests need, starts throw-away
# PostgreSQL + Azurite, validates docker-compose.yml and infra/azure/main.bicep,
# runs every test project
# and ends with one plain summary line, e.g. "42 passed, 0 failed, 1 skipped".
# Extra arguments go to `dotnet test` (e.g. --filter FullyQualifiedName~Upload).
# `--fast` runs only the tests with the trait Tier=Fast (unit tests, imaging and
# the embedded app): no PostgreSQL, Azurite, Chromium, compose or Bicep check.
# Exit code is dotnet test's.
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/lib.sh

fast=0
args=()
for arg in "$@"; do
  if [ "$arg" = "--fast" ]; then fast=1; else args+=("$arg"); fi
done
if [ "$fast" -eq 1 ]; then args+=(--filter "Tier=Fast"); fi

bash infra/setup.sh
# The person model the imaging tests use (both tiers): from npm, checked by hash.
bash infra/models.sh

# ---- test-only OS packages, installed only when missing
missing=()
[ "$fast" -eq 1 ] || [ -n "$(pg_bindir)" ] || missing+=(postgresql)
# Debian's docker-compose 1.29 validates a compose file offline (no engine).
[ "$fast" -eq 1 ] || command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
# Browser tests drive Debian's chromium through Playwright (never
# `playwright install`). Ubuntu's chromium deb is only a snap stub that does
# not work headless in CI; there, point PT_CHROMIUM at a real binary.
if [ "$fast" -eq 1 ]; then
  : # the fast tier has no browser tests
elif [ -z "${PT_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if grep -qiE '^(ID|ID_LIKE)=.*ubuntu' /etc/os-release 2>/dev/null; then
    echo "test: no chromium and Ubuntu only ships a snap stub; set PT_CHROMIUM" >&2
  else
    missing+=(chromium)
  fi
fi
# The HEIC tests make real HEIC files with libheif's heif-enc (x265); Magick.NET
# here can decode HEIC but not encode it.
command -v heif-enc >/dev/null 2>&1 || missing+=(libheif-examples)
if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi

export PT_STATE_DIR="${PT_STATE_DIR:-/tmp/progresstracker-services}"
stop_services() { [ "$fast" -eq 1 ] || bash infra/services.sh stop; }
if [ "$fast" -eq 0 ]; then
  # ---- the production compose file must at least parse (fail the run if not)
  docker-compose -f docker-compose.yml config -q
  # ---- the Azure deployment (infra/azure) must compile and lint clean (offline, about 20 s)
  bash infra/azure/validate.sh

  # ---- services; always stopped again, even when a step fails
  trap stop_services EXIT
  bash infra/services.sh start >/dev/null
  # shellcheck source=/dev/null
  . "$PT_STATE_DIR/env" # PT_TEST_POSTGRES, PT_TEST_AZURITE, PT_TEST_SMTP, PT_TEST_MAILDEV
fi

export PT_ARTIFACTS="$PWD/artifacts" # tests save screenshots here
export PT_CHROMIUM="${PT_CHROMIUM:-/usr/bin/chromium}"
results="$PT_ARTIFACTS/test-results"
rm -rf "$results" # the summary must count this run only
mkdir -p "$results"

# No MSBuild nodes / compiler server outliving the run: the script must leave
# no process behind.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# LogFilePrefix, not LogFileName: with several test projects a fixed
# LogFileName makes each project overwrite the previous one's .trx file.
rc=0
run_tests() { # run_tests PROJECT_OR_SLN EXTRA_ARGS...
  dotnet test "$@" -c Release \
    --logger "trx;LogFilePrefix=results" \
    --logger "console;verbosity=normal" \
    --results-directory "$results" || rc=$?
}
if [ "$fast" -eq 0 ] && [ "${#args[@]}" -eq 0 ]; then
  # The production-shape fault test (Tier=Stack: web + worker processes, its own PostgreSQL and Azurite) runs
  # after everything else and alone, so it neither slows the other tests nor is slowed by them.
  run_tests ProgressTracker.sln --filter "Tier!=Stack"
  run_tests tests/ProgressTracker.Stack.Tests/ProgressTracker.Stack.Tests.csproj --no-build
else
  run_tests ProgressTracker.sln ${args[@]+"${args[@]}"}
fi

# Stop services now so the summary below is the last line of output.
stop_services
trap - EXIT

# ---- sum the <Counters .../> of every .trx: one line CI can read
passed=0 failed=0 skipped=0
count() { # count ATTRIBUTE COUNTERS_ELEMENT -> number (0 if absent)
  local v
  v="$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2" | head -n 1)"
  echo "${v:-0}"
}
while IFS= read -r -d '' trx; do
  c="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
  [ -n "$c" ] || continue
  passed=$((passed + $(count passed "$c")))
  # error/timeout/aborted are failures too, just reported differently.
  failed=$((failed + $(count failed "$c") + $(count error "$c") + $(count timeout "$c") + $(count aborted "$c")))
  # Skipped tests are in total but not in executed (the notExecuted counter
  # stays 0 for xunit skips).
  skipped=$((skipped + $(count total "$c") - $(count executed "$c")))
done < <(find "$results" -name '*.trx' -print0)

# Name the failed tests next to the summary: a CI log is often read from its
# tail only (the messages are in the console output above and in the .trx).
if [ "$failed" -gt 0 ]; then
  find "$results" -name '*.trx' -exec grep -ho '<UnitTestResult [^>]*outcome="\(Failed\|Error\|Timeout\|Aborted\)"[^>]*>' {} + |
    sed -n 's/.* testName="\([^"]*\)".*/FAILED \1/p' | sed 's/&quot;/"/g; s/&amp;/\&/g' >&2 || true
fi
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "test: dotnet test exited with $rc without failed tests (build error or crashed test host?)" >&2
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
