// Shared by the end-to-end specs: a test fixture that watches console errors and requests, and small helpers.
import { test as base, expect } from '@playwright/test';
export { expect };
import AxeBuilder from '@axe-core/playwright';

// Every test records console errors, uncaught exceptions and every request the page makes.
export const test = base.extend({
  watch: async ({ page, baseURL }, use) => {
    const seen = { errors: [], requests: [], responses: [] };
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') seen.errors.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => seen.errors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => seen.requests.push(r.url()));
    page.on('response', (r) => seen.responses.push(r));
    await use(seen);
    expect(seen.errors, 'console errors and warnings').toEqual([]);
    const outside = seen.requests.filter((u) => !u.startsWith(baseURL + '/') && !u.startsWith('data:'));
    expect(outside, 'requests outside the site').toEqual([]);
  },
});

export const ready = async (page) => {
  await expect(page.locator('#atlas-loading')).toHaveCount(0);
  await expect(page.locator('button.jurisdiction[data-id="KR"]')).toBeVisible();
};
export const core = ['EU', 'US', 'JP', 'CN', 'KR'];
// Presses Tab until `target` has focus (at most `max` times); fails if it never does.
export const tabTo = async (page, target, max = 40) => {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((e) => e === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
};
export const label = (page, a2) => page.locator(`#m-${a2}`).getAttribute('aria-label');
export const axe = async (page, label) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations (${label})`).toEqual([]);
};
