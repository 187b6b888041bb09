#!/usr/bin/env bash
# One command runs the app locally: installs the OS packages it needs, then
# starts it on http://127.0.0.1:5080 (override with PT_URLS). The app creates
# ./data and seeds demo data on first start. Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")"
bash infra/setup.sh
exec dotnet run --project src/ProgressTracker.Web -c Release -- \
  --urls "${PT_URLS:-http://127.0.0.1:5080}" "$@"
