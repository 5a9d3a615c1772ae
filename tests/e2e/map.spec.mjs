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
  // land under everything, and "none recorded" states have their own colour in the layer's overlay. The map's own
  // shapes stay transparent over both.
  const classes = await page.locator('.map-ov.on [data-u]').evaluateAll((es) => [...new Set(es.map((e) => e.getAttribute('class')))]);
  expect(classes).toContain('kz');
  await expect(page.locator('#map-base g')).toHaveClass('kn');
  const fill = (sel) => page.locator(sel).evaluate((e) => getComputedStyle(e).fill);
  expect(await fill('#map-base g')).toMatch(/url\(/); // the grey hatch
  expect(await fill('.map-ov.on [data-u="KR"]')).not.toBe(await fill('#map-base g'));
  expect(await fill('#m-KR')).toBe('rgba(0, 0, 0, 0)');
  const legend = page.getByTestId('legend');
  await expect(legend).toContainText('No data');
  // The layers are a radio group named by its legend.
  const layers = page.getByRole('group', { name: 'Map layer' });
  await expect(layers.getByRole('radio')).toHaveCount(7);
  await expect(layers.getByRole('radio', { name: 'Status of AI law' })).toBeChecked();
  const layer = { pick: (key) => page.locator(`#map-layer-${key}`).check() };
  await layer.pick('laws');
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
    await layer.pick(key);
    await expect(page).toHaveURL(key === 'law' ? /^[^?]*(\?(?!.*layer=).*)?$/ : new RegExp(`layer=${key}`));
    await expect(page.locator('.map-ov.on')).toHaveAttribute('id', `map-ov-${key}`);
    await expect(page.locator('#map-table tbody tr').first()).toBeVisible();
    // Korea has its category's colour, or none where it shares the layer's base look (the land under it).
    const kr = page.locator('.map-ov.on [data-u="KR"]');
    expect((await kr.count()) ? (await kr.getAttribute('class')) ?? '' : '').toMatch(/^(k[0-9zn])?$/);
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
  // The slider's value text says the date; the live region does not repeat it at every step.
  await expect(page.getByTestId('map-announcer')).not.toHaveText(/31 Jan 2017/);
  // Play advances the date (announced: the slider is not being moved), and pauses.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(slider).not.toHaveAttribute('aria-valuetext', '31 Jan 2017');
  await expect(page.getByTestId('map-announcer')).toHaveText(/^Status of AI law · \d+ [A-Z][a-z]{2} 20\d\d$/);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
});

test('a layer switch only swaps which layer shows: it writes no shape and lays nothing out; the legend follows a frame later', async ({ page, watch }) => {
  await page.goto(M);
  await ready(page);
  await expect(page.getByTestId('legend')).toContainText('No data');
  // Every layer's colours are drawn a moment after the page settles, shown or not.
  await expect.poll(() => page.locator('.map-ov:not(:empty)').count()).toBe(7);
  const r = await page.evaluate(async () => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const legend = () => document.getElementById('map-legend').textContent;
    const before = legend();
    const writes = [];
    const watcher = new MutationObserver((ms) => ms.forEach((m) => writes.push(m.target.id || m.target.getAttribute('data-u') || m.target.tagName)));
    watcher.observe(document.getElementById('atlas-map-frame'), { subtree: true, attributes: true, childList: true });
    const radio = document.getElementById('map-layer-laws');
    const first = await new Promise((ok) => requestAnimationFrame(() => {
      radio.checked = true;
      radio.dispatchEvent(new Event('change', { bubbles: true }));
      setTimeout(() => ok({ legend: legend(), shown: document.querySelector('.map-ov.on').id }), 0);
    }));
    const frameWrites = writes.splice(0);
    await frame();
    watcher.disconnect();
    return { before, first, frameWrites, next: legend() };
  });
  // The frame that answers the switch fades one layer's colours out and another's in (and, on some layers, the
  // land's base look): nothing else under the map changes.
  expect(r.first.shown).toBe('map-ov-laws');
  expect(r.frameWrites).toContain('map-ov-law');
  expect(r.frameWrites).toContain('map-ov-laws');
  expect(r.frameWrites.filter((id) => !/^map-(ov-[a-z]+|base-z)$/.test(id))).toEqual([]);
  expect(r.first.legend).toBe(r.before);
  expect(r.next).not.toBe(r.before);
  expect(r.next).toContain('Support');
});

test('a wheel zoom moves the drawn map by a transform, anchored at the pointer; the map is redrawn sharp at the same place when the view rests', async ({ page, watch }) => {
  await page.goto(M);
  await ready(page);
  const svg = page.locator('#map-svg');
  const world = await svg.getAttribute('viewBox');
  // The pointer on Singapore's dot: zooming about the pointer keeps the dot under it, at every step.
  const dot = () => page.locator('#m-SG').evaluate((e) => { const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; });
  const [x, y] = await dot();
  await page.mouse.move(x, y);
  const r = await page.evaluate(async ([x, y]) => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const map = document.getElementById('map-svg');
    const writes = [];
    const watcher = new MutationObserver((ms) => ms.forEach((m) => writes.push(`${m.target.id || m.target.tagName}.${m.attributeName}`)));
    watcher.observe(document.getElementById('atlas-map-frame'), { subtree: true, attributes: true, childList: true });
    // Three wheel steps, a frame apart (a turn of the wheel): each after the last one's transform is on the map.
    for (let i = 0; i < 3; i++) {
      map.dispatchEvent(new WheelEvent('wheel', { deltaY: -120, clientX: x, clientY: y, bubbles: true, cancelable: true }));
      await frame();
    }
    watcher.disconnect();
    const d = document.getElementById('m-SG').getBoundingClientRect();
    return { writes, viewBox: map.getAttribute('viewBox'), transforms: [...document.querySelectorAll('#atlas-map-frame > svg')].map((e) => e.style.transform), dot: [d.x + d.width / 2, d.y + d.height / 2] };
  }, [x, y]);
  // The steps wrote transforms only: no viewBox, no shape, no class.
  expect(r.viewBox).toBe(world);
  expect(r.writes.length).toBeGreaterThan(0);
  expect(r.writes.filter((w) => !/\.style$/.test(w))).toEqual([]);
  expect(new Set(r.transforms).size).toBe(1); // the land, every layer's colours and the shapes move together
  expect(Number(/scale\(([0-9.]+)\)$/.exec(r.transforms[0])?.[1])).toBeGreaterThan(1.5); // zoomed in
  expect(Math.abs(r.dot[0] - x)).toBeLessThan(1.5);
  expect(Math.abs(r.dot[1] - y)).toBeLessThan(1.5);
  // At rest: redrawn at the view (viewBox set, transforms gone), the dot still under the pointer; the URL has it.
  await expect(svg).not.toHaveAttribute('viewBox', world);
  await expect(svg).toHaveClass(/zoomed/);
  expect(await page.locator('#atlas-map-frame > svg').evaluateAll((es) => es.map((e) => e.style.transform).filter(Boolean))).toEqual([]);
  const [x2, y2] = await dot();
  expect(Math.abs(x2 - x)).toBeLessThan(1.5);
  expect(Math.abs(y2 - y)).toBeLessThan(1.5);
  await expect(page).toHaveURL(/zoom=/);
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
  await expect(page.getByRole('radio', { name: 'Council of Europe AI convention' })).toBeChecked();
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
  await expect(page.getByRole('radio', { name: 'Status of AI law' })).toBeChecked();
});


test('the map fits a 360 px phone and a projector, light and dark, without horizontal scrolling', async ({ page, watch }) => {
  for (const [w, h] of [[360, 740], [1920, 1080]]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(M + '?layer=laws&zoom=europe&sel=KR');
      await ready(page);
      await expect(page.locator('.map-ov.on [data-u="KR"]')).toHaveAttribute('class', /^k/);
      // The layer shown is in view: on a phone the layers are a strip that scrolls sideways, brought to it.
      await expect.poll(() => page.evaluate(() => {
        const chip = document.getElementById('map-layer-laws').parentElement.getBoundingClientRect();
        const strip = chip && document.querySelector('#map-layers .chips').getBoundingClientRect();
        return chip.left >= strip.left - 1 && chip.right <= strip.right + 1;
      })).toBe(true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow at ${w}px ${scheme}`).toBeLessThanOrEqual(0); // the layer select once overflowed at 360 px
      await page.screenshot({ path: `../../target/screenshots/map-${w}-${scheme}.png` });
    }
  }
});
