import { expect, test } from 'vitest';
import { PAYLOADS } from '../fixtures/hostile-payloads.ts';
import { htmlFiles } from '../helpers/dist.ts';
import { listFiles } from '../../src/content/files.ts';
import { DIST_HOSTILE, HOSTILE_CONTENT, HOSTILE_PAGES } from '../helpers/paths.ts';
import { servedSite } from '../helpers/site.ts';
import { noIncidents, total, visit, watch } from '../helpers/watch.ts';

// Every page of the hostile archive (payloads written into articles and frontmatter, and the same
// payloads imported as saved pages) opened in Chromium: no script runs, no dialog opens, nothing
// navigates, nothing is requested from another origin, and the CSP reports nothing.

const ctx = servedSite(DIST_HOSTILE);

test('no hostile payload does anything in a browser, whether written by hand or imported', async () => {
  // A version page shows what an article page shows, with the same layout and renderer, and every
  // earlier version here holds another article's payloads: its compare page, where both versions'
  // text goes through the differ, is opened, the version page itself is not.
  const pages = (await htmlFiles(DIST_HOSTILE))
    .map((f) => f.replace(/index\.html$/, ''))
    .filter((p) => !/\/versions\/\d+\/$/.test(p));
  // One tab opens them all: the test command runs two files at a time on two cores, so a second
  // tab does not finish sooner, and each costs CPU of its own (docs/performance.md).
  const page = await ctx.tab();
  const seen = await watch(page, ctx.site.origin);
  for (const path of pages) await visit(page, ctx.site.origin + path, seen);
  for (const q of ['payload', 'script', 'onerror', 'javascript']) {
    await visit(page, `${ctx.site.origin}/search/?q=${q}`, seen);
    await page.locator('#search-status:not(:has-text("Loading"))').waitFor();
    await page.waitForTimeout(200);
  }
  await page.close();
  const articleFiles = await listFiles(`${HOSTILE_CONTENT}/articles`);
  const written = articleFiles.filter((f) => /\/hostile-\d+\.md$/.test(f)).length;
  const saved = (await listFiles(HOSTILE_PAGES)).length;
  const imported = articleFiles.filter((f) => f.startsWith('2021/03/')).length;
  const byPlace = Object.entries(Object.groupBy(PAYLOADS, (p) => p.place)).map(([k, v]) => `${v.length} ${k}`);
  console.log(
    `Hostile payloads: ${PAYLOADS.length} (${byPlace.join(', ')}), in ${written} articles written by hand and ${imported} imported from ${saved} saved pages; ` +
      `${pages.length + 4} pages opened. Script executions ${seen.scripts.length}, dialogs ${seen.dialogs.length}, console reports ${seen.console.length}, ` +
      `navigations ${seen.navigations.length}, requests to other origins ${seen.foreignRequests.length}, CSP violations ${seen.cspViolations.length}.`,
  );
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(150);
  expect(pages.length).toBeGreaterThan(100);
  expect(seen).toEqual(noIncidents());
  expect(total(seen)).toBe(0);
}, 240_000);
