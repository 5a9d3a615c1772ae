// A/B of start-up (not a test): the same "map on screen" timing as bench/bench.mjs (the end of the Long Animation
// Frame in which a requestAnimationFrame poll first sees 150 map paths), for two or more pages loaded in turn, N
// times each, in fresh contexts, cache disabled, 4x CPU throttling. Loading them interleaved is what makes a
// difference of a few tens of ms visible in this noise (single runs of the bench vary by about 20 %); the paired
// differences (each page against the first, round by round) are steadier still.
// Usage: node bench/ab.mjs N URL URL...   (serve each build yourself, e.g. `python3 -m http.server` in a checkout)
import { launch, newPage, watchMap } from './page.mjs';

const [n, ...urls] = process.argv.slice(2);
const N = Number(n);
if (!Number.isInteger(N) || N < 1 || urls.length < 1) throw new Error('usage: node bench/ab.mjs N URL URL...');
const browser = await launch();

async function once(url) {
  const { context, page } = await newPage(browser);
  let seen;
  const shown = new Promise((ok) => { seen = ok; });
  await page.exposeFunction('__benchMapOnScreen', (t) => seen(t.painted));
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
// Paired: each round loads the pages one after the other, so the machine's speed, which drifts by tens of percent
// over minutes here, is nearly the same for both; the round's difference is steadier than either page's time.
for (const [j, url] of urls.entries()) {
  if (j === 0) continue;
  const diffs = times[j].map((t, i) => t - times[0][i]);
  const ahead = diffs.filter((d) => d > 0).length;
  console.log(`${url.padEnd(48)} minus the first page, paired by round: median ${at(diffs, 0.5).toFixed(0)}  ` +
    `p25 ${at(diffs, 0.25).toFixed(0)}  p75 ${at(diffs, 0.75).toFixed(0)} ms; the first page sooner in ${ahead} of ${N}`);
}
await browser.close();
