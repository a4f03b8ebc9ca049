import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import snowball from 'snowball-stemmers';
import { launchChromium } from '../helpers/browser.ts';
import { words } from '../helpers/oracle-words.ts';
import { searchOracleDist } from '../helpers/paths.ts';
import {
  closeTabs,
  finalSearch,
  POLL,
  searchAddress,
  servedTabs,
  STATUS,
  type SiteTab,
} from '../helpers/search-page.ts';
import { oracleArchive, type OracleArchive } from '../fixtures/search-oracle-archive.ts';

// A search's answer is shown once: the first number of results and the first results the page
// shows are the final ones, never a set that is then replaced (a word in no record beside a word
// in every part first showed what Pagefind finds by dropping or shortening the missing word, then
// "No results"). Checked in Chromium on the search oracle's fixture (tests/fixtures/
// search-oracle-archive.ts), at the site root with the index in one part and under /archive/ in
// parts, for the address's own search on a fresh page and for a search typed after another, in
// every order. The number is checked against an oracle computed from the fixture's data alone,
// by the rules of tests/e2e/search-oracle.test.ts: a record matches when every query word's
// English Snowball stem begins some word of its text (lower case, diacritics removed, split at
// anything but letters and digits).

const stemmer = snowball.newStemmer('english');

/** The words of each English record: articles (headline, dek, text, byline, source, people, topics) and person pages. */
function recordWords(archive: OracleArchive): string[][] {
  const people = new Map(archive.people.map((p) => [p.id, p]));
  const articles = archive.articles
    .filter((a) => a.language === 'en')
    .map((a) =>
      words(
        [
          a.title,
          a.dek ?? '',
          a.visibleBody,
          ...a.authors,
          a.source.name,
          ...a.people.flatMap((m) => {
            const p = people.get(m.id);
            return p ? [p.name, m.role ?? '', ...p.aliases] : [];
          }),
          ...a.topics,
        ].join('\n'),
      ),
    );
  const pages = archive.people.map((p) => words([p.name, ...p.aliases, p.description].join('\n')));
  return [...articles, ...pages];
}

/** How many records have every word of `q` (a phrase's words too: its queries here are adjacent wherever they occur). */
function expectedCount(records: string[][], q: string): number {
  const stems = words(q).map((w) => stemmer.stem(w));
  return records.filter((r) => stems.every((s) => r.some((w) => w.startsWith(s)))).length;
}

/** The status line the page gives for `n` results of the words `q` (no filters). */
function countText(n: number, q: string): string {
  // A query wholly in quotes is shown as typed.
  const shown = q.startsWith('"') ? q : `“${q}”`;
  return `${n === 0 ? 'No' : n} result${n === 1 ? '' : 's'} for ${shown}.`;
}

type Sort = 'relevance' | 'newest' | 'oldest';

/**
 * Queries mixing a word in most records with a rarer word, one in no record (whose shorter words
 * are there: "Foxcroftian", "Foxcroft"), phrases, and one word alone.
 */
const QUERIES: { q: string; sort: Sort }[] = [
  { q: 'lantern zorbleen', sort: 'relevance' },
  { q: 'Foxcroftian herons', sort: 'relevance' },
  { q: 'Foxcroftian herons', sort: 'newest' },
  { q: 'herons zorbleen', sort: 'oldest' },
  { q: 'lantern apples', sort: 'relevance' },
  { q: 'mark lantern', sort: 'oldest' },
  { q: 'wharfinger lantern', sort: 'newest' },
  { q: '"silver lantern"', sort: 'relevance' },
  { q: '"silver lantern"', sort: 'newest' },
  { q: 'lantern', sort: 'newest' },
];

let browser: Browser;
let sites: SiteTab[] = [];
const records = recordWords(oracleArchive());

beforeAll(async () => {
  // The global setup's builds: at the site root with the index in one part, under /archive/ in parts.
  browser = await launchChromium();
  sites = await servedTabs(browser, {
    '/': searchOracleDist('rootOneIndex'),
    '/archive/': searchOracleDist('archive'),
  });
}, 60_000);

afterAll(async () => {
  await closeTabs(sites);
  await browser?.close();
});

/** Every status line and every list of result addresses the page showed, in order, from when it is watched. */
interface Seen {
  statuses: string[];
  lists: string[][];
}

/** Starts recording what the page shows (in every document the tab loads from now on). */
async function watch(page: Page): Promise<void> {
  const record = () => {
    const seen: Seen = { statuses: [], lists: [] };
    (window as unknown as { seen: Seen }).seen = seen;
    const start = () => {
      const status = document.querySelector('#search-status');
      const list = document.querySelector('#search-results');
      if (!status || !list) return void requestAnimationFrame(start);
      new MutationObserver(() => void seen.statuses.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      new MutationObserver(() => {
        const hrefs = [...list.querySelectorAll<HTMLAnchorElement>(':scope > li h2 a')].map((a) => a.href);
        if (hrefs.length > 0) seen.lists.push(hrefs);
      }).observe(list, { childList: true, subtree: true });
    };
    start();
  };
  await page.addInitScript(record);
}

/** What the page showed since it was watched (or since `reset`). */
async function seenOn(page: Page, reset = false): Promise<Seen> {
  return page.evaluate((clear) => {
    const w = window as unknown as { seen: Seen };
    const out = structuredClone(w.seen);
    if (clear) w.seen = Object.assign(w.seen, { statuses: [], lists: [] });
    return out;
  }, reset);
}

/** The result lists and counts of one search as seen, checked to be shown once and final. */
function expectShownOnce(seen: Seen, q: string, where: string): void {
  const counts = seen.statuses.filter((s) => STATUS.test(s) && s.includes(countText(0, q).replace(/^No results /, '')));
  const want = countText(expectedCount(records, q), q);
  expect(counts.length, `${where}: no count shown`).toBeGreaterThan(0);
  expect([...new Set(counts)], `${where}: every count shown`).toEqual([want]);
  // Every list shown begins as the first one did (more results may be added below it, none replaced).
  const first = seen.lists[0] ?? [];
  for (const list of seen.lists)
    expect(list.slice(0, first.length), `${where}: a list shown after the first`).toEqual(first);
}

describe('a search answers once, and rightly', () => {
  for (const { q, sort } of QUERIES)
    test(`${q} (${sort}), loaded and typed, in one index and in parts`, async () => {
      for (const { base, site, page } of sites) {
        // The address's own search, on a page that has loaded nothing yet.
        const fresh = await browser.newPage();
        await watch(fresh);
        await fresh.goto(searchAddress(site.origin, base, { q }, sort));
        await finalSearch(fresh);
        expectShownOnce(await seenOn(fresh), q, `${base} loaded`);
        await fresh.close();
        // Typed on a page that has answered another search.
        if (page.url() === 'about:blank') await watch(page);
        await page.goto(searchAddress(site.origin, base, { q: 'harbour' }, sort));
        await finalSearch(page);
        await seenOn(page, true);
        await page.locator('#search-q').fill(q);
        await page.waitForFunction(
          ([status, tail]) => {
            const text = document.querySelector('#search-status')?.textContent ?? '';
            return new RegExp(status!).test(text) && text.endsWith(tail!);
          },
          [STATUS.source, countText(0, q).replace(/^No results /, '')],
          POLL,
        );
        await finalSearch(page);
        const typed = await seenOn(page);
        expectShownOnce(
          { statuses: typed.statuses, lists: typed.lists.filter((l) => l.length > 0) },
          q,
          `${base} typed`,
        );
      }
    }, 120_000);
});
