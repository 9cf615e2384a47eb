#!/usr/bin/env bash
# Runs the whole API suite against PostgreSQL (each test makes its own
# database). Starts the local cluster if it is installed but stopped. When no
# PostgreSQL can be reached: under CI=true that fails; elsewhere the run is
# skipped with a loud message.
set -euo pipefail
cd "$(dirname "$0")/.."
PG=${SCHWARM_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
export SCHWARM_TEST_PG_URL=$PG

reachable() { psql "$PG" -Atqc 'SELECT 1' >/dev/null 2>&1; }

if ! reachable && [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do reachable && break; sleep 1; done
fi

if ! reachable; then
  if [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL is not reachable at $PG; under CI=true that is a failure." >&2
    exit 1
  fi
  printf '\n%s\n%s\n%s\n\n' \
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!' \
    "!!  PostgreSQL is not reachable at $PG: SKIPPING its API tests." \
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!' >&2
  exit 0
fi

# Databases left by earlier runs.
psql "$PG" -Atqc "SELECT datname FROM pg_database WHERE datname LIKE 'schwarm\_test\_%'" |
  while read -r db; do psql "$PG" -qc "DROP DATABASE IF EXISTS \"$db\"" >/dev/null; done

SCHWARM_TEST_DATABASE=postgres cargo test --locked -p schwarm-server --test api
