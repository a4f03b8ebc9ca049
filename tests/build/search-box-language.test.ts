import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild, type BuildResult } from '../helpers/build.ts';
import { htmlFiles, page } from '../helpers/dist.ts';
import { TMP } from '../helpers/paths.ts';

// Case search-box-language: an English, a French (with an earlier version and a kept capture) and
// an Austrian German ("de-AT") article, built under /archive/. The header's search box and its
// Search link lead to the search page of the page's language (one per primary language): the
// French article, its version, the comparison of its versions and its capture's page search in
// French, the German article in German, every other page in English. Expected addresses are
// written out here.

const CONTENT = path.resolve('tests/fixtures/cases/search-box-language/content');
const DIST = path.join(TMP, 'search-box-language');
const BASE = '/archive/';
let build: BuildResult;

beforeAll(async () => {
  await rm(DIST, { recursive: true, force: true });
  build = await astroBuild(CONTENT, DIST, { ARCHIVE_SITE: 'https://archive.example.org', ARCHIVE_BASE: BASE });
}, 240_000);

afterAll(async () => {
  await rm(DIST, { recursive: true, force: true });
  await rm(`${DIST}-cache`, { recursive: true, force: true });
});

/** Where a built page's header search goes: the search box's action and the Search link, or undefined without a box. */
async function headerSearch(sitePath: string): Promise<{ action: string; link: string } | undefined> {
  const doc = await page(DIST, sitePath);
  const form = doc.querySelector('.site-header form.site-search');
  const link = [...doc.querySelectorAll('.site-header nav a')].find((a) => a.textContent?.trim() === 'Search');
  return form ? { action: form.getAttribute('action')!, link: link!.getAttribute('href')! } : undefined;
}

const FRENCH = `${BASE}search/fr/`;
const GERMAN = `${BASE}search/de/`;
const ENGLISH = `${BASE}search/`;

describe('the header searches the language of the page', () => {
  test('the build succeeds', () => {
    expect(build.code, build.output).toBe(0);
  });

  test.each([
    ['the French article', '/articles/2021/04/conseil-municipal-budget/', FRENCH],
    ['the French article’s earlier version', '/articles/2021/04/conseil-municipal-budget/versions/20210413/', FRENCH],
    ['the French article’s latest version', '/articles/2021/04/conseil-municipal-budget/versions/20210420/', FRENCH],
    [
      'the comparison of the French article’s versions',
      '/articles/2021/04/conseil-municipal-budget/versions/20210420/changes/',
      FRENCH,
    ],
    ['the page of the French capture', '/capture/2021/04/conseil-municipal-budget.html/', FRENCH],
    ['the de-AT article (its primary language)', '/articles/2021/05/schulbudget-beschlossen/', GERMAN],
    ['the English article', '/articles/2021/03/council-school-budget/', ENGLISH],
    ['the home page', '/', ENGLISH],
    ['a person page', '/people/margot-vasseur/', ENGLISH],
  ])('%s', async (_, sitePath, expected) => {
    expect(await headerSearch(sitePath)).toEqual({ action: expected, link: expected });
  });

  test('on every page, the header search leads to a search page that exists, in the page’s own language', async () => {
    const pages = await htmlFiles(DIST);
    expect(pages.length).toBeGreaterThan(10);
    let checked = 0;
    for (const file of pages) {
      const doc = await page(DIST, file);
      const lang = doc.documentElement.getAttribute('lang')!;
      const search = await headerSearch(file);
      if (!search) continue;
      checked++;
      const primary = lang.split('-')[0];
      // A page in English chrome about an article in another language (a comparison, a capture)
      // may search that language; a page in another language never searches English.
      if (primary !== 'en') expect(search.action, file).toBe(`${BASE}search/${primary}/`);
      expect(search.link, file).toBe(search.action);
      const target = path.join(DIST, search.action.slice(BASE.length), 'index.html');
      expect(existsSync(target), `${file} -> ${search.action}`).toBe(true);
      const targetLang = (await page(DIST, `/${search.action.slice(BASE.length)}`)).documentElement.getAttribute(
        'lang',
      );
      expect(targetLang, file).toBe(search.action === ENGLISH ? 'en' : search.action.split('/').at(-2));
    }
    expect(checked).toBeGreaterThan(10);
  });
});
