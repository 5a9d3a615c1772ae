#!/usr/bin/env bash
# Benchmarks the map: time until it is on screen in our app and in a d3-geo baseline, and layer/slider interaction
# latency in our app, in headless Chromium with 4x CPU throttling. See bench/bench.mjs for what is measured.
# Usage: scripts/bench.sh [--runs N] [--timeout MS]   Output: target/bench.md, target/bench.json
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules/d3-geo ] || [ ! -d node_modules/d3-array ] || [ ! -d node_modules/topojson-client ]; then
  npm ci
fi
[ -f pkg/atlas_bg.wasm ] || bash scripts/build.sh
exec node bench/bench.mjs "$@"
