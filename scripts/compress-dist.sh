#!/usr/bin/env bash
# Writes .br and .gz beside every compressible file in dist/, once per build,
# so the server sends compressed assets without compressing per request.
# dist/ holds the board's bundle (index.html), dist/more/ the whole customer
# app (more.html),
# dist/pm/ the product managers' bundle (pm.html).
set -euo pipefail
cd "$(dirname "$0")/.."
for f in dist/*.wasm dist/*.js dist/*.css dist/*.html dist/more/*.wasm dist/more/*.js dist/more/*.css dist/more/*.html dist/pm/*.wasm dist/pm/*.js dist/pm/*.css dist/pm/*.html; do
  [ -f "$f" ] || continue
  brotli -f -q 11 -o "$f.br" "$f"
  gzip -f -k -9 "$f"
done
