#!/usr/bin/env bash
# Throw-away PostgreSQL + Azurite (Azure Blob emulator) + maildev (an SMTP
# server that keeps what it receives, with an HTTP API) for tests and local
# production-shaped runs, bound to 127.0.0.1 only.
#   bash infra/services.sh start   # prints the path of an env file to source
#   bash infra/services.sh stop    # safe to run any number of times
#   bash infra/services.sh down azurite | up azurite | restart postgres
#                                  # faults for the fault tests; data is kept
# Every process is tracked by PID in $PT_STATE_DIR and stopped by that PID;
# all data lives in temp dirs that `stop` deletes.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
. infra/lib.sh

STATE_DIR="${PT_STATE_DIR:-/tmp/progresstracker-services}"
PG_PORT="${PT_PG_PORT:-55432}"
AZ_PORT="${PT_AZURITE_PORT:-10010}"
AZ_DIR="$REPO/infra/azurite"
SMTP_PORT="${PT_SMTP_PORT:-10025}"
MAILDEV_WEB_PORT="${PT_MAILDEV_WEB_PORT:-10080}"
MD_DIR="$REPO/infra/maildev"
# Node for Azurite when the machine's is older than 20 (Debian 12 and
# Ubuntu 24.04 ship 18): an official build, from the npm registry.
NODE_FALLBACK_VERSION=22.23.3

log() { echo "services: $*" >&2; }
state() { cat "$STATE_DIR/$1" 2>/dev/null || true; }

# PID is alive AND is the program we expect (guards against PID reuse after a
# reboot or a stale state dir).
pid_is() {
  local pid="$1" what="$2" cmdline
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  [[ "$cmdline" == *"$what"* ]]
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# initdb/postgres refuse to run as root: as root, run them as `postgres`.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# ---------------------------------------------------------------- PostgreSQL
start_pg() {
  if pid_is "$(state pg.pid)" postgres; then
    log "PostgreSQL already running (pid $(state pg.pid), port $(state pg.port)); reusing"
    return
  fi
  stop_pg # clear leftovers of a crashed run
  if port_open "$PG_PORT"; then
    log "port $PG_PORT is already in use; set PT_PG_PORT to a free port"; return 1
  fi

  local bindir
  bindir="$(pg_bindir)"
  if [ -z "$bindir" ]; then
    apt_install postgresql
    bindir="$(pg_bindir)"
  fi
  [ -n "$bindir" ] || { log "initdb not found after installing postgresql"; return 1; }
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi

  # mktemp makes a 0700 dir; the postgres user must be able to reach it.
  local tmp
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/pt-postgres.XXXXXX")"
  chmod 755 "$tmp"
  echo "$tmp" >"$STATE_DIR/pg.dir" # recorded first so `stop` can clean up
  echo "$PG_PORT" >"$STATE_DIR/pg.port"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$tmp"; fi

  # Run from inside the temp dir: the postgres user may not be allowed to
  # enter the caller's working directory.
  (
    cd "$tmp"
    as_pg "$bindir/initdb" -D "$tmp/data" -U postgres --auth=trust \
      --encoding=UTF8 --no-locale --no-sync >"$tmp/initdb.log" 2>&1 ||
      { cat "$tmp/initdb.log" >&2; exit 1; }
    # Trust is fine: only 127.0.0.1 and a socket inside the temp dir.
    printf '%s\n' \
      'local all all trust' \
      'host  all all 127.0.0.1/32 trust' >"$tmp/data/pg_hba.conf"
    # Durability is pointless for throw-away test data; speed is not.
    cat >>"$tmp/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$tmp'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
    as_pg "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/postgres.log" -w -t 60 start >/dev/null ||
      { cat "$tmp/postgres.log" >&2; exit 1; }
  )
  head -n 1 "$tmp/data/postmaster.pid" >"$STATE_DIR/pg.pid"
  echo "$bindir" >"$STATE_DIR/pg.bindir"

  for _ in $(seq 1 60); do
    if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 1; then
      log "PostgreSQL up on 127.0.0.1:$PG_PORT (pid $(state pg.pid))"
      return
    fi
    sleep 0.5
  done
  log "PostgreSQL did not become ready"; cat "$tmp/postgres.log" >&2; return 1
}

stop_pg() {
  local tmp pid bindir
  tmp="$(state pg.dir)"; pid="$(state pg.pid)"; bindir="$(state pg.bindir)"
  if pid_is "$pid" postgres; then
    # `-m fast` disconnects clients (tests may leak pooled connections).
    if ! (cd / && as_pg "$bindir/pg_ctl" -D "$tmp/data" stop -m fast -w -t 30 >/dev/null); then
      log "pg_ctl stop failed; killing pid $pid"
      kill -9 "$pid" 2>/dev/null || true
    fi
    log "PostgreSQL stopped (pid $pid)"
  fi
  if [ -n "$tmp" ]; then rm -rf "$tmp"; fi
  rm -f "$STATE_DIR/pg.dir" "$STATE_DIR/pg.pid" "$STATE_DIR/pg.port" "$STATE_DIR/pg.bindir"
}

# ------------------------------------------------------------------ Azurite
# Prints the node binary to use: the machine's if >= 20, else a local copy.
node_for_azurite() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm >&2
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -ge 20 ]; then command -v node; return; fi

  local arch pkg dir="$AZ_DIR/.node"
  case "$(uname -m)" in
    x86_64) arch=x64 ;; aarch64) arch=arm64 ;;
    *) log "node $major is too old for Azurite and no fallback for $(uname -m)"; return 1 ;;
  esac
  pkg="node-linux-$arch"
  if [ ! -x "$dir/node_modules/$pkg/bin/node" ]; then
    log "node $major is too old for Azurite; fetching $pkg@$NODE_FALLBACK_VERSION from npm"
    npm install --prefix "$dir" --no-save --no-audit --no-fund --ignore-scripts \
      "$pkg@$NODE_FALLBACK_VERSION" >&2
  fi
  echo "$dir/node_modules/$pkg/bin/node"
}

start_azurite() {
  if pid_is "$(state azurite.pid)" azurite; then
    log "Azurite already running (pid $(state azurite.pid), port $(state azurite.port)); reusing"
    return
  fi
  stop_azurite
  if port_open "$AZ_PORT"; then
    log "port $AZ_PORT is already in use; set PT_AZURITE_PORT to a free port"; return 1
  fi

  local node
  node="$(node_for_azurite)"
  if [ ! -e "$AZ_DIR/node_modules/.bin/azurite-blob" ]; then
    # Exact versions from package-lock.json; no install scripts are needed.
    (cd "$AZ_DIR" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
  fi

  local tmp
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/pt-azurite.XXXXXX")"
  echo "$tmp" >"$STATE_DIR/azurite.dir"
  echo "$AZ_PORT" >"$STATE_DIR/azurite.port"
  echo "$node" >"$STATE_DIR/azurite.node"
  launch_azurite "$node" "$tmp" "$AZ_PORT"
}

# Starts Azurite on a data folder and port and waits until it listens.
#   launch_azurite NODE DIR PORT
launch_azurite() {
  local node="$1" tmp="$2" port="$3" pid
  # --disableTelemetry: without it Azurite probes a link-local metadata
  #   address and then ignores SIGTERM.
  # --skipApiVersionCheck: Azure.Storage.Blobs sends a newer API version.
  # stdin/stdout/stderr detached so callers' pipes (CI logs) never hang on it.
  "$node" "$AZ_DIR/node_modules/.bin/azurite-blob" \
    --blobHost 127.0.0.1 --blobPort "$port" --location "$tmp" \
    --disableTelemetry --skipApiVersionCheck --loose --silent \
    </dev/null >>"$tmp/azurite.log" 2>&1 &
  pid=$!
  echo "$pid" >"$STATE_DIR/azurite.pid"

  wait_listening Azurite "$pid" "$tmp/azurite.log" "$port"
  log "Azurite up on 127.0.0.1:$port (pid $pid)"
}

# Stops a node service by the PID recorded at start (SIGTERM, 10 s grace, then
# SIGKILL) and removes its temp dir and state files.
#   stop_node_service NAME LABEL STATE_FILE...
stop_node_service() {
  local name="$1" label="$2" tmp pid
  shift 2
  tmp="$(state "$name.dir")"; pid="$(state "$name.pid")"
  if pid_is "$pid" "$name"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do # 10 s grace, then force
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "$label ignored SIGTERM; killing pid $pid"
      kill -9 "$pid" 2>/dev/null || true
    fi
    log "$label stopped (pid $pid)"
  fi
  if [ -n "$tmp" ]; then rm -rf "$tmp"; fi
  local file
  for file in "$name.dir" "$name.pid" "$@"; do rm -f "$STATE_DIR/$file"; done
}

# Waits until PID listens on every PORT; shows its log if it dies or never does.
#   wait_listening LABEL PID LOG PORT...
wait_listening() {
  local label="$1" pid="$2" logfile="$3" port ready
  shift 3
  for _ in $(seq 1 120); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$label exited during start-up:"; cat "$logfile" >&2; return 1
    fi
    ready=1
    for port in "$@"; do port_open "$port" || ready=0; done
    if [ "$ready" -eq 1 ]; then return 0; fi
    sleep 0.5
  done
  log "$label did not open port(s) $*"; cat "$logfile" >&2; return 1
}

stop_azurite() { stop_node_service azurite Azurite azurite.port azurite.node; }

# ------------------------------------------------------------------ maildev
start_maildev() {
  if pid_is "$(state maildev.pid)" maildev; then
    log "maildev already running (pid $(state maildev.pid), SMTP port $(state maildev.smtp)); reusing"
    return
  fi
  stop_maildev
  local port
  for port in "$SMTP_PORT" "$MAILDEV_WEB_PORT"; do
    if port_open "$port"; then
      log "port $port is already in use; set PT_SMTP_PORT / PT_MAILDEV_WEB_PORT to free ports"; return 1
    fi
  done

  local node
  node="$(node_for_azurite)" # same Node requirement (>= 20)
  if [ ! -e "$MD_DIR/node_modules/.bin/maildev" ]; then
    (cd "$MD_DIR" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
  fi

  local tmp pid
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/pt-maildev.XXXXXX")"
  echo "$tmp" >"$STATE_DIR/maildev.dir"
  echo "$SMTP_PORT" >"$STATE_DIR/maildev.smtp"
  echo "$MAILDEV_WEB_PORT" >"$STATE_DIR/maildev.web"
  # Both listeners on loopback (the defaults are every interface). No
  # --outgoing-*/--auto-relay and no --mcp: nothing is relayed or sent out.
  "$node" "$MD_DIR/node_modules/.bin/maildev" \
    --ip 127.0.0.1 --smtp "$SMTP_PORT" \
    --web-ip 127.0.0.1 --web "$MAILDEV_WEB_PORT" \
    --mail-directory "$tmp/mail" \
    </dev/null >"$tmp/maildev.log" 2>&1 &
  pid=$!
  echo "$pid" >"$STATE_DIR/maildev.pid"

  wait_listening maildev "$pid" "$tmp/maildev.log" "$SMTP_PORT" "$MAILDEV_WEB_PORT"
  log "maildev up: SMTP 127.0.0.1:$SMTP_PORT, API http://127.0.0.1:$MAILDEV_WEB_PORT/api (pid $pid)"
}

stop_maildev() { stop_node_service maildev maildev maildev.smtp maildev.web; }

# ------------------------------------------------------------------ commands
write_env() {
  local pg_port az_port smtp_port web_port
  pg_port="$(state pg.port)"; az_port="$(state azurite.port)"
  smtp_port="$(state maildev.smtp)"; web_port="$(state maildev.web)"
  # The account name/key are Azurite's fixed, publicly documented dev values.
  cat >"$STATE_DIR/env" <<EOF
export PT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
export PT_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$az_port/devstoreaccount1;"
export PT_TEST_SMTP="127.0.0.1:$smtp_port"
export PT_TEST_MAILDEV="http://127.0.0.1:$web_port/api"
EOF
}

cmd_start() {
  mkdir -p "$STATE_DIR"
  # A half-started set is useless: undo it if anything below fails.
  trap 'log "start failed; stopping what was started"; cmd_stop' EXIT
  start_pg
  start_azurite
  start_maildev
  write_env
  trap - EXIT
  echo "$STATE_DIR/env"
}

cmd_stop() {
  stop_maildev
  stop_azurite
  stop_pg
  rm -f "$STATE_DIR/env"
  rmdir "$STATE_DIR" 2>/dev/null || true
}

# ------------------------------------------------------ faults, for the tests
# A dependency going away and coming back with its data, as in production:
#   services.sh down azurite | up azurite   # stop the process, keep the blobs
#   services.sh restart postgres [SECONDS]  # stop (dropping every client), stay
#                                           # down SECONDS, start on the same data
cmd_down() {
  [ "${1:-}" = azurite ] || { echo "usage: $0 down azurite" >&2; exit 2; }
  local pid
  pid="$(state azurite.pid)"
  pid_is "$pid" azurite || { log "Azurite is not running"; return 1; }
  kill "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  log "Azurite down (pid $pid); its data is kept"
}

cmd_up() {
  [ "${1:-}" = azurite ] || { echo "usage: $0 up azurite" >&2; exit 2; }
  if pid_is "$(state azurite.pid)" azurite; then log "Azurite is already up"; return; fi
  local tmp port node
  tmp="$(state azurite.dir)"; port="$(state azurite.port)"; node="$(state azurite.node)"
  [ -d "$tmp" ] || { log "no Azurite data folder recorded; use start"; return 1; }
  launch_azurite "$node" "$tmp" "$port"
}

cmd_restart() {
  [ "${1:-}" = postgres ] || { echo "usage: $0 restart postgres" >&2; exit 2; }
  local tmp bindir
  tmp="$(state pg.dir)"; bindir="$(state pg.bindir)"
  pid_is "$(state pg.pid)" postgres || { log "PostgreSQL is not running"; return 1; }
  # -m fast drops every client connection, as a crash or failover would.
  (cd / && as_pg "$bindir/pg_ctl" -D "$tmp/data" stop -m fast -w -t 60 >/dev/null)
  sleep "${2:-0}"
  (cd / && as_pg "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/postgres.log" start -w -t 60 >/dev/null)
  head -n 1 "$tmp/data/postmaster.pid" >"$STATE_DIR/pg.pid"
  log "PostgreSQL restarted after ${2:-0} s down (pid $(state pg.pid))"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  down) cmd_down "${2:-}" ;;
  up) cmd_up "${2:-}" ;;
  restart) cmd_restart "${2:-}" "${3:-0}" ;;
  *) echo "usage: $0 start|stop|down azurite|up azurite|restart postgres [SECONDS]" >&2; exit 2 ;;
esac
