#!/usr/bin/env bash
# Prints and records what a first visit downloads from dist/: raw, gzip and
# brotli bytes of the wasm, JS and CSS, against the 150 KB brotli budget.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v brotli >/dev/null || { apt-get install -y -qq brotli >/dev/null 2>&1 || true; }
out=bench/bundle-size.json
mkdir -p bench
total_br=0; rows=""
# wasm-bindgen's snippets (dist/snippets/) are modules the JS glue imports.
for f in dist/*.wasm dist/*.js dist/snippets/*/*.js dist/*.css; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -c -q 11 "$f" | wc -c)
  total_br=$((total_br + br))
  kind=${f##*.}
  printf '%-5s raw %8d  gzip %7d  brotli %7d  %s\n' "$kind" "$raw" "$gz" "$br" "$f"
  rows+="${rows:+,}{\"file\":\"${f#dist/}\",\"raw\":$raw,\"gzip\":$gz,\"brotli\":$br}"
done
budget=153600
printf 'first load, brotli: %d bytes (budget %d)\n' "$total_br" "$budget"
printf '{"files":[%s],"total_brotli":%d,"budget_brotli":%d,"commit":"%s","date":"%s"}\n' \
  "$rows" "$total_br" "$budget" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$(date -u +%FT%TZ)" >"$out"
