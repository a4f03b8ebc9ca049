import { createHash } from 'node:crypto';
import type { Archive, Article, PersonEntry, SourceEntry } from './collections.ts';
import { newestFirst } from './grouping.ts';
import { listKey } from './page-keys.ts';
import type { ArticleQuote } from './quotes.ts';
import { urls } from './urls.ts';
import type { Version } from './version-pages.ts';
import { articleTopics } from '../content/topics.ts';
import { csvHeader, csvRows, csvText, listCell } from '../text/csv.ts';
import { jsonDigest } from '../text/hash.ts';

// The archive's data as files under data/ (README, "The data behind the pages"): every public
// article, person, source, topic and quote as JSON Lines (https://jsonlines.org/: one JSON object
// a line, the reference) and as CSV (src/text/csv.ts: the same fields, lists as listCell writes
// them, nested objects spread over several columns), and each person's, topic's and
// source's own articles as a slice in the same two forms. The pages link the files and never hold
// their rows. Written by one endpoint (src/pages/data/[...file].ts), each file keyed by what it
// holds, the quotes' files among them (quotesDataFiles).

/** A person an article names, with the role it gives them. */
interface NamedPerson {
  id: string;
  name: string;
  role: string | null;
}

/** One capture of an article (the article file is the latest). */
interface VersionRecord {
  /** The version id: the capture moment (src/content/version-entries.ts). */
  id: string;
  captured: string;
  /** The version's page, or for an article captured once, the article's page. */
  address: string;
}

/** One article, as a line of articles.jsonl; the field names are the CSV's column names where one column holds them. */
interface ArticleRecord {
  id: string;
  address: string;
  url: string;
  headline: string;
  dek: string | null;
  /** As the archive holds it: the date (YYYY-MM-DD) or date-time with its offset; for an inferred date, the earliest possible. */
  published: string;
  /** For an inferred date, the latest possible one (null when only the earliest is known, and for a printed date). */
  published_latest: string | null;
  /** For an inferred date, how it was worked out; null for a date the original printed. */
  published_basis: string | null;
  updated: string | null;
  captured: string;
  source: { id: string; name: string };
  bylines: string[];
  people: NamedPerson[];
  organizations: string[];
  topics: string[];
  language: string;
  capture: string | null;
  capture_address: string | null;
  capture_sha256: string | null;
  versions: VersionRecord[];
}

/** The columns of articles.csv (and of every slice's CSV), in order. */
const ARTICLE_COLUMNS = [
  'id',
  'address',
  'url',
  'headline',
  'dek',
  'published',
  'published_latest',
  'published_basis',
  'updated',
  'captured',
  'source_id',
  'source_name',
  'bylines',
  'people_ids',
  'people_names',
  'people_roles',
  'organizations',
  'topics',
  'language',
  'capture',
  'capture_address',
  'capture_sha256',
  'version_ids',
  'version_captured',
  'version_addresses',
] as const;

/** A list as one cell (listCell). */
const joined = listCell;

/** An article record's CSV cells, in the order of ARTICLE_COLUMNS. */
function articleCells(r: ArticleRecord): (string | null)[] {
  return [
    r.id,
    r.address,
    r.url,
    r.headline,
    r.dek,
    r.published,
    r.published_latest,
    r.published_basis,
    r.updated,
    r.captured,
    r.source.id,
    r.source.name,
    joined(r.bylines),
    joined(r.people.map((p) => p.id)),
    joined(r.people.map((p) => p.name)),
    joined(r.people.map((p) => p.role ?? '')),
    joined(r.organizations),
    joined(r.topics),
    r.language,
    r.capture,
    r.capture_address,
    r.capture_sha256,
    joined(r.versions.map((v) => v.id)),
    joined(r.versions.map((v) => v.captured)),
    joined(r.versions.map((v) => v.address)),
  ];
}

/**
 * A site path as the data files give it: the full address under `site` (the site address the
 * feeds and the sitemap name, src/build/site-address.ts), or the path itself when there is none.
 */
function address(path: string, site: URL | undefined): string {
  return site ? new URL(path, site).href : path;
}

/** The files of one slice or whole collection: data/<name>.jsonl and data/<name>.csv. */
export type DataFormat = 'jsonl' | 'csv';

/** Media types of the two forms: JSON Lines has none registered; CSV's is RFC 4180's, with the charset and header row. */
export const DATA_MEDIA_TYPES: Record<DataFormat, string> = {
  jsonl: 'application/jsonl; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

/** Where a data file is, inside the site: "people/maria-okafor" -> "/data/people/maria-okafor.csv". */
export function dataFilePath(name: string, format: DataFormat): string {
  return urls.dataFile(`${name}.${format}`);
}

/** An article's record, its versions from `versions` (loadVersions). */
function articleRecord(
  archive: Archive,
  a: Article,
  versions: Map<string, Version[]>,
  site: URL | undefined,
): ArticleRecord {
  const d = a.data;
  const captures = versions.get(a.id) ?? [];
  return {
    id: a.id,
    address: address(urls.article(a.id), site),
    url: d.url,
    headline: d.title,
    dek: d.dek ?? null,
    published: d.published,
    published_latest: d.publishedInferred?.latest ?? null,
    published_basis: d.publishedInferred?.basis ?? null,
    updated: d.updated ?? null,
    captured: d.captured,
    source: { id: d.source.id, name: archive.sources.get(d.source.id)?.data.name ?? d.source.id },
    bylines: d.authors.map((au) => au.name),
    people: a.people.map((m) => ({
      id: m.id,
      name: archive.people.get(m.id)?.data.name ?? m.id,
      role: m.role ?? null,
    })),
    organizations: d.organizations,
    topics: articleTopics(d.topics, archive.topicLabels),
    language: d.language,
    capture: d.capture ?? null,
    capture_address: d.capture ? address(urls.capture(d.capture), site) : null,
    capture_sha256: d.captureSha256 ?? null,
    versions: captures.map((v) => ({
      id: v.id,
      captured: v.data.captured,
      address: address(captures.length > 1 ? urls.version(a.id, v.id) : urls.article(a.id), site),
    })),
  };
}

/**
 * Each article's line in both forms, by article, made once for one list of data files: every
 * slice repeats lines of articles.jsonl and articles.csv, so an article's line is made once, not
 * once per file (docs/performance.md, "The data files"). The lines belong to the list
 * (dataFiles), not to the module: they go when the files are written and the list dropped,
 * instead of staying for the rest of the build with the articles (docs/performance.md, "Related
 * coverage, charts and data files: divided and cut").
 */
type ArticleLines = Map<Article, Record<DataFormat, string>>;

/** An article's line of `format`, ended by its line end, from `lines` or made and kept there. */
function articleLine(
  lines: ArticleLines,
  format: DataFormat,
  archive: Archive,
  a: Article,
  versions: Map<string, Version[]>,
  site: URL | undefined,
): string {
  let both = lines.get(a);
  if (!both) {
    const record = articleRecord(archive, a, versions, site);
    both = { jsonl: `${JSON.stringify(record)}\n`, csv: csvRows([articleCells(record)]) };
    lines.set(a, both);
  }
  return both[format];
}

/** Records as JSON Lines: one JSON text a line, each line ended by LF (an empty file for none). */
function jsonLines(records: readonly unknown[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/**
 * The articles a person's slice holds: those naming them and those they signed, newest first, each
 * once. Worked out once per archive and person and kept with the archive (every page of the
 * person's, the people file and the slice ask; sorting by date each time was about 1 % of a
 * build's main thread at 10,000 articles): the same array each time, not to be changed.
 */
export function personSliceArticles(archive: Archive, id: string): readonly Article[] {
  let slices = personSlices.get(archive);
  if (!slices) personSlices.set(archive, (slices = new Map<string, Article[]>()));
  let slice = slices.get(id);
  if (!slice) {
    const both = new Set(archive.byPerson.get(id) ?? []);
    for (const a of archive.byAuthor.get(`person:${id}`)?.articles ?? []) both.add(a);
    slices.set(id, (slice = [...both].sort(newestFirst)));
  }
  return slice;
}

/** Each archive's person slices (personSliceArticles), by person id. */
const personSlices = new WeakMap<Archive, Map<string, Article[]>>();

/** A data file to write: its name under data/ (without the extension), form, and what makes its text. */
export interface DataFile {
  /** "articles", "people", "people/maria-okafor", "topics/housing"… */
  name: string;
  format: DataFormat;
  /** The build cache's key: covers everything the file holds (src/site/page-keys.ts). */
  cacheKey: string;
  /** The file's text. */
  text: () => string;
  /**
   * The same text in pieces, for a file too long to be made as one string (the quotes' files,
   * tens of megabytes at 10,000 articles): a build writes it piece by piece.
   */
  pieces?: () => Iterable<string>;
}

/** A person's, source's or topic's own summary line: its address, how many articles, and its slice's files. */
function withSlice(name: string, path: string, count: number, site: URL | undefined) {
  return {
    address: address(path, site),
    articles: count,
    data_csv: address(dataFilePath(name, 'csv'), site),
    data_jsonl: address(dataFilePath(name, 'jsonl'), site),
  };
}

/** A line of people.jsonl. */
function personRecord(archive: Archive, p: PersonEntry, site: URL | undefined) {
  const d = p.data;
  return {
    id: p.id,
    name: d.name,
    sort_name: d.sortName ?? null,
    description: d.description ?? null,
    aliases: d.aliases,
    links: d.links.map((l) => ({ label: l.label, url: l.url })),
    ...withSlice(`people/${p.id}`, urls.person(p.id), personSliceArticles(archive, p.id).length, site),
    naming: archive.byPerson.get(p.id)?.length ?? 0,
    signed: archive.byAuthor.get(`person:${p.id}`)?.articles.length ?? 0,
  };
}

/** A line of sources.jsonl. */
function sourceRecord(archive: Archive, s: SourceEntry, site: URL | undefined) {
  return {
    id: s.id,
    name: s.data.name,
    homepage: s.data.homepage,
    ...withSlice(`sources/${s.id}`, urls.source(s.id), archive.bySource.get(s.id)?.length ?? 0, site),
  };
}

/** A line of topics.jsonl. */
function topicRecord(topic: { name: string; slug: string; articles: Article[] }, site: URL | undefined) {
  return {
    id: topic.slug,
    name: topic.name,
    ...withSlice(`topics/${topic.slug}`, urls.topic(topic.name), topic.articles.length, site),
  };
}

/** The columns of people.csv, sources.csv and topics.csv, and how each record fills them. */
const SUMMARY_CSV = {
  people: {
    columns: [
      'id',
      'name',
      'sort_name',
      'description',
      'aliases',
      'link_labels',
      'link_urls',
      'address',
      'articles',
      'naming',
      'signed',
      'data_csv',
      'data_jsonl',
    ],
    cells: (r: ReturnType<typeof personRecord>) => [
      r.id,
      r.name,
      r.sort_name,
      r.description,
      joined(r.aliases),
      joined(r.links.map((l) => l.label)),
      joined(r.links.map((l) => l.url)),
      r.address,
      String(r.articles),
      String(r.naming),
      String(r.signed),
      r.data_csv,
      r.data_jsonl,
    ],
  },
  sources: {
    columns: ['id', 'name', 'homepage', 'address', 'articles', 'data_csv', 'data_jsonl'],
    cells: (r: ReturnType<typeof sourceRecord>) => [
      r.id,
      r.name,
      r.homepage,
      r.address,
      String(r.articles),
      r.data_csv,
      r.data_jsonl,
    ],
  },
  topics: {
    columns: ['id', 'name', 'address', 'articles', 'data_csv', 'data_jsonl'],
    cells: (r: ReturnType<typeof topicRecord>) => [
      r.id,
      r.name,
      r.address,
      String(r.articles),
      r.data_csv,
      r.data_jsonl,
    ],
  },
};

/**
 * A line of quotes.jsonl: `article` (its id), `address` (its page in the archive, full under the site
 * address as the other files' addresses are),
 * `published` (its date as stored: a calendar day or a moment with offset), `person` (the id of
 * the archive person the quote is given to, or null), `speaker` (as written, or null),
 * `refersTo` (for a pronoun or nominal speaker, what it refers to, or null), `quote` (the quoted
 * words without the article's quotation marks, whatever they are), `anchor` (the id of the paragraph holding it, for `address#anchor`, or null).
 */
interface QuoteRecord {
  article: string;
  address: string;
  published: string;
  person: string | null;
  speaker: string | null;
  refersTo: string | null;
  quote: string;
  anchor: string | null;
}

/** The columns of quotes.csv, in order: the fields of quotes.jsonl, named in snake_case as the other CSV files' columns are. */
const QUOTE_COLUMNS = ['article', 'address', 'published', 'person', 'speaker', 'refers_to', 'quote', 'anchor'] as const;

/** A quote's line of quotes.jsonl. */
function quoteRecord(
  { article, quote }: ArticleQuote,
  site: URL | undefined,
  addresses: Map<string, string>,
): QuoteRecord {
  let articleAddress = addresses.get(article.id);
  if (articleAddress === undefined)
    addresses.set(article.id, (articleAddress = address(urls.article(article.id), site)));
  return {
    article: article.id,
    address: articleAddress,
    published: article.data.published,
    person: quote.person,
    speaker: quote.speaker?.text ?? null,
    refersTo: quote.refersTo,
    quote: quote.quote.text,
    anchor: quote.anchor,
  };
}

/** A quote record's CSV cells, in the order of QUOTE_COLUMNS. */
const quoteCells = (r: QuoteRecord) => [
  r.article,
  r.address,
  r.published,
  r.person,
  r.speaker,
  r.refersTo,
  r.quote,
  r.anchor,
];

/** How many quotes one piece of quotesFileChunks holds. */
const QUOTES_CHUNK = 1000;

/**
 * The text of data/quotes.jsonl or data/quotes.csv in pieces (quotesFileText is their
 * concatenation), each made only when taken: the CSV's header, then the lines or rows of up to
 * QUOTES_CHUNK quotes at a time. The route streams them, so the file (tens of megabytes at 10,000
 * articles) is never one string.
 */
export function* quotesFileChunks(
  quotes: readonly ArticleQuote[],
  format: DataFormat,
  site: URL | undefined,
): Generator<string, void, undefined> {
  if (format === 'csv') yield csvHeader(QUOTE_COLUMNS);
  // An article's address is worked out once, not once per quote.
  const addresses = new Map<string, string>();
  for (let i = 0; i < quotes.length; i += QUOTES_CHUNK) {
    const records = quotes.slice(i, i + QUOTES_CHUNK).map((q) => quoteRecord(q, site, addresses));
    // CSV rows each end with CRLF, so rows written apart join into the rows written together.
    yield format === 'jsonl' ? jsonLines(records) : csvRows(records.map(quoteCells));
  }
}

/**
 * The text of data/quotes.jsonl or data/quotes.csv: one line or row per quote of `quotes`
 * (archiveQuotes' `all`: newest article first, each article's in reading order), the fields of
 * QuoteRecord; the CSV has the same fields as QUOTE_COLUMNS, written by src/text/csv.ts. Addresses
 * are full under `site` (the site address), root-relative without one.
 */
export function quotesFileText(quotes: readonly ArticleQuote[], format: DataFormat, site: URL | undefined): string {
  return [...quotesFileChunks(quotes, format, site)].join('');
}

/**
 * The SHA-256 (hexadecimal) of data/quotes.jsonl's text as quotesFileText(quotes, 'jsonl', site)
 * gives it, hashed piece by piece as each is made: the key of both quotes files, without the whole
 * text held at once to be hashed.
 */
export function quotesFileDigest(quotes: readonly ArticleQuote[], site: URL | undefined): string {
  const hash = createHash('sha256');
  for (const chunk of quotesFileChunks(quotes, 'jsonl', site)) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * The quotes' two data files, data/quotes.jsonl and data/quotes.csv, of `quotes` (archiveQuotes'
 * `all`) under `site` (quotesFileText), in pieces (quotesFileChunks). Their cache key is the hash
 * of the JSON Lines text (quotesFileDigest), worked out now: what they hold depends on every
 * body, its people and the quote rules, and that text holds every field of every record (the CSV
 * is made from the same records).
 */
export function quotesDataFiles(quotes: readonly ArticleQuote[], site: URL | undefined): DataFile[] {
  const key = quotesFileDigest(quotes, site);
  return (['jsonl', 'csv'] as const).map((format) => ({
    name: 'quotes',
    format,
    cacheKey: key,
    text: () => quotesFileText(quotes, format, site),
    pieces: () => quotesFileChunks(quotes, format, site),
  }));
}

/** Records in one of the two forms. */
function written<R>(format: DataFormat, records: R[], columns: readonly string[], cells: (r: R) => (string | null)[]) {
  return format === 'jsonl' ? jsonLines(records) : csvText(columns, records.map(cells));
}

/** The files of a list of articles (the whole archive's, or a slice). */
function articleFiles(
  lines: ArticleLines,
  archive: Archive,
  name: string,
  articles: readonly Article[],
  versions: Map<string, Version[]>,
  site: URL | undefined,
): DataFile[] {
  // The versions' ids and file digests are in the key: a new capture adds a version to a line.
  const captures = articles.map((a) => (versions.get(a.id) ?? []).map((v) => [v.id, v.digest]));
  const key = listKey(archive, articles, name, captures, site?.href ?? '');
  return (['jsonl', 'csv'] as const).map((format) => ({
    name,
    format,
    cacheKey: key,
    text: () =>
      (format === 'csv' ? csvHeader(ARTICLE_COLUMNS) : '') +
      articles.map((a) => articleLine(lines, format, archive, a, versions, site)).join(''),
  }));
}

/**
 * Every data file of the archive: articles, people, sources and topics (each in both forms), then
 * each person's, source's and topic's slice. `versions` is every article's versions
 * (loadVersions), `site` the site address the files name (undefined: root-relative addresses).
 * People, sources and topics are in id order; articles newest first, as the lists show them.
 */
export function dataFiles(archive: Archive, versions: Map<string, Version[]>, site: URL | undefined): DataFile[] {
  const byId = <T extends { id: string }>(list: Iterable<T>) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  const people = byId(archive.people.values());
  const sources = byId(archive.sources.values());
  const topics = [...archive.byTopic.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  // People, sources and topics give their names, details and article counts.
  const everyone = jsonDigest([listKey(archive, archive.articles), site?.href ?? '']);
  const summary = <R>(
    name: keyof typeof SUMMARY_CSV,
    records: () => R[],
    csv: { columns: readonly string[]; cells: (r: R) => (string | null)[] },
  ): DataFile[] =>
    (['jsonl', 'csv'] as const).map((format) => ({
      name,
      format,
      cacheKey: everyone,
      text: () => written(format, records(), csv.columns, csv.cells),
    }));
  const lines: ArticleLines = new Map();
  const slice = (name: string, articles: readonly Article[]) =>
    articleFiles(lines, archive, name, articles, versions, site);
  return [
    ...slice('articles', archive.articles),
    ...summary('people', () => people.map((p) => personRecord(archive, p, site)), SUMMARY_CSV.people),
    ...summary('sources', () => sources.map((s) => sourceRecord(archive, s, site)), SUMMARY_CSV.sources),
    ...summary('topics', () => topics.map((t) => topicRecord(t, site)), SUMMARY_CSV.topics),
    ...people.flatMap((p) => slice(`people/${p.id}`, personSliceArticles(archive, p.id))),
    ...sources.flatMap((s) => slice(`sources/${s.id}`, archive.bySource.get(s.id) ?? [])),
    ...topics.flatMap((t) => slice(`topics/${t.slug}`, t.articles)),
  ];
}
