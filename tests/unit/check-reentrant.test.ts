import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkContent, type CheckResult } from '../../src/content/check.ts';

// The checker keeps no state between calls: two checks of two content folders at once give what
// each gives alone, notes and the front matter cache included, and a check never reports what an
// earlier check of another folder found.

const scratch = await mkdtemp(path.join(tmpdir(), 'check-reentrant-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const A = path.join(scratch, 'a');
const B = path.join(scratch, 'b');

/** An article file with a control character (U+0007) in its headline, which the check notes. */
const noted = (title: string, url: string) =>
  `---\ntitle: "${title}\\a"\nsource: the-hill\nurl: ${url}\npublished: 2018-09-10\ncaptured: 2018-09-11\n---\n\nText of ${title}.\n`;

beforeAll(async () => {
  // A: the project's content, an article with a note, and one whose front matter is not YAML.
  await cp('content', A, { recursive: true });
  await writeFile(path.join(A, 'articles/2018/09/bell-a.md'), noted('Bell in folder A', 'https://a.example/bell'));
  await writeFile(path.join(A, 'articles/bad.md'), '---\ntitle: [unclosed\n---\n\nBody.\n');
  // B: its own source and person (the person's name noted), an article with a note, a bad reference.
  await mkdir(path.join(B, 'articles/2018/09'), { recursive: true });
  await mkdir(path.join(B, 'people'), { recursive: true });
  await mkdir(path.join(B, 'sources'), { recursive: true });
  await writeFile(path.join(B, 'sources/the-hill.yaml'), 'name: The Hill\nhomepage: https://thehill.com/\n');
  await writeFile(path.join(B, 'people/pat-doe.yaml'), 'name: "Pat\\u0008 Doe"\n');
  await writeFile(path.join(B, 'articles/2018/09/bell-b.md'), noted('Bell in folder B', 'https://b.example/bell'));
  await writeFile(
    path.join(B, 'articles/2018/09/unknown-person.md'),
    '---\ntitle: Unknown person\nsource: the-hill\nurl: https://b.example/u\npublished: 2018-09-10\ncaptured: 2018-09-11\npeople: [pat-do]\n---\n\nText.\n',
  );
});

const options = (folder: string) => ({ yamlCache: path.join(scratch, `cache-${path.basename(folder)}.json`) });

/** What a check found and the cache file it left. */
async function withCache(run: Promise<CheckResult>, folder: string) {
  const result = await run;
  return { result, cache: await readFile(options(folder).yamlCache, 'utf8') };
}

test('two checks of two folders at once give what each gives alone, notes and caches included', async () => {
  const alone = [await withCache(checkContent(A, options(A)), A), await withCache(checkContent(B, options(B)), B)];
  // Each folder has its own notes and problems (so a mix-up would show).
  expect(alone[0]!.result.notes.map((n) => n.file)).toEqual([expect.stringContaining('bell-a.md')]);
  expect(alone[1]!.result.notes.map((n) => path.basename(n.file)).sort()).toEqual(['bell-b.md', 'pat-doe.yaml']);
  expect(alone[0]!.result.problems.length).toBeGreaterThan(0);
  expect(alone[1]!.result.problems.map((p) => p.field)).toEqual(['people.0']);
  for (const folder of [A, B]) await rm(options(folder).yamlCache);
  const together = await Promise.all([
    withCache(checkContent(A, options(A)), A),
    withCache(checkContent(B, options(B)), B),
  ]);
  expect(together).toEqual(alone);
});

test("a check of folder B after one of folder A reports none of A's notes", async () => {
  await checkContent(A);
  const b = await checkContent(B);
  expect(b.notes.some((n) => n.file.includes('bell-a'))).toBe(false);
  expect(b.notes).toHaveLength(2);
});

test('two checks at once with one cache file both finish, and the file they leave serves a third', async () => {
  const shared = { yamlCache: path.join(scratch, 'cache-shared.json') };
  const alone = await checkContent(A);
  const [first, second] = await Promise.all([checkContent(A, shared), checkContent(A, shared)]);
  expect(first).toEqual(alone);
  expect(second).toEqual(alone);
  expect(await checkContent(A, shared)).toEqual(alone);
});
