import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, inject, test } from 'vitest';
import { writeCorpus } from '../../bench/corpus.ts';
import { listFiles, splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { checkContent } from '../../src/content/check.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { BENCH_CORPUS } from '../setup/unit-fixtures.ts';

// The synthetic benchmark archive: valid content, the same bytes for the same seed, and the
// shape benchmarks rely on (article lengths, a few very frequently named people). Each test reads
// or writes a corpus of 300 articles: heavy work, with a timeout to match.

const scratch: string[] = [];
/** The corpus every unit test shares (BENCH_CORPUS), written once by the unit tests' global setup. */
const main = inject('benchCorpus');

/** A corpus of the shared corpus's size written to a fresh temporary folder. */
async function corpus(seed: number): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-corpus-'));
  scratch.push(dir);
  await writeCorpus(dir, { ...BENCH_CORPUS, seed });
  return dir;
}

/** Each article's people ids and body text. */
async function articles(dir: string): Promise<{ people: string[]; body: string }[]> {
  const root = path.join(dir, 'articles');
  const all = [];
  for (const rel of await listFiles(root)) {
    const parts = splitFrontmatter(await readFile(path.join(root, rel), 'utf8'))!;
    all.push({ people: (parseYaml(parts.yaml) as { people: string[] }).people, body: parts.body });
  }
  return all;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

test('the corpus passes the content checker', async () => {
  const { problems, counts } = await checkContent(main);
  expect(problems).toEqual([]);
  expect(counts).toMatchObject({ articles: 300, people: 80, sources: 20 });
}, 60_000);

test('the same seed gives the same bytes and another seed other text', async () => {
  const [first, again, other] = await Promise.all([
    fingerprint(main),
    corpus(BENCH_CORPUS.seed).then(fingerprint),
    corpus(BENCH_CORPUS.seed + 1).then(fingerprint),
  ]);
  expect(Object.keys(again)).toEqual(Object.keys(first));
  expect(again).toEqual(first);
  const firstArticles = new Set(
    Object.entries(first).flatMap(([rel, hash]) => (rel.startsWith('articles/') ? [hash] : [])),
  );
  const shared = Object.entries(other).filter(([rel, hash]) => rel.startsWith('articles/') && firstArticles.has(hash));
  expect(shared).toEqual([]);
}, 60_000);

test('article lengths and people follow the benchmark shape', async () => {
  const all = await articles(main);
  const words = all.map((a) => a.body.split(/\s+/).filter(Boolean).length);
  expect(median(words)).toBeGreaterThanOrEqual(450);
  expect(median(words)).toBeLessThanOrEqual(1000);
  expect(Math.max(...words)).toBeLessThanOrEqual(5000);
  const mentions = new Map<string, number>();
  for (const rel of await listFiles(path.join(main, 'people'))) mentions.set(rel.replace(/\.yaml$/, ''), 0);
  for (const a of all) for (const id of a.people) mentions.set(id, (mentions.get(id) ?? 0) + 1);
  const counts = [...mentions.values()];
  expect(Math.max(...counts)).toBeGreaterThanOrEqual(10 * median(counts));
}, 60_000);

test('every article names 2 to 10 people, each of them in its text', async () => {
  const names = new Map<string, string>();
  for (const rel of await listFiles(path.join(main, 'people'))) {
    const person = parseYaml(await readFile(path.join(main, 'people', rel), 'utf8')) as { name: string };
    names.set(rel.replace(/\.yaml$/, ''), person.name);
  }
  for (const a of await articles(main)) {
    expect(a.people.length).toBeGreaterThanOrEqual(2);
    expect(a.people.length).toBeLessThanOrEqual(10);
    for (const id of a.people) expect(a.body).toContain(names.get(id));
  }
}, 60_000);
