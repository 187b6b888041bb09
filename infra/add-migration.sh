#!/usr/bin/env bash
# Adds an EF Core migration with the same name to both migration sets: SQLite
# (the embedded default) and PostgreSQL (production). See
# docs/decisions/0015-two-migration-sets.md.
#   bash infra/add-migration.sh AddPhotoNotes
# The migrations land in src/ProgressTracker.Web/Infrastructure/Data/Migrations/
# {Sqlite,Postgres}. If the second one fails, the first is removed again, so
# the two sets never differ by a migration.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -ne 1 ] || ! [[ "$1" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "usage: bash infra/add-migration.sh Name   (PascalCase, letters and digits)" >&2
  exit 2
fi
name="$1"
project=src/ProgressTracker.Web
migrations="$project/Infrastructure/Data/Migrations"

for set in Sqlite Postgres; do
  if compgen -G "$migrations/$set/*_$name.cs" >/dev/null; then
    echo "a migration named $name already exists in $migrations/$set" >&2
    exit 1
  fi
done

dotnet tool restore >/dev/null
ef() { dotnet dotnet-ef "$@" --project "$project" --startup-project "$project"; }

# Kept so a failed PostgreSQL step can put the SQLite set back as it was,
# without asking a database which migrations it has applied.
snapshot="$migrations/Sqlite/SqliteAppDbContextModelSnapshot.cs"
saved="$(mktemp)"
trap 'rm -f "$saved"' EXIT
cp "$snapshot" "$saved"

# The first call builds the project; the second reuses that build.
ef migrations add "$name" --context SqliteAppDbContext \
  --output-dir Infrastructure/Data/Migrations/Sqlite
if ! ef migrations add "$name" --context PostgresAppDbContext \
  --output-dir Infrastructure/Data/Migrations/Postgres --no-build; then
  echo "PostgreSQL migration failed; removing the SQLite one again" >&2
  rm -f "$migrations"/Sqlite/*_"$name".cs "$migrations"/Sqlite/*_"$name".Designer.cs
  cp "$saved" "$snapshot"
  exit 1
fi

echo "added $name to $migrations/Sqlite and $migrations/Postgres"
