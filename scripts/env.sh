# Shared settings for build and test scripts (sourced, not run).
# Paths are remapped so the wasm is byte-identical wherever the repo is checked out.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PATH"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$ROOT=/atlas --remap-path-prefix=$CARGO_HOME=/cargo"
export SOURCE_DATE_EPOCH=0
# The wasm-bindgen CLI must match the crate version in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock")"
export WASM_BINDGEN_VERSION
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
