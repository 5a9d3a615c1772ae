// End-to-end tests of the timeline view (issue 5): milestones since 2017, filters by jurisdiction and type in the
// URL, the link from a milestone to the map's date, Korean, phone width and axe.
import { test, expect, axe, label } from './helpers.mjs';

test.use({ locale: 'en-US' });

const items = (page) => page.locator('#timeline-list .claim');
const metas = (page) => page.locator('#timeline-list .claim .meta').allTextContents();
const shown = async (page) => {
  await expect(page.locator('#atlas-loading')).toHaveCount(0);
  await expect(page.locator('#timeline-list')).toBeVisible();
};

test('the timeline lists the milestones since 2017 by year, oldest first, each sourced', async ({ page, watch }) => {
  await page.goto('/');
  await expect(page.locator('button.jurisdiction[data-id="KR"]')).toBeVisible();
  await page.getByRole('button', { name: 'Timeline' }).click();
  await expect(page).toHaveURL(/\?view=timeline$/);
  await shown(page);
  await expect(page.getByRole('heading', { name: 'Milestones since 2017' })).toBeVisible();
  const n = await items(page).count();
  expect(n).toBeGreaterThan(100);
  await expect(page.getByRole('status').filter({ hasText: 'milestones' })).toHaveText(`${n} milestones`);
  const years = (await page.locator('#timeline-list h3.year').allTextContents()).map(Number);
  expect(years[0]).toBe(2017);
  expect(years).toEqual([...years].sort((a, b) => a - b));
  expect(await page.locator('#timeline-list .claim:not(:has(.cite))').count()).toBe(0);
  expect(await page.locator('#timeline-list .claim:not(:has(button.to-map))').count()).toBe(0);
});

test('filters by jurisdiction and type are in the URL, with back and forward', async ({ page, watch }) => {
  await page.goto('/?view=timeline');
  await shown(page);
  const all = await items(page).count();
  await page.getByLabel('Jurisdiction or body').selectOption('KR');
  await expect(page).toHaveURL(/\?view=timeline&who=KR$/);
  const kr = await items(page).count();
  expect(kr).toBeGreaterThan(5);
  expect(kr).toBeLessThan(all);
  // Korea's own milestones, and those it took part in (the Seoul summit is the summits' record).
  const krMetas = await metas(page);
  for (const m of krMetas) expect(m).toMatch(/ · [^·]*Korea[^·]* · /);
  expect(krMetas.some((m) => /AI summits \(.*Korea/.test(m))).toBe(true);
  await page.getByLabel('Type').focus();
  await page.getByLabel('Type').selectOption('law');
  await expect(page).toHaveURL(/who=KR&kind=law$/);
  const laws = await metas(page);
  expect(laws.length).toBeGreaterThan(0);
  expect(laws.length).toBeLessThan(kr);
  for (const m of laws) expect(m).toMatch(/Korea.* · Law$/);
  await expect(items(page).filter({ hasText: 'Basic Act' }).first()).toBeVisible();
  // Focus stays on the filter that was changed (the filters are not re-rendered).
  await expect(page.getByLabel('Type')).toBeFocused();
  await page.goBack();
  await expect(page).toHaveURL(/who=KR$/);
  await expect(page.getByLabel('Type')).toHaveValue('');
  await expect(items(page)).toHaveCount(kr);
  await page.goForward();
  await expect(page.getByLabel('Type')).toHaveValue('law');
  await page.reload();
  await shown(page);
  await expect(items(page)).toHaveCount(laws.length);
});

test('a milestone opens the world map at its month', async ({ page, watch }) => {
  await page.goto('/?view=timeline&who=KR&kind=law');
  await shown(page);
  const item = items(page).filter({ hasText: /Basic Act.*(promulgated|adopted|passed|signed)/i }).first();
  await expect(item).toBeVisible();
  const button = item.getByRole('button', { name: /^Map in / });
  const name = await button.textContent();
  await button.click();
  // The map view, at that month, with focus on the date slider; the address keeps the filters for back.
  const month = name.replace('Map in ', '');
  await expect(page.locator('#map-date-out')).toContainText(month);
  await expect(page.locator('#map-date')).toBeFocused();
  await expect(page.locator('#timeline')).toBeHidden();
  await expect(page).toHaveURL(/\?date=\d{4}-\d{2}&who=KR&kind=law$|\?who=KR&kind=law&date=\d{4}-\d{2}$/);
  await expect.poll(() => label(page, 'KR')).toMatch(/adopted/i);
  await page.goBack();
  await shown(page);
});

test('in Korean and on a phone, the timeline reads right and axe finds nothing', async ({ page, watch }) => {
  test.setTimeout(90_000);
  await page.goto('/?lang=ko&view=timeline&kind=international');
  await shown(page);
  await expect(page.getByRole('heading', { name: '2017년부터의 주요 일지' })).toBeVisible();
  for (const m of await metas(page)) expect(m).toMatch(/ · 국제$/);
  await expect(items(page).first().getByRole('button')).toHaveText(/^\d{4}년 \d{1,2}월 지도 보기$/);
  for (const [w, h] of [[360, 740], [1920, 1080]]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `page overflow at ${w}px ${scheme}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `../../target/screenshots/timeline-${w}-${scheme}.png` });
    }
  }
  await axe(page, 'timeline, dark, 1920');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 360, height: 740 });
  await axe(page, 'timeline, light, 360');
});

test('the views, the compare choices and the timeline work by keyboard alone', async ({ page, watch }) => {
  await page.goto('/');
  await expect(page.locator('button.jurisdiction[data-id="KR"]')).toBeVisible();
  // The view switch comes right after the language switch.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Map and profiles' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Compare' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?view=compare$/);
  // Into the choices: Space unticks Japan; the focus stays on it.
  const japan = page.getByRole('checkbox', { name: 'Japan', exact: true });
  for (let i = 0; i < 10 && !(await japan.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(japan).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/cmp=EU,US,CN,KR$/);
  await expect(japan).toBeFocused();
  // The table's scroll box is a tab stop of its own (it scrolls sideways with the arrow keys on a phone).
  await page.locator('#compare-scroll').focus();
  await expect(page.locator('#compare-scroll')).toBeFocused();
  // Back up to the view switch and on to the timeline.
  await page.getByRole('button', { name: 'Timeline' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/view=timeline/);
  const who = page.getByLabel('Jurisdiction or body');
  await page.keyboard.press('Tab');
  await expect(who).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Type')).toBeFocused();
  // The first milestone's map button: Enter opens the map at its month, focus on the date slider.
  await page.keyboard.press('Tab');
  const first = page.locator('#timeline-list button.to-map').first();
  for (let i = 0; i < 10 && !(await first.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  const month = (await first.textContent()).replace('Map in ', '');
  await page.keyboard.press('Enter');
  await expect(page.locator('#map-date')).toBeFocused();
  await expect(page.locator('#map-date-out')).toContainText(month);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#map-date-out')).not.toContainText(month);
});
