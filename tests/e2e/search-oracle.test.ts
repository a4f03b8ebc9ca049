import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import snowball from 'snowball-stemmers';
import { launchChromium } from '../helpers/browser.ts';
import { fold, words } from '../helpers/oracle-words.ts';
import { searchOracleDist } from '../helpers/paths.ts';
import {
  closeTabs,
  finalSearch,
  goToSearch,
  POLL,
  searchAddress,
  servedTabs,
  showEveryResult,
  shownSearch,
  STATUS,
  type ShownSearch as Shown,
  type SiteTab,
} from '../helpers/search-page.ts';
import { CASE_TOPIC, oracleArchive, type OracleArchive } from '../fixtures/search-oracle-archive.ts';

// The search page checked against an oracle: for every query below the test works out itself,
// from the fixture's data and nothing of the site's code, which records must be found, what every
// filter count must read and how results may be ordered, then compares that with what the page
// shows in Chromium, at the site root and under /archive/ (queries with filters at both, the
// others in turn), with the index split into parts.
//
// The oracle's rules (how Pagefind matches):
// - Searchable text. An article: its headline, dek, the body's visible text, its byline, its
//   source's name, the names, aliases and roles of the people it lists (its own people only), its
//   topics and its date as the page prints it ("31 December 2019"). A person page: the person's
//   name, aliases and description. English articles and people are searched on /search/, French
//   articles on /search/fr/.
// - Words. Text is lowercased, diacritics are removed (NFD, marks dropped) and it is split at
//   every character that is not a letter or digit.
// - Matching. A query's words are normalised and split the same way; a record matches when every
//   query word's Snowball stem (English or French, the page's language) begins some word of the
//   record (Pagefind matches stems by prefix: "marks" finds "market"). A phrase in double quotes
//   counts as its words; the test checks that every record having all of a phrase's words has
//   them next to each other, so this gives the same set as adjacency.
// - Filters (person = canonical name of a listed person, author = a byline as printed (no byline
//   here is a person's name), source = source name, topic = topic label, year = year of
//   `published` in its own offset): values of one filter are alternatives, different filters all
//   apply. Topics that differ only in case are one topic, named by their
//   most used spelling; person pages have no filter values, so any filter leaves them out.
// - Counts. The count beside value V of filter G is the number of records matching the words,
//   the other filters and G = V (disjunctive facet counts: what ticking that box gives).
// - Order. Every order gives the same set; by date, dated results come first in date order and
//   undated results (person pages) last.
// Query words are chosen so the rules cannot be read two ways: the test refuses a query word that
// prefixes a word it does not model (month names, the page's own labels), whose stem prefixes
// some record word but not that word's stem (or the reverse), or that begins with some record word
// (where no word of an index part begins with a term, Pagefind matches the part's words that the
// term begins with: "ashdown" finds "as" in a part that has no "ashdown"), and a phrase whose words
// some record has apart.

type Group = 'person' | 'author' | 'source' | 'topic' | 'year';
const GROUPS: Group[] = ['person', 'author', 'source', 'topic', 'year'];
type Lang = 'en' | 'fr';
type Sort = 'relevance' | 'newest' | 'oldest';
const SORTS: Sort[] = ['relevance', 'newest', 'oldest'];

/** One search a reader makes: words (phrases in double quotes) and filters, on a language's page. */
interface Query {
  lang?: Lang;
  q: string;
  filters?: Partial<Record<Group, string[]>>;
}

const QUERIES: Query[] = [
  // Body words, prefixes ("mark" finds "market" and "marks") and phrases.
  { q: 'lantern' },
  { q: 'lantern', filters: { source: ['Harbor Gazette'] } },
  { q: 'lanterns', filters: { year: ['2015', '2020'], topic: ['fisheries', 'tramways'] } },
  { q: 'apples' },
  { q: 'apples', filters: { person: ["Siobhán O'Connor"] } },
  { q: 'mark' },
  // Words in no record find nothing, though shorter words are everywhere (Pagefind would search
  // for the longest start of the word it has, or drop it from a query of several words).
  { q: 'lanternzz' },
  { q: 'Foxcroftian herons' },
  { q: 'Ashdownish', filters: { source: ['Harbor Gazette'] } },
  { q: 'mark', filters: { year: ['2018', '2021'] } },
  { q: '"silver lantern"' },
  { q: '"silver lantern"', filters: { person: ['José Álvarez'] } },
  { q: '"tidal gauge"' },
  { q: '"tidal gauge"', filters: { topic: ['glaciers'], source: ['Quayside Chronicle'] } },
  // Names and other names: an alias-only word finds the person page and the articles that list
  // the person, never an article that only mentions the surname; accents typed or not.
  { q: 'Quillfeather' },
  { q: 'Quillfeather', filters: { source: ['Northern Ledger'] } },
  { q: 'Pemberton' },
  { q: 'Pemberton', filters: { person: ['Rutherford Pemberton'] } },
  { q: '"Rutherford Pemberton"' },
  { q: 'José' },
  { q: 'Jose', filters: { topic: ['fisheries'] } },
  { q: 'Álvarez', filters: { year: ['2015', '2017'] } },
  { q: 'alvarez' },
  { q: 'Siobhán' },
  { q: 'Siobhan', filters: { year: ['2021'], topic: ['orchards', CASE_TOPIC] } },
  { q: 'Dhomhnaill' },
  { q: 'Siobhan Dhomhnaill', filters: { year: ['2016'] } },
  { q: 'Quintanilla' },
  { q: 'Wróblewska' },
  { q: 'wroblewska' },
  // Roles (article) and descriptions (person page), bylines, source names.
  { q: 'wharfinger' },
  { q: 'wharfinger', filters: { person: ['José Álvarez'] } },
  { q: 'magistrate' },
  { q: 'Foxcroft' },
  { q: 'Foxcroft', filters: { topic: ['orchards'] } },
  { q: 'Ashdown', filters: { source: ['Harbor Gazette', 'Northern Ledger'] } },
  { q: 'Ledger' },
  // Character references: the decoded word is found, the reference's name is not.
  { q: 'Völkerwanderung' },
  { q: 'volkerwanderung', filters: { topic: ['history'] } },
  { q: 'détente' },
  { q: 'detente' },
  { q: 'eacute' },
  { q: 'rsquo' },
  // 2019-12-31T21:15-05:00 is in 2019.
  { q: 'fireworks' },
  { q: 'fireworks', filters: { year: ['2019'] } },
  { q: 'fireworks', filters: { year: ['2020'] } },
  // Topics that differ by symbols are distinct; by case only, one.
  { q: 'bronze', filters: { topic: ['C++'] } },
  { q: 'dispatch', filters: { topic: ['C++'] } },
  { q: 'dispatch', filters: { topic: ['C'] } },
  { q: 'dispatch', filters: { topic: ['C#'] } },
  { q: 'dispatch', filters: { topic: [CASE_TOPIC] } },
  { q: 'saltmarsh', filters: { topic: [CASE_TOPIC, 'C'] } },
  // Dek; a link's target is not text; a stray surname; person-page-only words; several words.
  { q: 'gondolier' },
  { q: 'zephyrine' },
  { q: 'Kettleworth' },
  { q: 'Jasper' },
  { q: 'glaciologist' },
  { q: 'Ingrid Halvorsen', filters: { year: ['2018', '2019'] } },
  { q: 'herons saltmarsh', filters: { person: ['Tobias Kettleworth'] } },
  // Filters alone.
  { q: '', filters: { topic: [CASE_TOPIC] } },
  { q: '', filters: { person: ["Siobhán O'Connor"], year: ['2016', '2021'] } },
  // The French page searches French articles (French stems).
  { lang: 'fr', q: 'boulangerie' },
  { lang: 'fr', q: 'boulangerie', filters: { person: ['José Álvarez', 'Marguerite Duval'] } },
  { lang: 'fr', q: 'Duval' },
  { lang: 'fr', q: 'Maggie', filters: { year: ['2018', '2020'] } },
  { lang: 'fr', q: 'Alvarez' },
  { lang: 'fr', q: 'vendange', filters: { topic: ['commerce'] } },
];

// ---------------------------------------------------------------------------------------------
// The expected side: records and rules computed from the fixture's data alone.

const stemmers = { en: snowball.newStemmer('english'), fr: snowball.newStemmer('french') };
const MONTHS_EN = 'January February March April May June July August September October November December'.split(' ');
const MONTHS_FR = 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' ');
/** Words the page may print around an article that the oracle does not model: queries avoid them. */
const UNMODELLED = [
  ...MONTHS_EN,
  ...MONTHS_FR,
  ...'byline original captured capture cite article articles people person topic topics source named also date inferred published copy download bibtex chicago apa mla https http www example org search archive read result'.split(
    ' ',
  ),
];

/** A date as an article page prints it: "31 December 2019". */
function printedDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS_EN[m! - 1]} ${y}`;
}

/** One search record as the oracle sees it. */
interface Rec {
  path: string;
  lang: Lang;
  day?: string;
  /** Each field's words in order (phrases are checked within a field). */
  fields: string[][];
  filters: Record<Group, string[]>;
}

/** The records of the fixture: one per article, one per person (English). */
function oracleRecords(archive: OracleArchive): Rec[] {
  const people = new Map(archive.people.map((p) => [p.id, p]));
  // Topics differing only in case are one topic, named by the spelling used most (first on ties).
  const spellings = new Map<string, Map<string, number>>();
  for (const a of archive.articles)
    for (const t of a.topics) {
      const m = spellings.get(t.toLowerCase()) ?? new Map<string, number>();
      m.set(t, (m.get(t) ?? 0) + 1);
      spellings.set(t.toLowerCase(), m);
    }
  const label = (t: string) => [...spellings.get(t.toLowerCase())!].sort((a, b) => b[1] - a[1])[0]![0];
  const records: Rec[] = archive.articles.map((a) => {
    const listed = a.people.map((m) => ({ ...people.get(m.id)!, role: m.role }));
    const texts = [
      a.title,
      a.dek ?? '',
      ...a.visibleBody.split('\n\n'),
      ...a.authors,
      a.source.name,
      ...listed.flatMap((p) => [p.name, ...p.aliases, p.role ?? '']),
      ...a.topics,
      printedDate(a.day),
    ];
    return {
      path: a.path,
      lang: a.language,
      day: a.day,
      fields: texts.map(words),
      filters: {
        person: listed.map((p) => p.name),
        // No byline of this fixture is a person's name: each is an author as printed.
        author: [...new Set(a.authors)],
        source: [a.source.name],
        topic: [...new Set(a.topics.map(label))],
        year: [a.day.slice(0, 4)],
      },
    };
  });
  for (const p of archive.people)
    records.push({
      path: `people/${p.id}/`,
      lang: 'en',
      fields: [p.name, ...p.aliases, p.description].map(words),
      filters: { person: [], author: [], source: [], topic: [], year: [] },
    });
  return records;
}

/** A query's terms: each a list of stems; a phrase has several. */
function terms(q: string, lang: Lang): string[][] {
  const out: string[][] = [];
  for (const [, phrase, word] of q.matchAll(/"([^"]*)"|(\S+)/g)) {
    const ws = words(phrase ?? word!).map((w) => stemmers[lang].stem(w));
    if (ws.length === 0) continue;
    if (phrase !== undefined) out.push(ws);
    else out.push(...ws.map((w) => [w]));
  }
  return out;
}

/** True when a stem begins some word of the record. */
function has(rec: Rec, stem: string): boolean {
  return rec.fields.some((f) => f.some((w) => w.startsWith(stem)));
}

/** True when the record matches every term of the query. */
function matchesWords(rec: Rec, query: string[][]): boolean {
  return query.every((term) => term.every((stem) => has(rec, stem)));
}

/** True when the record passes every filter, leaving out one group if asked. */
function passes(rec: Rec, filters: Query['filters'] = {}, except?: Group): boolean {
  return GROUPS.every((g) => g === except || !filters[g]?.length || filters[g].some((v) => rec.filters[g].includes(v)));
}

/** Vocabularies already worked out, by the records they were made from. */
const vocabularies = new WeakMap<Rec[], Map<string, { path: string; indexed: string }>>();

/** Every word of the records with where it is and its stem (what an index holds). */
function vocabularyOf(recs: Rec[], lang: Lang): Map<string, { path: string; indexed: string }> {
  const known = vocabularies.get(recs);
  if (known) return known;
  const vocabulary = new Map<string, { path: string; indexed: string }>();
  for (const rec of recs)
    for (const w of rec.fields.flat())
      if (!vocabulary.has(w)) vocabulary.set(w, { path: rec.path, indexed: stemmers[lang].stem(w) });
  vocabularies.set(recs, vocabulary);
  return vocabulary;
}

/**
 * Refuses a query the rules could read two ways: a word that prefixes something the page prints
 * but the oracle does not model, a stem whose match would differ between a record word and its
 * stem, or a phrase whose words some record has apart.
 */
function checkUnambiguous(query: Query, recs: Rec[]): void {
  const lang = query.lang ?? 'en';
  const vocabulary = vocabularyOf(recs, lang);
  const unmodelled = UNMODELLED.map(fold);
  const refuse = (why: string) => {
    throw new Error(`query ${JSON.stringify(query.q)} (${lang}) cannot be answered without doubt: ${why}`);
  };
  for (const term of terms(query.q, lang)) {
    for (const stem of term) {
      const clash = unmodelled.find((w) => w.startsWith(stem));
      if (clash) refuse(`"${stem}" begins "${clash}", which the page may print but the oracle does not model`);
      for (const [w, { indexed }] of vocabulary) {
        if (w.startsWith(stem) !== indexed.startsWith(stem))
          refuse(`"${stem}" begins one of "${w}" and its stem "${indexed}" but not the other`);
      }
    }
    if (term.length > 1)
      for (const rec of recs.filter((r) => matchesWords(r, [term]))) {
        const adjacent = rec.fields.some((f) =>
          f.some((_, i) => term.every((stem, k) => f[i + k]?.startsWith(stem) ?? false)),
        );
        if (!adjacent) refuse(`${rec.path} has the words of "${term.join(' ')}" apart`);
      }
  }
}

/** Records by language, kept so that a language's vocabulary is worked out once. */
const languages = new WeakMap<Rec[], Map<Lang, Rec[]>>();

/** The records of one language (the same array each time for the same records). */
function byLanguage(all: Rec[], lang: Lang): Rec[] {
  const split = languages.get(all) ?? new Map<Lang, Rec[]>();
  languages.set(all, split);
  if (!split.has(lang))
    split.set(
      lang,
      all.filter((r) => r.lang === lang),
    );
  return split.get(lang)!;
}

/** What the page must show for a query: the result set and the count of every filter value. */
function expected(query: Query, all: Rec[]) {
  const recs = byLanguage(all, query.lang ?? 'en');
  checkUnambiguous(query, recs);
  const stems = terms(query.q, query.lang ?? 'en');
  const found = recs.filter((r) => matchesWords(r, stems));
  return {
    paths: found.filter((r) => passes(r, query.filters)).map((r) => r.path),
    count: (group: Group, value: string) =>
      found.filter((r) => passes(r, query.filters, group) && r.filters[group].includes(value)).length,
  };
}

// ---------------------------------------------------------------------------------------------
// The page side: what a reader sees in Chromium.

/** Once a search has run: waits until it is final, presses "Show more" until it goes, then reads the page. */
async function read(page: Page, base: string): Promise<Shown> {
  await finalSearch(page);
  await showEveryResult(page);
  return shownSearch(page, base);
}

/**
 * Opens a search address (in the tab itself when it is already on that search page, see
 * goToSearch) and reads what it shows once Pagefind has answered.
 */
async function open(page: Page, url: string, base: string): Promise<Shown> {
  await goToSearch(page, url);
  return read(page, base);
}

/** Chooses another order with the page's own control and reads the new answer. */
async function reorder(page: Page, sort: Sort, base: string): Promise<Shown> {
  await page.evaluate(() => {
    for (const li of document.querySelectorAll('#search-results li')) li.setAttribute('data-stale', '');
    document.querySelector('#search-status')!.textContent = '';
  });
  await page.locator('#search-sort').selectOption(sort);
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('#search-status')?.textContent ?? ''),
    STATUS.source,
    POLL,
  );
  // The old list is normally replaced by now; a page that keeps unchanged items is allowed.
  await page
    .waitForFunction(() => !document.querySelector('#search-results li[data-stale]'), undefined, {
      ...POLL,
      timeout: 2000,
    })
    .catch(() => undefined);
  return read(page, base);
}

/** Everything wrong with one order's page, as readable lines. */
function problems(sort: Sort, shown: Shown, want: ReturnType<typeof expected>, days: Map<string, string | undefined>) {
  const out: string[] = [];
  const at = `sort=${sort}`;
  const got = new Set(shown.paths);
  const missing = want.paths.filter((p) => !got.has(p));
  const unexpected = [...got].filter((p) => !want.paths.includes(p));
  if (missing.length) out.push(`${at}: missing ${missing.join(', ')}`);
  if (unexpected.length) out.push(`${at}: unexpected ${unexpected.join(', ')}`);
  if (got.size !== shown.paths.length) out.push(`${at}: a result is listed twice`);
  const n = /\b(\d+) results?\b/.exec(shown.status)?.[1];
  const said = n ? Number(n) : /\bNo results\b/.test(shown.status) ? 0 : NaN;
  if (said !== shown.paths.length)
    out.push(`${at}: status says "${shown.status}" but ${shown.paths.length} results are listed`);
  for (const box of shown.boxes) {
    const count = want.count(box.group as Group, box.value);
    if (box.count !== count) out.push(`count ${box.group}=${box.value}: shown (${box.count}), expected (${count})`);
  }
  if (sort !== 'relevance') {
    const dates = shown.paths.map((p) => days.get(p));
    const firstUndated = dates.indexOf(undefined);
    if (firstUndated >= 0 && dates.slice(firstUndated).some((d) => d !== undefined))
      out.push(`${at}: an undated result comes before a dated one: ${shown.paths.join(', ')}`);
    const dated = dates.filter((d): d is string => d !== undefined);
    const inOrder = dated.every((d, i) => i === 0 || (sort === 'newest' ? dated[i - 1]! >= d : dated[i - 1]! <= d));
    if (!inOrder) out.push(`${at}: not in date order: ${dated.join(', ')}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const archive = oracleArchive();
const records = oracleRecords(archive);
const days = new Map(records.map((r) => [r.path, r.day]));
/** The archive's builds by base path, both with the index in parts (the global setup's). */
const dists: Record<string, string> = { '/': searchOracleDist('rootParts'), '/archive/': searchOracleDist('archive') };

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

test('the fixture is as large and varied as the oracle needs', () => {
  const articles = records.filter((r) => r.day);
  expect(articles.length).toBeGreaterThanOrEqual(60);
  expect(new Set(articles.map((r) => r.filters.year[0])).size).toBeGreaterThanOrEqual(5);
  expect(new Set(articles.map((r) => r.lang))).toEqual(new Set(['en', 'fr']));
  expect(QUERIES.length).toBeGreaterThanOrEqual(40);
  // Every query's answer is worked out without doubt, and most find something.
  const sizes = QUERIES.map((q) => expected(q, records).paths.length);
  expect(sizes.filter((n) => n > 0).length).toBeGreaterThanOrEqual(40);
});

describe('the search page against the oracle, at / and under /archive/', () => {
  let sites: SiteTab[] = [];
  beforeAll(async () => {
    sites = await servedTabs(browser, dists);
  });
  afterAll(async () => {
    await closeTabs(sites);
  });

  test('each filter lists every value once, topics that differ only in case as one', async () => {
    for (const { base, site, page } of sites)
      for (const lang of ['en', 'fr'] as const) {
        const shown = await open(page, searchAddress(site.origin, base, { lang, q: 'zzzz' }, 'relevance'), base);
        const recs = records.filter((r) => r.lang === lang);
        for (const g of GROUPS) {
          const want = [...new Set(recs.flatMap((r) => r.filters[g]))].sort();
          const got = shown.boxes.filter((b) => b.group === g).map((b) => b.value);
          expect(got.toSorted(), `${base}search/ (${lang}): values of ${g}`).toEqual(want);
        }
      }
  });

  for (const [n, query] of QUERIES.entries()) {
    const filters = GROUPS.flatMap((g) => (query.filters?.[g] ?? []).map((v) => `${g}=${v}`));
    const name = `${query.lang ?? 'en'} q=${JSON.stringify(query.q)}${filters.length ? ` ${filters.join(' ')}` : ''}`;
    test(
      name,
      async () => {
        const want = expected(query, records);
        // The address gives the first order and the page's order control the next (each pair of
        // orders in turn over the queries, so every order is reached both ways and each is
        // compared with the oracle). A query with filters runs at both bases: the base path
        // changes the addresses the page reads and writes, and filter values (accents,
        // apostrophes, "#") are what an address carries besides the words. The others take the
        // two bases in turn, so each base meets every pair of orders.
        const orders = [SORTS[n % SORTS.length]!, SORTS[(n + 1) % SORTS.length]!];
        const bases = query.filters ? sites : sites.filter((_, i) => i === n % sites.length);
        const found = await Promise.all(
          bases.map(async ({ base, site, page }) => {
            const out: string[] = [];
            for (const [k, sort] of orders.entries()) {
              const shown =
                k === 0
                  ? await open(page, searchAddress(site.origin, base, query, sort), base)
                  : await reorder(page, sort, base);
              out.push(...problems(sort, shown, want, days).map((p) => `${base}: ${p}`));
            }
            return [...new Set(out)];
          }),
        );
        expect(found.flat(), `${name} (expected ${want.paths.length}: ${want.paths.join(', ') || 'none'})`).toEqual([]);
      },
      60_000,
    );
  }
});
