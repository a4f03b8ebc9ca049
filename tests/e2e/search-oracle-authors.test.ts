import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import snowball from 'snowball-stemmers';
import { axeViolations, withAxe } from '../helpers/axe.ts';
import { launchChromium } from '../helpers/browser.ts';
import { buildAtBases } from '../helpers/build.ts';
import { contentBylines, listedAt } from '../helpers/bylines.ts';
import { page as builtPage } from '../helpers/dist.ts';
import { words } from '../helpers/oracle-words.ts';
import { TMP } from '../helpers/paths.ts';
import {
  closeTabs,
  FILTER_GROUPS,
  openEveryResult,
  searchAddress,
  servedTabs,
  shownSearch,
  type FilterGroup,
  type SearchQuery,
  type SiteTab,
} from '../helpers/search-page.ts';
import { serve } from '../helpers/serve.ts';
import { vnuErrors } from '../helpers/vnu.ts';
import { BYLINE_PEOPLE, bylineArticles, writeBylineArchive } from '../fixtures/bylines-archive.ts';

// The author filter and the author listings, checked against an oracle in the manner of
// tests/e2e/search-oracle.test.ts: the byline archive (tests/fixtures/bylines-archive.ts) is built
// at the site root with its index in one part and under /archive/ in parts; for every query below
// the test works out from the archive's files and data alone (tests/helpers/bylines.ts, nothing of
// the site's code) which records are found and what every filter count must read, then compares
// that with the search page in Chromium at both bases.
//
// The oracle's rules, those of the search oracle narrowed to what these queries touch:
// - Searchable text of an article: headline, body, bylines, source name, the names and other names
//   of the people it lists, its topics; of a person page: name, other names, description. Query
//   words avoid dates and the page's own words, so nothing else can match them.
// - Words: lower case, diacritics removed, split at anything not a letter or digit; a query word
//   matches when its Snowball stem begins a word of the record.
// - Filters: person (names of the people listed), author (whom the byline names, by the rule in
//   tests/helpers/bylines.ts), source, topic, year (of `published` as written). Values of one
//   filter are alternatives, filters all apply; person pages have no filter values.
// - Counts: beside value V of filter G, the records matching the words, the other filters and G = V.

type Group = FilterGroup;
const GROUPS = FILTER_GROUPS;
type Lang = 'en' | 'fr';
type Query = SearchQuery<Lang>;

const QUERIES: Query[] = [
  { q: '', filters: { author: ['Reuters'] } },
  { q: '', filters: { author: ['Tom Whitaker'] } },
  { q: '', filters: { author: ['Staff reporter', 'J. Byrne'] } },
  { q: '', filters: { author: ['Zoë Ångström'] } },
  { q: '', filters: { topic: ['bridges'] } },
  { q: 'quayrail' },
  { q: 'quayrail', filters: { author: ['Reuters', 'Tom Whitaker'] } },
  { q: 'Whitaker' },
  { q: 'Whitaker', filters: { author: ['Tom Whitaker'], year: ['2021'] } },
  { q: 'Whitaker', filters: { author: ['Rosa Delgado'] } },
  { lang: 'fr', q: '', filters: { author: ['Reuters'] } },
];

const stemmers = { en: snowball.newStemmer('english'), fr: snowball.newStemmer('french') };

interface Rec {
  path: string;
  lang: Lang;
  words: string[];
  filters: Record<Group, string[]>;
}

/** The records of the archive, from its files (filters) and its data (words). */
async function oracleRecords(content: string): Promise<Rec[]> {
  const { articles, people, authorName } = await contentBylines(content);
  const texts = new Map(bylineArticles().map((a) => [`articles/${a.id}/`, a]));
  const records: Rec[] = articles.map((a) => {
    const own = texts.get(a.path)!;
    const listed = BYLINE_PEOPLE.filter((p) => own.people.includes(p.id));
    return {
      path: a.path,
      lang: a.language as Lang,
      words: [
        own.title,
        own.body,
        ...a.bylines.map((b) => b.name),
        a.source,
        ...listed.flatMap((p) => [p.name, ...p.aliases]),
        ...a.topics,
      ].flatMap(words),
      filters: {
        person: a.named,
        author: [...new Set(a.bylines.map(authorName))],
        source: [a.source],
        topic: [...new Set(a.topics)],
        year: [a.published.slice(0, 4)],
      },
    };
  });
  for (const p of BYLINE_PEOPLE.filter((x) => people.has(x.id)))
    records.push({
      path: `people/${p.id}/`,
      lang: 'en',
      words: [p.name, ...p.aliases, p.description].flatMap(words),
      filters: { person: [], author: [], source: [], topic: [], year: [] },
    });
  return records;
}

/** What the page must show for a query: the result paths and the count beside every value. */
function expected(query: Query, all: Rec[]) {
  const lang = query.lang ?? 'en';
  const stems = words(query.q).map((w) => stemmers[lang].stem(w));
  const found = all.filter((r) => r.lang === lang && stems.every((s) => r.words.some((w) => w.startsWith(s))));
  const passes = (r: Rec, except?: Group) =>
    GROUPS.every(
      (g) => g === except || !query.filters?.[g]?.length || query.filters[g].some((v) => r.filters[g].includes(v)),
    );
  return {
    paths: found.filter((r) => passes(r)).map((r) => r.path),
    count: (g: Group, v: string) => found.filter((r) => passes(r, g) && r.filters[g].includes(v)).length,
  };
}

// ---------------------------------------------------------------------------------------------
// The page side.

/** Opens a search and reads it once final, every "Show more" pressed. */
async function open(page: Page, url: string, base: string) {
  await openEveryResult(page, url);
  return shownSearch(page, base);
}

// ---------------------------------------------------------------------------------------------

const BASES = [
  { base: '/', name: 'root', partSize: '' },
  { base: '/archive/', name: 'archive', partSize: '4' },
] as const;

let tmp: string;
let content: string;
let records: Rec[];
let browser: Browser;
const dists: Record<string, string> = {};

beforeAll(async () => {
  await mkdir(TMP, { recursive: true });
  tmp = await mkdtemp(path.join(TMP, 'search-oracle-authors-'));
  content = path.join(tmp, 'content');
  await writeBylineArchive(content);
  records = await oracleRecords(content);
  Object.assign(dists, await buildAtBases(content, tmp, BASES, { ARCHIVE_PAGE_SIZE: '5' }));
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('the queries are answered without doubt and find something', () => {
  for (const q of QUERIES) expect(expected(q, records).paths.length, q.q).toBeGreaterThan(0);
  // No record word begins a query word, nor a query stem another word than those meant.
  const all = new Set(records.flatMap((r) => r.words));
  for (const w of ['quayrail', 'whitaker']) {
    expect([...all].filter((x) => w.startsWith(x) && x !== w)).toEqual([]);
    expect([...all].filter((x) => x.startsWith(stemmers.en.stem(w)))).toEqual([w]);
  }
});

describe('the author filter against the oracle, at / (one index) and under /archive/ (parts)', () => {
  let sites: SiteTab[] = [];
  beforeAll(async () => {
    sites = await servedTabs(browser, dists);
  });
  afterAll(async () => {
    await closeTabs(sites);
  });

  test('the author filter lists every author of the page’s language once, labelled "Author"', async () => {
    for (const { base, site, page } of sites)
      for (const lang of ['en', 'fr'] as const) {
        const shown = await open(page, searchAddress(site.origin, base, { lang, q: 'zzzz' }), base);
        const want = [...new Set(records.filter((r) => r.lang === lang).flatMap((r) => r.filters.author))].sort();
        expect(
          shown.boxes
            .filter((b) => b.group === 'author')
            .map((b) => b.value)
            .toSorted(),
          `${base} ${lang}`,
        ).toEqual(want);
        expect(
          await page.locator('[data-filter="author"] summary').textContent(),
          `${base} ${lang}: the group's label`,
        ).toBe('Author');
      }
  }, 60_000);

  for (const query of QUERIES) {
    const filters = GROUPS.flatMap((g) => (query.filters?.[g] ?? []).map((v) => `${g}=${v}`));
    const name = `${query.lang ?? 'en'} q=${JSON.stringify(query.q)} ${filters.join(' ')}`;
    test(
      name,
      async () => {
        const want = expected(query, records);
        const problems: string[] = [];
        for (const { base, site, page } of sites) {
          const shown = await open(page, searchAddress(site.origin, base, query), base);
          const got = new Set(shown.paths);
          const missing = want.paths.filter((p) => !got.has(p));
          const unexpected = [...got].filter((p) => !want.paths.includes(p));
          if (missing.length) problems.push(`${base}: missing ${missing.join(', ')}`);
          if (unexpected.length) problems.push(`${base}: unexpected ${unexpected.join(', ')}`);
          for (const box of shown.boxes) {
            const count = want.count(box.group as Group, box.value);
            if (box.count !== count)
              problems.push(`${base}: count ${box.group}=${box.value}: shown (${box.count}), expected (${count})`);
          }
        }
        expect(problems, `${name} (expected ${want.paths.join(', ')})`).toEqual([]);
      },
      60_000,
    );
  }

  test('a result gives its byline as printed', async () => {
    const { base, site, page } = sites[0]!;
    const shown = await open(page, searchAddress(site.origin, base, { q: 'quayrail' }), base);
    const { articles } = await contentBylines(content);
    const want = shown.paths.map((p) => {
      const names = articles.find((a) => a.path === p)!.bylines.map((b) => b.name);
      return names.length ? `By ${names.join(', ')}` : '';
    });
    expect(shown.bylines).toEqual(want);
    expect(want).toContain('By T. Whitaker, Staff reporter');
  });
});

describe('author listings of the byline archive', () => {
  test('every byline has a listing of exactly its articles: people on their page, organizations included', async () => {
    const { authors } = await contentBylines(content);
    // The archive has each kind the rule tells apart.
    expect(authors.find((a) => a.name === 'Reuters')?.articles.size).toBeGreaterThan(5);
    expect(authors.find((a) => a.name === 'Tom Whitaker')?.person).toBe('tom-whitaker');
    expect(authors.find((a) => a.name === 'J. Byrne')?.person).toBeUndefined();
    for (const { base } of BASES) {
      const dist = dists[base]!;
      const index = await builtPage(dist, '/authors/');
      const entries = [...index.querySelectorAll('main .columns li a')].map((a) => ({
        name: a.textContent.trim(),
        href: a.getAttribute('href')!,
      }));
      expect(entries.map((e) => e.name).toSorted(), base).toEqual(authors.map((a) => a.name).toSorted());
      for (const author of authors) {
        const { href } = entries.find((e) => e.name === author.name)!;
        if (author.person) expect(href, author.name).toBe(`${base}people/${author.person}/#articles-by`);
        else expect(href, author.name).toMatch(new RegExp(`^${base}authors/[a-z0-9-]+/$`));
        expect(new Set(await listedAt(dist, base, href)), `${base}: ${author.name}`).toEqual(author.articles);
      }
    }
  });

  test('a person page lists the articles by them apart from those naming them', async () => {
    const { articles } = await contentBylines(content);
    const doc = await builtPage(dists['/']!, '/people/tom-whitaker/');
    // The article lists' headings (the page's other sections, such as its coverage chart, aside).
    const headings = [...doc.querySelectorAll('main h2')]
      .map((h) => h.textContent.replace(/\s+/g, ' ').trim())
      .filter((h) => /^\d+ articles? (by|naming) /.test(h));
    expect(headings).toEqual(['2 articles by Tom Whitaker', '3 articles naming Tom Whitaker']);
    const naming = articles.filter((a) => a.named.includes('Tom Whitaker')).map((a) => a.path);
    const all = [...doc.querySelectorAll('.article-list li h3 a')].map((a) => a.getAttribute('href')!.slice(1));
    expect(new Set(all.slice(2))).toEqual(new Set(naming));
    // A person no byline names has no such section.
    const jane = await builtPage(dists['/']!, '/people/jane-byrne/');
    expect(jane.getElementById('articles-by')).toBeNull();
  });

  test('a long listing has pages, newest first, linked both ways', async () => {
    const doc = await builtPage(dists['/archive/']!, '/authors/reuters/');
    expect(doc.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/archive/authors/reuters/page/2/');
    const second = await builtPage(dists['/archive/']!, '/authors/reuters/page/2/');
    expect(second.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/archive/authors/reuters/');
    const dates = (await listedAt(dists['/archive/']!, '/archive/', '/archive/authors/reuters/')).map(
      (p) => bylineArticles().find((a) => `articles/${a.id}/` === p)!.published,
    );
    expect(dates).toEqual(dates.toSorted().reverse());
  });

  test('the new pages are valid HTML (Nu HTML Checker)', () => {
    for (const d of Object.values(dists)) expect(existsSync(path.join(d, 'authors', 'index.html'))).toBe(true);
    const files = Object.values(dists).flatMap((d) => [
      path.join(d, 'authors'),
      path.join(d, 'people'),
      path.join(d, 'index.html'),
    ]);
    expect(vnuErrors(files)).toEqual([]);
  }, 120_000);

  test('axe finds nothing on the author pages, light and dark', async () => {
    const site = await serve(dists['/']!, '/');
    const page = await withAxe(await browser.newPage());
    try {
      for (const address of [
        '/authors/',
        '/authors/reuters/',
        '/authors/reuters/page/2/',
        '/people/tom-whitaker/',
        '/search/?author=Reuters',
      ]) {
        const found: Record<string, string[]> = {};
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.goto(site.origin + address);
          if (address.startsWith('/search/')) await page.locator('#search-results li').first().waitFor();
          found[scheme] = await axeViolations(page);
        }
        expect(found, address).toEqual({ light: [], dark: [] });
      }
    } finally {
      await page.close();
      await site.close();
    }
  }, 60_000);
});
