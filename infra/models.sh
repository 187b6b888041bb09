#!/usr/bin/env bash
# Installs the learned models the imaging library uses and checks them by hash.
# Nothing is downloaded at run time: the BlazePose landmark model (person mask and
# body landmarks) comes from the npm package @mediapipe/pose (Apache-2.0), pinned
# with its integrity in infra/models/package-lock.json, and the .tflite file must
# match the SHA-256 committed in infra/models/*.sha256.
#   bash infra/models.sh            install when missing, then verify
#   bash infra/models.sh --verify   verify only (no npm)
#   bash infra/models.sh --copy DIR also copy the checked model(s) into DIR (an app's models/ folder)
# PT_MODELS_DIR: the npm project to use (default infra/models; tests point it at a copy).
# Without node/npm the script says so and fails: the app then runs on the backdrop
# model alone (it logs that once), but the set-up is not complete.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${PT_MODELS_DIR:-infra/models}"
pkg="$dir/node_modules/@mediapipe/pose"

verify_only=0 copy_to=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --verify) verify_only=1 ;;
    --copy) copy_to="${2:?--copy needs a directory}"; shift ;;
    *) echo "models: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

missing=0
for sum in "$dir"/*.sha256; do
  [ -f "$pkg/$(awk '{print $2}' "$sum")" ] || missing=1
done
if [ "$missing" -eq 1 ] && [ "$verify_only" -eq 0 ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "models: npm is not installed; install Node.js 20+ (Debian: apt-get install nodejs npm) and re-run infra/models.sh" >&2
    exit 1
  fi
  echo "models: installing @mediapipe/pose from the npm registry (npm ci, lock file pinned)" >&2
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
fi

for sum in "$dir"/*.sha256; do
  read -r expected file <"$sum"
  path="$pkg/$file"
  if [ ! -f "$path" ]; then
    echo "models: $path is missing (run infra/models.sh without --verify)" >&2
    exit 1
  fi
  actual="$(sha256sum "$path" | awk '{print $1}')"
  if [ "$actual" != "$expected" ]; then
    echo "models: SHA-256 MISMATCH for $path: expected $expected (in $sum), got $actual. Refusing to use it; delete $dir/node_modules and re-run, or review the package." >&2
    exit 1
  fi
  if [ -n "$copy_to" ]; then mkdir -p "$copy_to" && cp "$path" "$copy_to/$file"; fi
done
echo "models: pose_landmark model present, SHA-256 verified"
