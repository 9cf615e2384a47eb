#!/usr/bin/env bash
# Runs the whole API suite against PostgreSQL (each test makes its own
# database). See scripts/lib/postgres.sh for what happens without one.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/postgres.sh
postgres_or_skip "its API tests" || exit 0

# Databases left by earlier runs.
psql "$PG" -Atqc "SELECT datname FROM pg_database WHERE datname LIKE 'schwarm\_test\_%'" |
  while read -r db; do psql "$PG" -qc "DROP DATABASE IF EXISTS \"$db\"" >/dev/null; done

SCHWARM_TEST_DATABASE=postgres cargo test --locked -p schwarm-server --test api
