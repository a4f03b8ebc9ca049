import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { buildAtBases } from '../helpers/build.ts';
import { words } from '../helpers/oracle-words.ts';
import { DIST_ROOT, TMP } from '../helpers/paths.ts';
import { closeTabs, openEveryResult, servedTabs, sitePath, type SiteTab } from '../helpers/search-page.ts';
import { serve } from '../helpers/serve.ts';
import {
  LANGUAGE_ARTICLES,
  SAME_DAY_ARTICLES,
  writeVersionsLanguagesDaysArchive,
  type FixtureArticle,
} from '../fixtures/versions-languages-days-archive.ts';

// The search oracle (tests/e2e/search-oracle.test.ts) extended to earlier versions, other
// languages and the order within a day. For every search below the test works out itself, from
// the fixture's data and the files the importer wrote and nothing of the site's code, what the
// page must show, then compares it with what Chromium shows: at the site root with the index in
// one part, and under /archive/ with the index in parts of two records.
//
// The oracle's rules:
// - Words: lower case, diacritics removed, split at anything but letters and digits; a query
//   word matches a text word it begins; a phrase in quotation marks matches a run of text words
//   in order. (Queries are chosen so that stemming cannot change the answer.)
// - Earlier versions: a result is "found in an earlier version", with a link to the version page,
//   when some word or phrase of the query is not in what the latest capture prints (headline,
//   standfirst, text, byline) but is in the earlier capture's.
// - Languages: each language's search page finds the articles of its language; every search page
//   names the other languages where the same words find articles, with their counts and links,
//   and never says "No results" while one does.
// - Order: by the day as printed, then by the moment (an instant, whatever the offset); a day
//   without a time counts as the start of its day. The home page lists them in the same order.

const BUILDS = [
  { base: '/', name: 'root', partSize: '' },
  { base: '/archive/', name: 'archive', partSize: '2' },
] as const;
const LANGUAGE_NAMES = { en: 'English', fr: 'French', de: 'German' } as const;
type Lang = keyof typeof LANGUAGE_NAMES;

// ---------------------------------------------------------------------------------------------
// The expected side.

/** A query's terms: phrases in quotation marks (straight or typographic) and single words. */
function terms(q: string): string[][] {
  const out: string[][] = [];
  for (const [, phrase, word] of q.matchAll(/["“„«]([^"”“»]*)["”“»]|(\S+)/g)) {
    const ws = words(phrase ?? word!);
    if (phrase !== undefined) out.push(ws);
    else out.push(...ws.map((w) => [w]));
  }
  return out;
}

/** True when the text has the term: its words in order, each beginning a text word. */
function has(text: string, term: string[]): boolean {
  const ws = words(text);
  return ws.some((_, i) => term.every((t, k) => ws[i + k]?.startsWith(t) ?? false));
}

/** A Markdown file the importer wrote: its headline, standfirst, byline and text. */
async function printed(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(front)?.[1];
  const authors = [...front.matchAll(/^\s+-\s+(.*)$/gm)].map((m) => m[1]);
  return [field('title'), field('dek'), body, ...authors].filter(Boolean).join('\n');
}

/** The day as printed and the instant, or none for a day without a time. */
function when(published: string): [string, number] {
  return [published.slice(0, 10), published.length > 10 ? Date.parse(published) : -Infinity];
}

/** Articles newest first by the oracle's order. */
function newestFirst(articles: FixtureArticle[]): string[] {
  return articles
    .toSorted((a, b) => {
      const [da, ta] = when(a.published);
      const [db, tb] = when(b.published);
      return da !== db ? (da < db ? 1 : -1) : tb - ta;
    })
    .map((a) => a.path);
}

/** The articles of a language that a query finds (title, text and byline). */
function foundIn(lang: Lang, q: string): string[] {
  return LANGUAGE_ARTICLES.filter(
    (a) => a.language === lang && terms(q).every((t) => has([a.title, a.body, ...a.authors].join('\n'), t)),
  ).map((a) => a.path);
}

// ---------------------------------------------------------------------------------------------
// The page side.

/** What a search page shows once its search, counts and other languages have all answered. */
interface Shown {
  status: string;
  paths: string[];
  /** Per result: the "Found in an earlier version" link's address, or null. */
  earlier: (string | null)[];
  /** Per result: its passage's text. */
  excerpts: string[];
  /** The other languages line: each link's text and address. */
  languages: { text: string; href: string }[];
}

/** Reads what the page shows (once its search is final and every result listed). */
async function read(page: Page, base: string): Promise<Shown> {
  const shown = await page.evaluate(() => ({
    status: document.querySelector('#search-status')?.textContent ?? '',
    items: [...document.querySelectorAll('#search-results > li')].map((li) => ({
      href: li.querySelector<HTMLAnchorElement>('h2 a')!.href,
      earlier: li.querySelector<HTMLAnchorElement>('.earlier-version a')?.href ?? null,
      excerpt: li.querySelector('.excerpt')?.textContent ?? '',
    })),
    languages: [...document.querySelectorAll<HTMLAnchorElement>('#search-languages:not([hidden]) a')].map((a) => ({
      text: a.textContent ?? '',
      href: a.href,
    })),
  }));
  const local = (href: string) => sitePath(href, base);
  return {
    status: shown.status,
    paths: shown.items.map((i) => local(i.href)),
    earlier: shown.items.map((i) => (i.earlier ? local(i.earlier) : null)),
    excerpts: shown.items.map((i) => i.excerpt),
    languages: shown.languages.map((l) => ({
      text: l.text,
      href: decodeURI(new URL(l.href).pathname + new URL(l.href).search),
    })),
  };
}

function searchUrl(origin: string, base: string, lang: Lang, params: Record<string, string>): string {
  return `${origin}${base}search/${lang === 'en' ? '' : `${lang}/`}?${new URLSearchParams(params)}`;
}

// ---------------------------------------------------------------------------------------------

let tmp: string;
let content: string;
let browser: Browser;
let sites: SiteTab[] = [];
/**
 * A tab for each base path and language, the English one the base path's own (`sites`): a search
 * page stays on its language, so the next search on it goes in the page (goToSearch) instead of
 * loading the page and its index again; the other languages' tabs share one browser context.
 */
const tabs = new Map<string, Page>();
const tabFor = (site: SiteTab, lang: Lang) => (lang === 'en' ? site.page : tabs.get(`${site.base} ${lang}`)!);

beforeAll(async () => {
  await mkdir(TMP, { recursive: true });
  tmp = await mkdtemp(path.join(TMP, 'search-oracle-vld-'));
  content = path.join(tmp, 'content');
  await writeVersionsLanguagesDaysArchive(content);
  const dists = await buildAtBases(content, tmp, BUILDS);
  browser = await launchChromium();
  sites = await servedTabs(browser, dists);
  const others = await browser.newContext();
  for (const { base } of sites)
    for (const lang of ['de', 'fr'] as const) tabs.set(`${base} ${lang}`, await others.newPage());
}, 400_000);

afterAll(async () => {
  for (const page of tabs.values()) await page.close();
  await closeTabs(sites);
  await browser?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('earlier headlines and phrases', () => {
  /** The article the importer wrote from the web archive, and its one earlier version. */
  async function imported() {
    const articles = path.join(content, 'articles', '2025', '09');
    const [file] = (await readdir(articles)).filter((f) => f.endsWith('.md'));
    const id = `2025/09/${file!.replace(/\.md$/, '')}`;
    const versions = path.join(content, 'versions', id);
    const [version] = await readdir(versions);
    return {
      path: `articles/${id}/`,
      versionPath: `articles/${id}/versions/${version!.replace(/\.md$/, '')}/`,
      latest: await printed(path.join(articles, file!)),
      earlier: await printed(path.join(versions, version!)),
    };
  }

  const QUERIES = [
    // The first capture's headline, as a reader remembers it, and parts of it.
    'Water rates to rise 9% to fund lead pipe replacement',
    '"fund lead pipe replacement"',
    // A phrase only the first capture had, whose words the latest has apart; in typographic quotes.
    '"according to the utility"',
    '“according to the utility”',
    // Several words, one of them only in the first capture.
    'utility according',
    // Words the latest capture prints: not labelled.
    'lead pipes',
    '"the utility serves"',
    'Grace Kim',
  ];

  test('the oracle labels some of these searches and not others', async () => {
    const a = await imported();
    const labelled = QUERIES.filter((q) => terms(q).some((t) => !has(a.latest, t)));
    expect(labelled.length).toBeGreaterThanOrEqual(4);
    expect(labelled.length).toBeLessThan(QUERIES.length);
    for (const q of QUERIES)
      expect(
        terms(q).every((t) => has(`${a.latest}\n${a.earlier}`, t)),
        q,
      ).toBe(true);
  });

  for (const q of QUERIES)
    test(`q=${q}`, async () => {
      const a = await imported();
      const earlier = terms(q).some((t) => !has(a.latest, t));
      for (const { base, site, page } of sites) {
        await openEveryResult(page, searchUrl(site.origin, base, 'en', { q }));
        const shown = await read(page, base);
        expect(shown.paths, `${base}: ${q}`).toEqual([a.path]);
        expect(shown.earlier, `${base}: ${q}`).toEqual([earlier ? a.versionPath : null]);
        // The passage shown holds the words that are only in the earlier version.
        if (earlier)
          for (const t of terms(q).filter((t) => !has(a.latest, t)))
            expect(has(shown.excerpts[0]!, t), `${base}: ${q}: passage "${shown.excerpts[0]}"`).toBe(true);
      }
    }, 60_000);
});

describe('every language', () => {
  const QUERIES = ['Macron', 'Sachsen', 'Landtagswahl', 'nommé', 'Emmanuel', 'zzquillet'];
  // English first, then by language code, as the search pages list them.
  const LANGS: Lang[] = ['en', 'de', 'fr'];

  for (const q of QUERIES)
    test(`q=${q} on every language's page`, async () => {
      for (const tab of sites)
        for (const lang of LANGS) {
          const { base, site } = tab;
          const page = tabFor(tab, lang);
          const at = `${base}search/${lang === 'en' ? '' : `${lang}/`}?q=${q}`;
          await openEveryResult(page, searchUrl(site.origin, base, lang, { q }));
          const shown = await read(page, base);
          expect(shown.paths.toSorted(), at).toEqual(foundIn(lang, q).toSorted());
          const elsewhere = LANGS.filter((l) => l !== lang && foundIn(l, q).length > 0);
          expect(shown.languages, at).toEqual(
            elsewhere.map((l) => {
              const n = foundIn(l, q).length;
              return {
                text: `${LANGUAGE_NAMES[l]} (${n} result${n === 1 ? '' : 's'})`,
                href: `${base}search/${l === 'en' ? '' : `${l}/`}?q=${q}`,
              };
            }),
          );
          if (elsewhere.length > 0) expect(shown.status, at).not.toMatch(/\bNo results\b/);
          if (shown.paths.length === 0 && elsewhere.length === 0) expect(shown.status, at).toMatch(/^No results\b/);
        }
    }, 90_000);

  // Searches with a filter and no words, and with words and a filter: each language's page counts
  // its own articles with that byline; a byline only another language has is no failure there.
  const FILTERED: { q?: string; author: string }[] = [
    { author: 'Claire Martin' },
    { author: 'Jonas Weber' },
    { q: 'Macron', author: 'Sam Lee' },
    { q: 'Macron', author: 'Claire Martin' },
    { author: 'Nobody Writes This' },
  ];
  /** The articles of a language with the query's words (if any) and the byline. */
  const foundWith = (lang: Lang, f: { q?: string; author: string }) =>
    (f.q ? foundIn(lang, f.q) : LANGUAGE_ARTICLES.filter((a) => a.language === lang).map((a) => a.path)).filter((p) =>
      LANGUAGE_ARTICLES.find((a) => a.path === p)!.authors.includes(f.author),
    );

  for (const f of FILTERED)
    test(`${JSON.stringify(f)} on every language's page`, async () => {
      const params = { ...(f.q && { q: f.q }), author: f.author };
      for (const tab of sites)
        for (const lang of LANGS) {
          const { base, site } = tab;
          const page = tabFor(tab, lang);
          const at = `${base}search/${lang === 'en' ? '' : `${lang}/`}?${new URLSearchParams(params)}`;
          // Loaded, not gone to in the page: the page takes a filter from the address on load.
          await openEveryResult(page, searchUrl(site.origin, base, lang, params), true);
          const shown = await read(page, base);
          const here = foundWith(lang, f);
          expect(shown.paths.toSorted(), at).toEqual(here.toSorted());
          const elsewhere = LANGS.filter((l) => l !== lang && foundWith(l, f).length > 0);
          expect(shown.languages, at).toEqual(
            elsewhere.map((l) => {
              const n = foundWith(l, f).length;
              return {
                text: `${LANGUAGE_NAMES[l]} (${n} result${n === 1 ? '' : 's'})`,
                href: `${base}search/${l === 'en' ? '' : `${l}/`}?${new URLSearchParams(params)}`,
              };
            }),
          );
          const named = [f.q && `“${f.q}”`, `author: ${f.author}`].filter(Boolean).join(', ');
          if (here.length === 0 && elsewhere.length === 1) {
            const n = foundWith(elsewhere[0]!, f).length;
            expect(shown.status, at).toBe(
              `0 results in ${LANGUAGE_NAMES[lang]} for ${named}; ${n} in ${LANGUAGE_NAMES[elsewhere[0]!]}.`,
            );
          }
          if (here.length === 0 && elsewhere.length === 0) expect(shown.status, at).toBe(`No results for ${named}.`);
          // Nothing was typed: no help on typing phrases and figures.
          if (!f.q) expect(await page.locator('#search-hints').textContent(), at).not.toMatch(/phrase in quotes/);
        }
    }, 90_000);

  test('the language switcher names each language in its own language, the same on every page', async () => {
    const { base, site, page } = sites[0]!;
    for (const lang of LANGS) {
      await page.goto(searchUrl(site.origin, base, lang, {}));
      const nav = page.locator('nav[aria-label="Search in another language"]');
      expect((await nav.textContent())?.replace(/\s+/g, ' ').trim(), lang).toBe(
        'Articles in: English · Deutsch · français',
      );
      expect(await nav.locator('a, strong').evaluateAll((els) => els.map((e) => e.getAttribute('lang'))), lang).toEqual(
        LANGS,
      );
      expect(await nav.locator('[aria-current="page"]').getAttribute('lang'), lang).toBe(lang);
    }
  });

  test('an archive in one language loads no other index for it', async () => {
    const site = await serve(DIST_ROOT, '/');
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    try {
      await openEveryResult(page, `${site.origin}/search/?q=keyword1`);
      const shown = await read(page, '/');
      expect(shown.paths.length).toBeGreaterThan(0);
      expect(shown.languages).toEqual([]);
      expect(await page.locator('#search-form').getAttribute('data-languages')).toBe('[]');
      expect(asked.filter((u) => u.includes('?language='))).toEqual([]);
    } finally {
      await page.close();
      await site.close();
    }
  });
});

describe('order within a day', () => {
  const newest = newestFirst(SAME_DAY_ARTICLES);

  test('the oracle puts the four times of the day in order', () => {
    expect(newest.map((p) => p.replace(/^.*lamplighters-|\/$/g, ''))).toEqual(['2350', '1815', '1140', '0705', 'day']);
  });

  for (const params of [{ q: 'lamplighters' }, { year: '2023' }])
    test(`newest and oldest first, ${JSON.stringify(params)}, as the home page lists them`, async () => {
      for (const { base, site, page } of sites) {
        for (const [sort, want] of [
          ['newest', newest],
          ['oldest', newest.toReversed()],
        ] as const) {
          await openEveryResult(page, searchUrl(site.origin, base, 'en', { ...params, sort }));
          expect((await read(page, base)).paths, `${base} sort=${sort}`).toEqual(want);
        }
        await page.goto(`${site.origin}${base}`);
        const home = await page
          .locator('.article-list h2 a')
          .evaluateAll((as) => as.map((a) => decodeURI(new URL((a as HTMLAnchorElement).href).pathname)));
        expect(
          home.filter((p) => p.includes('lamplighters')).map((p) => p.slice(base.length)),
          `${base} home page`,
        ).toEqual(newest);
      }
    }, 60_000);
});
