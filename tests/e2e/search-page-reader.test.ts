import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, withAxe } from '../helpers/axe.ts';
import { launchChromium } from '../helpers/browser.ts';
import { buildAtBases } from '../helpers/build.ts';
import { TMP } from '../helpers/paths.ts';
import { followSkipLink, POLL } from '../helpers/search-page.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { MANY_ARTICLES, MANY_PEOPLE, writeManyPeopleArchive } from '../fixtures/many-people-archive.ts';

// The search page as a reader meets it in an archive with long filter lists (150 people), at
// one index (/) and in parts (/archive/): filters that scale, the page without JavaScript, the
// keyboard and screen readers, and an index part that cannot be loaded. What each filter must
// show is worked out from the fixture's data (tests/fixtures/many-people-archive.ts), and which
// articles an index part holds from the part's own files, sharing no code with the search page.

const BASES = [
  { base: '/', name: 'root', partSize: '' },
  { base: '/archive/', name: 'archive', partSize: '40' },
] as const;

let tmp: string;
let browser: Browser;
const sites: Record<string, Served> = {};
const dists: Record<string, string> = {};

beforeAll(async () => {
  await mkdir(TMP, { recursive: true });
  tmp = await mkdtemp(path.join(TMP, 'search-reader-'));
  await writeManyPeopleArchive(path.join(tmp, 'content'));
  Object.assign(dists, await buildAtBases(path.join(tmp, 'content'), tmp, BASES));
  browser = await launchChromium();
  for (const { base } of BASES) sites[base] = await serve(dists[base]!, base);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) await site.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const nameOf = new Map(MANY_PEOPLE.map((p) => [p.id, p.name]));
/** Plain code-point order (the fixture's names are ASCII). */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Each person's number of articles among `articles`, most first, ties A to Z. */
function peopleCounts(articles: typeof MANY_ARTICLES): [string, number][] {
  const counts = new Map<string, number>();
  for (const a of articles)
    for (const id of a.people) counts.set(nameOf.get(id)!, (counts.get(nameOf.get(id)!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || byName(a[0], b[0]));
}

/** Every person named in some article. */
const NAMED = peopleCounts(MANY_ARTICLES).map(([name]) => name);
const FERRY = MANY_ARTICLES.filter((a) => a.ferry);

/** The values a group shows (not hidden), in order, with their counts and whether they look greyed. */
function shownValues(page: Page, key: string) {
  return page
    .locator(`#search-filters [data-filter="${key}"] label:has(input[type="checkbox"])`)
    .evaluateAll((labels) => {
      const live = labels.find((l) => /\((?!0\))\d+\)/.test(l.textContent ?? ''));
      const liveColor = live ? getComputedStyle(live).color : '';
      return labels
        .filter((l) => (l as HTMLElement).offsetParent !== null)
        .map((l) => {
          const box = l.querySelector('input')!;
          const count = Number(/\((\d+)\)/.exec(l.textContent ?? '')?.[1] ?? -1);
          return { value: box.value, count, greyed: getComputedStyle(l).color !== liveColor };
        });
    });
}

/** Opens a search address and waits until its results and counts are final. */
async function openSearch(page: Page, address: string): Promise<void> {
  await page.goto(address);
  await page.locator('#search-form[data-ready="true"]').waitFor();
  await page.locator('#search-results-section:not([aria-busy="true"])').waitFor();
  await page.locator('#search-filters:not([aria-busy="true"])').waitFor();
}

describe('filters that scale', () => {
  for (const { base } of BASES)
    test(`a long group shows its values with results, most first, then "Show all" and a find box (${base})`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await openSearch(page, `${sites[base]!.origin}${base}search/?q=ferry`);
      const want = peopleCounts(FERRY);
      // The first view: the eight people with the most results, none without.
      const first = await shownValues(page, 'person');
      expect(first.map((v) => [v.value, v.count])).toEqual(want.slice(0, 8));
      // Every value: those with results in order, then the rest, greyed.
      const all = page.locator('#search-filters [data-filter="person"] button', { hasText: /^Show all/ });
      await expect(all.getAttribute('aria-expanded')).resolves.toBe('false');
      await all.click();
      const every = await shownValues(page, 'person');
      expect(every.slice(0, want.length).map((v) => [v.value, v.count, v.greyed])).toEqual(
        want.map(([v, n]) => [v, n, false]),
      );
      const rest = every.slice(want.length);
      expect(rest.map((v) => v.value).toSorted()).toEqual(NAMED.filter((n) => !want.some(([w]) => w === n)).toSorted());
      expect(rest.every((v) => v.count === 0 && v.greyed)).toBe(true);
      // No value is cut by a scroll box.
      const cut = await page
        .locator('#search-filters .filter-values')
        .evaluateAll((lists) => lists.filter((l) => l.scrollHeight > l.clientHeight + 1).length);
      expect(cut).toBe(0);
      // Typing in the group's box keeps the values whose name holds the words, in the same order.
      await page.getByRole('searchbox', { name: 'Find a person' }).fill('BAPTISTE');
      const baptistes = NAMED.filter((n) => n.endsWith(' Baptiste'));
      const liveBaptistes = want.filter(([n]) => baptistes.includes(n));
      expect(await shownValues(page, 'person')).toEqual([
        ...liveBaptistes.map(([value, count]) => ({ value, count, greyed: false })),
        ...baptistes
          .filter((n) => !liveBaptistes.some(([l]) => l === n))
          .toSorted(byName)
          .map((value) => ({ value, count: 0, greyed: true })),
      ]);
      await page.close();
    });

  test('with nothing searched, the find box reaches people beyond those the page lists', async () => {
    const page = await browser.newPage();
    const base = '/';
    await openSearch(page, `${sites[base]!.origin}${base}search/`);
    // Named once each and late in the alphabet: beyond the hundred values the page lists.
    const wanted = NAMED.filter((n) => n.startsWith('Zofia'));
    expect(wanted.length).toBeGreaterThan(5);
    await page.getByRole('searchbox', { name: 'Find a person' }).fill('zofia');
    await expect
      .poll(async () => (await shownValues(page, 'person')).map((v) => v.value).toSorted())
      .toEqual(wanted.toSorted());
    await page.close();
  });
});

describe('filter values after the first results', () => {
  // The person group lists a hundred people (most articles first, ties A to Z), eight of them
  // shown at first: the page's HTML holds those eight, the other listed ones come after the first
  // results, and the reader sees the same page before and after they come.
  const LISTED = peopleCounts(MANY_ARTICLES).slice(0, 100);

  for (const { base } of BASES)
    test(`the page holds the values shown at first, its file the others listed (${base})`, async () => {
      const html = await readFile(path.join(dists[base]!, 'search', 'index.html'), 'utf8');
      const inPage = [...html.matchAll(/name="person" value="([^"]*)"/g)].map((m) => m[1]);
      expect(inPage).toEqual(LISTED.slice(0, 8).map(([name]) => name));
      const later = JSON.parse(await readFile(path.join(dists[base]!, 'search', 'filter-values.json'), 'utf8')) as {
        person: [string, number][];
      };
      expect(later.person).toEqual(LISTED.slice(8));
    });

  test('they are asked for after the first results, and change nothing the reader sees', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const origin = sites['/']!.origin;
    let resultsShown = false;
    let askedBeforeResults = false;
    await page.exposeFunction('resultsShown', () => void (resultsShown = true));
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('#search-results li')) return;
        observer.disconnect();
        (window as unknown as { resultsShown(): void }).resultsShown();
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    // The file is held back until the page as first shown has been read.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/search/filter-values.json', async (route) => {
      askedBeforeResults ||= !resultsShown;
      await held;
      await route.continue();
    });
    await page.goto(`${origin}/search/?q=ferry`);
    await page.locator('#search-results li').first().waitFor();
    const region = page.locator('#search-filters');
    const first = { text: await region.innerText(), height: (await region.boundingBox())!.height };
    await expect(page.locator('[data-filter="person"] button', { hasText: /^Show all/ }).textContent()).resolves.toBe(
      'Show all 100',
    );
    release();
    await page.locator('#search-filters:not([aria-busy="true"])').waitFor();
    expect(askedBeforeResults).toBe(false);
    // Then the search's own counts: the same as the values' counts when every value is listed.
    const want = peopleCounts(FERRY);
    expect((await shownValues(page, 'person')).map((v) => [v.value, v.count])).toEqual(want.slice(0, 8));
    expect(
      await page.locator('[data-filter="person"] label:has(input[type="checkbox"])').count(),
    ).toBeGreaterThanOrEqual(100);
    // With nothing searched, the page before the file came and after it are the same.
    const blank = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    let releaseBlank!: () => void;
    const heldBlank = new Promise<void>((resolve) => (releaseBlank = resolve));
    let asked = false;
    await blank.route('**/search/filter-values.json', async (route) => {
      asked = true;
      await heldBlank;
      await route.continue();
    });
    await blank.goto(`${origin}/search/`);
    await blank.locator('#search-form[data-ready="true"]').waitFor();
    await expect.poll(() => asked).toBe(true);
    const before = {
      text: await blank.locator('#search-filters').innerText(),
      box: await blank.locator('#search-filters').boundingBox(),
    };
    releaseBlank();
    await expect
      .poll(() => blank.locator('[data-filter="person"] label:has(input[type="checkbox"])').count())
      .toBeGreaterThanOrEqual(100);
    const after = {
      text: await blank.locator('#search-filters').innerText(),
      box: await blank.locator('#search-filters').boundingBox(),
    };
    expect(after).toEqual(before);
    expect(first.text).toContain('Show all 100');
    expect(first.height).toBeGreaterThan(0);
    await blank.close();
    await page.close();
  });

  test('an address ticking a value listed later shows it with its count at once', async () => {
    const page = await browser.newPage();
    // The ninth person listed: in the file, not in the page's HTML.
    const [name, total] = LISTED[8]!;
    await page.goto(`${sites['/']!.origin}/search/?person=${encodeURIComponent(name)}`);
    await page.locator('#search-form[data-ready="true"]').waitFor();
    const label = page.locator('[data-filter="person"] label', { hasText: name });
    await expect(label.locator('input').isChecked()).resolves.toBe(true);
    await expect(label.locator('.count').textContent()).resolves.toBe(`(${total})`);
    await page.close();
  });
});

describe('without JavaScript', () => {
  for (const { base } of BASES)
    test(`the search page says search needs JavaScript and offers the browse pages (${base})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const origin = sites[base]!.origin;
      // As a shared search link takes a reader there (the header's box is not offered without
      // JavaScript: tests/e2e/search-history.test.ts).
      await page.goto(`${origin}${base}search/?q=ferry`);
      const main = page.locator('main');
      const text = await main.innerText();
      expect(text).not.toMatch(/loading/i);
      expect(text).toMatch(/search needs JavaScript/i);
      // Nothing in the page pretends to search: no field, no filter boxes, no buttons.
      for (const control of ['input', 'select', 'button'])
        expect(
          await main
            .locator(control)
            .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length),
        ).toBe(0);
      // The browse pages, each a link that opens.
      for (const name of ['person', 'topic', 'source', 'date']) {
        const link = main.getByRole('link', { name, exact: true });
        await expect(link.isVisible()).resolves.toBe(true);
        const href = new URL((await link.getAttribute('href'))!, page.url()).href;
        expect((await page.request.get(href)).status(), href).toBe(200);
      }
      await context.close();
    });
});

describe('keyboard and screen readers', () => {
  test('"Show more results" moves focus to the first new result and says what was added', async () => {
    const page = await browser.newPage();
    // The show-more-keyboard case: six harbour articles, five shown first.
    await openSearch(page, `${sites['/']!.origin}/search/?q=harbour`);
    await expect(page.locator('#search-results li').count()).resolves.toBe(5);
    await page.getByRole('button', { name: 'Show more results' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#search-results li').nth(5).waitFor();
    const focused = await page.evaluate(() => {
      const active = document.activeElement!;
      return { inSixth: document.querySelectorAll('#search-results li')[5]!.contains(active), tag: active.tagName };
    });
    expect(focused).toEqual({ inSixth: true, tag: 'A' });
    // A live region in the results says so.
    await page.waitForFunction(
      () =>
        [
          ...document.querySelectorAll(
            '#search-results-section [aria-live="polite"], #search-results-section [role="status"]',
          ),
        ].some((e) => /\b6\b.*\badded\b/i.test(e.textContent ?? '')),
      undefined,
      POLL,
    );
    await page.close();
  });

  test('the status line names the ticked filters', async () => {
    const page = await browser.newPage();
    const origin = sites['/']!.origin;
    await openSearch(page, `${origin}/search/?q=ferry&person=Colin%20Baptiste`);
    await expect(page.locator('#search-status').textContent()).resolves.toBe(
      '1 result for “ferry”, person: Colin Baptiste.',
    );
    await openSearch(page, `${origin}/search/?q=ferry&year=2016&year=2017&source=Quayside%20Post`);
    const n = FERRY.filter((a) => ['2016', '2017'].includes(a.year) && a.source === 'quayside-post').length;
    await expect(page.locator('#search-status').textContent()).resolves.toBe(
      // The values of a filter as it lists them (years newest first).
      `${n} result${n === 1 ? '' : 's'} for “ferry”, source: Quayside Post, year: 2017 or 2016.`,
    );
    await page.close();
  });

  test('a skip link takes the keyboard from the search box to the filters', async () => {
    const page = await browser.newPage();
    await openSearch(page, `${sites['/']!.origin}/search/?q=ferry`);
    const { reached, inside } = await followSkipLink(page, 'Skip to filters', 8, '#search-filters');
    expect(reached).toBe('Skip to filters');
    expect(inside).toBe(true);
    await page.close();
  });
});

/** The site paths of the pages an index part holds, read from its fragment files. */
async function pagesOfPart(dist: string, dir: string): Promise<string[]> {
  const folder = path.join(dist, 'pagefind', dir, 'fragment');
  const urls: string[] = [];
  for (const file of await readdir(folder)) {
    const text = gunzipSync(await readFile(path.join(folder, file))).toString('utf8');
    urls.push((JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url);
  }
  return urls;
}

describe('an index part that cannot be loaded', () => {
  test('search goes on in the other parts and says part of the archive could not be searched', async () => {
    const base = '/archive/';
    const origin = sites[base]!.origin;
    const html = await readFile(path.join(dists[base]!, 'search', 'index.html'), 'utf8');
    const { dirs } = JSON.parse(/data-parts="([^"]*)"/.exec(html)![1]!.replaceAll('&quot;', '"')) as { dirs: string[] };
    // The primary index (whose script the page loads first) and an article part merged into it.
    const articleParts: string[] = [];
    for (const dir of dirs)
      if ((await pagesOfPart(dists[base]!, dir)).some((u) => u.includes('/articles/'))) articleParts.push(dir);
    expect(articleParts.length).toBeGreaterThan(1);
    for (const blocked of [articleParts[0]!, articleParts[1]!]) {
      const lost = new Set(await pagesOfPart(dists[base]!, blocked));
      const want = FERRY.map((a) => `/${a.path}`).filter((p) => !lost.has(p));
      expect(want.length).toBeGreaterThan(0);
      expect(want.length).toBeLessThan(FERRY.length);
      const page = await browser.newPage();
      await page.route(`**${base}pagefind/${blocked}**`, (route) => route.abort());
      await openSearch(page, `${origin}${base}search/?q=ferry`);
      while (await page.locator('#search-more').isVisible()) {
        const n = await page.locator('#search-results li').count();
        await page.locator('#search-more').click();
        await expect.poll(() => page.locator('#search-results li').count()).toBeGreaterThan(n);
      }
      const got = await page
        .locator('#search-results h2 a')
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(got.map((p) => p.slice(base.length - 1)).toSorted(), blocked).toEqual(want.toSorted());
      const status = (await page.locator('#search-status').textContent()) ?? '';
      expect(status).toMatch(new RegExp(`^${want.length} results for “ferry”\\.`));
      expect(status).toMatch(/part of the archive could not be searched/i);
      await page.close();
    }
  });
});

describe('axe-core with long filter lists', () => {
  for (const width of [390, 1280])
    test(`no violations at ${width} px, light and dark, with every person shown`, async () => {
      const page = await withAxe(await browser.newPage({ viewport: { width, height: 900 } }));
      await openSearch(page, `${sites['/']!.origin}/search/?q=ferry`);
      await page
        .locator('[data-filter="person"] summary')
        .evaluate((s) => ((s.parentElement as HTMLDetailsElement).open = true));
      await page.locator('[data-filter="person"] button', { hasText: /^Show all/ }).click();
      await page.getByRole('searchbox', { name: 'Find a person' }).fill('ra');
      await page.emulateMedia({ colorScheme: 'light' });
      const light = await axeViolations(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      const dark = await axeViolations(page);
      expect({ light, dark }).toEqual({ light: [], dark: [] });
      await page.close();
    });
});
