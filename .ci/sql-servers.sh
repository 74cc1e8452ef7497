#!/usr/bin/env bash
# Starts Debian's packaged PostgreSQL 15 and MariaDB 10.11 on private ports and data folders under
# /tmp, so that the SQL store suites can run a second time against them (the embedded servers are
# PostgreSQL 18 and MariaDB 11.4). Prints only `export ...` lines on stdout (for eval); logs go to
# stderr. `bash .ci/sql-servers.sh stop` stops both and removes their data folders.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-55432}
PG_DIR=/tmp/userkit-ci-pg
MY_PORT=${MY_PORT:-53306}
MY_DIR=/tmp/userkit-ci-mariadb
MY_SOCK=/tmp/userkit-ci-mariadb.sock
MY_USER=userkit
MY_PASSWORD=userkit

log() { printf '[sql-servers] %s\n' "$*" >&2; }

stop_all() {
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    log "stopping PostgreSQL"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >&2 || true
  fi
  if [ -f "$MY_DIR/mariadb.pid" ]; then
    log "stopping MariaDB"
    local pid
    pid=$(cat "$MY_DIR/mariadb.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -rf "$PG_DIR" "$MY_DIR" "$MY_SOCK"
}

if [ "${1:-start}" = "stop" ]; then
  stop_all
  exit 0
fi

stop_all

# PostgreSQL 15: initdb refuses root, so the cluster belongs to the postgres user.
if [ ! -x "$PG_BIN/initdb" ]; then
  log "installing PostgreSQL 15"
  apt-get update -q >&2 && apt-get install -y -q postgresql-15 >&2
fi
mkdir -p "$PG_DIR"
chown postgres:postgres "$PG_DIR"
log "initialising PostgreSQL 15 in $PG_DIR"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >&2
log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 120 \
  -o "-p $PG_PORT -h 127.0.0.1 -k /tmp -c max_connections=200" start >&2

# MariaDB 10.11 from Debian, in its own data folder, run as root (told so explicitly).
if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ]; then
  log "installing MariaDB"
  apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q mariadb-server >&2
fi
# the package's own service may have been started by the install; ours is separate and private
mkdir -p "$MY_DIR"
log "initialising MariaDB in $MY_DIR"
mariadb-install-db --no-defaults --datadir="$MY_DIR/data" --user=root --auth-root-authentication-method=socket \
  --skip-test-db >"$MY_DIR/install.log" 2>&1
log "starting MariaDB on 127.0.0.1:$MY_PORT"
nohup /usr/sbin/mariadbd --no-defaults --datadir="$MY_DIR/data" --user=root --port="$MY_PORT" \
  --bind-address=127.0.0.1 --socket="$MY_SOCK" --pid-file="$MY_DIR/mariadb.pid" \
  --log-error="$MY_DIR/server.log" --max-connections=300 >/dev/null 2>&1 &
for i in $(seq 1 120); do
  if mariadb-admin --no-defaults -S "$MY_SOCK" -u root ping >/dev/null 2>&1; then break; fi
  if [ "$i" = 120 ]; then log "MariaDB did not start"; cat "$MY_DIR/server.log" >&2; exit 1; fi
  sleep 0.5
done
# root uses unix_socket auth; the tests connect over TCP as an app user that may create databases
mariadb --no-defaults -S "$MY_SOCK" -u root -e "CREATE USER '$MY_USER'@'%' IDENTIFIED BY '$MY_PASSWORD';
  GRANT ALL PRIVILEGES ON *.* TO '$MY_USER'@'%'; FLUSH PRIVILEGES;" >&2
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') and MariaDB $(mariadb --no-defaults -S "$MY_SOCK" -u root -N -e 'SELECT VERSION()') ready"

cat <<OUT
export USERKIT_PG_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/postgres
export USERKIT_PG_USER=postgres
export USERKIT_PG_PASSWORD=
export USERKIT_MARIADB_URL=jdbc:mariadb://127.0.0.1:$MY_PORT/userkit
export USERKIT_MARIADB_USER=$MY_USER
export USERKIT_MARIADB_PASSWORD=$MY_PASSWORD
OUT
