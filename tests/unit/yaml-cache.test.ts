import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { YamlCache } from '../../src/content/yaml-cache.ts';

// Front matter parsed by one build is reused by the next when its text is unchanged: the check
// gives the same answer with and without it, and a value JSON would change is parsed again.

const root = await mkdtemp(path.join(tmpdir(), 'yaml-cache-'));
afterAll(() => rm(root, { recursive: true, force: true }));

test('a check with the cache from an earlier check gives the same entries and problems', async () => {
  const content = path.join(root, 'content');
  await cp('content', content, { recursive: true });
  await writeFile(path.join(content, 'articles/bad.md'), '---\ntitle: [unclosed\n---\n\nBody.\n');
  const cache = path.join(root, 'cache/front-matter.json');
  const plain = await checkContent(content);
  const first = await checkContent(content, { yamlCache: cache });
  const second = await checkContent(content, { yamlCache: cache });
  expect(plain.problems.length).toBeGreaterThan(0);
  for (const run of [first, second]) {
    expect(run.problems).toEqual(plain.problems);
    expect(run.entries).toEqual(plain.entries);
  }
});

test('a value JSON cannot carry (Infinity) is not kept, so it is parsed again', async () => {
  const file = path.join(root, 'inf.json');
  const parse = () => ({ data: { n: Infinity } });
  const first = await YamlCache.open(file);
  expect(first.parse('n: .inf', parse).data).toEqual({ n: Infinity });
  await first.save();
  let called = false;
  const again = await YamlCache.open(file);
  expect(
    again.parse('n: .inf', () => {
      called = true;
      return parse();
    }).data,
  ).toEqual({ n: Infinity });
  expect(called).toBe(true);
  // A plain value is kept.
  again.parse('n: 1', () => ({ data: { n: 1 } }));
  await again.save();
  const third = await YamlCache.open(file);
  expect(third.parse('n: 1', () => ({ data: { n: 2 } })).data).toEqual({ n: 1 });
});
