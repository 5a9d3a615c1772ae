// What bench/bench.mjs and bench/ab.mjs share: the browser they launch, a fresh throttled page with the cache
// disabled, and the in-page watcher that reports when the map is on screen.
import { chromium } from '@playwright/test';

export const RATE = 4; // CPU throttling factor

// Headless Debian Chromium, with the background services that would add noise turned off.
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// Runs in the page before its own scripts (page.addInitScript): reports { painted, next } to the page's exposed
// function `__benchMapOnScreen`, the end of the frame in which at least `min` map paths first showed up and the start
// of the frame after it (performance.now() ms).
export function watchMap(min) {
  const frames = [];
  try {
    new PerformanceObserver((list) => frames.push(...list.getEntries())).observe({ type: 'long-animation-frame', buffered: true });
  } catch { /* no Long Animation Frame API: the zero timer below */ }
  const poll = () => {
    const svg = document.querySelector('[data-testid="map"] svg');
    if (svg && svg.querySelectorAll('path[data-a2]').length >= min) {
      const saw = performance.now();
      let timer = null;
      setTimeout(() => { timer = performance.now(); }, 0);
      requestAnimationFrame(() => {
        const next = performance.now();
        setTimeout(() => { // the observer delivers its entries a little later
          const f = frames.find((e) => e.startTime <= saw && saw <= e.startTime + e.duration);
          window.__benchMapOnScreen({ painted: f ? f.startTime + f.duration : (timer ?? next), next });
        }, 200);
      });
    } else {
      requestAnimationFrame(poll);
    }
  };
  requestAnimationFrame(poll);
}

// A fresh context and page: 1280x800, service workers blocked, the HTTP cache disabled, the CPU throttled by RATE.
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  return { context, page };
}

