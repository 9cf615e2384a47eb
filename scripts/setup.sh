#!/usr/bin/env bash
# Installs, idempotently, every tool the build and the tests need on a fresh
# machine of this kind. Each step first checks whether its tool is already
# there at the right version, so a second run costs a few seconds.
#
# Why not let Trunk fetch its tools? Trunk downloads wasm-bindgen and wasm-opt
# from GitHub, which these machines cannot reach; so we install them from
# crates.io and npm and Trunk.toml pins the versions (offline = true).
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS="$PWD/.tools"
export PATH="$TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
TERSER_VERSION=5.51.4
want_tests=${1:-}

log() { printf '[setup] %s\n' "$*"; }

# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock, or the
# generated JS glue does not match the wasm.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 10 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

WB=$(wasm_bindgen_version)
if [ -z "$WB" ]; then
  log "Cargo.lock names no wasm-bindgen; run cargo fetch first" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB\$\| $WB "; then
  # Not --locked: the CLI's own lockfile wants a crate this registry lacks.
  log "installing wasm-bindgen-cli $WB"
  cargo install wasm-bindgen-cli --version "$WB" --force
fi

# Debian's binaryen (108) produces wasm that throws at start-up; use npm's.
if ! "$TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  log "installing binaryen@$BINARYEN_VERSION from npm into .tools/"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
fi

# wasm-bindgen's JS glue is shipped as written; Trunk's own minifier cannot
# parse it (`export { .. as default }`), so make web runs terser on it.
if ! "$TOOLS/node_modules/.bin/terser" --version 2>/dev/null | grep -q "terser $TERSER_VERSION\$"; then
  log "installing terser@$TERSER_VERSION from npm into .tools/"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent "terser@$TERSER_VERSION"
fi

if ! command -v brotli >/dev/null; then
  log "installing brotli from apt (precompressed assets)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq brotli >/dev/null
fi

if [ "$want_tests" = "--tests" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing chromium and chromedriver from apt"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # Reinstalled whenever package-lock.json changes (a stamp remembers it).
  lock_sum=$(sha256sum tests/e2e/package-lock.json | cut -d' ' -f1)
  stamp=tests/e2e/node_modules/.schwarm-lock
  if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
    log "installing the end-to-end test packages from npm"
    (cd tests/e2e && npm ci --no-audit --no-fund --silent)
    echo "$lock_sum" >"$stamp"
  fi
fi
if [ "$want_tests" = "--tests" ]; then
  # Schemathesis fuzzes the API against its OpenAPI document (make test).
  SCHEMATHESIS_VERSION=4.32.5
  if ! "$TOOLS/venv/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
    log "installing schemathesis $SCHEMATHESIS_VERSION from PyPI into .tools/venv"
    python3 -m venv "$TOOLS/venv"
    "$TOOLS/venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  fi
fi
log "tools ready"
