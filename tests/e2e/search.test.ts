import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { DIST_ARCHIVE, DIST_ROOT } from '../helpers/paths.ts';
import { serve, type Served } from '../helpers/serve.ts';

// A reader searching in a real browser: by keyword, by person, by a person's other names, with
// filters, sorting and the state kept in the address; at the site root and under /archive/.

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Result titles currently shown on the search page. */
function resultTitles(page: Page): Promise<string[]> {
  return page.locator('#search-results h2 a').allTextContents();
}

/** Opens the search page (with a query string) and waits until Pagefind has loaded. */
async function openSearch(page: Page, origin: string, base: string, query = ''): Promise<void> {
  await page.goto(`${origin}${base}search/${query}`);
  await page.locator('#search-form[data-ready="true"]').waitFor();
}

for (const [label, dir, base] of [
  ['site root', DIST_ROOT, '/'],
  ['sub-path /archive/', DIST_ARCHIVE, '/archive/'],
] as const) {
  describe(`search at the ${label}`, () => {
    let site: Served;
    let page: Page;
    beforeAll(async () => {
      site = await serve(dir, base);
      page = await browser.newPage();
    });
    afterAll(async () => {
      await page?.close();
      await site?.close();
    });

    test('the search page loads every part of the index (one at the root, several at /archive/)', async () => {
      const fresh = await browser.newPage();
      const entries: string[] = [];
      fresh.on('request', (r) => r.url().includes('pagefind-entry.json') && entries.push(new URL(r.url()).pathname));
      await openSearch(fresh, site.origin, base, '?q=judges');
      await fresh.locator('#search-results li').first().waitFor();
      const { dirs } = JSON.parse((await fresh.locator('#search-form').getAttribute('data-parts'))!) as {
        dirs: string[];
      };
      await fresh.close();
      if (base === '/') expect(dirs).toEqual(['']);
      else expect(dirs.length).toBeGreaterThan(3);
      expect(entries.toSorted()).toEqual(dirs.map((d) => `${base}pagefind/${d}pagefind-entry.json`).toSorted());
    });

    test('"Tabaddor" finds the seed article, the person filter keeps it, and the result opens it', async () => {
      await openSearch(page, site.origin, base);
      await page.locator('#search-q').fill('Tabaddor');
      await expect
        .poll(() => resultTitles(page))
        .toContain('Immigration judges hit back at Sessions for suggesting they show too much sympathy');
      await page.getByRole('checkbox', { name: /Jeff Sessions/ }).check();
      await expect.poll(() => page.url()).toContain('person=Jeff+Sessions');
      await expect
        .poll(() => resultTitles(page))
        .toEqual(['Immigration judges hit back at Sessions for suggesting they show too much sympathy']);
      await expect(page.locator('#search-results mark').first().textContent()).resolves.toMatch(/Tabaddor/i);
      await page.locator('#search-results h2 a').first().click();
      await page.waitForURL(`**${base}articles/2018/09/immigration-judges-sessions/`);
      await expect(page.locator('h1').textContent()).resolves.toContain('Immigration judges hit back');
    });

    test('an imported article is found by keyword and by the person it names', async () => {
      await openSearch(page, site.origin, base, '?q=cruise%20terminal&person=Maria%20Okafor');
      await expect.poll(() => resultTitles(page)).toEqual(['Harbor board delays vote on cruise terminal expansion']);
    });

    test('a search address opens with that search done', async () => {
      await openSearch(page, site.origin, base, '?q=judges&person=Jeff%20Sessions');
      await expect(page.locator('#search-q').inputValue()).resolves.toBe('judges');
      await expect(page.getByRole('checkbox', { name: /Jeff Sessions/ }).isChecked()).resolves.toBe(true);
      await expect
        .poll(() => resultTitles(page))
        .toEqual(['Immigration judges hit back at Sessions for suggesting they show too much sympathy']);
    });

    test("a person's other name finds the article and the person page", async () => {
      await openSearch(page, site.origin, base, '?q=Jefferson%20Beauregard');
      await expect
        .poll(() => resultTitles(page))
        .toEqual(
          expect.arrayContaining([
            'Immigration judges hit back at Sessions for suggesting they show too much sympathy',
            'Jeff Sessions',
          ]),
        );
    });

    test('filters show counts, and sorting by date orders results newest first', async () => {
      await openSearch(page, site.origin, base, '?topic=fixtures&sort=newest');
      await expect.poll(() => page.locator('#search-results li').count()).toBe(5);
      const first = await page.locator('#search-results time').allTextContents();
      const years = first.map((t) => Number(t.slice(-4)));
      expect(years).toEqual([...years].sort((a, b) => b - a));
      const fixturesLabel = await page.locator('label', { has: page.locator('input[value="fixtures"]') }).textContent();
      expect(fixturesLabel).toContain('(13)');
      const yearBoxes = await page
        .locator('input[name="year"]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(yearBoxes).toEqual(['2024', '2023', '2022', '2021', '2020', '2019', '2018', '2017', '2016', '2015']);
      await page.locator('#search-more').click();
      await expect.poll(() => page.locator('#search-results li').count()).toBe(13);
      // The whole list is in date order (at /archive/ it comes from five merged index parts).
      const days = () =>
        page.locator('#search-results time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
      const newest = await days();
      expect(newest).toEqual(newest.toSorted().toReversed());
      await page.locator('#search-sort').selectOption('oldest');
      await expect.poll(days).toEqual(newest.toReversed().slice(0, 5));
    });
  });
}
