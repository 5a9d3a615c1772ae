// End-to-end smoke tests of the built site in Firefox ESR, driven through geckodriver with plain W3C WebDriver
// calls (Playwright's Firefox is a patched build this machine cannot download). Firefox's console is routed to its
// stdout (devtools.console.stdout.content), so console errors and CSP violations are caught from the driver's log.
// Run: node --test tests/e2e/firefox.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const sitePort = 4175;
const driverPort = 4445;
const base = `http://127.0.0.1:${sitePort}`;
const which = (cmd) => { try { return execFileSync('sh', ['-c', `command -v ${cmd}`]).toString().trim(); } catch { return ''; } };
const firefox = process.env.FIREFOX || which('firefox-esr') || which('firefox');
const geckodriver = process.env.GECKODRIVER || which('geckodriver');

let server, driver, session;
let log = '';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function wd(method, path, body) {
  const res = await fetch(`http://127.0.0.1:${driverPort}${path}`, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}
const s = (path) => `/session/${session}${path}`;
const run = (script, args = []) => wd('POST', s('/execute/sync'), { script, args });
async function waitFor(script, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await run(script);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
const ready = () => waitFor('return !!document.querySelector(\'button.jurisdiction[data-id="KR"]\')', 'the app');
const click = (css) => run('document.querySelector(arguments[0]).click(); return true;', [css]);

async function waitForPort(port) {
  for (let i = 0; i < 100; i++) {
    try { await fetch(`http://127.0.0.1:${port}/`); return; } catch { await sleep(100); }
  }
  throw new Error(`nothing listens on ${port}`);
}

before(async () => {
  assert.ok(firefox, 'Firefox ESR is installed');
  assert.ok(geckodriver, 'geckodriver is installed');
  server = spawn(process.execPath, [`${here}/server.mjs`, String(sitePort)], { stdio: 'ignore' });
  driver = spawn(geckodriver, ['--port', String(driverPort)], { stdio: ['ignore', 'pipe', 'pipe'] });
  driver.stdout.on('data', (d) => { log += d; });
  driver.stderr.on('data', (d) => { log += d; });
  await waitForPort(sitePort);
  await waitForPort(driverPort);
  const caps = await wd('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': {
      binary: firefox, args: ['-headless'],
      prefs: {
        'devtools.console.stdout.content': true, 'intl.accept_languages': 'en-US',
        // Quiet the browser's own background services (there is no network here).
        'messaging-system.rsexperimentloader.enabled': false, 'app.normandy.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.enabled': false,
        'browser.safebrowsing.update.enabled': false, 'app.update.enabled': false,
      },
    } } },
  });
  session = caps.sessionId;
  await wd('POST', s('/window/rect'), { width: 1280, height: 900 });
});

after(async () => {
  if (session) await wd('DELETE', s('')).catch(() => {});
  driver?.kill();
  server?.kill();
});

test('renders the five jurisdictions and selecting one opens its profile and sets the URL', async () => {
  await wd('POST', s('/url'), { url: `${base}/?lang=en` });
  await ready();
  const ids = await run('return [...document.querySelectorAll("button.jurisdiction")].map((b) => b.dataset.id)');
  assert.deepEqual(ids, ['EU', 'US', 'JP', 'CN', 'KR']);
  await click('button.jurisdiction[data-id="KR"]');
  const heading = await waitFor('return document.querySelector("#profile-heading")?.textContent', 'the profile');
  assert.equal(heading, 'Republic of Korea');
  // The address is written just after the change has painted.
  await waitFor('return location.search.includes("sel=KR")', 'sel=KR in the address');
  assert.match(await wd('GET', s('/url')), /[?&]sel=KR/);
});

test('the language switch translates the page and sets <html lang>', async () => {
  await wd('POST', s('/url'), { url: `${base}/?lang=en&sel=EU` });
  await ready();
  await click('.lang-button[lang="ko"]');
  const h1 = await waitFor('return document.documentElement.lang === "ko" && document.querySelector("h1").textContent', 'Korean');
  assert.equal(h1, 'AI 전략 아틀라스');
  await waitFor('return location.search.includes("lang=ko")', 'lang=ko in the address');
  assert.match(await wd('GET', s('/url')), /lang=ko/);
});

test('back and forward restore the selection', async () => {
  await wd('POST', s('/url'), { url: `${base}/?lang=en` });
  await ready();
  await click('button.jurisdiction[data-id="JP"]');
  await click('button.jurisdiction[data-id="CN"]');
  await waitFor('return location.search.includes("sel=CN")', 'sel=CN');
  await wd('POST', s('/back'), {});
  const jp = await waitFor('return document.querySelector("#profile-heading")?.textContent === "Japan"', 'Japan after back');
  assert.equal(jp, true);
  await wd('POST', s('/forward'), {});
  await waitFor('return document.querySelector("#profile-heading")?.textContent === "People\'s Republic of China"', 'China after forward');
});

test('served from a sub-path it works, and an invalid value shows the notice', async () => {
  await wd('POST', s('/url'), { url: `${base}/atlas/?lang=en&sel=NOPE` });
  await ready();
  const notice = await waitFor('return document.querySelector("[data-testid=url-notice]")?.textContent', 'the notice');
  assert.match(notice, /NOPE/);
  const own = await run('return performance.getEntriesByType("resource").map((e) => e.name)');
  assert.ok(own.length >= 3, 'resources were loaded');
  for (const url of own) assert.ok(url.startsWith(`${base}/atlas/`), `${url} is outside the site's sub-path`);
});

test('the compare and timeline views work: choices, filters, and a milestone opens the map at its month', async () => {
  await wd('POST', s('/url'), { url: `${base}/?lang=en&view=compare` });
  const cols = await waitFor('return [...document.querySelectorAll("[data-testid=compare-table] thead th")].map((h) => h.textContent).join()', 'the table');
  assert.equal(cols, 'EU,United States,Japan,China,Korea');
  await click('input[name=cmp][value="JP"]');
  await waitFor('return location.search.includes("cmp=EU,US,CN,KR")', 'cmp in the address');
  assert.equal(await run('return document.querySelectorAll("[data-testid=compare-table] thead th").length'), 4);
  assert.equal(await run('return document.querySelectorAll("[data-testid=spectrum] circle").length'), 5);
  await wd('POST', s('/url'), { url: `${base}/?lang=en&view=timeline&who=KR` });
  const month = await waitFor('return document.querySelector("#timeline-list button.to-map")?.textContent', 'a milestone');
  await click('#timeline-list button.to-map');
  await waitFor('return !document.querySelector("#view-map").hidden', 'the map view');
  const out = await waitFor('return document.querySelector("#map-date-out")?.textContent', 'the date read-out');
  assert.ok(month.endsWith(out.replace(/^\d+ /, '')), `${month} opens the map at ${out}`);
});

test('no console errors and no CSP violations were logged by the page', async () => {
  // Control: a console error from the page does reach the log, so an empty result below means something.
  await run('console.error("atlas-probe-error"); return true;');
  await waitFor('return true', 'the log');
  const end = Date.now() + 5000;
  while (!log.includes('atlas-probe-error') && Date.now() < end) await sleep(100);
  assert.ok(log.includes('atlas-probe-error'), 'page console output reaches the driver log');
  // Messages of Firefox's own background services carry its internal (resource://, chrome://) stacks.
  const messages = log.split(/\n(?=\S)/).filter((m) => !/resource:\/\/|chrome:\/\/|RSLoader/.test(m));
  const bad = messages.filter((m) => /console\.error|JavaScript error|Content[- ]Security[- ]Policy|TypeError|panicked/i.test(m))
    .filter((m) => !m.includes('atlas-probe-error'));
  assert.deepEqual(bad, []);
});
