import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { writeCorpus } from '../../bench/corpus.ts';
import { listFiles, splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import type { PageParts } from '../../src/search/parts.ts';
import type { PagefindFilterCounts } from '../../src/search/browser/pagefind-types.ts';
import type { SearchState } from '../../src/search/browser/search-state.ts';
import { launchChromium } from '../helpers/browser.ts';
import { astroBuild } from '../helpers/build.ts';
import { TMP } from '../helpers/paths.ts';
import { serve, type Served } from '../helpers/serve.ts';

// The index layout does not change what a search finds: a generated archive (the benchmark's
// corpus, bench/corpus.ts) is built twice, once with one search index and once in many parts, and
// for every query below the search page's engine (src/search/browser/search-engine.ts, run in
// Chromium against each build's own index files, as the page runs it) must give both builds the
// same results, in the same order newest or oldest first, and the same count for every filter
// value. By relevance the order still differs (an expected failure, below).
//
// Size: SEARCH_AGREE_ARTICLES articles (2,000 by default, with a person for every five) in parts of
// SEARCH_AGREE_PART_SIZE records (250 by default: nine parts of articles and two of people). It
// runs on its own, `npm run check:search-parts` (the test command leaves it out: minutes of work);
// another size is `SEARCH_AGREE_ARTICLES=1000 SEARCH_AGREE_PART_SIZE=125 npm run check:search-parts`
// (docs/performance.md gives what it was run with, and what it found).

const ARTICLES = Number(process.env.SEARCH_AGREE_ARTICLES || 2000);
const PART_SIZE = process.env.SEARCH_AGREE_PART_SIZE || '250';
const SORTS = ['relevance', 'newest', 'oldest'] as const;

/** One search: words and ticked filter values. */
type Query = Pick<SearchState, 'q' | 'filters'>;

/** What one build's engine gives for a query: result addresses per order, and the filter counts. */
interface Answer {
  results: Record<(typeof SORTS)[number], string[] | null>;
  counts: PagefindFilterCounts;
}

/** The people, sources and topics of the generated archive, as its files name them. */
async function corpusFacts(content: string) {
  const yamlNames = async (folder: string) =>
    Promise.all(
      (await readdir(path.join(content, folder)))
        .sort()
        .map(async (f) => (parseYaml(await readFile(path.join(content, folder, f), 'utf8')) as { name: string }).name),
    );
  const people = await yamlNames('people');
  const sources = await yamlNames('sources');
  const topics = new Map<string, number>();
  const years = new Set<string>();
  const files = (await listFiles(path.join(content, 'articles'))).filter((f) => f.endsWith('.md')).sort();
  for (const f of files) {
    const text = await readFile(path.join(content, 'articles', f), 'utf8');
    const data = parseYaml(splitFrontmatter(text)?.yaml ?? '') as { topics?: string[]; published: string };
    for (const t of data.topics ?? []) topics.set(t, (topics.get(t) ?? 0) + 1);
    years.add(String(data.published).slice(0, 4));
  }
  return { people, sources, topics: [...topics.keys()].sort(), years: [...years].sort() };
}

/** The queries: names, surnames, topic words, words being typed, phrases, words in no record, filters. */
function queriesOf(facts: Awaited<ReturnType<typeof corpusFacts>>): Query[] {
  const every = <T>(list: T[], n: number) =>
    list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0).slice(0, n);
  const names = every(facts.people, 12);
  const surnames = every(facts.people, 6).map((n) => n.split(' ').at(-1)!);
  const topicWords = [
    ...new Set(facts.topics.flatMap((t) => t.split(/[^\p{L}]+/u)).filter((w) => w.length > 5)),
  ].sort();
  const words = every(topicWords, 12);
  const phrases = every(
    facts.topics.filter((t) => t.includes(' ')),
    4,
  );
  const plain = (q: string): Query => ({ q, filters: {} });
  return [
    ...names.map(plain),
    ...surnames.map(plain),
    ...words.map(plain),
    // Words still being typed, and two words together.
    ...every(topicWords, 5).map((w) => plain(w.slice(0, 4))),
    ...words.slice(0, 3).map((w, i) => plain(`${w} ${surnames[i]!}`)),
    ...phrases.map((p) => plain(`"${p}"`)),
    // Words in no record (where no word of a part begins with a term, Pagefind searches shorter ones).
    plain('zqxwvj'),
    plain(`${words[0]!}zq`),
    plain(`${surnames[0]!}ovichz ${words[1]!}`),
    // Filters, alone and with words.
    { q: words[2]!, filters: { source: [facts.sources[0]!] } },
    { q: words[3]!, filters: { year: [facts.years[2]!, facts.years[7]!] } },
    { q: surnames[1]!, filters: { topic: [facts.topics[5]!, facts.topics[40]!] } },
    { q: names[2]!.split(' ')[0]!, filters: { person: [names[2]!] } },
    { q: words[4]!, filters: { source: [facts.sources[3]!], year: [facts.years[10]!, facts.years[11]!] } },
    { q: '', filters: { topic: [facts.topics[7]!] } },
    { q: '', filters: { person: [names[5]!], year: [facts.years[12]!] } },
  ];
}

/** The parts a build's English search page loads, as its form hands them to the page. */
async function pagePartsOf(dist: string): Promise<PageParts> {
  const { document } = parseHTML(await readFile(path.join(dist, 'search', 'index.html'), 'utf8'));
  return JSON.parse(document.querySelector<HTMLFormElement>('#search-form')!.dataset.parts!) as PageParts;
}

const ENGINE = '/__engine/';

/**
 * The module that starts the engine in the tab, as search-page.ts does (its settings, its
 * loader), with the parts in `window.agreeParts`; it leaves the engine and a way to a result's
 * address in `window.agree`. Plain JavaScript in a string: the test's own code is transformed
 * by Vite, whose rewriting of `import()` the page does not have.
 */
const START_MODULE = `
import { searchEngine } from './search/browser/search-engine.ts';
import { loadIndex } from './search/browser/pagefind-loader.ts';
import { wordCutsOf } from './search/browser/word-chunks.ts';
import { META_WEIGHTS } from './search/contract.ts';
const parts = window.agreeParts;
const wordCuts = await wordCutsOf(parts.dirs.map((d) => '/pagefind/' + d), 'en', async (url) => (await fetch(url)).json());
if (wordCuts.length !== parts.dirs.length) throw new Error('a part without its word cuts');
const settings = { baseUrl: '/', excerptLength: 30, ranking: { metaWeights: META_WEIGHTS } };
const { pagefind, missing } = await loadIndex(parts.dirs.map((d) => '/pagefind/' + d), settings, {
  reachable: async (dir) => (await fetch(dir + 'pagefind-entry.json')).ok,
  importPagefind: (dir) => import(dir + 'pagefind.js'),
});
if (missing.length > 0) throw new Error('parts not loaded: ' + missing.join(', '));
const urls = new Map();
const urlOf = (r) => {
  if (!urls.has(r.id)) urls.set(r.id, r.data().then((d) => d.url));
  return urls.get(r.id);
};
window.agree = { engine: searchEngine(pagefind, parts, { language: 'en', excerptLength: 30, wordCuts }), urlOf };
`;

/**
 * A tab on the build served at `site` that has the search page's engine (the project's own
 * modules from src/, served with their types stripped) loaded over the build's index parts, as
 * the search page loads them (src/search/browser/search-page.ts).
 */
async function engineTab(context: BrowserContext, site: Served, parts: PageParts): Promise<Page> {
  const page = await context.newPage();
  await page.route(`${site.origin}${ENGINE}**`, async (route) => {
    const rel = new URL(route.request().url()).pathname.slice(ENGINE.length);
    if (rel === 'start.html')
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>engine</title>' });
    if (rel === 'start.js') return route.fulfill({ contentType: 'text/javascript', body: START_MODULE });
    const file = path.resolve('src', rel);
    if (!file.startsWith(path.resolve('src') + path.sep) || !file.endsWith('.ts'))
      return route.fulfill({ status: 404 });
    return route.fulfill({
      contentType: 'text/javascript',
      body: stripTypeScriptTypes(await readFile(file, 'utf8')),
    });
  });
  await page.goto(`${site.origin}${ENGINE}start.html`);
  await page.evaluate((p) => Object.assign(window, { agreeParts: p }), parts);
  await page.addScriptTag({ type: 'module', url: 'start.js' });
  await page.waitForFunction(() => 'agree' in window, undefined, { timeout: 120_000 });
  return page;
}

/** What the engine in `page` gives for a query, as the page would show it once it is final. */
function answerOf(page: Page, query: Query): Promise<Answer> {
  return page.evaluate(
    async ({ query, sorts }) => {
      type EngineModule = typeof import('../../src/search/browser/search-engine.ts');
      type Fragment = import('../../src/search/browser/pagefind-types.ts').PagefindSearchResult;
      const { engine, urlOf } = (
        window as unknown as {
          agree: { engine: ReturnType<EngineModule['searchEngine']>; urlOf: (r: Fragment) => Promise<string> };
        }
      ).agree;
      // The page's final answer: results kept to where every word occurs (search-page.ts).
      const scope = query.q ? await engine.scopeOf(query.q) : null;
      const results: Record<string, string[] | null> = {};
      for (const sort of sorts) {
        const found = await engine.resultsFor({ ...query, sort }, scope);
        results[sort] = found && (await Promise.all(found.map(urlOf)));
      }
      const counts = await engine.countsFor({ ...query, sort: 'relevance' }, scope);
      return { results, counts };
    },
    { query, sorts: SORTS },
  );
}

/** Counts as text with every key in order, so that two answers compare whatever order Pagefind gave them in. */
function canonical(counts: PagefindFilterCounts): string {
  const sorted = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify(sorted(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, sorted(v)]))));
}

/** Where two result lists part: their lengths, results only one has, and the first place they differ. */
function difference(one: string[] | null, many: string[] | null): string {
  if (!one || !many)
    return `one index ${one === null ? 'dropped' : one.length}, parts ${many === null ? 'dropped' : many.length}`;
  const only = (a: string[], b: string[]) => a.filter((x) => !b.includes(x)).slice(0, 5);
  const at = one.findIndex((x, i) => many[i] !== x);
  return `one index ${one.length} results, parts ${many.length}; only in one index ${JSON.stringify(only(one, many))}, only in parts ${JSON.stringify(only(many, one))}; first differing at ${at}: ${JSON.stringify(one.slice(at, at + 3))} vs ${JSON.stringify(many.slice(at, at + 3))}`;
}

let tmp: string;
let queries: Query[] = [];
const dists = { single: '', parts: '' };

beforeAll(async () => {
  // Inside the project, as the search oracle's builds (tests/e2e/search-oracle.test.ts).
  await mkdir(TMP, { recursive: true });
  tmp = await mkdtemp(path.join(TMP, 'search-agree-'));
  const content = path.join(tmp, 'content');
  await writeCorpus(content, { articles: ARTICLES, people: Math.round(ARTICLES / 5), seed: 1 });
  queries = queriesOf(await corpusFacts(content));
  const layouts = { single: String(ARTICLES * 2), parts: PART_SIZE };
  await Promise.all(
    Object.entries(layouts).map(async ([name, size]) => {
      const out = path.join(tmp, name);
      const result = await astroBuild(content, out, {
        ARCHIVE_SITE: 'https://archive.example.org',
        ARCHIVE_SEARCH_PART_SIZE: size,
      });
      if (result.code !== 0) throw new Error(`build with part size ${size} failed:\n${result.output.slice(-3000)}`);
      dists[name as keyof typeof dists] = out;
    }),
  );
}, 1_800_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('the builds are one index and many parts, and the queries are many and find something', async () => {
  expect((await pagePartsOf(dists.single)).dirs).toEqual(['']);
  expect((await pagePartsOf(dists.parts)).dirs.length).toBeGreaterThanOrEqual(5);
  expect(queries.length).toBeGreaterThanOrEqual(50);
  expect(new Set(queries.map((q) => JSON.stringify(q))).size).toBe(queries.length);
});

describe('many parts give what one index gives', () => {
  const answers = { single: [] as Answer[], parts: [] as Answer[] };

  beforeAll(async () => {
    const browser = await launchChromium();
    try {
      await Promise.all(
        (['single', 'parts'] as const).map(async (layout) => {
          const site = await serve(dists[layout], '/');
          const context = await browser.newContext();
          try {
            const page = await engineTab(context, site, await pagePartsOf(dists[layout]));
            for (const query of queries) answers[layout].push(await answerOf(page, query));
          } finally {
            await context.close();
            await site.close();
          }
        }),
      );
    } finally {
      await browser.close();
    }
  }, 1_200_000);

  test('most queries find something, and some find hundreds', () => {
    const found = answers.single.map((a) => a.results.relevance?.length ?? 0);
    expect(found.filter((n) => n > 0).length).toBeGreaterThanOrEqual(40);
    expect(found.filter((n) => n > 100).length).toBeGreaterThanOrEqual(5);
  });

  /** The queries whose result lists differ between the layouts, each with where (see difference). */
  const differing = (sort: (typeof SORTS)[number], asSets = false) =>
    queries.flatMap((query, i) => {
      const [one = null, many = null] = [answers.single[i]!.results[sort], answers.parts[i]!.results[sort]].map(
        (list) => (asSets ? (list?.toSorted() ?? null) : list),
      );
      return JSON.stringify(one) === JSON.stringify(many) ? [] : [`${JSON.stringify(query)}: ${difference(one, many)}`];
    });

  for (const sort of ['newest', 'oldest'] as const)
    test(`the same results in the same order, sort=${sort}`, () => {
      expect(differing(sort)).toEqual([]);
    });

  test('the same results, sort=relevance', () => {
    expect(differing('relevance', true)).toEqual([]);
  });

  // Not yet: Pagefind scores a result with its own part's statistics (the number of pages, how
  // many hold the word, the average page length), so results of different parts interleave
  // otherwise than in one index (docs/performance.md, "One index or many parts: the same answers").
  test.fails('the same order, sort=relevance', () => {
    expect(differing('relevance')).toEqual([]);
  });

  test('the same count for every filter value', () => {
    const differ = queries.flatMap((query, i) => {
      const [one, many] = [canonical(answers.single[i]!.counts), canonical(answers.parts[i]!.counts)];
      return one === many ? [] : [`${JSON.stringify(query)}: one index ${one}, parts ${many}`];
    });
    expect(differ).toEqual([]);
  });
});
