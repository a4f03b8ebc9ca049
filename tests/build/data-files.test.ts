import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { quoteArticles } from '../fixtures/quote-articles.ts';
import { FORMULA_HEADLINE } from '../fixtures/sites.ts';
import { page } from '../helpers/dist.ts';
import { DIST_ARCHIVE, DIST_ROOT, FIXTURE_CONTENT } from '../helpers/paths.ts';

// The data files under data/ (README, "The data behind the pages"; quotes.jsonl and quotes.csv
// too), read the way a researcher would: JSON Lines a line at a time with JSON.parse, CSV with
// csv-parse (not the library that wrote it). The CSV must say exactly what the JSON Lines say, by
// the README's rules (lists joined with " | ", nested objects spread over columns, an apostrophe
// before a cell a spreadsheet would run as a formula); the JSON Lines must say what the content's
// front matter says, read here with the YAML parser alone (none of the archive's loaders).

type Json = Record<string, unknown>;
type Person = { id: string; name: string; role: string | null };
type Version = { id: string; captured: string; address: string };

/** The lines of a JSON Lines file, each parsed on its own. */
async function jsonLines(file: string): Promise<Json[]> {
  const text = await readFile(file, 'utf8');
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as Json);
}

/** The raw text of a CSV file and its rows as header-keyed records. */
async function csvFile(file: string): Promise<{ raw: Buffer; header: string[]; rows: Record<string, string>[] }> {
  const raw = await readFile(file);
  const records: string[][] = parseCsv(raw, { bom: true, relax_column_count: false });
  const [header = [], ...rest] = records;
  return { raw, header, rows: rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))) };
}

/** A list as the README says a cell holds it. */
const list = (values: readonly string[]) => values.join(' | ');
/** A value as a cell: empty for null, numbers as digits. */
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/**
 * A cell as the README says it is written: one apostrophe before a value starting (after any
 * apostrophes) with =, +, -, @, a tab or a carriage return, or their full-width forms.
 */
function guarded(value: string): string {
  return /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? `'${value}` : value;
}

/** How the README says each column of articles.csv comes from a line of articles.jsonl. */
const ARTICLE_COLUMNS: Record<string, (r: Json) => string> = {
  id: (r) => text(r.id),
  address: (r) => text(r.address),
  url: (r) => text(r.url),
  headline: (r) => text(r.headline),
  dek: (r) => text(r.dek),
  published: (r) => text(r.published),
  published_latest: (r) => text(r.published_latest),
  published_basis: (r) => text(r.published_basis),
  updated: (r) => text(r.updated),
  captured: (r) => text(r.captured),
  source_id: (r) => (r.source as { id: string }).id,
  source_name: (r) => (r.source as { name: string }).name,
  bylines: (r) => list(r.bylines as string[]),
  people_ids: (r) => list((r.people as Person[]).map((p) => p.id)),
  people_names: (r) => list((r.people as Person[]).map((p) => p.name)),
  people_roles: (r) => list((r.people as Person[]).map((p) => p.role ?? '')),
  organizations: (r) => list(r.organizations as string[]),
  topics: (r) => list(r.topics as string[]),
  language: (r) => text(r.language),
  capture: (r) => text(r.capture),
  capture_address: (r) => text(r.capture_address),
  capture_sha256: (r) => text(r.capture_sha256),
  version_ids: (r) => list((r.versions as Version[]).map((v) => v.id)),
  version_captured: (r) => list((r.versions as Version[]).map((v) => v.captured)),
  version_addresses: (r) => list((r.versions as Version[]).map((v) => v.address)),
};

/** The columns of people.csv, sources.csv and topics.csv. */
const SLICE_COLUMNS = {
  address: (r: Json) => text(r.address),
  articles: (r: Json) => text(r.articles),
  data_csv: (r: Json) => text(r.data_csv),
  data_jsonl: (r: Json) => text(r.data_jsonl),
};
const SUMMARY_COLUMNS: Record<string, Record<string, (r: Json) => string>> = {
  people: {
    id: (r) => text(r.id),
    name: (r) => text(r.name),
    sort_name: (r) => text(r.sort_name),
    description: (r) => text(r.description),
    aliases: (r) => list(r.aliases as string[]),
    link_labels: (r) => list((r.links as { label: string }[]).map((l) => l.label)),
    link_urls: (r) => list((r.links as { url: string }[]).map((l) => l.url)),
    address: SLICE_COLUMNS.address,
    articles: SLICE_COLUMNS.articles,
    naming: (r) => text(r.naming),
    signed: (r) => text(r.signed),
    data_csv: SLICE_COLUMNS.data_csv,
    data_jsonl: SLICE_COLUMNS.data_jsonl,
  },
  sources: {
    id: (r) => text(r.id),
    name: (r) => text(r.name),
    homepage: (r) => text(r.homepage),
    ...SLICE_COLUMNS,
  },
  topics: { id: (r) => text(r.id), name: (r) => text(r.name), ...SLICE_COLUMNS },
};

/** Compares a CSV file with its JSON Lines file, column by column and row by row. */
async function expectSameData(dist: string, name: string, columns: Record<string, (r: Json) => string>) {
  const lines = await jsonLines(path.join(dist, 'data', `${name}.jsonl`));
  const { raw, header, rows } = await csvFile(path.join(dist, 'data', `${name}.csv`));
  // UTF-8 with a byte order mark; CRLF line ends (RFC 4180).
  expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(raw.toString('utf8')).toMatch(/^\uFEFF[^\r\n]*\r\n/);
  expect(raw.toString('utf8').endsWith('\r\n')).toBe(true);
  expect(header).toEqual(Object.keys(columns));
  expect(rows.length).toBe(lines.length);
  rows.forEach((row, i) => {
    const expected = Object.fromEntries(Object.entries(columns).map(([c, f]) => [c, guarded(f(lines[i]!))]));
    expect(row).toEqual(expected);
  });
  return lines;
}

/** Every article file of the content folder with its front matter, read with the YAML parser. */
async function frontMatter(): Promise<Map<string, Json>> {
  const dir = path.join(FIXTURE_CONTENT, 'articles');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.md'));
  const out = new Map<string, Json>();
  for (const f of files) {
    const source = await readFile(path.join(dir, f), 'utf8');
    const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)![1]!;
    out.set(f.replace(/\\/g, '/').replace(/\.md$/, ''), parseYaml(yaml) as Json);
  }
  return out;
}

/** True for front matter the site shows: not a draft, with a source, URL and date. */
const shown = (d: Json) => d.draft !== true && d.source && d.url && d.published;

describe('articles.jsonl and articles.csv', () => {
  test('the CSV holds every field of every line of the JSON Lines, by the documented rules', async () => {
    const lines = await expectSameData(DIST_ROOT, 'articles', ARTICLE_COLUMNS);
    expect(lines.length).toBeGreaterThan(10);
  });

  test('a headline starting like a formula is escaped in the CSV and kept verbatim in the JSON Lines', async () => {
    const lines = await jsonLines(path.join(DIST_ROOT, 'data/articles.jsonl'));
    const line = lines.find((l) => l.id === '2024/11/formula-headline-quillwort')!;
    expect(line.headline).toBe(FORMULA_HEADLINE);
    expect(line.dek).toBe('+Quillwort standfirst, with a comma and "quotes"\nand a line break');
    const { rows } = await csvFile(path.join(DIST_ROOT, 'data/articles.csv'));
    const row = rows.find((r) => r.id === '2024/11/formula-headline-quillwort')!;
    expect(row.headline).toBe(`'${FORMULA_HEADLINE}`);
    expect(row.dek).toBe(`'+Quillwort standfirst, with a comma and "quotes"\nand a line break`);
    // A value already starting with an apostrophe before "=" gets one more, so the rule reads back.
    expect(row.organizations).toBe("''=Quillwort Trust | @Quillwort Holdings");
    // No cell of the file starts a formula.
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  test('every public article of the content is a line, with its front matter as written', async () => {
    const matter = await frontMatter();
    const lines = await jsonLines(path.join(DIST_ROOT, 'data/articles.jsonl'));
    const publicIds = [...matter].filter(([, d]) => shown(d)).map(([id]) => id);
    expect(lines.map((l) => l.id).sort()).toEqual(publicIds.sort());
    for (const line of lines) {
      const d = matter.get(line.id as string)!;
      expect(line.headline).toBe(d.title);
      expect(line.url).toBe(d.url);
      expect(line.dek).toBe(d.dek ?? null);
      expect(line.published).toBe(String(d.published));
      expect(line.captured).toBe(String(d.captured));
      expect((line.source as { id: string }).id).toBe(d.source);
      expect(line.organizations).toEqual(d.organizations ?? []);
      expect(line.address).toBe(`https://archive.example.org/articles/${line.id as string}/`);
      const authors = ((d.authors ?? []) as (string | { name: string })[]).map((a) =>
        typeof a === 'string' ? a : a.name,
      );
      expect(line.bylines).toEqual(authors);
      const people = ((d.people ?? []) as (string | { id: string })[]).map((p) => (typeof p === 'string' ? p : p.id));
      expect((line.people as Person[]).map((p) => p.id)).toEqual(people);
    }
  });

  test("the seed article's inferred date, capture and its digest, and its people's roles", async () => {
    const lines = await jsonLines(path.join(DIST_ROOT, 'data/articles.jsonl'));
    const id = '2018/09/immigration-judges-sessions';
    const line = lines.find((l) => l.id === id)!;
    const d = (await frontMatter()).get(id)!;
    const inferred = d.publishedInferred as { latest: string; basis: string };
    expect(line.published_latest).toBe(String(inferred.latest));
    expect(line.published_basis).toBe(inferred.basis);
    expect(line.capture).toBe(d.capture);
    const bytes = await readFile(path.join(FIXTURE_CONTENT, 'captures', d.capture as string));
    expect(line.capture_sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const roles = (d.people as { id: string; role?: string }[]).map((p) => p.role ?? null);
    expect((line.people as Person[]).map((p) => p.role)).toEqual(roles);
  });

  test('an article captured three times lists its versions, oldest first, with their pages', async () => {
    const lines = await jsonLines(path.join(DIST_ROOT, 'data/articles.jsonl'));
    const versioned = lines.filter((l) => (l.versions as Version[]).length > 1);
    expect(versioned.length).toBeGreaterThan(0);
    for (const line of versioned) {
      const versions = line.versions as Version[];
      expect(versions.map((v) => v.captured)).toEqual([...versions.map((v) => v.captured)].sort());
      expect(versions.at(-1)!.captured).toBe(line.captured);
      for (const v of versions)
        expect(v.address).toBe(`https://archive.example.org/articles/${line.id as string}/versions/${v.id}/`);
    }
  });

  test('under a base path, every address carries it', async () => {
    const lines = await jsonLines(path.join(DIST_ARCHIVE, 'data/articles.jsonl'));
    for (const line of lines)
      expect(line.address).toBe(`https://archive.example.org/archive/articles/${line.id as string}/`);
  });
});

describe('people, sources and topics', () => {
  test.each(['people', 'sources', 'topics'])('%s.csv holds what %s.jsonl holds', async (name) => {
    const lines = await expectSameData(DIST_ROOT, name, SUMMARY_COLUMNS[name]!);
    expect(lines.length).toBeGreaterThan(1);
  });

  test("each person's, source's and topic's page links its slice, whose files hold the articles it counts", async () => {
    const matter = await frontMatter();
    const all = new Map((await jsonLines(path.join(DIST_ROOT, 'data/articles.jsonl'))).map((l) => [l.id, l]));
    const sliceOf = {
      sources: (id: string) => [...matter].filter(([, d]) => shown(d) && d.source === id).map(([a]) => a),
      topics: (id: string) =>
        [...all.values()]
          .filter((l) => (l.topics as string[]).some((t) => t.toLowerCase().replace(/\s+/g, '-') === id))
          .map((l) => l.id as string),
    };
    for (const kind of ['people', 'sources', 'topics'] as const) {
      for (const summary of await jsonLines(path.join(DIST_ROOT, `data/${kind}.jsonl`))) {
        const id = summary.id as string;
        const sitePath = new URL(summary.address as string).pathname;
        const doc = await page(DIST_ROOT, sitePath);
        const link = [...doc.querySelectorAll('p')].find((p) => /^\s*Download/.test(p.textContent ?? ''));
        const slice = await jsonLines(path.join(DIST_ROOT, 'data', kind, `${id}.jsonl`));
        const { rows } = await csvFile(path.join(DIST_ROOT, 'data', kind, `${id}.csv`));
        expect(rows.map((r) => r.id)).toEqual(slice.map((l) => l.id));
        expect(slice.length).toBe(summary.articles);
        // A slice's line is the article's line in articles.jsonl.
        for (const l of slice) expect(l).toEqual(all.get(l.id));
        if (kind !== 'people') expect(slice.map((l) => l.id).sort()).toEqual(sliceOf[kind](id).sort());
        if (slice.length === 0) {
          expect(link).toBeUndefined();
          continue;
        }
        const n = slice.length;
        expect(link!.textContent.replace(/\s+/g, ' ').trim()).toBe(
          `Download ${n === 1 ? 'this 1 article' : `these ${n} articles`} as CSV / JSON Lines`,
        );
        const hrefs = [...link!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
        expect(hrefs).toEqual([`/data/${kind}/${id}.csv`, `/data/${kind}/${id}.jsonl`]);
        // Only the link: no page holds its slice's rows.
        expect(doc.documentElement.outerHTML).not.toContain('capture_sha256');
      }
    }
  });

  test("a person's slice holds the articles naming them", async () => {
    const lines = await jsonLines(path.join(DIST_ROOT, 'data/people/maria-okafor.jsonl'));
    const matter = await frontMatter();
    const naming = [...matter]
      .filter(([, d]) => shown(d) && ((d.people ?? []) as unknown[]).includes('maria-okafor'))
      .map(([id]) => id);
    expect(lines.map((l) => l.id).sort()).toEqual(naming.sort());
  });
});

/** How the README says each column of quotes.csv comes from a line of quotes.jsonl (the same fields, in snake_case). */
const QUOTE_COLUMNS: Record<string, (r: Json) => string> = {
  article: (r) => text(r.article),
  address: (r) => text(r.address),
  published: (r) => text(r.published),
  person: (r) => text(r.person),
  speaker: (r) => text(r.speaker),
  refers_to: (r) => text(r.refersTo),
  quote: (r) => text(r.quote),
  anchor: (r) => text(r.anchor),
};

describe.each([
  { dist: DIST_ROOT, base: '/' },
  { dist: DIST_ARCHIVE, base: '/archive/' },
])('quotes.jsonl and quotes.csv at $base', ({ dist, base }) => {
  test('the CSV holds every field of every line of the JSON Lines, and no other', async () => {
    const lines = await expectSameData(dist, 'quotes', QUOTE_COLUMNS);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual([
        'article',
        'address',
        'published',
        'person',
        'speaker',
        'refersTo',
        'quote',
        'anchor',
      ]);
      expect(line.address).toBe(`https://archive.example.org${base}articles/${line.article as string}/`);
    }
    // Some quote of the fixtures has no person, and some holds a comma the CSV has to quote.
    expect(lines.some((l) => l.person === null)).toBe(true);
    expect(lines.some((l) => (l.quote as string).includes(','))).toBe(true);
  });

  test('a quote starting like a formula is escaped in the CSV and kept verbatim in the JSON Lines', async () => {
    const id = '2015/09/farrowby-breakwater-figures';
    const fixture = quoteArticles().find((a) => a.id === id)!;
    // As printed, without the comma the reporting sentence puts inside the closing mark (README).
    const said = fixture.quotes.map((q) => q.text.replace(/,$/, ''));
    expect(said.map((q) => q[0])).toEqual(['-', '@']);
    const lines = (await jsonLines(path.join(dist, 'data/quotes.jsonl'))).filter((l) => l.article === id);
    expect(lines.map((l) => l.quote)).toEqual(said);
    const { rows } = await csvFile(path.join(dist, 'data/quotes.csv'));
    const ofArticle = rows.filter((r) => r.article === id);
    expect(ofArticle.map((r) => r.quote)).toEqual(said.map((q) => `'${q}`));
    expect(ofArticle.map((r) => r.person)).toEqual(['odile-farrowby', 'odile-farrowby']);
    // No cell of the file starts a formula.
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
