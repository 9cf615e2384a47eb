#!/usr/bin/env bash
# Schemathesis (PyPI) against the real server with the demo data: every
# check (`--checks all`, see schemathesis.toml), first anonymous, then
# signed in as the demo admin (who may also do what product managers do);
# on SQLite, then on PostgreSQL (skipped loudly without one, a failure
# under CI=true). A bounded number of examples per operation and a fixed
# seed keep `make test` quick and repeatable; set SCHEMATHESIS_EXAMPLES /
# SCHEMATHESIS_SEED to explore more.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${SCHWARM_BIN:-target/debug/schwarm}
EXAMPLES=${SCHEMATHESIS_EXAMPLES:-20}
SEED=${SCHEMATHESIS_SEED:-20261130}
ST=.tools/venv/bin/schemathesis

. scripts/lib/postgres.sh

dir=$(mktemp -d)
pgdb=schwarm_schema_$$
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$dir"
  if [ -n "${pg_made:-}" ]; then psql "$PG" -qc "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

fuzz() {
  local database_url=$1
  : >"$dir/out"
  # Limits far above what the fuzzer sends: it tests the API, not the limits.
  RUST_LOG=error "$BIN" serve --addr 127.0.0.1:0 --database-url "$database_url" --dist dist --demo \
    --auth-burst 1000000 --post-burst 1000000 --vote-burst 1000000 >"$dir/out" 2>"$dir/err" &
  pid=$!
  for _ in $(seq 1 100); do
    grep -q "running at" "$dir/out" 2>/dev/null && break
    sleep 0.1
  done
  url=$(sed -n 's/.*running at \(http:[^ ]*\)\/$/\1/p' "$dir/out")
  [ -n "$url" ] || { echo "the server did not start:"; cat "$dir/err"; exit 1; }

  run() {
    # The event stream never ends by design; its behaviour is covered by the
    # API tests (server/tests/api/events.rs).
    "$ST" run "$url/api/v1/openapi.json" --checks all --max-examples "$EXAMPLES" --seed "$SEED" \
      --exclude-path /api/v1/events --no-color --warnings off "$@"
  }

  echo "[schemathesis] anonymous"
  run

  echo "[schemathesis] signed in as the demo admin (who may do what product managers do too)"
  cookie=$(curl -s -D - -o /dev/null -H 'content-type: application/json' \
    -d '{"email":"admin@schwarm.example","password":"demo-admin-2026"}' "$url/api/v1/auth/login" |
    sed -n 's/^[Ss]et-[Cc]ookie: \(schwarm_session=[^;]*\).*/\1/p')
  [ -n "$cookie" ] || { echo "could not sign in"; exit 1; }
  # Signing out or deleting the account would end the session mid-run.
  run -H "Cookie: $cookie" --exclude-operation-id logout --exclude-operation-id delete_me

  if grep -q "panicked" "$dir/err"; then
    echo "the server panicked:"; cat "$dir/err"; exit 1
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

echo "[schemathesis] on SQLite"
fuzz "sqlite://$dir/db.sqlite"
if postgres_or_skip "schemathesis on PostgreSQL"; then
  psql "$PG" -qc "CREATE DATABASE $pgdb" >/dev/null
  pg_made=1
  echo "[schemathesis] on PostgreSQL"
  fuzz "${PG%/*}/$pgdb"
fi
