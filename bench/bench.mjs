// Benchmark (not a test): how fast the world map appears and reacts, our app against a plain d3 baseline.
//
// What is measured, in headless Debian Chromium with 4x CPU throttling (CDP Emulation.setCPUThrottlingRate) and the
// HTTP cache disabled, each page load in a fresh browser context:
//   1. "map on screen": ms from navigation start until the frame that first has at least 150 `path[data-a2]`
//      inside `[data-testid="map"] svg` has been rendered. A rAF polling loop installed with page.addInitScript
//      (so it runs before any page script) sees the paths at the start of that frame; the frame's end (its
//      rendering, paint included) is the end of the Long Animation Frame entry that spans that moment (such a
//      first frame is always longer than the API's 50 ms; if none spans it, a zero timer set at that moment).
//      Also reported: the old figure, the requestAnimationFrame after that frame, which also charges a page for
//      what it does once the map is painted (our app then fills what lies below the map); d3's page does nothing
//      then. Pages:
//        - our app, index.html with pkg/ (the shipped page);
//        - the baseline, /bench/d3-map.html (d3-geo + topojson-client drawing countries-110m).
//      Both are interleaved, N runs each (after one unrecorded warm-up each), and reported as median and p95.
//   2. Our app only, once the map is on screen (in the last run's page): 30 layer switches on the radio group
//      `input[name="map-layer"]` (the next radio checked and a bubbling `change`, as a click does), 30 steps of
//      `input#map-date` (value - 1, wrapping to max, bubbling `input`) and 30 wheel steps on `#map-svg` (six in, six
//      out, and so on, about a point of Asia), 50 ms apart. Each is dispatched at the start of a frame, as Chromium delivers input
//      (in a requestAnimationFrame callback), and timed until that frame has been rendered (a setTimeout 0 queued
//      in the same callback): the script and rendering work of the frame that answers it, without the wait for the
//      frame to begin. (Dispatched at a random moment instead, the wait for the next vsync tick, 0-16.7 ms, counts
//      too whenever the compositor is still ticking from a frame drawn less than ~50 ms before, as after the
//      previous step's follow-up frame: it would measure the spacing of the steps, not the app. The old way is
//      still reported, as "unaligned", for comparison.)
//      Also: the frame that redraws the map once the view rests after a wheel step (the steps themselves only move
//      it by a transform; see atlas_map::settle), as the longest interval between frames in the 600 ms after one
//      step, 8 times: not an answer to input, but a frame a reader could notice.
//   3. The floor of a layer switch, timed the same way: the DOM writes of a switch made from plain JS, no app code
//      (the next radio checked, the shown layer's overlay `svg.map-ov.on` hidden and the next one shown): what the
//      browser alone needs for such a frame. The difference to 2 is the app's own work.
// A tiny static server (node:http) serves the repo root with the site's strict CSP and cache-control: no-store.
// Output: a markdown table on stdout and in target/bench.md, raw numbers in target/bench.json, and screenshots of
// the warm-up loads in target/bench-d3.png and target/bench-app.png.
// Usage: node bench/bench.mjs [--runs N] [--timeout MS]   (or scripts/bench.sh)
import { createServer } from 'node:http';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RATE, launch, newPage, watchMap } from './page.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} needs a positive integer`);
  return v;
};
const RUNS = arg('--runs', 7);
const TIMEOUT = arg('--timeout', 30_000); // ms to wait for a map before giving up on a page
const STEPS = 30; // interactions of each kind
const MIN_PATHS = 150;

// ---- static server ----
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'";
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
};
const allowed = [/^index\.html$/, /^style\//, /^pkg\//, /^bench\//, /^src\/data\/geo\//,
  /^node_modules\/(d3-[a-z]+|internmap|topojson-client)\//];

function serve() {
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const rel = normalize(path).replace(/^\/+/, '');
    const file = join(root, rel);
    try {
      if (!file.startsWith(root + '/') || !allowed.some((re) => re.test(rel))) throw new Error('not served');
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': types[extname(file)] || 'application/octet-stream',
        'content-security-policy': CSP,
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ---- measurement ----
// Loads url in a fresh context; returns { ms, page, context } or { error, page, context }. The caller closes context.
async function loadMap(browser, url) {
  const { context, page } = await newPage(browser);
  let onScreen;
  const shown = new Promise((ok) => { onScreen = ok; });
  await page.exposeFunction('__benchMapOnScreen', (t) => onScreen(t));
  await page.addInitScript(watchMap, MIN_PATHS);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  let timer;
  const timeout = new Promise((ok) => { timer = setTimeout(() => ok(null), TIMEOUT); });
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await Promise.race([shown, timeout]);
  clearTimeout(timer);
  if (ms !== null) return { ms, page, context };
  const found = await page.evaluate(() => ({
    maps: document.querySelectorAll('[data-testid="map"]').length,
    svgs: document.querySelectorAll('[data-testid="map"] svg').length,
    paths: document.querySelectorAll('[data-testid="map"] svg path[data-a2]').length,
  })).catch(() => ({}));
  const error = `map not found: no [data-testid="map"] svg with >= ${MIN_PATHS} path[data-a2] within ${TIMEOUT} ms ` +
    `(found ${found.maps ?? '?'} map containers, ${found.svgs ?? '?'} svgs, ${found.paths ?? '?'} paths)` +
    (errors.length ? `; page errors: ${errors.slice(0, 3).join(' | ')}` : '');
  return { error, page, context };
}

// Times STEPS interactions with one control inside the page; null if the control is missing. Kind `floor` is not
// an interaction: it makes a layer switch's DOM writes from plain JS, to show what the browser alone needs for
// such a frame (run last: it leaves the app's state and what the page shows out of step).
function interact({ kind, steps, aligned }) {
  // Runs `act` at the start of a frame (or now) and resolves with the ms until that frame has been rendered.
  const timed = (act) => new Promise((ok) => {
    const run = () => {
      const t0 = performance.now();
      act();
      // Aligned, this is the frame being drawn: a zero timer fires once it is. Else wait for the next frame first.
      const drawn = () => setTimeout(() => ok(performance.now() - t0), 0);
      if (aligned) drawn(); else requestAnimationFrame(drawn);
    };
    if (aligned) requestAnimationFrame(run); else run();
  });
  const pause = () => new Promise((r) => setTimeout(r, 50));
  if (kind === 'floor') {
    const radios = [...document.querySelectorAll('input[name="map-layer"]')];
    const overlays = [...document.querySelectorAll('svg.map-ov')];
    if (radios.length < 2 || overlays.length !== radios.length) return null;
    return (async () => {
      const times = [];
      for (let i = 0; i < steps; i++) {
        const on = overlays.findIndex((o) => o.classList.contains('on'));
        const next = (Math.max(on, 0) + 1) % overlays.length;
        times.push(await timed(() => {
          radios[next].checked = true;
          if (on >= 0) overlays[on].setAttribute('class', 'map-base map-ov');
          overlays[next].setAttribute('class', 'map-base map-ov on');
        }));
        await pause();
      }
      return times;
    })();
  }
  if (kind === 'zoom' || kind === 'rest') {
    const svg = document.getElementById('map-svg');
    if (!svg) return null;
    const r = svg.getBoundingClientRect();
    const wheel = (deltaY) => svg.dispatchEvent(new WheelEvent('wheel', {
      deltaY, clientX: r.left + r.width * 0.55, clientY: r.top + r.height * 0.35, bubbles: true, cancelable: true }));
    if (kind === 'rest') {
      // One wheel step, then the longest interval between frames over the next 600 ms: the frame in which the map
      // is redrawn once the view rests, plus the frame interval itself. Not an answer to input.
      return (async () => {
        const times = [];
        for (let i = 0; i < 8; i++) {
          wheel(i % 2 ? 100 : -100);
          const stamps = [];
          await new Promise((ok) => {
            const t0 = performance.now();
            const tick = (t) => { stamps.push(t); if (t - t0 < 600) requestAnimationFrame(tick); else ok(); };
            requestAnimationFrame(tick);
          });
          times.push(Math.max(...stamps.slice(1).map((t, k) => t - stamps[k])));
        }
        return times;
      })();
    }
    // Six steps in, six out, and so on, 50 ms apart (turns of the wheel, as a reader makes them). Each changes the
    // view: six steps of 1.25x stay between the world (1x) and the closest zoom (12x), where a step would do nothing.
    return (async () => {
      const times = [];
      for (let i = 0; i < steps; i++) {
        times.push(await timed(() => wheel(Math.floor(i / 6) % 2 ? 100 : -100)));
        await pause();
      }
      return times;
    })();
  }
  if (kind === 'layer') {
    const radios = [...document.querySelectorAll('input[name="map-layer"]')];
    if (radios.length < 2) return null;
    return (async () => {
      const times = [];
      for (let i = 0; i < steps; i++) {
        const radio = radios[(radios.findIndex((r) => r.checked) + 1) % radios.length];
        times.push(await timed(() => {
          radio.checked = true;
          radio.dispatchEvent(new Event('change', { bubbles: true }));
        }));
        await pause();
      }
      return times;
    })();
  }
  const el = document.querySelector('input[type="range"]#map-date');
  if (!el) return null;
  return (async () => {
    const times = [];
    for (let i = 0; i < steps; i++) {
      const v = Number(el.value) - 1;
      el.value = String(v < Number(el.min || 0) ? Number(el.max || 100) : v);
      times.push(await timed(() => el.dispatchEvent(new Event('input', { bubbles: true }))));
      await pause();
    }
    return times;
  })();
}

// ---- statistics and report ----
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => sorted(xs)[Math.ceil(0.95 * xs.length) - 1]; // nearest rank
const fmt = (x) => (x == null ? 'n/a' : x.toFixed(1));
function summarize(label, samples, error) {
  const ok = samples.length > 0;
  const r1 = (x) => Math.round(x * 10) / 10;
  return { metric: label, median: ok ? r1(median(samples)) : null, p95: ok ? r1(p95(samples)) : null,
    runs: samples.length, samples: samples.map(r1), ...(error ? { note: error } : {}) };
}

async function main() {
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  await mkdir(join(root, 'target'), { recursive: true });
  const pages = {
    d3: { url: `${base}/bench/d3-map.html`, shot: 'target/bench-d3.png', samples: [], next: [], error: null },
    app: { url: `${base}/index.html`, shot: 'target/bench-app.png', samples: [], next: [], error: null },
  };
  const interactions = { layer: [], slider: [], zoom: [], rest: [], floor: [], layerUnaligned: [], sliderUnaligned: [] };
  const interactionErrors = { layer: null, slider: null, zoom: null, rest: null, floor: null, layerUnaligned: null,
    sliderUnaligned: null };
  try {
    for (let run = 0; run <= RUNS; run++) { // run 0 is the unrecorded warm-up
      for (const [name, p] of Object.entries(pages)) {
        if (p.error) continue; // this page has no map: don't wait for it again
        const r = await loadMap(browser, p.url);
        try {
          if (run === 0) await r.page.screenshot({ path: join(root, p.shot) });
          if (r.error) {
            p.error = r.error;
            console.error(`${name}: ${r.error}`);
            continue;
          }
          if (run > 0) {
            p.samples.push(r.ms.painted);
            p.next.push(r.ms.next);
          }
          process.stderr.write(`${name} run ${run || 'warm-up'}: map on screen at ${r.ms.painted.toFixed(1)} ms ` +
            `(next frame at ${r.ms.next.toFixed(1)} ms)\n`);
          if (name === 'app' && run === RUNS) {
            await r.page.waitForTimeout(500); // let start-up work settle
            for (const key of ['layer', 'slider', 'zoom', 'rest', 'layerUnaligned', 'sliderUnaligned', 'floor']) {
              const kind = key.replace('Unaligned', '');
              const times = await r.page.evaluate(interact, { kind, steps: STEPS, aligned: key === kind });
              if (times) interactions[key] = times;
              else interactionErrors[key] = `${{ layer: 'input[name="map-layer"]', slider: 'input#map-date', zoom: '#map-svg', rest: '#map-svg', floor: 'layer radios and overlays' }[kind]} not found`;
            }
          }
        } finally {
          await r.context.close();
        }
      }
    }
    const version = browser.version();
    if (pages.app.error) {
      for (const k of Object.keys(interactionErrors)) interactionErrors[k] = 'skipped: the app shows no map';
    }
    const rows = [
      summarize('map on screen: d3 baseline (bench/d3-map.html)', pages.d3.samples, pages.d3.error),
      summarize('map on screen: our app', pages.app.samples, pages.app.error),
      summarize('the frame after that: d3 baseline (the old figure)', pages.d3.next, pages.d3.error),
      summarize('the frame after that: our app (the old figure)', pages.app.next, pages.app.error),
      summarize('layer switch: our app (input[name="map-layer"], change)', interactions.layer, interactionErrors.layer),
      summarize('slider step: our app (input#map-date, input)', interactions.slider, interactionErrors.slider),
      summarize('wheel zoom step: our app (#map-svg, wheel)', interactions.zoom, interactionErrors.zoom),
      summarize('redraw once the view rests: longest frame interval after a wheel step (not an answer to input)',
        interactions.rest, interactionErrors.rest),
      summarize('floor of a layer switch: its DOM writes (radio, two overlays) made from plain JS', interactions.floor,
        interactionErrors.floor),
      summarize('layer switch, unaligned (dispatched at any moment, vsync wait included)', interactions.layerUnaligned,
        interactionErrors.layerUnaligned),
      summarize('slider step, unaligned (dispatched at any moment, vsync wait included)', interactions.sliderUnaligned,
        interactionErrors.sliderUnaligned),
    ];
    const md = [
      `Chromium ${version} (headless), CPU throttling ${RATE}x, cache disabled, viewport 1280x800, ` +
        `${RUNS} runs per page after 1 warm-up, ${new Date().toISOString()}`,
      '',
      '| metric | median ms | p95 ms | runs |',
      '|---|---:|---:|---:|',
      ...rows.map((r) => `| ${r.metric} | ${fmt(r.median)} | ${fmt(r.p95)} | ${r.runs} |`),
      '',
      ...rows.filter((r) => r.note).map((r) => `- ${r.metric}: ${r.note}`),
    ].join('\n') + '\n';
    process.stdout.write('\n' + md);
    await writeFile(join(root, 'target/bench.md'), md);
    await writeFile(join(root, 'target/bench.json'), JSON.stringify({
      chromium: version, cpuThrottlingRate: RATE, runs: RUNS, minPaths: MIN_PATHS, interactionSteps: STEPS,
      date: new Date().toISOString(), results: rows,
    }, null, 2) + '\n');
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
