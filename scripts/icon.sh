#!/usr/bin/env bash
# Renders the favicon's drawing (style/icon.svg, not loaded by the page) into style/icon.png: 32 px, 8 colours.
# The page links the PNG: Chromium fetches the icon again at every history entry (each layer switch, date, zoom…),
# and an SVG icon is parsed as a document on the page's main thread each time (about 2 ms, 9 ms at 4x CPU
# throttling), a PNG decoded in a tenth of that. Usage: bash scripts/icon.sh (needs Chromium and node_modules).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
node - "$tmp/raw.png" <<'JS'
const { chromium } = require(process.cwd() + '/node_modules/playwright-core');
const { readFileSync } = require('node:fs');
(async () => {
  const svg = readFileSync('style/icon.svg', 'utf8').replace('<svg ', '<svg width="32" height="32" ');
  const b = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const p = await b.newPage({ viewport: { width: 32, height: 32 }, deviceScaleFactor: 1 });
  await p.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await p.screenshot({ path: process.argv[2], omitBackground: true });
  await b.close();
})();
JS
python3 scripts/icon-png.py "$tmp/raw.png" style/icon.png
