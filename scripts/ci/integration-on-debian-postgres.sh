#!/usr/bin/env bash
# CI job: the integration suite against Debian's PostgreSQL server through
# DATABASE_URL (the production path), besides the embedded default that
# `npm test` uses. Installs Debian's `postgresql` package when missing (as root),
# runs a throwaway cluster of its own on 127.0.0.1:${CI_POSTGRES_PORT:-55432} as
# the `postgres` user, and removes it afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${CI_POSTGRES_PORT:-55432}"

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  if [ "$(id -u)" != 0 ]; then
    echo "Debian's PostgreSQL is not installed and this user cannot install it: run as root, or apt-get install postgresql." >&2
    exit 1
  fi
  echo "installing Debian's postgresql package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
bin="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -1)"

# As root the server runs as `postgres`, in a folder it owns; otherwise as this user.
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
work="$(mktemp -d)"
chmod 755 "$work"
password="ci-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$password" > "$work/pwfile"
if [ "$(id -u)" = 0 ]; then chown postgres: "$work/pwfile"; mkdir "$work/data"; chown postgres: "$work/data"; fi
cleanup() {
  as_server "$bin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

as_server "$bin/initdb" -D "$work/data" -U postgres --auth=scram-sha-256 --pwfile="$work/pwfile" --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_server "$bin/pg_ctl" -D "$work/data" -l "$work/data/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=''" start >/dev/null
echo "Debian's PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

# Arguments (test files, -t NAME) narrow the run, e.g. while working on this script.
DATABASE_URL="postgresql://postgres:$password@127.0.0.1:$port/leadbridge" npm run -s test:integration -- "$@"
