#!/usr/bin/env bash
# Backs up the production shape (PostgreSQL + Azure Blob) into a new folder:
#   bash infra/backup.sh /backups/2026-11-30
# Reads the app's own settings from the environment: ConnectionStrings__Postgres,
# Storage__Provider=AzureBlob, Storage__AzureConnectionString, Storage__Container.
# Writes database.dump (pg_dump custom format), blobs/<key> for every blob,
# manifest.tsv (key, size, sha256) and SHA256SUMS. Order matters (decision 0030):
#   1. dump the database first;
#   2. then copy every blob: originals are write-once and derivatives are
#      deterministic, so every blob a dumped row names already exists;
#   3. then check that the copy holds every blob the dump's rows reference.
# Exit code 0 only when all three steps succeeded.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
. infra/lib.sh

log() { echo "backup: $*" >&2; }
DEST="${1:?usage: bash infra/backup.sh <new-folder>}"
: "${ConnectionStrings__Postgres:?set ConnectionStrings__Postgres as for the app}"
: "${Storage__AzureConnectionString:?set Storage__AzureConnectionString as for the app}"
export Database__Provider=Postgres Storage__Provider=AzureBlob
if [ -e "$DEST" ] && [ -n "$(ls -A "$DEST")" ]; then
  log "$DEST exists and is not empty; back up into a new folder"; exit 2
fi
mkdir -p "$DEST"
DEST="$(cd "$DEST" && pwd)"
pg_env_from_npgsql "$ConnectionStrings__Postgres"

log "1/3 dumping database $PGDATABASE"
"$(pg_tool pg_dump)" --format=custom --no-owner --no-privileges --file="$DEST/database.dump"

log "2/3 copying blobs of container ${Storage__Container:-photos}"
pt_app blobs export "$DEST" >&2

log "3/3 checking that the copy holds every blob the dump references"
"$(pg_tool pg_restore)" --data-only --file=- "$DEST/database.dump" | pt_app blobs verify "$DEST" --references - >&2

(cd "$DEST" && sha256sum database.dump manifest.tsv >SHA256SUMS)
log "done: $DEST ($(wc -l <"$DEST/manifest.tsv") blobs, $(du -sh "$DEST" | cut -f1))"
