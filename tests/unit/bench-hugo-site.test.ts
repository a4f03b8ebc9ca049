import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, inject, test } from 'vitest';
import { parse } from 'yaml';
import { hugoArticle, writeHugoSite } from '../../bench/hugo-site.ts';
import { HOSTILE_ARTICLE } from '../fixtures/hugo-front-matter.ts';

// The benchmark corpus as a Hugo site (bench/hugo-site.ts): each article's front matter mapped to
// Hugo's keys and taxonomies, checked by reading both files with the yaml package directly, the
// corpus's as the archive reads it (YAML 1.2) and Hugo's as Hugo 0.111 reads it (YAML 1.1, where
// `yes`, `on`, `12:30` and dates are not text unless quoted).

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

/** A file's front matter and body, split here rather than by the project's own splitter. */
function split(text: string): { yaml: string; body: string } {
  const m = /^---\n([\s\S]*?)\n?---\n/.exec(text);
  if (!m) throw new Error(`no front matter in:\n${text.slice(0, 200)}`);
  return { yaml: m[1]!, body: text.slice(m[0].length) };
}

/** Hugo's front matter as Hugo reads it. */
const hugoFront = (text: string) => parse(split(text).yaml, { version: '1.1' }) as Record<string, unknown>;

/** What Hugo's front matter must hold for a corpus article's front matter, key by key (the mapping in bench/hugo-site.ts's docs). */
function expected(corpus: Record<string, unknown>): Record<string, unknown> {
  const mapped: Record<string, unknown> = {
    title: corpus.title,
    date: corpus.published,
    dek: corpus.dek,
    authors: corpus.authors,
    people: corpus.people,
    topics: corpus.topics,
    sources: [corpus.source],
    captured: corpus.captured,
    original: corpus.url,
  };
  return Object.fromEntries(Object.entries(mapped).filter(([, v]) => v !== undefined));
}

test('hostile front matter values reach Hugo as the same text, under Hugo keys and taxonomies', () => {
  const out = hugoArticle(HOSTILE_ARTICLE, 'articles/2005/03/hostile.md');
  const corpus = parse(split(HOSTILE_ARTICLE).yaml) as Record<string, unknown>;
  expect(hugoFront(out)).toEqual(expected(corpus));
  // Spot checks of what the mapping must not lose, written out by hand.
  expect(hugoFront(out)).toMatchObject({ title: 'yes', date: '2005-03-02', people: ['on', 'ana-ruiz-2'] });
  expect((hugoFront(out).topics as string[]).slice(0, 3)).toEqual(['off', '12:30', '2005-03-02']);
  expect(split(out).body).toBe(split(HOSTILE_ARTICLE).body);
});

test('an article without a dek or authors gives Hugo no such keys', () => {
  const text = '---\ntitle: Plain\nsource: s\npublished: 2020-01-02\n---\nBody.\n';
  expect(Object.keys(hugoFront(hugoArticle(text, 'a.md'))).sort()).toEqual(['date', 'sources', 'title']);
});

test('an article that cannot be converted is refused, naming the file and the field', () => {
  expect(() => hugoArticle('No front matter.\n', 'articles/2020/01/x.md')).toThrow(
    /articles\/2020\/01\/x\.md: no front matter/,
  );
  expect(() => hugoArticle('---\ntitle: T\nsource: s\n---\nBody\n', 'y.md')).toThrow(
    /y\.md: front matter field "published" is missing/,
  );
  expect(() => hugoArticle('---\ntitle: 12\nsource: s\npublished: 2020-01-01\n---\n', 'z.md')).toThrow(
    /z\.md: front matter field "title" is missing or not text/,
  );
});

test('the whole benchmark corpus becomes Hugo content: every article, person and source, mapped', async () => {
  const corpus = inject('benchCorpus');
  const site = await mkdtemp(path.join(tmpdir(), 'hugo-site-'));
  scratch.push(site);
  const written = await writeHugoSite(corpus, site);
  // The corpus's articles, listed here with readdir rather than the project's file lister.
  const articles = (await readdir(path.join(corpus, 'articles'), { recursive: true })).filter((f) => f.endsWith('.md'));
  expect(written).toBe(articles.length);
  for (const rel of articles) {
    const from = await readFile(path.join(corpus, 'articles', rel), 'utf8');
    const to = await readFile(path.join(site, 'content', 'articles', rel), 'utf8');
    expect(hugoFront(to), rel).toEqual(expected(parse(split(from).yaml) as Record<string, unknown>));
    expect(split(to).body).toBe(split(from).body);
  }
  for (const file of await readdir(path.join(corpus, 'people'))) {
    const person = parse(await readFile(path.join(corpus, 'people', file), 'utf8')) as Record<string, unknown>;
    const index = await readFile(path.join(site, 'content', 'people', file.replace('.yaml', ''), '_index.md'), 'utf8');
    expect(hugoFront(index)).toEqual({
      title: person.name,
      description: person.description,
      also_named: person.aliases,
    });
  }
  for (const file of await readdir(path.join(corpus, 'sources'))) {
    const source = parse(await readFile(path.join(corpus, 'sources', file), 'utf8')) as Record<string, unknown>;
    const index = await readFile(path.join(site, 'content', 'sources', file.replace('.yaml', ''), '_index.md'), 'utf8');
    expect(hugoFront(index)).toEqual({ title: source.name });
  }
}, 60_000);
