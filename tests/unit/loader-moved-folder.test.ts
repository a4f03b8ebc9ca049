import { createHash } from 'node:crypto';
import { cp, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, expect, test } from 'vitest';
// Astro's own content store, as the build uses it (not a stand-in; not one of Astro's public
// exports): its `set` keeps an entry whose digest is unchanged as it was, whatever else it says.
import { MutableDataStore } from '../../node_modules/astro/dist/content/mutable-data-store.js';
import { dataLoader } from '../../src/content/loaders.ts';

// The content store is kept between builds in the build cache. An entry records its file's path;
// pages read the file again from that path (article bodies). When the content folder moves (a new
// checkout, another ARCHIVE_CONTENT_DIR with the same cache), every file is unchanged, so its
// digest is too: the entry must still come to name the file where it is now, or the build reads
// a file that is gone (or, worse, an old copy that is still there).

const tmp = await mkdtemp(path.join(os.tmpdir(), 'loader-moved-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

interface Store {
  get(id: string): { filePath?: string } | undefined;
}

/** Runs the loader over `dir` with Astro's store scoped to one collection. */
async function load(dir: string, store: { scopedStore(name: string): Store }): Promise<Store> {
  const scoped = store.scopedStore('people');
  const context = {
    store: scoped,
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
  } as unknown as LoaderContext;
  await dataLoader(dir).load(context);
  return scoped;
}

test('an entry names its file where the content folder is now, after the folder moved', async () => {
  const first = path.join(tmp, 'first', 'people');
  await mkdir(first, { recursive: true });
  await writeFile(path.join(first, 'ana.yaml'), 'name: Ana Example\n');
  const store = new MutableDataStore();
  const before = await load(first, store);
  expect(path.resolve(before.get('ana')!.filePath!)).toBe(path.join(first, 'ana.yaml'));

  const moved = path.join(tmp, 'moved', 'people');
  await cp(first, moved, { recursive: true });
  await rm(path.join(tmp, 'first'), { recursive: true });
  const after = await load(moved, store);
  expect(path.resolve(after.get('ana')!.filePath!)).toBe(path.join(moved, 'ana.yaml'));
});
