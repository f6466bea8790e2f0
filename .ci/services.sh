# Sourced by .ci/run: starts a throw-away PostgreSQL and a throw-away
# nats-server (JetStream on, store in a temp folder) on free loopback ports,
# exports their URLs for the tests (CHRONICLE_TEST_PG, CHRONICLE_TEST_NATS), and
# stops both on exit (services_stop, from the caller's trap). Where one cannot be
# installed or started it prints a notice and leaves its variable unset: the
# tests that need it skip, CI does not fail for it. As root (CI) PostgreSQL runs
# as the postgres user the Debian package creates.

SERVICES_DIR=""
NATS_PID=""

services_stop() {
  local pgbin
  if [ -n "$NATS_PID" ]; then
    kill "$NATS_PID" 2>/dev/null || true
    wait "$NATS_PID" 2>/dev/null || true
  fi
  if [ -n "${PG_DATA:-}" ] && [ -d "$PG_DATA" ]; then
    pgbin="$(pg_bindir)"
    as_pg "$pgbin/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ -n "$SERVICES_DIR" ]; then rm -rf "$SERVICES_DIR"; fi
}

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
  else
    echo $((20000 + RANDOM % 20000))
  fi
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  local sudo=""
  if [ "$(id -u)" != "0" ]; then command -v sudo >/dev/null 2>&1 && sudo="sudo -n" || return 1; fi
  { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; } >/dev/null
}

pg_bindir() {
  { ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -1
}

# PostgreSQL refuses to run as root: as root, run it as the postgres user (from a
# folder that user can enter).
as_pg() {
  if [ "$(id -u)" = "0" ]; then (cd /tmp && runuser -u postgres -- "$@"); else "$@"; fi
}

start_postgres() {
  local pgbin port
  pgbin="$(pg_bindir)"
  if [ -z "$pgbin" ]; then
    apt_install postgresql || true
    pgbin="$(pg_bindir)"
  fi
  if [ -z "$pgbin" ] || { [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; }; then
    echo "notice: PostgreSQL not available: the PostgreSQL tests will skip"
    return 0
  fi
  SERVICES_DIR="${SERVICES_DIR:-$(mktemp -d /tmp/chronicle-ci.XXXXXX)}"
  chmod 755 "$SERVICES_DIR"
  mkdir -p "$SERVICES_DIR/pg"
  if [ "$(id -u)" = "0" ]; then chown postgres "$SERVICES_DIR/pg"; fi
  PG_DATA="$SERVICES_DIR/pg/data"
  port="$(free_port)"
  if as_pg "$pgbin/initdb" -D "$PG_DATA" -A trust -U postgres >"$SERVICES_DIR/pg/initdb.log" 2>&1 \
    && as_pg "$pgbin/pg_ctl" -D "$PG_DATA" -w -t 60 -l "$SERVICES_DIR/pg/log" \
         -o "-p $port -k $SERVICES_DIR/pg -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
    export CHRONICLE_TEST_PG="postgres://postgres@127.0.0.1:$port/postgres"
    echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (CHRONICLE_TEST_PG)"
  else
    echo "notice: PostgreSQL did not start (see below): the PostgreSQL tests will skip"
    tail -5 "$SERVICES_DIR/pg/initdb.log" "$SERVICES_DIR/pg/log" 2>/dev/null || true
    PG_DATA=""
  fi
}

# nats-server (Debian package, 2.9.10 on Debian 12) with JetStream, its store in
# the services folder, listening on loopback only.
start_nats() {
  local port i
  if ! command -v nats-server >/dev/null 2>&1; then
    apt_install nats-server || true
  fi
  if ! command -v nats-server >/dev/null 2>&1; then
    echo "notice: nats-server not available: the NATS tests will skip"
    return 0
  fi
  SERVICES_DIR="${SERVICES_DIR:-$(mktemp -d /tmp/chronicle-ci.XXXXXX)}"
  mkdir -p "$SERVICES_DIR/nats"
  port="$(free_port)"
  nats-server -js -a 127.0.0.1 -p "$port" -sd "$SERVICES_DIR/nats/js" >"$SERVICES_DIR/nats/log" 2>&1 &
  NATS_PID=$!
  for i in $(seq 1 50); do
    if grep -q "Server is ready" "$SERVICES_DIR/nats/log" 2>/dev/null; then
      export CHRONICLE_TEST_NATS="nats://127.0.0.1:$port"
      echo "nats-server $(nats-server --version | awk '{print $2}') with JetStream on 127.0.0.1:$port (CHRONICLE_TEST_NATS)"
      return 0
    fi
    if ! kill -0 "$NATS_PID" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "notice: nats-server did not start (see below): the NATS tests will skip"
  tail -5 "$SERVICES_DIR/nats/log" 2>/dev/null || true
  kill "$NATS_PID" 2>/dev/null || true
  NATS_PID=""
}
