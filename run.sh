#!/usr/bin/env bash
# One command runs the app locally: installs the OS packages it needs, then
# starts it on http://127.0.0.1:5080 (override with PT_URLS). `dotnet run` starts
# the app in the project folder, so it keeps its data in src/ProgressTracker.Web/data
# (the same place `dotnet run ... -- users add` uses) and seeds a demo clinic there on
# first start (Demo:Seed is off everywhere else). Extra arguments go to the app and win,
# e.g. ./run.sh --Demo:Seed=false. The person model for silhouettes in ordinary rooms
# is installed from npm and checked by hash first (infra/models.sh).
set -euo pipefail
cd "$(dirname "$0")"
bash infra/setup.sh
bash infra/models.sh # the person model, hash-checked (docs/decisions/0024-person-mask.md)
exec dotnet run --project src/ProgressTracker.Web -c Release -- \
  --urls "${PT_URLS:-http://127.0.0.1:5080}" --Demo:Seed=true "$@"
