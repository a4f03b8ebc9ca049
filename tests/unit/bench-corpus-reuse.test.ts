import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { corpusFor } from '../../bench/corpus.ts';

// A benchmark reuses the corpus in its folder only when it was made from the options asked for:
// figures labelled "80 people" must not come from a corpus of 50.

const scratch = await mkdtemp(path.join(tmpdir(), 'bench-corpus-reuse-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

test('a corpus made from the same options is reused as it is', async () => {
  const dir = path.join(scratch, 'same');
  await corpusFor(dir, { articles: 6, people: 4, seed: 2 });
  const first = path.join(dir, 'people', readdirSync(path.join(dir, 'people'))[0]!);
  const before = (await stat(first)).mtimeMs;
  await corpusFor(dir, { articles: 6, people: 4, seed: 2 });
  expect((await stat(first)).mtimeMs).toBe(before);
  expect(JSON.parse(await readFile(path.join(dir, '.bench-corpus.json'), 'utf8'))).toEqual({
    articles: 6,
    people: 4,
    seed: 2,
  });
});

test.each([
  [{ articles: 6, people: 5, seed: 2 }, 'not the 6 articles, 5 people, seed 2 asked for'],
  [{ articles: 6, people: 4, seed: 3 }, 'not the 6 articles, 4 people, seed 3 asked for'],
])('a corpus made from other options is refused: %o', async (asked, notAsked) => {
  const dir = path.join(scratch, `other-${asked.people}-${asked.seed}`);
  await corpusFor(dir, { articles: 6, people: 4, seed: 2 });
  await expect(corpusFor(dir, asked)).rejects.toThrow(
    `${dir} holds a corpus of 6 articles, 4 people, seed 2, ${notAsked}: remove that folder, or give another --dir`,
  );
});

test('a folder of articles with no record of its making is refused, not reused', async () => {
  const dir = path.join(scratch, 'unrecorded');
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await expect(corpusFor(dir, { articles: 6, people: 4, seed: 2 })).rejects.toThrow(
    /holds a corpus with no \.bench-corpus\.json .* give another --dir/,
  );
});

test('npm run bench stops with that message, before any build, when its folder holds another corpus', async () => {
  const dir = path.join(scratch, 'cli');
  await corpusFor(path.join(dir, 'corpus-6'), { articles: 6, people: 4, seed: 1 });
  const run = spawnSync(process.execPath, ['scripts/bench.ts', '--articles', '6', '--people', '5', '--dir', dir], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('npm run bench: ');
  expect(run.stderr).toContain('holds a corpus of 6 articles, 4 people, seed 1, not the 6 articles, 5 people, seed 1');
  expect(run.stderr).not.toMatch(/\n\s+at /);
});
