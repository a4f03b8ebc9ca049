import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST_ROOT } from '../helpers/paths.ts';
import { servedSite } from '../helpers/site.ts';

// axe-core, run in Chromium on every page type, in light and dark colour schemes: no WCAG 2.2 AA
// violations.

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES: [string, string][] = [
  ['home', '/'],
  ['article', '/articles/2018/09/immigration-judges-sessions/'],
  ['article with figure and table', '/articles/2015/01/report-01/'],
  ['person', '/people/jeff-sessions/'],
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

/** axe violations on a page, as "rule: target" lines (empty when the page passes). */
async function violations(page: Page, path: string): Promise<string[]> {
  await page.goto(ctx.site.origin + path);
  if (path.startsWith('/search/')) await page.locator('#search-results li').first().waitFor();
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run(o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    }),
  );
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`axe-core, ${scheme} colour scheme`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await ctx.browser.newPage({ colorScheme: scheme });
    });
    afterAll(async () => {
      await page?.close();
    });
    test.each(PAGES)('%s (%s)', async (_name, path) => {
      expect(await violations(page, path)).toEqual([]);
    });
  });
}
