import { expect, test } from 'vitest';
import { PAYLOADS } from '../fixtures/hostile-payloads.ts';
import { htmlFiles } from '../helpers/dist.ts';
import { listFiles } from '../../src/content/files.ts';
import { DIST_HOSTILE, HOSTILE_CONTENT, HOSTILE_PAGES } from '../helpers/paths.ts';
import { servedSite } from '../helpers/site.ts';
import { noIncidents, total, visit, watch, type Incidents } from '../helpers/watch.ts';

// Every page of the hostile archive (payloads written into articles and frontmatter, and the same
// payloads imported as saved pages) opened in Chromium: no script runs, no dialog opens, nothing
// navigates, nothing is requested from another origin, and the CSP reports nothing.

const ctx = servedSite(DIST_HOSTILE);
/** Tabs opened at once. */
const TABS = 3;

test('no hostile payload does anything in a browser, whether written by hand or imported', async () => {
  // A version page shows what an article page shows, with the same layout and renderer, and every
  // earlier version here holds another article's payloads: its compare page, where both versions'
  // text goes through the differ, is opened, the version page itself is not.
  const pages = (await htmlFiles(DIST_HOSTILE))
    .map((f) => f.replace(/index\.html$/, ''))
    .filter((p) => !/\/versions\/\d+\/$/.test(p));
  // Several tabs share the pages, each watched on its own; the searches run in the first.
  const tabs = await Promise.all(
    Array.from({ length: TABS }, async () => {
      const page = await ctx.browser.newPage();
      return { page, seen: await watch(page, ctx.site.origin) };
    }),
  );
  await Promise.all(
    tabs.map(async ({ page, seen }, i) => {
      for (const path of pages.filter((_, j) => j % TABS === i)) await visit(page, ctx.site.origin + path, seen);
    }),
  );
  const [first] = tabs;
  for (const q of ['payload', 'script', 'onerror', 'javascript']) {
    await visit(first!.page, `${ctx.site.origin}/search/?q=${q}`, first!.seen);
    await first!.page.locator('#search-status:not(:has-text("Loading"))').waitFor();
    await first!.page.waitForTimeout(200);
  }
  const seen = noIncidents();
  for (const tab of tabs) {
    await tab.page.close();
    for (const kind of Object.keys(seen) as (keyof Incidents)[]) seen[kind].push(...tab.seen[kind]);
  }
  const articleFiles = await listFiles(`${HOSTILE_CONTENT}/articles`);
  const written = articleFiles.filter((f) => /\/hostile-\d+\.md$/.test(f)).length;
  const saved = (await listFiles(HOSTILE_PAGES)).length;
  const imported = articleFiles.filter((f) => f.startsWith('2021/03/')).length;
  const byPlace = Object.entries(Object.groupBy(PAYLOADS, (p) => p.place)).map(([k, v]) => `${v!.length} ${k}`);
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
