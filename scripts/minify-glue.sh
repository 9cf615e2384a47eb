#!/usr/bin/env bash
# Minifies wasm-bindgen's JS glue in each bundle of dist/ with terser, and
# puts the new file's hash into the integrity attribute that Trunk wrote
# for it in that bundle's index.html (a stale one would make the browser
# refuse the script).
#
# Trunk's `minify` does the HTML and CSS, but its JS minifier cannot parse
# the glue (`export { .. as default }`) and ships it as written: 8.2 KB
# brotli on the board's first load, 6.4 KB minified. make web runs it once
# per build, right after Trunk; a second run minifies again (not always to
# the same bytes) and still leaves each integrity attribute matching.
set -euo pipefail
cd "$(dirname "$0")/.."
terser=.tools/node_modules/.bin/terser
for dir in dist dist/more dist/pm; do
  [ -f "$dir/index.html" ] || continue
  for js in "$dir"/schwarm-web-*.js; do
    [ -f "$js" ] || continue
    old=$(openssl dgst -sha384 -binary "$js" | base64 -w0)
    "$terser" "$js" --module --compress --mangle --output "$js.min"
    mv "$js.min" "$js"
    new=$(openssl dgst -sha384 -binary "$js" | base64 -w0)
    grep -qF "sha384-$old" "$dir/index.html" || { echo "no integrity for $js in $dir/index.html" >&2; exit 1; }
    sed -i "s|sha384-$old|sha384-$new|" "$dir/index.html"
  done
done
