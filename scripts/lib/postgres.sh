# Sourced by the scripts that test against PostgreSQL. `postgres_or_skip`
# starts the local cluster if it is installed but stopped; when no
# PostgreSQL can be reached it fails under CI=true and otherwise returns 1
# after a loud message, so the caller can skip its PostgreSQL part.
PG=${SCHWARM_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
export SCHWARM_TEST_PG_URL=$PG

pg_reachable() { psql "$PG" -Atqc 'SELECT 1' >/dev/null 2>&1; }

postgres_or_skip() {
  local what=$1
  if ! pg_reachable && [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do pg_reachable && break; sleep 1; done
  fi
  pg_reachable && return 0
  if [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL is not reachable at $PG; under CI=true that is a failure." >&2
    exit 1
  fi
  printf '\n%s\n%s\n%s\n\n' \
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!' \
    "!!  PostgreSQL is not reachable at $PG: SKIPPING $what." \
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!' >&2
  return 1
}
