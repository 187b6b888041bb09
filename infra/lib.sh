# Shared helpers for the infra/*.sh scripts (sourced, not run).
# Every script must work on a fresh Debian/Ubuntu machine that has only the
# .NET SDK, so OS packages are installed on demand, and only when missing.

# Run a command as root: directly when we already are root, else via sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# True when the Debian package is fully installed (not just known to dpkg).
pkg_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

# True when apt can install the (non-virtual) package, i.e. it has a candidate.
pkg_available() {
  local candidate
  candidate="$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: *//p')"
  [ -n "$candidate" ] && [ "$candidate" != "(none)" ]
}

# Refresh package lists once per script run: a fresh machine has none, and
# stale lists make apt-get install fail with 404s.
_PT_APT_UPDATED=0
apt_update_once() {
  if [ "$_PT_APT_UPDATED" -eq 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    _PT_APT_UPDATED=1
  fi
}

# apt_install PKG... : install without recommends (apt's output goes to
# stderr: some callers print a result on stdout). While installing, a
# temporary policy-rc.d (only if the machine has none) stops package scripts
# from starting system daemons (e.g. the postgresql package's own cluster):
# nothing may keep running that we did not start ourselves.
apt_install() {
  [ "$#" -gt 0 ] || return 0
  echo "infra: installing OS packages: $*" >&2
  apt_update_once
  local policy=/usr/sbin/policy-rc.d added=0 rc=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod 755 "$policy"
    added=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "$@" >&2 || rc=$?
  if [ "$added" -eq 1 ]; then as_root rm -f "$policy"; fi
  return "$rc"
}

# Name of the GTK 3 runtime package: Ubuntu 24.04+ renamed it (64-bit time_t
# transition) to libgtk-3-0t64; Debian 12 still calls it libgtk-3-0.
gtk_pkg_name() {
  if pkg_installed libgtk-3-0t64 || pkg_available libgtk-3-0t64; then
    echo libgtk-3-0t64
  else
    echo libgtk-3-0
  fi
}

# Directory holding PostgreSQL server binaries (initdb, pg_ctl, postgres), or
# nothing. Debian/Ubuntu keep them off PATH under /usr/lib/postgresql/N/bin;
# take the newest version present.
pg_bindir() {
  local d
  d="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then
    echo "$d"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
  return 0 # "not found" is an empty answer, not an error (set -e callers)
}

# ------------------------------------------------ backup.sh and restore.sh
# Exports PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE for pg_dump,
# pg_restore and psql from an Npgsql connection string (the app's
# ConnectionStrings__Postgres), so the scripts and the app read one setting.
pg_env_from_npgsql() {
  local pair key value
  local IFS=';'
  for pair in $1; do
    [ -n "$pair" ] || continue
    key="$(printf '%s' "${pair%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')"
    value="${pair#*=}"
    case "$key" in
      host | server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      username | userid | user) export PGUSER="$value" ;;
      password) export PGPASSWORD="$value" ;;
      database | db) export PGDATABASE="$value" ;;
      sslmode) export PGSSLMODE="$(printf '%s' "$value" | tr '[:upper:]' '[:lower:]')" ;;
    esac
  done
}

# Runs the app's command-line verbs (`blobs export`, `audit verify`, ...):
# $PT_APP_DLL when set (the published app, e.g. /app/ProgressTracker.Web.dll
# in the container), else the Release build in this checkout, else
# `dotnet run`. The app reads its settings from the environment as usual.
pt_app() {
  local dll="${PT_APP_DLL:-$REPO/src/ProgressTracker.Web/bin/Release/net10.0/ProgressTracker.Web.dll}"
  if [ -f "$dll" ]; then
    dotnet "$dll" "$@"
  else
    dotnet run --project "$REPO/src/ProgressTracker.Web" -c Release --no-launch-profile -- "$@"
  fi
}

# The PostgreSQL client tools: those of the install services.sh uses, else PATH.
pg_tool() {
  local dir
  dir="$(pg_bindir)"
  if [ -n "$dir" ] && [ -x "$dir/$1" ]; then echo "$dir/$1"; else command -v "$1"; fi
}
