import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { coverageArticles } from '../fixtures/sites.ts';
import { axeViolations, withAxe } from '../helpers/axe.ts';
import { DIST_ROOT } from '../helpers/paths.ts';
import { servedSite } from '../helpers/site.ts';
import { vnuErrors } from '../helpers/vnu.ts';

// The coverage charts for every reader: the Nu HTML Checker and axe (WCAG 2.2 AA and best
// practices) find nothing on person, topic and source pages with a chart and on the date archive,
// in light and dark colour schemes, on a phone's width and a desktop's; a bar is a link named by
// its tooltip, reached with the keyboard, and the counts' table opens from the keyboard.

const { person, source } = coverageArticles();
const PAGES = [
  `/people/${person.id}/`,
  '/people/jeff-sessions/',
  '/topics/lamp-rooms/',
  `/sources/${source.id}/`,
  '/dates/',
];

test('the Nu HTML Checker finds no error on pages with charts', () => {
  expect(vnuErrors(PAGES.map((p) => path.join(DIST_ROOT, p, 'index.html')))).toEqual([]);
}, 120_000);

const ctx = servedSite(DIST_ROOT);

describe.each([390, 1280])('axe at %i px, light and dark', (width) => {
  let page: Page;
  beforeAll(async () => {
    page = await withAxe(await ctx.browser.newPage({ viewport: { width, height: 900 }, colorScheme: 'light' }));
  });
  afterAll(async () => {
    await page?.close();
  });
  test.each(PAGES)('%s', async (address) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(ctx.site.origin + address);
    await page.locator('details.coverage-table summary').click();
    expect(await page.locator('svg.coverage-chart').count()).toBe(1);
    const light = await axeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await axeViolations(page);
    expect({ light, dark }).toEqual({ light: [], dark: [] });
  });
});

test('a bar is a link named by its tooltip, reached by the keyboard, and opens where its articles begin', async () => {
  const page = await ctx.tab();
  await page.goto(`${ctx.site.origin}/topics/lamp-rooms/`);
  const bar = page.getByRole('link', { name: 'May 2024: 4 articles' }).first();
  await expect(bar.evaluate((e) => e.closest('svg') !== null)).resolves.toBe(true);
  await page.locator('h2.coverage-heading').click();
  for (let i = 0; i < 40 && !(await bar.evaluate((e) => e === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(bar.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  await page.keyboard.press('Enter');
  await page.waitForURL(/#coverage-2024-05$/);
  await expect(page.locator(':target').evaluate((e) => e.tagName)).resolves.toBe('LI');
  // The table: its summary opens from the keyboard, and its rows name every bin.
  await page.goto(`${ctx.site.origin}/topics/lamp-rooms/`);
  await page.locator('details.coverage-table summary').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('details.coverage-table').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(
    true,
  );
  await expect(page.getByRole('row', { name: /May 2024/ }).count()).resolves.toBe(1);
  await page.close();
});
