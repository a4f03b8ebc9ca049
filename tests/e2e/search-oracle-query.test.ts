import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import snowball from 'snowball-stemmers';
import { launchChromium } from '../helpers/browser.ts';
import { buildAtBases } from '../helpers/build.ts';
import { TMP } from '../helpers/paths.ts';
import { closeTabs, openEveryResult, servedTabs, sitePath, type SiteTab } from '../helpers/search-page.ts';
import { QUERY_ARTICLES, writeSearchQueryArchive } from '../fixtures/search-query-archive.ts';

// What readers type, checked in Chromium against answers worked out from the fixture's text
// alone (tests/fixtures/search-query-archive.ts), with nothing of the site's code: figures as
// printed, phrases in typographic quotes, the word itself before longer words, stop words left
// unmarked, a minus, and what the page offers when nothing is found. At the site root with the
// index in one part, and under /archive/ with it in parts (as the fixture builds are made,
// tests/helpers/paths.ts FIXTURE_BUILDS).
//
// The oracle's rules:
// - A figure as printed: a run of the typed figure's characters in an article's headline or
//   text with no digit (or decimal separator and digit) on either side; a figure typed without
//   its currency or percent sign is also found where the text prints one ("1.8" finds "$1.8").
// - A phrase: its words, lower-cased, next to each other in the headline or in the text.
// - Words: lower-cased text split at anything but letters and digits; a typed word's Snowball
//   stem (English) begins a word (Pagefind's prefix match); the word itself is there when some
//   word has the same stem.

const stemmer = snowball.newStemmer('english');

/** The searchable text of an article as the oracle sees it: headline and body. */
const textOf = (a: (typeof QUERY_ARTICLES)[number]) => `${a.title}\n${a.body}`;

/** Words of a text: lower case, split at anything but letters and digits. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Escapes a string for a regular expression. */
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The articles printing the figure `typed` (see the rules). */
function printing(typed: string): string[] {
  const bare = typed.replace(/^[$£€]|%$/g, '');
  const unit = typed === bare ? '[$£€]?' : '';
  const pattern = unit === '' ? literal(typed) : `${unit}${literal(bare)}%?`;
  const re = new RegExp(`(?<![\\d$£€]|\\d[.,/:])${pattern}(?!\\d|[.,/:]\\d)`);
  return QUERY_ARTICLES.filter((a) => re.test(textOf(a))).map((a) => a.path);
}

/** The articles with the phrase's words next to each other. */
function phrase(q: string): string[] {
  const want = words(q);
  return QUERY_ARTICLES.filter((a) =>
    [a.title, a.body].some((t) => {
      const w = words(t);
      return w.some((_, i) => want.every((x, k) => w[i + k] === x));
    }),
  ).map((a) => a.path);
}

/** The articles where every typed word's stem begins a word of the headline, text, byline, source or date. */
function matching(q: string): string[] {
  return QUERY_ARTICLES.filter((a) => {
    const w = words(`${textOf(a)} ${a.authors.join(' ')} Daily Planet ${a.published}`);
    return words(q).every((x) => w.some((y) => y.startsWith(stemmer.stem(x))));
  }).map((a) => a.path);
}

/** True when the article has the word itself (a word of the same stem). */
function hasWhole(path: string, word: string): boolean {
  const a = QUERY_ARTICLES.find((x) => x.path === path)!;
  return words(textOf(a)).some((w) => stemmer.stem(w) === stemmer.stem(word));
}

/** What the page shows once a search is final. */
interface Shown {
  status: string;
  paths: string[];
  /** Each result's excerpt: its marked texts. */
  marks: string[][];
  hints: string;
  links: { text: string; href: string }[];
}

/** Reads what the page shows (once its search is final and every result listed). */
async function read(page: Page, base: string): Promise<Shown> {
  const shown = await page.evaluate(() => ({
    status: document.querySelector('#search-status')?.textContent ?? '',
    hrefs: [...document.querySelectorAll<HTMLAnchorElement>('#search-results li h2 a')].map((a) => a.href),
    marks: [...document.querySelectorAll('#search-results li')].map((li) =>
      [...li.querySelectorAll('.excerpt mark')].map((m) => m.textContent ?? ''),
    ),
    hints: document.querySelector<HTMLElement>('#search-hints')?.hidden
      ? ''
      : (document.querySelector('#search-hints')?.textContent ?? ''),
    links: [...document.querySelectorAll<HTMLAnchorElement>('#search-hints a')].map((a) => ({
      text: a.textContent ?? '',
      href: a.href,
    })),
  }));
  const paths = shown.hrefs.map((h) => sitePath(h, base));
  return { status: shown.status, paths, marks: shown.marks, hints: shown.hints, links: shown.links };
}

const BASES = [
  { base: '/', name: 'root', partSize: '' },
  { base: '/archive/', name: 'archive', partSize: '3' },
] as const;

let tmp: string;
let browser: Browser;
let sites: SiteTab[] = [];

beforeAll(async () => {
  await mkdir(TMP, { recursive: true });
  tmp = await mkdtemp(path.join(TMP, 'search-query-'));
  await writeSearchQueryArchive(path.join(tmp, 'content'));
  const dists = await buildAtBases(path.join(tmp, 'content'), tmp, BASES);
  browser = await launchChromium();
  sites = await servedTabs(browser, dists);
}, 300_000);

afterAll(async () => {
  await closeTabs(sites);
  await browser?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Runs a search at every base and gives what each page shows. */
async function everywhere(q: string): Promise<{ base: string; shown: Shown }[]> {
  const out = [];
  for (const { base, site, page } of sites) {
    await openEveryResult(page, `${site.origin}${base}search/?q=${encodeURIComponent(q)}`);
    out.push({ base, shown: await read(page, base) });
  }
  return out;
}

describe('figures as printed', () => {
  for (const q of ['$1.8 billion', '$5', '£5', '1.8', '9/11', '3.5%', '10,000', '1.85', '$50', '11.8'])
    test(
      q,
      async () => {
        const figure = q.split(' ')[0]!;
        const want = printing(figure).filter((p) => matching(q.split(' ').slice(1).join(' ')).includes(p));
        expect(want.length, 'the fixture prints the figure').toBeGreaterThan(0);
        for (const { base, shown } of await everywhere(q)) {
          expect(shown.paths.toSorted(), `${base}: ${q}`).toEqual(want.toSorted());
          // Each excerpt marks the figure as printed (with any currency or percent sign it has).
          for (const marks of shown.marks)
            expect(
              marks.some((m) => m.replace(/[,.;]$/, '').replace(/^[$£€]|%$/g, '') === figure.replace(/^[$£€]|%$/g, '')),
              `${base}: ${q}: marks ${marks.join(' | ')}`,
            ).toBe(true);
        }
      },
      60_000,
    );
});

describe('phrases in typographic quotes are phrases', () => {
  for (const q of [
    '“harbour master”',
    '„harbour master“',
    '«harbour master»',
    '‘harbour master’',
    '"harbour master"',
    '“9/11 attacks”',
  ])
    test(
      q,
      async () => {
        const want = phrase(q);
        expect(want.length).toBeGreaterThan(0);
        if (q.includes('harbour')) expect(matching(q).length, 'the words alone find more').toBeGreaterThan(want.length);
        for (const { base, shown } of await everywhere(q)) {
          expect(shown.paths, `${base}: ${q}`).toEqual(want);
          expect(shown.status, `${base}: ${q}`).not.toMatch(/““|””|“„|“«|“‘/);
        }
      },
      60_000,
    );

  test('the header search boxes do not check spelling', async () => {
    for (const { dist } of sites)
      for (const file of ['index.html', '404.html']) {
        const html = await readFile(path.join(dist, file), 'utf8');
        const boxes = [...html.matchAll(/<input[^>]*name="q"[^>]*>/g)].map((m) => m[0]);
        expect(boxes.length, file).toBeGreaterThan(0);
        for (const box of boxes) expect(box, file).toContain('spellcheck="false"');
      }
  });
});

describe('the word itself before longer words', () => {
  test('war: the articles with the word come first', async () => {
    const want = matching('war');
    expect(want.filter((p) => hasWhole(p, 'war')).length).toBeGreaterThan(0);
    expect(want.filter((p) => !hasWhole(p, 'war')).length).toBeGreaterThan(0);
    for (const { base, shown } of await everywhere('war')) {
      expect(shown.paths.toSorted(), base).toEqual(want.toSorted());
      const whole = shown.paths.map((p) => hasWhole(p, 'war'));
      expect(whole, `${base}: ${shown.paths.join(', ')}`).toEqual(whole.toSorted((a, b) => Number(b) - Number(a)));
    }
  }, 60_000);

  test('several words: no stop word is marked', async () => {
    const stops = new Set(['in', 'the', 'their', 'there', 'them', 'then', 'into']);
    for (const q of ['war in the north', 'families left their homes in the first hours']) {
      const want = matching(q);
      expect(want.length).toBeGreaterThan(0);
      for (const { base, shown } of await everywhere(q)) {
        expect(shown.paths.toSorted(), base).toEqual(want.toSorted());
        const marked = shown.marks.flat().map((m) => words(m)[0] ?? '');
        expect(marked.length, `${base}: ${q}`).toBeGreaterThan(0);
        expect(
          marked.filter((m) => stops.has(m)),
          `${base}: ${q}`,
        ).toEqual([]);
      }
    }
  }, 60_000);
});

describe('no results, and a minus', () => {
  test('"heat wave": the archive spells it heatwave; each word alone; what the box understands', async () => {
    expect(matching('heat wave')).toEqual([]);
    for (const { base, shown } of await everywhere('heat wave')) {
      expect(shown.status, base).toMatch(/^No results/);
      const offered = Object.fromEntries(shown.links.map((l) => [l.text, l.href]));
      expect(Object.keys(offered).toSorted(), base).toEqual(['heat', 'heatwave', 'wave']);
      for (const q of ['heatwave', 'heat', 'wave']) {
        const n = matching(q).length;
        expect(shown.hints, base).toContain(`${q} (${n} result${n === 1 ? '' : 's'})`);
        expect(new URL(offered[q]!).searchParams.get('q')).toBe(q);
        expect(new URL(offered[q]!).pathname).toBe(`${base}search/`);
      }
      expect(shown.hints, base).toMatch(/phrase in quotes/);
      // No minus was typed: nothing is said about one.
      expect(shown.hints, base).not.toMatch(/minus/);
    }
  }, 60_000);

  test('"tidalwave": the archive spells it as two words', async () => {
    for (const { base, shown } of await everywhere('tidalwave')) {
      expect(shown.status, base).toMatch(/^No results/);
      expect(
        shown.links.map((l) => l.text),
        base,
      ).toEqual(['tidal wave']);
    }
  }, 60_000);

  test('Sessions -Trump: the minus is said not to work, and the word is not searched for', async () => {
    const want = matching('Sessions');
    expect(want.length).toBe(2);
    for (const { base, shown } of await everywhere('Sessions -Trump')) {
      expect(shown.paths.toSorted(), base).toEqual(want.toSorted());
      expect(shown.hints, base).toMatch(/Leaving words out is not supported.*“Sessions”.*“Trump”/);
    }
  }, 60_000);
});
