import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { DIST_ARCHIVE } from '../helpers/paths.ts';
import { servedSite } from '../helpers/site.ts';

// Deployed under a sub-path, as on GitHub Pages: the build made with ARCHIVE_BASE=/archive/ is
// served only under /archive/, and every page, asset, feed, sitemap and citation loads there.

const ctx = servedSite(DIST_ARCHIVE, '/archive/');

test('every page type loads with all its assets, and nothing is requested outside /archive/', async () => {
  const page = await ctx.browser.newPage();
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(`${ctx.site.origin}/archive/`)) failed.push(`outside: ${r.url()}`);
  });
  for (const path of [
    '',
    'articles/2018/09/immigration-judges-sessions/',
    'people/',
    'people/jeff-sessions/',
    'topics/immigration/',
    'sources/the-hill/',
    'dates/2018/09/',
    'page/2/',
  ]) {
    await page.goto(`${ctx.site.origin}/archive/${path}`);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Charter|serif/);
  }
  await page.goto(`${ctx.site.origin}/archive/search/?q=Tabaddor`);
  await page.locator('#search-results li').first().waitFor();
  await page.close();
  expect(failed).toEqual([]);
});

test('feed, sitemap, robots.txt, and captures are served under /archive/', async () => {
  for (const path of [
    'rss.xml',
    'sitemap-index.xml',
    'sitemap-0.xml',
    'robots.txt',
    'captures/2018/09/immigration-judges-sessions.txt',
    'pagefind/part-0/pagefind.js', // this build's search index is in parts
  ]) {
    const res = await fetch(`${ctx.site.origin}/archive/${path}`);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
  }
  expect((await fetch(`${ctx.site.origin}/rss.xml`)).status).toBe(404);
});

test("the README's deploy section uses the same settings as this build", async () => {
  const readme = await readFile('README.md', 'utf8');
  const deploy = readme.slice(readme.indexOf('## Deploying'));
  expect(deploy).toContain('ARCHIVE_BASE=/<repo>/');
  expect(deploy).toContain('ARCHIVE_SITE=https://<user>.github.io');
  expect(deploy).toMatch(/build with `ARCHIVE_BASE=\/archive\/`/);
  expect(readme).toContain('| `ARCHIVE_BASE`');
});
