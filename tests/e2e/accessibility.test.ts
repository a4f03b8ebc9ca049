import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, withAxe } from '../helpers/axe.ts';
import { DIST_ROOT } from '../helpers/paths.ts';
import { servedSite } from '../helpers/site.ts';

// axe-core, run in Chromium on every page type, in light and dark colour schemes: no WCAG 2.2 AA
// violations.

const PAGES: [string, string][] = [
  ['home', '/'],
  ['article', '/articles/2018/09/immigration-judges-sessions/'],
  ['article with figure and table', '/articles/2015/01/report-01/'],
  ['person', '/people/jeff-sessions/'],
  ['person with quotes', '/people/benedikt-quarrington/'],
  ["a person's quotes", '/people/benedikt-quarrington/quotes/'],
  ['article with quotes', '/articles/2015/03/quarrington-ferry-levy/'],
  ['people index', '/people/'],
  ['topic', '/topics/housing/'],
  ['topics index', '/topics/'],
  ['source', '/sources/the-hill/'],
  ['date archive', '/dates/'],
  ['year', '/dates/2018/'],
  ['month', '/dates/2018/09/'],
  ['search with results', '/search/?q=judges&person=Jeff%20Sessions'],
  ['404', '/404.html'],
  ['capture page', '/capture/2018/09/immigration-judges-sessions.txt/'],
];

const ctx = servedSite(DIST_ROOT);

describe('axe-core, light and dark colour schemes', () => {
  let page: Page;
  beforeAll(async () => {
    page = await withAxe(await ctx.browser.newPage({ colorScheme: 'light' }));
  });
  afterAll(async () => {
    await page?.close();
  });
  // Each page is loaded once and checked in the light scheme, then in the dark one: the style
  // sheet switches with the reader's setting, and the page has no transitions to wait for.
  test.each(PAGES)('%s (%s)', async (_name, path) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(ctx.site.origin + path);
    if (path.startsWith('/search/')) await page.locator('#search-results li').first().waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await axeViolations(page);
    const lightBackground = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).not.toBe(lightBackground);
    const dark = await axeViolations(page);
    expect({ light, dark }).toEqual({ light: [], dark: [] });
  });
});
