#!/usr/bin/env bash
# Installs what a build needs, when missing: the wasm target, the exact wasm-bindgen CLI, npm tools (binaryen).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
channel="$(awk -F'"' '/^channel/ {print $2}' rust-toolchain.toml)"
if ! rustup run "$channel" rustc --version >/dev/null 2>&1; then
  log "installing the pinned Rust toolchain $channel"
  rustup toolchain install "$channel" --profile minimal --target wasm32-unknown-unknown
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm tools (binaryen, Playwright, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi
