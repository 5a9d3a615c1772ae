// End-to-end tests of the compare view (issue 5): choosing jurisdictions, difference marking, sources, the view
// switch, URL round trip with back/forward, phone width and axe.
import { test, expect, axe } from './helpers.mjs';

test.use({ locale: 'en-US' });

const table = (page) => page.getByTestId('compare-table');
const columns = (page) => table(page).locator('thead th').evaluateAll((hs) => hs.map((h) => h.textContent));
const shown = async (page) => {
  await expect(page.locator('#atlas-loading')).toHaveCount(0);
  await expect(table(page)).toBeVisible();
};

test('the view switch opens the five core jurisdictions side by side, and goes back', async ({ page, watch }) => {
  await page.goto('/');
  await expect(page.locator('button.jurisdiction[data-id="KR"]')).toBeVisible();
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\?view=compare$/);
  await shown(page);
  await expect(page.getByRole('button', { name: 'Compare' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: 'Side by side' })).toBeVisible();
  // The map view is hidden, not just scrolled away.
  await expect(page.locator('#atlas-map')).toBeHidden();
  expect(await columns(page)).toEqual(['EU', 'United States', 'Japan', 'China', 'Korea']);
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('#atlas-map')).toBeVisible();
  await expect(table(page)).toBeHidden();
  await page.goForward();
  await shown(page);
});

test('choosing jurisdictions keeps two to five, in the URL, with back and forward', async ({ page, watch }) => {
  await page.goto('/?view=compare');
  await shown(page);
  const box = (name) => page.getByRole('checkbox', { name, exact: true });
  // Five are chosen: the others cannot be ticked until one is unticked.
  await expect(box('UK')).toBeDisabled();
  await box('Japan').uncheck();
  await expect(page).toHaveURL(/\?view=compare&cmp=EU,US,CN,KR$/);
  expect(await columns(page)).toEqual(['EU', 'United States', 'China', 'Korea']);
  await expect(box('UK')).toBeEnabled();
  await box('UK').check();
  await expect(page).toHaveURL(/cmp=EU,US,CN,KR,GB$/);
  expect(await columns(page)).toEqual(['EU', 'United States', 'China', 'Korea', 'UK']);
  // Down to two: the last two cannot be unticked.
  for (const name of ['United States', 'China', 'UK']) await box(name).uncheck();
  await expect(page).toHaveURL(/cmp=EU,KR$/);
  await expect(box('EU')).toBeDisabled();
  await expect(box('Korea')).toBeDisabled();
  // Keyboard: Space on a focused box ticks it, and focus stays on it.
  await box('India').focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/cmp=EU,KR,IN$/);
  await expect(box('India')).toBeFocused();
  // Back steps through the choices one by one; reload keeps the address's state.
  await page.goBack();
  await expect(page).toHaveURL(/cmp=EU,KR$/);
  await expect(box('India')).not.toBeChecked();
  await page.goBack();
  await expect(page).toHaveURL(/cmp=EU,KR,GB$/);
  expect(await columns(page)).toEqual(['EU', 'Korea', 'UK']);
  await page.reload();
  await shown(page);
  expect(await columns(page)).toEqual(['EU', 'Korea', 'UK']);
});

test('rows that differ are marked in words, and rows that agree can be hidden', async ({ page, watch }) => {
  await page.goto('/?view=compare&cmp=DE,FR');
  await shown(page);
  const differs = table(page).locator('tr.glance.differs');
  const same = table(page).locator('tr.glance:not(.differs)');
  expect(await same.count()).toBeGreaterThan(0);
  await expect(same.first().locator('.mark')).toHaveText('same');
  // Both take the EU's AI Act: the law row agrees.
  await expect(table(page).locator('tr.glance', { hasText: 'Status of AI law' })).not.toHaveClass(/differs/);
  const before = await differs.count();
  await page.getByRole('checkbox', { name: 'Show only rows that differ' }).check();
  await expect(page).toHaveURL(/cmp=DE,FR&diff=1$/);
  await expect(same).toHaveCount(0);
  await expect(differs).toHaveCount(before);
  // The five core jurisdictions differ on their approach.
  await page.goto('/?view=compare&diff=1');
  await shown(page);
  const approach = table(page).locator('tr.glance', { hasText: 'Approach' });
  await expect(approach).toHaveClass(/differs/);
  await expect(approach.locator('.mark')).toHaveText('differs');
  await expect(page.getByRole('checkbox', { name: 'Show only rows that differ' })).toBeChecked();
});

test('the approach spectrum places the five, marks the chosen ones and gives each reason with its source', async ({ page, watch }) => {
  await page.goto('/?view=compare&cmp=EU,KR,GB');
  await shown(page);
  const chart = page.getByRole('img', { name: 'The approach spectrum' });
  await expect(chart).toBeVisible();
  await expect(page.getByTestId('spectrum')).toContainText('an editorial summary of the sources');
  await expect(chart.locator('circle')).toHaveCount(5);
  // The UK has no placement in the sources: only the EU and Korea are emphasized.
  expect(await chart.locator('.picked text').allTextContents()).toEqual(['EU', 'Korea']);
  const reasons = page.locator('#spectrum-reasons .claim');
  await expect(reasons).toHaveCount(5);
  await expect(reasons.filter({ hasText: 'United States' })).toContainText(/bilateral/);
  expect(await page.locator('#spectrum-reasons .claim:not(:has(.cite))').count()).toBe(0);
  // Choosing another jurisdiction moves the emphasis.
  await page.getByRole('checkbox', { name: 'Japan', exact: true }).check();
  await expect(chart.locator('.picked')).toHaveCount(3);
});

test('every cell carries its source, and a column opens that profile', async ({ page, watch }) => {
  await page.goto('/?view=compare');
  await shown(page);
  // Korea's law row: the Basic Act, in force since 22 Jan 2026, with its source.
  const law = table(page).locator('tr.glance', { hasText: 'Status of AI law' });
  const kr = law.locator('td').nth(4);
  await expect(kr).toContainText('Binding AI law in force · 22 Jan 2026');
  await expect(kr.locator('.cite')).toHaveCount(1);
  // The detail rows are sourced claims; links to web sources are real links.
  const claims = table(page).locator('tr.detail .claim');
  expect(await claims.count()).toBeGreaterThan(50);
  expect(await table(page).locator('tr.detail .claim:not(:has(.cite))').count()).toBe(0);
  const hrefs = await table(page).locator('a.cite-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(5);
  for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
  await table(page).getByRole('button', { name: 'Korea' }).click();
  await expect(page).toHaveURL(/\?sel=KR$/);
  await expect(page.locator('#profile-heading')).toHaveText('Republic of Korea');
  await expect(table(page)).toBeHidden();
  // The button went away with its view: focus is on the profile it opened.
  await expect(page.locator('#profile-heading')).toBeFocused();
});

test('in Korean, an invalid choice falls back with a notice, and axe finds nothing in light or dark', async ({ page, watch }) => {
  test.setTimeout(90_000);
  await page.goto('/?lang=ko&view=compare&cmp=KR,XX');
  await shown(page);
  // One known id is not enough: the default five, and a notice about the parameter.
  await expect(page.getByTestId('url-notice')).toContainText('cmp');
  expect(await columns(page)).toEqual(['EU', '미국', '일본', '중국', '한국']);
  await expect(page.getByRole('heading', { name: '나란히 비교' })).toBeVisible();
  await expect(table(page).locator('tr.group').first()).toHaveText('한눈에 보기');
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await axe(page, `compare view, ${scheme}`);
  }
});

test('on a phone the table swipes one jurisdiction at a time beside a sticky dimension column', async ({ page, watch }) => {
  for (const [w, h] of [[360, 740], [1920, 1080]]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/?view=compare');
      await shown(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `page overflow at ${w}px ${scheme}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `../../target/screenshots/compare-${w}-${scheme}.png` });
      await page.getByTestId('spectrum').screenshot({ path: `../../target/screenshots/spectrum-${w}-${scheme}.png` });
    }
  }
  // At 360 px: the table is wider than its box, which scrolls; the dimension column stays put.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/?view=compare');
  await shown(page);
  const scroller = page.locator('#compare-scroll');
  const [sw, cw] = await scroller.evaluate((e) => [e.scrollWidth, e.clientWidth]);
  expect(sw).toBeGreaterThan(cw * 3);
  const head = table(page).locator('tr.glance th').first();
  const x0 = (await head.boundingBox()).x;
  await scroller.evaluate((e) => e.scrollBy(e.clientWidth, 0));
  await page.waitForTimeout(300);
  expect(Math.abs((await head.boundingBox()).x - x0)).toBeLessThan(1);
  // One jurisdiction column fills the rest of the width.
  const col = await table(page).locator('thead th').first().boundingBox();
  expect(col.width).toBeGreaterThan(180);
});
