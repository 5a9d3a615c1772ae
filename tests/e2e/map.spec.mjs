// End-to-end tests of the world map (issue 4): layers, time, keyboard, selection, URL, phone and projector widths.
import { test, expect, ready, axe, tabTo, label } from './helpers.mjs';

test.use({ locale: 'en-US' });
const M = '/';

test('the map shows each layer with a legend, a table and sourced labels', async ({ page, watch }) => {
  test.setTimeout(60_000);
  await page.goto(M);
  await ready(page);
  const map = page.locator('#map-svg[role="graphics-document"]');
  await expect(map).toHaveAttribute('aria-label', /World map — Status of AI law, 22 Nov 2026/);
  await expect.poll(() => label(page, 'KR')).toBe('South Korea: Binding AI law in force since 22 Jan 2026');
  await expect.poll(() => label(page, 'FR')).toMatch(/^France: .*through the EU/);
  // "No data" and the layer's own "none recorded" look different: no data is the law layer's base, painted as the
  // land under the shapes (which stay transparent), and "none recorded" states carry their own class.
  const classes = await page.locator('#map-svg [data-a2]').evaluateAll((es) => [...new Set(es.map((e) => e.getAttribute('class')))]);
  expect(classes).toContain('kz');
  await expect(page.locator('#map-base g')).toHaveClass('kn');
  const fill = (sel) => page.locator(sel).evaluate((e) => getComputedStyle(e).fill);
  expect(await fill('#map-base g')).toMatch(/url\(/); // the grey hatch
  expect(await fill('#m-NO')).not.toBe(await fill('#m-KR'));
  const legend = page.getByTestId('legend');
  await expect(legend).toContainText('No data');
  const layer = page.getByLabel('Map layer');
  await layer.selectOption('laws');
  await expect(page).toHaveURL(/layer=laws/);
  await expect(map).toHaveAttribute('aria-label', /Autonomous weapons: pre-emptive ban/);
  await expect(legend).toContainText(/Support/);
  // The legend keeps its rows and hides those a layer does not use (they once showed as empty swatches).
  await expect(legend.locator('li:visible')).toHaveCount(4);
  await expect.poll(() => label(page, 'AT')).toMatch(/^Austria: /);
  // The table alternative lists what the layer shows, each row with its basis.
  await page.locator('#map-table-sum').click();
  const rows = page.locator('#map-table tbody tr');
  expect(await rows.count()).toBeGreaterThan(20);
  await expect(page.locator('#map-table')).toContainText('Austria');
  await axe(page, 'map: LAWS layer with the table open');
  for (const key of ['approach', 'safety', 'coe', 'bletchley', 'gpai', 'law']) {
    await layer.selectOption(key);
    await expect(page.locator('#map-table tbody tr').first()).toBeVisible();
    // Korea carries its category's class, or none where it shares the layer's base look (the land under it).
    expect((await page.locator('#m-KR').getAttribute('class')) ?? '').toMatch(/^(k[0-9zn])?$/);
  }
});

test('the time slider shows the world at a date, and Korea’s law moves from adopted to in force', async ({ page, watch }) => {
  await page.goto(M + '?date=2025-06');
  await ready(page);
  const slider = page.getByRole('slider', { name: 'Date' });
  await expect(slider).toHaveAttribute('aria-valuetext', '30 Jun 2025');
  await expect.poll(() => label(page, 'KR')).toMatch(/^South Korea: .*adopted/i);
  await slider.focus();
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuetext', '22 Nov 2026');
  await expect.poll(() => label(page, 'KR')).toMatch(/in force since 22 Jan 2026/);
  await expect(page).not.toHaveURL(/date=/); // the default date is omitted
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', '31 Jan 2017');
  await expect(page).toHaveURL(/date=2017-01/);
  await expect.poll(() => label(page, 'KR')).not.toMatch(/in force|adopted/);
  await expect(page.getByTestId('map-announcer')).toHaveText(/31 Jan 2017/);
  // Play advances the date, and pauses.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(slider).not.toHaveAttribute('aria-valuetext', '31 Jan 2017');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
});

test('a layer switch recolours the map in the frame that answers it and the legend in the next; a slider step leaves the layer menu alone', async ({ page, watch }) => {
  await page.goto(M);
  await ready(page);
  await expect(page.getByTestId('legend')).toContainText('No data');
  const r = await page.evaluate(async () => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    // Writes to the layer menu's value, counted: rewriting it at every step made Chromium's form tracker force a
    // style and layout pass before each frame.
    let writes = 0;
    const value = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value');
    Object.defineProperty(HTMLSelectElement.prototype, 'value', {
      configurable: true, get() { return value.get.call(this); }, set(v) { writes++; value.set.call(this, v); },
    });
    const slider = document.getElementById('map-date');
    for (let i = 0; i < 3; i++) {
      slider.value = String(Number(slider.value) - 12);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
    }
    Object.defineProperty(HTMLSelectElement.prototype, 'value', value);
    await new Promise((ok) => setTimeout(ok, 100));
    const classes = () => [...document.querySelectorAll('#map-svg [data-a2]')].map((e) => e.getAttribute('class')).join();
    const legend = () => document.getElementById('map-legend').textContent;
    const before = { classes: classes(), legend: legend() };
    const select = document.getElementById('map-layer');
    select.value = 'laws';
    const first = await new Promise((ok) => requestAnimationFrame(() => {
      select.dispatchEvent(new Event('change', { bubbles: true }));
      setTimeout(() => ok({ classes: classes(), legend: legend() }), 0);
    }));
    await frame();
    return { writes, before, first, next: legend() };
  });
  expect(r.writes).toBe(0);
  expect(r.first.classes).not.toBe(r.before.classes);
  expect(r.first.legend).toBe(r.before.legend);
  expect(r.next).not.toBe(r.before.legend);
  expect(r.next).toContain('Support');
});

test('the map works by keyboard: one tab stop, arrows between countries, Enter selects, Esc clears', async ({ page, watch }) => {
  await page.goto(M);
  await ready(page);
  const stop = page.locator('#map-svg [tabindex="0"]');
  await expect(stop).toHaveCount(1);
  await tabTo(page, stop);
  const focused = () => page.evaluate(() => document.activeElement.getAttribute('data-a2'));
  const first = await focused();
  await page.keyboard.press('ArrowRight');
  const second = await focused();
  expect(second).not.toBe(first);
  await expect(page.locator('#map-svg [tabindex="0"]')).toHaveCount(1);
  await expect(page.locator('#map-tip')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`sel=${second}`));
  await expect(page.getByTestId('profile')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('profile')).toHaveCount(0);
  // + zooms in (the URL keeps the view), Tab leaves the map in one step.
  await page.keyboard.press('+');
  await expect(page).toHaveURL(/zoom=/);
  await page.keyboard.press('Tab');
  expect(await focused()).toBeNull();
});

test('clicking a country opens its card; the URL carries layer, date, selection and zoom, and back/forward work', async ({ page, watch }) => {
  await page.goto(M + '?layer=coe&date=2025-06&zoom=europe&sel=PT');
  await ready(page);
  await expect(page.getByLabel('Map layer')).toHaveValue('coe');
  await expect(page.getByRole('slider', { name: 'Date' })).toHaveAttribute('aria-valuetext', '30 Jun 2025');
  await expect(page.getByRole('button', { name: 'Europe' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#map-svg')).toHaveAttribute('class', /zoomed/);
  await expect(page.locator('#profile-heading')).toHaveText('Portugal');
  await expect(page.getByTestId('profile')).toContainText('no profile of its own');
  await expect(page).toHaveURL(/\?sel=PT&layer=coe&date=2025-06&zoom=europe$/);
  await page.getByRole('button', { name: 'World' }).click();
  await expect(page).not.toHaveURL(/zoom=/);
  await page.locator('#m-DE').click();
  await expect(page.locator('#profile-heading')).toHaveText('Germany');
  await page.locator('#m-KR').click({ force: true });
  await expect(page.locator('#profile-heading')).toHaveText('Republic of Korea');
  await expect(page).toHaveURL(/sel=KR/);
  await page.goBack();
  await expect(page.locator('#profile-heading')).toHaveText('Germany');
  await page.goBack();
  await expect(page.locator('#profile-heading')).toHaveText('Portugal');
  await page.goForward();
  await expect(page.locator('#profile-heading')).toHaveText('Germany');
  // The search box finds a country by its name in either language.
  await page.getByLabel('Find a country').fill('브라질');
  await page.getByLabel('Find a country').press('Enter');
  await expect(page.locator('#profile-heading')).toHaveText('Brazil');
  await axe(page, 'map: a country card, Europe zoom');
  // Invalid map parameters fall back with the notice.
  await page.goto(M + '?layer=moon&date=1999-01&zoom=mars');
  await ready(page);
  await expect(page.getByTestId('url-notice')).toContainText('moon');
  await expect(page.getByLabel('Map layer')).toHaveValue('law');
});


test('the map fits a 360 px phone and a projector, light and dark, without horizontal scrolling', async ({ page, watch }) => {
  for (const [w, h] of [[360, 740], [1920, 1080]]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(M + '?layer=laws&zoom=europe&sel=KR');
      await ready(page);
      await expect(page.locator('#m-KR')).toHaveAttribute('class', /^k/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow at ${w}px ${scheme}`).toBeLessThanOrEqual(0); // the layer select once overflowed at 360 px
      await page.screenshot({ path: `../../target/screenshots/map-${w}-${scheme}.png` });
    }
  }
});
