#!/usr/bin/env bash
# Restores a folder written by infra/backup.sh into EMPTY services:
#   bash infra/restore.sh /backups/2026-11-30
# Target from the same settings as the app: ConnectionStrings__Postgres (a
# database that does not exist yet, or exists without tables: it is created if
# missing) and Storage__AzureConnectionString + Storage__Container (a
# container that does not exist yet or is empty). It refuses anything else, so
# it can never overwrite live data. Every blob's sha256 is checked against the
# manifest on the way in, and the blobs the restored rows reference are
# checked again at the end. Start the app afterwards as usual; `audit verify`
# checks the audit trail's hash chain.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
. infra/lib.sh

log() { echo "restore: $*" >&2; }
SRC="${1:?usage: bash infra/restore.sh <backup-folder>}"
SRC="$(cd "$SRC" && pwd)"
: "${ConnectionStrings__Postgres:?set ConnectionStrings__Postgres as for the app}"
: "${Storage__AzureConnectionString:?set Storage__AzureConnectionString as for the app}"
export Database__Provider=Postgres Storage__Provider=AzureBlob
pg_env_from_npgsql "$ConnectionStrings__Postgres"
PSQL="$(pg_tool psql)"

log "checking the backup's own checksums"
(cd "$SRC" && sha256sum --quiet -c SHA256SUMS)

exists="$(PGDATABASE=postgres "$PSQL" -tAqc "SELECT 1 FROM pg_database WHERE datname = '${PGDATABASE//\'/\'\'}'")"
if [ "$exists" != 1 ]; then
  log "creating database $PGDATABASE"
  "$(pg_tool createdb)" "$PGDATABASE"
elif [ "$("$PSQL" -tAqc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" != 0 ]; then
  log "database $PGDATABASE already has tables; restore only into an empty database"; exit 2
fi

log "1/3 restoring the database"
"$(pg_tool pg_restore)" --exit-on-error --no-owner --no-privileges --dbname="$PGDATABASE" "$SRC/database.dump"

log "2/3 loading blobs into container ${Storage__Container:-photos}"
pt_app blobs import "$SRC" >&2

log "3/3 checking the restored rows' blobs"
"$(pg_tool pg_restore)" --data-only --file=- "$SRC/database.dump" | pt_app blobs verify "$SRC" --references - >&2
log "done"
