#!/usr/bin/env bash
# Builds the site into pkg/ from source: cargo (wasm32, release) -> wasm-bindgen -> wasm-opt -Oz, plus the data
# export files. Usage: scripts/build.sh [--serve]   (--serve then serves the repo root at http://127.0.0.1:8080)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/setup-build.sh

mkdir -p target
log "cargo build (release, wasm32)"
pkg=pkg
cargo build --release --target wasm32-unknown-unknown --locked \
  --message-format=json-render-diagnostics > target/build-messages.json
out_dir="$(python3 - <<'PY'
import json
for line in open("target/build-messages.json"):
    if not line.startswith("{"):
        continue
    m = json.loads(line)
    if m.get("reason") == "build-script-executed" and m.get("package_id", "").find("ai-strategy-atlas") >= 0:
        print(m["out_dir"])
PY
)"
[ -d "$out_dir/export" ] || { echo "build.rs export directory not found" >&2; exit 1; }

log "wasm-bindgen $WASM_BINDGEN_VERSION"
rm -rf pkg.new && mkdir -p pkg.new/data
wasm-bindgen --target web --no-typescript --out-dir pkg.new --out-name atlas \
  target/wasm32-unknown-unknown/release/ai-strategy-atlas.wasm

python3 scripts/drop-stream-exports.py pkg.new/atlas_bg.wasm pkg.new/atlas.js
# The start-up code (src/boot.js) takes the place of the glue's exports: the page loads one script, and terser drops
# what only the exports used (initSync).
python3 - <<'PY'
glue = open("pkg.new/atlas.js", encoding="utf-8").read()
exports = "export { initSync, __wbg_init as default };\n"
assert glue.endswith(exports), "the glue's exports changed: update scripts/build.sh"
boot = open("src/boot.js", encoding="utf-8").read()
open("pkg.new/atlas.js", "w", encoding="utf-8").write(glue[: -len(exports)] + boot)
PY
# Flattening and re-looping the control flow before two -Oz rounds gives ~1.3 KB gzip less than -Oz alone.
# --low-memory-unused (0.35 KB): the optimizer may assume addresses 0..1023 are never used. Rust's wasm32 layout
# puts the stack first, growing down from 1 MiB to 0, and the data above it: the bottom KB would only be reached by
# a stack 1 MiB deep, which has overflowed already.
log "wasm-opt --flatten --rereloop -Oz -Oz --converge --low-memory-unused"
node_modules/.bin/wasm-opt --flatten --rereloop -Oz -Oz --converge --low-memory-unused --strip-debug --strip-producers --strip-target-features \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue \
  pkg.new/atlas_bg.wasm -o pkg.new/atlas_bg.opt.wasm
mv pkg.new/atlas_bg.opt.wasm pkg.new/atlas_bg.wasm
log "terser (the wasm-bindgen glue)"
node_modules/.bin/terser pkg.new/atlas.js --module --ecma 2020 --compress passes=2 --mangle -o pkg.new/atlas.min.js
mv pkg.new/atlas.min.js pkg.new/atlas.js
log "short import names (wasm and glue)"
python3 scripts/shorten-imports.py pkg.new/atlas_bg.wasm pkg.new/atlas.js
# V8's compile hint (Chrome 136+; a plain comment elsewhere): compile every function of the glue eagerly, on the
# script's streaming thread, instead of one by one on the main thread at its first call. Nearly all of them are
# called during start-up; measured at 4x CPU throttling, the map came about 50 ms sooner (24 loads each).
{ printf '//# allFunctionsCalledOnLoad\n'; cat pkg.new/atlas.js; } > pkg.new/atlas.hinted.js
mv pkg.new/atlas.hinted.js pkg.new/atlas.js
cp "$out_dir"/export/* pkg.new/data/
log "CSS (style/*.css, minified into one file)"
python3 - <<'PY'
import re
# Comments and runs of white space go; spaces around { } ; , > go. Nothing else changes (":" is left alone:
# "a :hover" and "a:hover" are different selectors).
css = "".join(open(f"style/{n}.css", encoding="utf-8").read() for n in ("atlas", "map", "compare"))
css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
css = re.sub(r"\s+", " ", css)
css = re.sub(r"\s*([{};,>])\s*", r"\1", css).replace(";}", "}").strip()
open("pkg.new/atlas.css", "w", encoding="utf-8").write(css + "\n")
PY
mkdir -p "$(dirname "$pkg")" && rm -rf "$pkg" && mv pkg.new "$pkg"

python3 - <<'PY'
import gzip, os
total = 0
pkg = "pkg"
for f in ["index.html", f"{pkg}/atlas.css", "style/icon.png", f"{pkg}/atlas.js", f"{pkg}/atlas_bg.wasm"]:
    raw = open(f, "rb").read()
    gz = len(gzip.compress(raw, 9, mtime=0))
    total += gz
    print(f"  {f:24s} {len(raw)/1024:8.1f} KB raw {gz/1024:7.1f} KB gzip")
print(f"  {'first load total':24s} {'':17s}{total/1024:7.1f} KB gzip")
PY

if [ "${1:-}" = "--serve" ]; then
  log "serving $ROOT at http://127.0.0.1:8080 (Ctrl-C stops)"
  exec python3 -m http.server 8080 --bind 127.0.0.1 --directory "$ROOT"
fi
