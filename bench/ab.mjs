// A/B of start-up (not a test): the same "map on screen" timing as bench/bench.mjs (the end of the Long Animation
// Frame in which a requestAnimationFrame poll first sees 150 map paths), for two or more pages loaded in turn, N
// times each, in fresh contexts, cache disabled, 4x CPU throttling. Loading them interleaved is what makes a
// difference of a few tens of ms visible in this noise (single runs of the bench vary by about 20 %).
// Usage: node bench/ab.mjs N URL URL...   (serve each build yourself, e.g. `python3 -m http.server` in a checkout)
import { chromium } from '@playwright/test';

const [n, ...urls] = process.argv.slice(2);
const N = Number(n);
if (!Number.isInteger(N) || N < 1 || urls.length < 1) throw new Error('usage: node bench/ab.mjs N URL URL...');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

// Runs in the page before its scripts; reports the end of the frame that first has the map.
function watchMap(min) {
  const frames = [];
  try {
    new PerformanceObserver((list) => frames.push(...list.getEntries())).observe({ type: 'long-animation-frame', buffered: true });
  } catch { /* no Long Animation Frame API: the zero timer below */ }
  const poll = () => {
    const svg = document.querySelector('[data-testid="map"] svg');
    if (!svg || svg.querySelectorAll('path[data-a2]').length < min) return requestAnimationFrame(poll);
    const saw = performance.now();
    let timer = null;
    setTimeout(() => { timer = performance.now(); }, 0);
    setTimeout(() => {
      const f = frames.find((e) => e.startTime <= saw && saw <= e.startTime + e.duration);
      window.__abSeen(f ? f.startTime + f.duration : timer);
    }, 250);
  };
  requestAnimationFrame(poll);
}

async function once(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let seen;
  const shown = new Promise((ok) => { seen = ok; });
  await page.exposeFunction('__abSeen', (t) => seen(t));
  await page.addInitScript(watchMap, 150);
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await Promise.race([shown, new Promise((ok) => setTimeout(() => ok(null), 30_000))]);
  await context.close();
  if (ms === null) throw new Error(`no map on ${url} within 30 s`);
  return ms;
}

const times = urls.map(() => []);
for (const url of urls) await once(url); // warm-up, not recorded
for (let i = 0; i < N; i++) for (const [j, url] of urls.entries()) times[j].push(await once(url));
const at = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
for (const [j, url] of urls.entries()) {
  console.log(`${url.padEnd(48)} median ${at(times[j], 0.5).toFixed(0)}  p25 ${at(times[j], 0.25).toFixed(0)}  p75 ${at(times[j], 0.75).toFixed(0)} ms`);
}
await browser.close();
