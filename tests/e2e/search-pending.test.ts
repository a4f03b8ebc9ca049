import { expect, test } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { DIST_ROOT } from '../helpers/paths.ts';
import { servedSite } from '../helpers/site.ts';

// While a search's figures are still coming (the filter counts, the number of results), the
// figures on screen are the previous search's, or the page's own: they are marked as not final,
// for assistive technology (aria-busy on their region) and to the eye (the stylesheet's mark),
// and the mark goes once the search's own figures are in. Pagefind's answers are held back here
// by holding its downloads until the test lets them go.

const ctx = servedSite(DIST_ROOT);

/** Holds the requests matching `pattern` until `release()` (those already held, and later ones). */
async function hold(page: Page, pattern: string): Promise<{ release(): void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route: Route) => {
    await released;
    await route.continue();
  });
  return { release };
}

/** How an element looks: its own style and the text its style adds after it. */
function look(page: Page, selector: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((e) => {
      const own = getComputedStyle(e);
      const after = getComputedStyle(e, '::after').content;
      const heading = e.closest('.search-filters')?.querySelector('.filters-heading');
      const headingAfter = heading ? getComputedStyle(heading, '::after').content : '';
      return JSON.stringify([own.fontStyle, own.opacity, own.color, own.textDecorationLine, after, headingAfter]);
    });
}

test('counts still coming are marked as not final, and the mark goes when they come', async () => {
  const page = await ctx.tab();
  // The filters' data, which the counts need and the results do not.
  const filterData = await hold(page, '**/pagefind/filter/*.pf_filter');
  await page.goto(`${ctx.site.origin}/search/?q=judges`);
  await page.locator('#search-results li').first().waitFor();
  await page.locator('#search-results-section[aria-busy="false"]').waitFor();
  // The results and their number are in; the counts on screen are still the page's own.
  const countNow = await look(page, '#search-filters .count');
  const statusFinal = await look(page, '#search-status');
  await expect(page.locator('#search-filters').getAttribute('aria-busy')).resolves.toBe('true');
  filterData.release();
  await page.locator('#search-filters[aria-busy="false"]').waitFor();
  const countFinal = await look(page, '#search-filters .count');
  expect(countNow).not.toBe(countFinal);

  // A new search whose results wait for their data: the number of results shown is the last
  // search's, marked, and so are the counts.
  const before = await page.locator('#search-status').textContent();
  const fragments = await hold(page, '**/pagefind/fragment/*.pf_fragment');
  await page.locator('#search-q').fill('cruise terminal');
  await page.locator('#search-results-section[aria-busy="true"]').waitFor();
  await expect(page.locator('#search-status').textContent()).resolves.toBe(before);
  expect(await look(page, '#search-status')).not.toBe(statusFinal);
  await expect(page.locator('#search-filters').getAttribute('aria-busy')).resolves.toBe('true');
  expect(await look(page, '#search-filters .count')).toBe(countNow);
  fragments.release();
  await page.locator('#search-results-section[aria-busy="false"]').waitFor();
  await page.locator('#search-filters[aria-busy="false"]').waitFor();
  await expect(page.locator('#search-status').textContent()).resolves.toMatch(/for “cruise terminal”/);
  expect(await look(page, '#search-status')).toBe(statusFinal);
  expect(await look(page, '#search-filters .count')).toBe(countFinal);
  await page.close();
});
