import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST_ROOT } from '../helpers/paths.ts';
import { servedSite } from '../helpers/site.ts';

// The search page in the browser's history: each deliberate search (a submitted query, a ticked
// filter, a new order) is one step Back undoes, typing alone adds at most one; coming back to a
// search shows as many results as were shown; the tab's title names the search; and without
// JavaScript nothing pretends to search.

const ctx = servedSite(DIST_ROOT);

/** Opens a search address and waits for the form and its first results. */
async function open(page: Page, address: string): Promise<void> {
  await page.goto(`${ctx.site.origin}${address}`);
  await page.locator('#search-form[data-ready="true"]').waitFor();
  await page.locator('#search-results-section[aria-busy="false"]').waitFor();
}

/** Replaces the words in the search box by typing them key by key. */
async function typeWords(page: Page, words: string): Promise<void> {
  await page.locator('#search-q').selectText();
  await page.locator('#search-q').pressSequentially(words);
}

/** The address's query string once it has settled on `expected`. */
async function addressIs(page: Page, expected: string): Promise<void> {
  await expect.poll(() => new URL(page.url()).search).toBe(expected);
}

test('Back undoes each submitted search in turn, however it was typed', async () => {
  const page = await ctx.tab();
  await open(page, '/search/?q=harbour');
  await typeWords(page, 'war');
  await page.locator('#search-q').press('Enter');
  await addressIs(page, '?q=war');
  await typeWords(page, 'Macron');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await addressIs(page, '?q=Macron');
  await page.goBack();
  await addressIs(page, '?q=war');
  await expect.poll(() => page.locator('#search-q').inputValue()).toBe('war');
  await page.goBack();
  await addressIs(page, '?q=harbour');
  await expect.poll(() => page.locator('#search-q').inputValue()).toBe('harbour');
  expect(new URL(page.url()).pathname).toBe('/search/');
  await page.close();
});

test('a new order is a step of its own: Back after the next search returns to it', async () => {
  const page = await ctx.tab();
  await open(page, '/search/?q=harbour');
  await page.locator('#search-sort').selectOption('newest');
  await addressIs(page, '?q=harbour&sort=newest');
  await typeWords(page, 'war');
  await page.locator('#search-q').press('Enter');
  await addressIs(page, '?q=war&sort=newest');
  await page.goBack();
  await addressIs(page, '?q=harbour&sort=newest');
  await page.goBack();
  await addressIs(page, '?q=harbour');
  await page.close();
});

test('typing alone adds one history step, not one per key', async () => {
  const page = await ctx.tab();
  await open(page, '/search/?q=harbour');
  const before = await page.evaluate(() => history.length);
  await typeWords(page, 'judges');
  await addressIs(page, '?q=judges');
  await page.locator('#search-q').press('Enter');
  await page.locator('#search-results-section[aria-busy="false"]').waitFor();
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  await page.close();
});

test('typing on a search page that shows no search yet adds no step: Back leaves the page', async () => {
  const page = await ctx.tab();
  await page.goto(`${ctx.site.origin}/`);
  await open(page, '/search/');
  await typeWords(page, 'judges');
  await addressIs(page, '?q=judges');
  await page.goBack();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/');
  await page.close();
});

test('a key that leaves the words as they were does not let the next keys overwrite the search', async () => {
  const page = await ctx.tab();
  await open(page, '/search/?q=harbour');
  await page.locator('#search-q').press('End');
  // A space at the end searches the same words: the address stays, and no entry is added.
  await page.locator('#search-q').pressSequentially(' ');
  await page.locator('#search-q').pressSequentially('war');
  await addressIs(page, '?q=harbour+war');
  await page.goBack();
  await addressIs(page, '?q=harbour');
  await page.close();
});

test('coming back to a search shows as many results as were shown', async () => {
  const page = await ctx.tab();
  await open(page, '/search/?topic=fixtures');
  await expect.poll(() => page.locator('#search-results li').count()).toBe(5);
  await page.locator('#search-more').click();
  await expect.poll(() => page.locator('#search-results li').count()).toBeGreaterThan(5);
  const shown = await page.locator('#search-results li').count();
  await page
    .locator('#search-results li')
    .nth(shown - 1)
    .locator('h2 a')
    .click();
  await page.waitForURL((url) => !url.pathname.startsWith('/search/'));
  await page.goBack();
  await page.locator('#search-form[data-ready="true"]').waitFor();
  await expect.poll(() => page.locator('#search-results li').count()).toBe(shown);
  await page.close();
});

test('the tab title names the search, so Back menus and tabs tell searches apart', async () => {
  const page = await ctx.tab();
  await open(page, '/search/?q=harbour');
  await expect.poll(() => page.title()).toMatch(/^“harbour” – Search · /);
  await typeWords(page, '"immigration judges"');
  await expect.poll(() => page.title()).toMatch(/^"immigration judges" – Search · /);
  await page.locator('#search-q').fill('');
  await expect.poll(() => page.title()).toMatch(/^Search · /);
  await page.close();
});

test('a control character in the address is left out of the search, which finds what it shows', async () => {
  const page = await ctx.tab();
  await open(page, '/search/?q=immigration%00judges');
  const status = await page.locator('#search-status').textContent();
  await open(page, '/search/?q=immigration%20judges');
  expect(await page.locator('#search-status').textContent()).toBe(status);
  expect(status).toMatch(/^[1-9]\d* results? for “immigration judges”/);
  await page.close();
});

test('without JavaScript no page offers a search box that cannot search', async () => {
  const page = await ctx.browser.newPage({ javaScriptEnabled: false });
  for (const path of ['/', '/people/', '/articles/2018/09/immigration-judges-sessions/']) {
    await page.goto(`${ctx.site.origin}${path}`);
    await expect(page.locator('#site-search-q').count()).resolves.toBe(1);
    await expect(page.locator('#site-search-q').isVisible()).resolves.toBe(false);
  }
  await page.close();
  // With it, the box is there.
  const live = await ctx.tab();
  await live.goto(`${ctx.site.origin}/`);
  await expect(live.locator('#site-search-q').isVisible()).resolves.toBe(true);
  await live.close();
});

test('the filters say what they count, and a group with nothing to offer leaves the keyboard alone', async () => {
  const page = await ctx.tab();
  await open(page, '/search/?q=judges&year=2024');
  await expect(page.locator('#filter-find-author').getAttribute('placeholder')).resolves.toBe('Find an author');
  await expect(page.locator('label[for="filter-find-author"]').textContent()).resolves.toMatch(
    /^\s*Find an author\s*$/,
  );
  await page.locator('#search-filters[aria-busy="false"]').waitFor();
  // Every value of these groups gives nothing with the year ticked: they are not shown, so Tab
  // does not stop at their headings; the year, ticked, stays.
  const shownGroups = () =>
    page
      .locator('#search-filters details.filter')
      .evaluateAll((ds) => ds.filter((d) => (d as HTMLElement).offsetParent !== null).map((d) => d.dataset.filter));
  await expect.poll(shownGroups).toEqual(['year']);
  await open(page, '/search/?q=judges');
  await page.locator('#search-filters[aria-busy="false"]').waitFor();
  await expect.poll(shownGroups).toContain('author');
  await page.locator('#filter-find-author').fill('zzqx');
  await expect
    .poll(() => page.locator('#search-filters [data-filter="author"] .filter-note').textContent())
    .toBe('No value matches “zzqx”.');
  await page.close();
});

test('the hints speak of the minus only when one was typed, once, and offer fewer filters', async () => {
  const page = await ctx.tab();
  const hints = () => page.locator('#search-hints').innerText();
  await open(page, '/search/?q=zzqxw');
  await expect.poll(hints).toMatch(/quotes/);
  expect(await hints()).not.toMatch(/minus|Leaving words out/);
  await open(page, '/search/?q=-Trump');
  await expect.poll(hints).toMatch(/Leaving words out/);
  expect((await hints()).match(/Leaving words out|minus/g)).toHaveLength(1);
  // The ticked year leaves nothing; without it the words find the 2018 article.
  await open(page, '/search/?q=judges');
  const status = (await page.locator('#search-status').textContent())!;
  const found = Number(/^(\d+) result/.exec(status)![1]);
  await open(page, '/search/?q=judges&year=2024');
  await expect.poll(hints).toContain(`Fewer filters: without year: 2024 (${found} result${found === 1 ? '' : 's'}).`);
  await expect(page.locator('#search-hints a', { hasText: 'without year: 2024' }).getAttribute('href')).resolves.toBe(
    '?q=judges',
  );
  await page.close();
});

test('going back or forward to a search filtered by a value the page does not list keeps that filter', async () => {
  // No article of the archive is by this author, so the page lists no box for the name (as a
  // language's page lists only its own articles' authors).
  const address = '/search/?q=harbour&author=Nobody+Of+This+Archive';
  /** The status line and every result link once the search is final. */
  const answer = async (page: Page) => {
    await page.locator('#search-results-section[aria-busy="false"]').waitFor();
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/\b(No|\d+) results?\b/);
    return {
      status: await page.locator('#search-status').textContent(),
      links: await page.locator('#search-results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    };
  };
  const loaded = await ctx.tab();
  await open(loaded, address);
  const expected = await answer(loaded);
  await loaded.close();

  const page = await ctx.tab();
  await open(page, '/search/?q=harbour');
  const unfiltered = await answer(page);
  await page.evaluate((to) => {
    document.querySelector('#search-status')!.textContent = '';
    history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, address);
  const filtered = await answer(page);
  expect(filtered).toEqual(expected);
  expect(filtered).not.toEqual(unfiltered);
  await expect.poll(() => page.locator('input[name="author"][value="Nobody Of This Archive"]').isChecked()).toBe(true);
  await page.close();
});
