import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { FORMULA_HEADLINE, fixtureVersions } from '../fixtures/sites.ts';
import { page as builtPage } from '../helpers/dist.ts';
import { FIXTURE_BUILDS } from '../helpers/paths.ts';
import { finalSearch, goToSearch, POLL, showEveryResult, STATUS } from '../helpers/search-page.ts';
import { servedSite } from '../helpers/site.ts';

// "Download results (CSV)" on the search page, in Chromium: the file it saves parses with a CSV
// parser of its own and holds exactly the results the page counts and lists, in the same order,
// with the address of each; at one index (the site root) and at an index in parts (/archive/).
// The addresses are the archive's own (its site address and base path), as its canonical links
// and data files give them, not the address of the test's server the page was opened from.

const COLUMNS = [
  'rank',
  'source',
  'headline',
  'date',
  'day',
  'byline',
  'excerpt',
  'match_note',
  'earlier_version',
  'address',
];

/**
 * The rows of the CSV file the page saves when the download button is pressed, and every text its
 * live region gave meanwhile (the progress, then what was saved).
 */
async function download(page: Page): Promise<{ header: string[]; rows: Record<string, string>[]; said: string[] }> {
  const button = page.locator('#search-download');
  await button.waitFor();
  expect(await page.locator('#search-download-status').getAttribute('aria-live')).toBe('polite');
  await page.evaluate(() => {
    const status = document.querySelector('#search-download-status')!;
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    // Each text set is a new text node: its records say every one, however close together.
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) said.push(n.textContent ?? '');
    }).observe(status, { childList: true });
  });
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(file.suggestedFilename()).toBe('search-results.csv');
  const raw = await readFile(await file.path());
  expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed: string[][] = parseCsv(raw, { bom: true });
  const [header = [], ...records] = parsed;
  await page.waitForFunction(
    () => /^Downloaded /.test(document.querySelector('#search-download-status')?.textContent ?? ''),
    undefined,
    POLL,
  );
  const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
  return { header, rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))), said };
}

/** The count in the status line. */
async function countShown(page: Page): Promise<number> {
  const m = STATUS.exec((await page.locator('#search-status').textContent()) ?? '')!;
  return m[1] === 'No' ? 0 : Number(m[1]);
}

/** The canonical address a built page names, by its site path (base path included). */
async function canonicalOf(dist: string, base: string, sitePath: string): Promise<string> {
  const doc = await builtPage(dist, `/${sitePath.slice(base.length)}`);
  return doc.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
}

/** Every article's address and its versions' addresses, as data/articles.jsonl gives them. */
async function dataAddresses(dist: string): Promise<{ articles: Set<string>; versions: Set<string> }> {
  const lines = (await readFile(path.join(dist, 'data', 'articles.jsonl'), 'utf8')).split('\n').filter(Boolean);
  const records = lines.map((l) => JSON.parse(l) as { address: string; versions: { address: string }[] });
  return {
    articles: new Set(records.map((r) => r.address)),
    versions: new Set(records.flatMap((r) => r.versions.map((v) => v.address))),
  };
}

for (const build of FIXTURE_BUILDS) {
  const base = build.env.ARCHIVE_BASE;
  const archive = `${build.env.ARCHIVE_SITE}${base}`;
  describe(`search download at ${base}`, () => {
    const served = servedSite(build.outDir, base);

    test('a search with filters: the file holds every result the page counts, in its order, with addresses', async () => {
      const page = await served.tab();
      await goToSearch(
        page,
        `${served.site.origin}${base}search/?q=fixture&topic=fixtures&source=Harbor+Gazette&sort=date`,
        true,
      );
      await finalSearch(page);
      const count = await countShown(page);
      // More than "Show more" first lists, so the download cannot be the list on screen.
      expect(count).toBeGreaterThan(5);
      const { header, rows, said } = await download(page);
      expect(header).toEqual(COLUMNS);
      expect(rows.length).toBe(count);
      expect(said).toEqual([
        `Preparing the CSV: 0 of ${count} results…`,
        `Preparing the CSV: ${count} of ${count} results…`,
        `Downloaded ${count} results as search-results.csv.`,
      ]);
      await showEveryResult(page);
      const listed = await page.locator('#search-results > li').evaluateAll((items) =>
        items.map((li) => ({
          source: li.querySelector('.kicker')?.textContent ?? '',
          headline: li.querySelector('h2 a')?.textContent ?? '',
          address: (li.querySelector('h2 a') as HTMLAnchorElement).href,
          date: li.querySelector('time')?.textContent ?? '',
        })),
      );
      expect(listed.length).toBe(count);
      // The list links the pages where they are served; the file names them at the archive's address.
      const canonical = await Promise.all(
        listed.map(async (l) => ({
          ...l,
          address: await canonicalOf(build.outDir, base, new URL(l.address).pathname),
        })),
      );
      expect(rows.map((r) => ({ source: r.source, headline: r.headline, address: r.address, date: r.date }))).toEqual(
        canonical,
      );
      expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => String(i + 1)));
      const data = await dataAddresses(build.outDir);
      for (const r of rows) {
        expect(r.source).toBe('Harbor Gazette');
        expect(r.address!.startsWith(`${archive}articles/`), r.address).toBe(true);
        expect(data.articles.has(r.address!), r.address).toBe(true);
      }
      await page.close();
    });

    test('a result found only in an earlier version: both addresses are the archive’s own, as the data files give them', async () => {
      const versioned = fixtureVersions();
      const page = await served.tab();
      await goToSearch(page, `${served.site.origin}${base}search/?q=${versioned.removedWord}`, true);
      await finalSearch(page);
      const { rows } = await download(page);
      expect(rows).toHaveLength(1);
      const data = await dataAddresses(build.outDir);
      expect(rows[0]!.address).toBe(`${archive}articles/${versioned.article.id}/`);
      expect(data.articles.has(rows[0]!.address!)).toBe(true);
      expect(rows[0]!.earlier_version).toBe(`${archive}articles/${versioned.article.id}/versions/20240601/`);
      expect(data.versions.has(rows[0]!.earlier_version!)).toBe(true);
      await page.close();
    });

    test('a headline starting like a formula is escaped in the downloaded file', async () => {
      const page = await served.tab();
      await goToSearch(page, `${served.site.origin}${base}search/?q=quillwort`, true);
      await finalSearch(page);
      const { rows } = await download(page);
      expect(rows.map((r) => r.headline)).toEqual([`'${FORMULA_HEADLINE}`]);
      await page.close();
    });

    test('no search, no download button', async () => {
      const page = await served.tab();
      await goToSearch(page, `${served.site.origin}${base}search/`, true);
      await expect.poll(() => page.locator('#search-download').isHidden()).toBe(true);
      await page.close();
    });
  });
}
