#!/usr/bin/env bash
# Runs the whole test suite, installing what it needs:
#   1. native unit and data tests (cargo test)
#   2. the site build, checked to reproduce the committed pkg/ byte for byte
#   3. component tests in headless Chromium and Firefox (wasm-bindgen-test)
#   4. end-to-end tests of the built site in Chromium (Playwright, axe-core), including the size budget, and smoke
#      tests of the built site in Firefox ESR (geckodriver)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/setup-build.sh
bash scripts/setup-test.sh
mkdir -p target
passed=0
failed=0
count() { # adds the "N passed; M failed" of cargo's result lines in file $1
  local p f
  p=$(grep -Eo '[0-9]+ passed' "$1" | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed' "$1" | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
  printf '%s: %s passed, %s failed\n' "$2" "$p" "$f" >> target/test-summary.txt
}
: > target/test-summary.txt

log "1/4 native tests (unit tests of the pure modules, dataset tests; the send_wrapper stand-in in shims/)"
{ cargo test --locked && cargo test --locked -p send_wrapper; } 2>&1 | tee target/native-tests.log
count target/native-tests.log native

log "2/4 build the site and check that it reproduces the committed pkg/"
committed=$(mktemp -d)
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git archive HEAD pkg | tar -x -C "$committed" 2>/dev/null || true
fi
bash scripts/build.sh
if [ -d "$committed/pkg" ]; then
  if ! diff -r -q "$committed/pkg" pkg > target/pkg-diff.txt; then
    echo "pkg/ is not what a clean build of the committed sources produces. Differing files:" >&2
    sed 's/^/  /' target/pkg-diff.txt >&2
    if [ -n "${CI:-}" ]; then exit 1; fi
    echo "(not fatal outside CI: rebuild and commit pkg/ with your source changes)" >&2
  else
    echo "pkg/ reproduces byte for byte."
  fi
fi
rm -rf "$committed"

log "3/4 component tests in headless Chromium and Firefox (wasm-bindgen-test)"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --locked --target wasm32-unknown-unknown --test web 2>&1 | tee target/wasm-chromium.log
count target/wasm-chromium.log component-chromium
GECKODRIVER="$(command -v geckodriver)" cargo test --locked --target wasm32-unknown-unknown --test web 2>&1 | tee target/wasm-firefox.log
count target/wasm-firefox.log component-firefox

log "4/4 end-to-end tests (Playwright + axe-core, Chromium)"
(cd tests/e2e && CHROMIUM="$(command -v chromium)" "$ROOT/node_modules/.bin/playwright" test -c playwright.config.mjs) 2>&1 | tee target/e2e.log
e2e=$(node -e '
  const r = require(process.argv[1]);
  const s = r.stats; console.log(`${s.expected} ${s.unexpected + s.flaky}`);' "$ROOT/target/e2e-results.json")
passed=$((passed + ${e2e% *})); failed=$((failed + ${e2e#* }))
printf 'e2e: %s passed, %s failed\n' "${e2e% *}" "${e2e#* }" >> target/test-summary.txt
log "4/4 (cont.) end-to-end smoke tests in Firefox ESR (geckodriver)"
GECKODRIVER="$(command -v geckodriver)" node --test tests/e2e/firefox.test.mjs 2>&1 | tee target/e2e-firefox.log || true
ffp=$(awk '/^# pass /{print $3}' target/e2e-firefox.log | tail -1)
fff=$(awk '/^# fail /{print $3}' target/e2e-firefox.log | tail -1)
[ -n "$ffp" ] || { ffp=0; fff=1; }
passed=$((passed + ffp)); failed=$((failed + ${fff:-1}))
printf 'e2e-firefox: %s passed, %s failed\n' "$ffp" "${fff:-1}" >> target/test-summary.txt
printf 'budget: %s KB gzip of at most 150 KB\n' "$(cat target/budget.txt 2>/dev/null || echo '?')" >> target/test-summary.txt

echo
cat target/test-summary.txt
echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
