#!/usr/bin/env bash
# Sourced by .ci/run: starts a throw-away PostgreSQL on 127.0.0.1 for the storage tests and exports
# CALCCDS_TEST_POSTGRES. It never fails the run: on any problem it says why and returns 0, and the
# PostgreSQL tests skip with a visible reason.

calccds_say() { printf '[ci] %s\n' "$*"; }

calccds_start_postgres() {
  local say=calccds_say
  if [ "$(id -u)" -ne 0 ] && ! command -v pg_ctl >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    $say "postgres: not root and PostgreSQL is not installed; PostgreSQL tests will skip"; return 0
  fi
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    $say "postgres: installing (apt-get)"
    if ! { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1; }; then
      $say "postgres: apt-get install postgresql failed; PostgreSQL tests will skip"; return 0
    fi
  fi
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    $say "postgres: initdb not found after install; PostgreSQL tests will skip"; return 0
  fi

  # initdb refuses to run as root: the cluster belongs to the 'postgres' user (created by the package),
  # or to us when we are not root.
  local runas=()
  if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      $say "postgres: no 'postgres' user; PostgreSQL tests will skip"; return 0
    fi
    runas=(runuser -u postgres --)
  fi

  local dir port
  dir=$(mktemp -d /tmp/calccds-pg.XXXXXX) || { $say "postgres: mktemp failed"; return 0; }
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || shuf -i 20000-60000 -n 1)

  if ! "${runas[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1; then
    $say "postgres: initdb failed ($(tail -1 "$dir/initdb.log")); PostgreSQL tests will skip"; return 0
  fi
  if ! "${runas[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=300" start >/dev/null 2>&1; then
    $say "postgres: server did not start ($(tail -1 "$dir/server.log" 2>/dev/null)); PostgreSQL tests will skip"; return 0
  fi
  if ! "${runas[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qAt -c "CREATE DATABASE calccds_test" >/dev/null 2>&1; then
    $say "postgres: could not create the test database; PostgreSQL tests will skip"; return 0
  fi

  # Stop the server when the CI script exits (the script sets no EXIT trap of its own).
  trap "${runas[*]} '$bin/pg_ctl' -D '$dir/data' stop -m fast >/dev/null 2>&1; rm -rf '$dir'" EXIT
  export CALCCDS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Database=calccds_test;Username=postgres"
  export CALCCDS_TEST_POSTGRES_DIR="$dir"
  $say "postgres: running on 127.0.0.1:$port (data in $dir/data); CALCCDS_TEST_POSTGRES is set"
  return 0
}

calccds_start_postgres || true
