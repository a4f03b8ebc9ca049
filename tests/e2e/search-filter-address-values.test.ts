import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { DIST_ARCHIVE, DIST_ROOT } from '../helpers/paths.ts';
import { closeTabs, openEveryResult, shownSearch, type SiteTab, servedTabs } from '../helpers/search-page.ts';
import { QUOTE_PEOPLE } from '../fixtures/quote-articles.ts';

// A filter value typed into an address by hand (`?quoted=benedikt%20quarrington`) ticks the value
// the page lists, whatever its letter case and accents, at the site root and under /archive/ (the
// index in one part and in parts): the same search as the exact value, checked against the page's
// own answer for the exact value, not against the code that folds them. And a phrase already in
// quotes that finds nothing is not told to put it in quotes.

let browser: Browser;
let sites: SiteTab[] = [];
beforeAll(async () => {
  browser = await launchChromium();
  sites = await servedTabs(browser, { '/': DIST_ROOT, '/archive/': DIST_ARCHIVE });
}, 60_000);
afterAll(async () => {
  await closeTabs(sites);
  await browser?.close();
});

/** The address of a search with one value of one filter. */
function address(site: SiteTab, key: string, value: string, q = ''): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  params.set(key, value);
  return `${site.site.origin}${site.base}search/?${params}`;
}

/** The name in other letter case, with an accent on its first vowel (as a reader may type it). */
const retyped = (name: string) =>
  name.toLowerCase().replace(/[aeiou]/, (v) => ({ a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' })[v]!);

describe('filter values in the address', () => {
  test('quoted= and person= in other letter case and accents find what the exact value finds, its box ticked', async () => {
    const name = QUOTE_PEOPLE[0]!.name;
    for (const site of sites)
      for (const key of ['quoted', 'person']) {
        await openEveryResult(site.page, address(site, key, name), true);
        const exact = await shownSearch(site.page, site.base);
        expect(exact.paths.length, `${site.base} ${key}=${name}`).toBeGreaterThan(0);
        await openEveryResult(site.page, address(site, key, retyped(name)), true);
        const typed = await shownSearch(site.page, site.base);
        expect(typed.paths.toSorted(), `${site.base} ${key}=${retyped(name)}`).toEqual(exact.paths.toSorted());
        const ticked = await site.page.evaluate(
          (group) =>
            [...document.querySelectorAll<HTMLInputElement>(`#search-filters input[name="${group}"]:checked`)].map(
              (b) => b.value,
            ),
          key,
        );
        expect(ticked, `${site.base} ${key}`).toEqual([name]);
      }
  }, 120_000);

  test('quoted= written in capitals, with doubled spaces, + or %2B for a space and accents finds what the exact value finds', async () => {
    const name = QUOTE_PEOPLE[0]!.name;
    const [given, family] = name.split(' ') as [string, string];
    // Raw query strings, as a reader types them: + is a space in a query, %2B a plus sign.
    const typed = [
      `${encodeURIComponent(given.toUpperCase())}%20%20${encodeURIComponent(family.toUpperCase())}`,
      `${encodeURIComponent(retyped(given))}+${encodeURIComponent(family.toLowerCase())}`,
      `%20${encodeURIComponent(given)}%2B${encodeURIComponent(retyped(family).toUpperCase())}%20`,
    ];
    for (const site of sites) {
      await openEveryResult(site.page, address(site, 'quoted', name), true);
      const exact = await shownSearch(site.page, site.base);
      expect(exact.paths.length, `${site.base} quoted=${name}`).toBeGreaterThan(0);
      for (const value of typed) {
        await openEveryResult(site.page, `${site.site.origin}${site.base}search/?quoted=${value}`, true);
        const shown = await shownSearch(site.page, site.base);
        expect(shown.paths.toSorted(), `${site.base} quoted=${value}`).toEqual(exact.paths.toSorted());
      }
    }
  }, 120_000);

  test('a phrase in quotes that finds nothing is not advised to be put in quotes', async () => {
    for (const site of sites) {
      await openEveryResult(
        site.page,
        `${site.site.origin}${site.base}search/?q=${encodeURIComponent('"zqxv wobbleford"')}`,
        true,
      );
      const hints = (await site.page.locator('#search-hints').textContent()) ?? '';
      expect(hints, site.base).not.toContain('Put a phrase in quotes');
      await openEveryResult(site.page, `${site.site.origin}${site.base}search/?q=zqxv%20wobbleford`, true);
      expect((await site.page.locator('#search-hints').textContent()) ?? '', site.base).toContain(
        'Put a phrase in quotes',
      );
    }
  }, 60_000);
});
