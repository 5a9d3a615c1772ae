#!/usr/bin/env bash
# Builds the map preview: the site with the world map mounted (cargo feature `map`), into target/map-site/. The
# shipped site leaves the map out until it fits the 150 KB first-load budget (issue 4); the preview is what the map's
# end-to-end tests (tests/e2e/map.spec.mjs, served under /map-preview/) and the benchmark run against.
# Usage: scripts/build-map-preview.sh
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
site=target/map-site
ATLAS_FEATURES=map ATLAS_PKG="$site/pkg" bash scripts/build.sh
rm -rf "$site/style" && mkdir -p "$site" && cp -r index.html boot.js style "$site/"
