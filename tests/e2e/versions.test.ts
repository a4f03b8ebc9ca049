import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fixtureVersions } from '../fixtures/sites.ts';
import { axeViolations } from '../helpers/axe.ts';
import { launchChromium } from '../helpers/browser.ts';
import { DIST_ARCHIVE, DIST_ROOT } from '../helpers/paths.ts';
import { serve, type Served } from '../helpers/serve.ts';

// A reader comparing two versions of an article in a real browser (marks seen without colour and
// announced to screen readers, no axe violations), and searching for a word only an earlier
// version had, at the site root and under /archive/ (where the index comes in parts).

const { article, removedWord } = fixtureVersions();
const COMPARE = `/articles/${article.id}/versions/20250115/changes/`;
const EARLIER = `/articles/${article.id}/versions/20240601/`;

let browser: Browser;
/** The tabs of this file share one browser context; colour schemes are emulated per tab. */
let tabs: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
  tabs = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

describe('the compare page', () => {
  let site: Served;
  beforeAll(async () => {
    site = await serve(DIST_ROOT, '/');
  });
  afterAll(async () => {
    await site?.close();
  });

  for (const scheme of ['light', 'dark'] as const)
    test(`deletions are struck through, insertions underlined, both labelled; axe finds nothing (${scheme})`, async () => {
      const page = await tabs.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      try {
        await page.goto(site.origin + COMPARE);
        const marks = await page.evaluate(() =>
          [...document.querySelectorAll('main del, main ins')].map((m) => ({
            tag: m.tagName.toLowerCase(),
            line: getComputedStyle(m).textDecorationLine,
            // What a screen reader reads: the accessible text includes the visually hidden label.
            text: m.textContent.replace(/\s+/g, ' ').trim(),
            labelHidden: (() => {
              const r = m.querySelector('.visually-hidden')!.getBoundingClientRect();
              return r.width <= 1 && r.height <= 1;
            })(),
          })),
        );
        expect(marks.filter((m) => m.tag === 'del').length).toBeGreaterThanOrEqual(2);
        expect(marks.filter((m) => m.tag === 'ins').length).toBeGreaterThanOrEqual(1);
        for (const m of marks) {
          expect(m.line).toBe(m.tag === 'del' ? 'line-through' : 'underline');
          expect(m.text.startsWith(m.tag === 'del' ? 'deleted: ' : 'inserted: ')).toBe(true);
          expect(m.labelHidden).toBe(true);
        }
        expect(marks.some((m) => m.tag === 'del' && m.text.includes(removedWord))).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        await page.goto(site.origin + EARLIER);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  test('a deletion next to an insertion is set apart by a visible gap, colour or not', async () => {
    const page = await tabs.newPage();
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      await page.goto(site.origin + COMPARE);
      // A replaced word as the diff writes it, with nothing between the two marks, laid out by
      // the page's own stylesheet.
      const gaps = await page.evaluate(() => {
        const body = document.querySelector('.diff-body')!;
        const p = document.createElement('p');
        p.innerHTML = 'Council <del>set</del><ins>approves</ins> and <ins>new</ins><del>old</del>';
        body.append(p);
        const [del1, ins1, ins2, del2] = [...p.querySelectorAll('del, ins')].map((m) => m.getBoundingClientRect());
        return [ins1!.left - del1!.right, del2!.left - ins2!.right];
      });
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(3);
    } finally {
      await page.close();
    }
  });
});

/** The hidden word count of the versioned article's record is not found by a search for it. */
async function boundaryNotSearchable(page: Page, base: string): Promise<void> {
  // A script as text: vitest would rewrite an import() written in a function for Node.
  const found = await page.evaluate<{ boundary: string; found: string[] }>(`(async () => {
    const pagefind = await import(${JSON.stringify(`${base}pagefind/pagefind.js`)});
    await pagefind.init();
    const hit = (await pagefind.search(${JSON.stringify(removedWord)})).results[0];
    const boundary = (await hit.data()).filters.latestWords[0];
    const byNumber = await pagefind.search(boundary);
    const urls = await Promise.all(byNumber.results.map(async (r) => (await r.data()).url));
    return { boundary, found: urls.filter((u) => u.includes(${JSON.stringify(article.id)})) };
  })()`);
  expect(Number(found.boundary)).toBeGreaterThan(10);
  expect(found.found).toEqual([]);
}

describe.each([
  ['site root', DIST_ROOT, '/'],
  ['sub-path, index in parts', DIST_ARCHIVE, '/archive/'],
])('search for a word only an earlier version had (%s)', (_name, dist, base) => {
  let site: Served;
  beforeAll(async () => {
    site = await serve(dist, base);
  });
  afterAll(async () => {
    await site?.close();
  });

  test('finds the article, says "in an earlier version" and shows that passage', async () => {
    const page = await tabs.newPage();
    try {
      await page.goto(`${site.origin}${base}search/?q=${removedWord}`);
      const results = page.locator('#search-results li');
      // With an index in parts the list is shown, then shown again once the parts are checked:
      // read it when the results region is no longer busy.
      await page.locator('#search-results-section[aria-busy="false"]').waitFor();
      await results.first().waitFor();
      await expect.poll(() => results.count()).toBe(1);
      expect(await results.locator('h2 a').getAttribute('href')).toBe(`${base}articles/${article.id}/`);
      expect(await results.locator('.earlier-version').textContent()).toContain('in an earlier version');
      // The words are not on the article page: the note links to the first version that had them.
      expect(await results.locator('.earlier-version a').getAttribute('href')).toBe(
        `${base}articles/${article.id}/versions/20240601/`,
      );
      expect(await results.locator('.excerpt mark').allTextContents()).toEqual([removedWord]);
      // The word count that marks where earlier passages start is not searchable (a hidden filter);
      // checked on the single index at the site root.
      if (base === '/') await boundaryNotSearchable(page, base);
      // A word of the latest text is not labelled.
      await page.goto(`${site.origin}${base}search/?q=keyword2`);
      await page.locator('#search-results-section[aria-busy="false"]').waitFor();
      await results.first().waitFor();
      expect(await results.locator('.earlier-version').count()).toBe(0);
      await expect.poll(() => results.locator('.excerpt mark').allTextContents()).toContain('keyword2.');
    } finally {
      await page.close();
    }
  });
});
