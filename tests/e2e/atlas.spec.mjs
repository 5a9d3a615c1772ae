// End-to-end tests of the built site, as a reader, a teacher or an embedding newsroom would use it.
import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { test, expect, ready, core, axe, tabTo } from './helpers.mjs';

test.use({ locale: 'en-US' });


test('the page renders the five core jurisdictions with a title and no errors', async ({ page, watch }) => {
  await page.goto('/');
  await ready(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('AI Strategy Atlas');
  const cards = page.locator('button.jurisdiction');
  await expect(cards).toHaveCount(5);
  expect(await cards.evaluateAll((els) => els.map((e) => e.dataset.id))).toEqual(core);
  for (const b of await cards.all()) await expect(b).toHaveAttribute('aria-pressed', 'false');
  await expect(page).toHaveTitle('AI Strategy Atlas');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('selecting a jurisdiction shows its name, approach and sources', async ({ page, watch }) => {
  await page.goto('/');
  await ready(page);
  await page.locator('button.jurisdiction[data-id="KR"]').click();
  const profile = page.getByTestId('profile');
  await expect(profile.getByRole('heading', { level: 3 }).first()).toHaveText('Republic of Korea');
  await expect(page.getByTestId('profile-summary')).not.toBeEmpty();
  await expect(profile.locator('.badges')).toContainText('Approach');
  await expect(profile.locator('.cite').first()).toContainText('Source');
  await expect(page.locator('button.jurisdiction[data-id="KR"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('announcer')).toHaveText('Republic of Korea');
  await expect(page).toHaveURL(/\?sel=KR$/);
  // Choosing it again clears the selection.
  await page.locator('button.jurisdiction[data-id="KR"]').click();
  await expect(profile).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);
});

test('the language switch changes every string instantly and sets <html lang>', async ({ page, watch }) => {
  await page.goto('/?sel=EU');
  await ready(page);
  const before = await page.locator('#atlas').innerText();
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('AI 전략 아틀라스');
  await expect(page.getByRole('group', { name: '언어' })).toBeVisible();
  await expect(page).toHaveTitle('AI 전략 아틀라스');
  await expect(page).toHaveURL(/[?&]lang=ko/);
  await expect(page).toHaveURL(/[?&]sel=EU/);
  const after = await page.locator('#atlas').innerText();
  // Apart from codes, names of languages and proper nouns, the Korean page has no English sentence left.
  const englishSentences = after.split('\n').filter((l) => /^[A-Za-z ,.'’-]{25,}$/.test(l.trim()));
  expect(englishSentences).toEqual([]);
  expect(after).not.toEqual(before);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).not.toHaveURL(/lang=/); // English is this browser's default, so it is omitted
});

test.describe('a Korean browser', () => {
  test.use({ locale: 'ko-KR' });
  test('defaults to Korean and keeps English in the URL when chosen', async ({ page, watch }) => {
    await page.goto('/');
    await ready(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('AI 전략 아틀라스');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page).toHaveURL(/\?lang=en$/);
  });
});

test('the URL round-trips: reload restores, back and forward work', async ({ page, watch }) => {
  await page.goto('/');
  await ready(page);
  await page.locator('button.jurisdiction[data-id="JP"]').click();
  await expect(page).toHaveURL(/\?sel=JP$/);
  await page.locator('button.jurisdiction[data-id="CN"]').click();
  await expect(page).toHaveURL(/\?sel=CN$/);
  await page.reload();
  await ready(page);
  await expect(page.locator('button.jurisdiction[data-id="CN"]')).toHaveAttribute('aria-pressed', 'true');
  await page.goBack();
  await expect(page.locator('button.jurisdiction[data-id="JP"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('profile').getByRole('heading', { level: 3 }).first()).toHaveText('Japan');
  await page.goBack();
  await expect(page.getByTestId('profile')).toHaveCount(0);
  await page.goForward();
  await expect(page.locator('button.jurisdiction[data-id="JP"]')).toHaveAttribute('aria-pressed', 'true');
});

test('invalid URL values fall back to defaults with a visible notice, never a dead widget', async ({ page, watch }) => {
  await page.goto('/?sel=ATLANTIS&lang=xx&theme=neon&utm_source=newsletter');
  await ready(page);
  const notice = page.getByTestId('url-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('ATLANTIS');
  await expect(notice).toContainText('xx');
  await expect(notice).toContainText('neon');
  await expect(page).toHaveURL(/\/$/); // normalized: invalid and unknown values dropped
  await expect(page.getByTestId('profile')).toHaveCount(0);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await page.locator('button.jurisdiction[data-id="US"]').click(); // still alive
  await expect(page.getByTestId('profile')).toBeVisible();
});

test('ids in the URL are case-tolerant and any actor in the data can be linked', async ({ page, watch }) => {
  await page.goto('/?sel=kr');
  await ready(page);
  await expect(page).toHaveURL(/\?sel=KR$/);
  await page.goto('/?sel=OECD');
  await ready(page);
  await expect(page.getByTestId('profile')).toContainText('OECD');
});

test('a state without a profile of its own opens a card of what the data records about it', async ({ page, watch }) => {
  await page.goto('/?sel=pt');
  await ready(page);
  await expect(page).toHaveURL(/\?sel=PT$/);
  await expect(page.locator('#profile-heading')).toHaveText('Portugal');
  const card = page.getByTestId('profile');
  await expect(card).toContainText('no profile of its own');
  await expect(card).toContainText('Binding AI law in force since');
  await expect(card).toContainText('through the EU');
  await expect(page.getByTestId('announcer')).toHaveText('Portugal');
  await axe(page, 'country card');
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByTestId('profile')).toHaveCount(0);
});

test('every other actor in the data is reachable from the drop-down', async ({ page, watch }) => {
  await page.goto('/');
  await ready(page);
  const select = page.getByLabel('Other countries and organizations');
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  expect(values.length).toBeGreaterThanOrEqual(22);
  for (const id of ['GB', 'OECD', 'CCW', 'REAIM']) expect(values).toContain(id);
  // Company profiles are in the downloadable dataset only (build/codegen.rs, widget_actors).
  expect(values.some((v) => v.startsWith('CO_'))).toBe(false);
  for (const id of core) expect(values).not.toContain(id);
  await select.selectOption('OECD');
  await expect(page.locator('#profile-heading')).toHaveText('Organisation for Economic Co-operation and Development');
  await expect(page).toHaveURL(/\?sel=OECD$/);
  await page.locator('button.jurisdiction[data-id="EU"]').click();
  await expect(select).toHaveValue('');
  await expect(page).toHaveURL(/\?sel=EU$/); // written just after the frame that shows the change
  await page.goBack();
  await expect(select).toHaveValue('OECD');
});

test('theme follows the system and the URL overrides it', async ({ page, watch }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await ready(page);
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await bg()).toBe('rgb(18, 20, 23)');
  await page.goto('/?theme=light');
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await bg()).toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/?theme=dark');
  await ready(page);
  expect(await bg()).toBe('rgb(18, 20, 23)');
});

test('axe-core finds no violations in any state of the page', async ({ page, watch }) => {
  test.setTimeout(120_000); // axe takes seconds per run over the map's ~200 shapes
  await page.goto('/');
  await ready(page);
  await axe(page, 'start, English');
  for (const id of core) {
    await page.goto(`/?sel=${id}`);
    await ready(page);
    await axe(page, `profile ${id}, English`);
  }
  await page.goto('/?sel=KR&lang=ko');
  await ready(page);
  await axe(page, 'profile KR, Korean');
  await page.goto('/?sel=EU&theme=dark');
  await ready(page);
  await axe(page, 'profile EU, dark');
  await page.goto('/?sel=nope');
  await ready(page);
  await axe(page, 'notice');
});

test('everything works by keyboard alone', async ({ page, watch }) => {
  await page.goto('/');
  await ready(page);
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '한국어' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Past the map (its controls, then one tab stop for the whole map) to the cards.
  await tabTo(page, page.locator('button.jurisdiction[data-id="KR"]'));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('profile')).toBeVisible();
  await page.keyboard.press('Tab');
  const other = page.getByLabel('Other countries and organizations');
  await expect(other).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Clear selection' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('profile')).toHaveCount(0);
});

test('served from a sub-path, every request stays under it', async ({ page, watch, baseURL }) => {
  await page.goto('/atlas/?sel=EU');
  await ready(page);
  await expect(page.getByTestId('profile')).toBeVisible();
  await page.locator('button.jurisdiction[data-id="US"]').click();
  await expect(page).toHaveURL(/\/atlas\/\?sel=US$/);
  const own = watch.requests.filter((u) => u.startsWith(baseURL));
  expect(own.length).toBeGreaterThan(3);
  expect(own.filter((u) => !u.startsWith(`${baseURL}/atlas/`))).toEqual([]);
  const dl = await page.request.get(await page.getByRole('link', { name: 'Full dataset (JSON)' }).getAttribute('href', { timeout: 1000 }).then((h) => new URL(h, page.url()).href));
  expect(dl.status()).toBe(200);
  expect((await dl.json()).actors.length).toBeGreaterThan(5);
});

test('it runs inside a sandboxed iframe where history and storage throw', async ({ page, watch }) => {
  await page.goto('/tests/e2e/fixtures/embed.html');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('button', { name: /Korea/ })).toBeVisible();
  await frame.locator('button.jurisdiction[data-id="KR"]').click();
  await expect(frame.getByTestId('profile')).toBeVisible();
  await frame.getByRole('button', { name: '한국어' }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('AI 전략 아틀라스');
});

test('if the wasm cannot load, a visible error panel replaces the loading state', async ({ page }) => {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.route('**/atlas_bg.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not wasm' }));
  await page.goto('/');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Something went wrong');
  await expect(page.locator('#atlas-loading')).toHaveCount(0);
  expect(errors.some((e) => e.includes('failed to start'))).toBe(true);
});

test('on a slow network a spinner says what is loading after half a second, then the app replaces it', async ({ page, watch }) => {
  // Nothing shows at first: painting a spinner and laying out its words would hold back a fast start, which draws
  // the map first. The live region is there from the start, empty, so that its words are announced.
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/atlas_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto('/');
  const loading = page.getByRole('status').filter({ has: page.locator('.loading-mark') });
  await expect(page.locator('#atlas-loading')).toHaveCount(1);
  expect(await page.locator('#atlas-loading .loading-mark').isVisible()).toBe(false);
  expect(await page.locator('#atlas-loading-body').isVisible()).toBe(false);
  await expect(loading).toContainText('Loading…', { timeout: 3000 });
  await expect(page.locator('#atlas-loading .loading-mark')).toBeVisible();
  await expect(page.locator('#atlas-loading-body')).toContainText('불러오는 중…');
  release();
  await ready(page);
  await expect(page.locator('#atlas-loading')).toHaveCount(0);
});

test('the first frame with the map does not wait for what lies below it; that follows a frame later', async ({ page, watch }) => {
  await page.addInitScript(() => {
    const poll = () => {
      if (document.querySelectorAll('#map-svg [data-a2]').length >= 150) {
        const picker = document.getElementById('picker');
        const below = document.getElementById('map-below');
        window.__firstFrame = { cards: picker ? picker.querySelectorAll('button').length : -1, legendRows: document.querySelectorAll('#map-legend li:not([hidden])').length,
          below: below ? getComputedStyle(below).display : 'missing', korea: getComputedStyle(document.getElementById('m-KR')).fill,
          land: document.getElementById('map-land').getAttribute('d'), overlay: document.querySelectorAll('#map-ov-law [data-u]').length };
      } else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
  await page.goto('/');
  await ready(page);
  await expect(page.locator('button.jurisdiction')).toHaveCount(5);
  const first = await page.evaluate(() => window.__firstFrame);
  // The picker (and the profile, the other views and the footer, whose texts need decoding) and the legend come
  // one frame after the map; what lies under the map (its controls, legend and table) is not even laid out in it.
  // The map's own shapes carry their colours in that frame; the land and the layer's colours under them (two more
  // copies of the geometry) come a frame later, and the shapes turn transparent over them.
  expect(first).toEqual({ cards: 0, legendRows: 0, below: 'none', korea: 'rgb(0, 114, 178)', land: null, overlay: 0 });
  await expect(page.locator('#map-legend li:visible').first()).toBeVisible();
  expect(await page.locator('#m-KR').evaluate((e) => getComputedStyle(e).fill)).toBe('rgba(0, 0, 0, 0)');
  expect(await page.locator('#map-ov-law [data-u="KR"]').evaluate((e) => getComputedStyle(e).fill)).toBe('rgb(0, 114, 178)');
  expect((await page.locator('#map-land').getAttribute('d')).length).toBeGreaterThan(10_000);
  await expect(page.getByRole('button', { name: 'Europe' })).toBeVisible();
});

test('an English page draws no Korean in the frame with the map; the language switch keeps its size when its Korean name follows', async ({ page, watch }) => {
  await page.addInitScript(() => {
    const poll = () => {
      if (document.querySelectorAll('#map-svg [data-a2]').length >= 150) {
        const ko = document.querySelector('#lang-switch button[lang="ko"]');
        window.__firstFrame = { hangul: /[\uac00-\ud7a3]/.test(document.body.innerText), width: ko ? ko.getBoundingClientRect().width : -1 };
      } else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
  await page.goto('/?lang=en');
  await ready(page);
  const ko = page.getByRole('button', { name: '한국어' });
  await expect(ko).toBeVisible();
  const first = await page.evaluate(() => window.__firstFrame);
  expect(first.hangul).toBe(false);
  expect((await ko.boundingBox()).width).toBeCloseTo(first.width, 1);
  for (const width of [360, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    const w = await ko.evaluate((b) => b.getBoundingClientRect().width);
    const empty = await ko.evaluate((b) => { const t = b.textContent; b.textContent = ''; const w = b.getBoundingClientRect().width; b.textContent = t; return w; });
    expect(w).toBeCloseTo(empty, 1);
  }
});

test('reduced motion turns transitions and animations off', async ({ page, watch }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await ready(page);
  const card = page.locator('button.jurisdiction').first();
  expect(await card.evaluate((e) => getComputedStyle(e).transitionDuration)).toBe('0s');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await card.evaluate((e) => getComputedStyle(e).transitionDuration)).not.toBe('0s');
});

test('without JavaScript a noscript message explains the page and no spinner shows', async ({ baseURL }) => {
  // Chromium must be started with scripting off for the HTML parser to render <noscript> (Playwright's
  // javaScriptEnabled:false only stops execution).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--blink-settings=scriptEnabled=false', '--disable-background-networking'],
  });
  const page = await browser.newPage();
  await page.goto(`${baseURL}/`);
  expect(await page.locator('.noscript').isVisible()).toBe(true);
  const text = await page.locator('.noscript').innerText();
  expect(text).toContain('needs JavaScript and WebAssembly');
  expect(text).toContain('자바스크립트와 웹어셈블리가 필요합니다');
  expect(await page.locator('#atlas-loading').isVisible()).toBe(false);
  await browser.close();
});

test('the layout fits a 360 px phone and a projector without horizontal scrolling', async ({ page, watch }) => {
  mkdirSync('../../target/screenshots', { recursive: true });
  for (const [w, h] of [[360, 740], [1920, 1080]]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/?sel=KR');
      await ready(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow at ${w}px ${scheme}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `../../target/screenshots/profile-${w}-${scheme}.png`, fullPage: false });
    }
  }
  // Touch targets of the controls are at least 24×24 CSS px (WCAG 2.2 2.5.8).
  await page.setViewportSize({ width: 360, height: 740 });
  const small = await page.locator('button').evaluateAll((bs) => bs
    .map((b) => ({ t: b.textContent, r: b.getBoundingClientRect() }))
    .filter(({ r }) => r.width > 0 && (r.width < 24 || r.height < 24)).map(({ t }) => t));
  expect(small).toEqual([]);
});

test('the favicon is a small PNG, not an SVG: Chromium fetches it again at every history entry', async ({ page, watch }) => {
  await page.goto('/');
  await ready(page);
  const icon = page.locator('link[rel="icon"]');
  await expect(icon).toHaveAttribute('type', 'image/png');
  // An SVG icon is parsed as a document on the page's main thread at each fetch (about 2 ms, 9 ms at 4x
  // throttling): after every layer switch, date or zoom, at the moment the address changes.
  const fetched = page.waitForResponse((r) => r.url().endsWith('/style/icon.png'));
  await page.locator('#map-layer-coe').check();
  await expect(page).toHaveURL(/layer=coe/);
  const r = await fetched;
  expect(r.headers()['content-type']).toBe('image/png');
  expect((await r.body()).length).toBeLessThan(400);
});

test('the wasm glue asks V8 to compile all of it at load, off the main thread', async ({ page }) => {
  // Without the hint V8 compiles each glue function on the main thread at its first call, nearly all of them
  // during start-up (about 30 ms of main-thread time at 4x CPU throttling).
  const r = await page.request.get('/pkg/atlas.js');
  expect((await r.text()).split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
});

test('budget: everything the page loads is at most 150 KB gzip', async ({ page, watch }) => {
  await page.goto('/?sel=KR');
  await ready(page);
  await page.getByRole('button', { name: '한국어' }).click();
  let total = 0;
  const rows = [];
  // Each file once: the test server forbids caching, so Chromium fetches the icon again when the address changes,
  // which a reader's browser would not.
  const seen = new Set();
  for (const r of watch.responses) {
    if (r.status() !== 200 || seen.has(r.url())) continue;
    seen.add(r.url());
    const body = await r.body();
    const gz = gzipSync(body, { level: 9 }).length;
    total += gz;
    rows.push(`${new URL(r.url()).pathname} ${(gz / 1024).toFixed(1)} KB`);
  }
  const kb = total / 1024;
  console.log(`first-load gzip total: ${kb.toFixed(1)} KB (${rows.join(', ')})`);
  mkdirSync('../../target', { recursive: true });
  writeFileSync('../../target/budget.txt', `${kb.toFixed(1)}\n`);
  expect(rows.length).toBeGreaterThanOrEqual(5);
  // One script: the start-up code is part of the glue (scripts/build.sh), not a request of its own.
  expect(rows.filter((r) => /\.m?js /.test(r))).toEqual([expect.stringMatching(/^\/pkg\/atlas\.js /)]);
  expect(kb).toBeLessThanOrEqual(150);
});
