import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { articlesLoader, dataLoader } from '../../src/content/loaders.ts';
import { listFiles, readArticleBody } from '../../src/content/files.ts';

// The site's collections and `npm run check` read the same files the same way: the same files of
// a folder, the same YAML. A file that passes the check means to the site what it meant to the check.

let root: string;
const FILES: Record<string, string> = {
  // A name that looks like a date stays text (another YAML setting would make it a date).
  'people/twenty.yaml': 'name: 2001-01-01\ndescription: A band named after a day.\n',
  // A `<<` key is a plain key in YAML 1.2, not a merge: the person schema rejects it.
  'people/merged.yaml': 'base: &b {description: Merged.}\nname: Merged\n<<: *b\n',
  'people/sub/nested.yaml': 'name: Nested\ndescription: In a sub-folder.\n',
  'people/.hidden.yaml': 'name: Hidden\ndescription: An editor backup.\n',
  'sources/the-hill.yml': 'name: The Hill\nhomepage: https://thehill.com/\n',
  'articles/2020/01/a.md': '---\ntitle: A\nlanguage: en\n---\n\nBody.\n',
  'articles/2020/01/.a.md.swp.md': '---\ntitle: Hidden\n---\n',
};

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'archive-readers-'));
  for (const [rel, text] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** What a loader stores for a folder, by id, through a minimal stand-in for Astro's loader context. */
async function load(loader: ReturnType<typeof dataLoader>): Promise<Map<string, Record<string, unknown>>> {
  const stored = new Map<string, { data: Record<string, unknown>; digest?: string; filePath?: string }>();
  const context = {
    store: {
      get: (id: string) => stored.get(id),
      set: (entry: { id: string; data: Record<string, unknown> }) => (stored.set(entry.id, entry), true),
      keys: () => [...stored.keys()],
      delete: (id: string) => stored.delete(id),
    },
    parseData: ({ data }: { data: Record<string, unknown> }) => Promise.resolve(data),
    generateDigest: (text: string) => text,
  } as unknown as LoaderContext;
  await loader.load(context);
  return new Map([...stored].map(([id, e]) => [id, e.data]));
}

test('the collections parse YAML as the checker does: a date-like name is text, `<<` is no merge', async () => {
  const people = await load(dataLoader(path.join(root, 'people')));
  expect(people.get('twenty')).toEqual({ name: '2001-01-01', description: 'A band named after a day.' });
  expect(people.get('merged')).toMatchObject({ name: 'Merged', '<<': { description: 'Merged.' } });
  const { entries, problems } = await checkContent(root);
  expect(entries.people.find((p) => p.id === 'twenty')?.data.name).toBe('2001-01-01');
  expect(problems.filter((p) => p.file.endsWith('merged.yaml')).map((p) => p.field)).toContain('<<');
});

test('the collections read the files the checker reads: sub-folders and .yml, never hidden files', async () => {
  const { entries } = await checkContent(root);
  const people = await load(dataLoader(path.join(root, 'people')));
  const sources = await load(dataLoader(path.join(root, 'sources')));
  const articles = await load(articlesLoader(path.join(root, 'articles')));
  expect([...people.keys()].toSorted()).toEqual(['merged', 'sub/nested', 'twenty']);
  // The checker's valid people: the same, less the one it rejects (the build never gets that far).
  expect(entries.people.map((p) => p.id).toSorted()).toEqual(['sub/nested', 'twenty']);
  expect([...sources.keys()]).toEqual(entries.sources.map((s) => s.id));
  expect([...articles.keys()]).toEqual(['2020/01/a']);
});

test('one reader gives an article body: after the front matter, without a byte-order mark', async () => {
  const dir = path.join(root, 'bodies');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'crlf.md'), '\uFEFF---\r\ntitle: A\r\n---\r\n\r\nBody one.\r\n');
  await writeFile(path.join(dir, 'none.md'), '\uFEFFNo front matter.\n');
  expect(readArticleBody(path.join(dir, 'crlf.md'))).toBe('\r\nBody one.\r\n');
  expect(readArticleBody(path.join(dir, 'none.md'))).toBe('No front matter.\n');
  expect(() => readArticleBody(path.join(dir, 'missing.md'))).toThrow(/ENOENT/);
});

test('one lister gives every file under a folder, sorted, with / separators; nothing for a missing folder', async () => {
  expect(await listFiles(path.join(root, 'people'))).toEqual([
    '.hidden.yaml',
    'merged.yaml',
    'sub/nested.yaml',
    'twenty.yaml',
  ]);
  expect(await listFiles(path.join(root, 'nowhere'))).toEqual([]);
});
