import type { Browser, Page } from 'playwright-core';
import { serve, type Served } from './serve.ts';

/**
 * How often the search tests' waits in the page (`page.waitForFunction`) look again: every 20 ms,
 * not at every animation frame (Playwright's default), which has Chromium produce a frame for each
 * look (docs/performance.md, "The test command").
 */
export const POLL = { polling: 20 } as const;

// Going to a search in the browser tests, the quick way when the tab is already on that search
// page: as the Back and Forward buttons take it there.

/**
 * Goes to a search address. A tab already on the same search page (same origin and path) gets a
 * history entry and a popstate event, with the results and status of the search before taken off
 * first, so what is read next belongs to the new search; that is quicker than loading Pagefind
 * again, and the page's state must follow the address whatever came before. Any other tab, or
 * `load`, loads the address and waits until the search form is ready.
 * @returns "loaded" or "in-page", to say which happened (the new results may still be coming).
 */
export async function goToSearch(page: Page, address: string, load = false): Promise<'loaded' | 'in-page'> {
  const target = new URL(address);
  const here = page.url() === 'about:blank' ? undefined : new URL(page.url());
  if (load || !here || here.origin !== target.origin || here.pathname !== target.pathname) {
    await page.goto(address);
    await page.locator('#search-form[data-ready="true"]').waitFor();
    return 'loaded';
  }
  await page.evaluate((to) => {
    for (const li of document.querySelectorAll('#search-results li')) li.remove();
    document.querySelector('#search-status')!.textContent = '';
    history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, address);
  return 'in-page';
}

// Reading a search once it is final, the way the search oracles compare it with their answers.

/** The status line once a search has answered: "No results …", "1 result …", "12 results …". */
export const STATUS = /\b(No|\d+) results?\b/;

/**
 * Waits until the search on the page is final: the status line gives its number of results, and
 * the results, the filters and the line naming other languages no longer say they are busy
 * (aria-busy; a page without that line has nothing to wait for there).
 */
export async function finalSearch(page: Page): Promise<void> {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('#search-status')?.textContent ?? ''),
    STATUS.source,
    POLL,
  );
  await page.locator('#search-results-section:not([aria-busy="true"])').waitFor();
  await page.locator('#search-filters:not([aria-busy="true"])').waitFor();
  await page.waitForFunction(
    () => document.querySelector('#search-languages')?.getAttribute('aria-busy') !== 'true',
    undefined,
    POLL,
  );
}

/**
 * Presses "Show more results" until it is gone, each time waiting until more results are listed
 * (or the button is hidden) and the results no longer say they are busy.
 * @throws Error when the button is still there after `most` presses.
 */
export async function showEveryResult(page: Page, most = 50): Promise<void> {
  const more = page.locator('#search-more');
  for (let i = 0; await more.isVisible(); i++) {
    if (i === most) throw new Error(`"Show more results" is still there after ${most} presses`);
    const n = await page.locator('#search-results > li').count();
    await more.click();
    await page.waitForFunction(
      (k) =>
        document.querySelectorAll('#search-results > li').length > k ||
        !!document.querySelector<HTMLElement>('#search-more')?.hidden,
      n,
      POLL,
    );
    await page.locator('#search-results-section:not([aria-busy="true"])').waitFor();
  }
}

/**
 * Opens a search address (in the tab itself when it is already on that search page, see
 * goToSearch, unless `load`), waits until the search is final and presses "Show more results"
 * until every result is listed.
 */
export async function openEveryResult(page: Page, address: string, load = false): Promise<void> {
  await goToSearch(page, address, load);
  await finalSearch(page);
  await showEveryResult(page);
}

/**
 * A link's address as a path below the site's base path: "articles/2020/01/x/" for
 * "https://…/archive/articles/2020/01/x/" with base "/archive/", decoded; a path outside the base
 * comes back as "(outside /archive/) /path", which no expected path equals.
 */
export function sitePath(href: string, base: string): string {
  const p = decodeURI(new URL(href).pathname);
  return p.startsWith(base) ? p.slice(base.length) : `(outside ${base}) ${p}`;
}

/** What a search page shows: its status line, its results and its filter boxes. */
export interface ShownSearch {
  status: string;
  /** Each result's path below the base path (see sitePath), in the order listed. */
  paths: string[];
  /** Each result's byline as printed ("By …"), or "" for none. */
  bylines: string[];
  /** Every filter box: its group and value, and the count beside it (null when none is shown). */
  boxes: { group: string; value: string; count: number | null }[];
}

/** Reads what the search page shows now (see ShownSearch); paths are taken below `base`. */
export async function shownSearch(page: Page, base: string): Promise<ShownSearch> {
  const shown = await page.evaluate(() => ({
    status: document.querySelector('#search-status')?.textContent ?? '',
    hrefs: [...document.querySelectorAll<HTMLAnchorElement>('#search-results li h2 a')].map((a) => a.href),
    bylines: [...document.querySelectorAll('#search-results li')].map(
      (li) => li.querySelector('.byline')?.textContent ?? '',
    ),
    boxes: [...document.querySelectorAll<HTMLInputElement>('#search-filters input[type="checkbox"]')].map((box) => {
      const text = (box.closest('label') ?? box.parentElement)?.querySelector('.count')?.textContent ?? '';
      const n = /\((\d+)\)/.exec(text);
      return { group: box.name, value: box.value, count: n ? Number(n[1]) : null };
    }),
  }));
  return {
    status: shown.status,
    paths: shown.hrefs.map((h) => sitePath(h, base)),
    bylines: shown.bylines,
    boxes: shown.boxes,
  };
}

/**
 * Follows a skip link from the search box by keyboard: focuses the box (#search-q), presses Tab
 * until the element with focus has the text `text` (at most `most` presses), then Enter, then Tab
 * once more.
 * @returns the text of the element Tab reached before Enter, and whether the element with focus
 *   at the end lies inside `target` (a selector).
 */
export async function followSkipLink(
  page: Page,
  text: string,
  most: number,
  target: string,
): Promise<{ reached: string | undefined; inside: boolean }> {
  const focused = () => page.evaluate(() => document.activeElement?.textContent);
  await page.locator('#search-q').focus();
  for (let i = 0; i < most && (await focused()) !== text; i++) await page.keyboard.press('Tab');
  const reached = await focused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const inside = await page.evaluate((selector) => document.activeElement?.closest(selector) !== null, target);
  return { reached, inside };
}

// Searches as the oracles make them, on built sites served with a tab each.

/** The search page's filter groups, in the order the search addresses here carry them. */
export const FILTER_GROUPS = ['person', 'author', 'source', 'topic', 'year'] as const;
export type FilterGroup = (typeof FILTER_GROUPS)[number];

/** One search a reader makes: words (phrases in double quotes) and filters, on a language's page. */
export interface SearchQuery<Lang extends string = string> {
  /** The page's language: "en" (the default) is /search/, any other /search/<lang>/. */
  lang?: Lang;
  q: string;
  filters?: Partial<Record<FilterGroup, string[]>>;
}

/**
 * The address of a search: `<origin><base>search/` (or `search/<lang>/`) with q (when not empty),
 * each filter value (groups in FILTER_GROUPS order) and, when given, sort.
 */
export function searchAddress(origin: string, base: string, query: SearchQuery, sort?: string): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const g of FILTER_GROUPS) for (const v of query.filters?.[g] ?? []) params.append(g, v);
  if (sort) params.set('sort', sort);
  const lang = query.lang ?? 'en';
  return `${origin}${base}search/${lang === 'en' ? '' : `${lang}/`}?${params}`;
}

/** A built site served at its base path, with a browser tab of its own. */
export interface SiteTab {
  base: string;
  /** The build's output folder. */
  dist: string;
  site: Served;
  page: Page;
}

/** Serves each build (output folder by base path) at its base path and opens a tab for it. */
export async function servedTabs(browser: Browser, dists: Record<string, string>): Promise<SiteTab[]> {
  const out: SiteTab[] = [];
  for (const [base, dist] of Object.entries(dists))
    out.push({ base, dist, site: await serve(dist, base), page: await browser.newPage() });
  return out;
}

/** Closes each tab and stops serving its site. */
export async function closeTabs(sites: readonly SiteTab[]): Promise<void> {
  for (const { site, page } of sites) {
    await page.close();
    await site.close();
  }
}
