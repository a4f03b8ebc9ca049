import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { DIST_ARCHIVE, DIST_ROOT } from '../helpers/paths.ts';
import { followSkipLink, goToSearch, POLL } from '../helpers/search-page.ts';
import { serve, type Served } from '../helpers/serve.ts';

// A reader searching in a real browser: by keyword, by person, by a person's other names, with
// filters, sorting and the state kept in the address; at the site root and under /archive/.

const SEED_TITLE = 'Immigration judges hit back at Sessions for suggesting they show too much sympathy';

let browser: Browser;
/** The tabs of this file share one browser context (the site keeps nothing in the browser). */
let tabs: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
  tabs = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

/** Result titles currently shown on the search page. */
function resultTitles(page: Page): Promise<string[]> {
  return page.locator('#search-results h2 a').allTextContents();
}

/** How many results the status line reports (0 for "No results"). */
async function resultCount(page: Page): Promise<number> {
  if (await page.locator('#search-results-section[aria-busy="true"]').count()) return -1;
  const text = (await page.locator('#search-status').textContent()) ?? '';
  const m = /^(\d+|No) results?/.exec(text);
  return m ? (m[1] === 'No' ? 0 : Number(m[1])) : -1;
}

/** Clicks "Show more results" until every result is listed. */
async function showAll(page: Page): Promise<void> {
  const total = await resultCount(page);
  const listed = () => page.locator('#search-results li').count();
  for (let n = await listed(); n < total; n = await listed()) {
    await page.locator('#search-more').click();
    // The next results are appended once their excerpts have loaded.
    await expect.poll(listed).toBeGreaterThan(n);
  }
}

/** The count shown next to every filter box once counted, as { "person=Jeff Sessions": 1 }. */
async function shownCounts(page: Page): Promise<Record<string, number>> {
  await page.locator('#search-filters:not([aria-busy="true"])').waitFor();
  return page.locator('#search-filters input[type="checkbox"]').evaluateAll((boxes) =>
    Object.fromEntries(
      boxes.map((b) => {
        const box = b as HTMLInputElement;
        const count = box.parentElement!.querySelector('.count')!.textContent;
        return [`${box.name}=${box.value}`, Number(/\d+/.exec(count)![0])];
      }),
    ),
  );
}

/** Goes to another search on the open search page as the Back and Forward buttons do. */
async function goInPage(page: Page, query: string): Promise<void> {
  await page.evaluate((address) => {
    document.querySelector('#search-status')!.textContent = '';
    history.pushState(null, '', address);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, query);
}

/** Text with runs of white space as one space. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Opens the search page at a query string and waits until Pagefind has loaded, or, in a tab
 * already on that search page, until the new search's status line is there (see goToSearch). An
 * empty query string, or `load`, loads the page.
 */
async function openSearch(page: Page, origin: string, base: string, query = '', load = false): Promise<void> {
  if ((await goToSearch(page, `${origin}${base}search/${query}`, load || !query)) === 'in-page')
    await page.waitForFunction(
      () => /\S/.test(document.querySelector('#search-status')?.textContent ?? ''),
      undefined,
      POLL,
    );
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
      page = await tabs.newPage();
    });
    afterAll(async () => {
      await page?.close();
      await site?.close();
    });

    test('the search page loads every part of the index (one at the root, several at /archive/)', async () => {
      const fresh = await tabs.newPage();
      const entries: string[] = [];
      // Pagefind asks for each part's entry with a cache-busting ?ts= (the page checks the first part's without).
      fresh.on('request', (r) => {
        const url = new URL(r.url());
        if (url.pathname.endsWith('pagefind-entry.json') && url.searchParams.has('ts')) entries.push(url.pathname);
      });
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
      await page
        .getByRole('group', { name: 'Person' })
        .getByRole('checkbox', { name: /Jeff Sessions/ })
        .check();
      await expect.poll(() => page.url()).toContain('person=Jeff+Sessions');
      await expect
        .poll(() => resultTitles(page))
        .toEqual(['Immigration judges hit back at Sessions for suggesting they show too much sympathy']);
      await expect(page.locator('#search-results mark').first().textContent()).resolves.toMatch(/Tabaddor/i);
      await page.locator('#search-results h2 a').first().click();
      await page.waitForURL(`**${base}articles/2018/09/immigration-judges-sessions/`);
      await expect(page.locator('h1').textContent()).resolves.toContain('Immigration judges hit back');
    });

    // The page's code is the same at every base: checked once, at the root.
    test.runIf(base === '/')(
      'a search typed while the one before still loads shows only its own results, once each',
      async () => {
        // What "Tabaddor" alone lists, on a page of its own.
        const alone = await tabs.newPage();
        await openSearch(alone, site.origin, base, '?q=Tabaddor');
        await expect.poll(() => resultCount(alone)).toBeGreaterThan(0);
        const expected = await resultTitles(alone);
        await alone.close();
        // The results of "judges" wait for their data, and "Tabaddor" is typed meanwhile.
        const racing = await tabs.newPage();
        let slow = true;
        await racing.route('**/fragment/**', async (route) => {
          if (slow) await new Promise((resolve) => setTimeout(resolve, 1500));
          await route.continue();
        });
        await openSearch(racing, site.origin, base);
        await racing.locator('#search-q').fill('judges');
        await racing.waitForRequest((r) => r.url().includes('/fragment/'));
        slow = false;
        await racing.locator('#search-q').fill('Tabaddor');
        await expect.poll(() => resultCount(racing)).toBe(expected.length);
        await racing.waitForTimeout(2000); // longer than the slow data of "judges" takes
        expect(await resultTitles(racing)).toEqual(expected);
        expect(await racing.locator('#search-status').textContent()).toBe(
          `${expected.length} result${expected.length === 1 ? '' : 's'} for “Tabaddor”.`,
        );
        await racing.close();
      },
    );

    test('an imported article is found by keyword and by the person it names', async () => {
      await openSearch(page, site.origin, base, '?q=cruise%20terminal&person=Maria%20Okafor');
      await expect.poll(() => resultTitles(page)).toEqual(['Harbor board delays vote on cruise terminal expansion']);
    });

    test('a search address opens with that search done', async () => {
      await openSearch(page, site.origin, base, '?q=judges&person=Jeff%20Sessions', true);
      await expect(page.locator('#search-q').inputValue()).resolves.toBe('judges');
      await expect(
        page
          .getByRole('group', { name: 'Person' })
          .getByRole('checkbox', { name: /Jeff Sessions/ })
          .isChecked(),
      ).resolves.toBe(true);
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

    test('with words typed, every filter count is the number of results ticking it gives', async () => {
      for (const query of ['?q=judges', '?q=judges&person=Jeff%20Sessions', '?q=report&year=2019']) {
        await openSearch(page, site.origin, base, query);
        await page.locator('#search-results li').first().waitFor();
        const counts = await shownCounts(page);
        // At least the seed article's filters are counted with the words in place, not as (0).
        if (query === '?q=judges') {
          expect(counts['person=Jeff Sessions']).toBe(1);
          expect(counts['source=The Hill']).toBe(1);
          expect(counts['topic=immigration']).toBe(1);
          expect(counts['year=2018']).toBe(1);
        }
        // Ticking a box (with the other filters kept) gives exactly the count it showed.
        const params = new URLSearchParams(query);
        for (const [box, count] of Object.entries(counts).slice(0, 3)) {
          const [key, value] = box.split('=') as [string, string];
          const ticked = new URLSearchParams([...params].filter(([k]) => k !== key));
          ticked.append(key, value);
          await goInPage(page, `?${ticked}`);
          await expect.poll(() => resultCount(page), { message: `${query} + ${box}` }).toBe(count);
        }
      }
    });

    test('a word in no record finds nothing, rather than records with a shorter word', async () => {
      // Pagefind answers a word it lacks with the longest start of it that it has ("judges").
      for (const q of ['judgesxyz', 'Okaforianism', 'Lindqvistsson keyword3']) {
        await openSearch(page, site.origin, base, `?q=${encodeURIComponent(q)}`);
        await expect.poll(() => resultCount(page), { message: q }).toBe(0);
        const counts = await shownCounts(page);
        expect(
          Object.values(counts).filter((n) => n > 0),
          q,
        ).toEqual([]);
      }
      // A word still being typed finds the words it begins.
      await openSearch(page, site.origin, base, '?q=Tabadd');
      await expect.poll(() => resultTitles(page)).toContain(SEED_TITLE);
    });

    test('changing the order never changes the results; undated ones (people) come last', async () => {
      const sets: Record<string, string[]> = {};
      for (const sort of ['relevance', 'newest', 'oldest']) {
        await openSearch(page, site.origin, base, `?q=Sessions&sort=${sort}`);
        await expect.poll(() => resultCount(page)).toBeGreaterThan(1);
        await showAll(page);
        sets[sort] = await page
          .locator('#search-results h2 a')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
        if (sort !== 'relevance') expect(sets[sort].at(-1)).toBe(`${base}people/jeff-sessions/`);
      }
      expect(sets.newest!.toSorted()).toEqual(sets.relevance!.toSorted());
      expect(sets.oldest!.toSorted()).toEqual(sets.relevance!.toSorted());
    });

    test("excerpts are passages of the article as the page shows it, not lists of people's names", async () => {
      await openSearch(page, site.origin, base, '?q=judges');
      const seed = page.locator('#search-results li', { hasText: 'Immigration judges hit back' });
      // Person pages whose description has the word come after the articles that contain it.
      await expect.poll(() => resultCount(page)).toBeGreaterThan(2);
      await showAll(page);
      const titles = await resultTitles(page);
      expect(titles.indexOf('Ashley Tabaddor')).toBeGreaterThan(titles.indexOf(SEED_TITLE));
      const excerpt = squash((await seed.locator('.excerpt').textContent())!).replace(/^…|…$/g, '');
      const article = await tabs.newPage();
      await article.goto(`${site.origin}${base}articles/2018/09/immigration-judges-sessions/`);
      const body = squash(await article.locator('.article-body').innerText());
      await article.close();
      expect(body).toContain(excerpt);
      // The date is shown as the article page shows it.
      await expect(seed.locator('time').textContent()).resolves.toMatch(/September 2018 \(date inferred\)$/);
    });

    test('each deliberate step is a history entry: Back after ticking a filter stays on the search', async () => {
      await openSearch(page, site.origin, base);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-q');
      await page.locator('#search-q').fill('judges');
      await expect.poll(() => resultCount(page)).toBeGreaterThan(0);
      await page
        .getByRole('group', { name: 'Person' })
        .getByRole('checkbox', { name: /Jeff Sessions/ })
        .check();
      await expect.poll(() => page.url()).toContain('person=Jeff+Sessions');
      await page.goBack();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`${base}search/`);
      await expect.poll(() => new URL(page.url()).search).toBe('?q=judges');
      await expect(
        page
          .getByRole('group', { name: 'Person' })
          .getByRole('checkbox', { name: /Jeff Sessions/ })
          .isChecked(),
      ).resolves.toBe(false);
    });

    test('filters show counts, and sorting by date orders results newest first', async () => {
      await openSearch(page, site.origin, base, '?topic=fixtures&sort=newest');
      await expect.poll(() => page.locator('#search-results li').count()).toBe(5);
      const first = await page
        .locator('#search-results time')
        .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
      const years = first.map((t) => Number(t.slice(0, 4)));
      expect(years).toEqual([...years].sort((a, b) => b - a));
      // The counts follow the results; the label is read once they are in.
      await page.locator('#search-filters:not([aria-busy="true"])').waitFor();
      const fixturesLabel = await page.locator('label', { has: page.locator('input[value="fixtures"]') }).textContent();
      expect(fixturesLabel).toContain('(13)');
      const yearBoxes = await page
        .locator('input[name="year"]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      // Years with results newest first, then those without (2018: no article on fixtures).
      expect(yearBoxes).toEqual(['2024', '2023', '2022', '2021', '2020', '2019', '2017', '2016', '2015', '2018']);
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

describe('search on a phone, from the keyboard and without JavaScript', () => {
  let site: Served;
  beforeAll(async () => {
    site = await serve(DIST_ROOT, '/');
  });
  afterAll(async () => {
    await site?.close();
  });

  test('on a 390 px screen the results come before the folded filters, and "Order" stays with its menu', async () => {
    const phone = await tabs.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await openSearch(phone, site.origin, '/', '?q=report');
    await phone.locator('#search-results li').first().waitFor();
    const top = (selector: string) =>
      phone
        .locator(selector)
        .first()
        .evaluate((e) => e.getBoundingClientRect().top);
    expect(await top('#search-results li')).toBeLessThan(844);
    expect(await top('#search-results li')).toBeLessThan(await top('#search-filters'));
    const open = await phone
      .locator('#search-filters details')
      .evaluateAll((ds) => ds.map((d) => (d as HTMLDetailsElement).open));
    expect(open.every((o) => !o)).toBe(true);
    expect(Math.abs((await top('label[for="search-sort"]')) - (await top('#search-sort')))).toBeLessThan(12);
    await phone.close();
  });

  test('a skip link takes the keyboard from the search box to the results', async () => {
    const page = await tabs.newPage();
    await openSearch(page, site.origin, '/', '?q=report');
    await page.locator('#search-results li').first().waitFor();
    const { reached, inside } = await followSkipLink(page, 'Skip to results', 5, '#search-results');
    expect(reached).toBe('Skip to results');
    expect(inside).toBe(true);
    await page.close();
  });

  test("every page's header search box leads to the search, and is not offered without JavaScript", async () => {
    const page = await browser.newPage();
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const still = await noScript.newPage();
    for (const [dir, base] of [
      [DIST_ROOT, '/'],
      [DIST_ARCHIVE, '/archive/'],
    ] as const) {
      const served = await serve(dir, base);
      for (const path of ['', 'articles/2018/09/immigration-judges-sessions/', 'people/']) {
        await page.goto(`${served.origin}${base}${path}`);
        await page.locator('header [role="search"] input[name="q"]').fill('judges');
        await page.locator('header [role="search"] button').click();
        await page.waitForURL(`${served.origin}${base}search/?q=judges`);
        // Without JavaScript the search page cannot search: no box leads there.
        await still.goto(`${served.origin}${base}${path}`);
        await expect(still.locator('header [role="search"]').isVisible()).resolves.toBe(false);
      }
      await served.close();
    }
    await page.close();
    await noScript.close();
  });
});
